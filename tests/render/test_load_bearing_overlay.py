"""``highlight="load-bearing"``: the statements and relations a thesis rests on, marked."""

from __future__ import annotations

import pytest
from render_fixtures import needs_engine

from argmap import ArgumentMap, OptionError
from argmap.render import to_graphviz, to_mermaid
from argmap.render.style import LOAD_BEARING


@pytest.fixture
def tax() -> ArgumentMap:
    m = ArgumentMap(title="Sugar")
    c = m.claim("Tax sugar.", id="tax")
    o = m.objection("It hurts the poor.", id="regressive", against=c)
    m.rebuttal("Revenue funds health care.", id="revenue", against=o)
    m.evidence("A study.", id="study", supports=c)
    return m


def _node_line(source: str, sid: str) -> str:
    return next(line for line in source.splitlines() if line.strip().startswith(f"{sid} ["))


def test_marks_statements_and_relations(tax):
    src = to_graphviz(tax, highlight="load-bearing", legend=True).source
    revenue = _node_line(src, "revenue")
    assert "argmap-load-bearing" in revenue and LOAD_BEARING["color"] in revenue
    assert "LOAD-BEARING for tax" in revenue and LOAD_BEARING["badge"] in revenue
    for other in ("tax", "regressive", "study"):
        assert "argmap-load-bearing" not in _node_line(src, other)
    edge = next(line for line in src.splitlines() if "revenue -> regressive" in line)
    assert "argmap-load-bearing" in edge
    assert "load-bearing: a thesis rests on it" in src


def test_nothing_marked_without_the_option(tax):
    assert "load-bearing" not in to_graphviz(tax, legend=True).source


def test_mermaid_marks_them(tax):
    text = to_mermaid(tax, highlight="load-bearing")
    assert text.count("highlighted") == 2  # the classDef and revenue


def test_unknown_highlight_names_it(tax):
    with pytest.raises(OptionError, match="'load-bearing'"):
        to_graphviz(tax, highlight="load_bearing")


@needs_engine
def test_svg_carries_the_class(tax):
    import html

    from argmap.render import render_svg

    svg = html.unescape(render_svg(tax, highlight="load-bearing"))
    assert 'id="s-revenue" class="node argmap-statement argmap-rebuttal argmap-load-bearing"' in svg
