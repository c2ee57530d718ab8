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

from explorer import __version__, cli_autograd, cli_classes
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
    from explorer.core.spec import MAX_DIM, MAX_DIMS

    if len(shape) > MAX_DIMS or max(shape) > MAX_DIM:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r}: at most {MAX_DIMS} dimensions of at most {MAX_DIM:,} each"
        )
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
    """The architecture of a project file (a ``.nnx``'s weights are not read)."""
    from explorer.io.project import load_project

    return load_project(path, weights=False).spec


@command("summary")
def cmd_summary(args: argparse.Namespace) -> int:
    """Per-layer table: name, type, output shape, params, FLOPs."""
    from explorer.core.errors import ExplorerError
    from explorer.core.shapes import infer_shapes

    try:
        if cli_classes.is_class_file(args.file):
            report = cli_classes.class_report(args)
        else:
            report = infer_shapes(load_spec_file(args.file), args.input_shape)
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
                    "call": r.call,
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
        name = "  " * r.depth + r.key + (f" (call {r.call})" if r.call > 1 else "")
        shape = str(r.out_shape) if r.out_shape else ("-" if r.reached else "")
        params = "(shared)" if r.shared else _group(r.params, ",")
        print(f"{name:<16} {r.label[:22]:<22} {shape:<18} {params:>12} {si(r.flops):>10}")
    print(
        f"total params: {_group(report.total_params, ',')} "
        f"(trainable: {_group(report.trainable_params, ',')}) · "
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
    from explorer.core.codegen_classes import classes_code
    from explorer.core.errors import ExplorerError
    from explorer.io.atomic import atomic_write_bytes
    from explorer.io.outputs import check_output

    try:
        if args.output:
            check_output(args.output, (".py",), [args.file], "Python code")
        if cli_classes.is_class_file(args.file):
            spec = cli_classes.class_spec(args)
        else:
            spec = load_spec_file(args.file)
        code = classes_code(spec) if args.style == "classes" else model_code(spec)
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
    n = tree.tensor_count
    size = si(tree.total_bytes, "B")
    if tree.unique_bytes != tree.total_bytes:
        size += f" over the keys, {si(tree.unique_bytes, 'B')} unique (shared storage below)"
    print(
        f"{tree.path.name}: {tree.kind_text} ({tree.format}), "
        f"{n} tensor{'' if n == 1 else 's'}, {size}"
    )
    for e in tree.entries:
        name = "  " * e.depth + e.key.rsplit(".", 1)[-1] if e.depth else e.key
        if e.kind == "tensor":
            shape = "(" + ", ".join(map(str, e.shape)) + ")"
            print(f"{name:<36} {shape:<18} {e.dtype:<10} {e.device:<8} {si(e.nbytes, 'B'):>9}")
        else:
            print(f"{name:<36} {e.value}")
    for shared in tree.shared:
        print(f"shared: {shared.text}")
    for k, v in tree.metadata.items():
        print(f"metadata {k}: {v}")
    return 0


@command("import-state-dict")
def cmd_import_state_dict(args: argparse.Namespace) -> int:
    """Import a model file: exact when it carries the architecture, else inferred and marked."""
    from explorer.cli_import import run_import

    return run_import(args, fail)


def parse_kv(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not k=v, like std=0.01")
    return key.strip(), value.strip()


def _check_model_memory(spec) -> None:
    """Refuse a model whose parameters (twice: the model and a copy) cannot fit."""
    from explorer.core.memory import check_fits_memory
    from explorer.core.shapes import infer_shapes

    check_fits_memory(infer_shapes(spec).param_bytes * 2, "this model")


@command("init")
def cmd_init(args: argparse.Namespace) -> int:
    """Initialize parameters as torch.nn.init would after torch.manual_seed(seed); write them."""
    if cli_classes.is_class_file(args.file):
        return cli_classes.cmd_init_class(args)
    from pathlib import Path

    from explorer.core.errors import ExplorerError
    from explorer.core.init import LazyParameterError, init_spec, plain_pytorch
    from explorer.core.init_targets import parse_target
    from explorer.io.outputs import check_outputs, has_suffix
    from explorer.io.project import (
        ARCHIVE_SUFFIX,
        PROJECT_SUFFIX,
        Project,
        load_project,
        save_project,
    )

    out = Path(args.output)
    if not has_suffix(out, (".pt", PROJECT_SUFFIX, ARCHIVE_SUFFIX)):
        return fail(
            f"-o {out.name}: write a .pt state_dict, a {ARCHIVE_SUFFIX} project (with weights) "
            f"or a {PROJECT_SUFFIX} project (and a .pt beside it)"
        )
    weights = out
    if out.name.endswith(PROJECT_SUFFIX):
        weights = out.with_name(out.name[: -len(PROJECT_SUFFIX)] + ".pt")
    outputs = [(out, (".pt", PROJECT_SUFFIX, ARCHIVE_SUFFIX))]
    if weights != out:
        outputs.append((weights, (".pt",)))
    try:
        check_outputs(outputs, [args.file])
        project = load_project(args.file)
        _check_model_memory(project.spec)
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
    from explorer.io.project import save_project_and_weights

    bad = [name for name, v in values.items() if not bool(torch.isfinite(v).all())]
    if bad:
        return fail(
            f"the scheme gave infinite or NaN values in {', '.join(bad[:3])}"
            f"{' and more' if len(bad) > 3 else ''}; nothing written"
        )
    state = net.state_dict()
    archive = out.name.endswith(ARCHIVE_SUFFIX)
    try:
        if archive:
            save_project(
                Project(project.spec, project.title, project.settings, weights=dict(state)), out
            )
        elif weights != out:
            save_project_and_weights(
                Project(project.spec, project.title, project.settings), out, state, weights
            )
        else:
            atomic_write_with(weights, lambda f: torch.save(state, f))
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
        loss_log=args.loss_log,
        class_name=args.class_name,
        class_args=args.class_args,
        input_shape=args.input_shape,
    )
    every = max(1, args.every)
    reached = [0]

    def show(step: int, loss: float, eval_loss: float | None, acc=None) -> None:
        reached[0] = step
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
    except KeyboardInterrupt:
        return fail(f"stopped at step {reached[0]}; nothing written")
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


def seed_number(text: str) -> int:
    """A seed ``torch.manual_seed`` takes: a whole number from 0 to 2**63-1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"{text}: a seed is a whole number from 0 to 2**63-1")
    return value


class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line (``nn-explorer train: --epochs: ...``) and exit 2."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        first = (message.splitlines() or ["bad arguments"])[0]
        print(f"{self.prog}: {first} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


COMMANDS["autograd"] = cli_autograd.cmd_autograd


def build_parser() -> argparse.ArgumentParser:
    p = OneLineParser(
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
    cli_classes.add_class_options(s, input_shape=False)
    e = sub.add_parser("export-code", help="runnable PyTorch code that builds the model")
    e.add_argument("file")
    e.add_argument("-o", "--output", default=None, help="write to this .py (default: stdout)")
    e.add_argument(
        "--style",
        choices=("sequential", "classes"),
        default="sequential",
        help="nn.Sequential (default), or one small nn.Module class per block",
    )
    cli_classes.add_class_options(e)
    s = sub.add_parser(
        "inspect", help="tree of a .pt/.pth/.params/.safetensors/.npy/.npz/.nnx file"
    )
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s = sub.add_parser(
        "import-state-dict",
        help="a model file as a project: exact from a pickled nn.Sequential or TorchScript, "
        "inferred (guesses marked) from a bare state dict",
    )
    from explorer.cli_import import add_import_arguments

    add_import_arguments(s, parse_shape)
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
    t.add_argument("--seed", type=seed_number, default=0)
    t.add_argument("--device", default="cpu")
    t.add_argument("--samples", type=int, default=512, help="size of a built-in dataset")
    t.add_argument("--noise", type=float, default=0.1)
    t.add_argument("--held-out", type=float, default=0.2, help="fraction kept for evaluation")
    t.add_argument("--every", type=int, default=50, help="print the loss every K steps")
    t.add_argument(
        "-o", "--output", default=None, help="OUT.pt (state_dict), OUT.nnx or OUT.nnx.json"
    )
    t.add_argument(
        "--loss-log",
        default=None,
        metavar="FILE.csv",
        help="keep every step's loss in this CSV (memory keeps a downsampled curve)",
    )
    t.add_argument("--json", action="store_true", help="print the loss history as JSON")
    cli_classes.add_class_options(t)
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
    i.add_argument("--seed", type=seed_number, required=True)
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
    cli_classes.add_class_options(i, input_shape=False)
    cli_autograd.add_parser(sub)
    return p


def run_cli(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.doctor:
        return doctor()
    if not args.command:
        parser.print_help()
        return 0
    return run_guarded(COMMANDS[args.command], args)


def run_guarded(fn: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; whatever escapes it becomes one line and exit 2, never a traceback.

    ``NN_EXPLORER_DEBUG=1`` lets unexpected errors through with their traceback.
    """
    import os

    from explorer.core.errors import ExplorerError
    from explorer.core.memory import as_memory_error

    try:
        return fn(args)
    except OSError as e:  # a folder that does not exist, a full disk, no permission
        where = f"{e.filename}: " if e.filename else ""
        return fail(f"{where}{e.strerror or e}")
    except ExplorerError as e:
        return fail(str(e))
    except KeyboardInterrupt:
        return fail("stopped; nothing written")
    except RecursionError:
        return fail("the input is nested too deeply")
    except (MemoryError, RuntimeError) as e:
        oom = as_memory_error(e)
        if oom is not None:
            return fail(str(oom))
        if os.environ.get("NN_EXPLORER_DEBUG"):
            raise
        return fail(f"internal error ({type(e).__name__}): {_first_line(e)}")
    except Exception as e:  # noqa: BLE001 - the last net: one line, never a traceback
        if os.environ.get("NN_EXPLORER_DEBUG"):
            raise
        return fail(f"internal error ({type(e).__name__}): {_first_line(e)}")


def _first_line(e: BaseException) -> str:
    return (str(e).splitlines() or [""])[0][:300]
