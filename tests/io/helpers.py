"""Hand-written models and files for the checkpoint tests."""

from __future__ import annotations

import torch
from torch import nn


class MLP(nn.Module):
    """The book's MLP class (5.1): ``hidden`` and ``output``."""

    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, X):
        return self.output(torch.relu(self.hidden(X)))


def book_sequential() -> nn.Sequential:
    return nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))


def tied_sequential() -> nn.Sequential:
    """Book 5.2: the shared layer at net[2] and net[4]."""
    shared = nn.Linear(8, 8)
    return nn.Sequential(
        nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1)
    )


def snapshot(net: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in net.state_dict().items()}


def unchanged(net: nn.Module, before: dict[str, torch.Tensor]) -> bool:
    now = net.state_dict()
    return now.keys() == before.keys() and all(torch.equal(now[k], before[k]) for k in now)
