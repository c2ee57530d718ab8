"""Is a TorchScript class's ``forward`` a chain of its children? Read from its code, unrun.

A user's module saved with TorchScript carries its ``forward`` as code. Parsed with
:mod:`ast`, a forward that only calls children one after another, each on the previous
output, is a chain: it imports exactly as a block (children in call order). Anything
else is named in one line: a residual (``x + body(x)``), a concatenation, a function
call that is not a layer, a child used on something other than the previous output.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from explorer.core.errors import Message

_ADDED = "{late}: its output is added to {early} ({kind})"
_SUBTRACTED = "{late}: its output is subtracted from {early} ({kind})"
_MULTIPLIED = "{late}: its output is multiplied by {early} ({kind})"
_COMBINE = ("add", "add_", "sub", "mul")


@dataclass(frozen=True)
class Flow:
    """A chain of child names in call order, or the reason it is not a chain."""

    chain: tuple | None  # child names, and (layer type, args, function) for functions
    reason: str | None
    #: children called through a traced copy of their forward (``forward1``): right only
    #: for torch.nn layers, whose every traced call computes the same thing
    retraced: tuple[str, ...] = ()


class _NotChain(Exception):
    pass


def forward_flow(cls: ast.ClassDef | None, path: str, method: str = "forward") -> Flow:
    """Analyse ``cls.forward`` (or a traced copy such as ``forward1``); ``path`` names the
    module in messages (``"features.1"``)."""
    where = path or Message("the model")
    forward = None
    if cls is not None:
        forward = next(
            (n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == method), None
        )
    if forward is None or len(forward.args.args) != 2:
        return Flow(
            None,
            Message("{where}: its forward cannot be read as one input, one output", where=where),
        )
    this, x = (a.arg for a in forward.args.args)
    retraced: list[str] = []
    try:
        return Flow(tuple(_walk(forward.body, this, x, path, retraced)), None, tuple(retraced))
    except _NotChain as e:
        return Flow(None, e.args[0])


#: functions in TorchScript code that compute exactly what a parameter-free layer does:
#: name -> (layer type, the constant arguments' names in order)
_FUNCS = {
    "torch.relu": ("ReLU", ()),
    "__torch__.torch.nn.functional.relu": ("ReLU", ("inplace",)),
    "torch.sigmoid": ("Sigmoid", ()),
    "torch.tanh": ("Tanh", ()),
    "torch.flatten": ("Flatten", ("start_dim", "end_dim")),
    "torch.softmax": ("Softmax", ("dim",)),
}


def _walk(body: list[ast.stmt], this: str, x: str, path: str, retraced: list[str]) -> list:
    """Children (names) and functions (``(type, args)``) in call order, or :class:`_NotChain`.

    A child called again on the previous output is listed again (one module, used twice).
    """
    where = path or Message("the model")
    modules: dict[str, str] = {}  # local name -> child name
    values: dict[str, str] = {x: "<input>"}  # local name -> the id of what it holds
    ids: list[str] = []  # ids in call order: a child's name (@n when called again), "#n"
    items: list = []

    def child(name: str) -> str:
        if name.startswith("#"):
            return Message("{where}: {func}", where=where, func=items[int(name[1:])][2])
        name = name.split("@", 1)[0]
        return f"{path}.{name}" if path else name

    def holder(v: str) -> str:
        if v == "<input>":
            return Message("the input of {what}", what=child(ids[0]) if ids else where)
        return Message("the output of {what}", what=child(v))

    def module_of(e: ast.expr) -> str | None:
        if isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) and e.value.id == this:
            return e.attr
        if (
            isinstance(e, ast.Call)
            and isinstance(e.func, ast.Name)
            and e.func.id == "getattr"
            and len(e.args) == 2
            and isinstance(e.args[1], ast.Constant)
        ):
            return str(e.args[1].value)
        if isinstance(e, ast.Name) and e.id in modules:
            return modules[e.id]
        return None

    def follows(arg: str, what: str) -> None:
        expected = ids[-1] if ids else "<input>"
        if arg != expected:
            raise _NotChain(
                Message(
                    "{what}: takes {got}, not {expected} (not a chain)",
                    what=what,
                    got=holder(arg),
                    expected=holder(expected),
                )
            )

    def call(e: ast.Call) -> str:
        func = ast.unparse(e.func)
        method = e.func.attr if isinstance(e.func, ast.Attribute) else ""
        if method == "forward" or (method[:7] == "forward" and method[7:].isdigit()):
            name = module_of(e.func.value)
            if name is None or len(e.args) != 1:
                raise _NotChain(
                    Message(
                        "{where}: forward calls {func}, which is not a child",
                        where=where,
                        func=func,
                    )
                )
            arg = value(e.args[0])
            follows(arg, child(name))
            again = sum(1 for i in ids if i.split("@", 1)[0] == name)
            ident = f"{name}@{again}" if again else name
            if method != "forward":
                retraced.append(name)
            ids.append(ident)
            items.append(name)
            return ident
        if func in ("torch.cat", "torch.stack"):
            parts = e.args[0].elts if e.args and isinstance(e.args[0], ast.List) else []
            names = []
            for p in parts:
                if isinstance(p, ast.Call) and isinstance(p.func, ast.Attribute):
                    names.append(child(module_of(p.func.value) or "?"))
                elif isinstance(p, ast.Name) and p.id in values:
                    v = values[p.id]
                    names.append(Message("the input") if v == "<input>" else child(v))
            joined = _joined(names) if names else Message("several values")
            raise _NotChain(
                Message(
                    "{where}: the outputs of {joined} are joined with {func} (branches, not a chain)",
                    where=where,
                    joined=joined,
                    func=func,
                )
            )
        tensors = [a for a in e.args if not isinstance(a, ast.Constant)]
        consts = [a.value for a in e.args if isinstance(a, ast.Constant)]
        if func in _FUNCS and len(tensors) == 1 and not e.keywords:
            kind, names = _FUNCS[func]
            if len(consts) > len(names):
                raise _NotChain(
                    Message(
                        "{where}: forward calls {func} with arguments a layer lacks",
                        where=where,
                        func=func,
                    )
                )
            arg = value(tensors[0])
            ident = f"#{len(items)}"
            args = {n: v for n, v in zip(names, consts, strict=False) if n != "inplace"}
            items.append((kind, args, func))
            follows(arg, Message("{where}: {func}", where=where, func=func))
            ids.append(ident)
            return ident
        op = func.rsplit(".", 1)[-1]
        if op in _COMBINE and len(tensors) == 2:
            a, b = value(tensors[0]), value(tensors[1])
            if a != b:
                late, early = (b, a) if _later(b, a, ids) else (a, b)
                parts = {"late": child(late), "early": holder(early)}
                if op.startswith("add"):
                    raise _NotChain(Message(_ADDED, **parts, kind=Message("a residual")))
                not_chain = Message("not a chain")
                if op == "sub":
                    raise _NotChain(Message(_SUBTRACTED, **parts, kind=not_chain))
                raise _NotChain(Message(_MULTIPLIED, **parts, kind=not_chain))
        raise _NotChain(
            Message("{where}: forward calls {func} (not a layer)", where=where, func=func)
        )

    def value(e: ast.expr) -> str:
        if isinstance(e, ast.Name) and e.id in values:
            return values[e.id]
        if isinstance(e, ast.Call):
            return call(e)
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
            a, b = value(e.left), value(e.right)
            late, early = (b, a) if _later(b, a, ids) else (a, b)
            raise _NotChain(
                Message(_ADDED, late=child(late), early=holder(early), kind=Message("a residual"))
            )
        raise _NotChain(
            Message(
                "{where}: forward computes {code} (not a layer)", where=where, code=ast.unparse(e)
            )
        )

    returned = None
    for stmt in body:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
        ):
            target = stmt.targets[0].id
            name = module_of(stmt.value)
            if name is not None and not isinstance(stmt.value, ast.Name):
                modules[target] = name
            else:
                values[target] = value(stmt.value)
        elif isinstance(stmt, ast.Return) and stmt.value is not None:
            returned = value(stmt.value)
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            continue  # a docstring
        else:
            raise _NotChain(
                Message(
                    "{where}: forward has {code}",
                    where=where,
                    code=ast.unparse(stmt).splitlines()[0],
                )
            )
    if not ids or returned != ids[-1]:
        raise _NotChain(
            Message("{where}: forward does not return its last step's output", where=where)
        )
    return items


def _joined(names: list) -> Message:
    """``a and b and c``, each part translated on its own."""
    out = names[0]
    for name in names[1:]:
        out = Message("{first} and {second}", first=out, second=name)
    return out


def _later(a: str, b: str, chain: list[str]) -> bool:
    order = {"<input>": -1, **{n: i for i, n in enumerate(chain)}}
    return order.get(a, -1) > order.get(b, -1)
