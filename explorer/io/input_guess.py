"""The model input an import can prove from its first layer, and a marked placeholder otherwise.

A ``Linear`` first layer proves ``in_features``; a convolution proves its channels but
not the picture's size. The size is then the first of some common sizes (28, 32, 224...)
for which the whole model runs (a ``Linear`` after ``Flatten`` usually fixes it), found
on the ``meta`` device, and reported as a guess.
"""

from __future__ import annotations

from explorer.core.errors import Message
from explorer.core.spec import LayerSpec, ModelSpec

_COMMON = (28, 32, 224, 64, 96, 128, 227, 299, 256, 16, 8, 48, 112, 160, 192, 320, 384, 512)
_SEARCH_LIMIT = 512


def derive_input_shape(spec: ModelSpec) -> tuple[tuple[int, ...], str | None]:
    """``(shape, note)``: note is None when the file proves the shape, else what was assumed."""
    first = next((layer for _, layer in spec.layers()), None)
    if first is None:
        return spec.input_shape, Message("input shape not in the file: (2, 20) assumed")
    a, t = first.args, first.type
    if t == "Linear":
        return (2, a["in_features"]), None
    if t == "LayerNorm":
        return (2, *a["normalized_shape"]), None
    if t == "BatchNorm1d":
        return (2, a["num_features"]), None
    channels = {
        "Conv2d": a.get("in_channels"),
        "ConvTranspose2d": a.get("in_channels"),
        "BatchNorm2d": a.get("num_features"),
        "GroupNorm": a.get("num_channels"),
        "Conv1d": a.get("in_channels"),
    }.get(t)
    if channels is None:
        return spec.input_shape, Message(
            "input shape not in the file: {shape} assumed", shape=spec.input_shape
        )
    dims = 1 if t == "Conv1d" else 2
    size = _fitting_size(spec, channels, dims)
    if size is None:
        size = 28
        none_runs = (
            "input length not in the file, and no size up to {limit} runs: 28 assumed"
            if dims == 1
            else "input size not in the file, and no size up to {limit} runs: 28 assumed"
        )
        note = Message(none_runs, limit=_SEARCH_LIMIT)
    else:
        first_runs = (
            "input length not in the file: {size} is the first common size that runs"
            if dims == 1
            else "input size not in the file: {size} is the first common size that runs"
        )
        note = Message(first_runs, size=size)
    return (2, channels, *([size] * dims)), note


def _fitting_size(spec: ModelSpec, channels: int, dims: int) -> int | None:
    import torch

    from explorer.core.build import build

    try:
        net = build(spec, device="meta")
    except Exception:  # noqa: BLE001 - a spec that does not build runs with no size
        return None
    dtype = next((p.dtype for p in net.parameters()), torch.float32)
    order = list(_COMMON) + [s for s in range(1, _SEARCH_LIMIT + 1) if s not in _COMMON]
    with torch.no_grad():
        for s in order:
            x = torch.empty(2, channels, *([s] * dims), device="meta", dtype=dtype)
            try:
                net(x)
            except Exception:  # noqa: BLE001 - shape errors: try the next size
                continue
            return s
    return None


def guessed_first(spec: ModelSpec, note: str) -> ModelSpec:
    """``spec`` with ``note`` added to its first layer's guessed mark."""
    from explorer.core import edits

    for path, layer in spec.layers():
        text = Message("{first}; {second}", first=layer.guessed, second=note)
        text = text if layer.guessed else note
        return edits._replace_node(spec, path, _with_guess(layer, text))
    return spec


def _with_guess(layer: LayerSpec, text: str) -> LayerSpec:
    from dataclasses import replace

    return replace(layer, guessed=text)


def with_input_shape(spec: ModelSpec, input_shape, result) -> ModelSpec:
    """``spec`` with the input shape the user gave, or the one the file proves, or a
    placeholder marked as a guess (added to ``result.guessed`` / ``result.guessed_ids``)."""
    from dataclasses import replace

    from explorer.core.spec import validate

    if input_shape is not None:
        return validate(replace(spec, input_shape=tuple(input_shape)))
    shape, note = derive_input_shape(spec)
    spec = replace(spec, input_shape=shape)
    if note:
        spec = guessed_first(spec, note)
        first = next(layer for _, layer in spec.layers())
        result.guessed.append(("input", note))
        result.guessed_ids.append(first.id)
    return validate(spec)
