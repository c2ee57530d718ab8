"""Forward passes that only look: the model's buffers are swapped for copies meanwhile.

A ``train()`` forward updates batch norm's running statistics in place. Restoring them
afterwards with ``copy_`` puts the numbers back but bumps each tensor's in-place version,
which is how the session tells that the weights changed since the last save
(:func:`explorer.app.session.weights_fingerprint`). Swapping the buffer tensors for clones
and back leaves the model's own tensors untouched: same objects, values and versions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from torch import nn


@contextmanager
def scratch_buffers(net: nn.Module) -> Iterator[None]:
    """Inside, every module's buffers are clones; on leaving, the originals are back."""
    owned = [  # (module, name, tensor): each module once, a tied module's buffers too
        (m, name, b) for m in net.modules() for name, b in m._buffers.items() if b is not None
    ]
    try:
        for m, name, b in owned:
            m._buffers[name] = b.detach().clone()
        yield
    finally:
        for m, name, b in owned:
            m._buffers[name] = b
