"""A compact abstract argumentation framework: argument names and a CSR attack relation.

:class:`ArgumentationFramework` (Dung 1995) stores ``n`` argument names and the
attack relation as two compressed-sparse-row tables of :mod:`array` integers
(attackers -> targets, and lazily targets -> attackers). There is no object per
argument, so a framework with 10^6 arguments and 2*10^6 attacks takes about
30 MB and loads in well under a second (see ``benchmarks/bench_semantics.py``).

Arguments are addressed by name (any ``str``) in the public API and by their
0-based index ``0 .. n-1`` inside algorithms; :meth:`~ArgumentationFramework.index`
and :meth:`~ArgumentationFramework.name` convert. Attacks form a set: duplicates
in the input are dropped. Self-attacks are allowed.

:mod:`numpy` (a core dependency) sorts and deduplicates large attack lists (about
13x faster than pure Python at 10^5 attacks); it is imported lazily, only for
frameworks large enough to need it, so ``import argmap`` and small maps never pay
for it.

References
----------
.. [1] P. M. Dung, "On the acceptability of arguments and its fundamental role in
   nonmonotonic reasoning, logic programming and n-person games", Artificial
   Intelligence 77(2), 1995.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TypeAlias

from ..errors import ArgmapError, DuplicateIdError, UnknownIdError, UsageError

if TYPE_CHECKING:
    import networkx as nx

IntArray: TypeAlias = "array[int]"
"""An ``array('i')`` of indices (CSR pointers and adjacency)."""

__all__ = ["ArgumentationFramework", "FrameworkError"]

_NUMPY_MIN_ATTACKS = 20_000
"""Below this many attacks the pure-Python paths run, so that small maps never import numpy.

Once imported, numpy is as fast as pure Python at 100 attacks and faster above
(build_csr: 0.28 ms against 2.2 ms at 10^4 attacks), but importing it costs
40-60 ms. Measured from file to answer (``argmap solve -p SE-GR``, i23 files of
N arguments and 2N attacks, 2-core machine): pure Python 0.021 / 0.045 s at
N = 10^3 / 10^4 against 0.055 / 0.060 s with numpy; numpy 0.065 / 0.10 s at
N = 3x10^4 / 10^5 against 0.10 / 0.33 s. The crossover lies near N = 10^4,
i.e. 2x10^4 attacks.
"""


class FrameworkError(ArgmapError, ValueError):
    """An argumentation framework cannot be built from the given arguments or attacks."""


class _NumberedNames(Sequence[str]):
    """The names ``"1" .. "n"`` without storing them (ICCMA 2023 frameworks)."""

    __slots__ = ("_n",)

    def __init__(self, n: int) -> None:
        self._n = n

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [str(k + 1) for k in range(self._n)[i]]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return str(i + 1)

    def __iter__(self) -> Iterator[str]:
        return map(str, range(1, self._n + 1))

    def __contains__(self, name: object) -> bool:
        return self._position(name) is not None

    def _position(self, name: object) -> int | None:
        if not (isinstance(name, str) and name.isascii() and name.isdigit()) or name[0] == "0":
            return None
        k = int(name)
        return k - 1 if 1 <= k <= self._n else None


def _numpy() -> Any:
    """numpy, imported on first use (a core dependency, but 40-60 ms to import)."""
    import numpy

    return numpy


def _to_array(values: Any) -> IntArray:
    """An ``array('i')`` from a numpy array (one memcpy) or any iterable of ints."""
    if hasattr(values, "astype"):
        out = array("i")
        out.frombytes(values.astype("int32").tobytes())
        return out
    return array("i", values)


def build_csr(n: int, sources: Sequence[int], targets: Sequence[int]) -> tuple[IntArray, IntArray]:
    """Group ``targets`` by ``sources`` into CSR form, dropping duplicate pairs.

    Returns ``(ptr, adj)``: the targets of ``i`` are ``adj[ptr[i]:ptr[i + 1]]``, sorted.
    Indices must already be in ``0 .. n-1``.

    Examples
    --------
    >>> ptr, adj = build_csr(3, [2, 0, 2, 0], [1, 1, 0, 1])
    >>> list(ptr), list(adj)
    ([0, 1, 1, 3], [1, 0, 1])
    """
    m = len(sources)
    if m >= _NUMPY_MIN_ATTACKS:
        np = _numpy()
        src = np.asarray(sources, dtype=np.int64)
        keys = src * n + np.asarray(targets, dtype=np.int64)
        keys.sort()
        if m > 1:
            keep = np.empty(m, dtype=bool)
            keep[0] = True
            np.not_equal(keys[1:], keys[:-1], out=keep[1:])
            keys = keys[keep]
        src, adj = np.divmod(keys, n) if n else (keys, keys)
        ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=ptr[1:])
        return _to_array(ptr), _to_array(adj)
    keys = sorted({s * n + t for s, t in zip(sources, targets, strict=True)})
    counts = [0] * n
    adj = array("i")
    for key in keys:
        s, t = divmod(key, n)
        counts[s] += 1
        adj.append(t)
    return array("i", accumulate(counts, initial=0)), adj


class ArgumentationFramework:
    """An abstract argumentation framework: named arguments and an attack relation.

    Build one with :meth:`from_edges` (names) or :meth:`from_indices`
    (integers, for loaders); instances are immutable.

    Parameters
    ----------
    names : iterable of str, optional
        The arguments, in index order. Names must be unique.
    attacks : iterable of (str, str), optional
        ``(attacker, target)`` pairs naming arguments in ``names``.

    Raises
    ------
    DuplicateIdError
        When a name occurs twice.
    UnknownIdError
        When an attack names an argument that is not in ``names``.

    Examples
    --------
    >>> af = ArgumentationFramework.from_edges(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> af
    ArgumentationFramework(3 arguments, 2 attacks)
    >>> sorted(af.attackers("c"))
    ['b']
    >>> af.is_acyclic()
    True
    """

    __slots__ = ("_names", "_index", "_ptr", "_adj", "_bptr", "_badj")

    def __init__(self, names: Iterable[str] = (), attacks: Iterable[tuple[str, str]] = ()) -> None:
        if not isinstance(names, Iterable):
            raise UsageError(f"names must be a list of strings, not {names!r:.80}")
        names = list(names)
        index = {name: i for i, name in enumerate(names)}
        if len(index) != len(names):
            seen: set[str] = set()
            dup = next(x for x in names if x in seen or seen.add(x))  # type: ignore[func-returns-value]
            raise DuplicateIdError(f"argument {dup!r} is listed twice")
        for name in names:
            if not isinstance(name, str):
                raise FrameworkError(f"argument names must be str, not {type(name).__name__}")
        sources, targets = array("i"), array("i")
        if not isinstance(attacks, Iterable):
            raise UsageError(f"attacks must be a list of (attacker, target) pairs, not {attacks!r}")
        for pair in attacks:
            if not isinstance(pair, tuple | list) or len(pair) != 2:
                raise UsageError(f"an attack is an (attacker, target) pair, not {pair!r:.80}")
            a, b = pair
            try:
                sources.append(index[a])
                targets.append(index[b])
            except KeyError as exc:
                raise UnknownIdError(
                    f"attack ({a!r}, {b!r}) names an unknown argument {exc.args[0]!r}"
                ) from None
        self._init(names, index, *build_csr(len(names), sources, targets))

    def _init(
        self, names: Sequence[str], index: dict[str, int] | None, ptr: IntArray, adj: IntArray
    ) -> None:
        self._names = names
        self._index = index
        self._ptr = ptr
        self._adj = adj
        self._bptr: IntArray | None = None
        self._badj: IntArray | None = None

    # -- constructors -------------------------------------------------------------------

    @classmethod
    def from_edges(
        cls, names: Iterable[str], attacks: Iterable[tuple[str, str]]
    ) -> ArgumentationFramework:
        """A framework from argument names and ``(attacker, target)`` name pairs.

        Examples
        --------
        >>> af = ArgumentationFramework.from_edges("ab", [("a", "a"), ("a", "b")])
        >>> af.num_attacks, sorted(af.self_attacking())
        (2, ['a'])
        """
        return cls(names, attacks)

    @classmethod
    def from_indices(
        cls,
        names: int | Sequence[str],
        sources: Sequence[int],
        targets: Sequence[int],
        *,
        check: bool = True,
    ) -> ArgumentationFramework:
        """A framework from 0-based integer attacks, without a Python object per argument.

        Parameters
        ----------
        names : int or sequence of str
            Either the number of arguments ``n`` (they are then named ``"1" .. "n"``,
            as in ICCMA 2023 files) or the names in index order.
        sources, targets : sequences of int
            Equal-length sequences (lists, arrays, numpy arrays): attack ``k`` goes
            from ``sources[k]`` to ``targets[k]``.
        check : bool, default True
            Verify that every index is in ``0 .. n-1`` and names are unique.

        Examples
        --------
        >>> af = ArgumentationFramework.from_indices(3, [0, 1, 0], [1, 2, 1])
        >>> list(af.names), af.num_attacks
        (['1', '2', '3'], 2)
        """
        self = cls.__new__(cls)
        if isinstance(names, int):
            n = names
            seq: Sequence[str] = _NumberedNames(n)
            index = None
        else:
            seq = list(names)
            n = len(seq)
            index = None
            if check:
                index = {name: i for i, name in enumerate(seq)}
                if len(index) != n:
                    raise DuplicateIdError("argument names are not unique")
        if len(sources) != len(targets):
            raise FrameworkError("sources and targets differ in length")
        if check and len(sources):
            lo, hi = min(min(sources), min(targets)), max(max(sources), max(targets))
            if lo < 0 or hi >= n:
                raise FrameworkError(f"attack index {hi if hi >= n else lo} is not in 0..{n - 1}")
        self._init(seq, index, *build_csr(n, sources, targets))
        return self

    # -- size and names -----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._names)

    @property
    def num_arguments(self) -> int:
        """The number of arguments."""
        return len(self._names)

    @property
    def num_attacks(self) -> int:
        """The number of attacks (distinct pairs, self-attacks included)."""
        return len(self._adj)

    @property
    def names(self) -> Sequence[str]:
        """The argument names, in index order (read-only)."""
        return self._names

    def __contains__(self, name: object) -> bool:
        if self._index is None and isinstance(self._names, _NumberedNames):
            return name in self._names
        return name in self._lookup()

    def _lookup(self) -> dict[str, int]:
        if self._index is None:
            self._index = {name: i for i, name in enumerate(self._names)}
        return self._index

    def index(self, name: str) -> int:
        """The 0-based index of argument ``name``.

        Raises
        ------
        UnknownIdError
            When there is no such argument.

        Examples
        --------
        >>> ArgumentationFramework.from_edges(["x", "y"], []).index("y")
        1
        """
        if self._index is None and isinstance(self._names, _NumberedNames):
            pos = self._names._position(name)
        else:
            pos = self._lookup().get(name)
        if pos is None:
            raise UnknownIdError(f"no argument named {name!r}")
        return pos

    def name(self, i: int) -> str:
        """The name of the argument with index ``i``."""
        return self._names[i]

    def names_of(self, indices: Iterable[int]) -> frozenset[str]:
        """The names of the arguments with the given indices, as a frozenset."""
        if isinstance(self._names, _NumberedNames):
            return frozenset(str(i + 1) for i in indices)
        names = self._names
        return frozenset(names[i] for i in indices)

    # -- the attack relation ------------------------------------------------------------

    def attacks(self) -> Iterator[tuple[str, str]]:
        """Every attack as an ``(attacker, target)`` name pair, sorted by index.

        Examples
        --------
        >>> list(ArgumentationFramework.from_edges("ab", [("b", "a")]).attacks())
        [('b', 'a')]
        """
        names, ptr, adj = self._names, self._ptr, self._adj
        for i in range(len(names)):
            a = names[i]
            for j in adj[ptr[i] : ptr[i + 1]]:
                yield a, names[j]

    def attack_indices(self) -> tuple[IntArray, IntArray]:
        """The attacks as two ``array('i')`` of 0-based indices, ``(sources, targets)``."""
        ptr = self._ptr
        if len(self._adj) >= _NUMPY_MIN_ATTACKS:
            np = _numpy()
            counts = np.diff(np.frombuffer(ptr, dtype=np.int32))
            return _to_array(np.repeat(np.arange(len(self._names)), counts)), array("i", self._adj)
        sources = array("i")
        for i in range(len(self._names)):
            sources.extend([i] * (ptr[i + 1] - ptr[i]))
        return sources, array("i", self._adj)

    def targets_of(self, i: int) -> IntArray:
        """Indices of the arguments that argument ``i`` attacks (sorted)."""
        return self._adj[self._ptr[i] : self._ptr[i + 1]]

    def attackers_of(self, i: int) -> IntArray:
        """Indices of the arguments that attack argument ``i`` (sorted)."""
        bptr, badj = self._backward()
        return badj[bptr[i] : bptr[i + 1]]

    def attackers(self, name: str) -> frozenset[str]:
        """The names of the arguments that attack ``name``."""
        return self.names_of(self.attackers_of(self.index(name)))

    def attacked_by(self, name: str) -> frozenset[str]:
        """The names of the arguments that ``name`` attacks."""
        return self.names_of(self.targets_of(self.index(name)))

    def csr(self) -> tuple[IntArray, IntArray]:
        """The forward CSR tables ``(ptr, adj)``: ``i`` attacks ``adj[ptr[i]:ptr[i+1]]``."""
        return self._ptr, self._adj

    def _backward(self) -> tuple[IntArray, IntArray]:
        if self._bptr is None:
            sources, targets = self.attack_indices()
            self._bptr, self._badj = build_csr(len(self._names), targets, sources)
        return self._bptr, self._badj  # type: ignore[return-value]

    def backward_csr(self) -> tuple[IntArray, IntArray]:
        """The backward CSR tables ``(ptr, adj)``: ``adj[ptr[i]:ptr[i+1]]`` attack ``i``."""
        return self._backward()

    def self_attacking(self) -> frozenset[str]:
        """The names of the arguments that attack themselves."""
        ptr, adj = self._ptr, self._adj
        return self.names_of(i for i in range(len(self._names)) if i in adj[ptr[i] : ptr[i + 1]])

    def is_acyclic(self) -> bool:
        """Whether the attack relation has no cycle (self-attacks count as cycles).

        An acyclic framework has exactly one complete extension, the grounded one,
        so every semantics in :mod:`argmap.analysis.semantics` agrees on it.
        """
        n, ptr, adj = len(self._names), self._ptr, self._adj
        indeg = [0] * n
        for t in adj:
            indeg[t] += 1
        stack = [i for i in range(n) if indeg[i] == 0]
        seen = 0
        while stack:
            i = stack.pop()
            seen += 1
            for j in adj[ptr[i] : ptr[i + 1]]:
                indeg[j] -= 1
                if indeg[j] == 0:
                    stack.append(j)
        return seen == n

    # -- conversions --------------------------------------------------------------------

    def to_networkx(self) -> nx.DiGraph:
        """A :class:`networkx.DiGraph` with one node per argument name and one edge per attack.

        Examples
        --------
        >>> g = ArgumentationFramework.from_edges("ab", [("a", "b")]).to_networkx()
        >>> list(g.edges)
        [('a', 'b')]
        """
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self._names)
        graph.add_edges_from(self.attacks())
        return graph

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentationFramework):
            return NotImplemented
        return (
            list(self._names) == list(other._names)
            and self._ptr == other._ptr
            and self._adj == other._adj
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ArgumentationFramework({self.num_arguments} arguments, {self.num_attacks} attacks)"
