"""The command line, built on ``explorer.core`` and ``explorer.io`` only (no Qt).

Every subcommand prints plain text, or JSON with ``--json``, and exits 0 on success
or 2 with a one-line reason on bad input.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections.abc import Callable

from explorer import __version__
from explorer.core.format import group_digits as _group
from explorer.core.format import si

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn

    return register


def fail(message: str) -> int:
    print(f"nn-explorer: {message}", file=sys.stderr)
    return 2


def parse_shape(text: str) -> tuple[int, ...]:
    try:
        shape = tuple(
            int(p) for p in text.replace("(", "").replace(")", "").split(",") if p.strip()
        )
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a shape like 2,20") from None
    if not shape or any(d < 1 for d in shape):
        raise argparse.ArgumentTypeError(f"{text!r}: dimensions must be positive")
    return shape


def doctor() -> int:
    """Versions, devices, and whether a window can open (exit 1 when it cannot)."""
    print(f"nn-explorer {__version__}")
    print(f"Python      {platform.python_version()} ({sys.executable})")
    try:
        import torch

        print(f"torch       {torch.__version__}")
    except ImportError as e:
        print(f"torch       missing ({e})")
        return 1
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("PySide6-Essentials", "pyqtgraph", "numpy", "safetensors"):
        try:
            print(f"{dist:<11} {version(dist)}")
        except PackageNotFoundError:
            print(f"{dist:<11} missing")
    from explorer.io.devices import available_devices

    print("devices:")
    for d in available_devices():
        print(f"  {d.name:<8} {d.description}")
    from explorer.platform_check import window_problem

    problem = window_problem()
    if problem:
        print(f"window:     cannot open\n{problem}")
        return 1
    print("window:     can open")
    return 0


def load_spec_file(path: str):
    from explorer.io.project import load_project

    return load_project(path).spec


@command("summary")
def cmd_summary(args: argparse.Namespace) -> int:
    """Per-layer table: name, type, output shape, params, FLOPs."""
    from explorer.core.errors import ExplorerError
    from explorer.core.shapes import infer_shapes

    try:
        spec = load_spec_file(args.file)
        report = infer_shapes(spec, args.input_shape)
    except ExplorerError as e:
        return fail(str(e))
    if args.json:
        out = {
            "input_shape": list(report.input_shape),
            "output_shape": list(report.output_shape) if report.output_shape else None,
            "layers": [
                {
                    "name": r.key,
                    "type": r.type,
                    "label": r.label,
                    "depth": r.depth,
                    "output_shape": list(r.out_shape) if r.out_shape else None,
                    "params": r.params,
                    "trainable": r.trainable,
                    "flops": r.flops,
                    "shared": r.shared,
                    "error": r.error,
                }
                for r in report.rows
            ],
            "total_params": report.total_params,
            "trainable_params": report.trainable_params,
            "total_flops": report.total_flops,
            "param_bytes": report.param_bytes,
            "error": str(report.error) if report.error else None,
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0 if report.ok else 2
    print(f"input  {report.input_shape}")
    print(f"{'name':<16} {'type':<22} {'output shape':<18} {'params':>12} {'FLOPs':>10}")
    for r in report.rows:
        name = "  " * r.depth + r.key
        shape = str(r.out_shape) if r.out_shape else ("-" if r.reached else "")
        params = "(shared)" if r.shared else _group(r.params, ",")
        print(f"{name:<16} {r.label[:22]:<22} {shape:<18} {params:>12} {si(r.flops):>10}")
    print(
        f"total {_group(report.total_params, ',')} params ({_group(report.trainable_params, ',')} trainable) · "
        f"{si(report.total_flops, 'FLOPs')} · {si(report.param_bytes, 'B')} of parameters"
    )
    if report.error:
        print(f"error: {report.error}", file=sys.stderr)
        return 2
    return 0


@command("export-code")
def cmd_export_code(args: argparse.Namespace) -> int:
    """Write runnable PyTorch code that builds the project's model."""
    from explorer.core.codegen import model_code
    from explorer.core.errors import ExplorerError
    from explorer.io.atomic import atomic_write_bytes

    try:
        code = model_code(load_spec_file(args.file))
    except ExplorerError as e:
        return fail(str(e))
    if not args.output:
        print(code, end="")
        return 0
    try:
        atomic_write_bytes(args.output, code.encode("utf-8"))
    except OSError as e:
        return fail(f"cannot write {args.output}: {e.strerror}")
    print(f"wrote {args.output}")
    return 0


@command("inspect")
def cmd_inspect(args: argparse.Namespace) -> int:
    """The tree of a .pt/.safetensors file: key, shape, dtype, device, size."""
    from explorer.core.errors import ExplorerError
    from explorer.io.tensors import inspect_file

    try:
        tree = inspect_file(args.file)
    except ExplorerError as e:
        return fail(str(e))
    if args.json:
        print(json.dumps(tree.to_json(), indent=2, ensure_ascii=False))
        return 0
    print(
        f"{tree.path.name}: {tree.kind}, {tree.tensor_count} tensors, {si(tree.total_bytes, 'B')}"
    )
    for e in tree.entries:
        name = "  " * e.depth + e.key.rsplit(".", 1)[-1] if e.depth else e.key
        if e.kind == "tensor":
            shape = "(" + ", ".join(map(str, e.shape)) + ")"
            print(f"{name:<36} {shape:<18} {e.dtype:<10} {e.device:<8} {si(e.nbytes, 'B'):>9}")
        else:
            print(f"{name:<36} {e.value}")
    for k, v in tree.metadata.items():
        print(f"metadata {k}: {v}")
    return 0


@command("import-state-dict")
def cmd_import_state_dict(args: argparse.Namespace) -> int:
    """Infer an nn.Sequential from a bare state dict; write a project with its weights."""
    from explorer.core.errors import ExplorerError
    from explorer.io.state_dict_import import import_state_file

    try:
        result = import_state_file(args.file, args.output)
    except ExplorerError as e:
        return fail(str(e))
    for key, what in result.guessed:
        print(f"layer {key}: {what}")
    print(f"wrote {args.output}: {len(result.spec.children)} layers, weights loaded")


def parse_kv(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not k=v, like std=0.01")
    return key.strip(), value.strip()


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    """Initialize parameters as torch.nn.init would after torch.manual_seed(seed); write them."""
    from pathlib import Path

    from explorer.core.errors import ExplorerError
    from explorer.core.init import LazyParameterError, init_spec, plain_pytorch
    from explorer.core.init_targets import parse_target
    from explorer.io.project import (
        ARCHIVE_SUFFIX,
        PROJECT_SUFFIX,
        Project,
        load_project,
        save_project,
    )

    out = Path(args.output)
    if not out.name.endswith((".pt", PROJECT_SUFFIX, ARCHIVE_SUFFIX)):
        return fail(
            f"-o {out.name}: write a .pt state_dict, a {ARCHIVE_SUFFIX} project (with weights) "
            f"or a {PROJECT_SUFFIX} project (and a .pt beside it)"
        )
    try:
        project = load_project(args.file)
        scheme_args = dict(args.arg or [])
        net, values = init_spec(
            project.spec,
            args.scheme,
            scheme_args,
            parse_target(args.target),
            args.seed,
            args.materialize,
            project.weights,
        )
    except LazyParameterError as e:
        return fail(f"{e} Pass --materialize to run that forward here.")
    except ExplorerError as e:
        return fail(str(e))
    import torch

    from explorer.io.atomic import atomic_write_with

    state = net.state_dict()
    archive = out.name.endswith(ARCHIVE_SUFFIX)
    weights = out
    if out.name.endswith(PROJECT_SUFFIX):
        weights = out.with_name(out.name[: -len(PROJECT_SUFFIX)] + ".pt")
    try:
        if archive:
            save_project(
                Project(project.spec, project.title, project.settings, weights=dict(state)), out
            )
        else:
            atomic_write_with(weights, lambda f: torch.save(state, f))
            if weights != out:
                save_project(Project(project.spec, project.title, project.settings), out)
    except (OSError, ExplorerError) as e:
        return fail(f"cannot write {out}: {getattr(e, 'strerror', None) or e}")
    for name, value in values.items():
        print(f"{name:<24} {tuple(value.shape)}")
    print("# the same in plain PyTorch (after building the model):")
    print(plain_pytorch(list(values), args.scheme, scheme_args, args.seed))
    if archive:
        print(f"wrote {out} (project with its state_dict, {len(state)} keys)")
    else:
        also = f" and {out}" if weights != out else ""
        print(f"wrote {weights} (state_dict, {len(state)} keys){also}")
    return 0


@command("train")
def cmd_train(args: argparse.Namespace) -> int:
    """Train a project's model on a built-in dataset or a data file; write the result."""
    from explorer.core.errors import ExplorerError
    from explorer.io.run_files import TrainRequest, run_training

    request = TrainRequest(
        project=args.file,
        data=args.data,
        steps=args.steps,
        epochs=args.epochs,
        lr=args.lr,
        optimizer=args.optimizer,
        momentum=args.momentum,
        weight_decay=args.weight_decay,
        batch_size=args.batch_size,
        loss=args.loss,
        seed=args.seed,
        device=args.device,
        samples=args.samples,
        noise=args.noise,
        held_out=args.held_out,
        out=args.output,
    )
    every = max(1, args.every)

    def show(step: int, loss: float, eval_loss: float | None, acc=None) -> None:
        if not args.json and (step % every == 0 or step == request.total_hint):
            extra = f"  held-out {eval_loss:.6f}" if eval_loss is not None else ""
            if acc is not None:
                at, a = acc
                extra += _accuracy_text(a.train, a.held_out)
                extra += f" (at step {at})" if at != step else ""
            print(f"step {step:>7}  loss {loss:.6f}{extra}", flush=True)

    try:
        result = run_training(request, show)
    except (ExplorerError, ValueError, OSError) as e:
        return fail(str(e))
    if args.json:
        print(json.dumps(result.to_dict()))
    else:
        if result.classification:
            print(
                f"final    {result.steps:>7}  loss {result.loss:.6f}"
                + _accuracy_text(result.accuracy, result.eval_accuracy)
            )
        for line in result.written:
            print(f"wrote {line}")
    return 0


def _accuracy_text(train: float | None, held_out: float | None) -> str:
    text = f"  accuracy {train:.4f}" if train is not None else ""
    return text + (f"  held-out accuracy {held_out:.4f}" if held_out is not None else "")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nn-explorer", description="Build, run and inspect PyTorch models."
    )
    p.add_argument("--version", action="version", version=f"nn-explorer {__version__}")
    p.add_argument(
        "--doctor",
        action="store_true",
        help="print versions and devices; check that a window can open",
    )
    sub = p.add_subparsers(dest="command")
    s = sub.add_parser("summary", help="per-layer table of a project file")
    s.add_argument("file")
    s.add_argument(
        "--input-shape", type=parse_shape, default=None, help="e.g. 2,20 (default: the project's)"
    )
    s.add_argument("--json", action="store_true")
    e = sub.add_parser("export-code", help="runnable PyTorch code that builds the model")
    e.add_argument("file")
    e.add_argument("-o", "--output", default=None, help="write to this .py (default: stdout)")
    s = sub.add_parser("inspect", help="tree of a .pt/.pth/.params/.safetensors file")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser(
        "import-state-dict", help="infer an nn.Sequential from a bare state dict; write a project"
    )
    s.add_argument("file")
    s.add_argument("-o", "--output", required=True, help="project to write (.nnx keeps weights)")
    t = sub.add_parser("train", help="train a project's model; write the weights")
    t.add_argument("file", help="a project file (.nnx.json)")
    t.add_argument(
        "--data",
        default="teacher",
        help="spiral|moons|circles|blobs|sine|linear|teacher, or a .pt/.safetensors/.npy/.csv file",
    )
    t.add_argument("--steps", type=int, default=None, help="steps to train (default 500)")
    t.add_argument("--epochs", type=int, default=None, help="train for epochs instead of steps")
    t.add_argument("--lr", type=float, default=0.05)
    t.add_argument("--optimizer", choices=("sgd", "adam", "adamw", "rmsprop"), default="sgd")
    t.add_argument("--momentum", type=float, default=0.0)
    t.add_argument("--weight-decay", type=float, default=0.0)
    t.add_argument("--batch-size", type=int, default=32)
    t.add_argument(
        "--loss",
        choices=("mse", "l1", "cross_entropy", "bce_with_logits", "sum"),
        default=None,
        help="default: cross_entropy for classification data, mse otherwise",
    )
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--device", default="cpu")
    t.add_argument("--samples", type=int, default=512, help="size of a built-in dataset")
    t.add_argument("--noise", type=float, default=0.1)
    t.add_argument("--held-out", type=float, default=0.2, help="fraction kept for evaluation")
    t.add_argument("--every", type=int, default=50, help="print the loss every K steps")
    t.add_argument("-o", "--output", default=None, help="OUT.pt (state_dict) or OUT.nnx.json")
    t.add_argument("--json", action="store_true", help="print the loss history as JSON")
    i = sub.add_parser(
        "init",
        help="initialize parameters with torch.nn.init and save them",
        description="torch.manual_seed(SEED), then the scheme on each targeted tensor in "
        "named_parameters() order: the values equal plain PyTorch's.",
    )
    i.add_argument("file", help="a project (.nnx.json, or .nnx whose weights are the start)")
    i.add_argument(
        "--scheme",
        required=True,
        help="normal, uniform, constant, zeros, ones, "
        "xavier_uniform, xavier_normal, kaiming_uniform, kaiming_normal, "
        "trunc_normal, orthogonal, eye, default",
    )
    i.add_argument(
        "--arg",
        action="append",
        type=parse_kv,
        metavar="K=V",
        help="a scheme argument, e.g. std=0.01 (repeatable)",
    )
    i.add_argument(
        "--target",
        default="",
        metavar="PATTERN",
        help="globs over parameter names ('*.weight,0.bias') or type:Linear[.weight]; "
        "default: every parameter",
    )
    i.add_argument("--seed", type=int, required=True)
    i.add_argument(
        "--materialize",
        action="store_true",
        help="run one forward on a random input first, so lazy layers get shapes",
    )
    i.add_argument(
        "-o",
        "--output",
        required=True,
        help="OUT.pt (state_dict), OUT.nnx (project with weights) or OUT.nnx.json "
        "(project, and OUT.pt beside it)",
    )
    return p


def run_cli(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.doctor:
        return doctor()
    if not args.command:
        parser.print_help()
        return 0
    try:
        return COMMANDS[args.command](args)
    except OSError as e:  # a folder that does not exist, a full disk, no permission
        where = f"{e.filename}: " if e.filename else ""
        return fail(f"{where}{e.strerror or e}")
