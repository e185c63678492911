"""argmap.batch: inputs, rows, failures, tables, worker processes (no Dask here)."""

from __future__ import annotations

import json
import os
import sys

import pytest

from argmap import ArgmapError, ArgumentMap, dump
from argmap.corpus import COLUMNS, BatchError, BatchResult, batch, expand, run_one
from batch_tasks import GOOD, strip_time


@pytest.fixture
def corpus_dir(tmp_path):
    """Three good maps (one in a subfolder), one broken, one not a map, one other file."""
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "a.yaml").write_text(GOOD.format(title="A"), encoding="utf-8")
    (d / "sub" / "b.yaml").write_text(GOOD.format(title="Bee"), encoding="utf-8")
    m = ArgumentMap(title="C")
    m.objection("Lone objection.", id="o", against=m.claim("Claim.", id="c"))
    dump(m, d / "c.json")
    (d / "broken.yaml").write_text("argmap: 1\nstatements: [oops\n", encoding="utf-8")
    (d / "notes.md").write_text("not a map", encoding="utf-8")  # not walked: unknown suffix
    (d / ".hidden.yaml").write_text(GOOD.format(title="H"), encoding="utf-8")
    return d


class TestExpand:
    def test_directory_is_walked_for_map_suffixes(self, corpus_dir):
        names = [os.path.relpath(p, corpus_dir) for p in expand([corpus_dir])]
        assert names == ["a.yaml", "broken.yaml", "c.json", os.path.join("sub", "b.yaml")]

    def test_glob_and_duplicates(self, corpus_dir):
        files = expand([str(corpus_dir / "**" / "*.yaml"), str(corpus_dir / "a.yaml")])
        assert [os.path.basename(f) for f in files] == ["a.yaml", "broken.yaml", "b.yaml"]

    def test_glob_matching_nothing(self, tmp_path):
        with pytest.raises(BatchError, match=r"'.*\*\.aif' matches no file"):
            batch([str(tmp_path / "*.aif")])

    def test_missing_file(self, tmp_path):
        with pytest.raises(BatchError, match="no such file or directory"):
            batch([str(tmp_path / "nope.yaml")])

    def test_unreadable_directory_is_a_row(self, corpus_dir, monkeypatch):
        from argmap import corpus

        locked = corpus_dir / "locked"
        locked.mkdir()
        (locked / "x.yaml").write_text(GOOD.format(title="X"), encoding="utf-8")
        locked.chmod(0)
        real = corpus._scandir

        def scandir(path):  # root reads any directory: refuse this one as a user's OS would
            if os.path.samefile(path, locked):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(corpus, "_scandir", scandir)
        try:
            result = batch([corpus_dir], "check", progress=False)
        finally:
            locked.chmod(0o755)
        row = result[-1]
        assert row["path"] == str(locked) and not row["ok"]
        assert "cannot read directory" in row["error"] and "Permission denied" in row["error"]
        assert result.failed == 2  # the broken map and the directory

    def test_unknown_format_named_directly(self, corpus_dir):
        result = batch([corpus_dir / "notes.md"], "check", progress=False)
        (row,) = result
        assert not row["ok"] and row["error"].startswith("FormatError:")
        assert "notes.md" in row["error"]


class TestRows:
    def test_check_rows(self, corpus_dir):
        result = batch([corpus_dir], "check", progress=False)
        assert [set(r) for r in result] == [set(COLUMNS)] * 4
        a, broken, c, b = result
        assert a["ok"] and a["format"] == "yaml" and a["task"] == "check"
        assert (a["statements"], a["claims"], a["objections"], a["rebuttals"]) == (7, 3, 3, 1)
        assert (a["theses"], a["thesis_ids"], a["unanswered"]) == (2, "t;t2", 2)
        assert json.loads(a["unanswered_by_thesis"]) == {"t": 1, "t2": 1}
        assert a["problems"] == 0 and a["grounded_in"] is None and a["seconds"] >= 0
        assert c["format"] == "json" and c["unanswered"] == 1 and b["statements"] == 7
        assert not broken["ok"] and broken["statements"] is None
        assert broken["error"].startswith(("FormatError:", "MapValidationError:"))
        assert "broken.yaml" in broken["error"] and result.failed == 1
        assert repr(result) == "BatchResult(4 rows, 1 failed)"

    def test_analyze_adds_grounded_counts(self, corpus_dir):
        (row,) = batch([corpus_dir / "a.yaml"], progress=False)
        assert row["task"] == "analyze"
        assert row["grounded_in"] + row["grounded_out"] + row["grounded_undec"] == 7

    def test_function_task_adds_columns(self, corpus_dir):
        from batch_tasks import title_length

        result = batch([corpus_dir / "a.yaml", corpus_dir / "sub"], title_length, progress=False)
        assert [r["title_length"] for r in result] == [1, 3]
        assert result.columns[-1] == "title_length" and result[0]["task"] == "title_length"

    def test_convert(self, corpus_dir, tmp_path):
        out = tmp_path / "out"
        result = batch([corpus_dir / "a.yaml", corpus_dir / "sub"], "convert", to="json",
                       out_dir=out, progress=False)
        assert [r["output"] for r in result] == [str(out / "a.json"), str(out / "sub" / "b.json")]
        assert all(r["ok"] for r in result)
        assert json.loads((out / "sub" / "b.json").read_text())["title"] == "Bee"
        with pytest.raises(BatchError, match="target format"):
            batch([corpus_dir / "a.yaml"], "convert")

    def test_solve(self, tmp_path):
        (tmp_path / "x.i23").write_text("p af 3\n1 2\n2 3\n", encoding="utf-8")
        (tmp_path / "y.apx").write_text("arg(a).\narg(b).\natt(a,b).\natt(b,a).\n")
        (tmp_path / "z.i23").write_text("p af 2\n1 5\n", encoding="utf-8")
        x, y, z = batch([tmp_path], "solve", problem="SE-GR", progress=False)
        assert (x["arguments"], x["attacks"], x["answer"], x["extension_size"]) == (3, 2, "2", 2)
        assert y["format"] == "apx" and y["answer"] == "0"
        assert not z["ok"] and "line 2" in z["error"]
        (y2,) = batch([tmp_path / "y.apx"], "solve", problem="DC-PR", argument="a",
                      progress=False)
        assert y2["answer"] == "YES" and y2["problem"] == "DC-PR"
        (c,) = batch([tmp_path / "y.apx"], "solve", problem="CE-ST", progress=False)
        assert c["answer"] == "2"
        with pytest.raises(BatchError, match="needs a query argument"):
            batch([tmp_path], "solve", problem="DS-PR")
        with pytest.raises(BatchError, match="unsupported problem 'XX'"):
            batch([tmp_path], "solve", problem="XX")
        with pytest.raises(ArgmapError, match="unknown semantics"):
            batch([tmp_path], "solve", problem="SE-NOPE")

    def test_run_one_catches_everything(self, tmp_path):
        def boom(m):
            raise RuntimeError("custom task failed")

        p = tmp_path / "m.yaml"
        p.write_text(GOOD.format(title="T"), encoding="utf-8")
        row = run_one(str(p), boom)
        assert not row["ok"] and row["error"] == "RuntimeError: custom task failed"
        assert row["format"] == "yaml" and row["statements"] is None

    def test_options_checked_before_work(self, corpus_dir):
        with pytest.raises(BatchError, match="unknown task 'nope'"):
            batch([corpus_dir], "nope")
        with pytest.raises(BatchError, match="jobs must be"):
            batch([corpus_dir], jobs=0)

    def test_progress_bar_when_asked(self, corpus_dir, capsys):
        batch([corpus_dir], "check", progress=True)
        assert "4/4" in capsys.readouterr().err

    def test_no_progress_bar_off_a_terminal(self, corpus_dir, capsys):
        batch([corpus_dir], "check")
        assert capsys.readouterr().err == ""


class TestTable:
    def test_csv_and_jsonl(self, corpus_dir, tmp_path):
        import csv

        result = batch([corpus_dir], "check", progress=False)
        rows = list(csv.DictReader(result.write(tmp_path / "t.csv").open(encoding="utf-8")))
        assert [r["path"] for r in rows] == [r["path"] for r in result]
        assert rows[0]["statements"] == "7" and rows[1]["statements"] == ""
        lines = (tmp_path / "t.jsonl").write_text("") or result.write(tmp_path / "t.jsonl")
        back = [json.loads(x) for x in lines.read_text(encoding="utf-8").splitlines()]
        assert back == result.rows
        with pytest.raises(BatchError, match=r"unknown suffix '\.xlsx'"):
            result.write(tmp_path / "t.xlsx")

    def test_pandas_and_parquet(self, corpus_dir, tmp_path):
        pd = pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
        result = batch([corpus_dir], "check", progress=False)
        frame = result.to_pandas()
        assert list(frame.columns) == list(COLUMNS) and len(frame) == 4
        assert str(frame["statements"].dtype) == "Int64" and frame["ok"].sum() == 3
        back = pd.read_parquet(result.write(tmp_path / "t.parquet"))
        assert back["path"].tolist() == frame["path"].tolist()
        assert back["unanswered"].tolist()[:1] == [2] and pd.isna(back["unanswered"][1])

    def test_missing_extras_are_named(self, corpus_dir, tmp_path, monkeypatch):
        result = batch([corpus_dir / "a.yaml"], "check", progress=False)
        monkeypatch.setitem(sys.modules, "pandas", None)
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        with pytest.raises(BatchError, match=r"pip install 'argmap\[pandas\]'"):
            result.to_pandas()
        with pytest.raises(BatchError, match=r"pip install 'argmap\[parquet\]'"):
            result.write(tmp_path / "t.parquet")

    def test_dask_extra_is_named(self, corpus_dir, monkeypatch):
        monkeypatch.setitem(sys.modules, "distributed", None)
        with pytest.raises(BatchError, match=r"pip install 'argmap\[dask\]'"):
            batch([corpus_dir], dask="tcp://127.0.0.1:8786")

    def test_result_is_a_sequence(self):
        r = BatchResult([{"ok": True}, {"ok": False}])
        assert len(r) == 2 and r[1] == {"ok": False} and r.failed == 1


class TestWorkerProcesses:
    """``jobs=2``: spawned worker processes; rows equal the serial run's."""

    def test_same_rows_as_serial(self, corpus_dir):
        serial = batch([corpus_dir], "analyze", progress=False)
        parallel = batch([corpus_dir], "analyze", jobs=2, progress=False)
        assert strip_time(parallel) == strip_time(serial)

    def test_a_dying_worker_is_retried_or_reported(self, corpus_dir, tmp_path):
        from batch_tasks import die_on_marked_maps

        marker = tmp_path / "died-once"
        for name, title in (("once.yaml", f"'die-once:{marker}'"), ("always.yaml", "die-always")):
            (corpus_dir / name).write_text(GOOD.format(title=title), encoding="utf-8")
        result = batch([corpus_dir], die_on_marked_maps, jobs=2, progress=False)
        assert marker.exists()  # a worker died on it once
        by_name = {os.path.basename(r["path"]): r for r in result}
        assert len(by_name) == 6 and by_name["once.yaml"]["ok"]
        always = by_name["always.yaml"]
        assert not always["ok"] and always["error"].startswith("WorkerDied:")
        assert "exit 4" in always["error"]
        # every other row as in a serial run (the marker now exists: nothing dies)
        (corpus_dir / "always.yaml").unlink()
        serial = batch([corpus_dir], die_on_marked_maps, progress=False)
        rest = [r for r in result if not r["path"].endswith("always.yaml")]
        assert strip_time(rest) == strip_time(serial)


class TestWorkerStartUp:
    def test_an_unpicklable_task_is_refused_before_work(self, corpus_dir):
        with pytest.raises(BatchError, match="cannot be pickled"):
            batch([corpus_dir], lambda m: {}, jobs=2)

    def test_a_script_without_main_guard_gets_a_clear_error(self, corpus_dir, tmp_path):
        import subprocess

        script = tmp_path / "script.py"
        script.write_text(
            "import sys\nfrom argmap import batch\n"
            f"batch([{str(corpus_dir)!r}], 'check', jobs=2, progress=False)\n",
            encoding="utf-8",
        )
        proc = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=120
        )
        assert proc.returncode != 0
        assert "before it was ready" in proc.stderr and "__main__" in proc.stderr


def test_the_shared_aif_corpus(corpus):
    """Every AIF file of the shared corpus gets a row, and each of them reads."""
    folder = corpus / "aif"
    if not folder.is_dir():
        pytest.skip(f"no AIF folder in {corpus}")
    files = sorted(folder.glob("*.json"))
    result = batch([folder], "analyze", progress=False)
    assert [r["path"] for r in result] == [str(f) for f in files]
    assert all(r["ok"] and r["statements"] > 0 for r in result), [r["error"] for r in result]
