"""My blocks: saved as JSON in a folder, read back as the same layers, broken files skipped."""

from explorer.core.spec import LayerSpec, block
from explorer.io.user_blocks import delete_user_block, load_user_blocks, save_user_block


def _mlp():
    L = LayerSpec.make
    return block(
        L("Linear", in_features=20, out_features=256, name="hidden"),
        L("ReLU"),
        L("Linear", in_features=256, out_features=10, name="out"),
    )


def _shape_of(node):
    if hasattr(node, "children"):
        return ("block", node.name, tuple(_shape_of(c) for c in node.children))
    return (node.type, dict(node.args), node.name)


def test_saved_block_reads_back_with_the_same_layers_and_names(tmp_path):
    saved = save_user_block(tmp_path / "blocks", "MLP", _mlp())
    blocks, problems = load_user_blocks(tmp_path / "blocks")
    assert problems == []
    assert [b.name for b in blocks] == ["MLP"]
    assert _shape_of(blocks[0].node) == _shape_of(_mlp())
    assert blocks[0].path == saved.path


def test_saving_under_the_same_name_replaces_and_delete_removes(tmp_path):
    save_user_block(tmp_path, "MLP", _mlp())
    save_user_block(tmp_path, "MLP", LayerSpec.make("ReLU"))
    blocks, _ = load_user_blocks(tmp_path)
    assert len(blocks) == 1 and blocks[0].node.type == "ReLU"
    delete_user_block(blocks[0])
    assert load_user_blocks(tmp_path) == ([], [])


def test_a_broken_block_file_is_skipped_with_a_reason(tmp_path):
    save_user_block(tmp_path, "good", _mlp())
    (tmp_path / "bad.block.json").write_text(
        '{"kind": "nn-explorer-block", "name": "x", "node": 3}'
    )
    (tmp_path / "junk.block.json").write_bytes(b"\xff\x00")
    blocks, problems = load_user_blocks(tmp_path)
    assert [b.name for b in blocks] == ["good"]
    assert len(problems) == 2 and any("junk.block.json" in p for p in problems)


def test_a_missing_folder_means_no_blocks(tmp_path):
    assert load_user_blocks(tmp_path / "nothing") == ([], [])
