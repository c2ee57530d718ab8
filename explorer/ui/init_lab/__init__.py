"""NN Explorer UI: the init lab feature."""
