"""Tests for the check, validate and schema subcommands and the CLI's error handling."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "nato_japan.yaml"

ANSWERED = """\
argmap: 1
actors: [{id: ann, name: Ann, affiliation: Uni}]
statements:
  - {id: t, kind: claim, text: T., by: ann}
  - {id: o, kind: objection, text: O., by: ann, against: t}
  - {id: r, kind: rebuttal, text: R., against: o}
"""


@pytest.fixture
def write(tmp_path):
    def write(text, name="m.yaml"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return str(p)

    return write


class TestCheck:
    def test_none_unanswered_exits_0(self, write, capsys):
        assert main(["check", write(ANSWERED)]) == 0
        out = capsys.readouterr().out
        assert "the objection is answered; 0 findings" in out
        assert "all 1 objections" not in out

    def test_unanswered_exits_1_with_author_and_target(self, write, capsys):
        path = write(ANSWERED.replace("  - {id: r, kind: rebuttal, text: R., against: o}\n", ""))
        assert main(["check", path]) == 1
        out = capsys.readouterr().out
        assert "1 of 1 objection unanswered, 1 bearing on the thesis" in out
        assert "Objections that threaten thesis 't' (T.): 1" in out
        assert "m.yaml:5: AM101 error: objection 'o' (by Ann, Uni) bears on thesis 't'" in out
        assert "path: o -> t" in out

    def test_json(self, write, capsys):
        path = write(
            ANSWERED.replace(
                "against: o}", "against: o}\n  - {id: o2, kind: objection, text: X., against: r}"
            )
        )
        assert main(["check", path, "--format", "json"]) == 1
        data = json.loads(capsys.readouterr().out)["files"][0]
        assert data["unanswered_count"] == 2
        first = data["unanswered"][0]
        assert first["id"] == "o" and first["by"]["name"] == "Ann"
        assert first["against"] == [{"id": "t", "kind": "claim", "text": "T."}]
        assert first["reason"] == "answers-defeated"
        assert first["threatens"] == {"t": ["o", "t"]}
        assert data["unanswered"][1]["threatens"] == {"t": ["o2", "r", "o", "t"]}

    def test_bad_input_exits_2_on_stderr(self, write, capsys):
        path = write(ANSWERED.replace("against: o}", "against: t}"))
        assert main(["check", path]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith("error: ") and "line 6" in captured.err
        assert "Traceback" not in captured.err

    @pytest.mark.skipif(not EXAMPLE.exists(), reason="example map not present")
    def test_article_map(self, capsys):
        assert main(["check", str(EXAMPLE)]) == 1
        assert "global-times-thorn" in capsys.readouterr().out


class TestValidate:
    def test_ok(self, write, capsys):
        assert main(["validate", write(ANSWERED)]) == 0
        assert "ok (3 statements, 2 relations, 1 actors)" in capsys.readouterr().out

    def test_every_problem(self, write, capsys):
        bad = ANSWERED.replace("by: ann", "by: bob").replace("kind: claim", "kind: thesis")
        assert main(["validate", write(bad)]) == 2
        err = capsys.readouterr().err
        assert "2 problems" in err and "bob" in err and "thesis" in err


class TestSchema:
    def test_prints_json_schema(self, capsys):
        assert main(["schema"]) == 0
        schema = json.loads(capsys.readouterr().out)
        assert schema["title"] == "MapDocument"
        assert {"Claim", "Objection", "Rebuttal", "Evidence"} <= set(schema["$defs"])


class TestProcess:
    """The real console entry points: exit status and no traceback."""

    def run(self, *args):
        return subprocess.run(
            [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=60
        )

    def test_python_m_and_exit_codes(self, write):
        assert self.run("check", write(ANSWERED)).returncode == 0
        proc = self.run("check", write("statements: [", "broken.yaml"))
        assert proc.returncode == 2
        assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
        assert "broken.yaml" in proc.stderr

    def test_usage_error_exits_2(self):
        proc = self.run("check")
        assert proc.returncode == 2 and "usage" in proc.stderr
