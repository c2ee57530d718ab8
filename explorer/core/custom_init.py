"""Custom initialization: the user's own Python function, run on a copy of the model.

Two forms are accepted, chosen by the number of arguments of the last function defined:

``def my_init(m)``
    the book's form: called on every module, as ``net.apply(my_init)``;
``def my_init(name, tensor)``
    called once per targeted parameter, in ``named_parameters()`` order.

The code runs as ordinary Python on the user's machine (it can do anything the user
can). It runs on a deep copy of the model, after ``torch.manual_seed(seed)``; only if it
finishes are the targeted values returned, for the caller to commit. Syntax errors and
exceptions come back as :class:`CustomInitError` with the line number in the user's code.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import inspect
import io
import math
import sys
import time
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.core.errors import Message, message_parts, with_message
from explorer.core.init import (
    InitError,
    LazyParameterError,
    Target,
    parameter_entries,
    resolve,
    seeded,
)

if TYPE_CHECKING:
    import torch
    from torch import nn

FILENAME = "<my_init>"

BOOK_MY_INIT = """\
def my_init(m):
    if type(m) == nn.Linear:
        print("Init", *[(name, param.shape) for name, param in m.named_parameters()][0])
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= m.weight.data.abs() >= 5
"""

PER_TENSOR_EXAMPLE = """\
def my_init(name, tensor):
    # called once per targeted parameter, in named_parameters() order
    if name.endswith("weight"):
        nn.init.uniform_(tensor, -10, 10)
        tensor *= tensor.abs() >= 5  # keep only |w| >= 5, as the book's my_init
    else:
        nn.init.zeros_(tensor)
"""

BOOK_INIT_42 = """\
def init_42(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 42)
"""


class CustomInitError(InitError):
    """The user's code failed: ``line`` is the line in their code (None if unknown)."""

    def __init__(self, message: str, line: int | None = None, msgid: str = "", **fields):
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line
        self.detail = message
        # Translatable: the frame ("line 7: ...") and our own sentences; Python's own
        # error text (NameError: name 'x' is not defined) is shown as Python wrote it.
        if line:
            detail_id = msgid or "{text}"
            detail = (detail_id, fields or {"text": message})
            with_message(self, "line {line}: {detail}", line=line, detail=detail)
        elif msgid:
            with_message(self, msgid, **fields)


@dataclass(frozen=True)
class CustomResult:
    """What the code produced: new values of the targeted parameters and what it printed."""

    function: str
    form: str  # "module" or "tensor"
    values: dict[str, torch.Tensor]
    changed: tuple[str, ...]
    output: str


def _function_name(code: str) -> tuple[str, int]:
    try:
        tree = ast.parse(code, FILENAME)
    except SyntaxError as e:
        raise CustomInitError(f"SyntaxError: {e.msg}", e.lineno) from None
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    if not defs:
        text = "define a function, like def my_init(m): ... (none found)"
        raise CustomInitError(text, msgid=text)
    return defs[-1].name, defs[-1].lineno


def _code_error(e: Exception) -> CustomInitError:
    """The user's code raised ``e``: Python's words as they are, ours (the deadline) translatable."""
    text = f"{type(e).__name__}: {e}"
    parts = message_parts(e) if isinstance(e, TimeoutError) else None
    if parts is None:
        return CustomInitError(text, _user_line(e))
    return CustomInitError(
        text, _user_line(e), msgid="{kind}: {detail}", kind=type(e).__name__, detail=parts
    )


def _user_line(exc: BaseException) -> int | None:
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == FILENAME:
            line = lineno
    return line


@contextlib.contextmanager
def _deadline(seconds: float):
    """Stop the user's code (only lines in it are traced) once ``seconds`` have passed."""
    end = time.monotonic() + seconds
    previous = sys.gettrace()

    def local(frame, event, arg):
        if time.monotonic() > end:
            raise TimeoutError(
                Message("stopped after {seconds} s (an endless loop?)", seconds=f"{seconds:g}")
            )
        return local

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != FILENAME:
            return None
        frame.f_trace_opcodes = True  # a one-line loop (while True: pass) has no line events
        return local

    sys.settrace(tracer)
    try:
        yield
    finally:
        sys.settrace(previous)


def run_custom(
    net: nn.Module,
    code: str,
    target: Target | None = None,
    seed: int | None = 0,
    timeout: float = 10.0,
) -> CustomResult:
    """Run the user's function on a copy of ``net``; return the targeted values.

    ``net`` is never changed. Raises :class:`CustomInitError` (with the line) when the
    code does not compile, raises, runs past ``timeout`` seconds, changes a parameter's
    shape or dtype, or leaves NaN or infinity in a targeted tensor.
    """
    import torch
    from torch import nn

    target = target or Target()
    names = resolve(net, target)
    lazy = [e.name for e in parameter_entries(net) if e.lazy and e.name in names]
    if lazy:
        raise LazyParameterError(lazy)
    fname, def_line = _function_name(code)
    compiled = compile(code, FILENAME, "exec")
    work = copy.deepcopy(net)
    params = dict(work.named_parameters())
    shapes = {n: (tuple(params[n].shape), params[n].dtype) for n in names}
    namespace = {"__name__": "my_init", "torch": torch, "nn": nn, "math": math, "net": work}
    out = io.StringIO()
    try:
        with (
            seeded(seed, list(params.values())),
            _deadline(timeout),
            contextlib.redirect_stdout(out),
        ):
            exec(compiled, namespace)
            fn = namespace[fname]
            try:
                arity = len(inspect.signature(fn).parameters)
            except (TypeError, ValueError):
                arity = 1
            if arity not in (1, 2):
                raise CustomInitError(
                    f"{fname} takes {arity} arguments; write def {fname}(m) (called on every "
                    f"module) or def {fname}(name, tensor) (called on each parameter)",
                    def_line,
                    msgid="{fname} takes {arity} arguments; write def {fname}(m) (called on "
                    "every module) or def {fname}(name, tensor) (called on each parameter)",
                    fname=fname,
                    arity=arity,
                )
            with torch.no_grad():
                if arity == 1:
                    work.apply(fn)
                else:
                    for n in names:
                        fn(n, params[n])
    except CustomInitError:
        raise
    except Exception as e:  # the user's code may raise anything; report it, change nothing
        raise _code_error(e) from None
    after = dict(work.named_parameters())
    values: dict[str, torch.Tensor] = {}
    for n in names:
        t = after.get(n)
        if t is None or (tuple(t.shape), t.dtype) != shapes[n]:
            got = (
                Message("removed it")
                if t is None
                else Message("made it {shape} {dtype}", shape=tuple(t.shape), dtype=t.dtype)
            )
            raise CustomInitError(
                f"{fname} replaced {n} {shapes[n][0]}: it {got}; change values in place instead "
                "(nn.init functions, tensor.data[...] = ...)",
                msgid="{fname} replaced {name} {shape}: it {got}; change values in place "
                "instead (nn.init functions, tensor.data[...] = ...)",
                fname=fname,
                name=n,
                shape=shapes[n][0],
                got=got,
            )
        if t.is_floating_point() and not bool(torch.isfinite(t).all()):
            raise CustomInitError(
                f"{fname} left NaN or infinity in {n}; nothing was applied",
                msgid="{fname} left NaN or infinity in {name}; nothing was applied",
                fname=fname,
                name=n,
            )
        values[n] = t.detach().clone()
    original = dict(net.named_parameters())
    changed = tuple(n for n in names if not torch.equal(values[n], original[n].detach()))
    return CustomResult(
        function=fname,
        form="module" if arity == 1 else "tensor",
        values=values,
        changed=changed,
        output=out.getvalue(),
    )
