"""Every rule of ``argmap check``: a map that triggers it and one that does not."""

from __future__ import annotations

import pytest

import argmap
from argmap.check import RULES, CheckConfig, check_map


def hits(m: argmap.ArgumentMap, code: str, **kw) -> list:
    """The findings of one rule only."""
    result = check_map(m, overrides=CheckConfig(select=(code,)), **kw)
    assert all(f.code == code for f in result.findings)
    return result.findings


def base() -> argmap.ArgumentMap:
    """A clean map: a thesis, a reason, an objection answered by a rebuttal, all attributed."""
    m = argmap.ArgumentMap()
    m.actor("ann", "Ann")
    m.actor("bob", "Bob")
    t = m.claim("We should tax sugar.", id="t", by="ann", tags=["thesis"])
    m.claim("Sugar harms health.", id="why", by="ann", supports=t)
    o = m.objection("A tax hurts the poor.", id="o", by="bob", against=t)
    m.rebuttal("The revenue funds their health care.", id="r", by="ann", against=o)
    return m


def test_the_clean_map_has_no_findings():
    assert check_map(base()).findings == []


def test_every_rule_has_a_unique_code_and_name():
    names = [r.name for r in RULES.values()]
    assert len(set(names)) == len(names)
    assert all(r.severity in ("error", "warning", "info") for r in RULES.values())


class TestAM101UnansweredObjection:
    def test_triggers_with_thesis_and_path(self):
        m = base()
        m.objection("Sugar is not that harmful.", id="o2", by="bob", against="why")
        (f,) = hits(m, "AM101")
        assert (f.statement, f.thesis, f.path, f.severity) == (
            "o2",
            "t",
            ("o2", "why", "t"),
            "error",
        )
        assert "thesis 't'" in f.message and "o2 -> why -> t" in f.message and f.hint

    def test_answers_defeated(self):
        m = base()
        m.objection("Health care is not funded by it.", id="o3", by="bob", against="r")
        found = {f.statement: f for f in hits(m, "AM101")}
        assert set(found) == {"o", "o3"}
        assert found["o"].extra["reason"] == "answers-defeated"

    def test_not_for_an_answered_objection(self):
        assert hits(base(), "AM101") == []


class TestAM102UndecidedObjection:
    def test_triggers_on_a_cycle(self):
        m = base()
        m.objection("The revenue is wasted.", id="o4", by="bob", against="r")
        m.relate("r", "o4", "contradicts")  # r and o4 attack each other: undecided
        found = hits(m, "AM102")
        # o4 too: it attacks r, which answers o, which attacks t
        assert [f.statement for f in found] == ["o", "o4"]
        assert "cycle" in found[0].message and found[0].extra["cycle"] == ["r"]
        assert found[1].path == ("o4", "r", "o", "t")

    def test_not_without_a_cycle(self):
        assert hits(base(), "AM102") == []


class TestAM103ObjectionOffThesis:
    def test_triggers_on_an_objection_to_a_side_claim(self):
        m = base()
        side = m.claim("Sugar is cheap.", id="side", by="bob")
        m.objection("Not everywhere.", id="aside", by="ann", against=side)
        (f,) = hits(m, "AM103")
        assert f.statement == "aside" and f.severity == "info" and "bears on no thesis" in f.message
        assert hits(m, "AM101") == []

    def test_not_when_it_bears_on_the_thesis(self):
        m = base()
        m.objection("Not so.", id="o2", by="bob", against="why")
        assert hits(m, "AM103") == []


class TestAM104RedundantRebuttal:
    def test_triggers_on_a_second_standing_answer(self):
        m = base()
        m.rebuttal("The poor gain most in health.", id="r2", by="ann", against="o")
        (f,) = hits(m, "AM104")
        assert f.statement == "r2" and "'r' already defeats" in f.message

    def test_not_for_the_only_answer(self):
        assert hits(base(), "AM104") == []


class TestAM105RebuttalAnswersNothing:
    def test_triggers(self):
        m = base()
        m.rebuttal("Unrelated.", id="r3", by="ann", supports="t")
        assert [f.statement for f in hits(m, "AM105")] == ["r3"]

    def test_not_for_a_rebuttal_that_rebuts(self):
        assert hits(base(), "AM105") == []


class TestAM106ConcededUnanswered:
    def test_triggers(self):
        m = base()
        o = m.objection("It takes time.", id="slow", by="bob", against="t")
        m.relate("t", o, "concedes")
        (f,) = hits(m, "AM106")
        assert f.statement == "slow" and f.extra["conceded_by"] == ["t"]

    def test_not_when_the_conceded_objection_is_answered(self):
        m = base()
        m.relate("why", "o", "concedes")
        assert hits(m, "AM106") == []


class TestAM107BareThesis:
    def test_triggers_on_a_lone_thesis(self):
        m = argmap.ArgumentMap()
        m.claim("Alone.", id="alone")
        assert [f.statement for f in hits(m, "AM107")] == ["alone"]

    def test_not_when_supported(self):
        assert hits(base(), "AM107") == []


class TestAM108SupportCycle:
    def test_triggers(self):
        m = base()
        m.claim("Health matters.", id="health", by="ann", supports="why")
        m.relate("why", "health", "supports")
        (f,) = hits(m, "AM108")
        assert f.extra["cycle"] == ["why", "health"]

    def test_not_on_a_support_tree(self):
        assert hits(base(), "AM108") == []


class TestAM109ObjectionTargetsNothing:
    def test_triggers(self):
        m = base()
        m.objection("Vague worry.", id="vague", by="bob", supports="o")
        assert [f.statement for f in hits(m, "AM109")] == ["vague"]

    def test_not_when_it_objects(self):
        assert hits(base(), "AM109") == []


class TestAM201MissingActor:
    def test_triggers_on_claims_and_objections(self):
        m = base()
        m.claim("Anonymous reason.", id="anon", supports="t")
        m.evidence("A study.", id="study", supports="t", quote="q")
        assert [f.statement for f in hits(m, "AM201")] == ["anon"]

    def test_not_when_attributed(self):
        assert hits(base(), "AM201") == []


class TestAM202UnusedActor:
    def test_triggers(self):
        m = base()
        m.actor("cat", "Cat")
        assert [f.statement for f in hits(m, "AM202")] == ["cat"]

    def test_not_when_used(self):
        assert hits(base(), "AM202") == []


class TestAM203IsolatedStatement:
    def test_triggers(self):
        m = base()
        m.claim("Loose.", id="loose", by="ann")
        assert [f.statement for f in hits(m, "AM203")] == ["loose"]

    def test_not_for_a_single_statement_or_linked_ones(self):
        m = argmap.ArgumentMap()
        m.claim("Alone.", id="alone")
        assert hits(m, "AM203") == [] and hits(base(), "AM203") == []


class TestAM204DuplicateText:
    def test_triggers_ignoring_case_and_punctuation(self):
        m = base()
        m.claim("sugar harms  health", id="why2", by="ann", supports="t")
        (f,) = hits(m, "AM204")
        assert f.statement == "why2" and f.extra["same_as"] == "why"

    def test_not_for_different_texts(self):
        assert hits(base(), "AM204") == []


class TestAM205UnsourcedEvidence:
    def test_triggers(self):
        m = base()
        m.evidence("A study says so.", id="study", supports="why")
        assert [f.statement for f in hits(m, "AM205")] == ["study"]

    @pytest.mark.parametrize("field", [{"quote": "says so"}, {"source": {"title": "Study"}}])
    def test_not_with_a_quote_or_a_source(self, field):
        m = base()
        m.evidence("A study says so.", id="study", supports="why", **field)
        assert hits(m, "AM205") == []


ARTICLE = "Sugar harms health. We should tax sugar. Some say a tax hurts the poor.\n"


def sourced(quote_t: str) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(source={"text": ARTICLE})
    m.actor("ann", "Ann")
    t = m.claim("Tax sugar.", id="t", by="ann", quote=quote_t)
    m.claim("Sugar is bad.", id="why", by="ann", supports=t, quote="Sugar harms health.")
    return m


class TestAM301QuoteNotFound:
    def test_triggers(self):
        (f,) = hits(sourced("Bananas are yellow and curved."), "AM301")
        assert f.statement == "t" and f.severity == "error" and "found nowhere" in f.message

    def test_not_for_a_verbatim_quote(self):
        assert hits(sourced("We should tax sugar."), "AM301") == []

    def test_skipped_without_a_source(self):
        m = base()
        m.replace(m["t"].model_copy(update={"quote": "nowhere"}))
        assert hits(m, "AM301") == []


class TestAM302QuoteNotVerbatim:
    def test_triggers_with_nearest_passage_and_hint(self):
        (f,) = hits(sourced("We should tax the sugar."), "AM302")
        assert f.statement == "t" and f.extra["nearest"] and f.hint
        assert f.extra["source_line"] == 1

    def test_not_for_a_verbatim_quote(self):
        assert hits(sourced("We should tax sugar."), "AM302") == []


class TestAM303MissingQuote:
    def test_triggers_when_the_source_is_known(self):
        m = sourced("We should tax sugar.")
        m.claim("Implicit premise.", id="premise", by="ann", supports="t")
        assert [f.statement for f in hits(m, "AM303")] == ["premise"]

    def test_not_when_every_statement_is_quoted(self):
        assert hits(sourced("We should tax sugar."), "AM303") == []


class TestAM304AmbiguousQuote:
    def test_triggers(self):
        m = sourced("We should tax sugar.")
        m.replace(m["why"].model_copy(update={"quote": "sugar"}))
        (f,) = hits(m, "AM304")
        assert f.statement == "why" and f.extra["occurrences"] > 1

    def test_not_for_a_quote_in_one_place(self):
        assert hits(sourced("We should tax sugar."), "AM304") == []


def test_coverage_summary():
    result = check_map(sourced("We should tax sugar."))
    cov = result.coverage
    assert cov["sentences"] == 3 and cov["mapped"] == 2
    assert [u["text"] for u in cov["unmapped"]] == ["Some say a tax hurts the poor."]
    assert 0 < cov["share"] < 1
    assert check_map(base()).coverage is None
