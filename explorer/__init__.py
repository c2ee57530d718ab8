"""NN Explorer: build, run and inspect PyTorch ``nn.Sequential`` models visually."""

__version__ = "0.1.0"
