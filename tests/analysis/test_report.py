"""Tests for argmap.analyze and its report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.analysis.report import AnalysisReport, analyze
from argmap.analysis.semantics import UnknownSemanticsError
from argmap.analysis.status import TooManyExtensionsError
from argmap.analysis.strength import UnknownStrengthError
from argmap.analysis.translate import UnknownSupportError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nato_japan.yaml"


@pytest.fixture
def m():
    m = argmap.ArgumentMap(title="Sugar <tax>")
    m.actor("ann", "Ann & Co")
    m.actor("bo", "Bo")
    c = m.claim("Tax sugar.", id="tax", by="ann")
    o1 = m.objection("It hurts the poor.", id="regressive", against=c, by="bo")
    m.rebuttal("Revenue funds health care.", id="revenue", against=o1, by="ann")
    m.objection("Industry will fight it.", id="lobby", against=c, by="bo")
    m.claim("Prices rise.", id="prices")
    m.claim("Prices fall.", id="fall")
    m.relate("prices", "fall", "contradicts")
    return m


class TestAnalyze:
    def test_empty_map(self):
        r = analyze(argmap.ArgumentMap())
        assert r.statements == () and r.actors == () and r.unanswered == ()
        assert r.credulous_only == ()
        assert "Analysis" in str(r)
        assert json.loads(json.dumps(r.to_dict()))["statements"] == []

    def test_statuses_under_each_semantics(self, m):
        r = analyze(m)
        assert r.semantics == ("grounded", "preferred", "stable")
        assert r.statuses["grounded"] == {
            "tax": "out",
            "regressive": "out",
            "revenue": "in",
            "lobby": "in",
            "prices": "undec",
            "fall": "undec",
        }
        assert r.statuses["preferred"] == r.statuses["grounded"]
        assert r.extension_counts == {"grounded": 1, "preferred": 2, "stable": 2}

    def test_contested_statements(self, m):
        assert analyze(m).credulous_only == ("prices", "fall")

    def test_unanswered_objections(self, m):
        r = analyze(m)
        assert [s.objection.id for s in r.unanswered] == ["lobby"]
        assert [o.id for o in argmap.find_unanswered_objections(m)] == ["lobby"]

    def test_per_actor_summary(self, m):
        r = analyze(m)
        by = {a.actor: a for a in r.actors}
        assert by["bo"].objections == 2
        assert by["bo"].objections_standing == 1  # lobby stands, regressive is rebutted
        assert by["bo"].objections_unanswered == 1
        assert by["ann"].labels == {"in": 1, "out": 1, "undec": 0}
        assert by[None].name == "(no actor)" and by[None].statements == 2

    def test_strength(self, m):
        r = analyze(m, strength="h-categorizer")
        assert r.strength.method == "h-categorizer"
        assert r.strength.scores["revenue"] == 1.0
        assert analyze(m, strength=None).strength is None

    def test_semantics_as_comma_string_and_codes(self, m):
        r = analyze(m, semantics="grounded, ID,semi-stable")
        assert r.semantics == ("grounded", "ideal", "semi-stable")

    def test_support_interpretation(self):
        m = argmap.ArgumentMap()
        c = m.claim("C.", id="c")
        m.evidence("E.", id="e", supports=c)
        m.objection("O.", id="o", against=c)
        assert analyze(m).statuses["grounded"]["e"] == "in"
        r = analyze(m, support="deductive")
        assert r.support == "deductive" and r.statuses["grounded"]["e"] == "out"

    def test_no_stable_extension(self):
        # an odd cycle through an undercut: r1 (o objects x) -> x -> y -> r1
        m = argmap.ArgumentMap()
        m.objection("O.", id="o")
        m.rebuttal("X.", id="x")
        m.objection("Y.", id="y")
        m.relate("o", "x", "objects", id="r1")
        m.relate("x", "y", "rebuts")
        m.relate("y", "r1", "undercuts")
        r = analyze(m, semantics=["grounded", "stable"])
        assert r.extension_counts["stable"] == 0
        assert set(r.statuses["stable"].values()) == {"undec"}
        assert r.statuses["grounded"] == {"o": "in", "x": "undec", "y": "undec"}
        assert "stable: 0 in, 0 out, 3 undec, 0 extensions" in str(r)

    def test_bad_names(self, m):
        with pytest.raises(UnknownSemanticsError):
            analyze(m, semantics=["grounded", "weird"])
        with pytest.raises(UnknownSupportError):
            analyze(m, support="weird")
        with pytest.raises(UnknownStrengthError):
            analyze(m, strength="weird")
        with pytest.raises(ValueError, match="at least one"):
            analyze(m, semantics=[])

    def test_too_many_extensions(self):
        m = argmap.ArgumentMap()
        for i in range(4):
            m.claim("A.", id=f"a{i}")
            m.claim("B.", id=f"b{i}")
            m.relate(f"a{i}", f"b{i}", "contradicts")
        # four independent contradictions: 2 extensions each, 16 in all
        assert analyze(m, max_extensions=2).extension_counts["preferred"] == 16
        m.relate("a0", "a1", "contradicts")  # now one part has 3 preferred extensions
        r = analyze(m, max_extensions=2)  # labelled by acceptance queries, not counted
        assert r.extension_counts["preferred"] is None
        assert r.statuses["preferred"] == analyze(m).statuses["preferred"]
        assert r.credulous_only == analyze(m).credulous_only
        with pytest.raises(TooManyExtensionsError):
            analyze(m, semantics=["semi-stable"], max_extensions=2)


class TestDisplay:
    def test_text(self, m):
        text = str(analyze(m))
        assert "Analysis of 'Sugar <tax>'" in text
        assert "grounded: 2 in, 2 out, 2 undec, 1 extension" in text
        assert "credulously but not sceptically accepted (preferred): prices, fall" in text
        for heading in ("Statements", "Unanswered objections", "Actors"):
            assert heading in text
        assert "Ann & Co" in text

    def test_html_is_escaped(self, m):
        page = analyze(m)._repr_html_()
        assert "Sugar &lt;tax&gt;" in page and "<tax>" not in page
        assert "Ann &amp; Co" in page
        assert page.count("<table") == 3

    def test_to_dict_is_json(self, m):
        d = analyze(m).to_dict()
        assert json.loads(json.dumps(d)) == d
        tax = next(s for s in d["statements"] if s["id"] == "tax")
        assert tax["status"] == {"grounded": "out", "preferred": "out", "stable": "out"}
        # df-quad: regressive 0.5 * (1 - 0.5) = 0.25, lobby 0.5; va = 1 - 0.75 * 0.5
        assert tax["strength"] == pytest.approx(0.5 * (1 - 0.625))
        assert d["unanswered_objections"] == [
            {"id": "lobby", "by": "bo", "reason": "no-answer", "targets": ["tax"]}
        ]
        assert d["actors"][1]["objections_unanswered"] == 1

    def test_qualifier_is_listed_with_its_statement(self, m):
        assert "qualifier" not in str(analyze(m).statements_table())
        m.claim("Taxes may work.", id="may", qualifier="may", concedes="regressive")
        r = analyze(m)
        assert r.qualifiers == {"may": "may"}
        rows = {s["id"]: s for s in r.to_dict()["statements"]}
        assert rows["may"]["qualifier"] == "may" and rows["tax"]["qualifier"] is None
        assert "qualifier" in str(r.statements_table())

    def test_repr(self, m):
        assert repr(analyze(m)).startswith("<AnalysisReport 'Sugar <tax>': 6 statements")

    def test_reexported(self):
        assert argmap.analyze is analyze and argmap.AnalysisReport is AnalysisReport


class TestArticle:
    def test_the_article_map(self):
        if not EXAMPLE.exists():
            pytest.skip("examples/nato_japan.yaml is not there")
        r = analyze(argmap.load(EXAMPLE))
        beebe = next(a for a in r.actors if a.actor == "beebe")
        assert beebe.objections == beebe.statements
        assert beebe.objections_unanswered == 0
        assert r.strength.converged
        # every semantics agrees when the map's attacks are acyclic
        assert r.statuses["grounded"] == r.statuses["preferred"] == r.statuses["stable"]
