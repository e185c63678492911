"""Fuzz one reader, inside the resource-limited subprocess that ``test_fuzz.py`` starts.

Usage: ``python fuzz_worker.py FORMAT EXAMPLES SEED``. Hypothesis draws inputs from a
small valid fixture of FORMAT (written by argmap itself from a map with every kind of
statement and relation) and mutates them: byte flips, insertions of hostile tokens
(aliases, deep brackets, huge numbers, NaN, control characters, bad UTF-8),
duplicated and deleted slices, truncation; it also tries unrelated random bytes.
Each input goes through the format's reader; only :class:`argmap.ArgmapError` may
escape. Any other exception fails the run: Hypothesis shrinks the input and prints
it, and the process exits non-zero. A hang or a memory blow-up is stopped by the
parent's limits (RLIMIT_CPU, RLIMIT_AS), which also fails the test.
"""

from __future__ import annotations

import sys
import warnings

import hypothesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, ArgumentationFramework

MAP_FORMATS = (
    "yaml",
    "json",
    "kialo",
    "argdown",
    "aif",
    "ova3",
    "xaif",
    "sadface",
    "graphml",
    "node-link",
)
AF_FORMATS = ("i23", "apx", "tgf")

HOSTILE = [
    b"&a [1, 2]\n",
    b"*a",
    b"&b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
    b"[" * 2000,
    b"{" * 2000,
    b'{"k": ' * 300,
    b"9" * 5000,
    b"NaN",
    b"Infinity",
    b"1e999",
    b".nan",
    b"-.inf",
    b"\r",
    b"\v",
    b"\f",
    b"\x00",
    b"\xff\xfe",
    b"\xc3",
    b"\xe2\x80\xa8",
    b"\n---\n",
    b"\n===\n",
    b"!!python/object:os.system",
    b"<<: *a",
    b"? ",
    b"p af 1000000000000\n",
    b"p af " + b"9" * 40 + b"\n",
    b"arg(" + b"x" * 1000 + b").",
    b"<!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]>",
    b"&b;",
    b'"id": "s1", "id": "s1"',
    b"id: s1\nid: s2\n",
    b"weight: true",
    b"argmap: true",
    b"kind: objecton",
    b"1. Pro: ",
    b"-> See 1.1.",
    b"[Title]: text {a: &x [1], b: *x}",
    b"<a>: ",
    b"\t",
    b" " * 100,
    b"x" * 300,
    b"9" * 300,
    b".1" * 150,
]


def _sample_map(tree: bool = False) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Fuzz", source={"title": "Src", "date": "2024"})
    if tree:  # Kialo holds one thesis and a tree under it
        c = m.claim("We should act.", id="c")
        m.evidence("A study says so.", id="e", supports=c)
        o = m.objection("It costs too much.", id="o", against=c)
        m.rebuttal("Costs fall later.", id="r", against=o)
        return m
    m.actor("ann", "Ann", affiliation="Org")
    c = m.claim("We should act.", id="c", tags=["thesis"], by="ann", quote="Act now.")
    e = m.evidence("A study says so.", id="e", supports=c, meta={"n": 1, "l": [1.5, "x"]})
    o = m.objection("It costs too much.", id="o", against=c, weight=0.5)
    r = m.rebuttal("Costs fall later.", id="r", against=o, note="see p. 4")
    m.claim("Another view.", id="c2")
    m.relate("c2", "c", "contradicts")
    m.objection("The study is old.", id="u", against=m.relations_from(e)[0])
    m.claim("True, it costs.", id="k")
    m.relate("k", r, "supports")
    return m


def fixture(fmt: str) -> bytes:
    """A small valid file of ``fmt``, written by argmap."""
    if fmt in AF_FORMATS:
        af = ArgumentationFramework.from_edges(
            ["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "c")]
        )
        return argmap.format_af(af, fmt).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return argmap.dumps(_sample_map(tree=fmt == "kialo"), format=fmt).encode()


def read(fmt: str, data: bytes) -> None:
    """Read ``data`` as ``fmt`` the way ``argmap.load`` does (bytes -> text -> reader)."""
    from argmap.formats import get_format
    from argmap.io import decode_text

    if fmt in AF_FORMATS:
        argmap.parse_af(data, fmt)
        return
    text = decode_text(data, "fuzz")
    get_format(fmt).read(text, "fuzz")


@st.composite
def mutated(draw, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "dup", "cut", "token"]))
        pos = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            pos = min(pos, len(data) - 1)
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        elif op == "dup":
            end = min(len(data), pos + draw(st.integers(1, 200)))
            data[pos:pos] = data[pos:end] * draw(st.integers(1, 3))
        elif op == "cut":
            del data[pos:]
        else:
            data[pos:pos] = draw(st.sampled_from(HOSTILE))
    return bytes(data)


@st.composite
def hostile_value(draw, flavour: str) -> str:
    """A YAML or JSON value of a resource-exhausting shape, valid syntax."""
    shape = draw(st.sampled_from(["deep", "bomb", "int", "nan", "dup", "wide"]))
    if shape == "deep":
        depth = draw(st.integers(1, 5000))
        return "[" * depth + "1" + "]" * depth
    if shape == "bomb" and flavour == "yaml":
        levels, fan = draw(st.integers(1, 12)), draw(st.integers(1, 12))
        lines = ["&l0 [x, x]"]
        for k in range(1, levels):
            lines.append(f"&l{k} [" + ", ".join([f"*l{k - 1}"] * fan) + "]")
        return "[" + ", ".join(lines) + "]"
    if shape == "int":
        return "9" * draw(st.integers(1, 10000))
    if shape == "nan":
        return draw(st.sampled_from([".nan", ".inf", "-.inf"] if flavour == "yaml" else
                                    ["NaN", "Infinity", "-Infinity", "1e999"]))
    if shape == "dup":
        return '{"a": 1, "a": 2}'
    return "[" + ", ".join(["1"] * draw(st.integers(1, 20000))) + "]"


@st.composite
def hostile(draw, fmt: str) -> bytes:
    """A file of ``fmt`` that is well-formed around one hostile value."""
    flavour = "yaml" if fmt in ("yaml", "argdown") else "json"
    value = draw(hostile_value(flavour))
    if fmt == "yaml":
        where = draw(st.sampled_from(["meta", "text", "tags", "top"]))
        if where == "top":
            return f"argmap: 1\nx: {value}\nstatements: []\n".encode()
        return (
            f"argmap: 1\nstatements:\n  - id: c\n    kind: claim\n    text: C.\n"
            f"    {where}: {value}\n"
        ).encode()
    if fmt == "json":
        return (
            '{"argmap": 1, "statements": [{"id": "c", "kind": "claim", "text": "C.", '
            f'"meta": {{"x": {value}}}}}]}}'
        ).encode()
    if fmt == "argdown":
        if draw(st.booleans()):
            return f"===\nx: {value}\n===\n\n[C]: We act.\n".encode()
        return f"[C]: We act. {{x: {value}}}\n".encode()
    if fmt == "graphml":
        import html

        meta = html.escape(f'{{"x": {value}}}', quote=False)
        return fixture(fmt).decode().replace('{"l": [1.5, "x"], "n": 1}', meta, 1).encode()
    if fmt in ("aif", "ova3", "xaif", "sadface", "node-link"):
        text = fixture(fmt).decode().rstrip()
        # a hostile extra key in the top-level object
        return (text[:-1] + f', "zz": {value}}}').encode()
    if fmt == "i23":
        n = draw(st.integers(0, 10**30))
        return f"p af {n}\n1 {draw(st.integers(0, 10**30))}\n".encode()
    if fmt == "apx":
        return b"arg(a).\n" * draw(st.integers(0, 3)) + f"att(a, {value[:50]}).".encode()
    return f"a\n#\na {value[:50]}\n".encode()


def main(fmt: str, examples: int, random_seed: int) -> None:
    base = fixture(fmt)
    read(fmt, base)  # the fixture itself is valid

    @hypothesis.seed(random_seed)  # deterministic for a seed; the slow run uses another
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.one_of(mutated(base), hostile(fmt), st.binary(max_size=300)))
    def check(data: bytes) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                read(fmt, data)
            except ArgmapError:
                pass

    check()
    print(f"{fmt}: {examples} inputs, only argmap errors")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
