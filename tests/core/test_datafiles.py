"""Data files load safely, in every supported format, with one-sentence errors."""

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from explorer.core.data import DataSpec
from explorer.io.datafiles import DataFileError, load_data_file, load_dataset
from explorer.io.safe_load import UnsafeFileError

X = torch.arange(12.0).reshape(6, 2)
Y = torch.tensor([0, 1, 0, 1, 1, 0])


class Payload:
    """Any class in a pickle means code would run on load."""


@pytest.mark.parametrize("payload", [{"X": X, "y": Y}, [X, Y], (X, Y)])
def test_a_pt_file_with_a_dict_or_list_gives_x_and_y(tmp_path, payload):
    path = tmp_path / "d.pt"
    torch.save(payload, path)
    x, y = load_data_file(path)
    assert torch.equal(x, X) and torch.equal(y, Y)


def test_a_pt_file_with_one_tensor_gets_zero_targets(tmp_path):
    torch.save(X, tmp_path / "x.pt")
    x, y = load_data_file(tmp_path / "x.pt")
    assert torch.equal(x, X) and y.shape == (6, 1) and not y.any()


def test_a_pt_file_that_would_run_code_is_refused(tmp_path):
    path = tmp_path / "evil.pt"
    torch.save({"X": X, "y": Y, "extra": Payload()}, path)
    with pytest.raises(UnsafeFileError, match="Payload"):
        load_data_file(path)


def test_safetensors_npy_and_csv_load(tmp_path):
    save_file({"X": X, "y": Y}, str(tmp_path / "d.safetensors"))
    x, y = load_data_file(tmp_path / "d.safetensors")
    assert torch.equal(x, X) and torch.equal(y, Y)
    np.save(tmp_path / "d.npy", X.numpy())
    assert torch.equal(load_data_file(tmp_path / "d.npy")[0], X)
    (tmp_path / "d.csv").write_text("a,b,label\n0,1,0\n2,3,1\n4,5.5,2\n")
    x, y = load_data_file(tmp_path / "d.csv")
    assert x.tolist() == [[0, 1], [2, 3], [4, 5.5]] and y.tolist() == [0, 1, 2]


def test_object_arrays_are_refused_in_npy(tmp_path):
    np.save(tmp_path / "o.npy", np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    with pytest.raises(DataFileError, match="object arrays are refused"):
        load_data_file(tmp_path / "o.npy")


@pytest.mark.parametrize(
    "payload, message",
    [
        ({"inputs": X, "labels": Y}, "needs keys 'X' and 'y'"),
        ({"X": X, "y": Y[:4]}, "X has 6 samples but y has 4"),
        ({"X": torch.arange(6.0), "y": Y}, r"X has shape \(6,\)"),
        ({"X": X, "y": torch.ones(6, dtype=torch.bool)}, "dtype torch.bool"),
        ([X, Y, Y], "two tensors"),
        ({"X": X, "y": -Y}, "class labels and must be 0 or more"),
    ],
)
def test_wrong_shapes_and_dtypes_are_one_sentence(tmp_path, payload, message):
    torch.save(payload, tmp_path / "bad.pt")
    with pytest.raises(DataFileError, match=message):
        load_data_file(tmp_path / "bad.pt")


def test_a_loaded_file_becomes_a_dataset_with_a_held_out_split(tmp_path):
    torch.save({"X": X, "y": Y}, tmp_path / "d.pt")
    data = load_dataset(DataSpec(str(tmp_path / "d.pt"), eval_fraction=0.5))
    assert data.task == "classification" and data.classes == 2
    assert len(data) == 3 and len(data.X_eval) == 3
