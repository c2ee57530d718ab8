"""explorer.core, explorer.io, explorer.app and the CLI load no Qt (the import-linter contracts say the same)."""

import subprocess
import sys


def test_core_io_app_and_cli_import_no_qt_module():
    code = (
        "import sys, explorer.core.spec, explorer.core.shapes, explorer.core.document, "
        "explorer.io.project, explorer.io.devices, explorer.cli, explorer.app.session\n"
        "import explorer.core, explorer.io, explorer.app\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph') "
        "or m.startswith(('explorer.ui', 'explorer.workers')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
