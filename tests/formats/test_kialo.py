"""Tests for argmap.formats.kialo: the Kialo plain-text export, read and written."""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import detect_format
from argmap.formats.kialo import dumps_kialo, loads_kialo, sniff_kialo
from strategies import maps

SAMPLE = """\
Discussion Title: Should we eat out tonight?

1. We should eat out tonight.
1.1. Pro: The kitchen is a mess
after the party.
1.2. Con: It costs too much.
1.2.1. Con: The canteen is cheap.
1.2.1.1. Con: The canteen is closed tonight.
1.2.1.2. Pro: -> See 1.1.
1.2.2. Pro: We are saving for a holiday.
1.3. Pro: -> See 1.2.1.1.
"""


def load(text):
    m, losses = loads_kialo(text)
    return m, losses


class TestImport:
    def test_structure(self):
        m, losses = load(SAMPLE)
        assert losses == []
        assert m.title == "Should we eat out tonight?"
        kinds = {s.id: s.kind for s in m.statements()}
        assert kinds == {
            "1": "claim",
            "1.1": "claim",
            "1.2": "objection",
            "1.2.1": "rebuttal",
            "1.2.1.1": "objection",
            "1.2.2": "claim",
        }
        rels = {(r.from_, r.kind, r.to) for r in m.relations()}
        assert rels == {
            ("1.1", "supports", "1"),
            ("1.2", "objects", "1"),
            ("1.2.1", "rebuts", "1.2"),
            ("1.2.1.1", "objects", "1.2.1"),
            ("1.1", "supports", "1.2.1"),  # the link 1.2.1.2
            ("1.2.2", "supports", "1.2"),  # a Pro of an objection supports it
            ("1.2.1.1", "supports", "1"),  # the link 1.3
        }

    def test_multiline_text_and_meta(self):
        m, _ = load(SAMPLE)
        assert m["1.1"].text == "The kitchen is a mess\nafter the party."
        assert m["1.2.1"].meta == {"kialo": "1.2.1"}
        link = next(r for r in m.relations() if r.meta.get("kialo") == "1.3")
        assert (link.from_, link.to) == ("1.2.1.1", "1")

    def test_links_do_not_duplicate_statements(self):
        m, _ = load(SAMPLE)
        assert len(m) == 6
        assert not any("See" in s.text for s in m.statements())

    def test_con_of_rebuttal_is_objection_and_pro_of_objection_supports(self):
        m, _ = load("1. T.\n1.1. Con: O.\n1.1.1. Con: R.\n1.1.1.1. Con: O2.\n1.1.2. Pro: P.\n")
        assert [s.kind for s in m.statements()] == [
            "claim",
            "objection",
            "rebuttal",
            "objection",
            "claim",
        ]
        assert {(r.from_, r.kind) for r in m.relations()} >= {
            ("1.1.1.1", "objects"),
            ("1.1.2", "supports"),
        }

    def test_without_title(self):
        m, _ = load("1. Thesis only.\n")
        assert m.title is None and [s.text for s in m.statements()] == ["Thesis only."]

    def test_numbered_list_inside_a_text_is_text(self):
        m, _ = load("1. T.\n1.1. Pro: Two reasons:\n1. first\n2. second\n")
        assert m["1.1"].text == "Two reasons:\n1. first\n2. second"

    def test_crlf(self):
        m, _ = load(SAMPLE.replace("\n", "\r\n"))
        assert len(m) == 6 and m["1.1"].text == "The kitchen is a mess\nafter the party."

    def test_link_the_roles_cannot_carry_becomes_contradicts_with_warning(self):
        m, losses = load("1. T.\n1.1. Con: O1.\n1.2. Con: O2.\n1.2.1. Con: -> See 1.1.\n")
        (rel,) = [r for r in m.relations() if r.kind == "contradicts"]
        assert (rel.from_, rel.to) == ("1.1", "1.2")
        assert len(losses) == 1 and "line 4" in losses[0] and "contradicts" in losses[0]

    def test_link_repeating_a_relation_is_kept_once_with_warning(self):
        m, losses = load("1. T.\n1.1. Pro: P.\n1.2. Pro: -> See 1.1.\n")
        assert len(m.relations()) == 1
        assert "line 3" in losses[0] and "kept once" in losses[0]


class TestMalformed:
    @pytest.mark.parametrize(
        ("text", "line", "words"),
        [
            ("1. T.\n1.1. Pro: A.\n1.3.2. Con: B.\n", 3, "no claim 1.3."),
            ("1. T.\n1.1. Pro: A.\n1.1. Con: B.\n", 3, "given twice"),
            ("1. T.\n1.1. Pro: -> See 1.9.\n", 2, "does not exist"),
            ("1. T.\n1.1. Pro: -> See 1.\n1.1.1. Con: X.\n", 3, "is a '-> See' link"),
            ("1. T.\n1.1. Pro:\n1.2. Con: B.\n", 2, "has no text"),
            ("1. T.\n1.1. Maybe: B.\n1.1.1. Pro: C.\n", None, None),
            ("1. T.\n1.1. B.\n", 2, "no 'Pro:' or 'Con:'"),
            ("Hello\n1. T.\n", 1, "Discussion Title"),
        ],
    )
    def test_errors_name_the_line(self, text, line, words):
        if words is None:  # "1.1. Maybe: B." has no stance: it is an error too
            with pytest.raises(argmap.FormatError, match="no 'Pro:' or 'Con:'") as exc:
                loads_kialo(text, path="d.txt")
            assert exc.value.line == 2
            return
        with pytest.raises(argmap.FormatError, match=re.escape(words)) as exc:
            loads_kialo(text, path="d.txt")
        assert exc.value.line == line
        assert str(exc.value).startswith(f"d.txt, line {line}:")

    def test_empty(self):
        with pytest.raises(argmap.FormatError, match="no thesis"):
            loads_kialo("Discussion Title: T\n\n")


class TestSniffAndRegistry:
    def test_sniff(self):
        assert sniff_kialo(SAMPLE)
        assert sniff_kialo("1. T.\n1.1. Con: X.\n")
        assert not sniff_kialo("argmap: 1\n")
        assert not sniff_kialo("1. shopping list\n2. milk\n")

    def test_detect(self):
        assert detect_format("d.kialo.txt").name == "kialo"
        assert detect_format("d.txt", SAMPLE).name == "kialo"

    def test_load_file(self, tmp_path):
        p = tmp_path / "d.txt"
        p.write_text(SAMPLE, encoding="utf-8")
        m = argmap.load(p)
        assert len(m) == 6


class TestExport:
    def test_round_trip_is_line_for_line(self):
        m, _ = load(SAMPLE)
        assert dumps_kialo(m) == SAMPLE

    def test_native_map(self):
        m = argmap.ArgumentMap(title="Lunch")
        t = m.claim("Eat out.", id="t")
        o = m.objection("Costly.", id="o", against=t)
        m.rebuttal("Canteen.", id="r", against=o, supports=t)
        assert dumps_kialo(m) == (
            "Discussion Title: Lunch\n\n1. Eat out.\n1.1. Con: Costly.\n"
            "1.1.1. Con: Canteen.\n1.2. Pro: -> See 1.1.1.\n"
        )

    def test_losses_are_warned(self):
        m = argmap.ArgumentMap()
        m.actor("ann", "Ann")
        t = m.claim("T.", id="t", by="ann", tags=["x"])
        e = m.evidence("E.", id="e", supports=t)
        o = m.objection("O.", id="o", against=t, qualifier="probably")
        m.relate(e, o, "contradicts")
        m.relate(t, o, "concedes")
        with pytest.warns(argmap.LossWarning) as rec:
            text = dumps_kialo(m)
        msg = str(rec[0].message)
        for words in ("1 actors", "'by' of 1", "tags of 1", "1 'contradicts'", "kind of 1"):
            assert words in msg
        assert "'qualifier' of 1 statements" in msg and "1 'concedes' relations" in msg
        assert text.count("Con:") == 1  # the concession is no Con

    def test_kialo_numbers_that_are_not_numbers_go_last(self):
        m = argmap.ArgumentMap()
        t = m.claim("T.", id="t")
        m.objection("A.", id="a", against=t, meta={"kialo": 5})
        m.objection("B.", id="b", against=t, meta={"kialo": "1.1"})
        m.objection("C.", id="c", against=t, meta={"kialo": ["1.2"]})
        assert dumps_kialo(m) == "1. T.\n1.1. Con: B.\n1.2. Con: A.\n1.3. Con: C.\n"

    def test_no_warning_when_nothing_is_lost(self):
        m, _ = load(SAMPLE)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            dumps_kialo(m)

    def test_several_roots_is_an_error(self):
        m = argmap.ArgumentMap()
        m.claim("A.", id="a")
        m.claim("B.", id="b")
        with pytest.raises(argmap.FormatError, match=r"2 statements .* \(a, b\)"):
            dumps_kialo(m)

    def test_empty_map_is_an_error(self):
        with pytest.raises(argmap.FormatError, match="empty"):
            dumps_kialo(argmap.ArgumentMap())

    def test_unreachable_cycle_is_an_error(self):
        m = argmap.ArgumentMap()
        m.claim("T.", id="t")
        a = m.claim("A.", id="a")
        m.claim("B.", id="b", supports=a)
        m.relate("a", "b", "supports")
        with pytest.raises(argmap.FormatError, match="do not lead to the thesis"):
            dumps_kialo(m)


words = (
    st.text(alphabet="abcdefghij XYZ,'()[]", min_size=1, max_size=15).map(str.strip).filter(bool)
)


@st.composite
def kialo_maps(draw):
    """Maps Kialo holds: one thesis, Pro/Con trees, kinds as Kialo infers them, links."""
    m = argmap.ArgumentMap(title=draw(st.none() | words))
    m.claim("Thesis " + draw(words), id="s0")
    n = draw(st.integers(0, 14))
    for i in range(1, n + 1):
        parent = m[f"s{draw(st.integers(0, i - 1))}"]
        text = f"S{i} " + draw(words) + draw(st.sampled_from(["", "\nsecond line"]))
        if draw(st.booleans()):
            m.claim(text, id=f"s{i}", supports=parent)
        else:
            kind = "rebuttal" if parent.kind == "objection" else "objection"
            m.statement(kind, text, id=f"s{i}", against=parent)
    for _ in range(draw(st.integers(0, 4))):
        a, b = (m[f"s{draw(st.integers(0, n))}"] for _ in range(2))
        if a.id == "s0" or b.kind == "objection" and a.kind != "rebuttal":
            continue
        kind = draw(st.sampled_from(["supports", "attack"]))
        if kind == "attack":
            kind = {"objection": "objects", "rebuttal": "rebuts"}.get(a.kind)
            if kind is None or (kind == "objects") != (b.kind != "objection"):
                continue
        try:
            m.relate(a, b, kind)
        except argmap.ArgmapError:
            pass
    return m


def _canonical(m):
    text = {s.id: s.text for s in m.statements()}
    return (
        m.title,
        sorted((s.text, s.kind) for s in m.statements()),
        sorted((text[r.from_], r.kind, text[r.to]) for r in m.relations()),
    )


class TestRoundTrip:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(kialo_maps())
    def test_native_kialo_native(self, m):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            text = dumps_kialo(m)
        back, losses = loads_kialo(text)
        assert losses == []
        assert _canonical(back) == _canonical(m)
        # and the second trip is exact, numbers and all
        assert dumps_kialo(back) == text


class TestCorpus:
    def test_exodus(self, corpus):
        path = corpus / "kialo" / "exodus-kialo-export.txt"
        raw = path.read_text(encoding="utf-8")
        pro_con = len(re.findall(r"^\d+(?:\.\d+)+\. (?:Pro|Con):", raw, re.M))
        links = len(re.findall(r"^\d+(?:\.\d+)+\. (?:Pro|Con): -> See ", raw, re.M))
        m, losses = argmap.read(path)
        assert len(m) == pro_con - links + 1  # every claim plus the thesis, links are no statements
        assert len(m.relations()) == pro_con  # one relation per Pro/Con line, link or not
        assert sum(1 for r in m.relations() if "kialo" in r.meta) == links
        assert m.title == "Did the Exodus Really Happen?"
        for msg in losses:
            assert re.match(r"line \d+: ", msg)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert dumps_kialo(m).rstrip("\n") == raw.rstrip("\n")


class TestHonesty:
    """Any map: Kialo export either refuses, or warns, or keeps the whole structure."""

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(maps(max_statements=8))
    def test_silent_export_loses_nothing(self, m):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                text = dumps_kialo(m)
            except argmap.FormatError:
                return  # several theses or cycles: refused with a message
        back, _ = loads_kialo(text)
        assert len(back) == len(m)
        tree = [r for r in m.relations() if r.kind in ("supports", "objects", "rebuts")]
        assert len(back.relations()) == len(tree)
        if not caught:
            assert _canonical(back)[1:] == _canonical(m)[1:]
