"""Keep QSettings away from files that are not regular files.

``QSettings.sync()`` writes a new file and renames it over the old path. Pointed at a device
(``/dev/null``), a FIFO or a folder, that replaces it: as root, ``QSettings(os.devnull)``
turned the machine's ``/dev/null`` into a regular file (PITFALLS). The window checks its
settings once, when it is built, and falls back to a throwaway file that says so.
"""

from __future__ import annotations

import os
import stat
import tempfile

from PySide6.QtCore import QSettings


def unsafe_target(settings: QSettings) -> str | None:
    """The settings file's path when it exists and is not a regular file, else None."""
    name = settings.fileName()
    if not name:
        return None
    try:
        mode = os.stat(name).st_mode  # follows a symlink to what sync() would replace
    except OSError:
        return None  # not there yet: sync() creates a regular file
    return None if stat.S_ISREG(mode) else name


def guarded(settings: QSettings) -> tuple[QSettings, str | None]:
    """``settings`` itself, or a temporary INI file and the path that was refused."""
    refused = unsafe_target(settings)
    if refused is None:
        return settings, None
    folder = tempfile.mkdtemp(prefix="nn-explorer-settings-")
    return QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat), refused
