"""The Lessons dock: one guided lesson per section of chapter 5, step by step.

The panel opens the lesson's example, shows the step's text in the interface language,
points at the control to use (a pulsing outline), and advances when the step's check
passes (polled a few times a second: checks are cheap reads of the model).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.errors import ExplorerError
from explorer.core.lessons import Lesson, load_lessons
from explorer.resources import examples_dir, resources_dir
from explorer.ui.lesson_checks import CHECKS

HIGHLIGHT = "outline: 3px solid #f0a020; border: 3px solid #f0a020; border-radius: 4px;"


class LessonsPanel(QWidget):
    def __init__(self, window, language: str = "en"):
        super().__init__(window)
        self.window_ = window
        self.language = language
        try:
            self.lessons: list[Lesson] = load_lessons(resources_dir() / "lessons", set(CHECKS))
        except ExplorerError as e:
            self.lessons = []
            window.report_error(str(e))
        self.lesson: Lesson | None = None
        self.index = 0
        self.memo: dict = {}
        self._highlighted = None
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("lessonChooser")
        for lesson in self.lessons:
            self.chooser.addItem(f"{lesson.section}  {lesson.title_in(language)}", lesson.id)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("lessonStart")
        self.start_button.setToolTip(self.tr("Open the lesson's example and begin at step 1"))
        self.text = QLabel(self)
        self.text.setObjectName("lessonText")
        self.text.setWordWrap(True)
        self.text.setMinimumHeight(80)
        self.state = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.skip_button = QPushButton(self.tr("Next"), self)
        self.skip_button.setToolTip(
            self.tr("Go to the next step (steps move on by themselves when done)")
        )
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.start_button)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.state)
        layout.addLayout(nav)
        self.start_button.clicked.connect(lambda: self.start(self.chooser.currentData()))
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.skip_button.clicked.connect(lambda: self.go(self.index + 1))
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.poll)
        self._show()

    # ----- lesson flow ----------------------------------------------------------------

    def start(self, lesson_id: str) -> None:
        lesson = next((item for item in self.lessons if item.id == lesson_id), None)
        if lesson is None:
            return
        if lesson.example:
            self.window_.file_actions.open_example(examples_dir() / f"{lesson.example}.nnx.json")
        self.lesson = lesson
        self.go(0)
        self.timer.start()

    def go(self, index: int) -> None:
        if self.lesson is None:
            return
        self._reset_memo()
        self.index = max(0, min(index, len(self.lesson.steps)))
        self._show()
        self.poll()

    def poll(self) -> None:
        """Advance when the current step's check passes."""
        if self.lesson is None or self.index >= len(self.lesson.steps):
            return
        step = self.lesson.steps[self.index]
        if not step.check:
            return
        params = {k: v for k, v in step.check.items() if k != "kind"}
        try:
            done = CHECKS[step.check["kind"]](self.window_, params, self.memo)
        except (KeyError, IndexError, TypeError, ValueError, RuntimeError):
            done = False  # the model does not have what the check looks at (yet)
        if done:
            self.go(self.index + 1)

    @property
    def finished(self) -> bool:
        return self.lesson is not None and self.index >= len(self.lesson.steps)

    # ----- display --------------------------------------------------------------------

    def _reset_memo(self) -> None:
        cleanup = self.memo.get("cleanup")
        if cleanup:
            cleanup()
        self.memo = {}

    def _show(self) -> None:
        self._unhighlight()
        lesson = self.lesson
        self.back_button.setEnabled(lesson is not None and self.index > 0)
        self.skip_button.setEnabled(lesson is not None and self.index < len(lesson.steps))
        if lesson is None:
            self.text.setText(
                self.tr(
                    "Choose a lesson and press Start. Each lesson opens its example "
                    "and tells you what to do; it moves on when you have done it."
                )
            )
            self.state.setText("")
            self.progress.setValue(0)
            return
        total = len(lesson.steps)
        self.progress.setRange(0, total)
        self.progress.setValue(self.index)
        if self.index >= total:
            self.text.setText(
                self.tr("Lesson complete: {0}").format(lesson.title_in(self.language))
            )
            self.state.setText("")
            self.timer.stop()
            return
        step = lesson.steps[self.index]
        self.text.setText(step.text_in(self.language))
        self.state.setText(self.tr("Step {0} of {1}").format(self.index + 1, total))
        self._highlight(step.target)

    def _target_widget(self, name: str):
        if not name:
            return None
        widget = self.window_.findChild(QWidget, name)
        if widget is not None:
            return widget
        action = self.window_.findChild(QAction, name)
        if action is not None:
            for toolbar in (
                self.window_.toolbar,
                *self.window_.findChildren(type(self.window_.toolbar)),
            ):
                button = toolbar.widgetForAction(action)
                if button is not None:
                    return button
        return None

    def _highlight(self, name: str) -> None:
        widget = self._target_widget(name)
        if widget is None:
            return
        self._highlighted = (widget, widget.styleSheet())
        widget.setStyleSheet(widget.styleSheet() + HIGHLIGHT)

    def _unhighlight(self) -> None:
        if self._highlighted is not None:
            widget, sheet = self._highlighted
            widget.setStyleSheet(sheet)
            self._highlighted = None

    def target_widget(self):
        """The widget the current step points at (for tests and for the highlight)."""
        if self.lesson is None or self.index >= len(self.lesson.steps):
            return None
        return self._target_widget(self.lesson.steps[self.index].target)


def install(window) -> None:
    from PySide6.QtCore import Qt

    from explorer.ui.i18n import chosen_language

    window.lessons_panel = LessonsPanel(window, chosen_language(window.settings))
    window.lessons_dock = window.add_dock(
        window.lessons_panel,
        window.tr("Lessons"),
        Qt.DockWidgetArea.RightDockWidgetArea,
        "LessonsDock",
    )
