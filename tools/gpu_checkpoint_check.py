"""Device check for checkpoints (issue 7), for a machine with a GPU; one short script.

Moves the demo model to the device, trains a few SGD steps there, saves the state dict
on that device (.pt and .safetensors) through the app, loads it onto the CPU (the
CUDA-saved file opening without the GPU, with the saved device recorded), and back onto
the device; prints timings and whether every round trip is bit-exact.

Usage: python tools/gpu_checkpoint_check.py [cuda:0]   (falls back to cpu when absent)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    import torch

    from explorer.core.document import Document
    from explorer.io.checkpoints import compare, load_into, read_state_file, save_state_dict
    from explorer.io.devices import try_gpu
    from explorer.ui.files.file_actions import demo_spec

    device = argv[0] if argv else try_gpu()
    doc = Document(demo_spec())
    doc.set_device(device)
    net = doc.net
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    X, y = torch.randn(64, 20, device=device), torch.randint(0, 10, (64,), device=device)
    for _ in range(5):
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(net(X), y)
        loss.backward()
        opt.step()
    print(f"device {device}: trained 5 steps, loss {loss.item():.4f}")
    reference = {k: v.detach().cpu().clone() for k, v in net.state_dict().items()}
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("mlp.params", "mlp.safetensors"):
            path = Path(tmp) / name
            t0 = time.perf_counter()
            save_state_dict(net.state_dict(), path)
            saved = time.perf_counter() - t0
            on_cpu = read_state_file(path, "cpu")
            report = compare(Document(demo_spec()).net, on_cpu, "cpu")
            exact_cpu = all(torch.equal(on_cpu.state[k], v) for k, v in reference.items())
            back = Document(demo_spec())
            back.set_device(device)
            load_into(back.net, read_state_file(path, device), strict=True, target_device=device)
            exact_back = all(
                torch.equal(back.net.state_dict()[k].cpu(), v) for k, v in reference.items()
            )
            print(
                f"{name}: saved in {saved * 1e3:.1f} ms; on cpu: {report.summary()}; "
                f"bit-exact on cpu {exact_cpu}, back on {device} {exact_back}"
            )
            if not (exact_cpu and exact_back):
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
