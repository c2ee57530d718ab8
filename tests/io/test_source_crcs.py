"""Importing a ``.pt`` into a ``.nnx`` reuses the CRC-32s its zip holds for the tensors it
copies unchanged: the archive reads back bit for bit with every CRC checked, the CRC is
not computed again, and damage in the source is caught when the archive is read."""

from __future__ import annotations

import struct
import zipfile
import zlib

import pytest
import torch
from torch import nn

from explorer.core.errors import SpecError
from explorer.io import zip_stored
from explorer.io.checkpoints import read_state_file, safetensors_parts
from explorer.io.import_any import import_file
from explorer.io.project import load_project
from explorer.io.source_crcs import mapped_member_crcs


def _net() -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))


def test_the_lookup_gives_each_mapped_tensor_the_crc_of_its_bytes(tmp_path):
    path = tmp_path / "net.pt"
    torch.save(_net().state_dict(), path)
    loaded = read_state_file(path, "cpu", mmap=True)
    crc_of = mapped_member_crcs(path)
    parts = safetensors_parts(loaded.state)[1:]  # the tensors' own memory
    assert [crc_of(p) for p in parts] == [zlib.crc32(p) for p in parts]
    copy = safetensors_parts({k: v.clone() for k, v in loaded.state.items()})[1:]
    assert [crc_of(p) for p in copy] == [None] * len(copy)  # not the file's memory


def test_a_file_saved_without_crcs_gives_none_and_still_makes_a_sound_archive(tmp_path):
    net = _net()
    path = tmp_path / "net.pt"
    torch.serialization.set_crc32_options(False)
    try:
        torch.save(net.state_dict(), path)
    finally:
        torch.serialization.set_crc32_options(True)
    loaded = read_state_file(path, "cpu", mmap=True)
    crc_of = mapped_member_crcs(path)
    assert crc_of is None or all(crc_of(p) is None for p in safetensors_parts(loaded.state)[1:])
    import_file(path, tmp_path / "net.nnx")
    with zipfile.ZipFile(tmp_path / "net.nnx") as z:
        assert z.testzip() is None


def test_an_imported_archive_loads_bit_for_bit_without_computing_the_tensors_crc_again(
    tmp_path, monkeypatch
):
    net = _net()
    path = tmp_path / "net.pt"
    torch.save(net.state_dict(), path)
    hashed = []
    real = zlib.crc32

    def counting(data, value=0):
        hashed.append(memoryview(data).nbytes)
        return real(data, value)

    monkeypatch.setattr(zip_stored.zlib, "crc32", counting)
    result = import_file(path, tmp_path / "net.nnx")
    monkeypatch.undo()
    tensor_bytes = sum(v.numel() * v.element_size() for v in net.state_dict().values())
    assert result.weights_written and sum(hashed) < 4096 < tensor_bytes  # headers only
    with zipfile.ZipFile(tmp_path / "net.nnx") as z:
        assert z.testzip() is None  # every CRC checked against the bytes
    back = load_project(tmp_path / "net.nnx").weights
    assert list(back) == list(net.state_dict())
    assert all(torch.equal(back[k], v) for k, v in net.state_dict().items())


def test_damage_in_the_source_is_caught_when_the_archive_is_read(tmp_path):
    """torch.load(mmap=True) does not check CRCs; the archive keeps the CRC torch.save
    wrote, so a flipped byte in the source is reported instead of blessed."""
    path = tmp_path / "net.pt"
    torch.save(_net().state_dict(), path)
    with zipfile.ZipFile(path) as z:
        info = next(i for i in z.infolist() if i.filename.endswith("data/0"))
    raw = bytearray(path.read_bytes())
    head = info.header_offset
    n, m = struct.unpack("<2H", raw[head + 26 : head + 30])  # the local header's own lengths
    raw[head + 30 + n + m + 5] ^= 0xFF  # one byte of the first tensor
    path.write_bytes(bytes(raw))
    import_file(path, tmp_path / "net.nnx")
    with pytest.raises(SpecError, match="damaged project archive.*CRC"):
        load_project(tmp_path / "net.nnx")
