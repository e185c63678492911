"""``argmap render``: draw a map as SVG, PNG, PDF, DOT or Mermaid (and any registered format)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import OptionError
from . import read_map


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from ..render.dot import COLOR_BY, DIRECTIONS
    from ..render.engines import ENGINES
    from ..render.output import WRITERS

    formats = ", ".join(
        f"{w.name} ({', '.join('.' + e for e in w.extensions)})" for w in WRITERS.values()
    )
    p = sub.add_parser(
        "render",
        help="draw a map (svg, png, pdf, dot, mermaid, ...)",
        description="Draw an argument map into a file. The format follows the extension of "
        f"OUT unless --format is given: {formats}. SVG and PNG use Graphviz's dot when it is "
        "on PATH, else the graphviz-pure engine; PDF needs dot. Text formats can go to "
        "stdout with -o -.",
    )
    p.add_argument("file", help="map file (native YAML/JSON or any readable format)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write, or -")
    p.add_argument("--format", choices=list(WRITERS), help="output format (default: from OUT)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format")
    p.add_argument(
        "--direction",
        default="BT",
        metavar="DIR",
        help="which way arrows run: BT (default, thesis on top), TB, LR, RL, or up/down/"
        f"right/left (any of {', '.join(DIRECTIONS)})",
    )
    p.add_argument(
        "--highlight",
        choices=("unanswered", "load-bearing"),
        help="mark unanswered objections (thick red border and badge), or what the theses "
        "rest on: statements and relations whose defeat alone changes a thesis's label",
    )
    p.add_argument(
        "--highlight-ids",
        metavar="ID",
        nargs="+",
        help="outline these statements instead",
    )
    p.add_argument("--color-by", choices=COLOR_BY, default="kind", help="what the fill shows")
    p.add_argument("--group-by", choices=("actor",), help="one cluster per actor")
    p.add_argument("--focus", metavar="ID", help="draw only the neighbourhood of this statement")
    p.add_argument("--depth", type=int, metavar="K", help="radius of --focus in links (default 2)")
    p.add_argument("--legend", action="store_true", help="add a legend")
    p.add_argument("--quotes", action="store_true", help="show verbatim quotes in the nodes")
    p.add_argument("--ids", action="store_true", help="show statement ids in the nodes")
    p.add_argument("--edge-labels", action="store_true", help="name each relation on its edge")
    p.add_argument("--no-title", action="store_true", help="leave out the map's title")
    p.add_argument(
        "--wrap", type=int, default=32, metavar="N", help="characters per line (default 32)"
    )
    p.add_argument("--engine", choices=ENGINES, help="layout engine (default: dot if on PATH)")
    p.add_argument(
        "--source",
        metavar="FILE",
        help="html: the source text (UTF-8) in which each quote is shown in context "
        "(default: the map's own source text, if it names one)",
    )
    p.add_argument(
        "--fast",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fast layout for large maps: plain labels, straight edges (default: from 500 "
        "statements on; see docs/performance.md)",
    )
    p.set_defaults(func=run_render)


def render_options(args: argparse.Namespace) -> dict[str, Any]:
    """The drawing options of :func:`argmap.render.to_graphviz` that ``args`` ask for."""
    if args.highlight and args.highlight_ids:
        raise OptionError("give --highlight or --highlight-ids, not both")
    if args.wrap is not None and args.wrap < 0:
        raise OptionError(f"--wrap must be >= 0, got {args.wrap}")
    return {
        "direction": args.direction,
        "highlight": args.highlight or args.highlight_ids,
        "color_by": args.color_by,
        "group_by": args.group_by,
        "focus": args.focus,
        "depth": args.depth,
        "legend": args.legend,
        "title": not args.no_title,
        "wrap": args.wrap or None,
        "show_quotes": args.quotes,
        "show_ids": args.ids,
        "edge_labels": args.edge_labels,
        "fast": getattr(args, "fast", None),
    }


def run_render(args: argparse.Namespace) -> int:
    from ..render.output import format_for_path, render, render_bytes

    options = render_options(args)
    to_stdout = args.output == "-"
    if to_stdout and not args.format:
        raise OptionError("writing to stdout (-o -) needs --format")
    fmt = args.format or format_for_path(args.output)
    m = read_map(args.file, args.from_format)
    if fmt == "html":
        # quotes in context: --source, else the map's own text (a file relative to the map)
        options["map_path"] = args.file
        if args.source is not None:
            options["source"] = args.source
    elif args.source is not None:
        raise OptionError(f"--source applies to html output only, not {fmt}")
    if to_stdout:
        data = render_bytes(m, fmt, engine=args.engine, **options)
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = render(m, args.output, format=fmt, engine=args.engine, **options)
    drawn = len(m)
    if options.get("focus") is not None:
        from ..render.dot import _neighbourhood

        depth = options.get("depth")
        drawn = len(_neighbourhood(m, options["focus"], 2 if depth is None else depth))
    shown = f"{drawn} statements" if drawn == len(m) else f"{drawn} of {len(m)} statements"
    print(f"wrote {path} ({fmt}, {shown})", file=sys.stderr)
    return 0
