"""``nn-explorer autograd``: evaluate an expression on leaf tensors, backward once, print all.

Kept out of :mod:`explorer.cli` so that file stays small; built on ``explorer.core`` only.
"""

from __future__ import annotations

import argparse
import json
import sys


def parse_leaf(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE, like x=3.0")
    return name.strip(), value.strip()


def add_parser(sub) -> None:
    a = sub.add_parser(
        "autograd",
        help="evaluate an expression on leaf tensors, run backward(), print grads and graph",
        description="Leaves given with --leaf require grad; --const ones do not. EXPR may "
        "hold several lines (or ;-separated statements); the last is the result.",
    )
    a.add_argument("expr", help="e.g. 'x * y + x**2' or 'z = x * y; z.sum()'")
    a.add_argument(
        "--leaf", action="append", type=parse_leaf, default=[], metavar="NAME=VALUE",
        help="a leaf that requires grad, e.g. x=3.0 or 'x=torch.arange(4.0)' (repeatable)",
    )  # fmt: skip
    a.add_argument(
        "--const", action="append", type=parse_leaf, default=[], metavar="NAME=VALUE",
        help="a tensor that does not require grad (repeatable)",
    )  # fmt: skip
    a.add_argument("--gradient", default=None, help="backward's gradient=, e.g. 'torch.ones(4)'")
    a.add_argument("--json", action="store_true")


def cmd_autograd(args: argparse.Namespace) -> int:
    from explorer.core.autograd_graph import AutogradError, Leaf, evaluate_once

    leaves = [Leaf(n, v, True) for n, v in args.leaf] + [Leaf(n, v, False) for n, v in args.const]
    try:
        out = evaluate_once(leaves, args.expr.replace(";", "\n"), args.gradient)
    except AutogradError as e:
        print(f"nn-explorer: {e.message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(f"value  {out['value']}")
    for name, grad in out["grads"].items():
        print(f"{name}.grad  {grad}")
    print("graph (from the result back to the leaves):")
    for i, node in enumerate(out["graph"]):
        label = node["name"] + (f" ({node['leaf']})" if "leaf" in node else "")
        label += f" = {node['var']}" if "var" in node else ""
        shape = tuple(node["shape"]) if node["shape"] is not None else "?"
        nxt = ", ".join("-" if n is None else f"#{n}" for n in node["next"])
        print(f"  #{i:<3} {label:<32} grad {str(shape):<12} next [{nxt}]")
    return 0
