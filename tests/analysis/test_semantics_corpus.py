"""Semantics against the shared ICCMA reference answers (../shared/corpus/iccma)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmap.analysis.framework import ArgumentationFramework
from argmap.analysis.semantics import (
    SEMANTICS,
    count_extensions,
    enumerate_extensions,
    is_credulously_accepted,
    is_sceptically_accepted,
)
from argmap.formats.iccma import parse_af, read_af

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "iccma"
CODES = tuple(SEMANTICS)


def corpus(sub: str) -> Path:
    folder = CORPUS / sub
    if not folder.is_dir():
        pytest.skip(f"shared ICCMA corpus not found at {folder}")
    return folder


def extensions(af, code, limit=None) -> set[frozenset[str]]:
    found = list(enumerate_extensions(af, code, limit))
    assert len(found) == len(set(found)), "an extension was enumerated twice"
    return set(found)


def parse_ee(text: str) -> set[frozenset[str]]:
    """ICCMA'15-'17 enumeration output: [[a,b],[c]]."""
    inner = text.strip()
    assert inner.startswith("[") and inner.endswith("]")
    return {
        frozenset(x.strip() for x in group.split(",") if x.strip())
        for group in re.findall(r"\[([^\[\]]*)\]", inner[1:-1])
    }


# -- the shared reference answers -----------------------------------------------------------


def _asgl_cases():
    folder = CORPUS / "asgl_small"
    if not folder.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no corpus at {folder}"))]
    return sorted(p.stem for p in folder.glob("*.apx"))


@pytest.mark.parametrize("stem", _asgl_cases())
def test_asgl_small_reference_extensions(stem):
    folder = corpus("asgl_small")
    af = read_af(folder / f"{stem}.apx")
    for code in ("CO", "GR", "PR", "ST"):
        want = parse_ee((folder / f"{stem}.EE-{code}").read_text())
        assert extensions(af, code) == want, code


def test_crustabri_extension_sets():
    folder = corpus("crustabri_i23")
    expected = json.loads((folder / "expected.json").read_text())
    af = read_af(folder / "crustabri_test4.i23")
    sets = expected["derived_extension_sets_by_semantics_for_crustabri_test4"]
    for code in CODES:
        want = {frozenset(str(x) for x in e) for e in sets[code]}
        assert extensions(af, code) == want, code


def test_iccma17_computed_reference_extensions():
    folder = corpus("iccma17_computed")
    checked = 0
    for path in sorted(folder.glob("*.EE-*")):
        stem, code = path.name.rsplit(".EE-", 1)
        af = read_af(folder / f"{stem}.tgf")
        assert extensions(af, code) == parse_ee(path.read_text()), path.name
        checked += 1
    assert checked >= 10


@pytest.mark.slow
def test_iccma17_computed_counts():
    folder = corpus("iccma17_computed")
    cross = json.loads((folder / "crosscheck.json").read_text())
    for name, info in cross.items():
        if name.startswith("_"):
            continue
        af = read_af(folder / name)
        assert af.num_arguments == info["args"] and af.num_attacks == info["attacks"]
        for code, count in info["counts"].items():
            if count > 20_000:  # the millions of complete extensions of gml.50: too slow here
                continue
            assert count_extensions(af, code) == count, (name, code)


def _dynamic_cases():
    folder = CORPUS / "iccma19_dynamic"
    if not folder.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no corpus at {folder}"))]
    return sorted(p.name for p in folder.iterdir() if p.is_dir())


@pytest.mark.slow  # A-2-WS_300 alone takes ~20 s of genuine SAT search (clingo: similar)
@pytest.mark.parametrize("instance", _dynamic_cases())
def test_iccma19_dynamic_acceptance(instance):
    folder = corpus("iccma19_dynamic") / instance
    base = read_af(folder / f"{instance}.apx")
    names = list(base.names)
    attacks = list(base.attacks())
    query = (folder / f"{instance}.apx.arg").read_text().strip()
    changes = re.findall(
        r"([+-])att\(\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)", (folder / f"{instance}.apxm").read_text()
    )
    expected = {}
    for out in folder.glob("*-D.out"):
        task = re.search(r"-(D[CS]-(?:CO|ST))-D\.out$", out.name).group(1)
        lines = out.read_text().split()
        assert lines[0] == f"{task}-D"
        expected[task] = lines[1:]
    assert set(expected) == {"DC-CO", "DC-ST", "DS-CO", "DS-ST"}
    current = set(attacks)
    versions = [ArgumentationFramework.from_edges(names, sorted(current))]
    for sign, a, b in changes[:8]:
        if sign == "+":
            current.add((a, b))
        else:
            current.discard((a, b))
        versions.append(ArgumentationFramework.from_edges(names, sorted(current)))
    for task, answers in expected.items():
        kind, code = task.split("-")
        check = is_credulously_accepted if kind == "DC" else is_sceptically_accepted
        got = ["YES" if check(af, query, code).accepted else "NO" for af in versions]
        assert got == answers[: len(got)], task


def test_parse_ee_format():
    assert parse_ee("[]") == set()
    assert parse_ee("[[]]") == {frozenset()}
    assert parse_ee("[[a,b],[c]]") == {frozenset("ab"), frozenset("c")}
    assert parse_af("p af 1\n", "i23").num_arguments == 1
