"""Tables of results: rows of dicts shown as HTML (notebooks), Markdown or plain text, or pandas.

A :class:`Table` is the one display for every tabular result argmap produces
(the status of each objection, the unanswered ones, reports of ``argmap
analyze``). It holds plain rows; it shows them, escaped, as an HTML table in
Jupyter (``_repr_html_``), as a Markdown table (``_repr_markdown_``, e.g. for
GitHub), and as an aligned plain-text table (``str``, ``repr``) in a terminal.

Limits: cells are shown as ``str(value)`` (``None`` as an empty cell, lists
and tuples joined with ``", "``); plain-text widths count East Asian wide
characters and emoji as two columns, which is what most terminals do, but
right-to-left text is laid out by the terminal, not here.

Tables are data, not drawings: this module sits below both :mod:`argmap.analysis`
and :mod:`argmap.render` (which re-exports it as ``argmap.render.table``).
:meth:`Table.to_pandas` gives the rows as a :class:`pandas.DataFrame` (pandas is
the optional extra ``argmap[pandas]``, imported only then: :func:`require_pandas`).
"""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

__all__ = ["Table", "cell_text", "text_width", "require_pandas", "data_frame"]


def require_pandas() -> Any:
    """The :mod:`pandas` module, or a :class:`~argmap.MissingExtraError` naming the extra.

    pandas is optional (``pip install argmap[pandas]``) and imported only here,
    when a ``to_pandas()`` or ``relations_frame()`` asks for it.
    """
    try:
        import pandas
    except ImportError as exc:
        from .errors import MissingExtraError

        raise MissingExtraError(
            "pandas is not installed; install the optional extra: pip install 'argmap[pandas]'"
        ) from exc
    return pandas


def data_frame(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    index: str | None,
    dtypes: Mapping[str, str] | None = None,
) -> Any:
    """A :class:`pandas.DataFrame` of ``rows`` with exactly ``columns``, indexed by ``index``.

    Values are kept as they are (tuples stay tuples, ``None`` stays ``None``);
    an empty ``rows`` gives an empty frame with the same columns. ``dtypes``
    fixes the dtype of some columns (``"bool"``, ``"int64"``, ``"float64"``), so
    that an empty frame has the dtypes of a full one.
    """
    pd = require_pandas()
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=list(columns))
    if dtypes:
        frame = frame.astype(dict(dtypes))
    if index is not None:
        frame = frame.set_index(index)
    return frame

_CSS = "border-collapse:collapse;font-family:Helvetica,Arial,sans-serif;font-size:13px"
# inline, so that the table reads the same in JupyterLab, VS Code, nbviewer and a plain page
_TH = "text-align:left;vertical-align:bottom;padding:4px 10px;border-bottom:2px solid #9ca3af"
_TD = "text-align:left;vertical-align:top;padding:4px 10px;border-bottom:1px solid #e5e7eb"


_MD_SPECIAL = re.compile(r"[\\`*_\[\]()!~|]")


def cell_text(value: Any) -> str:
    """How one value reads in a table cell.

    Examples
    --------
    >>> cell_text(None), cell_text(("a", "b")), cell_text(True), cell_text(0.5)
    ('', 'a, b', 'yes', '0.5')
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        # nested sequences are flattened with an explicit stack: no recursion on their depth
        parts: list[str] = []
        stack = [iter(value)]
        while stack:
            item = next(stack[-1], _END)
            if item is _END:
                stack.pop()
            elif isinstance(item, (list, tuple, set, frozenset)):
                stack.append(iter(item))
            else:
                parts.append(_scalar_text(item))
        return ", ".join(parts)
    return _scalar_text(value)


_END = object()


def _scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def text_width(text: str) -> int:
    """Columns a line of text takes in a terminal (wide characters count two).

    Examples
    --------
    >>> text_width("abc"), text_width("北京"), text_width("e\\u0301")
    (3, 4, 1)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - text_width(text))


def _printable(text: str) -> str:
    # tabs and other control characters would break the alignment of a text table
    return "".join(
        " " if ch == "\t" else ch for ch in text if ch == "\t" or unicodedata.category(ch) != "Cc"
    )


class Table:
    """Rows of dicts, shown as a table in notebooks, Markdown and terminals.

    Parameters
    ----------
    rows : iterable of mapping
        One mapping per row; keys are column names.
    columns : sequence of str, optional
        Which columns to show, in order; default: every key, in order of first
        appearance.
    title : str, optional
        A caption (HTML) or heading line (text).
    max_width : int, default 40
        In plain text, cells are wrapped to this many columns.
    nowrap : sequence of str, optional
        Columns whose cells HTML must not break (ids, which would break at
        their hyphens).

    Examples
    --------
    >>> t = Table([{"id": "cost", "answered": False}, {"id": "a<b", "answered": True}])
    >>> print(t)
    id    answered
    ----  --------
    cost  no
    a<b   yes
    >>> ">a&lt;b</td>" in t.to_html()
    True
    >>> print(t.to_markdown())
    | id | answered |
    |---|---|
    | cost | no |
    | a&lt;b | yes |
    >>> len(t), t.columns
    (2, ('id', 'answered'))
    """

    def __init__(
        self,
        rows: Iterable[Mapping[str, Any]],
        columns: Sequence[str] | None = None,
        *,
        title: str | None = None,
        max_width: int = 40,
        nowrap: Sequence[str] = (),
    ) -> None:
        self.rows: tuple[dict[str, Any], ...] = tuple(dict(r) for r in rows)
        if columns is None:
            columns = list(dict.fromkeys(k for r in self.rows for k in r))
        self.columns: tuple[str, ...] = tuple(columns)
        self.title = title
        if max_width < 1:
            raise ValueError(f"max_width must be at least 1, got {max_width}")
        self.max_width = max_width
        self.nowrap = frozenset(nowrap)

    def __len__(self) -> int:
        return len(self.rows)

    def to_pandas(self, index: str | None = None) -> Any:
        """The rows as a :class:`pandas.DataFrame`, one column per table column.

        Cells keep their values (not their text): ``None`` stays missing, a
        tuple stays a tuple. ``index`` makes one column the index.

        Raises
        ------
        MissingExtraError
            When pandas is not installed (``pip install 'argmap[pandas]'``).
        """
        if index is not None and index not in self.columns:
            from .errors import OptionError

            raise OptionError(f"unknown column {index!r} (must be one of {list(self.columns)})")
        return data_frame(self.rows, self.columns, index)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return (self.rows, self.columns, self.title) == (other.rows, other.columns, other.title)

    __hash__ = None  # type: ignore[assignment]  # rows are dicts

    # ------------------------------------------------------------------ html
    def to_html(self) -> str:
        """The table as an HTML ``<table>`` element, every text escaped."""
        esc = html.escape
        parts = [f'<table class="argmap-table" style="{_CSS}">']
        if self.title:
            parts.append(
                f'<caption style="text-align:left;font-weight:bold">{esc(self.title)}</caption>'
            )
        parts.append("<thead><tr>")
        parts += [f'<th style="{_TH}">{esc(c)}</th>' for c in self.columns]
        parts.append("</tr></thead><tbody>")
        for row in self.rows:
            parts.append("<tr>")
            for c in self.columns:
                text = esc(cell_text(row.get(c))).replace("\n", "<br>")
                style = _TD + (";white-space:nowrap" if c in self.nowrap else "")
                parts.append(f'<td style="{style}">{text}</td>')
            parts.append("</tr>")
        parts.append("</tbody></table>")
        if not self.rows:
            parts.append("<p><em>(no rows)</em></p>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    # ------------------------------------------------------------------ markdown
    def to_markdown(self) -> str:
        """The table as a GitHub-flavoured Markdown table: the cells' text only.

        HTML is escaped, and so is every character Markdown gives a meaning
        inside a table cell (``\\ ` * _ [ ] ( ) ! ~ |``), so a cell never holds
        a link, an image (a remote one would be fetched when shown), emphasis
        or HTML; line breaks become ``<br>``. A bare ``https://...`` may still
        be shown as a link by renderers that autolink URLs (its text is the
        URL itself).

        Examples
        --------
        >>> t = Table([{"a": "![x](https://e.org/t.png) [y](z) <b>"}])
        >>> print(t.to_markdown().splitlines()[-1])
        | \\!\\[x\\]\\(https://e.org/t.png\\) \\[y\\]\\(z\\) &lt;b&gt; |
        """

        def md(value: Any) -> str:
            text = html.escape(cell_text(value), quote=False)
            text = _MD_SPECIAL.sub(r"\\\g<0>", text)
            return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")

        lines = []
        if self.title:
            lines += [f"**{md(self.title)}**", ""]
        lines.append("| " + " | ".join(md(c) for c in self.columns) + " |")
        lines.append("|" + "---|" * len(self.columns))
        lines += ["| " + " | ".join(md(r.get(c)) for c in self.columns) + " |" for r in self.rows]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    # ------------------------------------------------------------------ text
    def _wrapped(self, value: Any) -> list[str]:
        lines: list[str] = []
        for para in _printable(cell_text(value).replace("\r\n", "\n")).split("\n"):
            lines += textwrap.wrap(para, self.max_width, break_on_hyphens=False) or [""]
        return lines

    def to_text(self) -> str:
        """The table as aligned plain text, cells wrapped to ``max_width`` columns."""
        header = [self._wrapped(c) for c in self.columns]
        body = [[self._wrapped(r.get(c)) for c in self.columns] for r in self.rows]
        widths = [
            max(text_width(line) for cell in (header[i], *(r[i] for r in body)) for line in cell)
            for i in range(len(self.columns))
        ]
        out = [self.title] if self.title else []

        def emit(cells: list[list[str]]) -> None:
            for k in range(max((len(c) for c in cells), default=1)):
                parts = [
                    _pad(c[k] if k < len(c) else "", w) for c, w in zip(cells, widths, strict=True)
                ]
                out.append("  ".join(parts).rstrip())

        emit(header)
        out.append("  ".join("-" * w for w in widths))
        for row in body:
            emit(row)
        if not self.rows:
            out.append("(no rows)")
        return "\n".join(out)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return self.to_text()
