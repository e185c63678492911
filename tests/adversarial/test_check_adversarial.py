"""Adversarial review of ``argmap check`` and ``argmap.anchor`` (issue 8): each test here
failed before the fix it names, or pins an edge case the review tried."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.anchor import locate_quotes
from argmap.check import check_map
from argmap.check.output import format_text
from argmap.cli import main

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"

THREAT = """\
argmap: 1
actors: [{id: ann, name: Ann}]
statements:
  - {id: t, kind: claim, text: Thesis., by: ann, tags: [thesis]}
  - {id: o, kind: objection, text: Obj., by: ann, against: t}
"""


def _threatened() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    m.actor("ann", "Ann")
    t = m.claim("Thesis.", id="t", by="ann", tags=["thesis"])
    m.objection("Obj.", id="o", against=t, by="ann")
    return m


# ---------------------------------------------------------------- text report


@pytest.mark.parametrize(
    "config",
    [
        {"ignore": ["AM101"]},
        {"per-statement-ignores": {"o": ["unanswered-objection"]}},
        {"severity": {"AM101": "info"}, "min-severity": "warning"},
    ],
)
def test_text_never_says_a_threatened_thesis_is_unthreatened(config):
    """Before: with AM101 off, suppressed or hidden, the report said "Thesis 't': no
    unanswered objection threatens it" while its own summary line counted one."""
    m = _threatened()
    m.check_config = config
    result = check_map(m)
    assert not [f for f in result.findings if f.code == "AM101"]
    text = format_text([result])
    assert "no unanswered objection threatens it" not in text
    assert "1 unanswered objection threatens it, not reported" in text


def test_text_says_a_thesis_is_unthreatened_when_it_is():
    m = _threatened()
    m.rebuttal("Answer.", id="r", against="o", by="ann")
    assert "Thesis 't' (Thesis.): no unanswered objection threatens it" in str(check_map(m))


# ---------------------------------------------------------------- quotes


def test_verbatim_quote_before_an_ellipsis_is_verbatim():
    """Before: 'They left.' in 'They left... Then' was "normalised", not verbatim, with
    the difference 'punctuation (.. for  )' and the hint 'They left...'."""
    m = argmap.ArgumentMap(source={"text": "They left... Then they came back."})
    m.claim("C.", id="c", quote="They left.")
    m.claim("D.", id="d", quote="They left...")
    c, d = locate_quotes(m)
    assert (c.verbatim, c.how, c.start, c.end, c.differences) == (True, "exact", 0, 10, ())
    assert (d.verbatim, d.start, d.end) == (True, 0, 12)


# ---------------------------------------------------------------- several files, one bad


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(THREAT, encoding="utf-8")
    bad = tmp_path / "bad map.yaml"
    bad.write_text("argmap: 1\nstatements: [\n", encoding="utf-8")
    return str(good), str(bad), str(tmp_path / "missing.yaml")


def test_json_names_the_files_that_could_not_be_checked(files, capsys):
    """Before: a file that failed to load was absent from the JSON ("files" listed only
    the good one and nothing said a file was skipped), though the exit status was 2."""
    good, bad, missing = files
    assert main(["check", good, bad, missing, "--format", "json", "--ignore", "AM101"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert [f["file"] for f in data["files"]] == [good]
    assert [e["file"] for e in data["errors"]] == [bad, missing]
    assert all(e["message"] for e in data["errors"])
    assert data["failed"] is True


def test_sarif_reports_unloadable_files_and_is_printed_when_all_fail(files, capsys):
    """Before: the unloadable files were missing from the log, and when every file failed
    nothing at all was printed (an empty SARIF file breaks the upload step)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    good, bad, missing = files
    assert main(["check", good, bad, "--format", "sarif"]) == 2
    log = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, schema)
    (inv,) = log["runs"][0]["invocations"]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["level"] == "error"
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("bad%20map.yaml")
    assert main(["check", missing, "--format", "sarif"]) == 2
    log = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, schema)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_sarif_of_a_good_run_says_it_succeeded(files, capsys):
    good, _, _ = files
    assert main(["check", good, "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_github_annotates_the_files_that_could_not_be_checked(files, capsys):
    good, bad, missing = files
    assert main(["check", missing, "--format", "github"]) == 2
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={missing},title=argmap::")
    assert "missing.yaml: no such file" in out


# ---------------------------------------------------------------- a statement's own source


def test_statement_source_file_is_relative_to_the_map_not_the_cwd(tmp_path, monkeypatch):
    """Before: the check resolved a statement's own ``source.file`` against the current
    directory (the web page used the map's folder), so checking ``sub/map.yaml`` from
    elsewhere said "nothere.txt: source text file not found" for a file that is there."""
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "report.txt").write_text("The report says so. Indeed.", encoding="utf-8")
    (sub / "map.yaml").write_text(
        """\
argmap: 1
source: {text: "Thesis here. More."}
actors: [{id: ann, name: Ann}]
statements:
  - {id: t, kind: claim, text: T., by: ann, quote: Thesis here., tags: [thesis]}
  - {id: e, kind: evidence, text: E., by: ann, quote: The report says so.,
     source: {file: report.txt}, supports: t}
""",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = argmap.check.check_file("sub/map.yaml", isolated=True)
    assert not [f for f in result.findings if f.code.startswith("AM3")]


def test_missing_statement_source_names_the_statement(tmp_path, capsys):
    path = tmp_path / "map.yaml"
    path.write_text(
        """\
argmap: 1
source: {text: "Thesis here."}
statements:
  - {id: t, kind: claim, text: T., quote: Thesis here., tags: [thesis]}
  - {id: e, kind: evidence, text: E., quote: foo, source: {file: gone.txt}, supports: t}
""",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert str(tmp_path / "gone.txt") in err and "statement 'e'" in err


def test_end_marker_before_the_start_marker_is_not_called_absent():
    """Before: "end marker 'Alpha' is not in the source" for a marker that is in the source,
    only before the start marker."""
    from argmap.anchor import coverage

    m = argmap.ArgumentMap(source={"text": "Alpha one. Beta two. Gamma three."})
    m.claim("C.", id="c", quote="Beta two.")
    with pytest.raises(argmap.SourceError, match="'Alpha' is in no sentence of the source at or"):
        coverage(m, start="Gamma", end="Alpha")
    assert coverage(m, start="Beta", end="Beta").share == 1.0


def test_unused_actor_sharing_a_statement_id_is_cited_at_the_actor(tmp_path):
    """Before: actor 'y' (line 4) unused was reported at line 7, the statement 'y'."""
    path = tmp_path / "clash.yaml"
    path.write_text(
        """\
argmap: 1
actors:
  - {id: x, name: Xavier}
  - {id: y, name: Y}
statements:
  - {id: t, kind: claim, text: T., tags: [thesis], by: x}
  - {id: y, kind: claim, text: Y., supports: t, by: x}
""",
        encoding="utf-8",
    )
    (f,) = argmap.check.check_file(path, isolated=True).findings
    assert (f.code, f.statement, f.line) == ("AM202", "y", 4)


# ---------------------------------------------------------------- partly undercut objections


def _partly_undercut(second_target: str) -> argmap.ArgumentMap:
    """o attacks the thesis t (that attack undercut by u) and ``second_target``."""
    m = argmap.ArgumentMap()
    m.actor("ann", "Ann")
    t = m.claim("T.", id="t", tags=["thesis"], by="ann")
    m.claim("W.", id="w", supports=t, by="ann")
    m.claim("Side.", id="side", by="ann")
    o = m.objection("O.", id="o", against=[t, second_target], by="ann")
    attack = next(r for r in m.relations_from(o.id) if r.to == "t")
    m.rebuttal("U.", id="u", against=attack, by="ann")
    return m


def test_partly_undercut_objection_is_not_called_undecided():
    """Before: an objection one of whose two attacks is undercut had reason 'undecided',
    and AM102 said its answers "()" were "caught in a cycle" (there is no cycle)."""
    m = _partly_undercut("w")
    (st,) = argmap.objection_statuses(m)
    assert (st.answered, st.reason, st.answered_by) == (False, "partly-undercut", ("u",))
    assert st.threatens == {"t": ("o", "w", "t")}
    (f,) = [f for f in check_map(m).findings if f.thesis]
    assert f.code == "AM101" and "cycle" not in f.message
    assert "undercut" in f.message


def test_partly_undercut_objection_threatens_only_through_its_standing_attacks():
    """Before: o's attack on the thesis is undercut and its other attack hits a side claim,
    yet o was an unanswered objection *bearing on the thesis* (AM101, exit 1), through the
    attack that is answered: the author's objection to a side claim read as an open
    challenge to the thesis."""
    m = _partly_undercut("side")
    (st,) = argmap.objection_statuses(m)
    assert (st.answered, st.reason, st.threatens) == (False, "partly-undercut", {})
    assert m.unanswered_objections(thesis="t") == []
    result = check_map(m)
    (f,) = [f for f in result.findings if f.statement == "o"]
    assert f.code == "AM103" and "(partly undercut by 'u')" in f.message
    assert not result.failed
    # the same objection with nothing undercut threatens the thesis directly
    plain = argmap.ArgumentMap()
    t = plain.claim("T.", id="t", tags=["thesis"])
    plain.claim("Side.", id="side")
    plain.objection("O.", id="o", against=[t, "side"])
    assert argmap.objection_statuses(plain)[0].threatens == {"t": ("o", "t")}


def test_a_quote_too_long_for_the_fuzzy_search_is_reported_not_found():
    """Before: a quote longer than the whole source (the source pasted with words added)
    went to the word-sequence comparison, whose cost grows with the square of its length
    (a 400 KB quote took 4 s, a few MB minutes). Now a quote over MAX_FUZZY_WORDS words
    that is not found exactly, normalised or across ellipses is reported not found."""
    from argmap.anchor import MAX_FUZZY_WORDS

    text = " ".join(f"word{i % 997}" for i in range(MAX_FUZZY_WORDS)) + "."
    m = argmap.ArgumentMap(source={"text": text})
    m.claim("Long.", id="long", quote=text + " and more words here")
    m.claim("Whole.", id="whole", quote=text)
    long, whole = locate_quotes(m)
    assert not long.found and "too long" in long.differences[0]
    assert whole.verbatim  # a long quote that is in the source is still found
    # just under the limit the fuzzy search still runs
    m2 = argmap.ArgumentMap(source={"text": text})
    words = text.split()
    m2.claim("Near.", id="near", quote=" ".join(words[: MAX_FUZZY_WORDS - 5] + ["changed"]))
    (near,) = locate_quotes(m2)
    assert near.found and near.how == "fuzzy"


def test_an_answer_whose_undercut_is_undercut_is_defeated_not_undecided():
    """Before: r undercuts o's attack and u undercuts r's undercut (nothing answers u):
    o's attack stands, yet o was 'undecided', answered_by ('r',), and AM102 said its
    answers "()" were caught in a cycle. r stands as a statement, but its answer (the
    undercut) is defeated."""
    m = argmap.ArgumentMap()
    t = m.claim("T.", id="t", tags=["thesis"])
    o = m.objection("O.", id="o", against=t)
    m.rebuttal("R.", id="r", against=m.relations_from(o.id)[0])
    u = m.objection("U.", id="u")
    m.relate(u, m.relations_from("r")[0], "undercuts")
    by_id = {s.objection.id: s for s in argmap.objection_statuses(m)}
    assert (by_id["o"].reason, by_id["o"].answered_by, by_id["o"].answers) == (
        "answers-defeated",
        (),
        ("r",),
    )
    found = [f.code for f in check_map(m).findings if f.statement == "o"]
    assert "AM101" in found and "AM102" not in found


def test_undecided_always_involves_an_undecided_argument():
    """Property on generated maps: reason 'undecided' only when the objection, one of its
    attacks or one of its answers (as the relation that carries it) is undecided."""
    from hypothesis import HealthCheck, given, settings

    from argmap.analysis.bipolar import bipolar_framework
    from argmap.analysis.dialectic import grounded_labels
    from strategies import maps

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(maps(max_statements=10, rich=False))
    def check(m):
        baf = bipolar_framework(m)
        labels = grounded_labels(baf.arguments, baf.attacks)
        for st in argmap.objection_statuses(m):
            if st.reason != "undecided":
                continue
            o = st.objection.id
            involved = {o}
            for r in m.relations_from(o):
                if r.is_attack:
                    involved.add(r.key)
                    involved |= {x.key for x in m.relations_to(r.key) if x.is_attack}
            involved |= {x.key for x in m.relations_to(o) if x.is_attack}
            involved |= set(st.answers)
            assert "undec" in {labels.get(a) for a in involved}, o

    check()


def test_an_objection_answered_by_undercuts_still_bears_on_the_thesis():
    """The scoping of partly-undercut objections leaves answered ones alone: an objection
    whose every attack is undercut is answered, and still listed as bearing on the thesis."""
    m = argmap.ArgumentMap()
    t = m.claim("T.", id="t", tags=["thesis"])
    o = m.objection("O.", id="o", against=t)
    m.rebuttal("U.", id="u", against=m.relations_from(o.id)[0])
    (st,) = argmap.objection_statuses(m, thesis="t")
    key = m.relations_from(o.id)[0].key
    assert (st.answered, st.reason, st.threatens) == (True, "undercut", {"t": ("o", key, "t")})


def test_support_cycle_message_lists_its_members_with_commas():
    """Before: "support cycle: 'a' , 'b' support each other" (a space before each comma)."""
    m = argmap.ArgumentMap()
    a = m.claim("A.", id="a")
    b = m.claim("B.", id="b", supports=a)
    m.relate(a, b, "supports")
    (f,) = [f for f in check_map(m).findings if f.code == "AM108"]
    assert "support cycle: 'a', 'b' support each other" in f.message


def test_decomposed_accents_and_invisible_characters_normalise():
    """Before: a quote typed with composed accents ('fermé') was not found in a source
    with decomposed ones ('ferme\\u0301', as macOS and many PDFs write it), and a longer
    one was 'fuzzy' with "word 'café' in the quote, 'cafe' in the source"; a quote with a
    soft hyphen or a BOM was 'fuzzy' with "punctuation (  for \\ufeff)"."""
    import unicodedata

    text = "Le café est fermé aujourd’hui. Nous partons."
    m = argmap.ArgumentMap(source={"text": unicodedata.normalize("NFD", text)})
    m.claim("A.", id="a", quote="Le café est fermé aujourd'hui.")
    m.claim("B.", id="b", quote="fermé")
    m.claim("C.", id="c", quote="\ufeffNous par\u00adtons.")
    m.claim("D.", id="d", quote=unicodedata.normalize("NFD", "fermé"))
    a, b, c, d = locate_quotes(m)
    nfd = unicodedata.normalize("NFD", text)
    assert (a.how, a.start, a.end) == ("normalised", 0, nfd.index("hui.") + 4)
    assert a.differences == (
        "accents written as one character in one, as two in the other",
        "typographic quotes (’ for ')",
    )
    assert (b.how, b.start, b.end) == ("normalised", nfd.index("ferme"), nfd.index(" aujourd"))
    assert (c.how, c.differences) == (
        "normalised",
        ("invisible characters (soft hyphen, zero-width space or BOM)",),
    )
    assert nfd[c.start : c.end] == "Nous partons."
    assert (d.how, d.verbatim) == ("exact", True)
