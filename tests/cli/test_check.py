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
        # the re-read article: every objection bearing on a thesis is answered; the
        # author's objections to the side claim are listed apart and do not count
        assert main(["check", str(EXAMPLE)]) == 0
        out = capsys.readouterr().out
        assert "no unanswered objection threatens it" in out
        assert "bear on no thesis" in out and "not-first-in-asia" in out
        assert main(["check", str(EXAMPLE), "--thesis", "office-serves-alliance"]) == 0
        assert main(["check", str(EXAMPLE), "--thesis", "first-of-its-kind"]) == 1
        assert "AM101" in capsys.readouterr().out


class TestCheckOptions:
    def test_several_files_one_exit_status(self, write, capsys):
        clean = write(ANSWERED, "clean.yaml")
        unanswered = ANSWERED.replace("  - {id: r, kind: rebuttal, text: R., against: o}\n", "")
        failing = write(unanswered, "failing.yaml")
        assert main(["check", clean, clean]) == 0
        assert main(["check", clean, failing]) == 1
        out = capsys.readouterr().out
        assert "clean.yaml: the objection is answered" in out
        assert "2 files checked" in out

    def test_an_unusable_file_among_several_exits_2_and_the_rest_is_reported(
        self, write, capsys
    ):
        clean = write(ANSWERED, "clean.yaml")
        assert main(["check", clean, write("statements: [", "broken.yaml")]) == 2
        captured = capsys.readouterr()
        assert "clean.yaml: the objection is answered" in captured.out
        assert captured.err.startswith("error: ") and "broken.yaml" in captured.err

    def test_thesis_is_repeatable_and_scopes_the_exit_status(self, write, capsys):
        side = ANSWERED + "  - {id: side, kind: claim, text: S., by: ann}\n"
        side += "  - {id: o9, kind: objection, text: X., by: ann, against: side}\n"
        path = write(side)
        assert main(["check", path, "--thesis", "t"]) == 0
        assert "bear on no thesis" in capsys.readouterr().out
        assert main(["check", path, "--thesis", "t", "--thesis", "side"]) == 1
        assert main(["check", path]) == 1  # both root claims are theses by default

    def test_select_ignore_severity(self, write, capsys):
        path = write(ANSWERED.replace("  - {id: r, kind: rebuttal, text: R., against: o}\n", ""))
        assert main(["check", path, "--ignore", "AM101"]) == 0
        assert main(["check", path, "--select", "AM2,AM3"]) == 0
        assert main(["check", path, "--severity", "error", "--format", "json"]) == 1
        capsys.readouterr()
        assert main(["check", path, "--select", "missing-actor", "--fail-on", "warning"]) == 0

    def test_list_rules(self, capsys):
        assert main(["check", "--list-rules"]) == 0
        out = capsys.readouterr().out
        assert "AM101  unanswered-objection" in out and "AM302  quote-not-verbatim" in out

    def test_sarif_and_github(self, write, capsys):
        path = write(ANSWERED.replace("  - {id: r, kind: rebuttal, text: R., against: o}\n", ""))
        assert main(["check", path, "--format", "sarif"]) == 1
        log = json.loads(capsys.readouterr().out)
        assert log["version"] == "2.1.0" and log["runs"][0]["results"][0]["ruleId"] == "AM101"
        assert main(["check", path, "--format", "github"]) == 1
        assert capsys.readouterr().out.startswith("::error file=")

    def test_source_option(self, write, tmp_path, capsys):
        text = tmp_path / "text.txt"
        text.write_text("T. Something else entirely.\n", encoding="utf-8")
        path = write(ANSWERED.replace("text: T., by: ann}", "text: T., by: ann, quote: T.}"))
        assert main(["check", path, "--source", str(text), "--select", "AM301"]) == 0
        assert "% of the text mapped" in capsys.readouterr().out


class TestCheckBadInput:
    """Each a clear ``error:`` on stderr, exit 2, no traceback."""

    def run(self, capsys, *argv):
        assert main(["check", *argv]) == 2
        captured = capsys.readouterr()
        assert captured.err.startswith("error: ") and "Traceback" not in captured.err
        return captured.err

    def test_missing_source_file(self, write, capsys):
        err = self.run(capsys, write(ANSWERED), "--source", "/nonexistent/text.txt")
        assert "text.txt" in err

    def test_unreadable_source_file(self, write, tmp_path, capsys):
        bad = tmp_path / "latin1.txt"
        bad.write_bytes("caf\xe9".encode("latin-1"))
        assert "UTF-8" in self.run(capsys, write(ANSWERED), "--source", str(bad))

    def test_map_whose_named_source_cannot_be_found(self, write, capsys):
        path = write("source: {file: missing.txt}\n" + ANSWERED)
        assert "missing.txt" in self.run(capsys, path)

    def test_unknown_rule_in_select_and_ignore(self, write, capsys):
        assert "unknown rule 'AM999'" in self.run(capsys, write(ANSWERED), "--select", "AM999")
        assert "unknown rule 'nope'" in self.run(capsys, write(ANSWERED), "--ignore", "nope")

    def test_unknown_rule_in_config(self, write, capsys):
        path = write(ANSWERED + "check: {ignore: [AM999]}\n")
        assert "check: unknown rule 'AM999'" in self.run(capsys, path)

    def test_malformed_config_table(self, write, tmp_path, capsys):
        err = self.run(capsys, write(ANSWERED + "check: [AM101]\n"))
        assert "line 7: check: Input should be a valid dictionary" in err
        (tmp_path / "pyproject.toml").write_text(
            "[tool.argmap.check]\nselect = 3\n", encoding="utf-8"
        )
        assert "'select' must be a list" in self.run(capsys, write(ANSWERED))

    def test_unknown_thesis(self, write, capsys):
        assert "unknown thesis 'tt'" in self.run(capsys, write(ANSWERED), "--thesis", "tt")

    def test_thesis_not_a_claim(self, write, capsys):
        err = self.run(capsys, write(ANSWERED), "--thesis", "o")
        assert "thesis 'o' is an objection, not a claim" in err

    def test_no_file(self, capsys):
        with pytest.raises(SystemExit) as exc:
            main(["check"])
        assert exc.value.code == 2


def test_pre_commit_hook_is_declared():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "argmap-check"]
    assert hook["entry"] == "argmap check" and hook["language"] == "python"


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
