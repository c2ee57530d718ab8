"""The model spec: an immutable tree of layers and nested blocks.

A :class:`ModelSpec` describes an ``nn.Sequential``: each child is a :class:`LayerSpec`
(one ``torch.nn`` layer) or a :class:`BlockSpec` (a nested ``nn.Sequential``). Specs are
frozen values: every edit is a pure function returning a new spec, so undo is exact
(the old value is kept) and specs can cross threads safely.

Tying (book 5.2, "parameter tying"): layers that share a ``tie`` key are *one* module
used at several places, like the book's ``shared`` layer.
"""

from __future__ import annotations

import functools
import json
import secrets
import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from explorer.core.catalog import validate_args
from explorer.core.errors import (
    FormatVersionError,
    InvalidArgument,
    Message,
    SpecError,
    message_from_json,
    message_to_json,
)

FORMAT_VERSION = 1
DTYPES = ("float32", "float64", "float16", "bfloat16")
#: Deepest nesting of blocks a model may have. Python's parser refuses code nested
#: about 200 deep, so exported code of a deeper model would not compile; no real
#: network comes near this.
MAX_DEPTH = 64
#: Most dimensions of an input shape, and the largest single dimension.
MAX_DIMS = 8
MAX_DIM = 2**31 - 1
MAX_ID_CHARS = 64

Path = tuple[int, ...]


def new_id() -> str:
    """A random 128-bit id, stable for the life of a layer (survives moves and renames).

    32-bit ids collided on models of a few thousand layers (the birthday bound); at
    128 bits a collision is as unlikely as a disk error.
    """
    return secrets.token_hex(16)


@dataclass(frozen=True)
class LayerSpec:
    """One layer: a catalog ``type`` with validated ``args``.

    ``name`` is the key in the parent Sequential (``None``: its index). Layers with
    the same ``tie`` key are one shared module. ``guessed`` says what an import inferred
    beyond what its file proves (``"not in the file: ReLU assumed"``); it is shown to the
    user, kept in project files, and ignored by ``build``.
    """

    type: str
    args: Mapping[str, Any]
    name: str | None = None
    tie: str | None = None
    id: str = field(default_factory=new_id)
    guessed: str | None = None

    @staticmethod
    def make(type: str, name: str | None = None, **args: Any) -> LayerSpec:
        """A validated layer: ``LayerSpec.make("Linear", in_features=20, out_features=256)``."""
        return LayerSpec(type=type, args=validate_args(type, args), name=name)


@dataclass(frozen=True)
class BlockSpec:
    """A nested ``nn.Sequential``; ``guessed`` as for :class:`LayerSpec`."""

    children: tuple[Node, ...]
    name: str | None = None
    collapsed: bool = False
    id: str = field(default_factory=new_id)
    guessed: str | None = None


Node = LayerSpec | BlockSpec


@dataclass(frozen=True)
class ModelSpec:
    """The whole model: a root ``nn.Sequential`` and the input it expects."""

    children: tuple[Node, ...] = ()
    input_shape: tuple[int, ...] = (2, 20)
    dtype: str = "float32"

    # ----- traversal -------------------------------------------------------------

    def node(self, path: Path) -> Node:
        """The node at ``path`` (a tuple of child indices)."""
        children: Sequence[Node] = self.children
        node: Node | None = None
        for i in path:
            if not 0 <= i < len(children):
                raise SpecError(Message("no layer at {path}", path=".".join(map(str, path))))
            node = children[i]
            children = node.children if isinstance(node, BlockSpec) else ()
        if node is None:
            raise SpecError(Message("the empty path names the model itself"))
        return node

    def children_at(self, parent: Path) -> tuple[Node, ...]:
        if not parent:
            return self.children
        block = self.node(parent)
        if not isinstance(block, BlockSpec):
            raise SpecError(Message("{key} is a layer, not a block", key=key_of(self, parent)))
        return block.children

    def walk(self) -> Iterator[tuple[Path, Node]]:
        """Depth-first (path, node) pairs, in ``named_modules()`` order."""

        def rec(children: Sequence[Node], prefix: Path):
            for i, child in enumerate(children):
                path = (*prefix, i)
                yield path, child
                if isinstance(child, BlockSpec):
                    yield from rec(child.children, path)

        yield from rec(self.children, ())

    def layers(self) -> Iterator[tuple[Path, LayerSpec]]:
        for path, node in self.walk():
            if isinstance(node, LayerSpec):
                yield path, node

    def path_of(self, node_id: str) -> Path:
        for path, node in self.walk():
            if node.id == node_id:
                return path
        raise SpecError(Message("no layer with id {id}", id=node_id))

    def tie_group(self, tie: str | None) -> list[Path]:
        if tie is None:
            return []
        return [p for p, layer in self.layers() if layer.tie == tie]

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())


def child_key(node: Node, index: int) -> str:
    """The key PyTorch gives this child in its parent Sequential."""
    return node.name if node.name is not None else str(index)


def key_of(spec: ModelSpec, path: Path) -> str:
    """The dotted PyTorch name of the node at ``path`` (``"3.1"``, ``"hidden"``)."""
    parts = []
    children: Sequence[Node] = spec.children
    for i in path:
        node = children[i]
        parts.append(child_key(node, i))
        children = node.children if isinstance(node, BlockSpec) else ()
    return ".".join(parts)


# ----- validation --------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _module_attributes() -> frozenset[str]:
    """Names ``add_module`` refuses: the class's and an instance's (``training``, found by
    fuzzing: it is set in ``__init__``, so ``hasattr(nn.Module, ...)`` misses it)."""
    import torch.nn as nn

    return frozenset(dir(nn.Module)) | frozenset(dir(nn.Module()))


def check_name(name: str | None, siblings: Sequence[Node], index: int) -> None:
    """Raise :class:`InvalidArgument` if ``name`` cannot be a child key at ``index``."""
    if name is None:
        keys = {child_key(n, i) for i, n in enumerate(siblings) if i != index}
        if str(index) in keys:
            raise InvalidArgument(
                "name", "name", Message("index {index} is already used as a name here", index=index)
            )
        return
    # PyTorch's own rule (Module.add_module): a non-empty string without dots.
    if not name or "." in name or name != name.strip():
        raise InvalidArgument(
            "name", "name", Message("must be non-empty, without dots or outer spaces, like hidden")
        )
    if name in _module_attributes():
        raise InvalidArgument(
            "name", "name", Message("{name} is a Module attribute in PyTorch", name=repr(name))
        )
    for i, n in enumerate(siblings):
        if i != index and child_key(n, i) == name:
            raise InvalidArgument(
                "name", "name", Message("{name} is already used in this block", name=repr(name))
            )


#: Specs that passed :func:`validate`, by identity: a spec is immutable, so one that passed
#: passes again. An edit validates its result and the document validates it once more
#: (7% of a 1,000-layer edit walked the tree twice); the second look is a lookup.
_valid: weakref.WeakValueDictionary[int, ModelSpec] = weakref.WeakValueDictionary()


def validate(spec: ModelSpec) -> ModelSpec:
    """Check names, arguments and ties of the whole tree; return the spec unchanged."""
    if _valid.get(id(spec)) is spec:
        return spec
    if not spec.input_shape or any((not isinstance(d, int)) or d < 1 for d in spec.input_shape):
        raise SpecError(
            Message(
                "input shape must be positive whole numbers, got {shape}", shape=spec.input_shape
            )
        )
    if len(spec.input_shape) > MAX_DIMS:
        raise SpecError(
            Message(
                "input shape has {n} dimensions; at most {limit} are supported",
                n=len(spec.input_shape),
                limit=MAX_DIMS,
            )
        )
    if max(spec.input_shape) > MAX_DIM:
        raise SpecError(
            Message("input shape dimensions must be at most {limit}", limit=f"{MAX_DIM:,}")
        )
    if spec.dtype not in DTYPES:
        raise SpecError(
            Message(
                "dtype must be one of {choices}, got {dtype}",
                choices=", ".join(DTYPES),
                dtype=spec.dtype,
            )
        )
    seen_ids: set[str] = set()
    ties: dict[str, LayerSpec] = {}

    def rec(children: Sequence[Node], depth: int = 1):
        # Same checks and first error as check_name() per child, in one pass (not O(n^2)).
        if depth > MAX_DEPTH:
            raise SpecError(Message("blocks are nested more than {n} deep", n=MAX_DEPTH))
        counts: dict[str, int] = {}
        for i, node in enumerate(children):
            key = child_key(node, i)
            counts[key] = counts.get(key, 0) + 1
        for i, node in enumerate(children):
            if node.name is not None or counts[child_key(node, i)] > 1:
                check_name(node.name, children, i)
            if node.id in seen_ids:
                raise SpecError(Message("duplicate id {id}", id=node.id))
            seen_ids.add(node.id)
            if isinstance(node, BlockSpec):
                rec(node.children, depth + 1)
            elif node.tie is not None:
                first = ties.setdefault(node.tie, node)
                if first.type != node.type or dict(first.args) != dict(node.args):
                    raise SpecError(
                        Message("tied layers {a} and {b} differ", a=first.id, b=node.id)
                    )

    rec(spec.children)
    _valid[id(spec)] = spec
    return spec


# ----- JSON ------------------------------------------------------------------------------


def _json_value(v: Any) -> Any:
    return list(v) if isinstance(v, tuple) else v


def node_to_dict(node: Node) -> dict[str, Any]:
    if isinstance(node, BlockSpec):
        d: dict[str, Any] = {"id": node.id, "block": [node_to_dict(c) for c in node.children]}
        if node.collapsed:
            d["collapsed"] = True
    else:
        d = {
            "id": node.id,
            "type": node.type,
            "args": {k: _json_value(v) for k, v in node.args.items()},
        }
        if node.tie is not None:
            d["tie"] = node.tie
    if node.name is not None:
        d["name"] = node.name
    if node.guessed:
        d["guessed"] = str(node.guessed)  # the English, read by any version
        message = message_to_json(node.guessed)
        if message is not None:  # so a reopened project shows it in the interface language
            d["guessed_message"] = message
    return d


def _node_id(d: dict) -> str:
    node_id = d.get("id")
    if node_id is None or node_id == "":
        return new_id()
    if isinstance(node_id, bool) or not isinstance(node_id, (str, int)):
        raise SpecError(
            Message("a layer id must be a string, got {kind}", kind=type(node_id).__name__)
        )
    node_id = str(node_id)
    if len(node_id) > MAX_ID_CHARS:
        raise SpecError(Message("a layer id must be at most {n} characters", n=MAX_ID_CHARS))
    return node_id


def node_from_dict(d: Any, depth: int = 1) -> Node:
    if not isinstance(d, dict):
        raise SpecError(Message("a layer must be an object, got {kind}", kind=type(d).__name__))
    if depth > MAX_DEPTH:
        raise SpecError(Message("blocks are nested more than {n} deep", n=MAX_DEPTH))
    node_id = _node_id(d)
    name = d.get("name")
    if name is not None and not isinstance(name, str):
        raise SpecError(Message("a layer name must be a string"))
    guessed = d.get("guessed")
    guessed = message_from_json(d.get("guessed_message"), str(guessed)) if guessed else None
    if "block" in d:
        if not isinstance(d["block"], list):
            raise SpecError(Message("a block must hold a list of layers"))
        return BlockSpec(
            children=tuple(node_from_dict(c, depth + 1) for c in d["block"]),
            name=name,
            collapsed=bool(d.get("collapsed", False)),
            id=node_id,
            guessed=guessed,
        )
    if "type" not in d:
        raise SpecError(Message("a layer needs a 'type'"))
    if not isinstance(d["type"], str):
        raise SpecError(
            Message("a layer 'type' must be a string, got {kind}", kind=type(d["type"]).__name__)
        )
    args = d.get("args", {})
    if not isinstance(args, dict):
        raise SpecError(Message("'args' must be an object"))
    tie = d.get("tie")
    if tie is not None and (isinstance(tie, bool) or not isinstance(tie, (str, int))):
        raise SpecError(
            Message("a layer 'tie' must be a string, got {kind}", kind=type(tie).__name__)
        )
    return LayerSpec(
        type=d["type"],
        args=validate_args(d["type"], args),
        name=name,
        tie=None if tie is None else str(tie),
        id=node_id,
        guessed=guessed,
    )


def spec_to_dict(spec: ModelSpec) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "input_shape": list(spec.input_shape),
        "dtype": spec.dtype,
        "layers": [node_to_dict(n) for n in spec.children],
    }


def spec_from_dict(d: Any) -> ModelSpec:
    """Parse and validate; raise :class:`SpecError` / :class:`InvalidArgument` on bad input."""
    if not isinstance(d, dict):
        raise SpecError(Message("a model must be a JSON object"))
    check_text(d)
    version = d.get("format_version")
    if not isinstance(version, int):
        raise SpecError(Message("missing 'format_version'"))
    if version > FORMAT_VERSION:
        raise FormatVersionError(version, FORMAT_VERSION)
    layers = d.get("layers")
    if not isinstance(layers, list):
        raise SpecError(Message("'layers' must be a list"))
    shape = d.get("input_shape", [2, 20])
    if not isinstance(shape, list) or not all(
        isinstance(x, int) and not isinstance(x, bool) for x in shape
    ):
        raise SpecError(Message("'input_shape' must be a list of whole numbers"))
    if len(shape) > MAX_DIMS:
        raise SpecError(
            Message(
                "'input_shape' has {n} dimensions; at most {limit} are supported",
                n=len(shape),
                limit=MAX_DIMS,
            )
        )
    if not isinstance(d.get("dtype", "float32"), str):
        raise SpecError(Message("'dtype' must be a string like float32"))
    spec = ModelSpec(
        children=tuple(node_from_dict(n) for n in layers),
        input_shape=tuple(shape),
        dtype=str(d.get("dtype", "float32")),
    )
    return validate(spec)


def check_text(data: Any) -> None:
    """Refuse JSON whose strings hold lone surrogates (``"\\ud800"``): valid JSON, but not
    text: printing or saving such a name fails later, far from the file."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise SpecError(
            Message("the file holds a broken character (a lone UTF-16 surrogate)")
        ) from None
    except (TypeError, ValueError, RecursionError):
        pass  # not JSON data, or too deep: the field checks name it


def spec_to_json(spec: ModelSpec) -> str:
    return json.dumps(spec_to_dict(spec), indent=2, ensure_ascii=False)


def spec_from_json(text: str) -> ModelSpec:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SpecError(
            Message("not valid JSON: {detail} at line {line}", detail=e.msg, line=e.lineno)
        ) from None
    except (ValueError, RecursionError) as e:  # 4,300-digit numbers, 900-deep nesting
        raise SpecError(Message("not usable JSON: {detail}", detail=json_problem(e))) from None
    return spec_from_dict(data)


def json_problem(e: BaseException) -> str:
    """A JSON parse failure beyond syntax, in words."""
    if isinstance(e, RecursionError):
        return "nested too deeply"
    text = str(e)
    if "digits" in text:
        return "a number has too many digits"
    return text.splitlines()[0] if text else type(e).__name__


def sequential(
    *nodes: Node, input_shape: Sequence[int] = (2, 20), dtype: str = "float32"
) -> ModelSpec:
    """Shorthand for tests and examples: ``sequential(LayerSpec.make("ReLU"), ...)``."""
    return validate(ModelSpec(children=tuple(nodes), input_shape=tuple(input_shape), dtype=dtype))


def block(*nodes: Node, name: str | None = None) -> BlockSpec:
    return BlockSpec(children=tuple(nodes), name=name)


def with_fresh_ids(node: Node) -> Node:
    """A copy with new ids and no tie (paste, duplicate, palette blocks)."""
    if isinstance(node, BlockSpec):
        return replace(node, id=new_id(), children=tuple(with_fresh_ids(c) for c in node.children))
    return replace(node, id=new_id(), tie=None)
