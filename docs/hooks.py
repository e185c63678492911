"""MkDocs hooks: pages generated from the code itself, so that they cannot drift.

``<!-- argmap:cli -->`` becomes the help of every ``argmap`` subcommand, taken from
the argument parser the command line uses; ``<!-- argmap:schema -->`` becomes the
JSON Schema of the native file format, generated from the pydantic models.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

_SRC = Path(__file__).resolve().parents[1] / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))


def cli_reference() -> str:
    """Markdown for every subcommand's ``--help``, in the parser's order."""
    os.environ["COLUMNS"] = "88"  # argparse wraps to the terminal width: fix it
    from argmap.cli import build_parser

    parser = build_parser()
    parts = ["```text", parser.format_help().rstrip(), "```"]
    for action in parser._subparsers._group_actions:  # noqa: SLF001 - argparse has no public API
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            parts += [f"\n## `argmap {name}`\n", "```text", sub.format_help().rstrip(), "```"]
    return "\n".join(parts)


def schema_reference() -> str:
    """The native format's JSON Schema as a fenced block."""
    from argmap.formats.native import json_schema

    return "```json\n" + json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n```"


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "<!-- argmap:cli -->" in markdown:
        markdown = markdown.replace("<!-- argmap:cli -->", cli_reference())
    if "<!-- argmap:schema -->" in markdown:
        markdown = markdown.replace("<!-- argmap:schema -->", schema_reference())
    return markdown


_REMOTE_MODULE = re.compile(
    r"<script type=\"module\">(?:(?!</script>).)*?https?://(?:(?!</script>).)*</script>", re.S
)


def on_post_page(output: str, page, config) -> str:
    """Drop mkdocs-jupyter's loader of Mermaid from a CDN: the site stays offline (our
    notebooks draw with argmap's own SVG, never with client-side Mermaid)."""
    return _REMOTE_MODULE.sub("", output)
