"""Spin boxes that group digits the way every other number in the app is written.

The rule (explorer.core.format): digits are grouped by a narrow no-break space in every
interface language ("30 000", "7 946"), the SI/ISO style, which neither English nor
Chinese readers mistake for a decimal mark. Qt's own grouping follows the locale and
wrote "30,000" beside "7 946".
"""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from explorer.core.format import THIN, group_digits


class GroupedSpinBox(QSpinBox):
    """A QSpinBox showing ``group_digits(value)``; typing with or without spaces works.

    The value is taken when the user presses Enter or leaves the field (no keyboard
    tracking): regrouping the digits on every keystroke would move the cursor.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt override
        return group_digits(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802 - Qt override
        return int(self._plain(text) or 0)

    def validate(self, text: str, pos: int):
        plain = self._plain(text)
        state, _, _ = super().validate(plain, min(pos, len(plain)))
        return state, text, pos

    def _plain(self, text: str) -> str:
        text = text.removeprefix(self.prefix()).removesuffix(self.suffix())
        return "".join(ch for ch in text if ch not in (THIN, " ", ",", "\u00a0")).strip()
