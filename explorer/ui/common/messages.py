"""Errors from the Qt-free core, in the interface language.

The core attaches an English template and its fields to an error
(:func:`explorer.core.errors.with_message`); this module translates the template with
Qt's ``translate`` (context ``CoreMessages``; our translator looks up by source text) and
fills it. A field may itself be a ``(msgid, fields)`` pair, translated the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from explorer.core.errors import message_parts

CONTEXT = "CoreMessages"
PLAIN = "{text}"


def translate_message(msgid: str, fields: dict) -> str:
    if msgid == PLAIN:  # text we do not translate (Python's own error message)
        return str(fields.get("text", ""))
    filled = {
        key: translate_message(*value) if _is_message(value) else value
        for key, value in fields.items()
    }
    return QCoreApplication.translate(CONTEXT, msgid).format(**filled)


def error_text(error: BaseException) -> str:
    """What to show for ``error``: its translated message, or its English text."""
    parts = message_parts(error)
    if parts is None:
        return str(error)
    try:
        return translate_message(*parts)
    except (KeyError, IndexError, ValueError):  # a translation lost a field: stay correct
        return str(error)


def _is_message(value) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], dict)
    )
