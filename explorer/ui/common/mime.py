"""Drag-and-drop and clipboard formats, in one place for the palette, the canvas and tests.

A drag carries the smallest payload that names what moves: a catalog key for a palette
layer, the node JSON of a saved block, or the ids of the cards being moved. The
clipboard carries node JSON (``node_to_dict``), also as plain text so it can be pasted
into an editor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMimeData

from explorer.core.errors import ExplorerError, SpecError
from explorer.core.spec import Node, node_from_dict, node_to_dict, with_fresh_ids
from explorer.ui.common.messages import error_text

LAYER_TYPE = "application/x-nn-explorer-layer-type"  # a catalog key, "Linear"
NODES = "application/x-nn-explorer-nodes"  # JSON list of node_to_dict (blocks, copy/paste)
MOVE = "application/x-nn-explorer-move"  # JSON list of node ids on the canvas

ALL = (LAYER_TYPE, NODES, MOVE)


@dataclass(frozen=True)
class Payload:
    """What a drop or a paste brings: a new layer type, new nodes, or ids to move."""

    layer_type: str | None = None
    nodes: tuple[Node, ...] = ()
    move_ids: tuple[str, ...] = ()


def layer_type_mime(type_name: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(LAYER_TYPE, type_name.encode("utf-8"))
    mime.setText(type_name)
    return mime


def nodes_mime(nodes: list[Node] | tuple[Node, ...]) -> QMimeData:
    text = json.dumps([node_to_dict(n) for n in nodes], indent=2, ensure_ascii=False)
    mime = QMimeData()
    mime.setData(NODES, text.encode("utf-8"))
    mime.setText(text)
    return mime


def move_mime(ids: list[str] | tuple[str, ...]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MOVE, json.dumps(list(ids)).encode("utf-8"))
    return mime


def accepts(mime: QMimeData | None) -> bool:
    return mime is not None and any(mime.hasFormat(f) for f in ALL)


def decode(mime: QMimeData | None, text_fallback: bool = False) -> Payload:
    """The payload of a drop or paste; raise :class:`SpecError` on foreign or broken data.

    New nodes get fresh ids (a paste or a drop never collides with the model's ids).
    ``text_fallback`` also reads node JSON from plain text (pasting from an editor).
    """
    if mime is None:
        raise SpecError(QCoreApplication.translate("mime", "nothing to drop"))
    if mime.hasFormat(MOVE):
        try:
            ids = json.loads(bytes(mime.data(MOVE)).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SpecError(QCoreApplication.translate("mime", "broken drag data")) from None
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise SpecError(QCoreApplication.translate("mime", "broken drag data"))
        return Payload(move_ids=tuple(ids))
    if mime.hasFormat(LAYER_TYPE):
        return Payload(layer_type=bytes(mime.data(LAYER_TYPE)).decode("utf-8", "replace"))
    if mime.hasFormat(NODES):
        raw = bytes(mime.data(NODES)).decode("utf-8", "replace")
    elif text_fallback and mime.hasText():
        raw = mime.text()
    else:
        raise SpecError(QCoreApplication.translate("mime", "this is not a layer"))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        raise SpecError(
            QCoreApplication.translate("mime", "the clipboard does not hold layers")
        ) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise SpecError(QCoreApplication.translate("mime", "the clipboard does not hold layers"))
    try:
        return Payload(nodes=tuple(with_fresh_ids(node_from_dict(d)) for d in data))
    except ExplorerError as e:
        raise SpecError(
            QCoreApplication.translate("mime", "the layers cannot be read: {0}").format(
                error_text(e)
            )
        ) from None
