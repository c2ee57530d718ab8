"""Benchmarks (``make bench``): each figure with its baseline measured in the same run."""
