"""Every hostile input of issue 17 ends in exit 2 and exactly one line, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile

import numpy as np
import pytest

from explorer.cli import run_cli
from tests.io.hostile import (
    PROJECT,
    WEIGHTS,
    deep_blocks,
    deep_list_pt,
    good_project_dict,
    patch_member,
    project_bytes,
    write_zip,
)


def cli(capsys, *args):
    try:
        code = run_cli([*map(str, args)])
    except SystemExit as e:
        code = e.code
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_one_line(code, err, *words):
    assert code == 2, err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    for w in words:
        assert w in err, err


def write_json(tmp_path, d, name="p.nnx.json"):
    path = tmp_path / name
    path.write_text(json.dumps(d) if not isinstance(d, str) else d, encoding="utf-8")
    return path


def with_layer(**layer) -> dict:
    d = good_project_dict()
    d["layers"] = [layer]
    return d


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda: deep_blocks(1000), ["nested"]),
        (lambda: '{"format_version": 1, "layers": ' + "[" * 20000 + "]" * 20000 + "}", ["nested"]),
        (
            lambda: '{"format_version": 1, "layers": [{"type": "Linear", "args": '
            '{"in_features": 2, "out_features": ' + "9" * 5000 + "}}]}",
            ["digits"],
        ),
        (lambda: with_layer(type="Linear", args={"in_features": 2, "out_features": 1e30}), ["at most"]),
        (
            lambda: {**good_project_dict(), "input_shape": [1] * 100},
            ["dimensions"],
        ),
        (lambda: with_layer(type=["Linear"]), ["'type' must be a string"]),
        (lambda: with_layer(type="ReLU", name="\ud800x"), ["surrogate"]),
        (lambda: {**good_project_dict(), "title": "\udfff"}, ["surrogate"]),
        (lambda: with_layer(type="ReLU", id=["x"]), ["id"]),
        (lambda: {**good_project_dict(), "dtype": ["float32"]}, ["dtype"]),
    ],
    ids=[
        "blocks-1000-deep",
        "list-20000-deep",
        "5000-digit-int",
        "out_features-1e30",
        "100-dim-input",
        "type-is-a-list",
        "surrogate-name",
        "surrogate-title",
        "id-is-a-list",
        "dtype-is-a-list",
    ],
)
@pytest.mark.parametrize("command", ["summary", "export-code"])
def test_hostile_project_json_is_one_line(tmp_path, capsys, make, words, command):
    d = make()
    path = tmp_path / "p.nnx.json"
    if isinstance(d, str):
        path.write_text(d)
    else:
        path.write_text(json.dumps(d), encoding="utf-8", errors="surrogatepass")
    code, out, err = cli(capsys, command, path)
    assert_one_line(code, err, *words)
    assert out == ""


def test_export_code_of_the_deepest_allowed_nesting_compiles(tmp_path, capsys):
    path = write_json(tmp_path, deep_blocks(63))
    code, out, err = cli(capsys, "export-code", path)
    assert code == 0, err
    compile(out, "model.py", "exec")
    code, _, err = cli(capsys, "export-code", write_json(tmp_path, deep_blocks(300), "d.nnx.json"))
    assert_one_line(code, err, "nested more than")


def test_layers_without_ids_get_distinct_128_bit_ids(tmp_path):
    from explorer.io.project import load_project

    d = good_project_dict()
    d["layers"] = [{"type": "ReLU"} for _ in range(20000)] + [{"type": "ReLU", "id": "c66bcc64"}]
    project = load_project(write_json(tmp_path, d))
    ids = [n.id for _, n in project.spec.walk()]
    assert len(set(ids)) == len(ids) == 20001
    assert all(len(i) == 32 for i in ids[:-1])


@pytest.mark.parametrize(
    "build, words",
    [
        (lambda p: patch_member(write_zip(p, [(PROJECT, project_bytes())]), PROJECT, method=99),
         ["compression method 99"]),
        (lambda p: patch_member(write_zip(p, [(PROJECT, project_bytes())]), PROJECT, flags=1),
         ["encrypted"]),
        (lambda p: write_zip(p, [(PROJECT, project_bytes()), (PROJECT, project_bytes())]),
         ["twice"]),
        (lambda p: patch_member(
            write_zip(p, [(PROJECT, project_bytes()), (WEIGHTS, b"x" * 100)]), WEIGHTS, method=99),
         ["compression method 99"]),
    ],
    ids=["method-99", "encrypted", "duplicate-project-json", "weights-method-99"],
)
def test_hostile_archives_are_one_line(tmp_path, capsys, build, words):
    path = build(tmp_path / "a.nnx")
    code, _, err = cli(capsys, "init", path, "--scheme", "zeros", "--seed", "0", "-o",
                       tmp_path / "o.pt")
    assert_one_line(code, err, *words)
    assert not (tmp_path / "o.pt").exists()


def test_a_header_that_lies_about_its_size_cannot_make_the_reader_read_more(tmp_path):
    from explorer.core.errors import SpecError
    from explorer.io.project import load_project

    path = write_zip(tmp_path / "a.nnx", [(PROJECT, project_bytes())])
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(PROJECT)
    data = bytearray(path.read_bytes())
    import struct

    # Shrink the declared size (both headers): the reader stops there and JSON is cut.
    struct.pack_into("<I", data, info.header_offset + 22, 10)
    pos = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, pos + 24, 10)
    path.write_bytes(bytes(data))
    with pytest.raises(SpecError):
        load_project(path)


def test_data_from_a_fifo_or_a_device_is_named_as_such(tmp_path, capsys):
    proj = write_json(tmp_path, good_project_dict())
    fifo = tmp_path / "d.npy"
    os.mkfifo(fifo)
    code, _, err = cli(capsys, "train", proj, "--data", fifo, "--steps", "1")
    assert_one_line(code, err, "pipe")
    assert "no such file" not in err
    code, _, err = cli(capsys, "train", proj, "--data", "/dev/zero", "--steps", "1")
    assert_one_line(code, err, "device")


def npy_with_header(path, shape, dtype="<f4", data=b""):
    from numpy.lib import format as npy

    with open(path, "wb") as f:
        npy.write_array_header_1_0(f, {"descr": dtype, "fortran_order": False, "shape": shape})
        f.write(data)
    return path


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda p: npy_with_header(p, (2**22, 2**22, 2**2)), ["header promises"]),
        (lambda p: np.save(p, np.array([["a", "b"], ["c", "d"]])) or p, ["numbers"]),
        (lambda p: np.save(p, np.zeros(4, dtype=[("a", "f4"), ("b", "i4")])) or p, ["numbers"]),
        (lambda p: (p.write_bytes(b"\x93NUMPY garbage"), p)[1], ["not a readable .npy"]),
    ],
    ids=["72-TiB-header", "str-array", "structured-array", "bad-header"],
)
def test_hostile_npy_files_are_one_line_without_the_object_note(tmp_path, capsys, make, words):
    proj = write_json(tmp_path, good_project_dict())
    data = make(tmp_path / "d.npy")
    code, _, err = cli(capsys, "train", proj, "--data", data, "--steps", "1")
    assert_one_line(code, err, *words)
    assert "object arrays" not in err


def test_inspect_of_a_list_nested_20000_deep_is_one_line(tmp_path, capsys):
    path = deep_list_pt(tmp_path / "deep.pt", 20000)
    code, out, err = cli(capsys, "inspect", path)
    assert code in (0, 2), err
    if code == 2:
        assert_one_line(code, err)
    assert "Traceback" not in err


def test_a_model_bigger_than_the_machine_is_refused_with_both_sizes(tmp_path, capsys):
    from explorer.core.memory import machine_memory

    out_features = min(2**31 - 1, machine_memory() // (1024 * 4) + 1)
    d = with_layer(type="Linear", args={"in_features": 1024, "out_features": out_features})
    d["input_shape"] = [2, 1024]
    proj = write_json(tmp_path, d)
    for args in (("train", proj, "--steps", "1"),
                 ("init", proj, "--scheme", "zeros", "--seed", "0", "-o", tmp_path / "w.pt")):
        code, out, err = cli(capsys, *args)
        assert_one_line(code, err, "this model needs", "GB; this machine has")
        assert "step" not in out


def test_a_dataset_bigger_than_the_machine_is_refused(tmp_path, capsys):
    d = with_layer(type="Linear", args={"in_features": 100_000, "out_features": 1})
    d["input_shape"] = [2, 100_000]
    proj = write_json(tmp_path, d)
    code, _, err = cli(capsys, "train", proj, "--samples", "10000000", "--steps", "1")
    assert_one_line(code, err, "samples needs", "this machine has")


def test_torch_allocation_failures_read_as_needs_and_has():
    from explorer.core.memory import as_memory_error

    e = RuntimeError(
        "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: "
        "you tried to allocate 40000000000 bytes."
    )
    message = str(as_memory_error(e))
    assert message.startswith("this model needs 40.0 GB; this machine has ")
    assert as_memory_error(RuntimeError("mat1 and mat2 shapes cannot be multiplied")) is None


def test_ctrl_c_during_train_is_one_line_and_writes_nothing(tmp_path):
    proj = write_json(tmp_path, good_project_dict())
    out = tmp_path / "w.pt"
    out.write_bytes(b"old weights")
    child = subprocess.Popen(
        [sys.executable, "-m", "explorer", "train", str(proj), "--steps", "100000000",
         "--every", "1", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert child.stdout.readline().startswith("step")  # training has begun
        time.sleep(0.3)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 2
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "stopped at step" in err and "nothing written" in err
    assert out.read_bytes() == b"old weights"
