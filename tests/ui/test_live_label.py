"""The Training tab's status line changes at every frame of a run without relaying out
the window; a text that needs another height still gets it at once."""

from PySide6.QtCore import QEvent, QObject


class LayoutRequests(QObject):
    """Counts the layout requests ``widget`` receives."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def settle(qtbot):
    qtbot.wait(30)  # posted layout requests and paints are handled


def test_a_new_status_of_the_same_height_relayouts_nothing_and_is_shown(qtbot, window, tv):
    qtbot.waitUntil(lambda: window.ready)  # start-up work done: its relayouts are not counted
    tv.rate.setText("step 0/1000 · 1 234 steps/s · ETA 0.0 s · loss 0.0")  # the run's first
    qtbot.wait(200)  # on a loaded machine 30 ms did not always see the last posted layout
    height = tv.rate.height()
    requests = [LayoutRequests(w) for w in (tv, window)]
    for step in range(1, 10):
        tv.rate.setText(f"step {step}/1000 · 1 234 steps/s · ETA 0.{step} s · loss 0.{step}")
        settle(qtbot)
    assert [r.count for r in requests] == [0, 0]
    assert tv.rate.text() == "step 9/1000 · 1 234 steps/s · ETA 0.9 s · loss 0.9"
    assert tv.rate.label.text() == tv.rate.text() and tv.rate.height() == height
    assert tv.rate.label.geometry() == tv.rate.rect()  # the label shows all of it


def test_a_status_that_needs_more_lines_gets_them_and_shrinks_back(qtbot, window, tv):
    settle(qtbot)
    one_line = tv.rate.height()
    long = "Training stopped: " + "the layer's shape does not fit the data " * 8
    tv.rate.setText(long)
    qtbot.waitUntil(lambda: tv.rate.height() > one_line)
    assert tv.rate.height() >= tv.rate.label.heightForWidth(tv.rate.width())
    assert tv.rate.label.geometry() == tv.rate.rect()
    tv.rate.setText("Not started")
    qtbot.waitUntil(lambda: tv.rate.height() == one_line)


def test_accuracy_line_appears_when_it_gets_text(qtbot, window, tv):
    settle(qtbot)
    assert not tv.accuracy.isVisible()  # no text, no room taken
    tv.accuracy.setText("Accuracy (step 20): train 51.0%")
    qtbot.waitUntil(lambda: tv.accuracy.isVisible() and tv.accuracy.height() > 0)
    assert tv.accuracy.height() == tv.accuracy.label.heightForWidth(tv.accuracy.width())
    assert tv.accuracy.label.text() == "Accuracy (step 20): train 51.0%"
    assert tv.accuracy.label.geometry() == tv.accuracy.rect()
    tv.accuracy.setText("")  # another dataset: the line goes away again
    assert not tv.accuracy.isVisible()
