"""The command line on a learner's ``FILE.py --class NAME [--args JSON]``.

``summary``, ``init``, ``train`` and ``export-code`` accept a ``.py`` in place of a
project; this module holds what differs. Running a command on a ``.py`` runs the
file's code, as ``python FILE.py`` would. Built on ``explorer.core``/``explorer.io``.
"""

from __future__ import annotations

import argparse
import sys


def is_class_file(path: str) -> bool:
    return str(path).endswith(".py")


def add_class_options(parser: argparse.ArgumentParser, input_shape: bool = True) -> None:
    parser.add_argument(
        "--class", dest="class_name", default=None, metavar="NAME",
        help="with FILE.py: the nn.Module class to use (default: the file's only one)",
    )  # fmt: skip
    parser.add_argument(
        "--args", dest="class_args", default=None, metavar="JSON",
        help='with FILE.py: constructor arguments, e.g. \'{"width": 64}\' or \'[64]\'',
    )  # fmt: skip
    if input_shape:
        from explorer.cli import parse_shape

        parser.add_argument(
            "--input-shape", type=parse_shape, default=None,
            help="with FILE.py: e.g. 2,20 (default: guessed from the first Linear or Conv)",
        )  # fmt: skip


def load(args: argparse.Namespace, require_input: bool = True):
    from explorer.io.module_file import load_class_model

    model = load_class_model(
        args.file,
        args.class_name,
        args.class_args,
        getattr(args, "input_shape", None),
        require_input=require_input,
    )
    if model.input_guess:
        print(f"input shape {model.input_shape} guessed {model.input_guess}", file=sys.stderr)
    return model


def class_report(args: argparse.Namespace):
    """The summary report of the class, computed on ``meta``."""
    from explorer.core.module_summary import summarize_module

    model = load(args)
    return summarize_module(model.build("meta"), model.input_shape, model.forward)


def class_spec(args: argparse.Namespace):
    """The Sequential spec the class converts to (ConversionError says why not)."""
    from explorer.core.fx_convert import to_sequential

    model = load(args)
    return to_sequential(model.build("meta"), model.input_shape)


def cmd_init_class(args: argparse.Namespace) -> int:
    """``init`` on a class: construct after the seed, apply the scheme, write a .pt."""
    from pathlib import Path

    from explorer.cli import fail
    from explorer.core.errors import ExplorerError
    from explorer.core.init import initialize, plain_pytorch, seeded, write_values
    from explorer.core.init_targets import parse_target

    out = Path(args.output)
    if out.suffix not in (".pt", ".pth"):
        return fail(f"-o {out.name}: a class has no project format; write a .pt state_dict")
    scheme_args = dict(args.arg or [])
    try:
        from explorer.io.outputs import check_output

        check_output(out, (".pt", ".pth"), [args.file], "a state_dict")  # before any work
        model = load(args, require_input=False)
        with seeded(args.seed, []):
            net = model.build()
        values = initialize(net, parse_target(args.target), args.scheme, scheme_args, args.seed)
        write_values(net, values)
    except ExplorerError as e:
        return fail(str(e))
    import torch

    from explorer.io.atomic import atomic_write_with

    state = net.state_dict()
    try:
        atomic_write_with(out, lambda f: torch.save(state, f))
    except OSError as e:
        return fail(f"cannot write {out}: {e.strerror}")
    for name, value in values.items():
        print(f"{name:<24} {tuple(value.shape)}")
    print(f"# the same in plain PyTorch (after net = {model.class_name}(...)):")
    print(plain_pytorch(list(values), args.scheme, scheme_args, args.seed))
    print(f"wrote {out} (state_dict, keys: {len(state)})")
    return 0
