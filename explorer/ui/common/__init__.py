"""NN Explorer UI: the common feature."""
