"""Cost of ``inspect`` and ``import-state-dict`` on a ~400 MB state dict, as the CLI runs them.

Each figure is a cold child process (``python -m explorer ...``), as a user runs it. The
peak memory is the child's own high-water mark (``VmHWM`` from ``/usr/bin/time -v``'s
"Maximum resident set size", or the child's ``/proc/<pid>/status``), less the peak of a
child that only imports what the command imports (the interpreter). Goals (issue 12):
``inspect`` peaks under 0.25x the file above the interpreter; ``import-state-dict``
under 1.5x; and the import takes at most 1.3x a bare
``python -c "import torch; torch.load(...)"`` child on the same file. Timings are the
best of 3, interleaved, page cache warm.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.recorder import Recorder

WIDTH, LAYERS = 4096, 6  # 6 x Linear(4096, 4096): 100.7 M float32 = 403 MB
REPEAT = 3


def _peak_kb(args: list[str], env: dict) -> tuple[float, int, float]:
    """(seconds, peak resident kB, CPU seconds) of a child process: the peak read from its
    /proc status at exit, the CPU time (user + sys) from the children's rusage."""
    code = (
        "import os, runpy, sys, atexit\n"
        "def report():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            os.write(int(os.environ['BENCH_FD']), line.split()[1].encode())\n"
        "atexit.register(report)\n"
        "sys.argv = sys.argv[1:]\n"
        "if sys.argv[0] == '-c':\n"
        "    exec(compile(sys.argv[1], '<bench>', 'exec'))\n"
        "else:\n"
        "    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
    )
    import resource

    r, w = os.pipe()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env={**env, "BENCH_FD": str(w)},
        pass_fds=(w,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(w)
    _, err = proc.communicate(timeout=600)
    seconds = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    data = os.read(r, 64)
    os.close(r)
    if proc.returncode not in (0, None) and not data:
        raise RuntimeError(err.decode(errors="replace")[-400:])
    return seconds, int(data or 0), cpu


def run(rec: Recorder) -> None:
    import torch
    from torch import nn

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="nnx-bench-import-") as tmp:
        src = Path(tmp) / "big.pt"
        with torch.no_grad():
            net = nn.Sequential(*[nn.Linear(WIDTH, WIDTH) for _ in range(LAYERS)])
        torch.save(net.state_dict(), src)
        st = Path(tmp) / "big.safetensors"
        from explorer.io.checkpoints import save_state_dict

        save_state_dict(net.state_dict(), st)
        del net
        size_mb = src.stat().st_size / 2**20
        print(f"state dict file: {size_mb:.0f} MiB")
        out = Path(tmp) / "big.nnx"
        base_code = "import torch, explorer.cli, explorer.io.import_any, explorer.io.tensors"
        load_code = f"import torch; torch.load({str(src)!r}, weights_only=True)"
        inspect_args = ["explorer", "inspect", str(src)]
        import_args = ["explorer", "import-state-dict", str(src), "-o", str(out)]
        runs: dict[str, list[tuple[float, int, float]]] = {
            "base": [], "load": [], "insp": [], "imp": [], "st": []
        }  # fmt: skip
        for _ in range(REPEAT):
            runs["base"].append(_peak_kb(["-c", base_code], env))
            runs["load"].append(_peak_kb(["-c", load_code], env))
            runs["insp"].append(_peak_kb(inspect_args, env))
            runs["imp"].append(_peak_kb(import_args, env))
            runs["st"].append(_peak_kb(["explorer", "inspect", str(st)], env))
        base_mb = min(kb for _, kb, _ in runs["base"]) / 1024
        insp_mb = min(kb for _, kb, _ in runs["insp"]) / 1024 - base_mb
        imp_mb = min(kb for _, kb, _ in runs["imp"]) / 1024 - base_mb
        rec.add(
            "inspect 403 MB .pt: peak above interpreter / file",
            insp_mb / size_mb,
            "x",
            None,
            "<= 0.25",
            insp_mb / size_mb <= 0.25,
        )
        # reading a safetensors header needs no torch: its whole peak stays under the interpreter's
        st_mb = min(kb for _, kb, _ in runs["st"]) / 1024
        rec.add(
            "inspect 403 MB .safetensors: whole peak (no torch) / file",
            st_mb / size_mb,
            "x",
            None,
            "<= 0.25",
            st_mb / size_mb <= 0.25,
        )
        rec.add(
            "import-state-dict 403 MB -> .nnx: peak above interp. / file",
            imp_mb / size_mb,
            "x",
            None,
            "<= 1.5",
            imp_mb / size_mb <= 1.5,
        )
        t_imp = min(s for s, _, _ in runs["imp"])
        t_load = min(s for s, _, _ in runs["load"])
        rec.add(
            "import-state-dict 403 MB -> .nnx vs python torch.load",
            t_imp,
            "s",
            t_load,
            "<= 1.3x",
            t_imp / t_load <= 1.3,
        )
        # CPU time (user + sys) is what a loaded machine inflates least: shown beside the goal
        c_imp = min(c for _, _, c in runs["imp"])
        c_load = min(c for _, _, c in runs["load"])
        rec.add("import-state-dict 403 MB -> .nnx CPU vs torch.load CPU", c_imp, "s", c_load,
                "(no goal)")  # fmt: skip
        t_insp = min(s for s, _, _ in runs["insp"])
        rec.add("inspect 403 MB .pt vs python torch.load", t_insp, "s", t_load, "(no goal)")
        print(f"interpreter peak {base_mb:.0f} MiB")
