"""``argmap analyze --load-bearing THESIS``: what a thesis rests on, in text and JSON."""

from __future__ import annotations

import json

import pytest

from argmap.cli import main

MAP = """\
argmap: 1
title: Sugar
statements:
  - {id: tax, kind: claim, text: Tax sugar.}
  - {id: regressive, kind: objection, text: It hurts the poor., against: tax}
  - {id: revenue, kind: rebuttal, text: Revenue funds health care., against: regressive}
  - {id: health, kind: rebuttal, text: The poor gain most in health., against: regressive}
  - {id: study, kind: evidence, text: A study., supports: tax}
"""


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text(MAP, encoding="utf-8")
    return p


def test_text(path, capsys):
    assert main(["analyze", str(path), "--strength", "none", "--load-bearing", "tax"]) == 0
    out = capsys.readouterr().out
    assert "tax is in (stands); 0 single defeat(s) and 0 minimal set(s) of up to 1" in out


def test_sets_in_json(path, capsys):
    args = ["analyze", str(path), "--format", "json", "--load-bearing", "tax", "--k", "2"]
    assert main(args) == 0
    (lb,) = json.loads(capsys.readouterr().out)["load_bearing"]
    assert lb["thesis"] == "tax" and lb["label"] == "in" and lb["k"] == 2
    assert lb["sets"] == [{"ids": ["revenue", "health"], "after": "out"}]


def test_first_semantics_and_support(path, capsys):
    args = ["analyze", str(path), "--format", "json", "--semantics", "preferred",
            "--support", "deductive", "--load-bearing", "tax"]  # fmt: skip
    assert main(args) == 0
    (lb,) = json.loads(capsys.readouterr().out)["load_bearing"]
    assert (lb["semantics"], lb["support"]) == ("preferred", "deductive")


@pytest.mark.parametrize(
    "extra,message",
    [
        (["--load-bearing", "regressive"], "a claim; 'regressive' is of kind 'objection'"),
        (["--load-bearing", "nope"], "unknown statement 'nope'"),
        (["--load-bearing", "tax", "--k", "4"], "k must be a whole number from 1 to 3"),
    ],
)
def test_bad_input(path, capsys, extra, message):
    assert main(["analyze", str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err
