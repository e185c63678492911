"""Extension semantics of abstract argumentation: one extension, acceptance, enumeration, counting.

Semantics: grounded (``"GR"``), complete (``"CO"``), preferred (``"PR"``), stable
(``"ST"``), semi-stable (``"SST"``), stage (``"STG"``) and ideal (``"ID"``); the long
names (``"semi-stable"``) work too. Tasks, each a function of a
:class:`~argmap.analysis.framework.ArgumentationFramework`:

* :func:`find_extension` -- one extension (``None`` when there is none, e.g. no
  stable extension of an odd cycle);
* :func:`is_credulously_accepted` / :func:`is_sceptically_accepted` -- an
  :class:`Acceptance` with a witness (an extension containing the argument) or a
  counter-example (an extension without it);
* :func:`enumerate_extensions` (with a ``limit``) and :func:`count_extensions`.

How
---
The grounded labelling is computed in linear time with a queue of arguments
whose attackers are all OUT (pure Python; on frameworks of 10^4 arguments or
more, rounds over large frontiers are vectorised with numpy). Every complete
extension contains the grounded IN arguments and excludes the grounded OUT
ones, and on the remaining UNDEC arguments the complete labellings are exactly
those of the sub-framework they induce, so the SAT instances are built for that
residue only. When it is empty (in particular when the framework is acyclic)
there is exactly one complete extension and all seven semantics coincide.

The other semantics use labelling encodings [2]_ solved incrementally with
CaDiCaL 1.9.5 through python-sat: preferred by growing a complete labelling
until no strict superset exists (PrefSAT [3]_), semi-stable and stage by growing
the range the same way, sceptical preferred / semi-stable / stage acceptance by
counter-example-guided loops (each loop step finds a new maximal extension, so
they terminate; see the comments of each function), and ideal as the largest
admissible set whose members no credulously accepted argument attacks [4]_.
Stage is the only semantics that may leave out a grounded argument, so it is
computed on the whole framework (conflict-free sets of maximal range); if a
stable extension exists, semi-stable and stage extensions are the stable ones.

Why python-sat and not clingo, measured on this project's 2-core machine
(``benchmarks/bench_semantics.py``, ``benchmarks/results/semantics.md``): one
stable extension of a framework with 10^4 arguments took argmap (pysat/CaDiCaL
1.9.5) 0.13-0.9 s from file to answer against clingo 5.8's 0.8-3.2 s with a
hand-written guess-and-check encoding, and at 10^5 arguments 0.7-0.9 s against
14-17 s (most of clingo's time is grounding); one preferred extension at 10^5
took 0.45 s against 65 s (clingo's domain heuristic for subset-maximality). On a
hard 300-argument ICCMA'19 instance (A-2-WS_300) both spend 0.3-1.3 s per query.
python-sat also ships binary wheels, needs no grounder, and its incremental
assumptions give witnesses and CEGAR loops directly. It is imported lazily, so
``import argmap`` stays light and acyclic frameworks never load it.

References
----------
.. [1] P. Baroni, M. Caminada, M. Giacomin, "An introduction to argumentation
   semantics", The Knowledge Engineering Review 26(4), 2011.
.. [2] M. Caminada, D. Gabbay, "A logical account of formal argumentation",
   Studia Logica 93, 2009 (labellings).
.. [3] F. Cerutti, M. Giacomin, M. Vallati, M. Zanella, "An SCC recursive
   meta-algorithm for computing preferred labellings in abstract argumentation",
   KR 2014 (PrefSAT).
.. [4] P. E. Dunne, "The computational complexity of ideal semantics", Artificial
   Intelligence 173(18), 2009.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from ..errors import ArgmapError, UsageError
from .deadline import check as _check_deadline
from .framework import ArgumentationFramework, _numpy

__all__ = [
    "SEMANTICS",
    "Acceptance",
    "Labelling",
    "UnknownSemanticsError",
    "grounded_extension",
    "grounded_labelling",
    "ideal_extension",
    "find_extension",
    "is_credulously_accepted",
    "is_sceptically_accepted",
    "enumerate_extensions",
    "count_extensions",
    "credulous_arguments",
]

SEMANTICS: dict[str, str] = {
    "GR": "grounded",
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
    "SST": "semi-stable",
    "STG": "stage",
    "ID": "ideal",
}
"""The supported semantics: ICCMA abbreviation -> full name."""

_ALIASES = {**{k.lower(): k for k in SEMANTICS}, **{v: k for k, v in SEMANTICS.items()}}
_ALIASES.update({"semistable": "SST", "semi_stable": "SST"})

UNDEC, IN, OUT = 0, 1, 2


class UnknownSemanticsError(ArgmapError, ValueError):
    """A semantics name that argmap does not know."""


def _code(semantics: str) -> str:
    code = _ALIASES.get(str(semantics).strip().lower())
    if code is None:
        valid = ", ".join(f"{v!r} ({k})" for k, v in SEMANTICS.items())
        raise UnknownSemanticsError(f"unknown semantics {semantics!r} (must be one of {valid})")
    return code


@dataclass(frozen=True, slots=True)
class Acceptance:
    """The answer to an acceptance question, with its certificate.

    ``accepted`` is the answer. ``witness`` is an extension proving it where one
    exists: for credulous acceptance, an extension containing the argument
    (``None`` when rejected); for sceptical acceptance, an extension *without*
    the argument when it is rejected (``None`` when accepted). It is truthy
    exactly when ``accepted`` is.
    """

    accepted: bool
    witness: frozenset[str] | None = None

    def __bool__(self) -> bool:
        return self.accepted


@dataclass(frozen=True, slots=True)
class Labelling:
    """A three-valued labelling: the IN, OUT and UNDEC arguments (frozensets of names)."""

    in_: frozenset[str]
    out: frozenset[str]
    undec: frozenset[str]


# -- grounded ----------------------------------------------------------------------------

_NUMPY_MIN_ARGS = 10_000
"""From this many arguments the grounded rounds and label scans use numpy.

At N arguments and 2N attacks, numpy's rounds take 0.48 ms against 1.27 ms in
pure Python at N = 5x10^3 (numpy already imported) and 2.3 against 12.9 ms at
5x10^4; below 10^4 arguments the pure loop is kept so that small frameworks never
import numpy (see ``framework._NUMPY_MIN_ATTACKS`` for the file-to-answer
crossover, near 10^4 arguments).
"""
_SMALL_FRONTIER = 256


def _grounded_labels(af: ArgumentationFramework) -> bytearray:
    """The grounded labelling as a bytearray over indices: 0 UNDEC, 1 IN, 2 OUT.

    Linear time: an argument becomes IN when its count of not-yet-OUT attackers
    drops to 0; its targets become OUT and decrement their own targets' counts.
    """
    n = af.num_arguments
    ptr, adj = af.csr()
    counts: list[int]
    if n >= _NUMPY_MIN_ARGS:
        labels, counts, queue = _grounded_rounds(_numpy(), n, ptr, adj)
    else:
        counts = [0] * n
        for t in adj:
            counts[t] += 1
        labels = bytearray(n)
        queue = [i for i in range(n) if counts[i] == 0]
    for i in queue:
        labels[i] = IN
    for i in queue:  # the queue grows while we walk it
        for j in adj[ptr[i] : ptr[i + 1]]:
            if labels[j] == UNDEC:
                labels[j] = OUT
                for k in adj[ptr[j] : ptr[j + 1]]:
                    c = counts[k] - 1
                    counts[k] = c
                    if c == 0 and labels[k] == UNDEC:
                        labels[k] = IN
                        queue.append(k)
    return labels


def _grounded_rounds(
    np: Any, n: int, ptr_arr: Any, adj_arr: Any
) -> tuple[bytearray, list[int], list[int]]:
    """Vectorised rounds of the grounded fixpoint while the frontier is large.

    Returns ``(labels, counts, queue)`` for the pure-Python loop to finish: the
    frontier ``queue`` of arguments that are IN but whose targets are unprocessed.
    """
    ptr = np.frombuffer(ptr_arr, dtype=np.int32).astype(np.int64)
    adj = np.frombuffer(adj_arr, dtype=np.int32)
    counts = np.bincount(adj, minlength=n)
    labels = np.zeros(n, dtype=np.int8)
    mark = np.zeros(n, dtype=np.int64)

    def gather(nodes: Any) -> Any:
        start = ptr[nodes]
        size = ptr[nodes + 1] - start
        total = int(size.sum())
        if total == 0:
            return adj[:0]
        offsets = np.repeat(start - np.cumsum(size) + size, size) + np.arange(total)
        return adj[offsets]

    def unique(values: Any) -> Any:  # O(len) deduplication via a scratch array
        rank = np.arange(len(values))
        mark[values] = rank
        return values[mark[values] == rank]

    frontier = np.flatnonzero(counts == 0)
    while len(frontier) >= _SMALL_FRONTIER:
        labels[frontier] = IN
        beaten = gather(frontier)
        beaten = unique(beaten[labels[beaten] == UNDEC])
        labels[beaten] = OUT
        hit = gather(beaten)
        np.subtract.at(counts, hit, 1)
        hit = unique(hit)
        frontier = hit[(counts[hit] == 0) & (labels[hit] == UNDEC)]
    return bytearray(labels.tobytes()), counts.tolist(), frontier.tolist()


def grounded_labelling(af: ArgumentationFramework) -> Labelling:
    """The grounded labelling: the least complete labelling.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("abcd", [("a", "b"), ("c", "d"), ("d", "c")])
    >>> lab = grounded_labelling(af)
    >>> sorted(lab.in_), sorted(lab.out), sorted(lab.undec)
    (['a'], ['b'], ['c', 'd'])
    """
    labels = _grounded_labels(af)
    return Labelling(*(af.names_of(_positions(labels, v)) for v in (IN, OUT, UNDEC)))


def _positions(labels: bytearray, value: int) -> list[int]:
    if len(labels) >= _NUMPY_MIN_ARGS:
        np = _numpy()
        out: list[int] = np.flatnonzero(np.frombuffer(labels, dtype=np.int8) == value).tolist()
        return out
    out, find, i = [], labels.find, labels.find(value)
    while i >= 0:
        out.append(i)
        i = find(value, i + 1)
    return out


def grounded_extension(af: ArgumentationFramework) -> frozenset[str]:
    """The grounded extension, in linear time.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "c")])
    >>> sorted(grounded_extension(af))
    ['a', 'c']
    """
    return af.names_of(_positions(_grounded_labels(af), IN))


# -- the residue left UNDEC by the grounded labelling --------------------------------------


class _Residue:
    """The sub-framework on the grounded UNDEC arguments, re-indexed ``0 .. k-1``.

    ``fixed`` holds the (original) indices every complete extension contains.
    With ``whole=True`` it is the whole framework instead (for stage semantics).
    """

    def __init__(self, af: ArgumentationFramework, *, whole: bool = False) -> None:
        self.af = af
        n = af.num_arguments
        bptr, badj = af.backward_csr()
        if whole:
            self.labels = bytearray(n)
            self.fixed: list[int] = []
        else:
            self.labels = _grounded_labels(af)
            self.fixed = _positions(self.labels, IN)
        labels = self.labels
        self.orig = _positions(labels, UNDEC)
        local = {i: x for x, i in enumerate(self.orig)}
        self.local = local
        # attackers labelled OUT can be dropped; UNDEC arguments have no IN attacker
        self.attackers = [
            [local[j] for j in badj[bptr[i] : bptr[i + 1]] if labels[j] == UNDEC] for i in self.orig
        ]

    def __len__(self) -> int:
        return len(self.orig)

    def extension(self, local_in: Iterable[int]) -> frozenset[str]:
        orig = self.orig
        return self.af.names_of([*self.fixed, *(orig[i] for i in local_in)])


class _Sat:
    """An incremental CaDiCaL instance over a residue, with one of three encodings.

    ``kind="CO"``: complete labellings (variables in_i = i+1, out_i = k+i+1);
    ``"CF"``: conflict-free sets with out_i meaning "attacked by the set";
    ``"ST"``: stable extensions (in_i only). ``ranged=True`` adds range variables
    r_i = in_i or out_i (2k+i+1).
    """

    def __init__(self, res: _Residue, kind: str, *, ranged: bool = False) -> None:
        from pysat.solvers import Cadical195

        k = self.k = len(res)
        clauses: list[list[int]] = []
        add = clauses.append
        for i, att in enumerate(res.attackers):
            v_in = i + 1
            if not i & 1023:
                _check_deadline()  # a dense framework makes millions of clauses
            if kind == "ST":
                for j in att:
                    add([-v_in] if j == i else [-(j + 1), -v_in])
                add([v_in, *(j + 1 for j in att)])
                continue
            v_out = k + i + 1
            add([-v_out, *(j + 1 for j in att)])  # OUT -> some attacker IN
            for j in att:
                add([v_out, -(j + 1)])  # an attacker IN -> OUT
            if kind == "CO":
                add([-v_in, -v_out])
                for j in att:
                    add([-v_in, k + j + 1])  # IN -> every attacker OUT
                add([v_in, *(-(k + j + 1) for j in att)])  # every attacker OUT -> IN
            else:  # conflict-free: IN -> no attacker IN (so IN and OUT exclude each other)
                for j in att:
                    add([-v_in] if j == i else [-v_in, -(j + 1)])
        self.nv = k if kind == "ST" else 2 * k
        if ranged:
            for i in range(k):
                r, v_in, v_out = 2 * k + i + 1, i + 1, k + i + 1
                clauses += ([-r, v_in, v_out], [r, -v_in], [r, -v_out])
            self.nv = 3 * k
        self.solver = Cadical195(bootstrap_with=clauses)

    def close(self) -> None:
        self.solver.delete()

    def __enter__(self) -> _Sat:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def new_var(self) -> int:
        self.nv += 1
        return self.nv

    def solve(self, assumptions: Iterable[int] = ()) -> bool:
        _check_deadline()  # a SAT call itself cannot be interrupted: check between calls
        return bool(self.solver.solve(assumptions=list(assumptions)))

    def add(self, clause: Iterable[int]) -> None:
        self.solver.add_clause(list(clause))

    def model_in(self, model: Sequence[int] | None = None) -> list[int]:
        """The IN arguments of ``model`` (default: the last one found)."""
        model = self.solver.get_model() if model is None else model
        return [i for i in range(self.k) if model[i] > 0]

    def model_range(self, model: Sequence[int] | None = None) -> list[int]:
        """The range (r_i true) of ``model`` (default: the last one found)."""
        model, k = self.solver.get_model() if model is None else model, self.k
        return [i for i in range(k) if model[2 * k + i] > 0]

    def above(
        self, chosen: list[int], offset: int = 0, assumptions: Iterable[int] = ()
    ) -> list[int] | None:
        """A model (under ``assumptions``) whose set strictly contains ``chosen``, or None.

        The set is the IN arguments with ``offset`` 0, the range with ``offset`` 2k.
        A selector guards the "one more" clause, so it is retired afterwards.
        """
        act = self.new_var()
        self.add([-act, *self.outside(chosen, offset)])
        found = self.solve([*assumptions, *(offset + i + 1 for i in chosen), act])
        model = self.solver.get_model() if found else None  # before add(): it voids the model
        self.add([-act])
        return model

    def grow(self, members: list[int], assumptions: Iterable[int] = ()) -> list[int]:
        """Maximise the IN set of the current model (under ``assumptions``); return it.

        Each step asks for a model that keeps ``members`` IN and adds one more
        argument, so the result is a subset-maximal model under the assumptions.
        """
        while len(members) < self.k:
            model = self.above(members, 0, assumptions)
            if model is None:
                break
            members = self.model_in(model)
        return members

    def grow_range(
        self,
        assumptions: Iterable[int] = (),
        *,
        start: tuple[list[int], list[int]] | None = None,
    ) -> tuple[list[int], list[int]]:
        """Maximise the range of the current model (or ``start``); return ``(members, range)``."""
        members, rng = start if start is not None else (self.model_in(), self.model_range())
        while len(rng) < self.k:
            model = self.above(rng, 2 * self.k, assumptions)
            if model is None:
                break
            members, rng = self.model_in(model), self.model_range(model)
        return members, rng

    def outside(self, members: Iterable[int], offset: int = 0) -> list[int]:
        """Literals of the arguments not in ``members`` (``offset`` 2k for range variables)."""
        inside = set(members)
        return [offset + i + 1 for i in range(self.k) if i not in inside]


# -- one extension and enumeration -------------------------------------------------------


def _stable_local(res: _Residue) -> list[int] | None:
    with _Sat(res, "ST") as sat:
        return sat.model_in() if sat.solve() else None


def _preferred_local(res: _Residue) -> list[int]:
    with _Sat(res, "CO") as sat:
        sat.solve()  # the all-UNDEC labelling always exists
        return sat.grow(sat.model_in())


def _ideal_local(res: _Residue) -> list[int]:
    """The ideal extension on the residue (Dunne 2009).

    An admissible set S lies in every preferred extension iff no credulously
    accepted argument attacks S: such an attacker would sit with S in some
    preferred extension; conversely, if none does, S is compatible with every
    preferred extension P (no attack either way, as P would defend against S
    with a credulous attacker), so S is contained in P by maximality. The ideal
    extension is therefore the largest admissible subset of
    Z = {credulous arguments with no credulous attacker}, found by removing
    undefended members until none is left.
    """
    k = len(res)
    credulous: set[int] = set()
    with _Sat(res, "CO") as sat:
        while len(credulous) < k and sat.solve():
            credulous.update(sat.model_in())
            sat.add(sat.outside(credulous))
    attackers = res.attackers
    zone = {x for x in credulous if not any(y in credulous for y in attackers[x])}
    targets: list[list[int]] = [[] for _ in range(k)]
    for x, att in enumerate(attackers):
        for y in att:
            targets[y].append(x)
    # hits[y] = members of the current set attacking y; x stays while each attacker is hit
    hits = [0] * k
    for x in zone:
        for y in targets[x]:
            hits[y] += 1
    doomed = [x for x in zone if any(hits[y] == 0 for y in attackers[x])]
    alive = set(zone)
    while doomed:
        x = doomed.pop()
        if x not in alive:
            continue
        alive.discard(x)
        for y in targets[x]:
            hits[y] -= 1
            if hits[y] == 0:
                doomed.extend(z for z in targets[y] if z in alive)
    return sorted(alive)


def ideal_extension(af: ArgumentationFramework) -> frozenset[str]:
    """The ideal extension: the largest admissible set contained in every preferred extension.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges(
    ...     "1234", [("1", "2"), ("2", "1"), ("1", "3"), ("2", "3"), ("3", "4"), ("4", "3")]
    ... )
    >>> sorted(ideal_extension(af)), sorted(grounded_extension(af))
    (['4'], [])
    """
    return cast(frozenset[str], _find(af, _Residue(af), "ID"))  # an ideal one always exists


def _require_af(af: object, where: str) -> None:
    if not isinstance(af, ArgumentationFramework):
        raise UsageError(f"{where} expects an ArgumentationFramework, got {type(af).__name__}")


def find_extension(
    af: ArgumentationFramework, semantics: str = "grounded"
) -> frozenset[str] | None:
    """One extension under ``semantics``, or ``None`` when there is none (only stable).

    For complete semantics this is the grounded extension.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(find_extension(af, "grounded"))
    []
    >>> sorted(find_extension(af, "stable")) in (["a", "c"], ["b"])
    True
    >>> odd = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    >>> find_extension(odd, "stable") is None
    True
    """
    _require_af(af, "find_extension")
    code = _code(semantics)
    if code in ("GR", "CO"):
        return grounded_extension(af)
    return _find(af, _Residue(af), code)


def _find(af: ArgumentationFramework, res: _Residue, code: str) -> frozenset[str] | None:
    """:func:`find_extension` on the grounded residue ``res`` of ``af`` (already built)."""
    if code in ("GR", "CO") or len(res) == 0:
        return res.extension([])
    if code == "PR":
        return res.extension(_preferred_local(res))
    if code == "ID":
        return res.extension(_ideal_local(res))
    stable = _stable_local(res)
    if stable is not None:
        return res.extension(stable)
    if code == "ST":
        return None
    gen = _enumerate_range(_range_residue(af, res, code))
    try:
        return next(gen)  # a maximal range always exists
    finally:
        gen.close()


def _range_residue(
    af: ArgumentationFramework, res: _Residue, code: str
) -> tuple[_Residue, str]:
    """The residue and encoding to maximise range on: semi-stable or stage."""
    return (res, "CO") if code == "SST" else (_Residue(af, whole=True), "CF")


def _enumerate_range(
    spec: tuple[_Residue, str],
) -> Generator[frozenset[str], None, None]:
    """Every extension of maximal range (semi-stable with CO, stage with CF)."""
    res, kind = spec
    with _Sat(res, kind, ranged=True) as sat:
        k = sat.k
        while sat.solve():
            _, rng = sat.grow_range()
            exact = [*(2 * k + i + 1 for i in rng), *(-lit for lit in sat.outside(rng, 2 * k))]
            while sat.solve(exact):
                members = sat.model_in()
                yield res.extension(members)
                sat.add([*(-(i + 1) for i in members), *sat.outside(members)])
            rest = sat.outside(rng, 2 * k)
            if not rest:
                return
            sat.add(rest)  # later ranges must not lie inside this maximal one


def enumerate_extensions(
    af: ArgumentationFramework, semantics: str, limit: int | None = None
) -> Iterator[frozenset[str]]:
    """Every extension under ``semantics`` (at most ``limit`` of them), lazily.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("ab", [("a", "b"), ("b", "a")])
    >>> sorted(sorted(e) for e in enumerate_extensions(af, "complete"))
    [[], ['a'], ['b']]
    >>> [sorted(e) for e in enumerate_extensions(af, "preferred", limit=1)] in ([["a"]], [["b"]])
    True
    """
    _require_af(af, "enumerate_extensions")
    code = _code(semantics)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise UsageError(f"limit must be an integer or None, not {limit!r}")
    if limit is not None and limit <= 0:
        return iter(())
    gen = _enumerate(af, code)
    if limit is None:
        return gen
    return _take(gen, limit)


def _take(gen: Iterator[frozenset[str]], limit: int) -> Iterator[frozenset[str]]:
    for count, ext in enumerate(gen, start=1):
        yield ext
        if count >= limit:
            gen.close()  # type: ignore[attr-defined]
            return


def _enumerate(af: ArgumentationFramework, code: str) -> Iterator[frozenset[str]]:
    if code == "GR":
        yield grounded_extension(af)
        return
    res = _Residue(af)
    if len(res) == 0:
        yield res.extension([])
        return
    if code == "ID":
        yield res.extension(_ideal_local(res))
        return
    if code in ("ST", "SST", "STG"):
        found = False
        with _Sat(res, "ST") as sat:
            while sat.solve():
                found = True
                members = sat.model_in()
                yield res.extension(members)
                rest = sat.outside(members)
                if not rest:
                    break
                sat.add(rest)  # stable extensions are pairwise incomparable
        if found or code == "ST":
            return
        yield from _enumerate_range(_range_residue(af, res, code))
        return
    with _Sat(res, "CO") as sat:
        while sat.solve():
            members = sat.model_in()
            if code == "PR":
                members = sat.grow(members)
                yield res.extension(members)
                rest = sat.outside(members)
                if not rest:
                    return
                sat.add(rest)  # no later preferred extension is a subset of this one
            else:
                yield res.extension(members)
                sat.add([*(-(i + 1) for i in members), *sat.outside(members)])


def count_extensions(
    af: ArgumentationFramework, semantics: str, *, limit: int | None = None
) -> int:
    """The number of extensions under ``semantics`` (counting stops at ``limit``).

    Examples
    --------
    >>> odd = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    >>> [count_extensions(odd, s) for s in ("complete", "stable", "semi-stable", "stage")]
    [1, 0, 1, 3]
    """
    return sum(1 for _ in enumerate_extensions(af, semantics, limit))


# -- acceptance --------------------------------------------------------------------------


def is_credulously_accepted(af: ArgumentationFramework, arg: str, semantics: str) -> Acceptance:
    """Whether ``arg`` belongs to at least one extension; the witness is such an extension.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> r = is_credulously_accepted(af, "c", "preferred")
    >>> r.accepted, sorted(r.witness)
    (True, ['a', 'c'])
    >>> is_credulously_accepted(af, "c", "grounded").accepted
    False
    """
    return _accept(af, arg, _code(semantics), sceptical=False)


def is_sceptically_accepted(af: ArgumentationFramework, arg: str, semantics: str) -> Acceptance:
    """Whether ``arg`` belongs to every extension; if not, the witness is one without it.

    With no extension at all (stable semantics only), every argument is
    sceptically accepted, following ICCMA.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> r = is_sceptically_accepted(af, "c", "preferred")
    >>> r.accepted, sorted(r.witness)
    (False, ['b'])
    """
    return _accept(af, arg, _code(semantics), sceptical=True)


def _accept(af: ArgumentationFramework, arg: str, code: str, *, sceptical: bool) -> Acceptance:
    _require_af(af, "is_sceptically_accepted" if sceptical else "is_credulously_accepted")
    a = af.index(arg)
    yes = Acceptance(True)
    if code == "GR" or (code == "CO" and sceptical):
        grounded = _grounded_labels(af)
        ext: frozenset[str] | None = af.names_of(_positions(grounded, IN))
        member = grounded[a] == IN
        if sceptical:
            return yes if member else Acceptance(False, ext)
        return Acceptance(True, ext) if member else Acceptance(False)
    res = _Residue(af)
    if code == "ID":
        ideal = cast(frozenset[str], _find(af, res, "ID"))  # an ideal one always exists
        if arg in ideal:
            return yes if sceptical else Acceptance(True, ideal)
        return Acceptance(False, ideal) if sceptical else Acceptance(False)
    if code == "STG" and (len(res) == 0 or _stable_local(res) is not None):
        code = "ST"  # when stable extensions exist, they are the stage ones
    label = res.labels[a]
    if code != "STG" and label != UNDEC:
        # every complete-based extension agrees with the grounded labelling on a
        if (label == IN) == (not sceptical) or code == "ST":
            # credulous IN / sceptical OUT need an extension as certificate (if any)
            ext = _find(af, res, code)
            if ext is None:  # no stable extension: nothing is credulous, all sceptical
                return Acceptance(sceptical)
            return Acceptance(label == IN, None if (label == IN) == sceptical else ext)
        return Acceptance(label == IN)
    if code == "STG":
        whole = _Residue(af, whole=True)
        found = _range_search(whole, "CF", -(a + 1) if sceptical else a + 1)
        return _verdict(whole, found, sceptical)
    x = res.local[a]
    if code == "CO":  # credulous only: sceptical CO was answered above
        with _Sat(res, "CO") as sat:
            return _verdict(res, sat.model_in() if sat.solve([x + 1]) else None, False)
    if code == "PR":
        return _verdict(res, (_sceptical_pr if sceptical else _credulous_pr)(res, x), sceptical)
    if code == "ST" or _stable_local(res) is not None:  # SST: the stable ones, if any
        with _Sat(res, "ST") as sat:
            lit = -(x + 1) if sceptical else x + 1
            return _verdict(res, sat.model_in() if sat.solve([lit]) else None, sceptical)
    # SST without a stable extension
    return _verdict(res, _range_search(res, "CO", -(x + 1) if sceptical else x + 1), sceptical)


def credulous_arguments(
    af: ArgumentationFramework, semantics: str, candidates: list[str] | None = None
) -> frozenset[str]:
    """The arguments of ``candidates`` (default: all) in some extension, preferred or stable.

    One incremental SAT instance answers every query, and each extension found
    settles all its members at once, so a framework with many arguments costs
    one encoding instead of one per argument. Under preferred semantics an
    argument is credulously accepted exactly when some complete extension holds it.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(credulous_arguments(af, "preferred"))
    ['a', 'b', 'c']
    >>> sorted(credulous_arguments(af, "stable"))
    ['a', 'b', 'c']
    """
    code = _code(semantics)
    if code not in ("PR", "ST"):
        raise UnknownSemanticsError(
            f"credulous_arguments answers preferred or stable semantics, not {semantics!r}"
        )
    names = af.names if candidates is None else candidates
    res = _Residue(af)
    yes: set[int] = set(res.fixed)
    settled: set[int] = set()
    if len(res):
        with _Sat(res, "CO" if code == "PR" else "ST") as sat:
            if code == "ST" and not sat.solve():
                return frozenset()  # no stable extension at all
            for name in names:
                a = af.index(name)
                if res.labels[a] != UNDEC:
                    continue
                x = res.local[a]
                if x in settled:
                    continue
                settled.add(x)
                if sat.solve([x + 1]):
                    members = sat.model_in()
                    settled.update(members)
                    yes.update(res.orig[i] for i in members)
    wanted = set(names)
    return af.names_of(i for i in yes if af.name(i) in wanted)


def _verdict(res: _Residue, found: list[int] | None, sceptical: bool) -> Acceptance:
    """``found`` is a local extension with (credulous) or without (sceptical) the argument."""
    if found is None:
        return Acceptance(sceptical)
    return Acceptance(not sceptical, res.extension(found))


def _credulous_pr(res: _Residue, x: int) -> list[int] | None:
    """A preferred extension containing x: a complete one grown under the assumption x IN."""
    with _Sat(res, "CO") as sat:
        if not sat.solve([x + 1]):
            return None
        return sat.grow(sat.model_in(), [x + 1])


def _sceptical_pr(res: _Residue, x: int) -> list[int] | None:
    """A preferred extension without x, or None when x is in every preferred extension.

    Loop: M = a subset-maximal complete extension without x that is not inside
    any preferred extension P found so far (the selector-guarded clauses). If M
    has no complete strict superset, M is preferred: counter-example. Otherwise
    every strict superset contains x (M was maximal without x), so growing gives
    a new preferred P containing x, and M and all complete sets inside P are
    excluded. A preferred extension without x is never inside another preferred
    extension, so it is never excluded; each round finds a new P, so the loop ends.
    """
    with _Sat(res, "CO") as sat:
        sel = sat.new_var()
        while True:
            if not sat.solve([-(x + 1), sel]):
                return None
            members = sat.grow(sat.model_in(), [-(x + 1), sel])
            bigger = sat.above(members)
            if bigger is None:
                return members
            preferred = sat.grow(sat.model_in(bigger))
            sat.add([-sel, *sat.outside(preferred)])


def _range_search(res: _Residue, kind: str, lit: int) -> list[int] | None:
    """An extension of maximal range (semi-stable / stage) satisfying ``lit``, or None.

    Loop: E = a model with ``lit`` whose range R is maximal among such models
    that avoid the excluded ranges. If no model at all has a range strictly
    larger than R, E is range-maximal: done. Otherwise grow that model to a
    maximal range R2 (if its extension satisfies ``lit``, done) and exclude the
    ranges strictly inside R2, which cannot be maximal. R lies strictly inside
    R2, so R2 is new each round and the loop ends; a maximal range is never
    excluded, so None means no range-maximal extension satisfies ``lit``.
    """
    with _Sat(res, kind, ranged=True) as sat:
        k = sat.k
        sel = sat.new_var()
        while True:
            if not sat.solve([lit, sel]):
                return None
            members, rng = sat.grow_range([lit, sel])
            bigger = sat.above(rng, 2 * k)
            if bigger is None:
                return members
            members, rng = sat.grow_range(start=(sat.model_in(bigger), sat.model_range(bigger)))
            if (abs(lit) - 1 in members) == (lit > 0):
                return members
            equal = sat.new_var()  # equal -> range is all of rng
            sat.add([-sel, equal, *sat.outside(rng, 2 * k)])
            for i in rng:
                sat.add([-equal, 2 * k + i + 1])
