"""Identifiers the command line uses (dataset ``spiral``, ``--between relu``), named for the
interface language.

English shows the identifier as it is. Another language shows its own name with the
identifier after it (``螺旋（spiral）``), so a learner can still type it in the CLI.
The sources below are keys (never shown in English); the .ts gives their names.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from explorer.core.errors import Term

CONTEXT = "Terms"

TERMS: dict[tuple[str, str], str] = {
    ("dataset", "teacher"): QT_TRANSLATE_NOOP("Terms", "teacher (dataset name)"),
    ("dataset", "sine"): QT_TRANSLATE_NOOP("Terms", "sine (dataset name)"),
    ("dataset", "linear"): QT_TRANSLATE_NOOP("Terms", "linear (dataset name)"),
    ("dataset", "spiral"): QT_TRANSLATE_NOOP("Terms", "spiral (dataset name)"),
    ("dataset", "moons"): QT_TRANSLATE_NOOP("Terms", "moons (dataset name)"),
    ("dataset", "circles"): QT_TRANSLATE_NOOP("Terms", "circles (dataset name)"),
    ("dataset", "blobs"): QT_TRANSLATE_NOOP("Terms", "blobs (dataset name)"),
    ("between", "none"): QT_TRANSLATE_NOOP("Terms", "none (--between value)"),
}


def term_text(kind: str, key: str, with_id: bool = True) -> str:
    """``key`` in English; ``name（key）`` where the interface language names it
    (``name`` alone with ``with_id=False``, for a short title)."""
    source = TERMS.get((kind, str(key)))
    if source is None:
        return str(key)
    text = QCoreApplication.translate(CONTEXT, source)
    if text == source:
        return str(key)
    return f"{text}（{key}）" if with_id else text


def shown(value, with_id: bool = True) -> str:
    """``value`` as the interface shows it: a :class:`Term` named, anything else as it is."""
    if isinstance(value, Term):
        return term_text(value.kind, value, with_id)
    return str(value)
