"""NN Explorer UI: the run feature."""
