"""NN Explorer UI: the autograd scratchpad feature (imports no other feature package)."""
