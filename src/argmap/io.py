"""Loading and saving maps: ``load``/``loads``/``dump``/``dumps``, format chosen by name or content.

Writes are atomic: the text goes to a temporary file beside the target, which
then replaces it, so a failure never leaves a half-written or clobbered file;
a symbolic link stays a link, and a FIFO or device is streamed to, never
replaced (:func:`write_atomic`, the one write path of every writer).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ._safewrite import write_atomic
from .errors import FormatError, UsageError
from .formats import Format, Loaded, detect_format, get_format

if TYPE_CHECKING:
    from .map import ArgumentMap

__all__ = [
    "LossWarning",
    "read",
    "load",
    "loads",
    "dump",
    "dumps",
    "read_bytes",
    "read_text",
    "decode_text",
    "write_atomic",
    "serialise",
]


class LossWarning(UserWarning):
    """An importer met something the map cannot represent (the message says what)."""


def _check_path(path: object) -> None:
    if not isinstance(path, str | os.PathLike):
        raise UsageError(
            f"expected a file name (str or path), got {type(path).__name__} {path!r:.60}"
        )


def _check_format(format: object) -> None:
    if format is not None and not isinstance(format, str):
        raise UsageError(f"format must be a format name such as 'yaml', not {format!r:.60}")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file's bytes, with a clear error for a missing or unreadable file."""
    _check_path(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise FormatError("no such file", path=path) from None
    except IsADirectoryError:
        raise FormatError("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise FormatError(f"cannot read: {exc.strerror}", path=path) from None


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a file as UTF-8 text, with a clear error for a missing or non-UTF-8 file."""
    return decode_text(read_bytes(path), path)


def decode_text(raw: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """UTF-8 text of ``raw`` without a byte order mark; a clear error names the bad byte.

    Examples
    --------
    >>> decode_text(b"a: 1\\n\\xff", "<stdin>")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: <stdin>, line 2: not UTF-8 text: byte 0xff at offset 5 \
(save the file as UTF-8)
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FormatError(
            f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start} "
            "(save the file as UTF-8)",
            path=path,
            line=line,
        ) from None
    return text.removeprefix("\ufeff")


def read(
    path: str | os.PathLike[str], *, format: str | None = None, file_access: bool = True
) -> Loaded:
    """Read a map and the list of things the format's importer could not represent.

    ``file_access=False`` keeps a reader from opening other files (Argdown's
    ``@include(file)`` is then left out with a warning).

    Returns
    -------
    Loaded
        ``(map, warnings)``.
    """
    _check_format(format)
    text = read_text(path)
    fmt = get_format(format) if format else detect_format(str(path), text)
    if fmt.read is None:
        raise FormatError(f"argmap can write {fmt.name} but not read it", path=path)
    if fmt.file_access:
        return fmt.read(text, str(path), file_access=file_access)  # type: ignore[call-arg]  # a reader with file_access takes the keyword (Format.file_access)
    return fmt.read(text, str(path))


def load(
    path: str | os.PathLike[str], *, format: str | None = None, file_access: bool = True
) -> ArgumentMap:
    """Load a map from a file; the format follows the extension (and content) unless given.

    ``file_access=False`` keeps a reader from opening other files (Argdown's
    ``@include(file)`` is then left out with a warning).

    What an importer could not represent is reported as :class:`LossWarning`
    warnings (use :func:`read` to get them as a list).

    Raises
    ------
    FormatError, MapValidationError
        Naming the problem and where it is (file, line, statement id).
    """
    m, losses = read(path, format=format, file_access=file_access)
    for msg in losses:
        warnings.warn(f"{path}: {msg}", LossWarning, stacklevel=2)
    return m


def loads(text: str, *, format: str = "yaml") -> ArgumentMap:
    """Load a map from text in the given format (default: native YAML).

    Examples
    --------
    >>> m = loads("argmap: 1\\nstatements:\\n  - {id: c, kind: claim, text: C.}\\n")
    >>> [s.id for s in m.statements()]
    ['c']
    """
    _check_format(format)
    if not isinstance(text, str):
        raise UsageError(
            f"loads reads text (str), not {type(text).__name__}"
            + ("; decode bytes first, or use argmap.load" if isinstance(text, bytes) else "")
        )
    fmt = get_format(format)
    if fmt.read is None:
        raise FormatError(f"argmap can write {fmt.name} but not read it")
    m, losses = fmt.read(text, None)
    for msg in losses:
        warnings.warn(msg, LossWarning, stacklevel=2)
    return m


def dumps(m: ArgumentMap, *, format: str = "yaml") -> str:
    """The map as text in the given format (default: native YAML)."""
    from .map import require_map

    require_map(m, "dumps")
    _check_format(format)
    fmt = get_format(format)
    if fmt.write is None:
        raise FormatError(f"argmap can read {fmt.name} but not write it")
    return serialise(m, fmt)


def dump(m: ArgumentMap, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write the map to a file, atomically; the format follows the extension unless given."""
    from .map import require_map

    require_map(m, "dump")
    _check_path(path)
    _check_format(format)
    fmt = get_format(format) if format else detect_format(str(path), writing=True)
    if fmt.write is None:
        raise FormatError(f"argmap can read {fmt.name} but not write it", path=path)
    write_atomic(path, serialise(m, fmt))


def serialise(m: ArgumentMap, fmt: Format) -> str:
    """The map as ``fmt``'s text (a writing format), with every loss warned about: the
    writer's own, and the map's ``check:`` settings, which only the native format holds.
    The one step from map to text of :func:`dumps`, :func:`dump` and ``argmap convert``."""
    if fmt.write is None:
        raise FormatError(f"argmap can read {fmt.name} but not write it")
    _warn_check_loss(m, fmt.name)
    return fmt.write(m)


def _warn_check_loss(m: ArgumentMap, format: str) -> None:
    """Only the native format holds a map's ``check:`` settings: say so when they are lost."""
    if getattr(m, "check_config", None) and format not in ("yaml", "json"):
        warnings.warn(
            f"{format} cannot hold the map's 'check' settings (argmap check configuration); "
            "they are left out",
            LossWarning,
            stacklevel=3,
        )
