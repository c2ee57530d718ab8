"""Inputs and built-in datasets: seeded, shaped for the model, with clear messages."""

import pytest
import torch

from explorer.core.data import GENERATORS, DataError, DataSpec, check_fits, make_dataset, make_input
from explorer.core.losses import LossError, fit_target


def test_random_input_is_the_books_torch_rand_with_a_seed():
    g = torch.Generator().manual_seed(5)
    assert torch.equal(make_input((2, 20), "rand", seed=5), torch.rand(2, 20, generator=g))
    assert torch.equal(make_input((2, 3), "ones"), torch.ones(2, 3))
    assert make_input((2, 3), "randn", 1).dtype == torch.float32


@pytest.mark.parametrize("name", [n for n in GENERATORS if n != "teacher"])
def test_each_dataset_is_reproducible_by_seed_and_split_for_held_out(name):
    spec = DataSpec(name, n=100, noise=0.1, seed=3, classes=3, eval_fraction=0.2)
    a, b = make_dataset(spec), make_dataset(spec)
    assert torch.equal(a.X, b.X) and torch.equal(a.y, b.y)
    assert len(a) == 80 and len(a.X_eval) == 20
    other = make_dataset(DataSpec(name, n=100, noise=0.1, seed=4))
    assert not torch.equal(a.X[:10], other.X[:10])
    if a.task == "classification":
        assert a.y.dtype == torch.int64 and int(a.y.max()) < a.classes
    else:
        assert a.y.shape == (80, 1) and a.y.is_floating_point()


def test_the_teacher_dataset_takes_the_models_shapes():
    data = make_dataset(DataSpec("teacher", n=50, eval_fraction=0), in_shape=(20,), out_features=10)
    assert data.X.shape == (50, 20) and data.y.shape == (50, 10)


def test_data_that_does_not_fit_the_model_says_what_each_side_has():
    data = make_dataset(DataSpec("spiral", n=30))
    with pytest.raises(
        DataError, match=r"takes samples of shape \(20,\).*spiral has samples of shape \(2,\)"
    ):
        check_fits(data, (2, 20))


def test_bad_dataset_settings_are_refused_in_words():
    with pytest.raises(DataError, match="at least 2 samples"):
        make_dataset(DataSpec("moons", n=1))
    with pytest.raises(DataError, match="unknown dataset"):
        make_dataset(DataSpec("mnist"))


def test_targets_are_fitted_to_the_loss():
    labels = torch.tensor([0, 2, 1])
    assert torch.equal(fit_target("mse", labels, (3, 3)), torch.eye(3)[[0, 2, 1]])
    scores = torch.tensor([[0.1, 0.9], [2.0, -1.0]])
    assert fit_target("cross_entropy", scores, (2, 2)).tolist() == [1, 0]
    assert fit_target("bce_with_logits", scores, (2, 2)).tolist() == [[1, 1], [1, 0]]
    with pytest.raises(LossError, match="labels go up to 2 but the model gives class scores: 2"):
        fit_target("cross_entropy", labels, (3, 2))
    with pytest.raises(
        LossError, match=r"output has shape \(3, 2\) but the target has shape \(3, 1\)"
    ):
        fit_target("mse", torch.zeros(3, 1), (3, 2))
