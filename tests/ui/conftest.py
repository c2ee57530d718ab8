"""Fixtures shared by the UI tests (a module's own fixture of the same name wins)."""

from __future__ import annotations

import pytest


@pytest.fixture
def run(window):
    """The run feature, with the Training tab shown (hidden tabs draw only when shown)."""
    window.show_tab("TrainingTab")
    return window.part("run_actions")


@pytest.fixture
def tv(run):
    """The Training tab."""
    return run.training_view
