"""The device combo in the toolbar: cpu, each cuda:N (name, memory), mps when present.

Choosing a device moves the model's parameters and buffers (``Document.set_device``);
the run engine listens to ``device_changed`` to move its optimizer state. Loading uses
the selected device as ``map_location``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox

from explorer.core.errors import ExplorerError
from explorer.io.checkpoints import device_mismatches
from explorer.io.devices import available_devices, check_device
from explorer.ui.common.messages import error_text


class DeviceSelector(QComboBox):
    """Shows the document's device; picking one moves the model there."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("DeviceSelector")
        self.setToolTip(
            window.tr("Where the model's parameters live (the book's try_gpu): cpu, cuda:N, mps")
        )
        for d in available_devices():
            text = d.name if d.name in ("cpu", "mps") else f"{d.name} · {d.description}"
            self.addItem(text, d.name)
            self.setItemData(self.count() - 1, d.description, 3)  # tooltip role
        self.sync(window.document.device)
        self.activated.connect(lambda i: self.choose(self.itemData(i)))
        window.document.device_changed.connect(self.sync)

    def sync(self, device: str) -> None:
        i = self.findData(device)
        if i < 0:
            self.addItem(device, device)
            i = self.count() - 1
        self.blockSignals(True)
        self.setCurrentIndex(i)
        self.blockSignals(False)

    def choose(self, device: str) -> bool:
        w = self.window_
        doc = w.document
        if device == doc.device:
            return True
        try:
            device = check_device(device)  # torch asserts on an absent CUDA device
            doc.set_device(device)
        except (ExplorerError, RuntimeError, ValueError, AssertionError) as e:
            w.report_error(w.tr("Cannot move the model to {0}: {1}").format(device, error_text(e)))
            self.sync(doc.device)
            return False
        w.show_status(w.tr("Model moved to {0}").format(device))
        self.check()
        return True

    def check(self) -> bool:
        """Say which tensors are not on the model's device, and offer to move them."""
        w = self.window_
        device = w.document.device
        wrong = device_mismatches(w.document.net, device)
        if not wrong:
            return True
        listing = ", ".join(f"{name} on {dev}" for name, dev in wrong[:6])
        more = len(wrong) - 6
        if more > 0:
            listing += w.tr(" and {0} more").format(more)
        w.report_error(
            w.tr("Device mismatch: the model is on {0}, but {1}").format(device, listing)
        )
        if self.ask_move(device, listing):
            w.document.net.to(device)
            w.document.notify_weights_changed()
            w.show_status(w.tr("Moved every tensor to {0}").format(device))
            return True
        return False

    def ask_move(self, device: str, listing: str) -> bool:
        answer = QMessageBox.question(
            self.window_,
            self.window_.tr("Device mismatch"),
            self.window_.tr("The model is on {0}, but {1}. Move them to {0}?").format(
                device, listing
            ),
        )
        return answer == QMessageBox.StandardButton.Yes


def install(window) -> None:
    window.toolbar.addSeparator()
    label = QLabel(window.tr(" Device "), window)
    window.toolbar.addWidget(label)
    window.toolbar.addWidget(window.register("device_selector", DeviceSelector(window)))
