"""Guided lessons: data files in ``resources/lessons``, loaded and validated here (no Qt).

A lesson opens an example, then walks through steps. Each step has text in English and
Chinese, names the control to point at (a widget or action ``objectName``), and a check
that tells when the user has done it. Checks are named predicates with parameters (see
``explorer.ui.lesson_checks``), so a teacher writes a lesson as JSON, not code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.core.errors import SpecError

LESSON_VERSION = 1


@dataclass(frozen=True)
class Step:
    text: Mapping[str, str]  # language -> text
    target: str = ""  # objectName of the widget or action to point at
    check: Mapping[str, Any] = field(default_factory=dict)  # {"kind": ..., params}

    def text_in(self, language: str) -> str:
        return self.text.get(language) or self.text.get("en", "")


@dataclass(frozen=True)
class Lesson:
    id: str
    section: str  # "5.1"
    title: Mapping[str, str]
    example: str | None  # stem of a file in resources/examples
    steps: tuple[Step, ...]

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en", self.id)


def _texts(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if (
        not isinstance(value, dict)
        or "en" not in value
        or not all(isinstance(v, str) for v in value.values())
    ):
        raise SpecError(f"{where} must be a text or an object like {{'en': ..., 'zh_CN': ...}}")
    return dict(value)


def lesson_from_dict(d: Any, known_checks: set[str] | None = None) -> Lesson:
    if not isinstance(d, dict):
        raise SpecError("a lesson must be a JSON object")
    if d.get("lesson_version", LESSON_VERSION) > LESSON_VERSION:
        raise SpecError(
            f"lesson format {d.get('lesson_version')} is newer than this app's ({LESSON_VERSION})"
        )
    lesson_id = d.get("id")
    if not isinstance(lesson_id, str) or not lesson_id:
        raise SpecError("a lesson needs an 'id'")
    steps = []
    for i, s in enumerate(d.get("steps") or []):
        if not isinstance(s, dict):
            raise SpecError(f"{lesson_id}: step {i + 1} must be an object")
        check = s.get("check") or {}
        if not isinstance(check, dict) or (check and "kind" not in check):
            raise SpecError(f"{lesson_id}: step {i + 1}: a check needs a 'kind'")
        if check and known_checks is not None and check["kind"] not in known_checks:
            raise SpecError(f"{lesson_id}: step {i + 1}: unknown check {check['kind']!r}")
        steps.append(
            Step(
                text=_texts(s.get("text"), f"{lesson_id} step {i + 1}"),
                target=str(s.get("target", "")),
                check=check,
            )
        )
    if not steps:
        raise SpecError(f"{lesson_id}: a lesson needs at least one step")
    return Lesson(
        id=lesson_id,
        section=str(d.get("section", "")),
        title=_texts(d.get("title", lesson_id), f"{lesson_id} title"),
        example=d.get("example"),
        steps=tuple(steps),
    )


def load_lessons(folder: Path, known_checks: set[str] | None = None) -> list[Lesson]:
    """Every ``*.json`` lesson in ``folder``, sorted by file name."""
    lessons = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise SpecError(f"{path.name}: cannot read lesson: {e}") from None
        lessons.append(lesson_from_dict(data, known_checks))
    return lessons
