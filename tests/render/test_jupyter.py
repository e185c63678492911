"""Notebook display: maps as SVG (or text when no engine exists), analysis results as tables."""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, ExecutableNotFoundError
from argmap.render import engines
from argmap.render.jupyter import (
    DEFAULT_MIME_TYPE,
    MIME_TYPES,
    Diagram,
    diagram,
    objections_table,
    repr_mimebundle,
)


def _has_engine() -> bool:
    try:
        engines.find_engine(format="png")
    except ExecutableNotFoundError:
        return False
    return True


needs_engine = pytest.mark.skipif(not _has_engine(), reason="no Graphviz layout engine installed")


@pytest.fixture
def lunch() -> ArgumentMap:
    m = ArgumentMap(title="Lunch")
    m.actor("ann", "Ann", affiliation="Canteen <staff>")
    c = m.claim("We should eat out.", id="eat-out")
    o = m.objection("It costs too much.", id="cost", against=c, by="ann")
    m.rebuttal("The canteen is cheap.", id="cheap", against=o)
    m.objection("It is raining & cold.", id="rain", against=c)
    return m


@pytest.fixture
def no_engine(monkeypatch):
    """A machine with neither dot nor graphviz-pure."""
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(engines, "_locate", lambda name: None)


class TestReprMimebundle:
    def test_nothing_wanted(self, lunch):
        assert repr_mimebundle(lunch, include=[]) == {}

    def test_exclude_overrides_include(self, lunch):
        assert repr_mimebundle(lunch, include=["image/svg+xml"], exclude=["image/svg+xml"]) == {}

    def test_unknown_mime_types_are_ignored(self, lunch):
        assert repr_mimebundle(lunch, include=["application/x-nothing"]) == {}

    def test_table_of_mime_types(self):
        assert DEFAULT_MIME_TYPE in MIME_TYPES
        assert set(MIME_TYPES) == {"image/svg+xml", "image/png"}

    @needs_engine
    def test_svg_by_default(self, lunch):
        bundle = lunch._repr_mimebundle_()
        assert list(bundle) == ["image/svg+xml"]
        svg = bundle["image/svg+xml"]
        assert isinstance(svg, str) and "<svg" in svg
        assert "It costs too much." in svg

    @needs_engine
    def test_png_on_request(self, lunch):
        bundle = lunch._repr_mimebundle_(include=["image/png", "image/svg+xml"])
        assert bundle["image/png"].startswith(b"\x89PNG\r\n\x1a\n")
        assert "<svg" in bundle["image/svg+xml"]

    def test_no_engine_falls_back_to_text(self, lunch, no_engine):
        bundle = lunch._repr_mimebundle_()
        assert list(bundle) == ["text/plain"]
        text = bundle["text/plain"]
        assert text.startswith("<ArgumentMap 'Lunch': 4 statements")
        assert "no diagram" in text and "graphviz-pure" in text  # names the fix

    def test_a_failing_renderer_never_raises(self, lunch, monkeypatch):
        def boom(m, options):
            raise ZeroDivisionError("engine exploded")

        monkeypatch.setitem(MIME_TYPES, "image/svg+xml", boom)
        assert "engine exploded" in lunch._repr_mimebundle_()["text/plain"]

    @needs_engine
    def test_ipython_displays_svg_and_text(self, lunch):
        formatters = pytest.importorskip("IPython.core.formatters")
        data, _ = formatters.DisplayFormatter().format(lunch)
        assert "<svg" in data["image/svg+xml"]
        assert data["text/plain"] == repr(lunch)


class TestDiagram:
    @needs_engine
    def test_options_reach_the_renderer(self, lunch):
        plain = Diagram(lunch)._repr_mimebundle_()["image/svg+xml"]
        marked = diagram(lunch, highlight="unanswered")._repr_mimebundle_()["image/svg+xml"]
        assert "UNANSWERED" in marked and "UNANSWERED" not in plain

    def test_bad_option_shows_as_text(self, lunch):
        bundle = diagram(lunch, color_by="mood")._repr_mimebundle_()
        assert "color_by" in bundle["text/plain"]

    def test_repr(self, lunch):
        assert repr(diagram(lunch, legend=True)) == f"Diagram({lunch!r}, legend=True)"


class TestObjectionsTable:
    def test_empty_map(self):
        t = objections_table(ArgumentMap())
        assert len(t) == 0
        assert t.title == "Objections (0)"

    def test_rows(self, lunch):
        t = objections_table(lunch)
        assert [r["objection"] for r in t] == ["cost", "rain"]
        cost, rain = t.rows
        assert cost["by"] == "Ann, Canteen <staff>"
        assert cost["answered"] is True and cost["answered by"] == ("cheap",)
        assert rain["answered"] is False and rain["why"] == "nothing answers it"
        assert rain["against"] == ("eat-out",)

    def test_unanswered_only(self, lunch):
        t = objections_table(lunch, unanswered_only=True)
        assert [r["objection"] for r in t] == ["rain"]
        assert "answered" not in t.columns
        assert t.title == "Unanswered objections (1)"

    def test_html_is_escaped(self, lunch):
        html = objections_table(lunch).to_html()
        assert "Canteen &lt;staff&gt;" in html and "raining &amp; cold" in html
        assert "<staff>" not in html

    def test_needs_a_map_or_statuses(self):
        with pytest.raises(TypeError):
            objections_table(None)

    def test_statuses_without_map_show_actor_ids(self, lunch):
        t = objections_table(None, statuses=argmap.objection_statuses(lunch))
        assert t.rows[0]["by"] == "ann"


class TestAnalysisResultsDisplayAsTables:
    def test_objection_statuses(self, lunch):
        statuses = argmap.objection_statuses(lunch)
        assert isinstance(statuses, list)
        html = statuses._repr_html_()
        assert html.startswith("<table") and "It costs too much." in html
        assert statuses.table() == objections_table(lunch)

    def test_unanswered_objections(self, lunch):
        unanswered = lunch.unanswered_objections()
        assert unanswered == [lunch.get("rain")]
        assert unanswered.table() == objections_table(lunch, unanswered_only=True)
        assert "nothing answers it" in unanswered._repr_html_()
        assert "nothing answers it" in str(unanswered.table())

    def test_qualifier_column_only_when_the_source_hedges(self, lunch):
        assert "qualifier" not in objections_table(lunch).columns
        lunch.objection("It may snow.", id="snow", against="eat-out", qualifier="may")
        t = objections_table(lunch)
        assert t.columns[-2:] == ("qualifier", "text")
        assert {r["objection"]: r["qualifier"] for r in t.rows}["snow"] == "may"

    def test_still_plain_lists(self, lunch):
        assert argmap.find_unanswered_objections(lunch) == [lunch.get("rain")]
        assert argmap.find_unanswered_objections(ArgumentMap()) == []
