"""File > Inspect of a tied state dict: the dialog names the keys stored once, en and zh."""

from __future__ import annotations

import pytest
import torch

from explorer.ui.shell import i18n
from tests.io.helpers import book_sequential, tied_sequential


@pytest.fixture
def chinese(qapp):
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


def open_dialog(window, path):
    actions = window.part("checkpoint_actions")
    actions.ask_open_kind = lambda *a, **k: "inspect"
    assert actions.open_file(path)
    return actions.inspect_dialogs[-1]


def test_the_dialog_says_which_keys_share_storage_and_both_sizes(window, tmp_path):
    path = tmp_path / "tied.pt"
    torch.save(tied_sequential().state_dict(), path)
    state = torch.load(path, weights_only=True)
    assert state["2.weight"].untyped_storage().data_ptr() == (
        state["4.weight"].untyped_storage().data_ptr()
    )
    total = sum(t.numel() * t.element_size() for t in state.values())
    unique = total - state["4.weight"].nbytes - state["4.bias"].nbytes
    dialog = open_dialog(window, path)
    try:
        summary = dialog.summary.text()
        assert "tensors: 8" in summary
        assert f"{total} B over the keys, {unique} B unique" in summary
        assert dialog.shared.isVisibleTo(dialog)
        lines = dialog.shared.text().splitlines()
        assert lines == [
            "shared: 2.weight = 4.weight (one storage)",
            "shared: 2.bias = 4.bias (one storage)",
        ]
        second = dialog.item_for("4.weight")
        assert second.text(4) == "= 2.weight" and "one storage" in second.toolTip(0)
        assert dialog.item_for("2.weight").text(4) == "256 B"
        assert dialog.open_item(second)  # still opens: the same values as 2.weight
    finally:
        dialog.close()


def test_a_file_without_ties_shows_no_shared_line(window, tmp_path):
    path = tmp_path / "mlp.params"
    torch.save(book_sequential().state_dict(), path)
    dialog = open_dialog(window, path)
    try:
        assert not dialog.shared.isVisibleTo(dialog) and "unique" not in dialog.summary.text()
    finally:
        dialog.close()


def test_the_shared_storage_report_reads_in_chinese(window, tmp_path, chinese):
    path = tmp_path / "tied.pt"
    torch.save(tied_sequential().state_dict(), path)
    dialog = open_dialog(window, path)
    try:
        assert "张量数：8" in dialog.summary.text() and "去重后" in dialog.summary.text()
        assert dialog.shared.text().splitlines()[0] == "共享：2.weight = 4.weight（同一存储）"
    finally:
        dialog.close()
