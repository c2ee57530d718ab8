"""Text from the Qt-free core, in the interface language.

The core makes its sentences as :class:`explorer.core.errors.Message` (an English ``str``
that keeps its template and fields) or attaches them to an error
(:func:`explorer.core.errors.with_message`); this module translates the template with
Qt's ``translate`` (context ``CoreMessages``; our translator looks up by source text) and
fills it. A field may itself be a message, translated the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.core.errors import Message, Term, message_parts
from explorer.ui.common.terms import shown

CONTEXT = "CoreMessages"
PLAIN = "{text}"


def translate_message(msgid: str, fields: dict) -> str:
    if msgid == PLAIN:  # text we do not translate (Python's own error message)
        return str(fields.get("text", ""))
    filled = {key: _translated_field(value) for key, value in fields.items()}
    return QCoreApplication.translate(CONTEXT, msgid).format(**filled)


def message_text(value) -> str:
    """``value`` in the interface language when it is a :class:`Message`, else as it is."""
    if isinstance(value, Message):
        try:
            return translate_message(value.msgid, value.fields)
        except (KeyError, IndexError, ValueError):  # a translation lost a field: stay correct
            return str(value)
    return str(value)


def error_text(error: BaseException) -> str:
    """What to show for ``error``: its translated message, or its English text."""
    parts = message_parts(error)
    if parts is None:
        return str(error)
    try:
        return translate_message(*parts)
    except (KeyError, IndexError, ValueError):  # a translation lost a field: stay correct
        return str(error)


def _translated_field(value):
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, Term):  # a dataset's id: named in the interface language
        return shown(value)
    if _is_message(value):
        return translate_message(*value)
    return value


def _is_message(value) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], dict)
    )


def os_error_text(error: OSError) -> str:
    """A write failure in words: our refusal (a :class:`Message`, e.g. "is a folder, not a
    file") translated, else the system's reason (``strerror``) without the errno clutter."""
    if message_parts(error) is not None:
        return error_text(error)
    return error.strerror or str(error)
