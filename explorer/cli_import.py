"""``nn-explorer import-state-dict``: its arguments and its report (kept apart from cli.py).

The report says what happened: the kind of file, each guess (a count and a list), and
whether the weights were written (a ``.nnx`` keeps them; a ``.nnx.json`` does not, and
says how to keep them).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable


def add_import_arguments(s: argparse.ArgumentParser, parse_shape) -> None:
    from explorer.io.state_dict_import import DEFAULT_BETWEEN

    s.add_argument("file", help=".pt/.pth/.params/.safetensors state dict, torch.save(net), "
                   "or a TorchScript archive")  # fmt: skip
    s.add_argument(
        "-o",
        "--output",
        required=True,
        help="project to write: .nnx keeps the weights, .nnx.json the architecture only",
    )
    s.add_argument(
        "--between",
        default=DEFAULT_BETWEEN,
        metavar="LAYER",
        help="bare state dicts: the parameter-free layer assumed in index gaps and between "
        f"named Linear layers: none, relu, dropout, sigmoid, tanh, ... (default {DEFAULT_BETWEEN}, "
        "as the book's MLP needs)",
    )
    s.add_argument(
        "--input-shape",
        type=parse_shape,
        default=None,
        help="the model input, e.g. 1,3,224,224 (default: from the first layer; a size the "
        "file does not prove is marked as guessed)",
    )


def run_import(args: argparse.Namespace, fail: Callable[[str], int]) -> int:
    from explorer.core.errors import ExplorerError
    from explorer.io.import_any import import_file
    from explorer.io.outputs import check_output
    from explorer.io.project import ARCHIVE_SUFFIX, PROJECT_SUFFIX

    try:
        check_output(args.output, (ARCHIVE_SUFFIX, PROJECT_SUFFIX), [args.file], "a project")
        result = import_file(args.file, args.output, args.between, args.input_shape)
    except ExplorerError as e:
        return fail(str(e))
    layers = sum(1 for _ in result.spec.layers())
    exact = result.kind != "state dict"
    print(
        f"read {args.file}: {result.kind}" + (" (architecture read from the file)" if exact else "")
    )
    if result.guessed:
        n = len(result.guessed)
        print(f"{n} guess{'es' if n != 1 else ''} (not in the file; marked on the layers):")
        for key, what in result.guessed:
            print(f"  {key}: {what}")
    else:
        print("0 guesses: every layer and argument was read from the file")
    print(f"input shape {tuple(result.spec.input_shape)}")
    if result.weights_written:
        tensors = len(result.net.state_dict())
        print(f"wrote {args.output} (layers: {layers}); weights written (tensors: {tensors})")
    else:
        print(
            f"wrote {args.output} (layers: {layers}), architecture only; the weights were not "
            f"kept (write a .nnx to keep them, or load {args.file} into it with Load Weights)"
        )
    return 0
