"""The selection shared by every view: layers (by id) and one parameter (by PyTorch name)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Selecting a card selects its parameters; selecting a parameter highlights its cards."""

    layers_changed = Signal(tuple)  # layer ids
    parameter_changed = Signal(str)  # "2.weight", or "" for none

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._layers: tuple[str, ...] = ()
        self._parameter = ""

    @property
    def layers(self) -> tuple[str, ...]:
        return self._layers

    @property
    def parameter(self) -> str:
        return self._parameter

    def select_layers(self, ids: tuple[str, ...] | list[str]) -> None:
        ids = tuple(ids)
        if ids != self._layers:
            self._layers = ids
            self.layers_changed.emit(ids)

    def select_parameter(self, name: str) -> None:
        if name != self._parameter:
            self._parameter = name
            self.parameter_changed.emit(name)
