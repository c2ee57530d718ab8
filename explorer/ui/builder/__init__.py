"""NN Explorer UI: the builder feature."""
