"""Palette, properties, My blocks and the Code tab, driven through their widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from explorer.core import edits
from explorer.core.spec import LayerSpec, sequential
from tests.ui.builder_helpers import below, click_row, drop, types

L = LayerSpec.make


def test_palette_lists_every_catalog_layer_and_the_filter_narrows_it(window):
    from explorer.core.catalog import catalog

    palette = window.part("palette_view")
    assert set(palette.visible_layer_names()) == set(catalog())
    palette.filter.setText("conv")
    assert set(palette.visible_layer_names()) == {
        "Conv1d",
        "Conv2d",
        "LazyConv2d",
        "ConvTranspose2d",
    }
    tip = palette.items["Linear"].toolTip(0)
    assert tip.startswith("Linear(in_features") and "linear transformation" in tip


def test_double_click_and_enter_in_the_palette_append_after_the_selection(window, qtbot):
    palette = window.part("palette_view")
    click_row(qtbot, window.part("canvas"), 1)  # the first Linear
    item = palette.items["Tanh"]
    rect = palette.tree.visualItemRect(item)
    # An item view needs the press before the double-click, as a real mouse sends it.
    qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert types(window.document.spec) == ["Linear", "Tanh", "ReLU", "Linear"]
    palette.tree.setCurrentItem(palette.items["Dropout"])
    qtbot.keyClick(palette.tree, Qt.Key.Key_Return)
    assert types(window.document.spec) == ["Linear", "Tanh", "Dropout", "ReLU", "Linear"]


def test_an_invalid_argument_marks_the_field_and_changes_nothing(window, qtbot):
    doc = window.document
    doc.load_spec(sequential(L("Linear", in_features=20, out_features=8), L("Dropout", p=0.5)))
    click_row(qtbot, window.part("canvas"), 2)
    field = window.part("properties").fields["p"]
    spec, steps = doc.spec, window.undo_stack.count()
    field.widget.setText("1.5")
    field.widget.editingFinished.emit()
    assert doc.spec == spec and window.undo_stack.count() == steps
    assert field.error.text() == "must be below 1, got 1.5" and not field.error.isHidden()
    assert "d64545" in field.widget.styleSheet()
    field.widget.setText("0.25")
    field.widget.editingFinished.emit()
    assert doc.spec.children[1].args["p"] == 0.25 and doc.net[1].p == 0.25
    assert field.error.isHidden() and field.widget.styleSheet() == ""
    name = window.part("properties").fields["name"]
    name.widget.setText("a.b")
    name.widget.editingFinished.emit()
    assert doc.spec.children[1].name is None and "without dots" in name.error.text()


def test_typed_fields_rename_and_set_arguments_as_one_undo_step_each(window, qtbot):
    doc = window.document
    click_row(qtbot, window.part("canvas"), 1)
    props = window.part("properties")
    spin = props.fields["out_features"].widget
    assert type(spin).__name__ == "QSpinBox" and spin.minimum() == 1
    spin.setValue(30)
    spin.editingFinished.emit()
    assert doc.net[0].out_features == 30
    assert "expects last dimension 256, got 30" in window.part("canvas").model().rows[3].info.error
    props.fields["name"].widget.setText("hidden")
    props.fields["name"].widget.editingFinished.emit()
    assert "hidden.weight" in doc.net.state_dict()
    assert window.part("canvas").texts(1)["name"] == "hidden"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert doc.spec.children[0].name is None and doc.net[0].out_features == 256


def test_model_input_shape_and_dtype_are_editable_and_bad_shapes_are_refused(window):
    props = window.part("properties")
    doc = window.document
    props.shape_edit.setText("2, 0")
    props.shape_edit.editingFinished.emit()
    assert doc.spec.input_shape == (2, 20) and "positive" in props.shape_field.error.text()
    props.shape_edit.setText("5, 20")
    props.shape_edit.editingFinished.emit()
    assert doc.spec.input_shape == (5, 20) and window.part("canvas").texts(4)["shape"] == "(5, 10)"
    props.dtype_combo.setCurrentText("float64")
    props.dtype_combo.activated.emit(props.dtype_combo.currentIndex())
    assert doc.spec.dtype == "float64"


def test_a_saved_block_appears_in_my_blocks_and_drops_in_like_a_layer(window, qtbot, tmp_path):
    window.settings.setValue("builder/blocks_dir", str(tmp_path / "blocks"))
    window.selection.select_layers([c.id for c in window.document.spec.children])
    assert window.part("builder").save_as_user_block("MLP")
    assert (tmp_path / "blocks" / "MLP.block.json").exists()
    palette = window.part("palette_view")
    [item] = palette.user_block_items()
    assert item.text(0) == "MLP"
    drop(window.part("canvas"), palette.tree.mimeData([item]), below(window.part("canvas"), 3))
    spec = window.document.spec
    assert types(spec) == ["Linear", "ReLU", "Linear", "block"]
    assert [c.type for c in spec.children[3].children] == ["Linear", "ReLU", "Linear"]
    assert spec.children[3].children[0].id != spec.children[0].id  # a fresh copy


def test_code_tab_follows_edits_and_export_writes_code_that_builds_the_model(window, tmp_path):
    import runpy

    window.push_spec(
        sequential(L("Linear", in_features=20, out_features=4, name="hidden"), L("ReLU")), "x"
    )
    window.show_tab("CodeTab")
    assert "('hidden', nn.Linear(20, 4))" in window.part("code_view").toPlainText()
    window.show_tab("SummaryTab")
    window.push_spec(edits.insert(window.document.spec, (), 2, L("Tanh")), "Add Tanh")
    assert (
        "nn.Tanh()" not in window.part("code_view").toPlainText()
    )  # hidden: regenerated when shown
    window.show_tab("CodeTab")
    assert "('2', nn.Tanh())" in window.part("code_view").toPlainText()
    out = tmp_path / "model.py"
    assert window.part("builder").export_code(str(out))
    net = runpy.run_path(str(out))["net"]
    ours = window.document.net.state_dict()
    assert {k: v.shape for k, v in net.state_dict().items()} == {
        k: v.shape for k, v in ours.items()
    }
