"""The stored-zip writer: an ordinary zip, every CRC right, the tensors' bytes as they are."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
import zlib

import pytest
import torch

from explorer.io import zip_stored
from explorer.io.checkpoints import safetensors_bytes, safetensors_parts
from explorer.io.project import Project, load_project, save_project
from explorer.io.project_archive import PROJECT_ENTRY, WEIGHTS_ENTRY
from explorer.io.zip_stored import write_stored_zip
from tests.io.helpers import tied_sequential


def _members():
    g = torch.Generator().manual_seed(3)
    state = {"a.weight": torch.randn(5, 7, generator=g), "b": torch.arange(9, dtype=torch.int64)}
    return state, [
        ("project.json", [b'{"x": 1}\n']),
        ("empty", []),
        ("naïve/ünïcode.bin", [b"abc", bytearray(b"def"), memoryview(b"ghi")]),
        (WEIGHTS_ENTRY, safetensors_parts(state)),
    ]


def _check(data: bytes, members) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None  # every member's CRC-32 checked
        assert z.namelist() == [n for n, _ in members]
        for name, chunks in members:
            info = z.getinfo(name)
            assert info.compress_type == zipfile.ZIP_STORED
            want = b"".join(bytes(c) for c in chunks)
            assert z.read(name) == want and info.CRC == zlib.crc32(want)


def test_the_archive_reads_back_with_zipfile_crcs_checked():
    state, members = _members()
    buf = io.BytesIO()
    write_stored_zip(buf, members)
    _check(buf.getvalue(), members)
    # the weights member is exactly what safetensors itself writes, so any tool opens it
    with zipfile.ZipFile(buf) as z:
        from safetensors.torch import load

        back = load(z.read(WEIGHTS_ENTRY))
    assert back.keys() == state.keys() and all(torch.equal(back[k], state[k]) for k in state)
    assert len(safetensors_bytes(state)) == len(b"".join(bytes(p) for p in members[3][1]))


def test_zip64_fields_are_right_when_sizes_and_offsets_pass_the_limit(monkeypatch):
    """The zip64 layout (sizes, offsets, end records) read back by zipfile, forced on
    small data by lowering the limit (a 2 GiB member is too slow for a unit test)."""
    monkeypatch.setattr(zip_stored, "ZIP64_LIMIT", 8)
    _, members = _members()
    buf = io.BytesIO()
    write_stored_zip(buf, members)
    _check(buf.getvalue(), members)
    assert b"PK\x06\x06" in buf.getvalue()  # the zip64 end record is there


@pytest.mark.skipif(shutil.which("unzip") is None, reason="no unzip on this machine")
def test_unzip_tests_a_written_project_clean(tmp_path):
    net = tied_sequential()
    path = tmp_path / "p.nnx"
    save_project(Project(build_spec(), "t", weights=net.state_dict()), path)
    out = subprocess.run(["unzip", "-t", str(path)], capture_output=True, text=True)
    assert out.returncode == 0 and "No errors detected" in out.stdout


def build_spec():
    from explorer.io.state_dict_import import infer_spec

    return infer_spec(tied_sequential().state_dict()).spec


def test_a_project_written_this_way_loads_bit_for_bit(tmp_path):
    net = tied_sequential()
    path = tmp_path / "p.nnx"
    save_project(Project(build_spec(), "t", weights=net.state_dict()), path)
    with zipfile.ZipFile(path) as z:
        assert z.namelist() == [PROJECT_ENTRY, WEIGHTS_ENTRY] and z.testzip() is None
    back = load_project(path).weights
    assert back.keys() == net.state_dict().keys()
    assert all(torch.equal(back[k], v) for k, v in net.state_dict().items())
    assert back["2.weight"] is back["4.weight"]  # the tie survives


def test_a_failed_write_raises_and_leaves_no_crc_thread_behind():
    import threading

    class Full(io.BytesIO):
        def write(self, b):
            if len(b) > 100:
                raise OSError(28, "No space left on device")
            return super().write(b)

    _, members = _members()
    members.append(("big", [bytes(1000)]))
    with pytest.raises(OSError, match="No space"):
        write_stored_zip(Full(), members)
    assert not [t for t in threading.enumerate() if t.name == "zip-crc"]


@pytest.mark.parametrize(("la", "lb"), [(0, 0), (1, 0), (0, 5), (7, 13), (1000, 4096), (3, 70001)])
def test_crc32_combine_equals_the_crc_of_the_concatenation(la, lb):
    g = torch.Generator().manual_seed(la * 7 + lb)
    a = torch.randint(0, 256, (la,), dtype=torch.uint8, generator=g).numpy().tobytes()
    b = torch.randint(0, 256, (lb,), dtype=torch.uint8, generator=g).numpy().tobytes()
    assert zip_stored.crc32_combine(zlib.crc32(a), zlib.crc32(b), lb) == zlib.crc32(a + b)


def test_a_known_crc_is_written_as_given_and_a_wrong_one_is_caught_on_reading():
    data = bytes(range(200))
    good, bad = io.BytesIO(), io.BytesIO()
    write_stored_zip(good, [("m", [b"head", zip_stored.Known(data, zlib.crc32(data))])])
    write_stored_zip(bad, [("m", [b"head", zip_stored.Known(data, zlib.crc32(data) ^ 1)])])
    with zipfile.ZipFile(good) as z:
        assert z.read("m") == b"head" + data and z.testzip() is None
    with zipfile.ZipFile(bad) as z, pytest.raises(zipfile.BadZipFile, match="Bad CRC-32"):
        z.read("m")
