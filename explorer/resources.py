"""Where the app's shipped files live (examples, translations, icons)."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """``resources/`` at the top of the source tree (the app runs from its checkout)."""
    return Path(__file__).resolve().parent.parent / "resources"


def examples_dir() -> Path:
    return resources_dir() / "examples"
