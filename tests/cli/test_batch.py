"""``argmap batch``: tables written or printed, exit status 0/1/2, no tracebacks."""

from __future__ import annotations

import json

import pytest

from argmap.cli import main
from batch_tasks import GOOD


@pytest.fixture
def maps(tmp_path):
    d = tmp_path / "maps"
    d.mkdir()
    (d / "a.yaml").write_text(GOOD.format(title="A"), encoding="utf-8")
    (d / "b.yaml").write_text(GOOD.format(title="B"), encoding="utf-8")
    return d


def test_all_good_exits_0_with_jsonl_on_stdout(maps, capsys):
    assert main(["batch", "check", str(maps)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["unanswered"] for r in rows] == [2, 2] and all(r["ok"] for r in rows)
    assert "2 files, 0 failed" in err


def test_a_bad_file_exits_1_and_is_in_the_table(maps, tmp_path, capsys):
    (maps / "bad.yaml").write_text("argmap: 1\nstatements: [oops\n", encoding="utf-8")
    out = tmp_path / "t.csv"
    assert main(["batch", "analyze", str(maps), "--out", str(out), "--jobs", "2"]) == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith("path,task,format,ok,error,") and len(text.splitlines()) == 4
    err = capsys.readouterr().err
    assert "3 files, 1 failed" in err and f"wrote {out}" in err
    assert "failed: " in err and "bad.yaml" in err and "Traceback" not in err


def test_usage_errors_exit_2(maps, tmp_path, capsys):
    assert main(["batch", "check", str(tmp_path / "*.none")]) == 2
    assert "matches no file" in capsys.readouterr().err
    assert main(["batch", "check", str(maps), "--out", str(tmp_path / "t.xlsx")]) == 2
    assert "unknown suffix '.xlsx'" in capsys.readouterr().err
    assert main(["batch", "convert", str(maps)]) == 2
    assert "target format" in capsys.readouterr().err


def test_convert_and_solve(maps, tmp_path, capsys):
    out_dir = tmp_path / "json"
    assert main(["batch", "convert", str(maps), "--to", "json", "--out-dir", str(out_dir)]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.json", "b.json"]
    (tmp_path / "af.i23").write_text("p af 2\n1 2\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["batch", "solve", str(tmp_path / "af.i23"), "-p", "DC-GR", "-a", "1"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["answer"] == "YES" and row["arguments"] == 2


def test_unreachable_dask_exits_2(maps, capsys):
    pytest.importorskip("distributed")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = ["batch", "check", str(maps), "--dask", f"127.0.0.1:{port}", "--dask-timeout", "1"]
    assert main(args) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
