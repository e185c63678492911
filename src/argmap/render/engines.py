"""Find a Graphviz layout engine and run it: the only module of argmap that starts a program.

Two engines take the same command line (``-T<format>``, DOT on stdin):

* ``dot``, the system Graphviz, used when it is on ``PATH``;
* ``graphviz-pure``, the self-contained port installed from PyPI with argmap,
  used otherwise. It writes SVG and PNG (and DOT variants) but not PDF.

When neither is found, :class:`~argmap.ExecutableNotFoundError` names both fixes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExecutableNotFoundError, OptionError, RenderError

__all__ = ["ENGINES", "LAYOUT_FORMATS", "Engine", "EngineWarning", "find_engine", "run_engine"]

ENGINES: tuple[str, ...] = ("dot", "graphviz-pure")
"""Engine names, in order of preference."""

LAYOUT_FORMATS: dict[str, frozenset[str]] = {
    "dot": frozenset({"svg", "png", "pdf"}),
    "graphviz-pure": frozenset({"svg", "png"}),
}
"""The output formats argmap asks each engine for."""

_FIX = (
    "install Graphviz (apt-get install graphviz, brew install graphviz, or "
    "https://graphviz.org/download/) so that `dot` is on PATH, or pip install graphviz-pure"
)


class EngineWarning(UserWarning):
    """A layout engine succeeded but printed warnings (the message carries them)."""


@dataclass(frozen=True)
class Engine:
    """A layout engine found on this machine.

    Attributes
    ----------
    name : str
        ``"dot"`` or ``"graphviz-pure"``.
    path : str
        The executable.
    """

    name: str
    path: str

    @property
    def formats(self) -> frozenset[str]:
        """Output formats this engine can write."""
        return LAYOUT_FORMATS[self.name]


def _scripts_dirs() -> list[Path]:
    """Where pip puts console scripts of this interpreter (a venv may not be on PATH)."""
    dirs = [Path(sys.executable).parent]
    scripts = sysconfig.get_path("scripts")
    if scripts:
        dirs.append(Path(scripts))
    return list(dict.fromkeys(dirs))


def _locate(name: str) -> str | None:
    found = shutil.which(name)
    if found or name == "dot":
        return found
    for folder in _scripts_dirs():
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return None


def find_engine(name: str | None = None, *, format: str | None = None) -> Engine:
    """The layout engine to use: the one named, or the first present that writes ``format``.

    Parameters
    ----------
    name : {"dot", "graphviz-pure"}, optional
        Insist on one engine; by default ``dot`` when it is on PATH, else
        ``graphviz-pure``.
    format : str, optional
        The output format needed (e.g. ``"pdf"``, which only ``dot`` writes).

    Raises
    ------
    ExecutableNotFoundError
        When no suitable engine is installed; the message names the fixes.
    OptionError
        For an unknown engine name, or a format no engine writes.
    """
    if name is not None and name not in ENGINES:
        raise OptionError(f"unknown engine {name!r} (must be one of {list(ENGINES)})")
    if format is not None and not any(format in f for f in LAYOUT_FORMATS.values()):
        every = sorted(set().union(*LAYOUT_FORMATS.values()))
        raise OptionError(f"no layout engine writes {format!r} (they write {every})")
    names = [name] if name else list(ENGINES)
    if format is not None:
        able = [n for n in names if format in LAYOUT_FORMATS[n]]
        if not able:
            raise OptionError(
                f"the {name} engine cannot write {format!r} "
                f"(it writes {sorted(LAYOUT_FORMATS[names[0]])}); use engine='dot' for {format}"
            )
        names = able
    for n in names:
        path = _locate(n)
        if path:
            return Engine(n, path)
    if name == "dot" or names == ["dot"]:
        what = (
            f"{format.upper()} output needs" if format and name is None else "the dot engine needs"
        )
        raise ExecutableNotFoundError(
            f"{what} Graphviz's `dot`, which is not on PATH: install Graphviz "
            "(apt-get install graphviz, brew install graphviz, or https://graphviz.org/download/)"
        )
    if name == "graphviz-pure":
        raise ExecutableNotFoundError(
            "the graphviz-pure engine is not installed: pip install graphviz-pure"
        )
    raise ExecutableNotFoundError(f"no Graphviz layout engine found: {_FIX}")


_BENIGN = (
    # graphviz-pure estimates text widths from built-in metrics; these say it fell back
    "no hard-coded metrics for",
    "no value for width of non-ASCII character",
)


def _meaningful(stderr: str) -> str:
    """The engine's messages less the known-harmless font-metric notes, without repeats."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    return "\n".join(dict.fromkeys(ln for ln in lines if not any(b in ln for b in _BENIGN)))


def run_engine(
    source: str,
    format: str,
    *,
    engine: str | Engine | None = None,
    timeout: float | None = None,
) -> bytes:
    """Lay out DOT source with a layout engine and return the output file's bytes.

    Parameters
    ----------
    source : str
        DOT source (e.g. ``to_graphviz(m).source``).
    format : {"svg", "png", "pdf"}
    engine : str or Engine, optional
        See :func:`find_engine`.
    timeout : float, optional
        Seconds to wait before giving up with :class:`RenderError`.

    Raises
    ------
    ExecutableNotFoundError
        When no engine that writes ``format`` is installed.
    RenderError
        When the engine fails or times out; the message carries its output.
    """
    eng = engine if isinstance(engine, Engine) else find_engine(engine, format=format)
    if format not in eng.formats:
        raise OptionError(f"the {eng.name} engine cannot write {format!r}")
    cmd = [eng.path, f"-T{format}"]
    try:
        proc = subprocess.run(
            cmd, input=source.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise RenderError(f"{eng.name} did not finish within {timeout} s") from None
    except OSError as exc:
        raise RenderError(f"cannot run {eng.path}: {exc.strerror or exc}") from None
    err = _meaningful(proc.stderr.decode("utf-8", "replace"))
    if proc.returncode != 0 or not proc.stdout:
        detail = f": {err}" if err else ""
        raise RenderError(f"{eng.name} -T{format} failed (exit {proc.returncode}){detail}")
    if err:
        head = "" if err.startswith(f"{eng.name}:") else f"{eng.name}: "
        warnings.warn(head + err, EngineWarning, stacklevel=2)
    return proc.stdout
