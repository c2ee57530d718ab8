"""File > Save/Load Weights, Save Tensors, Inspect, Import, drops: in the real window."""

from __future__ import annotations

from unittest import mock

import torch
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from torch import nn

from explorer.io.checkpoints import save_state_dict
from explorer.resources import examples_dir
from tests.io.helpers import MLP, book_sequential, snapshot, unchanged


def weights_changed_counter(window):
    calls = []
    window.document.weights_changed.connect(lambda: calls.append(1))
    return calls


def answer_load(window, choice):
    asked = []

    def ask(report, name):
        asked.append(report)
        return choice

    window.part("checkpoint_actions").ask_load = ask
    return asked


def test_saved_weights_load_in_plain_pytorch_into_the_hand_written_model(window, tmp_path):
    path = tmp_path / "mlp.params"
    window.part("checkpoint_actions").ask_save_path = lambda *a: path
    window.findChild(type(window.undo_action), "actionSaveWeights").trigger()
    clone = book_sequential()
    clone.load_state_dict(torch.load(path, weights_only=True))
    X = torch.randn(2, 20)
    assert torch.equal(clone(X), window.document.net(X))
    assert "Saved the state dict (tensors: 4) to mlp.params" in window.status_text()


def test_loading_the_books_params_is_one_undoable_step(window, tmp_path):
    source = book_sequential()
    path = tmp_path / "mlp.params"
    torch.save(source.state_dict(), path)
    before = snapshot(window.document.net)
    calls = weights_changed_counter(window)
    asked = answer_load(window, "strict")
    assert window.part("checkpoint_actions").load_weights_from(path)
    assert asked[0].ok and len(asked[0].matching) == 4
    assert all(
        torch.equal(window.document.net.state_dict()[k], v) for k, v in source.state_dict().items()
    )
    assert calls and window.isWindowModified()
    assert "Loaded tensors from mlp.params: 4 of 4" in window.status_text()
    window.undo_stack.undo()
    assert unchanged(window.document.net, before)
    window.undo_stack.redo()
    assert torch.equal(window.document.net[2].bias, source[2].bias)


def test_a_strict_load_with_a_wrong_shape_changes_nothing_and_matching_loads_part(window, tmp_path):
    wrong = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 5))
    path = tmp_path / "wrong.pt"
    torch.save(wrong.state_dict(), path)
    before = snapshot(window.document.net)
    answer_load(window, "strict")
    assert not window.part("checkpoint_actions").load_weights_from(path)
    assert unchanged(window.document.net, before)
    assert "2.weight: file has shape (5, 256), model has (10, 256)" in window.status_text()
    assert window.undo_stack.count() == 0
    answer_load(window, "matching")
    assert window.part("checkpoint_actions").load_weights_from(path)
    assert torch.equal(window.document.net[0].weight, wrong[0].weight)
    assert torch.equal(window.document.net[2].weight, before["2.weight"])


def test_the_report_dialog_offers_only_what_is_possible(window, qtbot):
    from explorer.io.checkpoints import LoadedState, compare
    from explorer.ui.files.load_report_dialog import LoadReportDialog

    state = dict(window.document.net.state_dict())
    state["2.bias"] = torch.zeros(3)
    dialog = LoadReportDialog(window, compare(window.document.net, LoadedState(state)), "x.pt")
    qtbot.addWidget(dialog)
    assert not dialog.strict_button.isEnabled() and dialog.matching_button.isEnabled()
    statuses = [dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())]
    assert statuses == ["match", "match", "match", "wrong shape"]
    qtbot.mouseClick(dialog.matching_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "matching"


def test_a_hostile_file_is_refused_and_nothing_runs_or_changes(window, tmp_path):
    from tests.io.test_safe_load import Payload

    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    torch.save({"0.weight": Payload(marker)}, path)
    before = snapshot(window.document.net)
    asked = answer_load(window, "strict")
    assert not window.part("checkpoint_actions").load_weights_from(path)
    assert not marker.exists() and not asked
    assert unchanged(window.document.net, before)
    assert "refused" in window.status_text() and "io.open" in window.status_text()


def test_broken_files_report_one_line_and_keep_the_model(window, tmp_path):
    before = snapshot(window.document.net)
    full = tmp_path / "full.pt"
    torch.save(book_sequential().state_dict(), full)
    cases = {
        "empty.pt": b"",
        "cut.pt": full.read_bytes()[:1000],
        "lfs.safetensors": b"version https://git-lfs.github.com/spec/v1\noid sha256:0\n",
        "random.safetensors": bytes(range(200)),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert not window.part("checkpoint_actions").load_weights_from(tmp_path / name)
        assert name in window.status_text() and "\n" not in window.status_text()
    assert unchanged(window.document.net, before)


def test_a_lazy_model_is_explained_instead_of_loaded(window, tmp_path):
    window.part("file_actions").open_example(examples_dir() / "06-lazy-mlp.nnx.json")
    path = tmp_path / "w.pt"
    torch.save(nn.Sequential(nn.Linear(20, 256)).state_dict(), path)
    answer_load(window, "matching")
    assert not window.part("checkpoint_actions").load_weights_from(path)
    assert "run a forward pass first" in window.status_text()


def test_a_cuda_saved_checkpoint_opens_on_the_cpu_with_a_note(window, tmp_path):
    path = tmp_path / "gpu.pt"
    with mock.patch("torch.serialization.location_tag", lambda storage: "cuda:0"):
        torch.save(book_sequential().state_dict(), path)
    answer_load(window, "strict")
    assert window.part("checkpoint_actions").load_weights_from(path)
    assert "saved on cuda:0, loaded onto cpu" in window.status_text()
    assert all(p.device.type == "cpu" for p in window.document.net.parameters())


def test_import_the_books_mlp_params_as_a_model_that_computes_the_same(window, tmp_path):
    mlp = MLP()
    path = tmp_path / "mlp.params"
    torch.save(mlp.state_dict(), path)
    assert window.part("checkpoint_actions").import_path(path)
    spec = window.document.spec
    assert [(n.type, n.name) for n in spec.children] == [
        ("Linear", "hidden"),
        ("ReLU", "relu"),
        ("Linear", "output"),
    ]
    assert window.selection.layers == (spec.children[1].id,)
    X = torch.randn(2, 20)
    assert torch.equal(window.document.net(X), mlp(X))
    assert window.isWindowModified() and "layers with guesses (marked, selected): 1;" in window.status_text()
    canvas = window.part("canvas")
    rows = [canvas.model_.row_of(n.id) for n in spec.children]
    assert [("guessed" in canvas.badges(r)) for r in rows] == [False, True, False]
    tip = canvas.model_.data(canvas.model_.index(rows[1]), Qt.ItemDataRole.ToolTipRole)
    assert "ReLU assumed" in tip


def test_import_a_pickled_sequential_is_exact_with_no_guessed_badge(window, tmp_path):
    net = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Dropout(0.25), nn.Linear(6, 2)).eval()
    path = tmp_path / "net.pt"
    torch.save(net, path)
    assert window.part("checkpoint_actions").import_path(path)
    spec = window.document.spec
    assert [n.type for n in spec.children] == ["Linear", "Tanh", "Dropout", "Linear"]
    assert spec.children[2].args["p"] == 0.25 and spec.input_shape == (2, 4)
    canvas = window.part("canvas")
    assert not any("guessed" in canvas.badges(canvas.model_.row_of(n.id)) for n in spec.children)
    assert "read from the file" in window.status_text()
    X = torch.randn(3, 4)
    assert torch.equal(window.document.net.eval()(X), net(X))


def test_a_refused_model_changes_nothing_and_says_why_in_one_line(window, tmp_path):
    before = window.document.spec
    path = tmp_path / "mlp.pt"
    torch.save(MLP(), path)
    assert not window.part("checkpoint_actions").import_path(path)
    assert window.document.spec is before
    assert "tests.io.helpers.MLP" in window.status_text()


def test_opening_a_single_tensor_file_shows_it_in_the_tensor_inspector(window, qtbot, tmp_path):
    x = torch.arange(6.0).reshape(2, 3)
    torch.save(x, tmp_path / "x-file")
    with qtbot.waitSignal(window.inspect_requested) as got:
        assert window.part("checkpoint_actions").open_file(tmp_path / "x-file")
    title, array = got.args
    assert title == "x-file" and (array == x.numpy()).all()


def test_opening_the_books_mydict_inspects_it_without_offering_import(window, tmp_path):
    torch.save({"x": torch.zeros(2), "y": torch.ones(2)}, tmp_path / "mydict")
    asked = []
    window.part("checkpoint_actions").ask_open_kind = lambda *a, **k: asked.append(a) or "import"
    assert window.part("checkpoint_actions").open_file(tmp_path / "mydict")
    dialog = window.part("checkpoint_actions").inspect_dialogs[-1]
    assert asked == [] and "dict of tensors" in dialog.summary.text()
    dialog.close()


def drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.part("drop_opener").eventFilter(window, event)
    return event


def in_import_dialog(act):
    """Run ``act(dialog)`` on the import options dialog once it is open (it is modal)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.ui.files.import_options_dialog import ImportOptionsDialog

    seen = []

    def run():
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ImportOptionsDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(10, run)  # not shown yet
            return
        try:
            seen.append(act(dialogs[0]))
        finally:
            if dialogs[0].isVisible():
                dialogs[0].reject()

    QTimer.singleShot(0, run)
    return seen


def test_dropping_a_state_dict_offers_a_choice_and_imports_it(window, tmp_path):
    net = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 2))
    path = tmp_path / "net.safetensors"
    save_state_dict(net.state_dict(), path)
    offered = []
    window.part("checkpoint_actions").ask_open_kind = lambda p: offered.append(p) or "import"
    from PySide6.QtWidgets import QDialogButtonBox

    ok = QDialogButtonBox.StandardButton.Ok
    shown = in_import_dialog(lambda d: (d.guesses.toPlainText(), d.buttons.button(ok).click())[0])
    accepted = drop(window, path).isAccepted()
    assert accepted and offered == [path]
    assert len(shown) == 1 and "1: not in the file (no parameters): ReLU assumed" in shown[0]
    assert window.part("file_actions").recent_menu.actions()[0].text() == "net.safetensors"
    assert [n.type for n in window.document.spec.children] == ["Linear", "ReLU", "Linear"]
    assert torch.equal(window.document.net[2].weight, net[2].weight)


def test_dropping_a_project_opens_it_and_a_tensor_file_is_inspected(window, tmp_path):
    drop(window, examples_dir() / "05-shared-layer.nnx.json")
    assert window.file_path.name == "05-shared-layer.nnx.json"
    x = tmp_path / "x-files"
    torch.save([torch.arange(4), torch.zeros(4)], x)
    drop(window, x)
    dialog = window.part("checkpoint_actions").inspect_dialogs[-1]
    assert dialog.tree.topLevelItemCount() == 2
    dialog.close()


def test_inspect_shows_the_tree_and_opens_a_tensor_in_the_inspector(window, qtbot, tmp_path):
    net = book_sequential()
    path = tmp_path / "ckpt.pt"
    torch.save({"model": net.state_dict(), "epoch": 3}, path)
    dialog = window.part("checkpoint_actions").inspect_path(path)
    qtbot.addWidget(dialog)
    top = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert top == ["model", "epoch"]
    item = dialog.item_for("model.0.weight")
    assert [item.text(c) for c in range(4)] == ["weight", "(256, 20)", "float32", "cpu"]
    with qtbot.waitSignal(window.inspect_requested) as got:
        dialog.open_item(item)
    title, array = got.args
    assert title == "ckpt.pt: model.0.weight" and (array == net[0].weight.detach().numpy()).all()


def test_save_tensors_writes_the_books_dict(window, tmp_path):
    x, y = torch.arange(4.0), torch.zeros(4)
    window.set_tensor("input", x)
    window.set_tensor("output", y)
    path = tmp_path / "mydict"
    assert window.part("checkpoint_actions").save_tensors_to(path, ["input", "output"], "dict")
    back = torch.load(path, weights_only=True)
    assert torch.equal(back["input"], x) and torch.equal(back["output"], y)


def test_the_device_selector_lists_cpu_and_refuses_a_missing_device(window):
    combo = window.part("device_selector")
    assert combo.itemData(0) == "cpu" and combo.currentData() == "cpu"
    assert not combo.choose("cuda:7")
    assert "Cannot move the model to cuda:7" in window.status_text()
    assert combo.currentData() == "cpu" and window.document.device == "cpu"


def test_a_device_mismatch_names_the_tensors_and_offers_to_move_them(window):
    window.document.net[2].to("meta")  # one layer elsewhere, as a failed move would leave it
    window.document._device = "meta"
    offered = []
    window.part("device_selector").ask_move = lambda device, listing: (
        offered.append(listing) or True
    )
    assert window.part("device_selector").check()
    assert offered == ["0.weight on cpu, 0.bias on cpu"]
    assert all(p.device.type == "meta" for p in window.document.net.parameters())


def test_a_name_completed_with_a_suffix_asks_before_replacing_a_file(window, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    (tmp_path / "model.pt").write_bytes(b"old")
    asked = []
    with (
        mock.patch.object(
            QFileDialog, "getSaveFileName", return_value=(str(tmp_path / "model"), "")
        ),
        mock.patch.object(
            QMessageBox,
            "question",
            side_effect=lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No,
        ),
    ):
        window.part("checkpoint_actions").save_weights()
    assert asked == ["model.pt exists. Replace it?"]
    assert (tmp_path / "model.pt").read_bytes() == b"old"


def test_the_import_menu_asks_options_for_a_bare_state_dict_and_uses_them(window, tmp_path):
    path = tmp_path / "mlp.params"
    torch.save(MLP().state_dict(), path)
    actions = window.part("checkpoint_actions")
    actions.ask_open_path = lambda title: path
    actions.ask_import_options = lambda p: ("none", (4, 20))
    window.findChild(type(window.undo_action), "actionImportStateDict").trigger()
    spec = window.document.spec
    assert [n.type for n in spec.children] == ["Linear", "Linear"] and spec.input_shape == (4, 20)


def test_the_import_options_dialog_reads_its_fields_and_rejects_a_bad_shape(window, qtbot):
    from explorer.ui.files.import_options_dialog import ImportOptionsDialog

    dialog = ImportOptionsDialog(window, "mlp.params")
    qtbot.addWidget(dialog)
    assert dialog.options() == ("relu", None)
    dialog.between.setCurrentIndex(dialog.between.findData("dropout"))
    dialog.shape.setText("2, 20")
    assert dialog.options() == ("dropout", (2, 20))
    dialog.shape.setText("2,x")
    dialog._accept()
    assert dialog.options() is None and dialog.error.text() and dialog.result() == 0


def test_a_dropped_state_dict_shows_its_guesses_in_the_import_dialog_before_anything_changes(
    window, tmp_path
):
    """The drop opens File > Import's dialog: the guesses for the options chosen are listed
    while the model is still the old one; OK imports with those options."""
    from PySide6.QtWidgets import QDialogButtonBox

    mlp = MLP()
    path = tmp_path / "mlp.params"
    torch.save(mlp.state_dict(), path)
    window.part("checkpoint_actions").ask_open_kind = lambda p: "import"
    before = window.document.spec

    def choose(dialog):
        seen = {"relu": dialog.guesses.toPlainText(), "summary": dialog.summary.text()}
        assert window.document.spec is before  # nothing has changed yet
        dialog.between.setCurrentIndex(dialog.between.findData("none"))
        dialog.shape.setText("4,20")
        seen["none"] = dialog.guesses.toPlainText()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return seen

    seen = in_import_dialog(choose)
    drop(window, path)
    assert len(seen) == 1, "the import dialog did not open"
    assert "relu: not in the file (no parameters): ReLU assumed (--between relu)" in seen[0]["relu"]
    assert seen[0]["summary"].startswith("layers: 3 · input 2,20 · guesses")
    assert "ReLU assumed" not in seen[0]["none"] and "layers after output" in seen[0]["none"]
    spec = window.document.spec
    assert [n.type for n in spec.children] == ["Linear", "Linear"] and spec.input_shape == (4, 20)
    assert torch.equal(window.document.net.hidden.weight, mlp.hidden.weight)


def test_cancelling_the_import_dialog_of_a_drop_changes_nothing(window, tmp_path):
    path = tmp_path / "mlp.params"
    torch.save(MLP().state_dict(), path)
    window.part("checkpoint_actions").ask_open_kind = lambda p: "import"
    spec, weights = window.document.spec, snapshot(window.document.net)
    modified, status = window.isWindowModified(), window.status_text()
    seen = in_import_dialog(lambda d: d.reject())
    accepted = drop(window, path).isAccepted()
    assert accepted and seen == [None]
    assert window.document.spec is spec and unchanged(window.document.net, weights)
    assert window.isWindowModified() == modified and window.status_text() == status


def test_a_file_the_import_refuses_says_why_in_the_dialog_and_cannot_be_confirmed(window, tmp_path):
    """A foreign safetensors file keeps no order for named children: the dialog says so
    in one line and offers only Cancel."""
    from PySide6.QtWidgets import QDialogButtonBox
    from safetensors.torch import save_file

    path = tmp_path / "mlp.safetensors"
    save_file({k: v.contiguous() for k, v in MLP().state_dict().items()}, str(path))
    window.part("checkpoint_actions").ask_open_kind = lambda p: "import"
    spec = window.document.spec

    def look(dialog):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        enabled = ok.isEnabled()
        dialog._accept()  # Enter in the dialog: must not accept either
        return dialog.error.text(), enabled, dialog.isVisible()

    seen = in_import_dialog(look)
    drop(window, path)
    ((text, enabled, still_open),) = seen
    assert text.startswith("Cannot import: the file does not keep the order") and "\n" not in text
    assert not enabled and still_open and window.document.spec is spec


def test_the_import_dialog_warns_when_the_typed_input_would_not_run_the_model(window, tmp_path):
    """A conv net's state dict with its real input typed: the dialog says, before anything
    changes, that the guessed layers would not take it (the file does not keep the pools)."""
    from explorer.core.shapes import infer_shapes
    from explorer.io.state_dict_import import import_state_file

    net = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.Sigmoid(), nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 3, stride=2, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(144, 10),
    )  # fmt: skip
    path = tmp_path / "lenet.pt"
    torch.save(net.state_dict(), path)
    assert net(torch.zeros(1, 1, 28, 28)).shape == (1, 10)  # the real input runs the real net
    window.part("checkpoint_actions").ask_open_kind = lambda p: "import"
    before = window.document.spec

    def choose(dialog):
        guessed_input = dialog.error.text()
        dialog.shape.setText("1, 1, 28, 28")
        return guessed_input, dialog.error.text(), window.document.spec is before

    seen = in_import_dialog(choose)
    drop(window, path)
    assert len(seen) == 1, "the import dialog did not open"
    guessed_input, typed, unchanged = seen[0]
    expected = infer_shapes(import_state_file(path, input_shape=(1, 1, 28, 28)).spec).error
    assert expected is not None  # the app's guess (no pools) cannot take 28x28
    assert guessed_input == ""  # its own guessed input runs
    assert "would not run" in typed and str(expected) in typed and unchanged
    assert window.document.spec is before  # cancelled: nothing changed
