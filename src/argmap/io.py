"""Loading and saving maps: ``load``/``loads``/``dump``/``dumps``, format chosen by name or content.

Writes are atomic: the text goes to a temporary file beside the target, which
then replaces it, so a failure never leaves a half-written or clobbered file.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArgmapError, FormatError, UsageError
from .formats import Loaded, detect_format, get_format

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


def read(path: str | os.PathLike[str], *, format: str | None = None) -> Loaded:
    """Read a map and the list of things the format's importer could not represent.

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
    return fmt.read(text, str(path))


def load(path: str | os.PathLike[str], *, format: str | None = None) -> ArgumentMap:
    """Load a map from a file; the format follows the extension (and content) unless given.

    What an importer could not represent is reported as :class:`LossWarning`
    warnings (use :func:`read` to get them as a list).

    Raises
    ------
    FormatError, MapValidationError
        Naming the problem and where it is (file, line, statement id).
    """
    m, losses = read(path, format=format)
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
    return fmt.write(m)


def dump(m: ArgumentMap, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write the map to a file, atomically; the format follows the extension unless given."""
    from .map import require_map

    require_map(m, "dump")
    _check_path(path)
    _check_format(format)
    fmt = get_format(format) if format else detect_format(str(path), writing=True)
    if fmt.write is None:
        raise FormatError(f"argmap can read {fmt.name} but not write it", path=path)
    write_atomic(path, fmt.write(m))


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write text (UTF-8) or bytes to ``path`` atomically.

    Raises
    ------
    ArgmapError
        If the folder does not exist or cannot be written; the target is untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FormatError("cannot write: the folder does not exist", path=path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ArgmapError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
