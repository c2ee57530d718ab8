"""Guided lessons: data files in ``resources/lessons``, loaded and validated here (no Qt).

A lesson opens an example, then walks through steps. Each step has text in English and
Chinese, names the control to point at (a widget or action ``objectName``), and a check
that tells when the user has done it. Checks are named predicates with parameters (see
``explorer.ui.lessons.lesson_checks``), so a teacher writes a lesson as JSON, not code. The format
is described in ``resources/lessons/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.errors import Message, SpecError

LESSON_VERSION = 1


@dataclass(frozen=True)
class Step:
    """One instruction: ``text`` per language, the control to point at, the check."""

    text: Mapping[str, str]  # language -> text
    target: str = ""  # objectName of the widget or action to point at
    check: Mapping[str, Any] = field(default_factory=dict)  # {"kind": ..., params}

    def text_in(self, language: str) -> str:
        return self.text.get(language) or self.text.get("en", "")


@dataclass(frozen=True)
class Lesson:
    """A guided lesson for one section of the chapter (``section`` like ``"5.1"``)."""

    id: str
    section: str  # "5.1"
    title: Mapping[str, str]
    example: str | None  # stem of a file in resources/examples, without .nnx.json
    steps: tuple[Step, ...]

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en", self.id)


def _texts(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str) and value:
        return {"en": value}
    if (
        not isinstance(value, dict)
        or not value.get("en")
        or not all(isinstance(v, str) for v in value.values())
    ):
        raise SpecError(
            Message(
                "{where} must be a text or an object like {example}",
                where=where,
                example="{'en': ..., 'zh_CN': ...}",
            )
        )
    return dict(value)


def _check(check: Any, where: str, known: Mapping[str, Sequence[str]] | None) -> dict:
    if check is None or check == {}:
        return {}
    if not isinstance(check, dict) or not isinstance(check.get("kind"), str):
        raise SpecError(Message("{where}: a check must be an object with a 'kind'", where=where))
    kind = check["kind"]
    if known is not None:
        if kind not in known:
            raise SpecError(
                Message(
                    "{where}: unknown check {kind} (known: {known})",
                    where=where,
                    kind=repr(kind),
                    known=", ".join(sorted(known)),
                )
            )
        missing = [p for p in known[kind] if p not in check]
        if missing:
            raise SpecError(
                Message(
                    "{where}: check {kind} needs {missing}",
                    where=where,
                    kind=repr(kind),
                    missing=", ".join(missing),
                )
            )
    return dict(check)


def lesson_from_dict(d: Any, known_checks: Mapping[str, Sequence[str]] | None = None) -> Lesson:
    """Validate a lesson read from JSON. ``known_checks`` maps each check kind to the
    parameters it needs; a lesson naming another kind or missing a parameter is refused."""
    if not isinstance(d, dict):
        raise SpecError(Message("a lesson must be a JSON object"))
    version = d.get("lesson_version", LESSON_VERSION)
    if not isinstance(version, int) or version > LESSON_VERSION:
        raise SpecError(
            Message(
                "lesson format {version} is newer than this app's ({supported})",
                version=repr(version),
                supported=LESSON_VERSION,
            )
        )
    lesson_id = d.get("id")
    if not isinstance(lesson_id, str) or not lesson_id:
        raise SpecError(Message("a lesson needs an 'id'"))
    example = d.get("example")
    if example is not None and not isinstance(example, str):
        raise SpecError(
            Message("{lesson}: 'example' must be the name of an example file", lesson=lesson_id)
        )
    raw_steps = d.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise SpecError(
            Message("{lesson}: a lesson needs a list of at least one step", lesson=lesson_id)
        )
    steps = []
    for i, s in enumerate(raw_steps):
        where = Message("{lesson}: step {n}", lesson=lesson_id, n=i + 1)
        if not isinstance(s, dict):
            raise SpecError(Message("{where} must be an object", where=where))
        target = s.get("target", "")
        if not isinstance(target, str):
            raise SpecError(Message("{where}: 'target' must be an objectName", where=where))
        steps.append(
            Step(
                text=_texts(s.get("text"), where),
                target=target,
                check=_check(s.get("check"), where, known_checks),
            )
        )
    return Lesson(
        id=lesson_id,
        section=str(d.get("section", "")),
        title=_texts(d.get("title", lesson_id), Message("{lesson} title", lesson=lesson_id)),
        example=example,
        steps=tuple(steps),
    )


def load_lessons(
    folder: Path, known_checks: Mapping[str, Sequence[str]] | None = None
) -> tuple[list[Lesson], list[str]]:
    """Every ``*.json`` lesson in ``folder``, sorted by file name, and one error line per
    file that could not be used (the others still load)."""
    lessons: list[Lesson] = []
    errors: list[str] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            lesson = lesson_from_dict(data, known_checks)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            errors.append(
                Message("{name}: cannot read the lesson: {detail}", name=path.name, detail=str(e))
            )
            continue
        except SpecError as e:
            detail = e.args[0] if len(e.args) == 1 and isinstance(e.args[0], Message) else str(e)
            errors.append(Message("{name}: {detail}", name=path.name, detail=detail))
            continue
        if lesson.id in seen:
            errors.append(
                Message(
                    "{name}: another lesson already has the id {id}",
                    name=path.name,
                    id=repr(lesson.id),
                )
            )
            continue
        seen.add(lesson.id)
        lessons.append(lesson)
    return lessons, errors
