"""``torch.export`` archives (``.pt2``) read as data: the graph's JSON and the raw weights.

``torch.export.load`` unpickles parts of an archive, so it is not used. The archive's
``models/*.json`` holds the exported graph (ATen operators with their arguments, and for
each node the module it ran in); ``data/weights/`` holds the raw bytes of each parameter
and buffer. A model is read when every node belongs to a ``torch.nn`` layer the app
offers, each layer is one operator whose arguments give the layer's, and each layer takes
the previous one's output: a chain. Otherwise the refusal names the first node that is
not (``1: the output of 1.body.2 is added to the input of 1.body.0 (a residual)``).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

from explorer.core.errors import Message
from explorer.io.module_tree import ModelRefused, ModNode
from explorer.io.safe_load import BrokenFileError

_ADDED = "{late}: its output is added to {early} ({kind})"  # as TorchScript's reader says

# ScalarType codes of torch/_export/serde/schema.py
_DTYPES = {1: "uint8", 2: "int8", 3: "int16", 4: "int32", 5: "int64", 6: "float16",
           7: "float32", 8: "float64", 12: "bool", 13: "bfloat16"}  # fmt: skip


def _arg(a: dict) -> Any:
    """The Python value of a serialized argument (tensors by name)."""
    (kind, value), *_ = a.items()
    if kind == "as_tensor":
        return ("tensor", value["name"])
    if kind == "as_none":
        return None
    if kind == "as_tensors":
        return [("tensor", v["name"]) for v in value]
    return value  # as_int, as_ints, as_float, as_floats, as_bool, as_string, ...


def _ints(v, n: int) -> tuple[int, ...]:
    v = list(v) if isinstance(v, (list, tuple)) else [v] * n
    return tuple(int(x) for x in (v * n if len(v) == 1 else v))


def _conv(a, t, d):
    w = t["weight"]
    groups = int(a.get("groups", 1))
    padding = a.get("padding", [0] * d)
    return {
        "in_channels": int(w.shape[1]) * groups,
        "out_channels": int(w.shape[0]),
        "kernel_size": tuple(int(k) for k in w.shape[2:]),
        "stride": _ints(a.get("stride", [1]), d),
        "padding": padding if isinstance(padding, str) else _ints(padding, d),
        "dilation": _ints(a.get("dilation", [1]), d),
        "groups": groups,
        "padding_mode": "zeros",
    }


def _pool(a, d, avg=False):
    kernel = _ints(a["kernel_size"], d)
    stride = a.get("stride") or list(kernel)
    out = {"kernel_size": kernel, "stride": _ints(stride, d),
           "padding": _ints(a.get("padding", [0]), d), "ceil_mode": bool(a.get("ceil_mode", False))}  # fmt: skip
    if avg:
        out["count_include_pad"] = bool(a.get("count_include_pad", True))
        out["divisor_override"] = a.get("divisor_override")
    else:
        out["dilation"] = _ints(a.get("dilation", [1]), d)
        out["return_indices"] = False
    return out


def _norm(a, t):
    return {"eps": float(a["eps"]), "momentum": a.get("momentum"),
            "affine": t.get("weight") is not None,
            "track_running_stats": t.get("running_mean") is not None}  # fmt: skip


#: operator -> (the torch.nn classes it may stand for, their attributes from its arguments)
_OPS = {
    "aten.linear.default": (("Linear",), lambda a, t: {
        "in_features": int(t["weight"].shape[1]), "out_features": int(t["weight"].shape[0])}),
    "aten.conv1d.default": (("Conv1d",), lambda a, t: _conv(a, t, 1)),
    "aten.conv1d.padding": (("Conv1d",), lambda a, t: _conv(a, t, 1)),
    "aten.conv2d.default": (("Conv2d",), lambda a, t: _conv(a, t, 2)),
    "aten.conv2d.padding": (("Conv2d",), lambda a, t: _conv(a, t, 2)),
    "aten.batch_norm.default": (("BatchNorm1d", "BatchNorm2d"), lambda a, t: {
        **_norm(a, t), "num_features": int(t["running_mean"].shape[0])}
        if not a.get("training") else None),
    "aten.layer_norm.default": (("LayerNorm",), lambda a, t: {
        "normalized_shape": tuple(a["normalized_shape"]), "eps": float(a.get("eps", 1e-5)),
        "elementwise_affine": t.get("weight") is not None}),
    "aten.group_norm.default": (("GroupNorm",), lambda a, t: {
        "num_groups": int(a["num_groups"]), "num_channels": int(t["weight"].shape[0]),
        "eps": float(a.get("eps", 1e-5)), "affine": True} if t.get("weight") is not None else None),
    "aten.relu.default": (("ReLU",), lambda a, t: {}),
    "aten.relu_.default": (("ReLU",), lambda a, t: {}),
    "aten.sigmoid.default": (("Sigmoid",), lambda a, t: {}),
    "aten.tanh.default": (("Tanh",), lambda a, t: {}),
    "aten.silu.default": (("SiLU",), lambda a, t: {}),
    "aten.gelu.default": (("GELU",), lambda a, t: {"approximate": a.get("approximate", "none")}),
    "aten.leaky_relu.default": (("LeakyReLU",), lambda a, t: {
        "negative_slope": float(a.get("negative_slope", 0.01))}),
    "aten.elu.default": (("ELU",), lambda a, t: {"alpha": float(a.get("alpha", 1.0))}
                         if a.get("scale", 1) == 1 and a.get("input_scale", 1) == 1 else None),
    "aten.softplus.default": (("Softplus",), lambda a, t: {
        "beta": float(a.get("beta", 1.0)), "threshold": float(a.get("threshold", 20.0))}),
    "aten.hardtanh.default": (("Hardtanh",), lambda a, t: {
        "min_val": float(a.get("min_val", -1.0)), "max_val": float(a.get("max_val", 1.0))}),
    "aten.prelu.default": (("PReLU",), lambda a, t: {"num_parameters": int(t["weight"].numel())}),
    "aten.softmax.int": (("Softmax",), lambda a, t: {"dim": int(a["dim"])}
                         if a.get("dtype") is None else None),
    "aten.log_softmax.int": (("LogSoftmax",), lambda a, t: {"dim": int(a["dim"])}
                             if a.get("dtype") is None else None),
    "aten.max_pool1d.default": (("MaxPool1d",), lambda a, t: _pool(a, 1)),
    "aten.max_pool2d.default": (("MaxPool2d",), lambda a, t: _pool(a, 2)),
    "aten.avg_pool2d.default": (("AvgPool2d",), lambda a, t: _pool(a, 2, avg=True)),
    "aten.adaptive_avg_pool2d.default": (("AdaptiveAvgPool2d",), lambda a, t: {
        "output_size": _ints(a["output_size"], 2)}),
    "aten.dropout.default": (("Dropout",), lambda a, t: {"p": float(a["p"])}),
    "aten.feature_dropout.default": (("Dropout1d", "Dropout2d"), lambda a, t: {"p": float(a["p"])}),
    "aten.flatten.using_ints": (("Flatten",), lambda a, t: {
        "start_dim": int(a.get("start_dim", 0)), "end_dim": int(a.get("end_dim", -1))}),
    "aten.unflatten.int": (("Unflatten",), lambda a, t: {
        "dim": int(a["dim"]), "unflattened_size": tuple(a["sizes"])}),
}  # fmt: skip


def read_export(path: str | os.PathLike) -> tuple[ModNode, tuple[int, ...] | None]:
    """The module tree of a ``.pt2`` archive and the input shape it was exported for (None
    when a dimension is dynamic), read as data; :class:`ModelRefused` otherwise."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            models = [n for n in names if "/models/" in n and n.endswith(".json")]
            if len(models) != 1:
                raise ModelRefused(
                    Message(
                        "{name} holds {n} exported programs, not one", name=path.name, n=len(models)
                    )
                )
            prefix = models[0].split("models/")[0]
            program = json.loads(z.read(models[0]))
            weights = _weights(z, prefix, names, path.name)
    except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError, KeyError) as e:
        raise BrokenFileError(
            Message(
                "{name} is a damaged torch.export archive ({detail})", name=path.name, detail=str(e)
            )
        ) from None
    gm = program["graph_module"]
    return _tree(gm, weights, path.name), _input_shape(gm)


def _input_shape(gm: dict) -> tuple[int, ...] | None:
    specs = [s["user_input"] for s in gm["signature"]["input_specs"] if "user_input" in s]
    name = specs[0]["arg"].get("as_tensor", {}).get("name") if specs else None
    meta = gm["graph"].get("tensor_values", {}).get(name)
    if not meta:
        return None
    sizes = [s.get("as_int") for s in meta.get("sizes", [])]
    return tuple(sizes) if sizes and all(isinstance(d, int) and d > 0 for d in sizes) else None


def _weights(z: zipfile.ZipFile, prefix: str, names: list[str], name: str) -> dict[str, Any]:
    import torch

    config_name = f"{prefix}data/weights/model_weights_config.json"
    config = json.loads(z.read(config_name))["config"] if config_name in names else {}
    constants = f"{prefix}data/constants/model_constants_config.json"
    if constants in names and json.loads(z.read(constants)).get("config"):
        raise ModelRefused(
            Message("{name}: the exported program has tensor constants (not a chain)", name=name)
        )
    out: dict[str, Any] = {}
    files: dict[str, Any] = {}  # one file, one storage: a tensor saved once for two names
    for fqn, entry in config.items():
        if entry.get("use_pickle"):
            raise ModelRefused(
                Message(
                    "{name}: {fqn} is stored as a pickle, which the app does not run",
                    name=name,
                    fqn=fqn,
                )
            )
        meta = entry["tensor_meta"]
        dtype = _DTYPES.get(meta["dtype"])
        if dtype is None:
            raise ModelRefused(
                Message("{name}: {fqn} has a dtype the app does not read", name=name, fqn=fqn)
            )
        file = entry["path_name"]
        if (file, dtype) not in files:
            raw = bytearray(z.read(f"{prefix}data/weights/{file}"))
            empty = torch.empty(0, dtype=getattr(torch, dtype))
            files[file, dtype] = (
                torch.frombuffer(raw, dtype=getattr(torch, dtype)) if raw else empty
            )
        flat = files[file, dtype]
        sizes = [s["as_int"] for s in meta["sizes"]]
        strides = [s["as_int"] for s in meta["strides"]]
        out[fqn] = flat.as_strided(sizes, strides, meta["storage_offset"]["as_int"])
    return out


def _stack(node: dict) -> list[tuple[str, str]]:
    text = (node.get("metadata") or {}).get("nn_module_stack", "")
    out = []
    for part in text.split(";") if text else []:
        _key, path, cls = part.split(",", 2) if part.count(",") >= 2 else ("", "", part)
        out.append((path, cls))
    return out


def _tree(gm: dict, weights: dict[str, Any], name: str) -> ModNode:
    from explorer.io.model_import import allowed_classes

    signature, graph = gm["signature"], gm["graph"]
    inputs: dict[str, str] = {}  # graph name -> fqn of a parameter/buffer
    user = []
    for spec in signature["input_specs"]:
        (kind, value), *_ = spec.items()
        arg = value["arg"]["name"] if "name" in value.get("arg", {}) else None
        if kind == "parameter":
            inputs[arg] = value["parameter_name"]
        elif kind == "buffer":
            inputs[arg] = value["buffer_name"]
        elif kind == "user_input":
            user.append(value["arg"].get("as_tensor", {}).get("name"))
        else:
            raise ModelRefused(
                Message(
                    "{name}: the exported program takes a {kind} input (not a chain)",
                    name=name,
                    kind=kind,
                )
            )
    outputs = signature["output_specs"]
    if len(user) != 1 or len(outputs) != 1 or "user_output" not in outputs[0]:
        raise ModelRefused(
            Message("{name}: the exported program is not one input, one output", name=name)
        )
    containers: dict[str, ModNode] = {}
    current = user[0]  # the tensor flowing along the chain
    where: dict[str, Any] = {current: Message("the input")}
    producer: dict[str, Any] = {}  # tensor -> the step that computed it
    consumer: dict[str, Any] = {}  # tensor -> the first layer that took it
    for node in graph["nodes"]:
        target = node["target"].removeprefix("torch.ops.")
        stack = _stack(node)
        layer_path, cls = stack[-1] if stack else ("", "")
        args = {i["name"]: _arg(i["arg"]) for i in node["inputs"]}
        flowing = [v[1] for v in args.values() if isinstance(v, tuple) and v[1] not in inputs]
        label = layer_path or Message("the model")

        def holder(t: str):
            if t in consumer:
                return Message("the input of {what}", what=consumer[t])
            return where.get(t, t)

        kinds, attrs_of = _OPS.get(target, ((), None))
        function = cls not in allowed_classes() and len(kinds) == 1 and _param_free(kinds[0])
        if attrs_of is None or (cls not in allowed_classes() and not function):
            if cls.startswith("torch.nn.modules.") and cls not in allowed_classes():
                raise ModelRefused(
                    Message(
                        "{where} is nn.{type}, which the app does not offer",
                        where=label,
                        type=cls.rsplit(".", 1)[-1],
                    )
                )
            op = target.split(".")[1] if "." in target else target
            if op in ("add", "add_") and len(flowing) == 2 and flowing[0] != flowing[1]:
                late = flowing[0] if flowing[0] == current else flowing[1]
                early = flowing[1] if late == flowing[0] else flowing[0]
                raise ModelRefused(
                    Message(
                        _ADDED,
                        late=producer.get(late) or where.get(late, late),
                        early=holder(early),
                        kind=Message("a residual"),
                    )
                )
            if op in ("cat", "stack"):
                raise ModelRefused(
                    Message(
                        "{where}: outputs are joined with {op} (branches, not a chain)",
                        where=label,
                        op=op,
                    )
                )
            raise ModelRefused(
                Message(
                    "{where}: computes {target} outside a layer the app offers",
                    where=label,
                    target=target,
                )
            )
        step = Message("{where}: {func}", where=label, func=target) if function else label
        if flowing != [current]:
            got = _listed([holder(f) for f in flowing]) if flowing else Message("no input")
            raise ModelRefused(
                Message(
                    "{what}: takes {got}, not {expected} (not a chain)",
                    what=step,
                    got=got,
                    expected=where.get(current, current),
                )
            )
        consumer.setdefault(current, step)
        type_name = kinds[0] if function else cls.rsplit(".", 1)[-1]
        tensors = (
            {}
            if function
            else {
                fqn.rsplit(".", 1)[-1]: t
                for fqn, t in weights.items()
                if fqn.rsplit(".", 1)[0] == layer_path or (not layer_path and "." not in fqn)
            }
        )
        if not function:
            for k in ("weight", "bias"):
                tensors.setdefault(k, None)
        attrs = attrs_of(args, tensors) if type_name in kinds else None
        if attrs is None:
            raise ModelRefused(
                Message(
                    "{where} (nn.{type}): computed as {target} with other arguments",
                    where=label,
                    type=type_name,
                    target=target,
                )
            )
        if function:  # F.relu(x) in a user's forward: exactly the parameter-free layer
            parent = _parent(containers, stack, name)
            parent.chain.append((type_name, _ctor_args(type_name, attrs), target))
        else:
            parent = _parent(containers, stack[:-1], name)
            leaf_name = layer_path.rsplit(".", 1)[-1]
            again = next((c for n, c in parent.children if n == leaf_name), None)
            if again is not None:  # a child called twice in a user's forward: one module
                if parent.chain is None or (again.type, again.attrs) != (type_name, attrs):
                    raise ModelRefused(
                        Message("{where} runs twice in a way the app cannot tie", where=label)
                    )
                parent.chain.append(leaf_name)
            else:
                leaf = ModNode(layer_path, type_name, cls, True, attrs, tensors, ident=id(attrs))
                parent.children.append((leaf_name, leaf))
                if parent.chain is not None:
                    parent.chain.append(leaf_name)
        current = node["outputs"][0]["as_tensor"]["name"]
        where[current] = Message("the output of {what}", what=step)
        producer[current] = step
    final = outputs[0]["user_output"]["arg"].get("as_tensor", {}).get("name")
    if final != current:
        raise ModelRefused(
            Message("{name}: the output is not the last layer's output (not a chain)", name=name)
        )
    if "" not in containers:
        raise ModelRefused(Message("{name}: the exported program has no layers", name=name))
    return containers[""]


def _param_free(type_name: str) -> bool:
    from explorer.core.catalog import catalog

    lt = catalog().get(type_name)
    return lt is not None and not lt.has_params


def _ctor_args(type_name: str, attrs: dict) -> dict:
    """Only the constructor's arguments of ``attrs`` (pooling adds return_indices)."""
    from explorer.core.catalog import layer_type

    names = {a.name for a in layer_type(type_name).args}
    return {k: v for k, v in attrs.items() if k in names}


def _parent(containers: dict[str, ModNode], stack: list[tuple[str, str]], name: str) -> ModNode:
    """The container node of a layer, creating the containers on its module stack."""
    from explorer.io.model_import import allowed_classes

    parent = None
    for path, cls in stack:
        if path not in containers:
            torch_nn = cls in allowed_classes()
            node = ModNode(path, cls.rsplit(".", 1)[-1], cls, torch_nn, ident=len(containers))
            if not torch_nn:
                node.chain = []  # a user's class: its nodes were checked to form a chain
            containers[path] = node
            if parent is not None:
                parent.children.append((path.rsplit(".", 1)[-1], node))
                if parent.chain is not None:
                    parent.chain.append(path.rsplit(".", 1)[-1])
        parent = containers[path]
    if parent is None:
        raise ModelRefused(Message("{name}: a layer runs outside the model", name=name))
    return parent


def _listed(parts: list):
    """``a, b, c``, each part translated on its own."""
    out = parts[0]
    for part in parts[1:]:
        out = Message("{first}, {second}", first=out, second=part)
    return out
