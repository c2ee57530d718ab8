"""NN Explorer UI: the files feature."""
