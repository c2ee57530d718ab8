"""Hypothesis strategies for hostile project files and archives (issue 17's fuzzing).

``project_dicts()`` mixes well-formed layers with every kind of wrong value the files in
the wild hold: unknown or non-string types, huge and non-finite numbers, deep nesting,
lone surrogates, missing, duplicate and odd ids. ``archives()`` builds ``.nnx`` zips with
wrong, missing or duplicate members, other compression methods and encryption flags.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from hypothesis import strategies as st

from explorer.core.catalog import catalog
from tests.io.hostile import PROJECT, WEIGHTS, good_project_dict, patch_member, write_zip

TYPES = sorted(catalog())
ARG_NAMES = sorted({a.name for lt in catalog().values() for a in lt.args})

text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", ".", "a.b", "\ud800", "x\udfff", "hidden", "0", "training"]),
)
numbers = st.one_of(
    st.integers(-3, 300),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, 1, 2**31 - 1, 2**31, 2**63, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e30, -1e-30, 0.5, 2.0, float("nan"), float("inf")]),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, text)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def args_for(draw, type_name):
    lt = catalog().get(type_name) if isinstance(type_name, str) else None
    names = [a.name for a in lt.args] if lt else []
    keys = draw(
        st.lists(st.sampled_from(names + ARG_NAMES[:10]) if names else text, max_size=4)
    )
    good = {
        "in_features": 4, "out_features": 4, "in_channels": 1, "out_channels": 2,
        "kernel_size": 3, "num_features": 4, "normalized_shape": [4], "p": 0.5,
    }
    out = {}
    for k in keys:
        out[k] = draw(st.one_of(st.just(good.get(k, 1)), values))
    return out


@st.composite
def nodes(draw, depth=0):
    kind = draw(st.sampled_from(["layer", "layer", "layer", "block", "junk"]))
    node: dict = {}
    if kind == "junk":
        return draw(values)
    if kind == "block" and depth < 6:
        node["block"] = draw(st.lists(nodes(depth + 1), max_size=3))
    else:
        node["type"] = draw(st.one_of(st.sampled_from(TYPES), text, values))
        node["args"] = draw(st.one_of(args_for(node["type"]), values))
    if draw(st.booleans()):
        node["id"] = draw(st.one_of(st.sampled_from(["a", "b", "c66bcc64"]), text, values))
    if draw(st.booleans()):
        node["name"] = draw(st.one_of(text, values))
    if draw(st.integers(0, 4)) == 0:
        node["tie"] = draw(st.one_of(st.sampled_from(["t1", "t2"]), values))
    if draw(st.integers(0, 6)) == 0:
        node["collapsed"] = draw(values)
    return node


@st.composite
def project_dicts(draw):
    d = good_project_dict()
    d["layers"] = draw(st.lists(nodes(), max_size=6))
    for key, strategy in (
        ("input_shape", st.one_of(st.lists(numbers, max_size=10), values)),
        ("format_version", st.one_of(st.just(1), numbers, values)),
        ("dtype", st.one_of(st.sampled_from(["float32", "float64", "int8"]), values)),
        ("title", st.one_of(text, values)),
        ("settings", values),
        ("kind", st.one_of(st.just("nn-explorer-project"), text)),
    ):
        if draw(st.integers(0, 3)) == 0:
            d[key] = draw(strategy)
    if draw(st.integers(0, 10)) == 0:
        depth = draw(st.sampled_from([40, 70, 500, 3000]))
        d["layers"] = ["@DEEP@"] * 1
        return json.dumps(d).replace(
            '"@DEEP@"', '{"block": [' * depth + '{"type": "ReLU"}' + "]}" * depth
        )
    return d


def project_text(d) -> str:
    """JSON text (lone surrogates escaped as ``\\ud800``, numbers as Python writes them)."""
    return d if isinstance(d, str) else json.dumps(d)


@st.composite
def archives(draw, folder: Path) -> Path:
    """A ``.nnx`` file in ``folder`` built from drawn members, methods and flags."""
    members = []
    for _ in range(draw(st.integers(0, 4))):
        name = draw(st.sampled_from([PROJECT, WEIGHTS, "tensors.safetensors", "other.bin"]))
        if name == PROJECT:
            data = project_text(draw(st.one_of(st.just(good_project_dict()), project_dicts())))
            data = data.encode("utf-8", "surrogatepass")
        else:
            data = draw(st.one_of(st.binary(max_size=64), st.just(_safetensors_bytes())))
        members.append((name, data))
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    path = folder / f"f{draw(st.integers(0, 10**9))}.nnx"
    write_zip(path, members, method)
    names = [n for n, _ in members]
    if names and draw(st.booleans()):
        victim = draw(st.sampled_from(names))
        patch = draw(st.sampled_from(["method", "flags", "truncate"]))
        if patch == "method":
            patch_member(path, victim, method=draw(st.sampled_from([1, 12, 14, 93, 99])))
        elif patch == "flags":
            patch_member(path, victim, flags=1)
        elif patch == "truncate":
            data = path.read_bytes()
            path.write_bytes(data[: len(data) * draw(st.integers(0, 999)) // 1000])
    return path


def _safetensors_bytes() -> bytes:
    import torch

    from explorer.io.checkpoints import safetensors_bytes

    return safetensors_bytes({"0.weight": torch.zeros(4, 2), "0.bias": torch.zeros(4)})
