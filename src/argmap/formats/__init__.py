"""Readers and writers for argument-map file formats, found by name, extension or content.

Each format registers a :class:`Format`: its name, file extensions, a reader
``(text, path) -> Loaded`` and/or a writer ``(map) -> str``, and optionally a
``sniff(text) -> bool`` used when the extension is ambiguous (``.json``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..errors import FormatError

if TYPE_CHECKING:
    from ..map import ArgumentMap

__all__ = ["Format", "Loaded", "register_format", "get_format", "list_formats", "detect_format"]


class Loaded(NamedTuple):
    """What a reader returns: the map, and what it could not represent (one message each)."""

    map: ArgumentMap
    warnings: list[str]


@dataclass(frozen=True)
class Format:
    """A file format argmap can read and/or write."""

    name: str
    extensions: tuple[str, ...]
    description: str
    read: Callable[[str, str | None], Loaded] | None = None
    write: Callable[[ArgumentMap], str] | None = None
    sniff: Callable[[str], bool] | None = field(default=None, compare=False)
    file_access: bool = False
    """Whether the reader may open other files (Argdown's ``@include``); it then takes a
    ``file_access`` keyword that turns this off."""


_REGISTRY: dict[str, Format] = {}


def register_format(fmt: Format) -> Format:
    """Add (or replace) a format in the registry."""
    _REGISTRY[fmt.name] = fmt
    return fmt


def list_formats() -> list[Format]:
    """Every registered format, in registration order.

    (Named ``list_formats`` so that ``argmap.formats`` stays this subpackage.)

    Examples
    --------
    >>> "yaml" in [f.name for f in list_formats()]
    True
    """
    _load_builtin()
    return _ordered()


def _ordered() -> list[Format]:
    """Registered formats, built-in ones in ``_BUILTIN`` order whatever order they were imported
    in (the native formats first, so that they win ties on ``.json``), then any others."""

    def rank(fmt: Format) -> int:
        func = fmt.read or fmt.write
        module = getattr(func, "__module__", "").rpartition(".")[2]
        return _BUILTIN.index(module) if module in _BUILTIN else len(_BUILTIN)

    return sorted(_REGISTRY.values(), key=rank)


def get_format(name: str) -> Format:
    """The format called ``name``.

    Raises
    ------
    FormatError
        Naming the valid choices when there is no such format.
    """
    if not _LOADED and name.lower() in _NATIVE_NAMES:
        _import_native()  # the native formats need no other format module
    else:
        _load_builtin()
    try:
        return _REGISTRY[name.lower()]
    except KeyError:
        raise FormatError(f"unknown format {name!r} (must be one of {sorted(_REGISTRY)})") from None


def detect_format(path: str, text: str | None = None, *, writing: bool = False) -> Format:
    """Pick a format from a file name and, where that is ambiguous, from its content.

    Examples
    --------
    >>> detect_format("map.yaml").name
    'yaml'
    >>> detect_format("map.json", '{"argmap": 1}').name
    'json'
    """
    lower = str(path).lower()
    fast = _native_fast(lower, text, writing)
    if fast is not None:
        return fast
    _load_builtin()
    candidates = [
        f
        for f in _ordered()
        if any(lower.endswith(ext) for ext in f.extensions)
        and (f.write if writing else f.read) is not None
    ]
    # the longest matching extension wins: 'x.aif.json' is AIF before it is JSON
    candidates.sort(key=lambda f: -max(len(e) for e in f.extensions if lower.endswith(e)))
    if len(candidates) > 1 and text is not None:
        sniffed = [f for f in candidates if f.sniff is not None and f.sniff(text)]
        if sniffed:
            return sniffed[0]
    if candidates:
        return candidates[0]
    if text is not None:
        for f in _ordered():
            if f.read is not None and f.sniff is not None and f.sniff(text):
                return f
    usable = sorted({e for f in _REGISTRY.values() for e in f.extensions})
    raise FormatError(
        f"cannot tell the format of {path!r} from its name"
        + ("" if text is None else " or its content")
        + "; name the format (format=... in Python, --from/--to on the command line; "
        + f"known extensions: {', '.join(usable)})"
    )


_LOADED = False

# The native formats are found without importing every format module (the others
# cost about a second of imports): a name ending in one of these extensions, and
# none of the longer extensions of the other built-in formats (kept equal to the
# registry by tests/formats/test_detect_fast.py), is native YAML or JSON; a .json
# text must also look native (as the sniffing below would decide).
_NATIVE_EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_NATIVE_NAMES = frozenset(_NATIVE_EXTENSIONS.values())
_BUILTIN_LONGER_EXTENSIONS: tuple[str, ...] = (
    ".aif.json",
    ".ova.json",
    ".xaif.json",
    ".sadface.json",
    ".nodelink.json",
)
_NATIVE_IMPORTED = False


def _import_native() -> None:
    """Import the native format module only (it registers ``yaml`` and ``json``)."""
    global _NATIVE_IMPORTED
    if not _NATIVE_IMPORTED:
        import importlib

        importlib.import_module(f"{__name__}.native")
        _NATIVE_IMPORTED = True


def _native_fast(lower: str, text: str | None, writing: bool) -> Format | None:
    """The native format for ``lower`` (a lower-case file name) when that is certain
    without importing the other format modules, else None (then detect as usual)."""
    if _LOADED:
        return None
    ext = lower[lower.rfind(".") :] if "." in lower else ""
    name = _NATIVE_EXTENSIONS.get(ext)
    if name is None or lower.endswith(_BUILTIN_LONGER_EXTENSIONS):
        return None
    _import_native()
    fmt = _REGISTRY.get(name)
    if fmt is None or (fmt.write if writing else fmt.read) is None:
        return None
    others = [
        f
        for f in _REGISTRY.values()
        if f is not fmt and any(lower.endswith(e) for e in f.extensions)
    ]
    if others:  # a format registered by the user also claims this name
        return None
    if ext == ".json" and text is not None and not (fmt.sniff is not None and fmt.sniff(text)):
        return None
    return fmt


def _load_builtin() -> None:
    """Import the format modules, each of which registers itself (lazily, to keep import light)."""
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    import importlib

    for module in _BUILTIN:
        importlib.import_module(f"{__name__}.{module}")


_BUILTIN: tuple[str, ...] = ("native", "kialo", "argdown", "aif", "sadface", "networkx_io")
"""Modules of this package that register formats; add new format modules here."""
