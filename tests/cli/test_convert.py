"""Tests for ``argmap convert`` and ``argmap formats`` (argmap.cli.convert)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.cli.convert import convert, format_table

ROOT = Path(__file__).resolve().parents[2]

NATIVE = """\
argmap: 1
title: Lunch
actors: [{id: ann, name: Ann}]
statements:
  - {id: t, kind: claim, text: We should eat out.}
  - {id: o, kind: objection, text: It costs too much., by: ann, against: t}
  - {id: r, kind: rebuttal, text: The canteen is cheap., against: o}
"""

KIALO = """\
Discussion Title: Lunch

1. We should eat out.
1.1. Con: It costs too much.
1.1.1. Con: The canteen is cheap.
"""


@pytest.fixture
def write(tmp_path):
    def write(text, name):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return str(p)

    return write


class TestConvertFunction:
    def test_native_to_argdown_and_back(self, write, tmp_path):
        src = write(NATIVE, "m.yaml")
        out = tmp_path / "m.argdown"
        result = convert(src, str(out))
        assert (result.source_format, result.target_format) == ("yaml", "argdown")
        assert (result.statements, result.relations) == (3, 2)
        assert result.warnings == ()
        assert argmap.load(out) == argmap.load(src)

    def test_exporter_losses_are_returned(self, write, tmp_path):
        result = convert(write(NATIVE, "m.yaml"), str(tmp_path / "m.kialo.txt"))
        (msg,) = result.warnings
        assert msg.startswith(str(tmp_path / "m.kialo.txt") + ": Kialo cannot hold")
        assert "1 actors" in msg and "'by' of 1" in msg

    def test_importer_losses_are_returned(self, write, tmp_path):
        src = write("[t]: T.\n  _ [u]: U.\n", "m.argdown")
        result = convert(src, str(tmp_path / "m.yaml"))
        assert len(result.warnings) == 1 and result.warnings[0].startswith(f"{src}: line 2:")

    def test_format_names_override_extensions(self, write, tmp_path):
        src = write(KIALO, "discussion.dat")
        out = tmp_path / "out.dat"
        result = convert(src, str(out), from_format="kialo", to_format="json")
        assert result.target_format == "json"
        assert json.loads(out.read_text())["title"] == "Lunch"

    def test_stdin_and_stdout(self, monkeypatch, capsys):
        monkeypatch.setattr(sys, "stdin", io.StringIO(KIALO))
        convert("-", "-", from_format="kialo", to_format="argdown")
        out = capsys.readouterr().out
        assert out.startswith('===\ntitle: "Lunch"\n===') and "[1.1]: It costs too much." in out

    def test_stdin_needs_a_format(self):
        with pytest.raises(argmap.FormatError, match="--from"):
            convert("-", "x.yaml")

    def test_stdout_needs_a_format(self, write):
        with pytest.raises(argmap.FormatError, match="--to"):
            convert(write(NATIVE, "m.yaml"), "-")


class TestConvertCommand:
    def test_success_exits_0_and_reports_on_stderr(self, write, tmp_path, capsys):
        out = tmp_path / "m.kialo.txt"
        assert main(["convert", write(NATIVE, "m.yaml"), str(out)]) == 0
        err = capsys.readouterr().err
        assert "warning: " in err and "Kialo cannot hold" in err
        assert "(yaml) -> " in err and "3 statements, 2 relations" in err
        assert out.read_text() == (
            "Discussion Title: Lunch\n\n1. We should eat out.\n1.1. Con: It costs too much.\n"
            "1.1.1. Con: The canteen is cheap.\n"
        )

    def test_kialo_to_argdown_to_kialo_is_lossless(self, write, tmp_path, capsys):
        src = write(KIALO, "d.txt")
        mid, back = tmp_path / "d.argdown", tmp_path / "back.kialo.txt"
        assert main(["convert", src, str(mid)]) == 0
        assert main(["convert", str(mid), str(back)]) == 0
        assert back.read_text() == KIALO
        assert "warning" not in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("args", "words"),
        [
            (["missing.yaml", "out.argdown"], "no such file"),
            (["{src}", "out.unknown"], "cannot tell the format"),
            (["{src}", "out.yaml", "--to", "nope"], "unknown format 'nope'"),
            (["{bad}", "out.yaml"], "line 2: relation '+' has no parent"),
        ],
    )
    def test_unusable_input_exits_2(self, write, tmp_path, capsys, monkeypatch, args, words):
        monkeypatch.chdir(tmp_path)
        src = write(NATIVE, "m.yaml")
        bad = write("[a]: A.\n+ [b]: B.\n", "bad.argdown")
        argv = [a.format(src=src, bad=bad) for a in args]
        assert main(["convert", *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and words in err
        assert "Traceback" not in err

    def test_export_the_format_cannot_hold_exits_2(self, write, tmp_path, capsys):
        two_roots = "argmap: 1\nstatements:\n  - {id: a, kind: claim, text: A.}\n" + (
            "  - {id: b, kind: claim, text: B.}\n"
        )
        out = tmp_path / "x.kialo.txt"
        assert main(["convert", write(two_roots, "m.yaml"), str(out)]) == 2
        assert "one thesis" in capsys.readouterr().err
        assert not out.exists()

    def test_python_m_argmap(self, write, tmp_path):
        out = tmp_path / "m.json"
        proc = subprocess.run(
            [sys.executable, "-m", "argmap", "convert", write(KIALO, "d.kialo.txt"), str(out)],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(out.read_text())["statements"][0]["text"] == "We should eat out."


class TestFormats:
    def test_table_lists_ours(self):
        rows = {r["name"]: r for r in format_table()}
        assert rows["argdown"]["extensions"] == [".argdown", ".ad"]
        assert rows["kialo"]["read"] and rows["kialo"]["write"]
        assert ".kialo.txt" in rows["kialo"]["extensions"]

    def test_text_output(self, capsys):
        assert main(["formats"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].split() == ["FORMAT", "EXTENSIONS", "READ", "WRITE", "DESCRIPTION"]
        kialo = next(ln for ln in lines if ln.startswith("kialo "))
        assert ".kialo.txt" in kialo and " yes " in kialo

    def test_json_output(self, capsys):
        assert main(["formats", "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert {"yaml", "json", "argdown", "kialo"} <= {r["name"] for r in rows}
