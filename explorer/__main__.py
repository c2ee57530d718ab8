"""``nn-explorer`` / ``python -m explorer``: the app, or a command-line subcommand."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from explorer.cli import COMMANDS, run_cli

    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version", "--doctor")):
        return run_cli(argv)
    from explorer.platform_check import window_problem

    problem = window_problem()
    if problem:
        print(f"nn-explorer: cannot open a window.\n{problem}", file=sys.stderr)
        return 1
    import os

    from explorer.ui.app import run_app

    code = run_app(argv)
    # The window is closed and everything is saved. Qt's C++ exit handlers would run after
    # the interpreter finalized and can crash on PySide wrappers (a segfault on quit), so
    # leave directly.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
