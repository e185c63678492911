"""Layout engines: finding dot or graphviz-pure, running them, and the errors when they fail."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from render_fixtures import needs_dot, needs_engine, needs_graphviz_pure

from argmap import ExecutableNotFoundError
from argmap.errors import OptionError, RenderError
from argmap.render import engines
from argmap.render.engines import Engine, EngineWarning, find_engine, run_engine

DOT = 'digraph { a [label="A"]; a -> b }'


def fake_engine(folder: Path, name: str, body: str) -> Path:
    """An executable shell script standing in for a layout engine."""
    path = folder / name
    path.write_text("#!/bin/sh\nPATH=/usr/bin:/bin\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def no_engines(monkeypatch, tmp_path):
    """Neither dot nor graphviz-pure can be found: empty PATH, no scripts folder."""
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(engines, "_scripts_dirs", lambda: [])


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="shell-script fake engines")


class TestFindEngine:
    def test_none_installed_names_both_fixes(self, no_engines):
        with pytest.raises(ExecutableNotFoundError) as err:
            find_engine()
        msg = str(err.value)
        assert "apt-get install graphviz" in msg and "`dot` is on PATH" in msg
        assert "pip install graphviz-pure" in msg
        assert isinstance(err.value, RuntimeError)

    def test_none_installed_run_engine(self, no_engines):
        with pytest.raises(ExecutableNotFoundError, match="graphviz-pure"):
            run_engine(DOT, "svg")

    def test_named_engine_missing(self, no_engines):
        with pytest.raises(ExecutableNotFoundError, match="install Graphviz"):
            find_engine("dot")
        with pytest.raises(ExecutableNotFoundError, match="pip install graphviz-pure"):
            find_engine("graphviz-pure")

    def test_pdf_without_dot_asks_for_graphviz(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "graphviz-pure", "cat")
        monkeypatch.setenv("PATH", str(tmp_path))
        assert find_engine(format="svg").name == "graphviz-pure"
        with pytest.raises(ExecutableNotFoundError, match="PDF output needs Graphviz"):
            find_engine(format="pdf")

    def test_pdf_with_graphviz_pure_named(self):
        with pytest.raises(OptionError, match="cannot write 'pdf'"):
            find_engine("graphviz-pure", format="pdf")

    def test_unknown_engine_and_format(self):
        with pytest.raises(OptionError, match=r"\['dot', 'graphviz-pure'\]"):
            find_engine("neato")
        with pytest.raises(OptionError, match="no layout engine writes 'bmp'"):
            find_engine(format="bmp")

    def test_dot_preferred(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "dot", "cat")
        fake_engine(tmp_path, "graphviz-pure", "cat")
        monkeypatch.setenv("PATH", str(tmp_path))
        assert find_engine() == Engine("dot", str(tmp_path / "dot"))

    def test_graphviz_pure_found_beside_the_interpreter(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "graphviz-pure", "cat")
        monkeypatch.setattr(engines, "_scripts_dirs", lambda: [tmp_path])
        eng = find_engine()
        assert eng.name == "graphviz-pure" and eng.formats == {"svg", "png"}

    @needs_graphviz_pure
    def test_real_graphviz_pure_without_path(self, monkeypatch):
        monkeypatch.setenv("PATH", "")
        assert find_engine().name == "graphviz-pure"


class TestRunEngine:
    def test_failure_carries_the_engine_message(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "dot", "echo 'Error: syntax error in line 1' >&2; exit 1")
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(RenderError, match=r"dot -Tsvg failed \(exit 1\): Error: syntax"):
            run_engine(DOT, "svg")

    def test_empty_output_is_a_failure(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "dot", "cat >/dev/null")
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(RenderError, match="failed"):
            run_engine(DOT, "svg")

    def test_flags_and_stdin(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "dot", 'echo "$@"; cat')
        monkeypatch.setenv("PATH", str(tmp_path))
        out = run_engine(DOT, "png").decode()
        assert out.startswith("-Tpng\n") and DOT in out

    def test_warnings_surface_benign_ones_do_not(self, no_engines, tmp_path, monkeypatch):
        fake_engine(
            tmp_path,
            "dot",
            "cat; echo 'Warning: no hard-coded metrics for x' >&2; echo 'Warning: odd' >&2",
        )
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.warns(EngineWarning, match="Warning: odd") as caught:
            run_engine(DOT, "svg")
        assert all("hard-coded" not in str(w.message) for w in caught)

    def test_warning_is_public(self):
        import argmap
        import argmap.render

        assert argmap.EngineWarning is argmap.render.EngineWarning is EngineWarning

    def test_warning_not_prefixed_twice(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "dot", "cat; echo 'dot: graph is too large. Scaling by 0.5' >&2")
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.warns(EngineWarning) as caught:
            run_engine(DOT, "png")
        assert [str(w.message) for w in caught] == ["dot: graph is too large. Scaling by 0.5"]

    def test_timeout(self, no_engines, tmp_path, monkeypatch):
        fake_engine(tmp_path, "dot", "sleep 5")
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(RenderError, match="did not finish within 0.3 s"):
            run_engine(DOT, "svg", timeout=0.3)

    def test_unrunnable(self, tmp_path):
        with pytest.raises(RenderError, match="cannot run"):
            run_engine(DOT, "svg", engine=Engine("dot", str(tmp_path / "missing")))


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("dot", marks=needs_dot),
        pytest.param("graphviz-pure", marks=needs_graphviz_pure),
    ],
)
class TestRealEngines:
    def test_svg(self, name):
        out = run_engine(DOT, "svg", engine=name).decode()
        assert "<svg" in out and ">A</text>" in out

    def test_png(self, name):
        assert run_engine(DOT, "png", engine=name).startswith(b"\x89PNG\r\n\x1a\n")

    def test_syntax_error(self, name):
        with pytest.raises(RenderError, match=name):
            run_engine("digraph { a -> }", "svg", engine=name)


@needs_dot
def test_dot_writes_pdf():
    assert run_engine(DOT, "pdf", engine="dot").startswith(b"%PDF")


@needs_engine
def test_default_engine_runs():
    assert b"<svg" in run_engine(DOT, "svg")


def test_environment_untouched():
    assert "PATH" in os.environ
