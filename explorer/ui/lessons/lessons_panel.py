"""The Lessons dock: one guided lesson per section of chapter 5, step by step.

The panel opens the lesson's example, shows the step's text in the interface language,
points at the control to use (a pulsing outline, see :mod:`explorer.ui.lessons.lesson_highlight`),
and advances when the step's check passes (polled four times a second: checks are cheap
reads of the model). Done steps get a check mark in the step list.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from explorer.core.lessons import Lesson, load_lessons
from explorer.resources import examples_dir, resources_dir
from explorer.ui.common.messages import message_text
from explorer.ui.lessons.lesson_checks import CHECKS, REQUIRED
from explorer.ui.lessons.lesson_highlight import Highlight, find_target, reveal

DONE_STYLE = "color: #2e8b3a; font-weight: bold;"
CHECK_ERRORS = (KeyError, IndexError, TypeError, ValueError, RuntimeError, AttributeError)


def lesson_folders() -> list[Path]:
    """The shipped lessons, then a teacher's folder named by ``NN_EXPLORER_LESSONS``."""
    folders = [resources_dir() / "lessons"]
    extra = os.environ.get("NN_EXPLORER_LESSONS")
    if extra:
        folders.append(Path(extra))
    return folders


def _summary(text: str, limit: int = 70) -> str:
    first = text.split(". ")[0].split("。")[0].strip()
    return first if len(first) <= limit else first[: limit - 1] + "…"


class LessonsPanel(QWidget):
    """Choose a lesson, Start, follow the steps; ``finished`` once every check passed."""

    def __init__(self, window, language: str = "en", folders: list[Path] | None = None):
        super().__init__(window)
        self.window_ = window
        self.language = language
        self.lessons: list[Lesson] = []
        self.errors: list[str] = []
        self.lesson: Lesson | None = None
        self.index = 0
        self.done: set[int] = set()
        self.memo: dict = {}
        self._warned: set[str] = set()
        self.highlight = Highlight(window)

        self.chooser = QComboBox(self)
        self.chooser.setObjectName("lessonChooser")
        self.chooser.setToolTip(self.tr("One lesson per section of chapter 5"))
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("lessonStart")
        self.start_button.setToolTip(self.tr("Open the lesson's example and begin at step 1"))
        self.load_errors = QLabel(self)
        self.load_errors.setObjectName("lessonErrors")
        self.load_errors.setWordWrap(True)
        self.load_errors.setStyleSheet("color: #d64545;")
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.steps = QListWidget(self)
        self.steps.setObjectName("lessonSteps")
        self.steps.setToolTip(self.tr("The lesson's steps; click one to go there"))
        self.steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.text = QLabel(self)
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel(self)
        self.state.setObjectName("lessonState")
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setObjectName("lessonBack")
        self.back_button.setToolTip(self.tr("Go to the previous step"))
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setObjectName("lessonNext")
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.start_button)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.load_errors)
        layout.addWidget(self.progress)
        layout.addWidget(self.steps)
        # Long step text scrolls inside its own area instead of being cut off.
        self.text_scroll = QScrollArea(self)
        self.text_scroll.setObjectName("lessonTextScroll")
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_scroll.setWidget(self.text)
        layout.addWidget(self.text_scroll, 1)
        layout.addWidget(self.state)
        layout.addLayout(nav)
        self.start_button.clicked.connect(lambda: self.start(self.chooser.currentData()))
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(self._next)
        self.steps.itemClicked.connect(lambda item: self.go(self.steps.row(item)))
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.poll)
        self.load(folders or lesson_folders())

    # ----- lessons ----------------------------------------------------------------------

    def load(self, folders: list[Path]) -> None:
        """Read every lesson file; a broken one is reported and skipped, the others load."""
        self.lessons, self.errors = [], []
        for folder in folders:
            lessons, errors = load_lessons(folder, REQUIRED)
            self.errors += errors
            known = {lesson.id for lesson in self.lessons}
            for lesson in lessons:
                if lesson.id in known:
                    self.errors.append(
                        self.tr("{0}: the lesson id {1} is taken").format(
                            folder.name, repr(lesson.id)
                        )
                    )
                else:
                    self.lessons.append(lesson)
        for line in self.errors:
            self.window_.report_error(self.tr("Lesson not loaded: {0}").format(message_text(line)))
        self.load_errors.setText(
            self.tr("{0} lesson file(s) could not be loaded (see the Log tab)").format(
                len(self.errors)
            )
            if self.errors
            else ""
        )
        self.load_errors.setToolTip("\n".join(message_text(line) for line in self.errors))
        self.load_errors.setVisible(bool(self.errors))
        self.chooser.clear()
        for lesson in self.lessons:
            self.chooser.addItem(f"{lesson.section}  {lesson.title_in(self.language)}", lesson.id)
        self.start_button.setEnabled(bool(self.lessons))
        self._show()

    def start(self, lesson_id: str) -> bool:
        """Open the lesson's example and show step 1."""
        lesson = next((item for item in self.lessons if item.id == lesson_id), None)
        if lesson is None:
            return False
        if lesson.example:
            path = examples_dir() / f"{lesson.example}.nnx.json"
            if not path.is_file():
                self.window_.report_error(
                    self.tr("The lesson's example {0} is missing").format(path.name)
                )
                return False
            if not self.window_.trigger("example_" + lesson.example):  # the Examples menu's
                self.window_.report_error(
                    self.tr("The lesson's example {0} is missing").format(path.name)
                )
                return False
            if self.window_.is_modified():
                return False  # the user kept the unsaved model (Cancel)
        self.lesson = lesson
        self.done = set()
        self._make_room()
        self.chooser.setCurrentIndex(self.chooser.findData(lesson.id))
        self.go(0)
        self.timer.start()
        return True

    def _make_room(self) -> None:
        """Show the dock; leave the Parameters dock below it most of the column."""
        w = self.window_
        dock, params = getattr(w, "lessons_dock", None), getattr(w, "param_dock", None)
        if dock is None:
            return
        dock.show()
        dock.raise_()
        if params is not None and params.isVisible():
            fit = self.minimumSizeHint().height() + 30  # the dock's title and tabs
            QTimer.singleShot(  # once the dock is laid out; dropped if the panel is gone
                0,
                self,
                lambda: w.resizeDocks([dock, params], [fit, 10 * fit], Qt.Orientation.Vertical),
            )

    def go(self, index: int) -> None:
        if self.lesson is None:
            return
        self._reset_memo()
        self.index = max(0, min(index, len(self.lesson.steps)))
        self._show()
        if not self.finished:
            self.timer.start()
            self.poll()

    def poll(self) -> None:
        """Advance when the current step's check passes; keep the outline on its target."""
        self.highlight.follow()
        if self.lesson is None or self.finished:
            return
        step = self.lesson.steps[self.index]
        if not step.check or self.index in self.done:
            return  # a done step stays done when the student goes back to read it
        params = {k: v for k, v in step.check.items() if k != "kind"}
        try:
            done = CHECKS[step.check["kind"]](self.window_, params, self.memo)
        except CHECK_ERRORS:
            done = False  # the model does not have what the check looks at (yet)
        if done:
            self.done.add(self.index)
            self.go(self.index + 1)

    @property
    def finished(self) -> bool:
        return self.lesson is not None and self.index >= len(self.lesson.steps)

    def stop(self) -> None:
        """Leave the lesson (the window closes, or the dock is closed)."""
        self._reset_memo()
        self.timer.stop()
        self.highlight.clear()

    def _next(self) -> None:
        if self.finished:
            i = self.lessons.index(self.lesson) + 1
            if i < len(self.lessons):
                self.start(self.lessons[i].id)
            return
        self.go(self.index + 1)

    # ----- display ----------------------------------------------------------------------

    def _reset_memo(self) -> None:
        cleanup = self.memo.get("cleanup")
        self.memo = {}
        if cleanup:
            try:
                cleanup()
            except (RuntimeError, TypeError):
                pass  # the object it listened to is gone

    def _fill_steps(self) -> None:
        self.steps.clear()
        if self.lesson is None:
            return
        bold = QFont(self.steps.font())
        bold.setBold(True)
        for i, step in enumerate(self.lesson.steps):
            mark = "✓" if i in self.done else ("▶" if i == self.index else "•")
            item = QListWidgetItem(f"{mark} {i + 1}. {_summary(step.text_in(self.language))}")
            item.setToolTip(step.text_in(self.language))
            if i == self.index:
                item.setFont(bold)
            self.steps.addItem(item)
        rows = min(self.steps.count(), 5)
        frame = 2 * self.steps.frameWidth()
        self.steps.setFixedHeight(rows * max(self.steps.sizeHintForRow(0), 1) + frame)
        if self.index < self.steps.count():
            self.steps.scrollToItem(self.steps.item(self.index))

    def _show(self) -> None:
        lesson = self.lesson
        self._fill_steps()
        self.back_button.setEnabled(lesson is not None and self.index > 0)
        if lesson is None:
            self.highlight.clear()
            self.next_button.setEnabled(False)
            self.steps.hide()
            self.text.setText(
                self.tr(
                    "Choose a lesson and press Start. Each lesson opens its example "
                    "and tells you what to do; it moves on when you have done it."
                )
            )
            self.state.setText("")
            self.progress.setValue(0)
            return
        self.steps.show()
        total = len(lesson.steps)
        self.progress.setRange(0, total)
        self.progress.setValue(len(self.done))
        if self.finished:
            self.highlight.clear()
            self.timer.stop()
            self.text.setText(
                self.tr("Lesson complete: {0}").format(lesson.title_in(self.language))
            )
            self.state.setText(self.tr("✓ Done: steps {0}/{0}").format(total))
            self.state.setStyleSheet(DONE_STYLE)
            more = self.lessons.index(lesson) + 1 < len(self.lessons)
            self.next_button.setText(self.tr("Next lesson"))
            self.next_button.setToolTip(self.tr("Start the next lesson"))
            self.next_button.setEnabled(more)
            return
        step = lesson.steps[self.index]
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(
            self.tr("Skip to the next step (steps move on by themselves when done)")
        )
        self.next_button.setEnabled(True)
        self.text.setText(step.text_in(self.language))
        if self.index in self.done:
            self.state.setText(self.tr("✓ Step {0} of {1}: done").format(self.index + 1, total))
            self.state.setStyleSheet(DONE_STYLE)
        elif self.index - 1 in self.done:
            self.state.setText(
                self.tr("✓ Step {0} done. Step {1} of {2}").format(
                    self.index, self.index + 1, total
                )
            )
            self.state.setStyleSheet("")
        else:
            self.state.setText(self.tr("Step {0} of {1}").format(self.index + 1, total))
            self.state.setStyleSheet("")
        self._point_at(step.target)

    def _point_at(self, name: str) -> None:
        widget, rect = find_target(self.window_, name)
        if widget is None:
            self.highlight.clear()
            if name and name not in self._warned:
                self._warned.add(name)
                self.window_.log(
                    self.tr("Lesson step points at {0}, which this window does not have").format(
                        name
                    ),
                    "warning",
                )
            return
        reveal(self.window_, widget, self.window_.findChild(QDockWidget, "LessonsDock"))
        self.highlight.point_at(widget, rect)

    def target_widget(self):
        """The widget the current step points at (None when it points at nothing)."""
        if self.lesson is None or self.finished:
            return None
        return find_target(self.window_, self.lesson.steps[self.index].target)[0]


def install(window) -> None:
    from explorer.ui.shell.i18n import chosen_language

    panel = window.register("lessons_panel", LessonsPanel(window, chosen_language(window.settings)))
    dock = window.add_dock(
        panel,
        window.tr("Lessons"),
        Qt.DockWidgetArea.RightDockWidgetArea,
        "LessonsDock",
    )
    # Share the right column with Properties, as tabs: lessons point at the Parameters
    # tree, so it stays in view below them.
    neighbour = window.findChild(QDockWidget, "PropertiesDock") or window.findChild(
        QDockWidget, "ParametersDock"
    )
    if neighbour is not None:
        window.tabifyDockWidget(neighbour, dock)
        neighbour.raise_()

    def show_lessons() -> None:
        dock.show()
        dock.raise_()
        panel.chooser.setFocus()

    window.add_action(
        "Help/guide",
        window.tr("&Lessons"),
        show_lessons,
        "F1",
        window.tr("Guided lessons for chapter 5, step by step"),
        name="actionLessons",
    )
    window.closing.connect(panel.stop)
