"""The autograd scratchpad: leaf tensors, a result, the graph ``backward()`` walks.

A learner writes leaves (``x = 3.0``, ``y = torch.arange(4.0)``) and a result
(``z = x * y + x**2``). :class:`Scratchpad` evaluates them with ``torch`` in the
namespace, records the graph as PyTorch holds it (``grad_fn`` and its
``next_functions`` down to ``AccumulateGrad`` on the leaves) and runs ``backward()``
on demand, so pressing it twice shows accumulation and :meth:`Scratchpad.zero_grad`
does what ``x.grad.zero_()`` does.

The namespace holds ``torch``, ``math`` and the builtins but ``open``/``exec``/``input``
and the like. It keeps typos from
reaching the app's own objects; it is **not** a security sandbox (``torch`` can do
anything), which is fine for code the learner types.

PyTorch's own failures become :class:`AutogradError` with a ``kind`` and plain words:
``non_scalar`` (backward needs ``gradient=``), ``freed`` (a second backward on a freed
graph), ``no_grad`` (no leaf requires grad), ``inplace_leaf`` (an in-place change of a
leaf that requires grad), ``inplace`` (a saved value changed in place), and
``syntax``/``eval`` for the learner's code.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message

if TYPE_CHECKING:
    import torch

Shape = tuple[int, ...]

#: Builtins the learner's code may not use (it would block the app, or reach outside it).
#: The rest stay: PySide6 replaces ``__import__`` and aborts the process when the frame's
#: builtins lack its ``__orig_import__`` (measured), and torch imports lazily.
BLOCKED_BUILTINS = (
    "open",
    "exec",
    "eval",
    "compile",
    "input",
    "breakpoint",
    "exit",
    "quit",
    "help",
)


class AutogradError(ExplorerError):
    """A failure of the learner's code or of ``backward()``, explained in plain words.

    Parameters
    ----------
    kind : str
        ``syntax``, ``eval``, ``leaf``, ``non_scalar``, ``freed``, ``no_grad``,
        ``inplace_leaf`` or ``inplace``.
    message : str
        The sentence shown to the user.
    line : int or None
        The line of the code it happened on (1-based), when known.
    """

    def __init__(self, kind: str, message: str, line: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Leaf:
    """A leaf tensor: its name, value expression and whether it requires grad."""

    name: str
    expr: str
    requires_grad: bool = True


@dataclass(frozen=True)
class GraphNode:
    """One node of the recorded graph.

    ``name`` is PyTorch's (``grad_fn.name()`` without the ``torch::autograd::`` prefix
    of C++ nodes): ``MulBackward0``, ``AccumulateGrad``. ``next`` holds the indices of
    ``next_functions`` in order, ``None`` where an input needs no gradient. ``shape`` is
    the shape of the gradient this node receives (the tensor it made), which is the
    shape its parent passes back along the edge to it. ``leaf`` names the leaf tensor of
    an ``AccumulateGrad``; ``var`` the learner's variable that holds this node's tensor;
    ``group`` the layer it belongs to in a model's graph. ``depth`` is its layer in the
    drawing: the longest path from the result.
    """

    index: int
    name: str
    next: tuple[int | None, ...]
    shape: Shape | None
    depth: int
    leaf: str | None = None
    var: str | None = None
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "next": list(self.next)}
        d["shape"] = list(self.shape) if self.shape is not None else None
        for key in ("leaf", "var", "group"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        return d


def node_name(fn: Any) -> str:
    """PyTorch's name of an autograd node, without the C++ namespace."""
    return fn.name().rsplit("::", 1)[-1]


def record_graph(
    root: Any,
    leaf_names: Mapping[int, str] | None = None,
    var_names: Mapping[int, str] | None = None,
    groups: Mapping[int, str] | None = None,
) -> tuple[GraphNode, ...]:
    """Walk ``root`` (a ``grad_fn``) through ``next_functions``; nodes in breadth-first order.

    ``leaf_names`` maps ``id(tensor)`` of leaves to names; ``var_names`` and ``groups``
    map ``id(grad_fn)`` to the learner's variable and to a layer key.
    """
    leaf_names = leaf_names or {}
    var_names = var_names or {}
    groups = groups or {}
    if root is None:
        return ()
    order: list[Any] = [root]
    index = {id(root): 0}
    i = 0
    while i < len(order):
        for fn, _ in order[i].next_functions:
            if fn is not None and id(fn) not in index:
                index[id(fn)] = len(order)
                order.append(fn)
        i += 1
    depth = _longest_paths(order, index)
    nodes = []
    for k, fn in enumerate(order):
        variable = getattr(fn, "variable", None)
        meta = fn._input_metadata
        shape = tuple(meta[0].shape) if meta else None
        if variable is not None:
            shape = tuple(variable.shape)
        leaf = leaf_names.get(id(variable)) if variable is not None else None
        nodes.append(
            GraphNode(
                index=k,
                name=node_name(fn),
                next=tuple(None if f is None else index[id(f)] for f, _ in fn.next_functions),
                shape=shape,
                depth=depth[k],
                leaf=leaf,
                var=var_names.get(id(fn)),
                group=groups.get(id(fn)) or (_owner(leaf) if leaf and "." in leaf else None),
            )
        )
    return tuple(nodes)


def _owner(param_name: str) -> str:
    return param_name.rsplit(".", 1)[0]


def _longest_paths(order: Sequence[Any], index: Mapping[int, int]) -> list[int]:
    """Layer of each node: the longest path from the root (a Sugiyama layering of a DAG)."""
    children = [[index[id(f)] for f, _ in fn.next_functions if f is not None] for fn in order]
    indegree = [0] * len(order)
    for kids in children:
        for c in kids:
            indegree[c] += 1
    depth = [0] * len(order)
    queue = [0]  # Kahn's order over the DAG, relaxing: longest paths in linear time
    while queue:
        k = queue.pop()
        for c in children[k]:
            depth[c] = max(depth[c], depth[k] + 1)
            indegree[c] -= 1
            if indegree[c] == 0:
                queue.append(c)
    return depth


# ----- the learner's code --------------------------------------------------------------


def _namespace() -> dict[str, Any]:
    import builtins

    import torch

    allowed = {k: v for k, v in vars(builtins).items() if k not in BLOCKED_BUILTINS}
    return {"__builtins__": allowed, "torch": torch, "math": math}


def _line_of(exc: BaseException, filename: str) -> int | None:
    import traceback

    line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _at(line: int | None, detail: Message) -> Message:
    """``detail`` prefixed with "line N: " when the line is known."""
    return Message("line {line}: {detail}", line=line, detail=detail) if line else detail


def _python(exc: BaseException) -> Message:
    """Python's own ``Type: text`` (not translated)."""
    return Message("{text}", text=f"{type(exc).__name__}: {_first_line(exc)}")


def explain(exc: BaseException, where: str = "", line: int | None = None) -> AutogradError:
    """PyTorch's autograd messages turned into plain words, with a ``kind``."""
    text = str(exc)
    if "grad can be implicitly created only for" in text:
        return AutogradError(
            "non_scalar",
            Message(
                "backward() on {where} that is not a single number needs "
                "gradient=: a tensor of the same shape (torch.ones_like), or reduce it first "
                "with .sum().",
                where=where or Message("a result"),
            ),
            line,
        )
    if "backward through the graph a second time" in text:
        return AutogradError(
            "freed",
            Message(
                "The graph was freed by the previous backward() (PyTorch frees saved values "
                "after use). Evaluate again, or call backward(retain_graph=True) the first time."
            ),
            line,
        )
    if "does not require grad and does not have a grad_fn" in text:
        return AutogradError(
            "no_grad",
            Message(
                "The result depends on no tensor with requires_grad=True, so there is no graph "
                "to walk back. Set requires_grad on a leaf it uses."
            ),
            line,
        )
    if "leaf Variable that requires grad is being used in an in-place" in text:
        return AutogradError(
            "inplace_leaf",
            _at(
                line,
                Message(
                    "an in-place change (a method ending in _, or +=) of a leaf that requires "
                    "grad; PyTorch forbids it because the graph needs the leaf's value. Write "
                    "x = x + 1 for a new tensor, or change it under torch.no_grad()."
                ),
            ),
            line,
        )
    if "modified by an inplace operation" in text:
        return AutogradError(
            "inplace",
            _at(
                line,
                Message(
                    "a value saved for backward was changed in place after it was used; "
                    "backward would compute a wrong gradient, so PyTorch refuses. Use an "
                    "out-of-place operation (y = y * 2, not y *= 2)."
                ),
            ),
            line,
        )
    if "floating point" in text and "require gradients" in text:
        return AutogradError(
            "leaf",
            Message(
                "{where}: only floating-point tensors can require grad; write 3.0 instead "
                "of 3, or add dtype=torch.float32.",
                where=where,
            ),
            line,
        )
    return AutogradError("eval", _at(line, _python(exc)), line)


def _as_tensor(value: Any, name: str) -> torch.Tensor:
    import torch

    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, bool) or not isinstance(value, (int, float, list, tuple)):
        raise AutogradError(
            "leaf", Message("{name}: the value must be a number or a tensor", name=name)
        )
    try:
        return torch.tensor(value, dtype=torch.float32)
    except (TypeError, ValueError, RuntimeError) as e:
        raise AutogradError("leaf", _named(name, _first_line(e))) from None


def _named(name: str, python_text: str) -> Message:
    """``name: <Python's own words>``: the words stay as Python wrote them."""
    return Message("{name}: {detail}", name=name, detail=Message("{text}", text=python_text))


def _result_statement(tree: ast.Module) -> tuple[ast.Module, ast.expr | None, str | None]:
    """Split the code: statements to run, and the expression or name that is the result."""
    if not tree.body:
        raise AutogradError("syntax", Message("write an expression, like x * y + x**2"))
    last = tree.body[-1]
    if isinstance(last, ast.Expr):
        body = ast.Module(body=tree.body[:-1], type_ignores=[])
        return body, last.value, None
    if isinstance(last, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        target = last.targets[-1] if isinstance(last, ast.Assign) else last.target
        if isinstance(target, ast.Name):
            return tree, None, target.id
    raise AutogradError(
        "syntax",
        Message("the last line must be the result: an expression, or z = ..."),
        last.lineno,
    )


@dataclass(frozen=True)
class Evaluation:
    """What one evaluation produced (plain data, detached copies)."""

    value: Any  # the result as a nested list (or a number)
    shape: Shape
    result_name: str | None
    graph: tuple[GraphNode, ...]


class Scratchpad:
    """Leaves, a result and its graph; ``backward`` and ``zero_grad`` as in PyTorch."""

    FILENAME = "<scratchpad>"

    def __init__(self) -> None:
        self.leaves: dict[str, torch.Tensor] = {}
        self.result: torch.Tensor | None = None
        self.result_name: str | None = None
        self.graph: tuple[GraphNode, ...] = ()
        self.backward_count = 0

    def evaluate(self, leaves: Sequence[Leaf], code: str) -> Evaluation:
        """Create the leaves, run ``code``, record the graph. Nothing changes on error."""
        import torch

        ns = _namespace()
        made: dict[str, torch.Tensor] = {}
        for leaf in leaves:
            name = leaf.name.strip()
            if not name.isidentifier() or name in ("torch", "math"):
                raise AutogradError(
                    "leaf", Message("{name}: a leaf needs a name like x", name=name or "(empty)")
                )
            if name in made:
                raise AutogradError("leaf", Message("{name}: two leaves have this name", name=name))
            try:
                value = eval(compile(leaf.expr, f"<{name}>", "eval"), ns)  # noqa: S307
            except SyntaxError as e:
                raise AutogradError("leaf", _named(name, e.msg)) from None
            except Exception as e:  # noqa: BLE001 - any failure of the learner's expression
                raise AutogradError("leaf", _named(name, _first_line(e))) from None
            t = _as_tensor(value, name)
            if leaf.requires_grad:
                try:
                    t.requires_grad_(True)
                except RuntimeError as e:
                    raise explain(e, name) from None
            made[name] = t
            ns[name] = t
        try:
            tree = ast.parse(code, self.FILENAME, "exec")
        except SyntaxError as e:
            raise AutogradError(
                "syntax", _at(e.lineno, Message("{text}", text=e.msg)), e.lineno
            ) from None
        body, expr, result_name = _result_statement(tree)
        try:
            exec(compile(body, self.FILENAME, "exec"), ns)  # noqa: S102
            if expr is not None:
                result = eval(  # noqa: S307
                    compile(ast.Expression(expr), self.FILENAME, "eval"), ns
                )
            else:
                result = ns[result_name]
        except Exception as e:  # noqa: BLE001 - explained, with the line
            raise explain(e, line=_line_of(e, self.FILENAME)) from None
        if not isinstance(result, torch.Tensor):
            raise AutogradError(
                "eval",
                Message("the result is a {kind}, not a tensor", kind=type(result).__name__),
            )
        leaf_ids = {id(t): n for n, t in made.items()}
        var_ids = {
            id(v.grad_fn): k
            for k, v in ns.items()
            if isinstance(v, torch.Tensor) and v.grad_fn is not None and k not in made
        }
        self.leaves, self.result, self.result_name = made, result, result_name
        self.graph = record_graph(result.grad_fn, leaf_ids, var_ids)
        self.backward_count = 0
        return Evaluation(_plain(result), tuple(result.shape), result_name, self.graph)

    def backward(self, gradient: str | None = None, retain_graph: bool = False) -> dict[str, Any]:
        """``result.backward(gradient, retain_graph)``; return each leaf's ``.grad``.

        ``gradient`` is an expression (``torch.ones(4)``) evaluated with the leaves in
        the namespace. Leaves' grads are unchanged when it fails.
        """
        if self.result is None:
            raise AutogradError("eval", Message("evaluate the code first"))
        grad = None
        if gradient:
            ns = _namespace()
            ns.update(self.leaves)
            try:
                grad = eval(compile(gradient, "<gradient>", "eval"), ns)  # noqa: S307
            except Exception as e:  # noqa: BLE001
                detail = Message("{text}", text=_first_line(e))
                raise AutogradError("eval", Message("gradient: {detail}", detail=detail)) from None
        what = self.result_name or "the result"
        try:
            self.result.backward(grad, retain_graph=retain_graph)
        except RuntimeError as e:
            raise explain(e, f"{what} of shape {tuple(self.result.shape)}") from None
        self.backward_count += 1
        return self.grads()

    def grads(self) -> dict[str, Any]:
        """Each leaf's ``.grad`` as a nested list, ``None`` before the first backward."""
        return {n: None if t.grad is None else _plain(t.grad) for n, t in self.leaves.items()}

    def zero_grad(self) -> dict[str, Any]:
        """``x.grad.zero_()`` on every leaf that has a grad (``None`` stays ``None``)."""
        for t in self.leaves.values():
            if t.grad is not None:
                t.grad.zero_()
        return self.grads()


def _plain(t: torch.Tensor) -> Any:
    return t.detach().cpu().tolist()


def evaluate_once(leaves: Sequence[Leaf], code: str, gradient: str | None = None) -> dict[str, Any]:
    """The command line's run: evaluate, backward once, return the JSON-ready result."""
    pad = Scratchpad()
    ev = pad.evaluate(leaves, code)
    grads = pad.backward(gradient)
    return {
        "value": ev.value,
        "grads": grads,
        "graph": [n.to_dict() for n in ev.graph],
    }
