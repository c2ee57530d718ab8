"""Regenerate resources/examples/ from the chapter-5 notes' code (run by hand, output committed).

Each example mirrors a snippet of ../shared/seed/d2l-ch5-notes.md; tests build each one
and compare it with the same model written by hand in PyTorch.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from explorer.core.spec import LayerSpec, ModelSpec, block, sequential
from explorer.io.project import Project, save_project

L = LayerSpec.make
OUT = Path(__file__).resolve().parent.parent / "resources" / "examples"


def shared_net() -> ModelSpec:
    from explorer.core.edits import add_shared_use

    spec = sequential(
        L("Linear", in_features=4, out_features=8),
        L("ReLU"),
        L("Linear", in_features=8, out_features=8),
        L("ReLU"),
        L("ReLU"),
        L("Linear", in_features=8, out_features=1),
        input_shape=(2, 4),
    )
    return add_shared_use(spec, (2,), (), 4)  # Linear, ReLU, shared, ReLU, shared, ReLU, Linear


def block1():
    return block(
        L("Linear", in_features=4, out_features=8),
        L("ReLU"),
        L("Linear", in_features=8, out_features=4),
        L("ReLU"),
    )


def deep_tanh_mlp(depth: int = 10, width: int = 64) -> ModelSpec:
    """Init lab's depth probe: with the default init the tanh activations shrink with depth."""
    layers = []
    for _ in range(depth):
        layers += [L("Linear", in_features=width, out_features=width), L("Tanh")]
    return sequential(
        *layers, L("Linear", in_features=width, out_features=10), input_shape=(2, width)
    )


EXAMPLES = {
    "01-sequential": (
        "5.1 nn.Sequential(Linear(20, 256), ReLU(), Linear(256, 10))",
        sequential(
            L("Linear", in_features=20, out_features=256),
            L("ReLU"),
            L("Linear", in_features=256, out_features=10),
            input_shape=(2, 20),
        ),
    ),
    "02-mlp": (
        "5.1 class MLP: hidden, relu, out",
        sequential(
            L("Linear", "hidden", in_features=20, out_features=256),
            L("ReLU", "relu"),
            L("Linear", "out", in_features=256, out_features=10),
            input_shape=(2, 20),
        ),
    ),
    "03-parameter-access": (
        "5.2 Linear(4, 8), ReLU(), Linear(8, 1)",
        sequential(
            L("Linear", in_features=4, out_features=8),
            L("ReLU"),
            L("Linear", in_features=8, out_features=1),
            input_shape=(2, 4),
        ),
    ),
    "04-nested-blocks": (
        "5.2 rgnet: block2() of four block1(), then Linear(4, 1)",
        sequential(
            block(*[replace(block1(), name=f"block {i}") for i in range(4)]),
            L("Linear", in_features=4, out_features=1),
            input_shape=(2, 4),
        ),
    ),
    "05-shared-layer": (
        "5.2 parameter tying: the shared Linear(8, 8) at net[2] and net[4]",
        shared_net(),
    ),
    "06-lazy-mlp": (
        "5.3 deferred initialization: LazyLinear(256), ReLU(), LazyLinear(10)",
        sequential(
            L("LazyLinear", out_features=256),
            L("ReLU"),
            L("LazyLinear", out_features=10),
            input_shape=(2, 20),
        ),
    ),
    "07-dropout-batchnorm": (
        "5.4 eval(): dropout and batch norm behave differently",
        sequential(
            L("Linear", in_features=20, out_features=256),
            L("BatchNorm1d", num_features=256),
            L("ReLU"),
            L("Dropout", p=0.5),
            L("Linear", in_features=256, out_features=10),
            input_shape=(4, 20),
        ),
    ),
    "08-mlp-save-load": (
        "5.4 class MLP for mlp.params: hidden, relu, output",
        sequential(
            L("Linear", "hidden", in_features=20, out_features=256),
            L("ReLU", "relu"),
            L("Linear", "output", in_features=256, out_features=10),
            input_shape=(2, 20),
        ),
    ),
    "09-deep-tanh-mlp": (
        "5.3 deep tanh MLP: default vs Xavier initialization (Init lab, depth probe)",
        deep_tanh_mlp(),
    ),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, (title, spec) in EXAMPLES.items():
        save_project(Project(spec=spec, title=title), OUT / f"{stem}.nnx.json")
        print(OUT / f"{stem}.nnx.json")


if __name__ == "__main__":
    main()
