"""A model that is not a spec: an ``nn.Module`` built by other code (a learner's class).

The document normally builds its module from a :class:`~explorer.core.spec.ModelSpec`.
A :class:`ModuleSource` is the other way to get one: it builds the module itself (a
class from a ``.py``, see :class:`explorer.io.module_file.ClassModel`), says which input
it takes (given, or a guess it names), and turns an error raised in its own code into
one line naming the file's line. Such a model is read-only: it has no layers to edit.

:func:`module_report` gives the shape report the views read for a spec (input and output
shape, parameter counts, FLOPs, and one row per submodule under PyTorch's own
``named_modules()`` names), worked out from the module on the ``meta`` device.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from explorer.core.errors import ExplorerError, Message

if TYPE_CHECKING:
    from torch import nn

    from explorer.core.shapes import ShapeReport


class ReadOnlyModel(ExplorerError):
    """An edit that needs a spec, on a model built by a Python class."""


class ModuleSource(Protocol):
    """What the document needs from a model built by code of its own."""

    title: str  # in the user's words: "MLP (notes_mlp_class.py)"
    window_name: str  # for the window's title: "notes_mlp_class.py — MLP"
    input_shape: tuple[int, ...]  # () when neither given nor guessed
    input_guess: str | None  # how the input shape was guessed; None: the user gave it
    source_text: str  # the code, for the Code tab

    def build(self, device: Any = None) -> nn.Module:
        """A fresh module (PyTorch's default initialization, from the global RNG)."""

    def located(self, exc: BaseException) -> ExplorerError | None:
        """``exc`` as one line naming the line of this source it passed through, or None."""


def module_report(source: ModuleSource, net: nn.Module, input_shape, dtype: str) -> ShapeReport:
    """Input and output shape, parameters (tied ones once), FLOPs and rows of ``net``.

    The output shape comes from a forward pass of a fresh module built on ``meta`` (no
    memory, no compute, the global RNG left as it was), with forward hooks on every
    submodule for the rows' shapes (:func:`~explorer.core.module_summary.hooked_forward`).
    If ``meta`` cannot run the forward, a copy of ``net`` in ``eval()`` runs on zeros. A
    failure is the report's error, located in the source when it passed through it; the
    rows then still list every submodule and its parameters, without shapes.
    """

    from explorer.core.module_summary import module_rows
    from explorer.core.shapes import ShapeReport

    params = {id(p): p for p in net.parameters()}.values()
    total = sum(p.numel() for p in params if not _lazy(p))
    trainable = sum(p.numel() for p in params if p.requires_grad and not _lazy(p))
    nbytes = sum(p.numel() * p.element_size() for p in params if not _lazy(p))
    out_shape, flops, error, rows = None, 0, None, None
    if input_shape:
        try:
            out_shape, flops, rows = _meta_forward(source, input_shape, dtype)
        except Exception:  # noqa: BLE001 - meta lacks some kernels: try the real module
            try:
                out_shape, flops, rows = _copy_forward(net, input_shape, dtype)
            except Exception as exc:  # noqa: BLE001 - the learner's forward can raise anything
                error = source.located(exc) or _plain(exc)
    else:
        error = ExplorerError(Message("no input shape: type one (like 2, 20) in the input card"))
    if rows is None:  # no forward ran: the modules and their parameters, without shapes
        rows = module_rows(net)
    return ShapeReport(
        input_shape=tuple(input_shape),
        rows=rows,
        total_params=total,
        trainable_params=trainable,
        total_flops=flops,
        param_bytes=nbytes,
        output_shape=out_shape,
        error=error,  # type: ignore[arg-type] - views read str(error)
    )


def _plain(exc: Exception) -> ExplorerError:
    if isinstance(exc, ExplorerError):
        return exc
    text = f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"
    return ExplorerError(Message("{text}", text=text))  # Python's own words, not translated


def _lazy(p) -> bool:
    from torch.nn.parameter import is_lazy

    return is_lazy(p)


def _meta_forward(source: ModuleSource, input_shape, dtype: str):
    """(output shape, FLOPs, rows) from a fresh module of ``source`` built on ``meta``."""
    import torch

    from explorer.core.module_summary import hooked_forward, module_rows

    with torch.random.fork_rng(devices=[]):  # building must not move the user's seed
        meta = source.build("meta")
    x = torch.empty(tuple(input_shape), device="meta", dtype=getattr(torch, dtype))
    with torch.no_grad():
        run = hooked_forward(meta, x)
    if run.error is not None:
        raise run.error
    return _shape_of(run.output), run.total_flops, module_rows(meta, run)


def _copy_forward(net: nn.Module, input_shape, dtype: str):
    """(output shape, FLOPs, rows) from a copy of ``net`` in ``eval()`` run on zeros."""
    import copy

    import torch

    from explorer.core.module_summary import hooked_forward, module_rows

    device = next((p.device for p in net.parameters()), torch.device("cpu"))
    twin = copy.deepcopy(net).eval()
    with torch.no_grad():
        x = torch.zeros(tuple(input_shape), device=device, dtype=getattr(torch, dtype))
        run = hooked_forward(twin, x)
    if run.error is not None:
        raise run.error
    return _shape_of(run.output), run.total_flops, module_rows(twin, run)


def _shape_of(out) -> tuple[int, ...]:
    if not hasattr(out, "shape"):
        raise ExplorerError(
            Message("forward returned {kind}, not one tensor", kind=type(out).__name__)
        )
    return tuple(out.shape)


def seeded_module_state(source: ModuleSource, seed: int) -> dict:
    """Fresh weights as ``torch.manual_seed(seed)`` then constructing the class give them
    (detached CPU tensors keyed like ``state_dict()``; the global RNG is left as it was)."""
    import torch

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(int(seed))
        net = source.build("cpu")
    return {k: v.detach().clone() for k, v in net.state_dict().items()}
