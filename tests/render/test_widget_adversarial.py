"""The map widget under attack: what-ifs that fail, changes from the page, hostile text.

``w.defeated``, ``w.result`` and ``w.status`` (what the page draws) must always tell the
same what-if, whether the change comes from Python or from the page (``set_state``, as
ipywidgets applies a message from the browser), and whether or not it can be run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hostile_map import HOSTILE, hostile_map
from render_fixtures import needs_engine

import argmap
from argmap import ArgumentMap

pytest.importorskip("anywidget", reason="anywidget is not installed (test extra)")
pytestmark = needs_engine


def explosive() -> ArgumentMap:
    """One stage extension as it stands; 2**11 once ``x`` is defeated (too many to list)."""
    m = ArgumentMap(title="Explosive")
    m.objection("X.", id="x")
    for i in range(11):
        m.claim("A.", id=f"a{i}")
        m.claim("B.", id=f"b{i}")
        m.relate("x", f"a{i}", "objects")
        m.relate("x", f"b{i}", "objects")
        m.relate(f"a{i}", f"b{i}", "contradicts")
    return m


def in_step(w) -> None:
    assert sorted(w.defeated) == sorted(w.result.defeated) == sorted(w.status["defeated"])
    assert w.status["labels"] == w.result.after


class TestFailingWhatIf:
    def test_from_python_raises_and_keeps_the_what_if_that_stands(self):
        w = argmap.widget(explosive(), semantics="stage")
        w.defeated = ["a0"]
        in_step(w)
        with pytest.raises(argmap.TooManyExtensionsError):
            w.defeated = ["a0", "x"]
        assert w.defeated == ["a0"]
        in_step(w)
        assert "cannot run this what-if" in w.status["error"]
        w.defeated = ["a1"]  # the next what-if that runs clears the error
        in_step(w)
        assert "error" not in w.status

    def test_from_the_page_reverts_and_says_why(self):
        w = argmap.widget(explosive(), semantics="stage")
        w.set_state({"defeated": ["x"]})  # no caller to raise to
        assert w.defeated == []
        in_step(w)
        assert "more than 1000 stage extensions" in w.status["error"]

    def test_unknown_id_from_the_page(self):
        w = argmap.widget(explosive(), semantics="stage")
        w.defeated = ["a2"]
        with pytest.raises(argmap.UnknownIdError):
            w.set_state({"defeated": ["nope"]})
        assert w.defeated == ["a2"]
        in_step(w)
        assert "nope" in w.status["error"]

    def test_unknown_id_from_python(self):
        w = argmap.widget(explosive())
        with pytest.raises(argmap.UnknownIdError, match="did you mean"):
            w.defeated = ["a20"]
        assert w.defeated == []
        in_step(w)

    def test_order_kept_and_duplicates_dropped(self):
        w = argmap.widget(explosive())
        w.defeated = ["b1", "a1", "b1"]
        assert w.defeated == ["b1", "a1"]
        in_step(w)
        w.defeated = ["a1", "b1"]  # the same what-if in another order
        in_step(w)


class TestMaps:
    def test_hostile_text_stays_text(self):
        m = hostile_map()
        w = argmap.widget(m)
        root = ET.fromstring(w.svg)
        for e in root.iter():
            tag = e.tag.rsplit("}", 1)[-1]
            assert tag not in ("script", "foreignObject", "iframe", "object", "embed", "image")
            for name, value in e.attrib.items():
                name = name.rsplit("}", 1)[-1].lower()
                assert not name.startswith("on"), (tag, name)
                if name == "href":
                    assert not value.strip().lower().startswith("javascript"), value
        texts = [s["text"] for s in w.data["statements"]]
        assert HOSTILE["script"] in texts  # kept as data; the script writes it as text
        w.defeated = [m.statements()[1].id]
        in_step(w)

    def test_no_theses(self):
        m = ArgumentMap()
        o = m.objection("O.", id="o")
        m.rebuttal("R.", id="r", against=o)
        w = argmap.widget(m)
        assert w.status["theses"] == []
        w.defeated = ["r"]
        assert w.status["labels"] == {"o": "in", "r": "out"} and w.status["theses"] == []
        assert w.status["newly_unanswered"] == ["o"]

    def test_no_statements(self):
        w = argmap.widget(ArgumentMap())
        assert w.status["labels"] == {} and w.status["theses"] == []
        with pytest.raises(argmap.UnknownIdError):
            w.defeated = ["x"]
        with pytest.raises(argmap.UnknownIdError):
            w.selected = "x"
        assert w.defeated == [] and w.selected is None
