"""How much of the GUI thread a plot's paints take (for views that ration their frames)."""

from __future__ import annotations

import time


class TimedPaint:
    """Mixin for a widget (before its Qt class in the bases): ``paint_seconds`` adds up the
    CPU time of the GUI thread spent in its paint events (``time.thread_time``, so time the
    thread waited for the GIL or a core is not counted)."""

    paint_seconds = 0.0

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        start = time.thread_time()
        try:
            super().paintEvent(event)
        finally:
            self.paint_seconds += time.thread_time() - start
