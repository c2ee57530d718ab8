"""NN Explorer UI: the learner's own nn.Module classes from a .py (imports no other feature)."""
