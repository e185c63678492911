"""Reports of ``argmap check``: text, JSON, GitHub annotations and SARIF (schema-validated)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.check import check_map
from argmap.check.output import format_github, format_json, format_sarif, format_text

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"
SOURCE = "We should tax sugar. Sugar harms health. Some say a tax hurts the poor.\n"


def sample(tmp_path: Path):
    """A map file with every kind of finding: threat, side objection, structure, quotes."""
    (tmp_path / "article.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "a, b: map.yaml"
    path.write_text(
        """\
argmap: 1
source: {file: article.txt}
actors: [{id: ann, name: Ann}, {id: idle, name: Idle}]
statements:
  - {id: t, kind: claim, text: Tax sugar., by: ann, quote: We should tax sugar., tags: [thesis]}
  - {id: why, kind: claim, text: It harms., by: ann, quote: "Sugar  harms health.", supports: t}
  - {id: o, kind: objection, text: "100% regressive,\\nsays Bob.", by: ann, against: why}
  - {id: side, kind: claim, text: Side., by: ann, quote: Bananas are yellow and curved.}
  - {id: o2, kind: objection, text: Not side., by: ann, against: side}
""",
        encoding="utf-8",
    )
    return argmap.check.check_file(path, isolated=True)


def test_text_groups_by_thesis_and_lists_off_thesis_objections_apart(tmp_path):
    text = format_text([sample(tmp_path)])
    head, *_ = text.splitlines()
    assert "2 of 2 objections unanswered, 1 bearing on the thesis" in head
    threat = text.index("Objections that threaten thesis 't'")
    apart = text.index("Unanswered objections that bear on no thesis")
    other = text.index("Other findings")
    assert threat < apart < other
    assert "AM101 error: objection 'o' (by Ann) bears on thesis 't'" in text[threat:apart]
    assert "AM103 info: objection 'o2'" in text[apart:other]
    assert "AM202 warning: actor 'idle'" in text[other:]
    assert "Source " in text and "of the text mapped" in text
    assert "line 1: Some say a tax hurts the poor." in text


def test_text_for_several_files_ends_with_a_total(tmp_path):
    r = sample(tmp_path)
    assert format_text([r, r]).rstrip().endswith("2 files checked: 14 findings, 2 files failing")


def test_json_names_threatened_thesis_and_path(tmp_path):
    data = json.loads(format_json([sample(tmp_path)]))
    assert data["failed"] is True
    (f,) = data["files"]
    by_id = {u["id"]: u for u in f["unanswered"]}
    assert by_id["o"]["threatens"] == {"t": ["o", "why", "t"]}
    assert by_id["o2"]["threatens"] == {}
    am101 = next(x for x in f["findings"] if x["code"] == "AM101")
    assert am101["thesis"] == "t" and am101["path"] == ["o", "why", "t"]
    assert am101["line"] == 7 and am101["statement"] == "o"
    assert f["coverage"]["sentences"] == 3
    assert f["theses"] == [{"id": "t", "text": "Tax sugar."}]


def test_github_annotations_are_escaped(tmp_path):
    lines = format_github([sample(tmp_path)]).splitlines()
    error = next(line for line in lines if line.startswith("::error") and "AM101" in line)
    assert error.startswith("::error file=")
    assert "a%2C b%3A map.yaml,line=7,title=AM101 unanswered-objection::" in error
    assert any(line.startswith("::notice ") and "AM103" in line for line in lines)
    assert any("title=argmap coverage" in line for line in lines)
    # data: a newline or % in a message never breaks the command
    m = argmap.ArgumentMap()
    m.claim("T.", id="t")
    m.objection("O.", id="o", against="t")
    m.replace(m["o"].model_copy(update={"text": "x"}))
    r = check_map(m, path="m.yaml")
    r.findings[0] = type(r.findings[0])(**{**r.findings[0].__dict__, "message": "50%\nmore"})
    assert "::50%25%0Amore" in format_github([r])


def test_sarif_validates_against_the_official_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(format_sarif([sample(tmp_path)]))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["AM101"] == "error" and levels["AM103"] == "note"
    am302 = next(r for r in results if r["ruleId"] == "AM302")
    related = am302["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"].endswith("article.txt")
    assert related["region"]["startLine"] == 1
    am101 = next(r for r in results if r["ruleId"] == "AM101")
    assert am101["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    assert am101["properties"]["path"] == ["o", "why", "t"]


def test_sarif_of_a_clean_map_validates(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    m = argmap.ArgumentMap()
    m.actor("a", "A")
    m.claim("T.", id="t", by="a")
    m.claim("W.", id="w", by="a", supports="t")
    log = json.loads(format_sarif([check_map(m)]))
    jsonschema.Draft4Validator(schema).validate(log)
    assert log["runs"][0]["results"] == []


def test_lines_of_a_json_map(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(
        '{\n  "argmap": 1,\n  "statements": [\n    {"id": "t", "kind": "claim", "text": "T."},\n'
        '    {"id": "o", "kind": "objection", "text": "O.", "against": "t"}\n  ]\n}\n',
        encoding="utf-8",
    )
    result = argmap.check.check_file(path, isolated=True)
    assert {(f.code, f.statement, f.line) for f in result.findings} >= {("AM101", "o", 5)}
