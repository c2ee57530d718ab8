"""PyTorch code for a :class:`ModelSpec` written as small ``nn.Module`` classes.

The model and each nested block become a class with ``__init__`` and ``forward``, the
way the book writes its ``MLP``. Children keep the Sequential's keys: a key that is a
Python name becomes an attribute (``self.hidden = nn.Linear(20, 256)``); an index key
is registered with ``self.add_module("0", ...)`` and called as ``self.get_submodule("0")``.
Modules are created depth-first in spec order, as :func:`explorer.core.build.build`
does, so under the same seed the values equal the Sequential's (a model in another dtype
creates each layer in it, ``nn.Linear(20, 256, dtype=torch.float64)``, as the app does).
A tied layer is one module: created at its first use, the later uses refer to that
attribute; its uses must lie in one block (across classes it would have to be passed in,
so that is refused).
"""

from __future__ import annotations

import keyword
import re

from explorer.core.codegen import INDENT, layer_call
from explorer.core.errors import Message, SpecError
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, Node, child_key


def _attr_ok(key: str) -> bool:
    return key.isidentifier() and not keyword.iskeyword(key)


def _class_name(key: str, taken: set[str]) -> str:
    """``hidden_block`` -> ``HiddenBlock``; an index ``3`` -> ``Block3``."""
    base = "".join(p[:1].upper() + p[1:] for p in re.split(r"\W|_", key) if p)
    base = base if base[:1].isalpha() and base.isidentifier() else f"Block{base}"
    base = base if base.isidentifier() else "Block"
    name, n = base, 2
    while name in taken:
        name = f"{base}_{n}"
        n += 1
    taken.add(name)
    return name


def _check_ties(spec: ModelSpec) -> None:
    parents: dict[str, set[tuple[int, ...]]] = {}
    for path, layer in spec.layers():
        if layer.tie is not None:
            parents.setdefault(layer.tie, set()).add(path[:-1])
    for where in parents.values():
        if len(where) > 1:
            raise SpecError(
                Message(
                    "a tied layer is used in different blocks; as classes it would have to be "
                    "passed between them. Export it as a Sequential instead"
                )
            )


def classes_code(spec: ModelSpec, root: str = "Net", variable: str = "net") -> str:
    """The whole runnable module text; executing it defines the classes and ``variable``."""
    _check_ties(spec)
    taken = {root}
    classes: list[str] = []

    def ref(key: str) -> str:
        return f"self.{key}" if _attr_ok(key) else f"self.get_submodule({key!r})"

    def write(name: str, children: tuple[Node, ...], what: str) -> None:
        init = [f"{INDENT * 2}super().__init__()"]
        forward = []
        tied: dict[str, str] = {}
        for i, child in enumerate(children):
            key = child_key(child, i)
            note = ""
            if isinstance(child, BlockSpec):
                inner = _class_name(key, taken)
                write(inner, child.children, f"Block {key}")
                expr = f"{inner}()"
            elif isinstance(child, LayerSpec) and child.tie is not None and child.tie in tied:
                expr = ref(tied[child.tie])
                note = "  # the same module (tied)"
            else:
                expr = layer_call(child, spec.dtype)
                if child.tie is not None:
                    tied[child.tie] = key
            if _attr_ok(key):
                init.append(f"{INDENT * 2}self.{key} = {expr}{note}")
            else:
                init.append(f"{INDENT * 2}self.add_module({key!r}, {expr}){note}")
            forward.append(f"{INDENT * 2}X = {ref(key)}(X)")
        classes.append(
            "\n".join(
                [
                    f"class {name}(nn.Module):",
                    f'{INDENT}"""{what}."""',
                    "",
                    f"{INDENT}def __init__(self):",
                    *init,
                    "",
                    f"{INDENT}def forward(self, X):",
                    *forward,
                    f"{INDENT * 2}return X",
                ]
            )
        )

    write(root, spec.children, "The whole model")
    lines = ['"""A model built with NN Explorer, written as nn.Module classes."""', ""]
    lines += ["import torch", "from torch import nn", "", ""]
    lines.append("\n\n\n".join(classes))
    lines += ["", "", f"{variable} = {root}()"]
    shape = ", ".join(str(d) for d in spec.input_shape)
    dtype = "" if spec.dtype == "float32" else f", dtype=torch.{spec.dtype}"
    lines += [
        "",
        'if __name__ == "__main__":',
        f"{INDENT}X = torch.rand({shape}{dtype})",
        f"{INDENT}print({variable}(X).shape)",
        "",
    ]
    return "\n".join(lines)
