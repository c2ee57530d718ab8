"""pyqtgraph widgets for tensors: each creates its items once and updates them."""
