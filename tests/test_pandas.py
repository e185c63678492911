"""Tables as pandas DataFrames: the map's statements and relations, and every result table."""

from __future__ import annotations

import sys

import pytest

import argmap
from argmap import ArgumentMap, MissingExtraError
from argmap.analysis.dialectic import OBJECTION_COLUMNS
from argmap.map import RELATION_COLUMNS, STATEMENT_COLUMNS
from argmap.table import Table


@pytest.fixture
def lunch() -> ArgumentMap:
    m = ArgumentMap(title="Lunch")
    m.actor("ann", "Ann", affiliation="Canteen")
    c = m.claim("We should eat out.", id="eat-out", tags=["thesis"])
    o = m.objection("It costs too much.", id="cost", against=c, by="ann", quote="too dear")
    m.rebuttal("The canteen is cheap.", id="cheap", against=o, source={"title": "Menu"})
    m.objection("It is raining.", id="rain", against=c)
    m.evidence("Five stars.", id="review", supports=c, weight=0.9)
    return m


@pytest.fixture
def no_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError


class TestWithPandas:
    pd = pytest.importorskip("pandas")

    def test_statements(self, lunch):
        df = lunch.to_pandas()
        assert df.index.name == "id" and list(df.index) == ["eat-out", "cost", "cheap", "rain",
                                                             "review"]  # fmt: skip
        assert tuple(df.columns) == STATEMENT_COLUMNS[1:]
        assert df.loc["cost", "actor"] == "Ann, Canteen" and df.loc["cost", "quote"] == "too dear"
        assert df.loc["eat-out", "thesis"] and not df.loc["cost", "thesis"]
        assert df.loc["eat-out", "attackers"] == 2 and df.loc["eat-out", "supporters"] == 1
        assert df.loc["cheap", "source_title"] == "Menu"
        assert df.loc["review", "weight"] == 0.9
        # a query: the objections nobody attacks
        assert list(df.query("kind == 'objection' and attackers == 0").index) == ["rain"]

    def test_relations(self, lunch):
        df = lunch.relations_frame()
        assert df.index.name == "key" and tuple(df.columns) == RELATION_COLUMNS[1:]
        assert df.loc["cost>objects>eat-out", "attack"]
        assert df.loc["review>supports>eat-out", "kind"] == "supports"
        assert list(df["from"]) == ["cost", "cheap", "rain", "review"]

    def test_empty_map(self):
        assert ArgumentMap().to_pandas().empty and ArgumentMap().relations_frame().empty
        assert tuple(ArgumentMap().to_pandas().columns) == STATEMENT_COLUMNS[1:]

    def test_statuses(self, lunch):
        df = argmap.statuses(lunch, "preferred").to_pandas()
        assert list(df.columns) == ["kind", "status"]
        assert df.loc["rain", "status"] == "in" and df.loc["rain", "kind"] == "objection"
        assert argmap.statuses(lunch).table().columns == ("id", "kind", "status")

    def test_strength(self, lunch):
        df = argmap.strength(lunch).to_pandas()
        assert list(df.columns) == ["score", "base"] and df.loc["review", "base"] == 0.9

    def test_objection_statuses(self, lunch):
        df = argmap.objection_statuses(lunch).to_pandas()
        assert df.index.name == "objection" and tuple(df.columns) == OBJECTION_COLUMNS[1:]
        assert df.loc["cost", "answered"] and df.loc["cost", "answered_by"] == ("cheap",)
        assert df.loc["rain", "reason"] == "no-answer"
        assert list(lunch.unanswered_objections().to_pandas().index) == ["rain"]

    def test_report(self, lunch):
        r = argmap.analyze(lunch)
        df = r.to_pandas()
        assert list(df.columns) == ["kind", "by", "text", "grounded", "preferred", "stable",
                                    "strength", "unanswered"]  # fmt: skip
        assert df.loc["rain", "unanswered"] and df.loc["eat-out", "grounded"] == "out"
        assert list(r.to_pandas("unanswered").index) == ["rain"]
        actors = r.to_pandas("actors")
        assert actors.loc["ann", "objections"] == 1
        with pytest.raises(argmap.OptionError, match="must be one of"):
            r.to_pandas("nothing")

    def test_table(self):
        t = Table([{"a": 1, "b": ("x", "y")}, {"a": 2, "b": None}])
        df = t.to_pandas()
        assert list(df.columns) == ["a", "b"] and df.loc[0, "b"] == ("x", "y")
        assert list(t.to_pandas(index="a").index) == [1, 2]
        with pytest.raises(argmap.OptionError, match="unknown column"):
            t.to_pandas(index="c")


class TestWithoutPandas:
    def test_clear_error(self, lunch, no_pandas):
        for call in (
            lunch.to_pandas,
            lunch.relations_frame,
            argmap.statuses(lunch).to_pandas,
            argmap.objection_statuses(lunch).to_pandas,
            lunch.what_if(defeat="cheap").to_pandas,
        ):
            with pytest.raises(MissingExtraError, match=r"pip install 'argmap\[pandas\]'"):
                call()

    def test_not_imported_until_asked(self, lunch):
        import subprocess

        code = (
            "import sys, argmap; m = argmap.ArgumentMap(); m.claim('C.', id='c'); "
            "argmap.analyze(m); m.what_if(defeat='c'); print('pandas' in sys.modules)"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)  # fmt: skip
        assert out.stdout.strip() == "False"
