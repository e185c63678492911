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

# The reading (each statement's note gives it):
# - Two theses: the analytic "it will help to clarify some geopolitical trends" and the
#   advocacy of the three benefits. Beijing's and Beebe's objections bear on the second.
# - Every objection bearing on a thesis is answered: Beijing's reaction (the Foreign
#   Ministry's and the Global Times' "opinion") by the principles passage and "No-one
#   likes a bully."; Beebe's two concerns by the benefits, the perception gaps, keeping
#   allies abreast, "seems unlikely" and "that ship may have sailed".
# - The author's own objections to the side claim "the first of its kind in the region"
#   stand unanswered, and bear on no thesis.
THESES = ["clarifies-trends", "office-serves-alliance"]
UNANSWERED = ["liaison-offices-not-new", "not-first-in-asia"]
BEARING = {
    "office-serves-alliance": [
        "beijing-destabilising",
        "mfa-vigilance",
        "global-times-thorn",
        "beebe-transatlantic-rift",
        "beebe-russia-china-alliance",
    ],
    "clarifies-trends": [],
}

ANSWERED = {
    "beijing-destabilising": {"shared-principles", "no-one-likes-a-bully"},
    "mfa-vigilance": {"shared-principles", "no-one-likes-a-bully"},
    "global-times-thorn": {"shared-principles", "no-one-likes-a-bully"},
    "beebe-transatlantic-rift": {"benefits-mitigate-risks", "narrows-perception-gaps"},
    "beebe-russia-china-alliance": {
        "benefits-mitigate-risks",
        "keeps-allies-abreast",
        "liaison-officer-little-impact",
        "ship-has-sailed",
    },
}

# What the author grants, in part (concedes relations).
CONCESSIONS = {
    ("security-environment-changed", "global-times-thorn"),
    ("allied-differences", "beebe-transatlantic-rift"),
    ("not-surprising", "caused-stir"),
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
    assert 45 <= len(loaded) <= 60


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


def test_no_objection_bearing_on_a_thesis_is_unanswered(loaded):
    for thesis in THESES:
        assert list(loaded.unanswered_objections(thesis=thesis)) == []
        assert argmap.find_unanswered_objections(loaded, thesis=thesis) == []


def test_objections_bearing_on_each_thesis(loaded):
    statuses = argmap.objection_statuses(loaded)
    for thesis, expected in BEARING.items():
        bearing = [s.objection.id for s in statuses if thesis in s.threatens]
        assert sorted(bearing) == sorted(expected), thesis
    side = {s.objection.id for s in statuses if not s.threatens}
    assert side == set(UNANSWERED)


def test_answered_objections_and_their_answers(loaded):
    statuses = {s.objection.id: s for s in argmap.objection_statuses(loaded)}
    for objection, answers in ANSWERED.items():
        status = statuses[objection]
        assert status.answered, objection
        assert set(status.answered_by) == answers, objection


def test_theses_stand_and_the_side_claim_falls(loaded):
    status = loaded.status()
    assert [s.id for s in loaded.theses()] == THESES
    assert all(status[t] == "in" for t in THESES)
    assert status["first-of-its-kind"] == "out"


def test_concessions_are_recorded_and_change_nothing(loaded):
    found = {(r.from_, r.to) for r in loaded.relations("concedes")}
    assert found == CONCESSIONS
    plain = loaded.copy()
    for r in loaded.relations("concedes"):
        plain.remove(r.key)
    assert not plain.relations("concedes")
    for support in ("ignored", "deductive", "necessary"):
        assert loaded.status(support=support) == plain.status(support=support)


def test_modality_is_kept(loaded):
    q = {s.id: s.qualifier for s in loaded.statements() if s.qualifier}
    assert q["regional-type-relevant"] == "probably"
    assert "probably more relevant" in loaded["regional-type-relevant"].text
    assert q["liaison-officer-little-impact"] == "it seems unlikely"
    assert q["ship-has-sailed"] == "may"
    assert "may have sailed" in loaded["ship-has-sailed"].text
    assert q["three-categories"] == "roughly"
    assert q["beijing-destabilising"] == "inevitably"
    assert "inevitably" in loaded["beijing-destabilising"].text
    assert "some of the perception gaps" in loaded["narrows-perception-gaps"].text


def test_global_times_quote_is_whole(loaded):
    gt = loaded["global-times-thorn"]
    assert "sticking into Asia" in gt.quote and "so-called security defence" in gt.quote
    assert "so-called" in gt.text


def test_every_objection_explains_its_status(loaded):
    for o in loaded.statements("objection"):
        assert o.note, f"objection {o.id} has no note on whether it is answered"


def test_objections_by_actor(loaded):
    by = {o.id: o.by for o in loaded.statements("objection")}
    assert by["beijing-destabilising"] == "china-mfa"
    assert by["mfa-vigilance"] == "china-mfa"
    assert by["global-times-thorn"] == "global-times"
    assert by["beebe-transatlantic-rift"] == "beebe"
    assert by["beebe-russia-china-alliance"] == "beebe"
    assert loaded["first-of-its-kind"].by == "nikkei-asia"
    assert {r.to for r in loaded.relations_from("liaison-offices-not-new")} >= {"first-of-its-kind"}


def test_relations_the_text_does_not_make_are_gone(loaded):
    pairs = {(r.from_, r.to, r.kind) for r in loaded.relations()}
    # "should not cause much surprise. But if it does come to fruition ...": no support
    assert ("not-surprising", "office-serves-alliance", "supports") not in pairs
    assert ("nikkei-report", "office-serves-alliance", "supports") not in pairs
    # the allies' differences explain NATO's coyness, not the other way round
    assert ("allied-differences", "lungescu-noncommittal", "supports") in pairs
    assert loaded["lungescu-noncommittal"].by == "shetler-jones"


def test_actors_named_in_the_issue_are_present(loaded):
    actors = {a.id: a for a in loaded.actors()}
    assert actors["shetler-jones"].name == "Philip Shetler-Jones"
    assert actors["beebe"].name == "George Beebe"
    assert actors["beebe"].affiliation == "Quincy Institute"
    assert actors["china-mfa"].kind == "government"
    assert actors["global-times"].kind == "media"
    assert actors["nikkei-asia"].kind == "media"
    used = {s.by for s in loaded.statements()}
    # every actor speaks (Oana Lungescu is described, not quoted: no actor of her own)
    assert used == set(actors)
