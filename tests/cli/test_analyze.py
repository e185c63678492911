"""Tests for ``argmap analyze`` and ``argmap export-af``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.formats.iccma import read_af

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "nato_japan.yaml"

MAP = """\
argmap: 1
title: Sugar
actors: [{id: bo, name: Bo Beebe}]
statements:
  - {id: tax, kind: claim, text: Tax sugar.}
  - {id: regressive, kind: objection, text: It hurts the poor., by: bo, against: tax}
  - {id: revenue, kind: rebuttal, text: Revenue funds health care., against: regressive}
  - {id: lobby, kind: objection, text: Industry will fight it., by: bo, against: tax}
  - {id: study, kind: evidence, text: A study., supports: tax}
"""


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text(MAP, encoding="utf-8")
    return p


class TestAnalyze:
    def test_text(self, path, capsys):
        assert main(["analyze", str(path)]) == 0
        out = capsys.readouterr().out
        assert "Analysis of 'Sugar'" in out
        assert "grounded: 3 in, 2 out, 0 undec" in out
        assert "Bo Beebe" in out and "df-quad" in out

    def test_json(self, path, capsys):
        assert main(["analyze", str(path), "--format", "json", "--semantics", "grounded"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["file"] == str(path)
        assert data["semantics"] == ["grounded"]
        assert {s["id"]: s["status"]["grounded"] for s in data["statements"]} == {
            "tax": "out",
            "regressive": "out",
            "revenue": "in",
            "lobby": "in",
            "study": "in",
        }
        bo = data["actors"][0]
        assert (bo["name"], bo["objections"], bo["objections_unanswered"]) == ("Bo Beebe", 2, 1)

    def test_support_and_strength_options(self, path, capsys):
        argv = ["analyze", str(path), "--format", "json", "--support", "deductive"]
        assert main([*argv, "--strength", "euler"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["support"] == "deductive" and data["strength"]["method"] == "euler"
        study = next(s for s in data["statements"] if s["id"] == "study")
        assert study["status"]["grounded"] == "out"  # lobby attacks tax, which study supports
        assert main([*argv, "--strength", "none"]) == 0
        assert json.loads(capsys.readouterr().out)["strength"] is None

    def test_explain(self, path, capsys):
        assert main(["analyze", str(path), "--explain", "tax", "--explain", "revenue"]) == 0
        out = capsys.readouterr().out
        assert "tax (claim) is OUT under grounded semantics" in out
        assert "revenue (rebuttal) is IN under grounded semantics: nothing attacks it." in out
        assert main(["analyze", str(path), "--format", "json", "--explain", "tax"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["explanations"][0]["reason"] == "defeated"

    @pytest.mark.parametrize(
        "argv, message",
        [
            (["--semantics", "grounded,bogus"], "unknown semantics 'bogus'"),
            (["--explain", "nope"], "no statement 'nope'"),
            (["--semantics", ","], "give at least one semantics (of grounded, complete,"),
        ],
    )
    def test_bad_options_exit_2(self, path, capsys, argv, message):
        assert main(["analyze", str(path), *argv]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and message in err

    def test_argparse_choices(self, path, capsys):
        with pytest.raises(SystemExit) as exc:
            main(["analyze", str(path), "--support", "strong"])
        assert exc.value.code == 2
        assert "invalid choice" in capsys.readouterr().err

    def test_missing_file(self, tmp_path, capsys):
        assert main(["analyze", str(tmp_path / "none.yaml")]) == 2
        assert "error:" in capsys.readouterr().err

    def test_bad_map_names_the_line(self, tmp_path, capsys):
        p = tmp_path / "bad.yaml"
        p.write_text("argmap: 1\nstatements:\n  - {id: a, kind: claim}\n", encoding="utf-8")
        assert main(["analyze", str(p)]) == 2
        err = capsys.readouterr().err
        assert "error:" in err and "line 3" in err

    def test_article(self, capsys):
        if not EXAMPLE.exists():
            pytest.skip("examples/nato_japan.yaml is not there")
        assert main(["analyze", str(EXAMPLE)]) == 0
        assert "George Beebe" in capsys.readouterr().out


class TestExportAf:
    def test_i23_with_id_comments(self, path, tmp_path, capsys):
        out = tmp_path / "m.i23"
        assert main(["export-af", str(path), "-o", str(out)]) == 0
        lines = out.read_text().splitlines()
        assert lines[0] == "p af 5"
        assert lines[1:6] == ["# 1 tax", "# 2 regressive", "# 3 revenue", "# 4 lobby", "# 5 study"]
        assert sorted(read_af(out).attacks()) == [("2", "1"), ("3", "2"), ("4", "1")]
        assert "5 arguments, 3 attacks (i23, support ignored)" in capsys.readouterr().err

    def test_concessions_are_left_out_and_said_so(self, path, tmp_path, capsys):
        m = argmap.load(path)
        m.relate("tax", "regressive", "concedes")
        m.relate("study", "lobby", "concedes")
        conceding = tmp_path / "conceding.yaml"
        argmap.dump(m, conceding)
        for src, out in ((path, tmp_path / "a.i23"), (conceding, tmp_path / "b.i23")):
            assert main(["export-af", str(src), "-o", str(out)]) == 0
        assert (tmp_path / "a.i23").read_text() == (tmp_path / "b.i23").read_text()
        err = capsys.readouterr().err
        assert "5 arguments, 3 attacks (i23, support ignored); 2 concessions left out" in err

    def test_apx_and_support(self, path, tmp_path):
        out = tmp_path / "m.apx"
        assert main(["export-af", str(path), "-o", str(out), "--support", "deductive"]) == 0
        attacks = set(read_af(out).attacks())
        assert {("lobby", "study"), ("regressive", "study")} <= attacks

    def test_format_option_wins_over_suffix(self, path, tmp_path):
        out = tmp_path / "m.txt"
        assert main(["export-af", str(path), "-o", str(out), "--format", "tgf"]) == 0
        assert read_af(out, "tgf").num_arguments == 5

    def test_numbered_tgf_has_a_sidecar(self, path, tmp_path):
        out = tmp_path / "m.tgf"
        assert main(["export-af", str(path), "-o", str(out), "--numbered"]) == 0
        assert list(read_af(out).names) == ["1", "2", "3", "4", "5"]
        sidecar = (tmp_path / "m.tgf.names.tsv").read_text().splitlines()
        assert sidecar[0] == "1\ttax" and len(sidecar) == 5

    def test_numbered_apx_has_comments(self, path, tmp_path):
        out = tmp_path / "m.apx"
        assert main(["export-af", str(path), "-o", str(out), "--numbered"]) == 0
        text = out.read_text()
        assert text.startswith("% a1 tax\n") and "arg(a5)." in text

    def test_unknown_suffix_exits_2(self, path, tmp_path, capsys):
        assert main(["export-af", str(path), "-o", str(tmp_path / "m.txt")]) == 2
        assert "cannot tell the framework format" in capsys.readouterr().err

    def test_missing_folder_exits_2(self, path, tmp_path, capsys):
        assert main(["export-af", str(path), "-o", str(tmp_path / "no" / "m.i23")]) == 2
        assert "error:" in capsys.readouterr().err


def test_docs_show_the_current_analysis(capsys):
    """The analysis guide's block is the real output for the article's map."""
    page = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    start = "```console\n$ argmap analyze examples/nato_japan.yaml\n"
    assert start in page, "docs/analysis.md lost its analysis of the article"
    shown = page.split(start, 1)[1].split("```", 1)[0]
    assert main(["analyze", str(EXAMPLE)]) == 0
    actual = capsys.readouterr().out.replace(str(EXAMPLE), "examples/nato_japan.yaml")
    assert shown.rstrip("\n") == actual.rstrip("\n"), (
        "docs/analysis.md is out of date: paste the output of `argmap analyze "
        "examples/nato_japan.yaml` into it"
    )
