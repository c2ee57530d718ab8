"""Loading .pt files never runs code; broken files give one line; CUDA files open on CPU."""

from __future__ import annotations

from unittest import mock

import pytest
import torch

from explorer.io.checkpoints import read_state_file
from explorer.io.safe_load import BrokenFileError, UnsafeFileError, torch_load
from tests.io.helpers import book_sequential


class Payload:
    """Unpickling this would create ``marker`` (the classic malicious-checkpoint trick)."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_pickle_that_would_create_a_file_is_refused_with_its_globals_and_runs_nothing(
    tmp_path,
):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    torch.save({"weight": torch.ones(2), "x": Payload(marker)}, path)
    with pytest.raises(UnsafeFileError) as info:
        torch_load(path)
    assert not marker.exists()
    assert "open" in ", ".join(info.value.globals)
    assert "refused" in str(info.value) and "\x1b" not in str(info.value)


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (bytes(range(256)) * 4, "unknown format"),
        (
            b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12345\n",
            "Git LFS pointer",
        ),
        (b'{"layers": []}', "text file"),
    ],
    ids=["empty", "random", "lfs", "json"],
)
def test_broken_files_give_a_one_line_reason(tmp_path, content, reason):
    path = _write(tmp_path / "bad.pt", content)
    with pytest.raises(BrokenFileError) as info:
        torch_load(path)
    assert reason in str(info.value) and "\n" not in str(info.value)


def test_a_truncated_checkpoint_says_so(tmp_path):
    full = tmp_path / "full.pt"
    torch.save(book_sequential().state_dict(), full)
    cut = _write(tmp_path / "cut.pt", full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(BrokenFileError, match="truncated or corrupted"):
        torch_load(cut)


def test_a_checkpoint_saved_on_cuda_opens_on_the_cpu_and_says_where_it_came_from(tmp_path):
    net = book_sequential()
    path = tmp_path / "gpu.pt"
    # torch.save records each storage's location tag; claim cuda:0 as a GPU save would.
    with mock.patch("torch.serialization.location_tag", lambda storage: "cuda:0"):
        torch.save(net.state_dict(), path)
    if not torch.cuda.is_available():
        with pytest.raises(RuntimeError, match="CUDA"):
            torch.load(path, weights_only=True)  # plain PyTorch without map_location fails
    loaded = read_state_file(path, "cpu")
    assert set(loaded.origins.values()) == {"cuda:0"}
    assert all(t.device.type == "cpu" for t in loaded.state.values())
    assert all(torch.equal(loaded.state[k], v) for k, v in net.state_dict().items())
