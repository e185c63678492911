"""Tests for argmap.rules: the rule table."""

import pytest

from argmap.model import Relation
from argmap.rules import RULES, relation_problem


def rel(kind, a="a", b="b"):
    return Relation(from_=a, to=b, kind=kind)


ALLOWED = [
    ("supports", "evidence", "claim"),
    ("supports", "claim", "objection"),
    ("objects", "objection", "claim"),
    ("objects", "objection", "evidence"),
    ("objects", "objection", "rebuttal"),
    ("rebuts", "rebuttal", "objection"),
    ("contradicts", "claim", "rebuttal"),
]
FORBIDDEN = [
    ("objects", "claim", "claim"),
    ("objects", "objection", "objection"),
    ("rebuts", "rebuttal", "claim"),
    ("rebuts", "objection", "objection"),
    ("rebuts", "rebuttal", "rebuttal"),
]


@pytest.mark.parametrize(("kind", "src", "dst"), ALLOWED)
def test_allowed(kind, src, dst):
    assert relation_problem(rel(kind), src, dst) is None


@pytest.mark.parametrize(("kind", "src", "dst"), FORBIDDEN)
def test_forbidden_names_ids_and_kinds(kind, src, dst):
    msg = relation_problem(rel(kind, "x1", "y1"), src, dst)
    assert msg is not None and "x1" in msg and "y1" in msg and kind in msg


def test_self_relation():
    assert "itself" in relation_problem(rel("supports", "a", "a"), "claim", "claim")


def test_undercut_targets():
    assert relation_problem(rel("undercuts"), "rebuttal", None, to_relation_kind="objects") is None
    assert "contradicts" in relation_problem(
        rel("undercuts"), "objection", None, to_relation_kind="contradicts"
    )
    assert relation_problem(rel("undercuts"), "claim", None, to_relation_kind="supports")


def test_every_kind_has_a_rule():
    assert set(RULES) == {"supports", "objects", "rebuts", "undercuts", "contradicts", "concedes"}


def test_concedes_links_any_two_statements_and_cannot_be_undercut():
    for a in ("claim", "objection", "rebuttal", "evidence"):
        for b in ("claim", "objection", "rebuttal", "evidence"):
            assert relation_problem(rel("concedes"), a, b) is None
    assert relation_problem(rel("undercuts"), "rebuttal", None, to_relation_kind="concedes")
