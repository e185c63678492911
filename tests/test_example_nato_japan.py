"""The article's map: the YAML file and the Python builder agree, and the analysis holds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).resolve().parents[1]
YAML_PATH = ROOT / "examples" / "nato_japan.yaml"
PY_PATH = ROOT / "examples" / "nato_japan.py"
ARTICLE = ROOT.parent / "shared" / "article" / "nato-liaison-office-japan.txt"

# The analysis: which objections the article leaves without a (standing) answer.
# - global-times-thorn: its charge (a move to build a security defence around China)
#   is conceded ("There is no denying ..."), never disputed.
# - liaison-offices-not-new, not-first-in-asia: the author's own objections to the
#   "first of its kind in the region" claim; nothing in the article answers them.
UNANSWERED = ["global-times-thorn", "liaison-offices-not-new", "not-first-in-asia"]

ANSWERED = {
    "beijing-destabilising": {"shared-principles", "security-environment-changed"},
    "beebe-transatlantic-rift": {"benefits-mitigate-risks", "narrows-perception-gaps"},
    "beebe-russia-china-alliance": {
        "benefits-mitigate-risks",
        "liaison-officer-little-impact",
        "ship-has-sailed",
    },
}


def _build() -> argmap.ArgumentMap:
    spec = importlib.util.spec_from_file_location("nato_japan_example", PY_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build()


@pytest.fixture(scope="module")
def loaded() -> argmap.ArgumentMap:
    return argmap.load(YAML_PATH)


@pytest.fixture(scope="module")
def built() -> argmap.ArgumentMap:
    return _build()


def test_yaml_and_python_give_equal_maps(loaded, built):
    assert loaded == built
    assert [s.id for s in loaded.statements()] == [s.id for s in built.statements()]
    assert [r.key for r in loaded.relations()] == [r.key for r in built.relations()]


def test_map_is_valid(loaded):
    assert loaded.problems() == []
    loaded.validate()
    assert 30 <= len(loaded) <= 45


def test_quotes_are_verbatim():
    if not ARTICLE.is_file():
        pytest.skip(f"article not available at {ARTICLE}")
    article = ARTICLE.read_text(encoding="utf-8")
    for m in (argmap.load(YAML_PATH), _build()):
        missing = [s.id for s in m.statements() if s.quote and s.quote not in article]
        assert missing == [], f"quotes not found verbatim in the article: {missing}"


def test_every_statement_is_quoted_and_attributed(loaded):
    actors = {a.id for a in loaded.actors()}
    for s in loaded.statements():
        assert s.quote, s.id
        assert s.by in actors, s.id


def test_unanswered_objections(loaded, built):
    for m in (loaded, built):
        found = sorted(o.id for o in argmap.find_unanswered_objections(m))
        assert found == UNANSWERED
        assert sorted(o.id for o in m.unanswered_objections()) == UNANSWERED


def test_answered_objections_and_their_answers(loaded):
    statuses = {s.objection.id: s for s in argmap.objection_statuses(loaded)}
    for objection, answers in ANSWERED.items():
        status = statuses[objection]
        assert status.answered, objection
        assert set(status.answered_by) == answers, objection


def test_every_objection_explains_its_status(loaded):
    for o in loaded.statements("objection"):
        assert o.note, f"objection {o.id} has no note on whether it is answered"


def test_objections_by_actor(loaded):
    by = {o.id: o.by for o in loaded.statements("objection")}
    assert by["beijing-destabilising"] == "china-mfa"
    assert by["global-times-thorn"] == "global-times"
    assert by["beebe-transatlantic-rift"] == "beebe"
    assert by["beebe-russia-china-alliance"] == "beebe"
    assert loaded["first-of-its-kind"].by == "nikkei-asia"
    assert {r.to for r in loaded.relations_from("liaison-offices-not-new")} >= {"first-of-its-kind"}


def test_thesis_is_a_root_claim(loaded):
    theses = [s.id for s in loaded.theses()]
    assert "office-serves-alliance" in theses
    # The only other root is the claim the article argues against.
    assert sorted(theses) == ["first-of-its-kind", "office-serves-alliance"]
    assert sorted(s.id for s in loaded.roots()) == sorted(theses)


def test_actors_named_in_the_issue_are_present(loaded):
    actors = {a.id: a for a in loaded.actors()}
    assert actors["shetler-jones"].name == "Philip Shetler-Jones"
    assert actors["beebe"].name == "George Beebe"
    assert actors["beebe"].affiliation == "Quincy Institute"
    assert actors["china-mfa"].kind == "government"
    assert actors["global-times"].kind == "media"
    assert actors["nikkei-asia"].kind == "media"
    assert actors["lungescu"].name == "Oana Lungescu"
    assert actors["lungescu"].role == "NATO spokesperson"
    used = {s.by for s in loaded.statements()}
    assert {
        "shetler-jones",
        "beebe",
        "china-mfa",
        "global-times",
        "nikkei-asia",
        "lungescu",
    } <= used
