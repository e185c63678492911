"""The typed parts of an argument map: statements, relations, actors, sources, the document.

Every model is a frozen pydantic v2 model that rejects unknown keys. Statements
and relations are told apart by their ``kind`` tag; the tags are lowercase,
stable once published and part of the file format's version (``FORMAT_VERSION``).
"""

from __future__ import annotations

import datetime
import math
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
)

from . import limits

__all__ = [
    "FORMAT_VERSION",
    "ID_PATTERN",
    "Id",
    "Source",
    "ActorKind",
    "Actor",
    "Claim",
    "Objection",
    "Rebuttal",
    "Evidence",
    "Statement",
    "StatementKind",
    "STATEMENT_KINDS",
    "RelationKind",
    "RELATION_KINDS",
    "ATTACK_KINDS",
    "Relation",
    "MapDocument",
    "document_adapter",
    "statement_adapter",
]

FORMAT_VERSION: Final = 1
"""Version of the native file format written in the top-level ``argmap`` key."""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
"""Ids are slugs: a letter or digit, then letters, digits, ``_ . : -``."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=200)]
"""A statement, relation or actor id (see ``ID_PATTERN``)."""

IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]

_META_SCALARS = (str, bool, type(None), datetime.date, datetime.datetime)


def _check_meta(value: dict[str, Any]) -> dict[str, Any]:
    """Refuse ``meta`` that could not be written back: too deep, NaN/inf, huge ints, objects.

    Iterative, so that any depth is measured without recursion; the limits are
    :data:`argmap.limits.max_depth` and :data:`argmap.limits.max_int_digits`.
    """
    if not value:
        return value
    max_depth, max_bits = limits.max_depth, int(limits.max_int_digits * 3.3219280948873626)
    stack: list[tuple[Any, int, str]] = [(value, 1, "meta")]
    while stack:
        v, depth, where = stack.pop()
        if isinstance(v, dict):
            if depth > max_depth:
                raise ValueError(_too_deep(where, max_depth))
            for k, x in v.items():
                if not isinstance(k, str):
                    raise ValueError(f"{where} has a key that is not a string: {k!r}")
                stack.append((x, depth + 1, f"{where}.{k}"))
        elif isinstance(v, list | tuple):
            if depth > max_depth:
                raise ValueError(_too_deep(where, max_depth))
            stack.extend((x, depth + 1, f"{where}[{i}]") for i, x in enumerate(v))
        elif isinstance(v, float):
            if not math.isfinite(v):
                raise ValueError(f"{where} is {v!r}: meta numbers must be finite (JSON has no NaN)")
        elif isinstance(v, int) and not isinstance(v, bool):
            if v.bit_length() > max_bits and len(str(abs(v))) > limits.max_int_digits:
                raise ValueError(
                    f"{where} has more than {limits.max_int_digits} digits (limit "
                    f"max_int_digits; {limits.how_to_raise('max_int_digits')})"
                )
        elif not isinstance(v, _META_SCALARS):
            raise ValueError(
                f"{where} is a {type(v).__name__}: meta holds JSON data only (strings, "
                "numbers, booleans, null, lists and mappings)"
            )
    return value


def _too_deep(where: str, max_depth: int) -> str:
    if len(where) > 60:
        where = f"{where[:30]}...{where[-20:]}"
    return (
        f"{where} nests deeper than {max_depth} levels "
        f"(limit max_depth; {limits.how_to_raise('max_depth')})"
    )


Meta = Annotated[dict[str, Any], AfterValidator(_check_meta)]
"""Free data carried from an imported format: JSON values, nested at most
``argmap.limits.max_depth`` deep, finite numbers."""


def _no_bool_weight(value: Any) -> Any:
    # a number, or a numeric string (YAML 1.1 reads 1e-09 as a string); never a boolean
    if isinstance(value, bool):
        raise ValueError("a weight is a number in [0, 1], not a boolean")
    return value


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(f"expected the format version {FORMAT_VERSION}, not a boolean")
    return value


class _Base(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        populate_by_name=True,
        defer_build=True,
    )


class Source(_Base):
    """Where something was said or published; every field is optional.

    Examples
    --------
    >>> Source(publisher="Nikkei Asia", date="2023-05-03").date
    '2023-05-03'
    """

    title: str | None = None
    """Title of the document, article or speech."""
    author: str | None = None
    """Who wrote or said it."""
    publisher: str | None = None
    """The outlet, journal, institution or venue."""
    url: str | None = None
    """Where to find it online."""
    date: IsoDate | None = None
    """ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD."""
    note: str | None = None
    """Anything else: page, section, medium."""
    file: str | None = None
    """Path of the source's full text (plain UTF-8), relative to the map file.

    ``argmap check`` locates every quote in it and reports coverage."""
    text: str | None = None
    """The source's full text itself, for a map that carries it (as OVA and AIF
    files do). Use either ``file`` or ``text``, not both."""


ActorKind = Literal["person", "government", "media", "organisation", "other"]


class Actor(_Base):
    """Someone who makes statements: a person, a government, a newspaper, an organisation.

    Examples
    --------
    >>> Actor(id="beebe", name="George Beebe", affiliation="Quincy Institute").label
    'George Beebe, Quincy Institute'
    """

    id: Id
    """Unique slug that statements refer to in ``by``."""
    name: str = Field(min_length=1)
    """Display name."""
    affiliation: str | None = None
    """Institution the actor belongs to or speaks for."""
    role: str | None = None
    """Position or function, e.g. 'spokesperson'."""
    kind: ActorKind | None = None
    """person, government, media, organisation or other."""

    @property
    def label(self) -> str:
        """Name and affiliation, as shown on diagrams."""
        return f"{self.name}, {self.affiliation}" if self.affiliation else self.name


class _Statement(_Base):
    id: Id
    """Unique slug; relations refer to the statement by it."""
    text: str = Field(min_length=1)
    """The statement, as a full sentence (paraphrase allowed)."""
    by: Id | None = None
    """Id of the actor who makes the statement."""
    quote: str | None = None
    """The source's verbatim words."""
    source: Source | None = None
    """Where and when it was said."""
    tags: tuple[str, ...] = ()
    """Free labels for grouping and filtering."""
    note: str | None = None
    """The analyst's comment."""
    qualifier: str | None = None
    """The modality the source gives the statement, in its own words: "probably",
    "may", "it seems unlikely", "inevitably". It is reported and drawn with the
    statement; it does not change statuses (analyses decide acceptance, not
    degrees of certainty; put a degree in ``weight`` for the strength analyses)."""
    weight: Annotated[float, BeforeValidator(_no_bool_weight)] | None = Field(
        default=None, ge=0.0, le=1.0
    )
    """Base score in [0, 1] for gradual strength analyses."""
    meta: Meta = Field(default_factory=dict)
    """Data carried from an imported format that has no field of its own."""


class Claim(_Statement):
    """Something asserted to be true or right: a thesis, a reason, a sub-claim."""

    kind: Literal["claim"] = "claim"


class Objection(_Statement):
    """A statement raised against a claim, a piece of evidence or a rebuttal."""

    kind: Literal["objection"] = "objection"


class Rebuttal(_Statement):
    """A statement that answers an objection."""

    kind: Literal["rebuttal"] = "rebuttal"


class Evidence(_Statement):
    """A fact, precedent or datum cited for a statement."""

    kind: Literal["evidence"] = "evidence"


Statement = Annotated[Claim | Objection | Rebuttal | Evidence, Field(discriminator="kind")]
"""Any statement; the ``kind`` tag picks the class."""

StatementKind = Literal["claim", "objection", "rebuttal", "evidence"]
STATEMENT_KINDS: tuple[str, ...] = ("claim", "objection", "rebuttal", "evidence")

RelationKind = Literal["supports", "objects", "rebuts", "undercuts", "contradicts", "concedes"]
RELATION_KINDS: tuple[str, ...] = (
    "supports",
    "objects",
    "rebuts",
    "undercuts",
    "contradicts",
    "concedes",
)
ATTACK_KINDS: frozenset[str] = frozenset({"objects", "rebuts", "undercuts", "contradicts"})
"""Relation kinds that are attacks in the framework a map means."""


class Relation(_Base):
    """A directed link between two statements, or from a statement to a relation.

    ``undercuts`` targets a relation (by its ``id``); every other kind targets a
    statement. ``contradicts`` is symmetric: give it once, either way round.
    ``concedes`` records that a statement grants (part of) another, typically an
    objection: it is neither an attack nor a support, so it changes no status;
    its ``note`` says what is granted.

    Examples
    --------
    >>> r = Relation.model_validate({"from": "a", "to": "b", "kind": "supports"})
    >>> r.from_, r.to, r.kind
    ('a', 'b', 'supports')
    >>> r.key
    'a>supports>b'
    """

    id: Id | None = None
    """Optional slug, needed when another relation undercuts this one."""
    from_: Id = Field(alias="from")
    """Id of the statement the relation starts from."""
    to: Id
    """Id of the target statement, or of the target relation for ``undercuts``."""
    kind: RelationKind
    """supports, objects, rebuts, undercuts, contradicts or concedes."""
    note: str | None = None
    """The analyst's comment on the link."""
    meta: Meta = Field(default_factory=dict)
    """Data carried from an imported format (e.g. an AIF scheme name)."""

    @property
    def key(self) -> str:
        """The relation's identity in a map: its id, else ``from>kind>to``."""
        return self.id or f"{self.from_}>{self.kind}>{self.to}"

    @property
    def is_attack(self) -> bool:
        """True for objects, rebuts, undercuts and contradicts (see ``ATTACK_KINDS``)."""
        return self.kind in ATTACK_KINDS


class MapDocument(_Base):
    """The native file format: one argument map with its actors and provenance."""

    argmap: Annotated[Literal[1], BeforeValidator(_no_bool)] = FORMAT_VERSION
    """Format version of the file."""
    title: str | None = None
    """Title of the map."""
    source: Source | None = None
    """The document mapped (article, debate, paper)."""
    actors: tuple[Actor, ...] = ()
    """Everyone who makes a statement."""
    statements: tuple[Statement, ...] = ()
    """Claims, objections, rebuttals and evidence, in reading order."""
    relations: tuple[Relation, ...] = ()
    """Links between statements (and undercuts of links)."""
    check: dict[str, Any] | None = None
    """Settings for ``argmap check`` kept with the map: ``select``, ``ignore``,
    ``severity`` (rule -> level), ``per-statement-ignores`` (statement id or relation
    key -> rules). Read and validated by :mod:`argmap.check.config`; see
    docs/checking.md. Only the native format holds it."""


document_adapter: TypeAdapter[MapDocument] = TypeAdapter(MapDocument)
statement_adapter: TypeAdapter[Statement] = TypeAdapter(Statement)
