"""The bridge: runs core generators in a Qt thread and emits plain data."""
