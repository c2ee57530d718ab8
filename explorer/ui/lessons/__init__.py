"""NN Explorer UI: the lessons feature."""
