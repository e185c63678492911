"""Tables of analysis results: :class:`argmap.table.Table`, re-exported where it used to live.

Tables are data, not drawings, so the class lives in :mod:`argmap.table`, which
the analysis layer may import (it never imports :mod:`argmap.render`).
"""

from __future__ import annotations

from ..table import Table, cell_text, text_width

__all__ = ["Table", "cell_text", "text_width"]
