"""Find every English template that explorer/core, io and app can put into a ``Message``.

A template reaches a :class:`~explorer.core.errors.Message` (or
:func:`~explorer.core.errors.with_message`) written in the call, through a name assigned
in the module (``text = "..." if one else "..."``), picked from a dict or tuple literal
(``{"layers": "...", "type": "..."}[scope]``), or through a function that passes one of
its parameters on (``_at_step(step, without, with_step)``, ``CustomInitError(msgid=...)``).
The scan follows all of these. A template it cannot read (an f-string, a name assigned
from a call) is *unresolved*: the coverage test fails on it unless it is listed in
:data:`DYNAMIC`, so a new kind of template cannot slip past the zh_CN check.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import explorer

#: sites whose template is an existing message's own id, passed on unchanged
#: (``file name``, expression): each is checked where that message was made
DYNAMIC = {
    ("errors.py", "msgid"),  # Message.__reduce__ / error_message rebuild a Message
    ("errors.py", "parts[0]"),
    ("fx_convert.py", "parts[0]"),  # message_parts(error): the error's own Message
    ("module_tree.py", "parts[0]"),
    ("project_archive.py", "parts[0]"),
    ("user_blocks.py", "parts[0]"),
    ("shapes.py", "msgid"),  # err.template: the cached error's template, made in shapes.py
}

SINKS = {"Message": 0, "with_message": 1}  # callee -> position of its template argument


@dataclass
class Scan:
    found: set[str] = field(default_factory=set)
    unresolved: list[str] = field(default_factory=list)  # "file:line: expression"


def _files() -> list[Path]:
    root = Path(explorer.__file__).parent
    return [p for part in ("core", "io", "app") for p in sorted(root.joinpath(part).rglob("*.py"))]


def _name(func: ast.expr) -> str:
    return getattr(func, "id", "") or getattr(func, "attr", "")


def _assignments(tree: ast.AST) -> dict[str, list[ast.expr]]:
    """name -> every value assigned to it anywhere in the module (tuples unpacked)."""
    out: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                out.setdefault(target.id, []).append(node.value)
            elif isinstance(target, ast.Tuple):
                values = node.value.elts if isinstance(node.value, ast.Tuple) else None
                for i, t in enumerate(target.elts):
                    if isinstance(t, ast.Name):
                        # unpacked from something that is not a literal tuple: unreadable
                        value = values[i] if values else ast.Name(id="<unpacked>")
                        out.setdefault(t.id, []).append(value)
    return out


def _resolve(node: ast.expr, assigned: dict, seen: frozenset = frozenset()) -> list[str] | None:
    """The string constants ``node`` can be, or None when the scan cannot tell."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    parts: list[ast.expr]
    if isinstance(node, ast.IfExp):
        parts = [node.body, node.orelse]
    elif isinstance(node, ast.BoolOp):
        parts = list(node.values)
    elif isinstance(node, ast.Subscript):  # {"a": "...", "b": "..."}[key], ("...", "...")[i]
        base = node.value
        if isinstance(base, ast.Name) and base.id not in seen and base.id in assigned:
            bases = assigned[base.id]
            seen = seen | {base.id}
        else:
            bases = [base]
        parts = []
        for b in bases:
            if isinstance(b, ast.Dict):
                parts += list(b.values)
            elif isinstance(b, (ast.Tuple, ast.List)):
                parts += list(b.elts)
            else:
                return None
    elif isinstance(node, ast.Name) and node.id in assigned and node.id not in seen:
        parts = assigned[node.id]
        seen = seen | {node.id}
    else:
        return None
    out: list[str] = []
    for part in parts:
        got = _resolve(part, assigned, seen)
        if got is None:
            return None
        out += got
    return out


def _template_args(call: ast.Call, sinks: dict[str, int | str]) -> Iterator[ast.expr]:
    """The arguments of ``call`` that are templates (by position or keyword)."""
    callee = _name(call.func)
    for key in (k for k, _ in sinks.items() if k[0] == callee):
        where = sinks[key]
        if isinstance(where, int):
            if where < len(call.args) and not isinstance(call.args[where], ast.Starred):
                yield call.args[where]
        else:
            yield from (kw.value for kw in call.keywords if kw.arg == where)


def _forwarders(trees: dict[Path, ast.AST], sinks: dict) -> dict:
    """Functions that pass one of their parameters on to a sink: new sinks, by
    (callee name, position or keyword). ``__init__`` is called by its class's name."""
    new: dict = {}
    for tree in trees.values():
        classes = {id(f): c.name for c in ast.walk(tree) if isinstance(c, ast.ClassDef)
                   for f in c.body}  # fmt: skip
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
            method = bool(params) and params[0] == "self"
            callee = classes.get(id(fn), fn.name) if fn.name == "__init__" else fn.name
            for call in (n for n in ast.walk(fn) if isinstance(n, ast.Call)):
                for arg in _template_args(call, sinks):
                    if not isinstance(arg, ast.Name) or arg.id not in params:
                        continue
                    index = params.index(arg.id) - (1 if method else 0)
                    for name in (arg.id,):
                        for key in ((callee, index), (callee, name)):
                            if key not in sinks:
                                new[key] = key[1]
    return new


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _params(scope: ast.AST) -> set[str]:
    if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return set()
    a = scope.args
    return {p.arg for p in a.posonlyargs + a.args + a.kwonlyargs}


def _calls_by_scope(tree: ast.AST) -> Iterator[tuple[ast.AST, list[ast.Call]]]:
    """(innermost function or the module, the calls made directly in it)."""

    def visit(scope: ast.AST) -> Iterator[tuple[ast.AST, list[ast.Call]]]:
        calls: list[ast.Call] = []
        stack = list(ast.iter_child_nodes(scope))
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from visit(node)
                continue
            if isinstance(node, ast.Call):
                calls.append(node)
            stack.extend(ast.iter_child_nodes(node))
        yield scope, calls

    yield from visit(tree)


@functools.lru_cache(maxsize=1)  # two tests read it; the files do not change meanwhile
def scan() -> Scan:
    """Every template the core, io and app give a Message, and the sites it cannot read."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in _files()}
    sinks: dict = {(name, pos): pos for name, pos in SINKS.items()}
    while True:  # a forwarder's callers may forward too
        new = _forwarders(trees, sinks)
        if not new:
            break
        sinks.update(new)
    result = Scan()
    for path, tree in trees.items():
        module = ast.Module(body=[s for s in tree.body if not isinstance(s, _SCOPES)])
        for scope, calls in _calls_by_scope(tree):
            # a name is read where it is used: in its function, else at module level
            assigned = {**_assignments(module), **_assignments(scope)}
            params = _params(scope)
            for call in calls:
                for arg in _template_args(call, sinks):
                    got = _resolve(arg, assigned)
                    text = ast.unparse(arg)
                    if got is not None:
                        result.found.update(got)
                    elif isinstance(arg, ast.Name) and arg.id in params:
                        continue  # a forwarder's own parameter: its callers are scanned
                    elif (path.name, text) not in DYNAMIC:
                        result.unresolved.append(f"{path.name}:{call.lineno}: {text}")
    result.found.discard("{text}")  # Python's own words, shown as they are
    return result


#: ``raise`` statements with English built in place that never reach the user as they are
#: (``file name``, first words of the expression): each is caught and replaced, or is a
#: programming error
INTERNAL_RAISES = {
    ("fx_convert.py", "ValueError('extra arguments')"),  # caught: "cannot take" refusal
    ("fx_convert.py", "ValueError('no dim')"),
    ("fx_convert.py", "ValueError('training= is not a constant True')"),
    ("loss_history.py", "ValueError('capacity must be at least 4')"),  # a caller's bug
    ("zip_stored.py", "RuntimeError('the CRC-32 of a zip member could not be computed')"),
    # Python's own words; CustomInitError frames them as "line {line}: ..." (translated)
    ("custom_init.py", "CustomInitError(f'SyntaxError: {e.msg}', e.lineno)"),
}


def _is_super_init(node: ast.AST) -> bool:
    func = getattr(node, "func", None)
    return (
        isinstance(node, ast.Call)
        and isinstance(func, ast.Attribute)
        and func.attr == "__init__"
        and isinstance(func.value, ast.Call)
        and _name(func.value.func) == "super"
    )


def english_raises() -> set[tuple[str, str]]:
    """Every ``raise X("...")`` / ``raise X(f"...", ...)`` / ``super().__init__(f"...")`` in
    core, io and app: an error given its sentence as a plain literal or an f-string instead
    of a Message."""
    out = set()
    for path in _files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                call = node.exc
            elif _is_super_init(node):  # an error class that makes its own sentence
                call = node
            else:
                continue
            if call is not node and not _name(call.func)[:1].isupper():
                continue  # a helper that builds the error (explain, located) is scanned as such
            if any(kw.arg == "msgid" for kw in call.keywords):
                continue  # the English is kept for the CLI, the template for the UI
            args = call.args
            english = any(isinstance(a, ast.JoinedStr) for a in args) or (
                len(args) == 1
                and isinstance(args[0], ast.Constant)
                and isinstance(args[0].value, str)
            )
            if english:
                out.add((path.name, ast.unparse(call)))
    return out
