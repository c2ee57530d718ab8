"""``make bench``: run every ``benchmarks/bench_*.py`` (or those named on the command line)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile

import benchmarks
from benchmarks.recorder import Recorder


def main(argv: list[str]) -> int:
    # Windows opened by benchmarks never touch the user's autosave folder or offer recovery.
    os.environ.setdefault("NN_EXPLORER_DATA_DIR", tempfile.mkdtemp(prefix="nn-explorer-bench-"))
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )
    rec = Recorder()
    rec.header()
    for name in names:
        importlib.import_module(f"benchmarks.{name}").run(rec)
    rec.write()
    print(f"\n{len(rec.rows)} rows written to .bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
