"""File > Export training script: a standalone plain-PyTorch ``.py`` reproducing a run.

The script holds the model (``nn.Sequential`` written out, tied layers as one module),
the dataset generator's own source, the optimizer and the seed, and the same loop as
:func:`explorer.core.training.train`. Run under ``torchrun --nproc_per_node=N`` it wraps
the model in ``DistributedDataParallel`` (gloo on CPU, nccl on GPUs) and each process
takes its share of every batch.
"""

from __future__ import annotations

import inspect

from explorer.core.data import GENERATORS, DataSpec
from explorer.core.losses import LOSSES
from explorer.core.spec import BlockSpec, LayerSpec, ModelSpec, child_key
from explorer.core.training import TrainConfig


def model_code(spec: ModelSpec) -> str:
    """The body of ``build_model()``: modules created depth-first in spec order.

    That is the order :func:`explorer.core.build.build` creates them, so under the same
    seed the initial values are the same; a tied layer is created once and reused.
    """
    lines: list[str] = []
    counter = [0]
    ties: dict[str, str] = {}

    def layer(node: LayerSpec) -> str:
        if node.tie is not None and node.tie in ties:
            return ties[node.tie]
        name = f"m{counter[0]}"
        counter[0] += 1
        args = ", ".join(f"{k}={v!r}" for k, v in node.args.items())
        lines.append(f"    {name} = nn.{node.type}({args})")
        if node.tie is not None:
            ties[node.tie] = name
        return name

    def seq(children) -> str:
        items = []
        for i, node in enumerate(children):
            ref = seq(node.children) if isinstance(node, BlockSpec) else layer(node)
            items.append(f"({child_key(node, i)!r}, {ref})")
        name = f"m{counter[0]}"
        counter[0] += 1
        lines.append(f"    {name} = nn.Sequential(OrderedDict([{', '.join(items)}]))")
        return name

    root = seq(spec.children)
    lines.append(f"    return {root}")
    return "\n".join(lines)


def _target_code(loss: str) -> str:
    if loss == "cross_entropy":
        return "    if y.is_floating_point():\n        y = y.argmax(dim=1)\n    return y.long()"
    if loss == "sum":
        return "    return None"
    if loss == "bce_with_logits":
        return (
            "    if not y.is_floating_point():\n        return F.one_hot(y, out_width).float()\n"
            "    return (y > 0).to(y.dtype)"
        )
    return "    if not y.is_floating_point():\n        return F.one_hot(y, out_width).float()\n    return y"


def _data_code(data: DataSpec, spec: ModelSpec) -> str:
    gen = GENERATORS.get(data.source)
    if gen is None:
        return (
            "def make_data():\n"
            f"    blob = torch.load({data.source!r}, weights_only=True)  # a dict with X and y\n"
            "    return blob['X'].float(), blob['y']\n"
        )
    if gen.name == "teacher":
        from explorer.core.data import teacher

        src = inspect.getsource(teacher)
        return (
            src
            + "\n\ndef make_data():\n"
            + f"    return teacher({data.n}, {data.noise!r}, {data.seed}, {tuple(spec.input_shape[1:])!r}, OUT_WIDTH)\n"
        )
    src = inspect.getsource(gen.fn)
    return (
        src
        + f"\n\ndef make_data():\n    return {gen.fn.__name__}({data.n}, {data.noise!r}, {data.seed}, {data.classes})\n"
    )


def training_script(
    spec: ModelSpec,
    data: DataSpec,
    config: TrainConfig,
    out_width: int | None = None,
    print_every: int = 0,
) -> str:
    """The script's text. ``out_width``: the model's output width (from shape inference)."""
    if out_width is None:
        from explorer.core.shapes import infer_shapes

        out = infer_shapes(spec).output_shape
        out_width = out[1] if out and len(out) > 1 else 1
    steps = config.steps if config.steps is not None else None
    every = print_every or max(1, (steps or 100) // 10)
    return TEMPLATE.format(
        steps=steps,
        epochs=config.epochs,
        seed=config.seed,
        batch_size=config.batch_size,
        eval_fraction=data.eval_fraction,
        out_width=out_width,
        model=model_code(spec),
        data=_data_code(data, spec),
        target=_target_code(config.loss),
        loss=LOSSES[config.loss].code,
        optimizer=config.optimizer.code(),
        every=every,
        dtype=spec.dtype,
    )


TEMPLATE = '''#!/usr/bin/env python3
"""Training script exported by NN Explorer: plain PyTorch, no NN Explorer needed.

    python train.py                              # one process
    torchrun --standalone --nproc_per_node=2 train.py   # DistributedDataParallel (gloo on CPU, nccl on GPUs)

The loop is the app's: torch.manual_seed(SEED), then per epoch a randperm of the samples
from a generator seeded with SEED, split into batches of BATCH_SIZE.
"""

import math
import os
from collections import OrderedDict

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F

SEED = {seed}
STEPS = {steps}  # None: train for EPOCHS epochs
EPOCHS = {epochs}
BATCH_SIZE = {batch_size}
EVAL_FRACTION = {eval_fraction!r}
OUT_WIDTH = {out_width}
PRINT_EVERY = {every}


def build_model():
{model}


{data}

def fit_target(y, out_width):
{target}


def loss_fn(output, target):
    return {loss}


def full_loss(model, x, y):
    """The loss on all training samples, in eval() mode, without gradients."""
    was_training = model.training
    model.eval()
    with torch.no_grad():
        value = loss_fn(model(x), y).item()
    model.train(was_training)
    return value


def main():
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    if world > 1:
        backend = "nccl" if torch.cuda.is_available() else "gloo"
        dist.init_process_group(backend)
    if torch.cuda.is_available():
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
    else:
        device = torch.device("cpu")
    torch.manual_seed(SEED)
    model = build_model().to(device=device, dtype=torch.{dtype})
    x, y = make_data()
    cut = len(x) - int(round(len(x) * EVAL_FRACTION))
    if not 0 < cut < len(x):
        cut = len(x)
    x, y = x[:cut].to(device=device, dtype=torch.{dtype}), fit_target(y[:cut], OUT_WIDTH)
    y = y.to(device) if y is not None else None
    net = model
    if world > 1:
        net = nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = {optimizer}
    if rank == 0:
        print(f"initial loss {{full_loss(model, x, y):.6f}}", flush=True)
    total = STEPS if STEPS is not None else EPOCHS * math.ceil(len(x) / BATCH_SIZE)
    torch.manual_seed(SEED)
    g = torch.Generator().manual_seed(SEED)
    step = 0
    while step < total:
        for idx in torch.randperm(len(x), generator=g).split(BATCH_SIZE):
            if step == total:
                break
            idx = idx[rank::world] if world > 1 else idx  # this process's share of the batch
            idx = idx.to(device)
            optimizer.zero_grad()
            output = net(x[idx])
            target = y[idx] if y is not None else None
            loss = loss_fn(output, target)
            loss.backward()
            optimizer.step()
            step += 1
            if rank == 0 and (step % PRINT_EVERY == 0 or step == total):
                print(f"step {{step}} loss {{loss.item():.6f}}", flush=True)
    if rank == 0:
        print(f"final loss {{full_loss(model, x, y):.6f}}", flush=True)
        torch.save(model.state_dict(), os.environ.get("OUT", "trained.pt"))
    if world > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
'''
