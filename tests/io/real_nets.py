"""Real-world-shaped nets in plain PyTorch (tiny channel counts), and the files they make."""

from __future__ import annotations

from collections import OrderedDict

import torch
from torch import nn

from tests.io.helpers import MLP


def conv_stack() -> nn.Sequential:
    """A LeNet/VGG-like stack: stride, padding, pooling, BatchNorm, Dropout, a head."""
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, stride=2, padding=1),
        nn.BatchNorm2d(4, eps=1e-3),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
        nn.Conv2d(4, 6, 3, padding=2, dilation=2),
        nn.ReLU(),
        nn.AvgPool2d(2),
        nn.Dropout(0.2),
        nn.Flatten(),
        nn.Linear(6 * 2 * 2, 5),
        nn.Softmax(dim=1),
    )


def depthwise() -> nn.Sequential:
    """A MobileNet-like block: depthwise (groups = channels) then pointwise."""
    return nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.Conv2d(4, 4, 3, padding=1, groups=4, bias=False),
        nn.BatchNorm2d(4),
        nn.GELU(approximate="tanh"),
        nn.Conv2d(4, 8, 1),
    )


def named_children() -> nn.Sequential:
    """An AlexNet-like ``features`` / ``classifier`` pair of named children."""
    return nn.Sequential(
        OrderedDict(
            features=nn.Sequential(
                nn.Conv2d(3, 4, 5, stride=2, padding=2), nn.ReLU(), nn.MaxPool2d(2)
            ),
            classifier=nn.Sequential(nn.Flatten(), nn.Dropout(0.5), nn.Linear(4 * 4 * 4, 3)),
        )
    )


class Residual(nn.Module):
    """A ResNet-like block: the body's output is added to its input."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 3, 3, padding=1), nn.BatchNorm2d(3), nn.ReLU())

    def forward(self, x):
        return x + self.body(x)


class Concat(nn.Module):
    """An Inception/DenseNet-like block: two branches concatenated on channels."""

    def __init__(self):
        super().__init__()
        self.a = nn.Conv2d(3, 2, 1)
        self.b = nn.Conv2d(3, 2, 3, padding=1)

    def forward(self, x):
        return torch.cat([self.a(x), self.b(x)], 1)


def residual_net() -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(3, 3, 1), Residual(), nn.ReLU())


def concat_net() -> nn.Sequential:
    return nn.Sequential(Concat(), nn.ReLU(), nn.Conv2d(4, 2, 1))


#: name -> (make the net, its input shape)
NETS = {
    "conv_stack": (conv_stack, (2, 3, 16, 16)),
    "depthwise": (depthwise, (2, 3, 8, 8)),
    "named_children": (named_children, (2, 3, 16, 16)),
    "residual": (residual_net, (2, 3, 8, 8)),
    "concat": (concat_net, (2, 3, 8, 8)),
    "mlp": (MLP, (2, 20)),
}


def trained_like(net: nn.Module) -> nn.Module:
    """Give BatchNorm non-trivial running statistics, then switch to eval mode."""
    torch.manual_seed(1)
    for m in net.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 1.5)
    return net.eval()
