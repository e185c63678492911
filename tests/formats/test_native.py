"""Tests for argmap.formats.native and argmap.io: YAML/JSON, bad input, round trips."""

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings

import argmap
from argmap import FormatError, MapValidationError
from strategies import maps

GOOD = """\
argmap: 1
title: Lunch
source: {title: Menu, date: "2024-01-02"}
actors:
  - {id: ann, name: Ann, kind: person}
statements:
  - id: out
    kind: claim
    text: We should eat out.
    by: ann
  - id: cost
    kind: objection
    text: It costs too much.
  - id: cheap
    kind: rebuttal
    text: The canteen is cheap.
    against: [cost]
  - id: menu
    kind: evidence
    text: The menu lists 5 euro meals.
    supports: cheap
relations:
  - {from: cost, to: out, kind: objects, id: r1}
"""


def load_text(tmp_path, text, name="map.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return argmap.load(p)


class TestLoad:
    def test_inline_relations(self):
        m = argmap.loads(GOOD)
        assert [(r.from_, r.kind, r.to) for r in m.relations()] == [
            ("cost", "objects", "out"),
            ("cheap", "rebuts", "cost"),
            ("menu", "supports", "cheap"),
        ]

    def test_inline_concedes_and_qualifier(self):
        text = GOOD.replace(
            "The canteen is cheap.", "The canteen is cheap.\n    qualifier: probably"
        ).replace("against: [cost]", "against: [cost]\n    concedes: cost")
        m = argmap.loads(text)
        assert m["cheap"].qualifier == "probably"
        assert [(r.from_, r.kind, r.to) for r in m.relations("concedes")] == [
            ("cheap", "concedes", "cost")
        ]
        assert argmap.loads(argmap.dumps(m)) == m

    def test_source_file_and_text_round_trip(self):
        text = GOOD.replace(
            'source: {title: Menu, date: "2024-01-02"}',
            'source: {title: Menu, file: menu.txt, text: "Soup.\\nBread."}',
        )
        m = argmap.loads(text)
        assert (m.source.file, m.source.text) == ("menu.txt", "Soup.\nBread.")
        for fmt in ("yaml", "json"):
            assert argmap.loads(argmap.dumps(m, format=fmt), format=fmt).source == m.source

    def test_inline_duplicate_of_explicit_relation_is_reported(self):
        text = GOOD.replace("It costs too much.", "It costs too much.\n    against: out")
        with pytest.raises(MapValidationError, match="given twice"):
            argmap.loads(text)

    def test_inline_undercut_by_relation_id(self):
        m = argmap.loads(GOOD.replace("against: [cost]", "against: r1"))
        assert [(r.from_, r.kind, r.to) for r in m.relations("undercuts")] == [
            ("cheap", "undercuts", "r1")
        ]
        assert m.unanswered_objections() == []

    def test_claim_cannot_be_inline_against(self, tmp_path):
        with pytest.raises(FormatError, match=r"line 11: statement 'out': a claim cannot be"):
            load_text(tmp_path, GOOD.replace("by: ann", "by: ann\n    against: cost"))

    def test_json_same_structure(self, tmp_path):
        m = argmap.loads(GOOD)
        p = tmp_path / "m.json"
        argmap.dump(m, p)
        assert json.loads(p.read_text())["argmap"] == 1
        assert argmap.load(p) == m

    def test_yaml_is_read_safely(self):
        evil = "argmap: 1\ntitle: !!python/object/apply:os.system ['echo hacked']\n"
        with pytest.raises(FormatError, match="YAML"):
            argmap.loads(evil)

    def test_bom_is_accepted(self, tmp_path):
        p = tmp_path / "bom.yaml"
        p.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
        assert len(argmap.load(p)) == 4


class TestBadInput:
    """Each bad input gives one clear error naming the problem and its place."""

    def expect(
        self, tmp_path, text, *needles, name="map.yaml", exc=(FormatError, MapValidationError)
    ):
        with pytest.raises(exc) as info:
            load_text(tmp_path, text, name)
        msg = str(info.value)
        assert name in msg
        for needle in needles:
            assert needle in msg, msg
        return msg

    def test_dangling_id(self, tmp_path):
        self.expect(
            tmp_path,
            GOOD.replace("against: [cost]", "against: [costt]"),
            "line 17",
            "unknown statement 'costt'",
            "did you mean 'cost'",
        )

    def test_duplicate_id(self, tmp_path):
        self.expect(tmp_path, GOOD.replace("id: cheap", "id: cost"), "'cost'", "used twice")

    def test_unknown_kind(self, tmp_path):
        self.expect(
            tmp_path,
            GOOD.replace("kind: evidence", "kind: fact"),
            "line 19",
            "statement 'menu'",
            "unknown kind 'fact'",
            "evidence",
        )

    def test_rebuttal_aimed_at_claim(self, tmp_path):
        self.expect(
            tmp_path,
            GOOD.replace("against: [cost]", "against: [out]"),
            "line 17",
            "relation cheap -rebuts-> out",
            "must point to an objection",
        )

    def test_yaml_syntax_error(self, tmp_path):
        self.expect(
            tmp_path,
            GOOD.replace("text: It costs too much.", "text: [unclosed"),
            "line 14",
            "YAML syntax error",
            exc=FormatError,
        )

    def test_wrong_type(self, tmp_path):
        self.expect(
            tmp_path,
            GOOD.replace(
                "- id: out\n    kind: claim", "- id: out\n    kind: claim\n    weight: heavy"
            ),
            "line 9",
            "statement 'out'",
            "weight",
        )

    def test_weight_out_of_range(self, tmp_path):
        self.expect(
            tmp_path,
            GOOD.replace("kind: claim", "kind: claim\n    weight: 3"),
            "statement 'out'",
            "less than or equal to 1",
        )

    def test_empty_file(self, tmp_path):
        self.expect(tmp_path, "", "empty", exc=FormatError)

    def test_not_a_map(self, tmp_path):
        self.expect(
            tmp_path,
            "name: my shopping list\nitems: [eggs]\n",
            "not an argmap file",
            "name, items",
            exc=FormatError,
        )

    def test_a_list_is_not_a_map(self, tmp_path):
        self.expect(tmp_path, "- a\n- b\n", "expected a mapping", exc=FormatError)

    def test_non_utf8(self, tmp_path):
        p = tmp_path / "latin1.yaml"
        p.write_bytes(GOOD.replace("Lunch", "Déjeuner").encode("latin-1"))
        with pytest.raises(FormatError, match=r"latin1.yaml, line 2: not UTF-8 text: byte 0xe9"):
            argmap.load(p)

    def test_unknown_top_level_key(self, tmp_path):
        self.expect(tmp_path, GOOD + "colour: red\n", "unknown key 'colour'", "line 24")

    def test_unknown_statement_key(self, tmp_path):
        self.expect(
            tmp_path,
            GOOD.replace("by: ann", "by: ann\n    speaker: ann"),
            "line 11",
            "statement 'out'",
            "unknown key 'speaker'",
        )

    def test_unknown_actor(self, tmp_path):
        self.expect(tmp_path, GOOD.replace("by: ann", "by: bob"), "unknown actor 'bob'")

    def test_unsupported_version(self, tmp_path):
        self.expect(tmp_path, GOOD.replace("argmap: 1", "argmap: 7"), "format version 7")

    def test_json_syntax_error_has_line(self, tmp_path):
        self.expect(
            tmp_path,
            '{"argmap": 1,\n "title": }',
            "line 2",
            "JSON syntax error",
            name="m.json",
            exc=FormatError,
        )

    def test_every_problem_at_once(self, tmp_path):
        text = (
            GOOD.replace("kind: evidence", "kind: fact")
            .replace("by: ann", "by: bob")
            .replace("against: [cost]", "against: [out]")
        )
        msg = self.expect(tmp_path, text, "3 problems")
        assert "fact" in msg and "bob" in msg and "rebuts" in msg

    def test_missing_file(self, tmp_path):
        with pytest.raises(FormatError, match="no such file"):
            argmap.load(tmp_path / "nope.yaml")

    def test_unknown_extension(self, tmp_path):
        p = tmp_path / "map.xyz"
        p.write_text("hello")
        with pytest.raises(FormatError, match="cannot tell the format"):
            argmap.load(p)

    def test_unknown_format_name_lists_choices(self):
        with pytest.raises(FormatError, match=r"unknown format 'svgz' \(must be one of"):
            argmap.loads("", format="svgz")


class TestDump:
    def test_dump_is_atomic_on_failure(self, tmp_path, monkeypatch):
        p = tmp_path / "m.yaml"
        p.write_text("original")
        m = argmap.loads(GOOD)

        def boom(*a, **k):
            raise OSError("disk full")

        monkeypatch.setattr(os, "replace", boom)
        with pytest.raises(FormatError, match="cannot write: disk full"):
            argmap.dump(m, p)
        assert p.read_text() == "original"
        assert [f.name for f in tmp_path.iterdir()] == ["m.yaml"]

    def test_dump_into_missing_folder(self, tmp_path):
        with pytest.raises(FormatError, match="folder does not exist"):
            argmap.dump(argmap.loads(GOOD), tmp_path / "no" / "m.yaml")

    def test_dump_keeps_order_and_omits_empty_fields(self):
        text = argmap.dumps(argmap.loads(GOOD))
        assert text.index("id: out") < text.index("id: cost") < text.index("id: menu")
        assert "tags" not in text and "null" not in text


@settings(max_examples=80, deadline=None)
@given(maps())
def test_round_trip_yaml(m):
    assert argmap.loads(argmap.dumps(m)) == m


@settings(max_examples=50, deadline=None)
@given(maps())
def test_round_trip_json_and_dict(m):
    assert argmap.loads(argmap.dumps(m, format="json"), format="json") == m
    assert argmap.ArgumentMap.from_dict(m.to_dict()) == m


@settings(max_examples=25, deadline=None)
@given(maps(max_statements=6))
def test_load_dump_load_through_files(tmp_path_factory, m):
    folder = Path(tmp_path_factory.mktemp("rt"))
    for name in ("m.yaml", "m.json"):
        argmap.dump(m, folder / name)
        first = argmap.load(folder / name)
        argmap.dump(first, folder / name)
        assert argmap.load(folder / name) == first == m


def test_schema_accepts_inline_relations():
    schema = argmap.json_schema()
    assert "against" in schema["$defs"]["Objection"]["properties"]
    assert schema["properties"]["argmap"]["const"] == 1


def test_schema_knows_concessions_qualifiers_and_source_text():
    schema = argmap.json_schema()
    defs = schema["$defs"]
    assert {"concedes", "qualifier"} <= set(defs["Rebuttal"]["properties"])
    assert "concedes" in defs["Relation"]["properties"]["kind"]["enum"]
    assert {"file", "text"} <= set(defs["Source"]["properties"])
