"""Collects benchmark rows, prints them as a table and writes ``.bench/results.json``."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None
    ratio: float | None
    goal: str
    met: bool | None


class Recorder:
    def __init__(self) -> None:
        self.rows: list[Row] = []

    def add(
        self,
        name: str,
        value: float,
        unit: str,
        baseline: float | None = None,
        goal: str = "",
        met: bool | None = None,
    ) -> Row:
        ratio = value / baseline if baseline else None
        row = Row(
            name,
            round(value, 4),
            unit,
            None if baseline is None else round(baseline, 4),
            None if ratio is None else round(ratio, 3),
            goal,
            met,
        )
        self.rows.append(row)
        b = f"{row.baseline:>10.3f}" if row.baseline is not None else " " * 10
        r = f"{row.ratio:>7.3f}x" if row.ratio is not None else " " * 8
        m = {True: "met", False: "NOT MET", None: ""}[met]
        print(f"{name:<58} {row.value:>10.3f} {unit:<4} {b} {r}  {goal:<22} {m}", flush=True)
        return row

    def header(self) -> None:
        print(
            f"{'benchmark':<58} {'value':>10} {'unit':<4} {'baseline':>10} {'ratio':>8}  {'goal':<22} met"
        )

    def write(self, path: Path = Path(".bench/results.json")) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "rows": [asdict(r) for r in self.rows]}
        path.write_text(json.dumps(entry, indent=2))


def median_ms(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)
