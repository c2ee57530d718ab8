"""NN Explorer UI: the shell feature."""
