"""infer_shapes: output shapes, parameter counts (tied once) and FLOPs, errors naming the layer."""

import torch
from torch.utils.flop_counter import FlopCounterMode

from explorer.core.build import build
from explorer.core.edits import add_shared_use
from explorer.core.shapes import infer_shapes
from explorer.core.spec import LayerSpec, block, sequential

L = LayerSpec.make


def book_net(last_in=256):
    return sequential(
        L("Linear", in_features=20, out_features=256),
        L("ReLU"),
        L("Linear", in_features=last_in, out_features=10),
        input_shape=(2, 20),
    )


def test_book_example_shapes_params_and_flops_equal_pytorch():
    spec = book_net()
    report = infer_shapes(spec)
    assert [r.out_shape for r in report.rows] == [(2, 256), (2, 256), (2, 10)]
    assert [r.params for r in report.rows] == [5376, 0, 2570]
    net = build(spec)
    assert report.total_params == sum(p.numel() for p in net.parameters()) == 7946
    with FlopCounterMode(display=False) as counter:
        net(torch.rand(2, 20))
    assert report.total_flops == counter.get_total_flops()


def test_mismatch_names_the_layer_in_plain_words_and_keeps_earlier_rows():
    report = infer_shapes(book_net(last_in=30))
    err = report.error
    assert err is not None
    assert err.layer_index == (2,) and err.layer_key == "2" and err.layer_type == "Linear"
    assert str(err) == "Linear(30 -> 10) at index 2 expects last dimension 30, got 256"
    assert report.rows[0].out_shape == (2, 256) and report.rows[2].out_shape is None


def test_layers_after_an_error_are_not_reached_but_keep_parameter_counts():
    spec = sequential(
        L("Linear", in_features=3, out_features=4),
        L("Linear", in_features=5, out_features=6),
        L("Linear", in_features=6, out_features=2),
        input_shape=(1, 3),
    )
    report = infer_shapes(spec)
    assert report.error.layer_index == (1,)
    assert not report.rows[2].reached and report.rows[2].params == 14


def test_error_inside_a_nested_block_names_the_dotted_key():
    spec = sequential(
        block(
            L("Linear", in_features=4, out_features=8), L("Linear", in_features=7, out_features=2)
        ),
        input_shape=(2, 4),
    )
    report = infer_shapes(spec)
    assert report.error.layer_index == (0, 1) and report.error.layer_key == "0.1"


def test_tied_parameters_are_counted_once():
    spec = sequential(L("Linear", in_features=8, out_features=8), L("ReLU"), input_shape=(2, 8))
    spec = add_shared_use(spec, (0,), (), 2)
    report = infer_shapes(spec)
    assert report.rows[2].shared and report.rows[2].params == 0
    assert report.total_params == 72 == sum(p.numel() for p in build(spec).parameters())


def test_lazy_layers_get_their_sizes_from_the_input():
    spec = sequential(
        L("LazyLinear", out_features=256),
        L("ReLU"),
        L("LazyLinear", out_features=10),
        input_shape=(2, 20),
    )
    report = infer_shapes(spec)
    assert report.output_shape == (2, 10)
    assert report.total_params == 20 * 256 + 256 + 256 * 10 + 10


def test_conv_channel_mismatch_and_batchnorm_batch_of_one():
    conv = sequential(
        L("Conv2d", in_channels=3, out_channels=8, kernel_size=3), input_shape=(1, 1, 28, 28)
    )
    assert "dimension 1 of size 3 (channels)" in str(infer_shapes(conv).error)
    bn = sequential(
        L("Linear", in_features=4, out_features=4),
        L("BatchNorm1d", num_features=4),
        input_shape=(1, 4),
    )
    assert infer_shapes(bn).error is not None  # PyTorch refuses a batch of one in train mode
    assert infer_shapes(bn, training=False).error is None


def _counted_on_meta(layer, shape, dtype="float32", training=True):
    """What PyTorch reports for one layer: built and run on meta under FlopCounterMode."""
    from explorer.core.build import make_layer, torch_dtype

    m = make_layer(layer, "meta", torch_dtype(dtype)).train(training)
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        out = tuple(m(torch.empty(shape, device="meta", dtype=torch_dtype(dtype))).shape)
    return out, sum(p.numel() for p in m.parameters()), counter.get_total_flops()


def test_linear_and_activations_by_arithmetic_equal_pytorch_on_meta():
    from explorer.core.shapes import _arithmetic_leaf

    cases = [
        (L("Linear", in_features=20, out_features=7), (20,)),
        (L("Linear", in_features=20, out_features=7), (2, 20)),
        (L("Linear", in_features=20, out_features=7, bias=False), (3, 4, 20)),
        (L("Linear", in_features=5, out_features=3), (2, 3, 4, 5)),
        (L("Linear", in_features=5, out_features=3), (0, 5)),
        *[(L(t), (2, 3, 4)) for t in ("Identity", "ReLU", "Sigmoid", "Tanh", "SiLU")],
        (L("GELU", approximate="tanh"), (2, 3)),
        (L("LeakyReLU", negative_slope=0.2), (7,)),
        (L("ELU", alpha=0.5), (2, 3)),
        (L("Dropout", p=0.3), (4, 5)),
    ]
    for layer, shape in cases:
        for dtype in ("float32", "bfloat16"):
            fast = _arithmetic_leaf(layer, shape)
            assert fast is not None and fast.error is None, layer
            out, params, flops = _counted_on_meta(layer, shape, dtype)
            assert (fast.out_shape, fast.params, fast.trainable, fast.flops) == (
                out,
                params,
                params,
                flops,
            ), (layer, shape, dtype)


def test_layers_without_matrix_products_count_no_flops_like_pytorch():
    from explorer.core.shapes import _cache, _run_leaf

    cases = [
        (L("Softmax", dim=1), (2, 5)),
        (L("MaxPool2d", kernel_size=2), (1, 3, 8, 8)),
        (L("AdaptiveAvgPool2d", output_size=(1, 1)), (1, 3, 8, 8)),
        (L("BatchNorm2d", num_features=3), (2, 3, 4, 4)),
        (L("LayerNorm", normalized_shape=(6,)), (2, 6)),
        (L("Flatten"), (2, 3, 4)),
    ]
    _cache.clear()
    for layer, shape in cases:
        res = _run_leaf(layer, shape, "float32", True)
        assert (res.out_shape, res.params, res.flops) == _counted_on_meta(layer, shape), layer


def test_a_mismatched_linear_still_counts_its_parameters():
    report = infer_shapes(book_net(last_in=30))
    assert str(report.error) == "Linear(30 -> 10) at index 2 expects last dimension 30, got 256"
    assert report.rows[2].params == report.rows[2].trainable == 30 * 10 + 10


def test_rows_are_layer_rows_as_their_constructor_makes_them():
    """Leaf rows are filled without the frozen dataclass's __init__ (it cost ~3 ms per
    1,000 layers); they must be indistinguishable from constructed ones."""
    import dataclasses

    from explorer.core.shapes import LayerRow

    spec = add_shared_use(book_net(last_in=20), (0,))  # a shared use, then a shape error
    spec = sequential(*spec.children, block(L("Tanh")), input_shape=(2, 20))
    rows = infer_shapes(spec).rows
    assert any(r.shared for r in rows) and any(r.error for r in rows)
    assert any(r.is_block for r in rows)
    for row in rows:
        rebuilt = LayerRow(**{f.name: getattr(row, f.name) for f in dataclasses.fields(LayerRow)})
        assert type(row) is LayerRow and row == rebuilt and hash(row) == hash(rebuilt)
        assert vars(row) == vars(rebuilt) and list(vars(row)) == list(vars(rebuilt))
        assert dataclasses.asdict(row) == dataclasses.asdict(rebuilt) and repr(row) == repr(rebuilt)
