"""The learner's own ``nn.Module`` classes, read from a ``.py`` file.

Loading a file **runs its code** (as ``python file.py`` would, except the
``if __name__ == "__main__":`` part), so a user interface must ask before it calls
:func:`load_module_file`. The file's folder is on ``sys.path`` while it runs, so it can
import its neighbours.

Every failure is a :class:`ModuleFileError` naming the file's line: a syntax error, an
error while the file runs, in a class's ``__init__`` or in its ``forward``.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import traceback
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ExplorerError, Message

if TYPE_CHECKING:
    from torch import nn

MAX_SOURCE_BYTES = 2 * 2**20


class ModuleFileError(ExplorerError):
    """A problem in the user's ``.py``; ``line`` is the file's line, when known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class ModuleClass:
    """An ``nn.Module`` subclass defined in the file: its name, line and ``__init__`` arguments."""

    name: str
    line: int
    signature: str
    doc: str | None = None


@dataclass
class ModuleFile:
    """A loaded file: its source, what it defined, and its ``nn.Module`` classes in file order."""

    path: Path
    source: str
    namespace: dict[str, Any]
    classes: tuple[ModuleClass, ...] = field(default=())

    def cls(self, name: str) -> type:
        if name not in {c.name for c in self.classes}:
            have = ", ".join(c.name for c in self.classes) or Message("none")
            raise ModuleFileError(
                Message(
                    "{file} has no nn.Module class {name} (it has: {have})",
                    file=self.path.name,
                    name=repr(name),
                    have=have,
                )
            )
        return self.namespace[name]

    def construct(self, name: str, args: Any = None, device: Any = None) -> nn.Module:
        """``cls(*args)`` or ``cls(**args)``; on ``device`` (``"meta"``: no memory) if given."""
        import torch

        cls = self.cls(name)
        if args is None:
            pos, kw = [], {}
        elif isinstance(args, dict):
            pos, kw = [], dict(args)
        elif isinstance(args, (list, tuple)):
            pos, kw = list(args), {}
        else:
            pos, kw = [args], {}
        try:
            if device is not None:
                with torch.device(device):
                    return cls(*pos, **kw)
            return cls(*pos, **kw)
        except Exception as e:  # noqa: BLE001 - the learner's __init__ can raise anything
            raise located(e, self.path, f"{name}(...)") from None


def located(exc: BaseException, path: Path, what: str) -> ModuleFileError:
    """``exc`` as one line naming the deepest line of ``path`` it passed through."""
    filename = str(path)
    line = func = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line, func = frame.lineno, frame.name
    text = (str(exc).strip().splitlines() or [""])[0]
    error = f"{type(exc).__name__}: {text}".rstrip(": ")  # Python's own words, kept
    if line is None:
        message = Message("{file}: {what}: {error}", file=path.name, what=what, error=error)
    elif func and func != "<module>":
        message = Message(
            "{file}, line {line}, in {func}: {error}",
            file=path.name,
            line=line,
            func=func,
            error=error,
        )
    else:
        message = Message("{file}, line {line}: {error}", file=path.name, line=line, error=error)
    return ModuleFileError(message, line)


def located_in(exc: BaseException, path: Path, what: str) -> ModuleFileError | None:
    """``exc`` (or the error it was raised from) as :func:`located`, if it passed through
    ``path``; None when no frame of its traceback is in the file."""
    filename = str(path)
    seen: set[int] = set()
    error: BaseException | None = exc
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, ModuleFileError):
            return error
        frames = traceback.extract_tb(error.__traceback__)
        if any(f.filename == filename for f in frames):
            return located(error, path, what)
        error = error.__cause__ or error.__context__
    return None


def _classes(tree: ast.Module, namespace: dict[str, Any]) -> tuple[ModuleClass, ...]:
    import inspect

    from torch import nn

    found = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        obj = namespace.get(node.name)
        if isinstance(obj, type) and issubclass(obj, nn.Module):
            try:
                if obj.__init__ is nn.Module.__init__:
                    raise TypeError  # no __init__ of its own: Module's (*args, **kwargs)
                sig = (
                    str(inspect.signature(obj.__init__))
                    .replace("(self, ", "(")
                    .replace("(self)", "()")
                )
            except (TypeError, ValueError):
                sig = "()"
            doc = (ast.get_docstring(node) or "").strip().splitlines()
            found.append(ModuleClass(node.name, node.lineno, sig, doc[0] if doc else None))
    return tuple(found)


def load_module_file(path: str | os.PathLike) -> ModuleFile:
    """Run the file's code (not its ``__main__`` part) and list its ``nn.Module`` classes."""
    path = Path(path).resolve()
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise ModuleFileError(Message("{file} is too large for a model file", file=path.name))
        source = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ModuleFileError(
            Message("cannot read {file}: {reason}", file=path.name, reason=e.strerror)
        ) from None
    except UnicodeDecodeError:
        raise ModuleFileError(Message("{file} is not UTF-8 text", file=path.name)) from None
    try:
        tree = ast.parse(source, str(path))
        code = compile(tree, str(path), "exec")
    except SyntaxError as e:
        raise ModuleFileError(
            Message(
                "{file}, line {line}: {error}",
                file=path.name,
                line=e.lineno,
                error=f"SyntaxError: {e.msg}",
            ),
            e.lineno,
        ) from None
    module = types.ModuleType(f"nn_explorer_user_{abs(hash(str(path)))}")
    module.__file__ = str(path)
    folder = str(path.parent)
    sys.path.insert(0, folder)
    try:
        exec(code, module.__dict__)  # noqa: S102 - the user agreed to run this file
    except Exception as e:  # noqa: BLE001 - whatever the file raises is reported
        raise located(e, path, Message("running the file")) from None
    finally:
        if folder in sys.path:
            sys.path.remove(folder)
    classes = _classes(tree, module.__dict__)
    if not classes:
        raise ModuleFileError(Message("{file} defines no nn.Module subclass", file=path.name))
    return ModuleFile(path, source, module.__dict__, classes)


def parse_args_json(text: str | None) -> Any:
    """``--args`` as JSON: an object (keyword arguments) or a list (positional)."""
    if text is None or not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        raise ModuleFileError(
            Message(
                "--args is not valid JSON: {detail} (write {example})",
                detail=Message("{text}", text=e.msg),
                example='{"hidden": 64}',
            )
        ) from None
    if not isinstance(value, (dict, list)):
        raise ModuleFileError(
            Message("--args must be a JSON object (keywords) or list (positions)")
        )
    return value


# ----- input shape ------------------------------------------------------------------------


def guess_input_shape(net: nn.Module) -> tuple[tuple[int, ...], str] | None:
    """A batch of 2 for the first layer that states its input size, and why (a guess)."""
    from torch import nn

    for key, m in net.named_modules():
        if isinstance(m, nn.Linear):
            return (2, m.in_features), Message(
                "from {key} (Linear in_features={n})", key=key, n=m.in_features
            )
        if isinstance(m, nn.Conv1d):
            return (2, m.in_channels, 32), Message(
                "from {key} (Conv1d in_channels={n}, length 32)", key=key, n=m.in_channels
            )
        if isinstance(m, nn.Conv2d):
            return (2, m.in_channels, 28, 28), Message(
                "from {key} (Conv2d in_channels={n}, 28x28)", key=key, n=m.in_channels
            )
    return None


def run_forward(net: nn.Module, x: Any, path: Path, class_name: str) -> Any:
    """``net(x)``; an error becomes a :class:`ModuleFileError` with the file's line."""
    try:
        return net(x)
    except Exception as e:  # noqa: BLE001
        raise located(e, path, f"{class_name}.forward") from None


@dataclass
class ClassModel:
    """A class from a file with its arguments and input shape: what the command line runs.

    ``input_guess`` says how the input shape was guessed (``None``: it was given).
    """

    file: ModuleFile
    class_name: str
    args: Any
    input_shape: tuple[int, ...]
    input_guess: str | None

    def build(self, device: Any = None) -> nn.Module:
        return self.file.construct(self.class_name, self.args, device)

    @property
    def title(self) -> str:
        """``MLP (notes.py)``: how the user names this model."""
        return f"{self.class_name} ({self.file.path.name})"

    @property
    def window_name(self) -> str:
        """``notes.py — MLP``: the window's title names the file, then the class."""
        return f"{self.file.path.name} — {self.class_name}"

    @property
    def source_text(self) -> str:
        return self.file.source

    @property
    def path(self) -> Path:
        return self.file.path

    def located(self, exc: BaseException) -> ModuleFileError | None:
        """An error of a run as one line naming the file's line (None: not from the file)."""
        return located_in(exc, self.file.path, f"{self.class_name}.forward")

    def forward(self, net: nn.Module, x: Any) -> Any:
        return run_forward(net, x, self.file.path, self.class_name)

    def output_shape(self) -> tuple[int, ...]:
        """The output shape for a zero input, computed on ``meta``."""
        import torch

        net = self.build("meta")
        return tuple(self.forward(net, torch.empty(self.input_shape, device="meta")).shape)


def load_class_model(
    path: str | os.PathLike,
    class_name: str | None,
    args_json: str | None = None,
    input_shape: Sequence[int] | None = None,
    loader: Callable[[str | os.PathLike], ModuleFile] = load_module_file,
    require_input: bool = True,
) -> ClassModel:
    """Load ``path``, pick ``class_name`` (or the only class), check it constructs on meta.

    Without ``require_input``, an input shape that cannot be guessed is left empty.
    """
    mf = loader(path)
    if class_name is None:
        if len(mf.classes) != 1:
            names = ", ".join(c.name for c in mf.classes)
            raise ModuleFileError(
                Message(
                    "{file} has several classes ({names}); pass --class NAME",
                    file=mf.path.name,
                    names=names,
                )
            )
        class_name = mf.classes[0].name
    args = parse_args_json(args_json)
    meta = mf.construct(class_name, args, device="meta")
    guess = None
    if input_shape is None:
        guessed = guess_input_shape(meta)
        if guessed is None and not require_input:
            return ClassModel(mf, class_name, args, (), None)
        if guessed is None:
            raise ModuleFileError(
                Message(
                    "{name}: cannot tell its input shape; pass --input-shape, like 2,20",
                    name=class_name,
                )
            )
        input_shape, guess = guessed
    return ClassModel(mf, class_name, args, tuple(input_shape), guess)
