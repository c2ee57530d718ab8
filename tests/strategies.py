"""Hypothesis strategies for random but valid model specs (shared by several test files)."""

from __future__ import annotations

from hypothesis import strategies as st

from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, validate

_names = st.one_of(st.none(), st.sampled_from(["hidden", "out", "relu", "block 1", "feat", "head"]))


@st.composite
def layers(draw) -> LayerSpec:
    kind = draw(
        st.sampled_from(
            ["Linear", "ReLU", "Dropout", "LazyLinear", "Tanh", "LayerNorm", "Identity", "Softmax"]
        )
    )
    if kind == "Linear":
        args = {
            "in_features": draw(st.integers(1, 64)),
            "out_features": draw(st.integers(1, 64)),
            "bias": draw(st.booleans()),
        }
    elif kind == "LazyLinear":
        args = {"out_features": draw(st.integers(1, 64))}
    elif kind == "Dropout":
        args = {"p": draw(st.floats(0, 0.95, allow_nan=False))}
    elif kind == "LayerNorm":
        args = {"normalized_shape": (draw(st.integers(1, 32)),)}
    elif kind == "Softmax":
        args = {"dim": draw(st.sampled_from([-1, 1, None]))}
    else:
        args = {}
    return LayerSpec.make(kind, **args)


def _unique_names(nodes):
    """Drop names that would clash (with each other or with an index key)."""
    seen, out = set(), []
    from dataclasses import replace

    for i, node in enumerate(nodes):
        key = node.name if node.name is not None else str(i)
        if key in seen or (node.name is not None and node.name.isdigit()):
            node = replace(node, name=None)
            key = str(i)
        seen.add(key)
        out.append(node)
    return tuple(out)


@st.composite
def nodes(draw, depth: int = 0):
    if depth < 2 and draw(st.integers(0, 5)) == 0:
        children = draw(st.lists(nodes(depth + 1), min_size=1, max_size=4))
        return BlockSpec(children=_unique_names(children), name=draw(_names))
    layer = draw(layers())
    name = draw(_names)
    from dataclasses import replace

    return replace(layer, name=name)


@st.composite
def specs(draw) -> ModelSpec:
    children = _unique_names(draw(st.lists(nodes(), min_size=0, max_size=8)))
    shape = tuple(draw(st.lists(st.integers(1, 16), min_size=1, max_size=3)))
    return validate(
        ModelSpec(
            children=children,
            input_shape=shape,
            dtype=draw(st.sampled_from(["float32", "float64"])),
        )
    )
