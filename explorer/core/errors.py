"""Typed errors raised by the core; the UI catches them and shows them in place."""

from __future__ import annotations


class Message(str):
    """An English sentence that keeps the template and fields it was made from.

    The core and io have no Qt, so they cannot translate. A ``Message`` *is* the English
    text (the CLI, the Log and the tests read it as a plain ``str``) and also carries
    ``msgid`` (the English template, the translation key: ``"keys that match: {n}"``) and the
    ``fields`` it was filled with, so the UI can show ``tr(msgid).format(**fields)``.
    A field may itself be a ``Message``; it is translated the same way.

    Examples
    --------
    >>> m = Message("keys that match: {n}", n=4)
    >>> m, m.msgid, m.fields
    ('keys that match: 4', 'keys that match: {n}', {'n': 4})
    """

    msgid: str
    fields: dict

    def __new__(cls, msgid: str, /, **fields):
        self = super().__new__(cls, msgid.format(**fields))
        self.msgid = msgid
        self.fields = fields
        return self

    def __reduce__(self):
        return _make_message, (self.msgid, self.fields)


def _make_message(msgid: str, fields: dict) -> Message:
    return Message(msgid, **fields)


class Term(str):
    """An identifier the command line uses (the dataset ``spiral``), kept as it is.

    English shows the identifier itself; as a field of a :class:`Message` (or wherever the
    UI shows it), the interface may add a translated name: ``螺旋（spiral）``. ``kind``
    says what it names (``"dataset"``).
    """

    kind: str

    def __new__(cls, kind: str, value: str):
        self = super().__new__(cls, value)
        self.kind = kind
        return self

    def __reduce__(self):
        return Term, (self.kind, str(self))


class ExplorerError(Exception):
    """Base class of every error the app reports to the user in plain words."""


class SpecError(ExplorerError):
    """A model spec (or a project file holding one) is malformed."""


class UnknownLayerType(SpecError):
    def __init__(self, type_name: str):
        super().__init__(Message("unknown layer type {name}", name=repr(type_name)))
        self.type_name = type_name


class InvalidArgument(ExplorerError):
    """A layer argument failed validation.

    Parameters
    ----------
    layer : str
        The layer type (``"Linear"``) or a description of the layer.
    field : str
        The argument name (``"in_features"``).
    reason : str
        Plain words, for example ``"must be at least 1"``.
    """

    def __init__(self, layer: str, field: str, reason: str):
        super().__init__(
            Message("{layer}: {field} {reason}", layer=layer, field=field, reason=reason)
        )
        self.layer = layer
        self.field = field
        self.reason = reason


class ShapeError(ExplorerError):
    """A layer cannot accept the shape that reaches it.

    Parameters
    ----------
    layer_index : tuple of int
        Path of the layer in the spec tree (``(3, 1)`` for ``net[3][1]``).
    layer_key : str
        The PyTorch name of the layer (``"3.1"`` or ``"hidden"``).
    layer_type : str
        Catalog type (``"Linear"``).
    expected : str
        What the layer needs, in words (``"last dimension 256"``).
    got : tuple of int or None
        The incoming shape.
    message : str
        The full sentence shown to the user.
    """

    def __init__(
        self,
        layer_index: tuple[int, ...],
        layer_key: str,
        layer_type: str,
        expected: str,
        got: tuple[int, ...] | None,
        message: str,
    ):
        super().__init__(message)
        self.layer_index = layer_index
        self.layer_key = layer_key
        self.layer_type = layer_type
        self.expected = expected
        self.got = got
        self.message = message


class FormatVersionError(SpecError):
    def __init__(self, found: int, supported: int):
        super().__init__(
            Message(
                "this file was written by a newer NN Explorer (format {found}); "
                "this version reads format {supported} and older",
                found=found,
                supported=supported,
            )
        )
        self.found = found
        self.supported = supported


def with_message(error: ExplorerError, msgid: str, **fields) -> ExplorerError:
    """Attach a translatable message to ``error``: an English template and its fields.

    The core has no Qt, so it cannot translate; it keeps ``msgid`` (the English template,
    also the translation key, e.g. ``"line {line}: {detail}"``) and the ``fields`` the
    template is filled with. ``str(error)`` stays the English sentence (the CLI and the
    Log use it); the UI shows ``tr(msgid).format(**fields)`` instead.
    """
    error.msgid = msgid
    error.fields = fields
    return error


def message_parts(error: BaseException) -> tuple[str, dict] | None:
    """``(msgid, fields)`` of an error made with :func:`with_message` or raised with a
    :class:`Message` as its text, else None."""
    msgid = getattr(error, "msgid", "")
    if msgid:
        return msgid, dict(getattr(error, "fields", {}))
    args = getattr(error, "args", ())
    if len(args) == 1 and isinstance(args[0], Message):
        return args[0].msgid, dict(args[0].fields)
    return None


def error_message(error: BaseException) -> str:
    """What ``error`` says, as a :class:`Message` when it carries one, else its plain text.

    Use it to put one error inside another sentence (``"cannot fit the model to {name}:
    {reason}"``) and keep the inner one translatable. A field given as ``(msgid, fields)``
    (see :func:`with_message`) becomes a :class:`Message` too, so the English is the same.
    """
    parts = message_parts(error)
    if parts is None:
        return str(error)
    message = _as_message(*parts)
    return message if message == str(error) else str(error)  # the English never changes


def _as_message(msgid: str, fields: dict) -> Message:
    return Message(msgid, **{key: _field(value) for key, value in fields.items()})


def _field(value):
    is_pair = (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], dict)
    )
    return _as_message(*value) if is_pair and not isinstance(value, Message) else value


# ----- a Message in a file (a project keeps an import's guess notes) ----------------------

#: how deep messages may nest in a file (a guess note is a sentence with a few parts)
MAX_NESTING = 8


def message_to_json(value) -> dict | None:
    """``{"msgid": ..., "fields": {...}}`` for a :class:`Message` (None for plain text).

    Fields are kept as JSON numbers, nested messages, or their text (a shape ``(2, 20)``
    becomes ``"(2, 20)"``, which fills the template the same way).
    """
    if not isinstance(value, Message):
        return None
    return {"msgid": value.msgid, "fields": {k: _json_field(v) for k, v in value.fields.items()}}


def message_from_json(data, text: str) -> str:
    """The :class:`Message` ``data`` describes if it reads exactly ``text``, else ``text``.

    ``text`` is the English a file also keeps: an old file (no ``data``), a damaged one
    or one whose template and text disagree gives the text unchanged, never a guess.
    """
    if data is None:
        return text
    try:
        message = _json_message(data, 0)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return text
    return message if message == text else text


def _json_field(value):
    if isinstance(value, Message):
        return message_to_json(value)
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return value
    return str(value)


class _Unreadable(ValueError):
    """A saved message that cannot be trusted; the saved English text is used instead."""


def _json_message(data, depth: int) -> Message:
    import string

    if depth > MAX_NESTING or not isinstance(data, dict):
        raise _Unreadable
    msgid, fields = data.get("msgid"), data.get("fields", {})
    if not isinstance(msgid, str) or not isinstance(fields, dict):
        raise _Unreadable
    for _, name, spec, _ in string.Formatter().parse(msgid):
        # plain {name} fields only: a file must not reach attributes ({a.__class__})
        if name is not None and (not name.isidentifier() or "{" in (spec or "")):
            raise _Unreadable
    values = {}
    for key, value in fields.items():
        if isinstance(value, dict):
            value = _json_message(value, depth + 1)
        elif not (value is None or isinstance(value, (bool, int, float, str))):
            raise _Unreadable
        values[str(key)] = value
    return Message(msgid, **values)
