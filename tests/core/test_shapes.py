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
    assert "3 channels at dimension 1" in str(infer_shapes(conv).error)
    bn = sequential(
        L("Linear", in_features=4, out_features=4),
        L("BatchNorm1d", num_features=4),
        input_shape=(1, 4),
    )
    assert infer_shapes(bn).error is not None  # PyTorch refuses a batch of one in train mode
    assert infer_shapes(bn, training=False).error is None
