"""Init lab: the distribution view's cost on a large tensor, and initialize() against nn.init."""

from __future__ import annotations

from benchmarks.recorder import Recorder, median_ms


def run(rec: Recorder) -> None:
    import numpy as np
    import torch
    from torch import nn

    from explorer.core.init import Target, initialize
    from explorer.core.init_theory import fit, theory_for

    big = torch.empty(4096, 2048)  # 8.4 M values: a large Linear weight
    nn.init.xavier_normal_(big)
    theory = theory_for("xavier_normal", {}, tuple(big.shape))
    base = median_ms(lambda: np.histogram(big.numpy(), bins=80), repeat=3)
    view = median_ms(lambda: fit(big, theory), repeat=3)
    rec.add(
        "distribution view (sample + histogram + KS), 8.4M values",
        view,
        "ms",
        base,
        "<= 100 ms (display rate)",
        view <= 100,
    )

    net = nn.Sequential(*[nn.Linear(1024, 1024) for _ in range(8)])
    plain = median_ms(lambda: [nn.init.xavier_uniform_(m.weight.detach().clone()) for m in net])
    ours = median_ms(lambda: initialize(net, Target(kind="weight"), "xavier_uniform", seed=0))
    rec.add(
        "initialize() on a copy vs nn.init in place, 8x1024x1024",
        ours,
        "ms",
        plain,
        "<= 2x",
        ours <= 2 * plain,
    )
