"""Tests for argmap.cli.main: the subcommand table and quick start-up."""

import argparse
import importlib
import subprocess
import sys

from argmap.cli import COMMANDS, SUBCOMMANDS, build_parser, main


def test_every_registered_command_is_in_the_table():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    for name in SUBCOMMANDS:
        importlib.import_module(f"argmap.cli.{name}").register(sub)
    assert sorted(sub.choices) == sorted(COMMANDS)
    assert set(COMMANDS.values()) == set(SUBCOMMANDS)


def test_full_help_lists_every_command(capsys):
    help_text = build_parser().format_help()
    for command in COMMANDS:
        assert command in help_text


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.startswith("argmap ")


def test_solve_does_not_load_pydantic():
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        "main(['solve', '--problems'])\n"
        "assert 'pydantic' not in sys.modules and 'networkx' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_import_argmap_is_light():
    code = (
        "import sys, argmap\n"
        "heavy = {'pydantic', 'networkx', 'yaml', 'graphviz', 'pysat', 'numpy'}\n"
        "heavy &= set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
