"""Properties of ``argmap check`` on generated maps."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import argmap
from argmap.check import RULES, check_map
from argmap.check.output import format_github, format_json, format_sarif, format_text
from strategies import maps

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps(max_statements=10))
def test_findings_agree_with_the_scoped_analysis(m):
    m.source = None  # a generated source names no real file (source checks: test_anchor)
    result = check_map(m)
    assert all(f.code in RULES and f.name == RULES[f.code].name for f in result.findings)
    threatening = {o.id for o in argmap.find_unanswered_objections(m, thesis=result.theses or [])}
    flagged = {f.statement for f in result.findings if f.code in ("AM101", "AM102")}
    off = {f.statement for f in result.findings if f.code == "AM103"}
    unanswered = {o.id for o in m.unanswered_objections()}
    assert flagged == threatening
    assert off == unanswered - threatening
    assert result.failed == any(f.severity == "error" for f in result.findings)
    for f in result.findings:
        if f.thesis is not None:
            assert f.path[0] == f.statement and f.path[-1] == f.thesis
    # every output format renders
    format_text([result])
    json.loads(format_json([result]))
    format_github([result])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps(max_statements=8))
def test_sarif_of_generated_maps_validates(m):
    import jsonschema

    m.source = None  # a generated source names no real file
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(format_sarif([check_map(m)])))
