"""``argmap render``: formats by extension, options, stdout, and errors without tracebacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.render import engines

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "nato_japan.yaml"

MAP = """\
argmap: 1
title: Lunch
actors: [{id: ann, name: Ann, affiliation: Uni}]
statements:
  - {id: t, kind: claim, text: We should eat out.}
  - {id: o, kind: objection, text: It costs too much., by: ann, against: t}
  - {id: o2, kind: objection, text: It is far., against: t}
  - {id: r, kind: rebuttal, text: The canteen is cheap., against: o}
"""

HAS_ENGINE = shutil.which("dot") is not None or engines._locate("graphviz-pure") is not None
needs_engine = pytest.mark.skipif(not HAS_ENGINE, reason="no layout engine (dot or graphviz-pure)")


@pytest.fixture
def src(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text(MAP, encoding="utf-8")
    return str(p)


class TestRender:
    def test_dot_by_extension_with_options(self, src, tmp_path, capsys):
        out = tmp_path / "m.gv"
        args = ["render", src, "-o", str(out), "--highlight", "unanswered", "--legend"]
        assert main(args + ["--direction", "LR", "--quotes", "--ids", "--edge-labels"]) == 0
        text = out.read_text(encoding="utf-8")
        assert text.startswith("digraph argmap {") and "rankdir=LR" in text
        assert "UNANSWERED" in text and "_legend" in text and "xlabel=objects" in text
        assert f"wrote {out}" in capsys.readouterr().err

    def test_mermaid_to_stdout(self, src, capsys):
        assert main(["render", src, "-o", "-", "--format", "mermaid"]) == 0
        assert "flowchart BT" in capsys.readouterr().out

    def test_color_group_focus(self, src, tmp_path):
        out = tmp_path / "m.dot"
        args = ["render", src, "-o", str(out), "--color-by", "actor", "--group-by", "actor"]
        assert main(args + ["--focus", "o", "--depth", "1", "--no-title", "--wrap", "0"]) == 0
        text = out.read_text(encoding="utf-8")
        assert "cluster_actor_0" in text and "It is far" not in text and "<B>Lunch" not in text

    def test_focus_reports_the_statements_drawn(self, src, tmp_path, capsys):
        out = tmp_path / "m.dot"
        assert main(["render", src, "-o", str(out), "--focus", "r", "--depth", "1"]) == 0
        assert "(dot, 2 of 4 statements)" in capsys.readouterr().err  # r and o
        assert main(["render", src, "-o", str(out)]) == 0
        assert "(dot, 4 statements)" in capsys.readouterr().err

    def test_highlight_ids(self, src, tmp_path):
        out = tmp_path / "m.dot"
        assert main(["render", src, "-o", str(out), "--highlight-ids", "r", "t"]) == 0
        assert out.read_text().count("argmap-highlighted") == 2

    @needs_engine
    def test_svg(self, src, tmp_path):
        out = tmp_path / "m.svg"
        assert main(["render", src, "-o", str(out), "--highlight", "unanswered"]) == 0
        assert "<svg" in out.read_text(encoding="utf-8")

    def test_fast_flag(self, src, tmp_path):
        out = tmp_path / "m.gv"
        assert main(["render", src, "-o", str(out), "--fast"]) == 0
        assert "splines=line" in out.read_text(encoding="utf-8")
        assert main(["render", src, "-o", str(out), "--no-fast"]) == 0
        assert "splines=line" not in out.read_text(encoding="utf-8")
        assert main(["render", src, "-o", str(tmp_path / "m.mmd"), "--fast"]) == 0

    @needs_engine
    def test_fast_svg(self, src, tmp_path):
        out = tmp_path / "m.svg"
        assert main(["render", src, "-o", str(out), "--fast", "--highlight", "unanswered"]) == 0
        text = out.read_text(encoding="utf-8")
        assert "<svg" in text and "UNANSWERED" in text

    @needs_engine
    def test_png_with_format_flag(self, src, tmp_path):
        out = tmp_path / "picture"
        assert main(["render", src, "-o", str(out), "--format", "png"]) == 0
        assert out.read_bytes().startswith(b"\x89PNG")


class TestErrors:
    @pytest.mark.parametrize(
        ("extra", "message"),
        [
            (["-o", "m.txt"], "names no output format"),
            (["-o", "-"], "needs --format"),
            (["-o", "m.dot", "--focus", "nope"], "unknown statement 'nope'"),
            (["-o", "m.dot", "--direction", "sideways"], "unknown direction 'sideways'"),
            (["-o", "m.dot", "--depth", "2"], "depth needs focus"),
            (["-o", "m.dot", "--highlight", "unanswered", "--highlight-ids", "t"], "not both"),
            (["-o", "nofolder/m.dot"], "folder does not exist"),
        ],
    )
    def test_error_exit_2(self, src, tmp_path, monkeypatch, capsys, extra, message):
        monkeypatch.chdir(tmp_path)
        assert main(["render", src, *extra]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and message in err and "Traceback" not in err

    def test_missing_input(self, tmp_path, capsys):
        assert main(["render", str(tmp_path / "none.yaml"), "-o", str(tmp_path / "m.svg")]) == 2
        assert "no such file" in capsys.readouterr().err

    def test_no_engine_names_both_fixes(self, src, tmp_path, monkeypatch, capsys):
        monkeypatch.setenv("PATH", "")
        monkeypatch.setattr(engines, "_scripts_dirs", lambda: [])
        target = tmp_path / "m.svg"
        target.write_text("keep me")
        assert main(["render", src, "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert "apt-get install graphviz" in err and "pip install graphviz-pure" in err
        assert target.read_text() == "keep me"

    def test_pdf_with_graphviz_pure(self, src, tmp_path, capsys):
        code = main(["render", src, "-o", str(tmp_path / "m.pdf"), "--engine", "graphviz-pure"])
        assert code == 2 and "cannot write 'pdf'" in capsys.readouterr().err

    def test_bad_choice_is_usage_error(self, src, capsys):
        with pytest.raises(SystemExit) as exc:
            main(["render", src, "-o", "x.svg", "--color-by", "mood"])
        assert exc.value.code == 2


@needs_engine
def test_readme_main_job(tmp_path):
    """The README's set-up command renders the article's map."""
    if not EXAMPLE.exists():
        pytest.skip("examples/nato_japan.yaml is not there yet")
    out = tmp_path / "nato_japan.svg"
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(EXAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "<svg" in out.read_text(encoding="utf-8")
