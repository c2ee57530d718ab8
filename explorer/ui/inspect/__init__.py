"""NN Explorer UI: the inspect feature."""
