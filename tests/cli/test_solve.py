"""``argmap solve``: the ICCMA 2023 interface and output conventions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis.framework import ArgumentationFramework
from argmap.cli import main
from argmap.cli.solve import PROBLEMS, solve
from argmap.formats.iccma import parse_af

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "iccma"
AF4 = "p af 4\n1 2\n1 3\n2 1\n2 3\n3 4\n4 3\n"


@pytest.fixture
def af_file(tmp_path):
    path = tmp_path / "af.i23"
    path.write_text(AF4)
    return path


def run(capsys, *argv):
    code = main(["solve", *argv])
    out, err = capsys.readouterr()
    return code, out, err


class TestCli:
    def test_problems_and_formats(self, capsys):
        code, out, _ = run(capsys, "--problems")
        assert code == 0 and out.startswith("[SE-GR,") and "DS-PR" in out and "DC-ID" in out
        code, out, _ = run(capsys, "--formats")
        assert out == "[i23,apx,tgf]\n"

    def test_no_arguments_prints_name_and_version(self, capsys):
        code, out, _ = run(capsys)
        assert code == 0 and out.startswith("argmap ")

    def test_se_dc_ds(self, capsys, af_file):
        assert run(capsys, "-p", "SE-ID", "-f", str(af_file))[1] == "w 4\n"
        assert run(capsys, "-p", "DC-PR", "-f", str(af_file), "-a", "3")[1] == "NO\n"
        assert run(capsys, "-p", "DS-PR", "-f", str(af_file), "-a", "4")[1] == "YES\n"
        out = run(capsys, "-p", "DS-ST", "-f", str(af_file), "-a", "1")[1]
        assert out == "NO\nw 2 4\n"
        assert run(capsys, "-p", "CE-CO", "-f", str(af_file))[1] == "4\n"

    def test_format_option(self, capsys, tmp_path):
        path = tmp_path / "af.txt"
        path.write_text("arg(a).\narg(b).\natt(a,b).\natt(b,a).\natt(b,b).\n")
        assert run(capsys, "-p", "SE-ST", "-f", str(path), "-fo", "apx")[1] == "w a\n"
        assert run(capsys, "-p", "EE-PR", "-f", str(path), "-fo", "apx")[1] == "[[a]]\n"

    def test_no_stable_extension(self, capsys, tmp_path):
        path = tmp_path / "odd.i23"
        path.write_text("p af 3\n1 2\n2 3\n3 1\n")
        assert run(capsys, "-p", "SE-ST", "-f", str(path))[1] == "NO\n"
        assert run(capsys, "-p", "EE-ST", "-f", str(path))[1] == "[]\n"
        assert run(capsys, "-p", "SE-GR", "-f", str(path))[1] == "w\n"

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["-p", "XX-PR"], "unsupported problem"),
            (["-p", "DC-PR"], "needs a query argument"),
            (["-p", "DC-PR", "-a", "9"], "no argument named '9'"),
            (["-p", "SE-PR", "-fo", "gml"], "unknown framework format"),
        ],
    )
    def test_errors(self, capsys, af_file, argv, message):
        code, out, err = run(capsys, "-f", str(af_file), *argv)
        assert code == 2 and out == "" and err.startswith("error: ") and message in err

    def test_malformed_file(self, capsys, tmp_path):
        path = tmp_path / "bad.i23"
        path.write_text("p af 2\n1 3\n")
        code, _, err = run(capsys, "-p", "SE-GR", "-f", str(path))
        assert code == 2 and "line 2" in err

    def test_missing_file_or_folder(self, capsys, tmp_path):
        missing = tmp_path / "missing.i23"
        code, out, err = run(capsys, "-p", "SE-GR", "-f", str(missing))
        assert (code, out) == (2, "") and err == f"error: {missing}: no such file\n"
        code, _, err = run(capsys, "-p", "SE-GR", "-f", str(tmp_path), "-fo", "i23")
        assert code == 2 and "is a directory" in err


def test_every_problem_answers():
    af = parse_af(AF4, "i23")
    for problem in PROBLEMS:
        assert solve(af, problem, "1").endswith("\n")


def test_crustabri_expected_outputs():
    folder = CORPUS / "crustabri_i23"
    if not folder.is_dir():
        pytest.skip(f"shared ICCMA corpus not found at {folder}")
    expected = json.loads((folder / "expected.json").read_text())
    instances = {
        "crustabri_test4.i23": parse_af((folder / "crustabri_test4.i23").read_text(), "i23")
    }
    for case in expected["cases"]:
        name = case["instance"]
        if name.startswith("inline:"):
            af = parse_af(name.removeprefix("inline:") + "\n", "i23")
        else:
            af = instances[name]
        out = solve(af, case["task"], case["query"])
        assert out in case["accepted_outputs"], (case["task"], case["query"], out)
    assert len(expected["cases"]) == 55


def test_empty_extension_prints_bare_w():
    af = ArgumentationFramework.from_edges(["1"], [("1", "1")])
    assert solve(af, "SE-PR") == "w\n"
    assert solve(af, "DS-CO", "1") == "NO\nw\n"
