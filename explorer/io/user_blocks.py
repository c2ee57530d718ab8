"""The user's own blocks ("My blocks" in the palette), one JSON file each in a folder.

The folder is passed in (the window uses the user's config folder), so this module stays
free of Qt and tests use a temporary folder. A block file holds one node in the project
format (``node_to_dict``); a broken file is skipped and reported, never fatal.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from explorer.core.errors import ExplorerError, Message, SpecError, message_parts
from explorer.core.spec import Node, node_from_dict, node_to_dict, with_fresh_ids
from explorer.io.atomic import atomic_write_bytes

BLOCK_SUFFIX = ".block.json"
MAX_BLOCK_BYTES = 4 * 2**20


@dataclass(frozen=True)
class UserBlock:
    """A saved block: its display name, the node it inserts, and its file."""

    name: str
    node: Node
    path: Path


def _file_name(name: str) -> str:
    slug = re.sub(r"[^\w\-]+", "_", name.strip(), flags=re.UNICODE).strip("_") or "block"
    return slug[:60] + BLOCK_SUFFIX


def save_user_block(folder: str | os.PathLike, name: str, node: Node) -> UserBlock:
    """Save ``node`` under ``name`` (replacing a block of the same name)."""
    name = name.strip()
    if not name:
        raise SpecError(Message("a block needs a name"))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _file_name(name)
    data = {"format_version": 1, "kind": "nn-explorer-block", "name": name}
    data["node"] = node_to_dict(with_fresh_ids(node))
    atomic_write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
    return UserBlock(name, node_from_dict(data["node"]), path)


def read_user_block(path: str | os.PathLike) -> UserBlock:
    """Read one block file; raise :class:`SpecError` with a one-line reason on bad input."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BLOCK_BYTES:
            raise SpecError(Message("{name} is too large for a block file", name=path.name))
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise SpecError(
            Message("cannot read {name}: {reason}", name=path.name, reason=e.strerror)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SpecError(Message("{name} is not a valid block file", name=path.name)) from None
    if not isinstance(data, dict) or data.get("kind") != "nn-explorer-block":
        raise SpecError(Message("{name} is not an NN Explorer block", name=path.name))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SpecError(Message("{name} has no name", name=path.name))
    return UserBlock(name, node_from_dict(data.get("node")), path)


def load_user_blocks(folder: str | os.PathLike) -> tuple[list[UserBlock], list[str]]:
    """All readable blocks in ``folder``, sorted by name, and one message per broken file."""
    folder = Path(folder)
    blocks, problems = [], []
    if not folder.is_dir():
        return blocks, problems
    for path in sorted(folder.glob(f"*{BLOCK_SUFFIX}")):
        try:
            blocks.append(read_user_block(path))
        except ExplorerError as e:
            parts = message_parts(e)  # the UI shows it in the interface language
            problems.append(Message(parts[0], **parts[1]) if parts else str(e))
    blocks.sort(key=lambda b: b.name.lower())
    return blocks, problems


def delete_user_block(block: UserBlock) -> None:
    block.path.unlink(missing_ok=True)
