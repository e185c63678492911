"""API misuse: wrong types and values to the public API raise argmap errors, nothing else.

Each case calls one public function or method the wrong way. Only
:class:`argmap.ArgmapError` subclasses may escape (they may also be TypeError or
ValueError); an AttributeError, a bare TypeError or a raw pydantic ValidationError
is a bug.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgmapError, ArgumentationFramework, ArgumentMap
from argmap.analysis import semantics as sem
from argmap.cli.solve import solve


def _map() -> ArgumentMap:
    m = ArgumentMap(title="T")
    m.actor("ann", "Ann")
    c = m.claim("C.", id="c")
    o = m.objection("O.", id="o", against=c, by="ann")
    m.rebuttal("R.", id="r", against=o)
    return m


def _af() -> ArgumentationFramework:
    return ArgumentationFramework.from_edges(["a", "b"], [("a", "b")])


class _Obj:
    pass


CASES = {
    # ------------------------------------------------------------- building a map
    "ArgumentMap(title=5)": lambda: ArgumentMap(title=5).to_dict(),
    "ArgumentMap(source=5)": lambda: ArgumentMap(source=5),
    "ArgumentMap(source={'bad': 1})": lambda: ArgumentMap(source={"bad": 1}),
    "claim(None)": lambda: _map().claim(None),
    "claim(5)": lambda: _map().claim(5),
    "claim('')": lambda: _map().claim(""),
    "claim(['a'])": lambda: _map().claim(["a"]),
    "claim(id=5)": lambda: _map().claim("x", id=5),
    "claim(id='bad id')": lambda: _map().claim("x", id="bad id"),
    "claim(id='')": lambda: _map().claim("x", id=""),
    "claim(by=5)": lambda: _map().claim("x", by=5),
    "claim(by='nobody')": lambda: _map().claim("x", by="nobody"),
    "claim(tags=5)": lambda: _map().claim("x", tags=5),
    "claim(tags=[1])": lambda: _map().claim("x", tags=[1]),
    "claim(weight='high')": lambda: _map().claim("x", weight="high"),
    "claim(weight=2)": lambda: _map().claim("x", weight=2),
    "claim(weight=True)": lambda: _map().claim("x", weight=True),
    "claim(weight=nan)": lambda: _map().claim("x", weight=float("nan")),
    "claim(meta=5)": lambda: _map().claim("x", meta=5),
    "claim(meta=[1])": lambda: _map().claim("x", meta=[1]),
    "claim(meta={1: 2})": lambda: _map().claim("x", meta={1: 2}),
    "claim(meta=nan)": lambda: _map().claim("x", meta={"x": float("nan")}),
    "claim(meta=object)": lambda: _map().claim("x", meta={"x": _Obj()}),
    "claim(meta=deep)": lambda: _map().claim("x", meta=_deep(300)),
    "claim(source=5)": lambda: _map().claim("x", source=5),
    "claim(source={'date': 'soon'})": lambda: _map().claim("x", source={"date": "soon"}),
    "claim(quote=5)": lambda: _map().claim("x", quote=5),
    "claim(note=[1])": lambda: _map().claim("x", note=[1]),
    "claim(supports=5)": lambda: _map().claim("x", supports=5),
    "claim(supports='nope')": lambda: _map().claim("x", supports="nope"),
    "claim(supports=[None])": lambda: _map().claim("x", supports=[None]),
    "claim(against='c')": lambda: _map().claim("x", against="c"),
    "objection(against=None)": lambda: _map().objection("x", against=[None]),
    "objection(against=5)": lambda: _map().objection("x", against=5),
    "objection(against=object)": lambda: _map().objection("x", against=_Obj()),
    "objection(against='nope')": lambda: _map().objection("x", against="nope"),
    "rebuttal(against='c')": lambda: _map().rebuttal("x", against="c"),
    "statement('thing')": lambda: _map().statement("thing", "x"),
    "statement(5)": lambda: _map().statement(5, "x"),
    "statement(kind=None)": lambda: _map().statement(None, "x"),
    "actor(5, 'A')": lambda: _map().actor(5, "A"),
    "actor('a', None)": lambda: _map().actor("a", None),
    "actor('a', '')": lambda: _map().actor("a", ""),
    "actor(kind='alien')": lambda: _map().actor("a", "A", kind="alien"),
    "actor duplicate": lambda: _map().actor("ann", "Ann again"),
    "add_actor('ann')": lambda: _map().add_actor("ann"),
    "add(None)": lambda: _map().add(None),
    "add('text')": lambda: _map().add("text"),
    "add({'id': 'x'})": lambda: _map().add({"id": "x", "kind": "claim", "text": "X"}),
    "add(Relation)": lambda: _map().add(argmap.Relation(from_="a", to="b", kind="supports")),
    "add(model_copy bad id)": lambda: _map().add(_map()["c"].model_copy(update={"id": "x y"})),
    "add(model_copy empty text)": lambda: _map().add(
        _map()["c"].model_copy(update={"id": "n", "text": ""})
    ),
    "add(model_copy weight)": lambda: _map().add(
        _map()["c"].model_copy(update={"id": "n", "weight": 7})
    ),
    "replace(model_copy kind)": lambda: _map().replace(
        _map()["c"].model_copy(update={"text": 5})
    ),
    "replace('c')": lambda: _map().replace("c"),
    "replace(unknown)": lambda: _map().replace(argmap.Claim(id="zz", text="Z")),
    "relate(kind='likes')": lambda: _map().relate("r", "c", "likes"),
    "relate(kind=5)": lambda: _map().relate("r", "c", 5),
    "relate(from_=5)": lambda: _map().relate(5, "c", "supports"),
    "relate(to=None)": lambda: _map().relate("r", None, "supports"),
    "relate(unknown)": lambda: _map().relate("r", "zz", "supports"),
    "relate(id='bad id')": lambda: _map().relate("r", "c", "supports", id="bad id"),
    "relate(meta=5)": lambda: _map().relate("r", "c", "supports", meta=5),
    "relate(note=5)": lambda: _map().relate("r", "c", "supports", note=5),
    "add_relation('x')": lambda: _map().add_relation("x"),
    "add_relation(model_copy)": lambda: _map().add_relation(
        _map().relations()[0].model_copy(update={"kind": "likes", "id": "q"})
    ),
    "m[5]": lambda: _map()[5],
    "m['nope']": lambda: _map()["nope"],
    "m[None]": lambda: _map()[None],
    "get(['c'])": lambda: _map().get(["c"]),
    "relation(5)": lambda: _map().relation(5),
    "relation('nope')": lambda: _map().relation("nope"),
    "statements(kind='thing')": lambda: _map().statements(kind="thing"),
    "statements(kind=5)": lambda: _map().statements(kind=5),
    "relations(kind='likes')": lambda: _map().relations(kind="likes"),
    "attackers(5)": lambda: _map().attackers(5),
    "attackers('nope')": lambda: _map().attackers("nope"),
    "supporters(None)": lambda: _map().supporters(None),
    "targets('nope')": lambda: _map().targets("nope"),
    "relations_to('nope')": lambda: _map().relations_to("nope"),
    "remove('nope')": lambda: _map().remove("nope"),
    "remove(5)": lambda: _map().remove(5),
    "remove('c') dangling": lambda: _map().remove("c"),
    "remove_actor('nope')": lambda: _map().remove_actor("nope"),
    "remove_actor('ann') in use": lambda: _map().remove_actor("ann"),
    "get_actor(5)": lambda: _map().get_actor(5),
    "status('nope')": lambda: _map().status("nope"),
    "status(support='x')": lambda: _map().status(support="x"),
    "from_dict(5)": lambda: ArgumentMap.from_dict(5),
    "from_dict([])": lambda: ArgumentMap.from_dict([]),
    "from_dict({'argmap': 2})": lambda: ArgumentMap.from_dict({"argmap": 2}),
    "from_document('x')": lambda: ArgumentMap.from_document("x"),
    # ------------------------------------------------------------- files
    "load(None)": lambda: argmap.load(None),
    "load(5)": lambda: argmap.load(5),
    "load('missing.yaml')": lambda: argmap.load("/nonexistent/missing.yaml"),
    "load(format='nope')": lambda: argmap.load("x.yaml", format="nope"),
    "loads(None)": lambda: argmap.loads(None),
    "loads(5)": lambda: argmap.loads(5),
    "loads(b'bytes')": lambda: argmap.loads(b"argmap: 1"),
    "loads(format='nope')": lambda: argmap.loads("argmap: 1", format="nope"),
    "loads(format=5)": lambda: argmap.loads("argmap: 1", format=5),
    "loads('[1, 2]')": lambda: argmap.loads("[1, 2]"),
    "loads json '5'": lambda: argmap.loads("5", format="json"),
    "dumps('map')": lambda: argmap.dumps("map"),
    "dumps(format='nope')": lambda: argmap.dumps(_map(), format="nope"),
    "dump(path=None)": lambda: argmap.dump(_map(), None),
    "dump(format='nope')": lambda: argmap.dump(_map(), "/tmp/x.yaml", format="nope"),
    "read(None)": lambda: argmap.read(None),
    "from_networkx(5)": lambda: argmap.from_networkx(5),
    "from_networkx(extra='x')": lambda: argmap.from_networkx(_map().to_networkx(), extra="x"),
    # ------------------------------------------------------------- rendering
    "to_graphviz(5)": lambda: argmap.to_graphviz(5),
    "to_graphviz(direction='up')": lambda: argmap.to_graphviz(_map(), direction="up"),
    "to_graphviz(direction=5)": lambda: argmap.to_graphviz(_map(), direction=5),
    "to_graphviz(color_by='x')": lambda: argmap.to_graphviz(_map(), color_by="x"),
    "to_graphviz(group_by='x')": lambda: argmap.to_graphviz(_map(), group_by="x"),
    "to_graphviz(focus='nope')": lambda: argmap.to_graphviz(_map(), focus="nope"),
    "to_graphviz(focus=5)": lambda: argmap.to_graphviz(_map(), focus=5),
    "to_graphviz(depth=-1)": lambda: argmap.to_graphviz(_map(), focus="c", depth=-1),
    "to_graphviz(depth='x')": lambda: argmap.to_graphviz(_map(), focus="c", depth="x"),
    "to_graphviz(wrap=-3)": lambda: argmap.to_graphviz(_map(), wrap=-3),
    "to_graphviz(wrap='x')": lambda: argmap.to_graphviz(_map(), wrap="x"),
    "to_graphviz(status=5)": lambda: argmap.to_graphviz(_map(), status=5),
    "to_graphviz(highlight=5)": lambda: argmap.to_graphviz(_map(), highlight=5),
    "to_graphviz(highlight='x')": lambda: argmap.to_graphviz(_map(), highlight="x"),
    "to_graphviz(stagger='x')": lambda: argmap.to_graphviz(_map(), stagger="x"),
    "render_svg(bogus=1)": lambda: argmap.render_svg(_map(), bogus=1),
    "render(bogus=1)": lambda: _map().render("/nonexistent/x.svg", bogus=1),
    "to_mermaid(5)": lambda: argmap.to_mermaid(5),
    "render_svg(engine='nope')": lambda: argmap.render_svg(_map(), engine="nope"),
    "render_bytes(format='nope')": lambda: argmap.render_bytes(_map(), format="nope"),
    "render(path=None)": lambda: _map().render(None),
    # ------------------------------------------------------------- analysis
    "analyze(5)": lambda: argmap.analyze(5),
    "analyze(semantics='nope')": lambda: argmap.analyze(_map(), semantics="nope"),
    "analyze(semantics=5)": lambda: argmap.analyze(_map(), semantics=5),
    "analyze(semantics=[])": lambda: argmap.analyze(_map(), semantics=[]),
    "analyze(support='x')": lambda: argmap.analyze(_map(), support="x"),
    "analyze(strength='x')": lambda: argmap.analyze(_map(), strength="x"),
    "analyze(max_extensions=-1)": lambda: argmap.analyze(_map(), max_extensions=-1),
    "analyze(max_extensions='x')": lambda: argmap.analyze(_map(), max_extensions="x"),
    "analyze(timeout=-1)": lambda: argmap.analyze(_map(), timeout=-1),
    "analyze(timeout='x')": lambda: argmap.analyze(_map(), timeout="x"),
    "statuses(5)": lambda: argmap.statuses(5),
    "statuses(semantics=None)": lambda: argmap.statuses(_map(), semantics=None),
    "strength(5)": lambda: argmap.strength(5),
    "strength(method='x')": lambda: argmap.strength(_map(), "x"),
    "explain('nope')": lambda: argmap.explain(_map(), "nope"),
    "explain(5)": lambda: argmap.explain(_map(), 5),
    "translate(support='x')": lambda: argmap.translate(_map(), support="x"),
    "find_unanswered_objections(5)": lambda: argmap.find_unanswered_objections(5),
    "label_framework(5)": lambda: argmap.label_framework(5),
    "label_framework(sem='x')": lambda: argmap.label_framework(_af(), "x"),
    # ------------------------------------------------------------- frameworks, solve
    "from_edges(5, [])": lambda: ArgumentationFramework.from_edges(5, []),
    "from_edges(['a'], [('a', 'z')])": lambda: ArgumentationFramework.from_edges(
        ["a"], [("a", "z")]
    ),
    "from_edges(['a'], [5])": lambda: ArgumentationFramework.from_edges(["a"], [5]),
    "find_extension(sem='x')": lambda: sem.find_extension(_af(), "x"),
    "find_extension(5)": lambda: sem.find_extension(5, "PR"),
    "enumerate_extensions(limit='x')": lambda: list(
        sem.enumerate_extensions(_af(), "PR", limit="x")
    ),
    "count_extensions(sem=5)": lambda: sem.count_extensions(_af(), 5),
    "is_credulously_accepted('z')": lambda: sem.is_credulously_accepted(_af(), "z", "PR"),
    "is_sceptically_accepted(5)": lambda: sem.is_sceptically_accepted(_af(), 5, "PR"),
    "solve('XX-PR')": lambda: solve(_af(), "XX-PR"),
    "solve(5)": lambda: solve(_af(), 5),
    "solve(None af)": lambda: solve(None, "SE-PR"),
    "solve DC without argument": lambda: solve(_af(), "DC-PR"),
    "solve DC unknown argument": lambda: solve(_af(), "DC-PR", "zz"),
    "solve(timeout=0)": lambda: solve(_af(), "SE-PR", timeout=0),
    "parse_af(5)": lambda: argmap.parse_af(5, "i23"),
    "parse_af(format='x')": lambda: argmap.parse_af("p af 1", "x"),
    "format_af(5)": lambda: argmap.format_af(5, "i23"),
    "read_af(None)": lambda: argmap.read_af(None),
    # ------------------------------------------------------------- limits
    "limits.override(max_depth=0)": lambda: argmap.limits.override(max_depth=0).__enter__(),
    "limits.override(nope=1)": lambda: argmap.limits.override(nope=1).__enter__(),
    "time_limit('x')": lambda: argmap.time_limit("x").__enter__(),
}


def _deep(n: int) -> dict:
    d: dict = {}
    cur = d
    for _ in range(n):
        cur["k"] = {}
        cur = cur["k"]
    return d


def test_there_are_about_a_hundred_cases():
    assert len(CASES) >= 100


@pytest.mark.parametrize("name", list(CASES))
def test_misuse_raises_an_argmap_error_or_nothing(name):
    try:
        CASES[name]()
    except ArgmapError:
        pass
    # anything else propagates and fails the test, with its traceback
