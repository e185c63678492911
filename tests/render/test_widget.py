"""The map widget, from Python: traits, what-if on defeat, bad input, its assets as package data.

The browser side is tested in ``test_widget_browser.py`` (JupyterLab and Chromium).
"""

from __future__ import annotations

import sys
import tomllib
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

import pytest
from render_fixtures import needs_engine

import argmap
from argmap import ArgumentMap, MissingExtraError, UnknownIdError
from argmap.render import widget as widget_module

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ("widget.js", "widget.css")


@pytest.fixture
def tax() -> ArgumentMap:
    m = ArgumentMap(title="Sugar")
    m.actor("bo", "Bo", affiliation="Industry")
    c = m.claim("Tax sugar.", id="tax", tags=["thesis"])
    o = m.objection("It hurts the poor.", id="regressive", against=c, by="bo", quote="hurts")
    m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    m.evidence("A study.", id="study", supports=c)
    return m


class TestAssets:
    def test_files_exist(self):
        for name in ASSETS:
            assert resources.files("argmap.render").joinpath(name).is_file()

    def test_declared_as_package_data(self):
        config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        patterns = config["tool"]["setuptools"]["package-data"]["argmap"]
        for name in ASSETS:
            assert any(fnmatch(f"render/{name}", p) for p in patterns), name

    def test_script_loads_nothing_from_the_network(self):
        js = (widget_module.ASSETS / "widget.js").read_text(encoding="utf-8")
        css = (widget_module.ASSETS / "widget.css").read_text(encoding="utf-8")
        for text in (js, css):
            assert "http://" not in text.replace("http://www.w3.org", "")
            assert "https://" not in text and "@import" not in text
        assert "import " not in js.split("export default")[0].replace("// ", "")
        assert "innerHTML" in js and js.count("innerHTML") == 1  # the SVG, argmap's own

    @pytest.mark.slow
    def test_wheel_carries_them(self, tmp_path):
        """Build a wheel from a copy of the project (no network) and look inside."""
        import shutil
        import subprocess
        import zipfile

        pytest.importorskip("setuptools")
        pytest.importorskip("wheel", reason="wheel is not installed (test extra)")
        src = tmp_path / "project"
        shutil.copytree(ROOT / "src", src / "src", ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy(ROOT / name, src / name)
        dist = tmp_path / "dist"
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
             "--no-index", "-q", "-w", str(dist), str(src)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        (wheel,) = dist.glob("argmap-*.whl")
        names = zipfile.ZipFile(wheel).namelist()
        for name in ASSETS:
            assert f"argmap/render/{name}" in names


@needs_engine
class TestWidget:
    def test_traits(self, tax):
        w = argmap.widget(tax)
        assert isinstance(w, argmap.MapWidget)
        assert "<svg" in w.svg and 'id="s-tax"' in w.svg.replace("&#45;", "-")
        ids = [s["id"] for s in w.data["statements"]]
        assert ids == ["tax", "regressive", "revenue", "study"]
        assert w.data["colors"]["in"]
        assert w.selected is None and w.defeated == []
        assert w.status["labels"]["tax"] == "in" and w.status["unanswered"] == []
        assert w.status["theses"] == [
            {"id": "tax", "before": "in", "after": "in", "verdict": "stands"}
        ]
        assert w.map is tax and w.result.changes == ()

    def test_explore_is_widget(self, tax):
        w = tax.explore(semantics="preferred", direction="LR")
        assert w.status["semantics"] == "preferred"

    def test_defeat_recolours(self, tax):
        w = argmap.widget(tax)
        w.defeated = ["revenue"]
        assert w.status["labels"] == {"tax": "out", "regressive": "in", "revenue": "out",
                                      "study": "in"}  # fmt: skip
        assert w.status["unanswered"] == ["regressive"]
        assert w.status["newly_unanswered"] == ["regressive"]
        assert w.status["changed"] == ["tax", "regressive", "revenue"]
        assert w.status["theses"][0]["verdict"] == "falls"
        assert w.status["objections"]["regressive"] == {"answered": False,
                                                        "reason": "answers-defeated"}  # fmt: skip
        assert w.result.fallen == ["tax"]
        w.defeated = []
        assert w.status["labels"]["tax"] == "in" and w.result.changes == ()
        assert len(tax) == 4  # the map is untouched

    def test_defeat_a_relation_from_python(self, tax):
        w = argmap.widget(tax)
        w.defeated = ["revenue>rebuts>regressive"]
        assert w.status["labels"]["revenue"] == "in" and w.status["labels"]["tax"] == "out"

    def test_selected(self, tax):
        w = argmap.widget(tax)
        w.selected = "regressive"
        assert w.selected == "regressive"
        w.selected = None
        with pytest.raises(UnknownIdError, match="did you mean 'revenue'"):
            w.selected = "revenu"

    def test_bad_defeat(self, tax):
        w = argmap.widget(tax)
        with pytest.raises(UnknownIdError, match="cannot defeat 'nope'"):
            w.defeated = ["nope"]
        assert w.defeated == []
        w.defeated = ["revenue", "revenue"]
        assert w.defeated == ["revenue"]

    def test_bad_options(self, tax):
        with pytest.raises(argmap.UnknownSemanticsError):
            argmap.widget(tax, semantics="nonsense")
        with pytest.raises(argmap.OptionError):
            argmap.widget(tax, direction="sideways")
        with pytest.raises(argmap.OptionError, match="height"):
            argmap.widget(tax, height=5)

    def test_empty_map(self):
        w = argmap.widget(ArgumentMap())
        assert w.svg == "" and w.data["statements"] == []


class TestNotAMap:
    @pytest.mark.parametrize("thing", ["map.yaml", Path("map.yaml"), None, {"argmap": 1}])
    def test_clear_error(self, thing):
        with pytest.raises(widget_module.NotAMapError, match="needs an ArgumentMap") as info:
            argmap.widget(thing)
        assert isinstance(info.value, argmap.ArgmapError) and isinstance(info.value, TypeError)

    def test_names_the_fix_for_a_path(self):
        with pytest.raises(argmap.ArgmapError, match=r"argmap.load\(path\)"):
            argmap.widget("map.yaml")


def test_missing_anywidget(monkeypatch, tax):
    monkeypatch.setattr(widget_module, "_CLASS", None)
    monkeypatch.setitem(sys.modules, "anywidget", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'argmap\[widget\]'"):
        argmap.widget(tax)
