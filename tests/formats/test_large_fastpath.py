"""The fast path of loading and checking large maps (issue 11) gives exactly the same
maps and the same messages as before: golden error messages (with their lines) on a set
of broken files, captured from the code before the fast path, and a property that the
one-pass rule check finds what the per-relation check finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError
from argmap.map import SUGGESTION_BUDGET
from argmap.model import RELATION_KINDS, STATEMENT_KINDS, MapDocument, Relation
from strategies import maps

BROKEN = {
    "dangling.yaml": """argmap: 1
statements:
  - {id: c, kind: claim, text: C.}
  - {id: o, kind: objection, text: O.}
relations:
  - {from: o, to: cc, kind: objects}
  - {from: x, to: c, kind: supports}
""",
    "rule.yaml": """argmap: 1
statements:
  - {id: c, kind: claim, text: C.}
  - {id: r, kind: rebuttal, text: R., against: c}
  - {id: o, kind: objection, text: O.}
relations:
  - {from: o, to: c, kind: objects}
  - {from: r, to: c, kind: rebuts}
""",
    "twice.yaml": """argmap: 1
statements:
  - {id: c, kind: claim, text: C.}
  - {id: d, kind: claim, text: D.}
  - {id: c, kind: claim, text: C again.}
relations:
  - {from: c, to: d, kind: contradicts}
  - {from: d, to: c, kind: contradicts}
  - {from: d, to: c, kind: supports, id: c}
  - {from: d, to: c, kind: supports}
""",
    "fields.yaml": """argmap: 1
statements:
  - {id: c, kind: claim, text: C., colour: red}
  - {id: o, kind: objectionn, text: O.}
  - {kind: claim, text: No id.}
  - {id: e, kind: evidence}
relations:
  - {from: e, to: c, kind: supports}
""",
    "undercut.yaml": """argmap: 1
statements:
  - {id: c, kind: claim, text: C.}
  - {id: o, kind: objection, text: O.}
  - {id: r, kind: rebuttal, text: R.}
  - {id: r2, kind: rebuttal, text: R2.}
relations:
  - {from: o, to: c, kind: objects, id: a1}
  - {from: r, to: a1, kind: undercuts, id: u1}
  - {from: r2, to: u2, kind: undercuts, id: u2}
  - {from: r2, to: nothing, kind: undercuts}
""",
    "actor.json": """{
  "argmap": 1,
  "actors": [{"id": "ann", "name": "Ann"}],
  "statements": [
    {"id": "c", "kind": "claim", "text": "C.", "by": "anne"},
    {"id": "o", "kind": "objection", "text": "O.", "against": ["c", "zz"]}
  ]
}
""",
    "dupkey.json": """{
  "argmap": 1,
  "statements": [
    {"id": "c", "kind": "claim", "text": "C.", "text": "D."}
  ]
}
""",
    "badjson.json": """{
  "argmap": 1,
  "statements": [
    {"id": "c", "kind": "claim", "text": "C."},
  ]
}
""",
    "version.yaml": "argmap: 7\nstatements: []\n",
    "notalist.yaml": "argmap: 1\nstatements: {id: c}\n",
}

# the messages of the code before the fast path (file names relative to the folder)
EXPECTED = {
    "dangling.yaml": [
        "dangling.yaml: 2 problems:",
        (
            "  line 6: relation o -objects-> cc: unknown statement 'cc' (did you me"
            "an 'c'?)"
        ),
        "  line 7: relation x -supports-> c: unknown statement 'x'",
    ],
    "rule.yaml": [
        "rule.yaml: 2 problems:",
        "  line 8: relation r -rebuts-> c: the same relation is given twice",
        (
            "  line 8: relation r -rebuts-> c: rebuts must point to an objection, n"
            "ot a claim (to attack a claim, make an objection that 'objects' to it)"
        ),
    ],
    "twice.yaml": [
        "twice.yaml: 6 problems:",
        "  line 3: statement 'c': id is also used by a relation",
        "  line 5: statement 'c': id is used twice",
        (
            "  line 7: relation c -contradicts-> d: the same relation is given twic"
            "e"
        ),
        (
            "  line 8: relation d -contradicts-> c: the same relation is given twic"
            "e"
        ),
        (
            "  line 9: relation d -supports-> c: id 'c' is already used by a statem"
            "ent"
        ),
        "  line 9: relation d -supports-> c: the same relation is given twice",
    ],
    "fields.yaml": [
        "fields.yaml: 4 problems:",
        "  line 3: statement 'c': unknown key 'colour' at statements.0.colour",
        (
            "  line 4: statement 'o': unknown kind 'objectionn' at statements.1.kin"
            "d (must be one of 'claim', 'objection', 'rebuttal', 'evidence')"
        ),
        "  line 5: missing required key 'id' at statements.2",
        "  line 6: statement 'e': missing required key 'text' at statements.3",
    ],
    "undercut.yaml": [
        "undercut.yaml: 3 problems:",
        "  line 10: relation r2 -undercuts-> u2: undercuts form a cycle",
        (
            "  line 10: relation r2 -undercuts-> u2: a relation cannot undercut its"
            "elf"
        ),
        (
            "  line 11: relation r2 -undercuts-> nothing: unknown relation id 'noth"
            "ing'"
        ),
    ],
    "actor.json": [
        "actor.json: 2 problems:",
        "  line 5: statement 'c': unknown actor 'anne' (did you mean 'ann'?)",
        "  line 6: relation o -objects-> zz: unknown statement 'zz'",
    ],
    "dupkey.json": [
        (
            "dupkey.json, line 4: JSON: duplicate key 'text' (first at line 4; an o"
            "bject's keys must differ)"
        ),
    ],
    "badjson.json": [
        "badjson.json, line 5, column 3: JSON syntax error: Expecting value",
    ],
    "version.yaml": [
        (
            "version.yaml: line 1: unsupported format version 7 (this argmap reads "
            "1)"
        ),
    ],
    "notalist.yaml": [
        "notalist.yaml: line 2: 'statements' must be a list, got dict",
    ],
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_errors_and_their_lines_are_unchanged(tmp_path, name):
    path = tmp_path / name
    path.write_text(BROKEN[name], encoding="utf-8")
    with pytest.raises(ArgmapError) as exc:
        argmap.load(path)
    assert str(exc.value).replace(str(tmp_path) + "/", "").split("\n") == EXPECTED[name]


def _per_relation_problems(m: argmap.ArgumentMap) -> list[str]:
    """The check as it was: every relation through the full per-relation check."""
    m._suggestions_left = SUGGESTION_BUDGET
    try:
        out = []
        for stmt in m.statements():
            if stmt.by is not None and stmt.by not in m._actors:
                out.append(
                    f"statement {stmt.id!r}: unknown actor {stmt.by!r}"
                    + m._suggest(stmt.by, m._actors)
                )
            if stmt.id in m._relations:
                out.append(f"statement {stmt.id!r}: id is also used by a relation")
        cycles = m._undercut_cycles(m._relations)
        for rel in m._relations.values():
            out += [msg for _, msg in m._relation_problems(rel, m._relations, cycles)]
        return list(dict.fromkeys(out))
    finally:
        del m._suggestions_left


_ids = st.sampled_from(["a", "b", "c", "d", "e", "f"])


@st.composite
def _documents(draw):
    names = draw(st.lists(_ids, min_size=1, max_size=6, unique=True))
    statements = [
        argmap.model.statement_adapter.validate_python(
            {"id": n, "kind": draw(st.sampled_from(STATEMENT_KINDS)), "text": n.upper() + "."}
        )
        for n in names
    ]
    rel_ids = st.none() | st.sampled_from(["a", "r1", "r2", "r3", "zz"])
    relations = draw(
        st.lists(
            st.builds(
                lambda f, t, k, i: Relation(from_=f, to=t, kind=k, id=i),
                _ids | st.just("x"),
                _ids | st.sampled_from(["r1", "r2", "r3", "x"]),
                st.sampled_from(RELATION_KINDS),
                rel_ids,
            ),
            max_size=10,
        )
    )
    return MapDocument(statements=tuple(statements), relations=tuple(relations))


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_the_one_pass_check_finds_what_the_per_relation_check_finds(doc):
    m = argmap.ArgumentMap.from_document(doc, validate=False)
    assert m.problems() == _per_relation_problems(m)


@settings(max_examples=50, deadline=None)
@given(maps())
def test_sound_maps_stay_sound_and_round_trip(m):
    assert m.problems() == _per_relation_problems(m) == []
    assert argmap.loads(argmap.dumps(m, format="json"), format="json") == m


YAML_TEXTS = [
    "a: 1\nb: [x, 2.5, null, true, 2024-01-02]\n",
    "base: &b {k: v, n: 1}\nuse: *b\nmerged: {<<: *b, n: 2}\n",
    "l: &l [a, b]\nm: [*l, *l]\n",
    "? [a, b]\n: complex key\n",
    "1: int key\nnull: null key\n'x': quoted\n",
    "s: !!str 12\nt: !!int '7'\nset: !!set {a, b}\n",
    "- a\n- {b: [c, {d: e}]}\n",
    "text: |\n  two\n  lines\n",
    "",
]


@pytest.mark.parametrize("text", YAML_TEXTS)
def test_the_fast_yaml_constructor_builds_what_pyyaml_builds(text):
    import yaml

    from argmap import FormatError
    from argmap.formats._safe import load_yaml

    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError as exc:  # the same refusal, as a FormatError naming it
        with pytest.raises(FormatError, match=str(exc.problem)):
            load_yaml(text)
        return
    assert load_yaml(text) == expected


def test_an_alias_is_the_same_object_as_its_anchor():
    from argmap.formats._safe import load_yaml

    data = load_yaml("l: &l [a, b]\nm: *l\n")
    assert data["l"] is data["m"]
