"""``argmap schema``: print the JSON Schema of the native file format."""

from __future__ import annotations

import argparse
import json
import sys

from ..formats.native import json_schema


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the native format",
        description="Print the JSON Schema of argmap's native file format (YAML or JSON), "
        "generated from the models, for editors to validate files against.",
    )
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        from ..io import write_atomic

        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
