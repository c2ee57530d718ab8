"""The fit-the-data edit: input shape, first in_features and last out_features."""

import pytest

from explorer.core.data import DataError, DataSpec, from_tensors, make_dataset
from explorer.core.fit_data import (
    default_loss,
    describe_fit,
    fit_model_to_data,
    fit_problem,
)
from explorer.core.shapes import infer_shapes
from explorer.core.spec import LayerSpec, sequential

L = LayerSpec.make


def book_mlp():
    return sequential(
        L("Linear", in_features=20, out_features=256),
        L("ReLU"),
        L("Linear", in_features=256, out_features=10),
        input_shape=(2, 20),
    )


def test_default_loss_follows_the_data():
    assert default_loss(make_dataset(DataSpec("spiral")).task) == "cross_entropy"
    assert default_loss(make_dataset(DataSpec("sine")).task) == "mse"


def test_spiral_on_the_book_mlp_is_offered_and_fitted_to_32_2_and_3_classes():
    spec, data = book_mlp(), make_dataset(DataSpec("spiral", classes=3))
    problem = fit_problem(spec, data)
    assert problem is not None and problem.fixable
    assert "(20,)" in problem.message and "(2,)" in problem.message
    new = fit_model_to_data(spec, data, batch=32)
    assert new.input_shape == (32, 2)
    assert new.children[0].args["in_features"] == 2
    assert new.children[2].args["out_features"] == 3
    assert new.children[2].args["in_features"] == 256  # the hidden width is kept
    assert infer_shapes(new).output_shape == (32, 3)
    assert fit_problem(new, data) is None
    assert describe_fit(spec, new) == [
        "input (2, 20) -> (32, 2)",
        "0.in_features 20 -> 2",
        "2.out_features 10 -> 3",
    ]


def test_regression_gets_one_output_per_target_column():
    data = make_dataset(DataSpec("sine"))
    new = fit_model_to_data(book_mlp(), data)
    assert new.input_shape == (2, 1) and new.children[2].args["out_features"] == 1


def test_only_the_output_width_can_be_the_problem():
    spec = sequential(
        L("Linear", in_features=2, out_features=8),
        L("Linear", in_features=8, out_features=2),
        input_shape=(4, 2),
    )
    problem = fit_problem(spec, make_dataset(DataSpec("spiral", classes=5)))
    assert "model outputs: 2" in problem.message and "classes of spiral: 5" in problem.message


def test_a_file_dataset_gets_the_same_fit():
    import torch

    x = torch.randn(40, 5)
    y = torch.arange(40) % 4
    data = from_tensors("d.csv", x, y, 0.25)
    new = fit_model_to_data(book_mlp(), data)
    assert new.input_shape == (2, 5) and new.children[-1].args["out_features"] == 4


def test_a_model_that_cannot_fit_is_refused_and_unchanged():
    spec = sequential(
        L("Conv2d", in_channels=1, out_channels=4, kernel_size=3), input_shape=(2, 1, 8, 8)
    )
    data = make_dataset(DataSpec("spiral"))
    problem = fit_problem(spec, data)
    assert problem is not None and not problem.fixable
    with pytest.raises(DataError, match="cannot fit the model to spiral"):
        fit_model_to_data(spec, data)
