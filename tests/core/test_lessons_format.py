"""Lesson files are validated before use: each mistake names the file's lesson and step."""

import pytest

from explorer.core.errors import SpecError
from explorer.core.lessons import lesson_from_dict

KNOWN = {"grad_present": ("param",), "has_block": ()}


def lesson(**changes):
    d = {
        "id": "demo",
        "title": {"en": "Demo", "zh_CN": "示例"},
        "steps": [{"text": "Press F6", "check": {"kind": "grad_present", "param": "0.weight"}}],
    }
    d.update(changes)
    return d


def test_a_valid_lesson_keeps_both_languages_and_falls_back_to_english():
    parsed = lesson_from_dict(lesson(), KNOWN)
    assert parsed.title_in("zh_CN") == "示例" and parsed.title_in("fr") == "Demo"
    assert parsed.steps[0].text_in("zh_CN") == "Press F6"
    assert parsed.steps[0].check == {"kind": "grad_present", "param": "0.weight"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"steps": [{"text": "x", "check": {"kind": "nope"}}]},
            "demo: step 1: unknown check 'nope'",
        ),
        ({"steps": [{"text": "x", "check": {"kind": "grad_present"}}]}, "needs param"),
        ({"steps": [{"check": {"kind": "has_block"}}]}, "demo: step 1 must be a text"),
        ({"steps": []}, "at least one step"),
        ({"lesson_version": 99}, "newer than this app's"),
        ({"id": ""}, "a lesson needs an 'id'"),
        ({"steps": [{"text": "x", "target": 3}]}, "'target' must be an objectName"),
    ],
)
def test_a_malformed_lesson_is_refused_with_a_message_naming_the_step(changes, message):
    with pytest.raises(SpecError, match=message.replace("(", r"\(").replace(")", r"\)")):
        lesson_from_dict(lesson(**changes), KNOWN)
