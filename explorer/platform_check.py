"""Can a window open here? Checked before Qt is loaded, so Qt never aborts on the user.

On Linux, Qt's xcb plugin needs a set of system libraries; without them Qt aborts with
"Could not load the Qt platform plugin xcb". We look for each library first and, when
some are missing, print the exact Debian/Ubuntu packages to install.
"""

from __future__ import annotations

import ctypes
import os
import sys

#: Debian/Ubuntu package -> shared library Qt's xcb plugin loads.
XCB_PACKAGES = {
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-xinerama0": "libxcb-xinerama.so.0",
    "libxcb-randr0": "libxcb-randr.so.0",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-xkb1": "libxcb-xkb.so.1",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
}
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def missing_xcb_packages() -> list[str]:
    missing = []
    for package, soname in XCB_PACKAGES.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def window_problem() -> str | None:
    """A sentence saying why no window can open, or None when one can."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.split(":")[0] in HEADLESS_PLATFORMS:
        return None
    if platform.startswith("wayland") or (
        not platform and os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY")
    ):
        return None
    missing = missing_xcb_packages()
    if missing:
        return (
            "Qt needs these system libraries to open a window:\n"
            f"  sudo apt-get install {' '.join(missing)}\n"
            "(or run headless with QT_QPA_PLATFORM=offscreen)"
        )
    if not os.environ.get("DISPLAY"):
        return "no display found: DISPLAY is not set (start an X server, or use QT_QPA_PLATFORM=offscreen)"
    return None
