"""Configuration of ``argmap check``: pyproject.toml, the map's ``check:`` key, suppressions."""

from __future__ import annotations

import warnings

import pytest

import argmap
from argmap.check import CheckConfig, check_file, check_map, parse_config
from argmap.check.config import find_pyproject_config

MAP = """\
argmap: 1
statements:
  - {id: t, kind: claim, text: T.}
  - {id: o, kind: objection, text: O., against: t}
"""


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


class TestParseConfig:
    def test_empty(self):
        assert parse_config(None, origin="x") == CheckConfig()
        assert parse_config({}, origin="x").rules() == CheckConfig().rules()

    def test_selectors_names_codes_prefixes(self):
        cfg = parse_config({"select": ["AM1", "unused-actor"], "ignore": "AM104"}, origin="x")
        chosen = [r.code for r in cfg.rules()]
        assert "AM202" in chosen and "AM101" in chosen
        assert "AM104" not in chosen and "AM201" not in chosen

    @pytest.mark.parametrize(
        "table, message",
        [
            (["AM101"], "must be a table of settings"),
            ({"selct": ["AM101"]}, "unknown key 'selct'"),
            ({"select": "AM999"}, "unknown rule 'AM999'"),
            ({"ignore": ["nonsense"]}, "unknown rule 'nonsense'"),
            ({"select": [1]}, "'select' must be a list"),
            ({"severity": {"AM101": "fatal"}}, "'severity.AM101' must be one of"),
            ({"severity": ["AM101"]}, "'severity' must be a table"),
            ({"min-severity": "low"}, "'min-severity' must be one of"),
            ({"per-statement-ignores": {"o": ["AM777"]}}, "unknown rule 'AM777'"),
            ({"per-statement-ignores": ["o"]}, "'per-statement-ignores' must be a table"),
        ],
    )
    def test_malformed_tables_name_the_origin(self, table, message):
        with pytest.raises(argmap.OptionError, match="^here: ") as exc:
            parse_config(table, origin="here")
        assert message in str(exc.value)

    def test_per_file_ignores_not_in_a_map(self):
        with pytest.raises(argmap.OptionError, match="unknown key 'per-file-ignores'"):
            parse_config({"per-file-ignores": {}}, origin="m", allow_per_file=False)


class TestPyproject:
    def test_nearest_table_wins_and_tables_without_it_are_passed_over(self, tmp_path):
        (tmp_path / "pyproject.toml").write_text(
            '[tool.argmap.check]\nignore = ["AM201"]\n', encoding="utf-8"
        )
        sub = tmp_path / "maps"
        sub.mkdir()
        (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        (sub / "m.yaml").write_text(MAP, encoding="utf-8")
        assert "AM201" not in codes(check_file(sub / "m.yaml"))
        assert "AM201" in codes(check_file(sub / "m.yaml", isolated=True))

    def test_per_file_ignores(self, tmp_path):
        (tmp_path / "pyproject.toml").write_text(
            '[tool.argmap.check.per-file-ignores]\n"drafts/*.yaml" = ["AM101", "AM201"]\n',
            encoding="utf-8",
        )
        (tmp_path / "drafts").mkdir()
        (tmp_path / "drafts" / "m.yaml").write_text(MAP, encoding="utf-8")
        (tmp_path / "m.yaml").write_text(MAP, encoding="utf-8")
        assert codes(check_file(tmp_path / "drafts" / "m.yaml")) == []
        assert "AM101" in codes(check_file(tmp_path / "m.yaml"))

    def test_malformed_toml(self, tmp_path):
        (tmp_path / "pyproject.toml").write_text("[tool.argmap.check\n", encoding="utf-8")
        with pytest.raises(argmap.OptionError, match="cannot read it as TOML"):
            find_pyproject_config(tmp_path)

    def test_malformed_table(self, tmp_path):
        (tmp_path / "pyproject.toml").write_text("[tool.argmap]\ncheck = 3\n", encoding="utf-8")
        with pytest.raises(argmap.OptionError, match=r"\[tool.argmap.check\]: must be a table"):
            find_pyproject_config(tmp_path)


class TestMapConfig:
    def test_check_key_in_the_file(self, tmp_path):
        path = tmp_path / "m.yaml"
        path.write_text(
            MAP + "check:\n  ignore: [missing-actor]\n  severity: {AM101: warning}\n",
            encoding="utf-8",
        )
        result = check_file(path, isolated=True)
        assert [(f.code, f.severity) for f in result.findings] == [("AM101", "warning")]
        assert not result.failed

    def test_command_line_overrides_the_map(self, tmp_path):
        path = tmp_path / "m.yaml"
        path.write_text(MAP + "check:\n  select: [AM201]\n", encoding="utf-8")
        assert set(codes(check_file(path, isolated=True))) == {"AM201"}
        over = CheckConfig(select=("AM101",))
        assert codes(check_file(path, isolated=True, overrides=over)) == ["AM101"]

    def test_round_trip_and_loss_warning(self):
        m = argmap.loads(MAP + "check:\n  ignore: [AM201]\n")
        assert m.check_config == {"ignore": ["AM201"]}
        assert argmap.loads(argmap.dumps(m)) == m
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            argmap.dumps(m, format="aif")
        assert any("'check' settings" in str(w.message) for w in caught)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            argmap.dumps(argmap.loads(MAP), format="aif")

    def test_malformed_map_table_is_an_error(self):
        m = argmap.loads(MAP + "check:\n  select: [AM999]\n")
        with pytest.raises(argmap.OptionError, match="check: unknown rule 'AM999'"):
            check_map(m)


class TestSuppressions:
    def test_per_statement_ignores_from_python(self):
        m = argmap.loads(MAP)
        m.check_config = {"per-statement-ignores": {"o": ["unanswered-objection"]}}
        result = check_map(m)
        assert "AM101" not in codes(result) and result.suppressed == 1

    def test_noqa_tag(self):
        m = argmap.loads(MAP.replace("against: t}", "against: t, tags: ['noqa:AM101']}"))
        result = check_map(m)
        assert "AM101" not in codes(result) and result.suppressed == 1
        assert "AM201" in codes(result)  # only the named rule is silenced

    def test_noqa_naming_no_rule_is_an_error(self):
        m = argmap.loads(MAP.replace("against: t}", "against: t, tags: ['noqa:AM9']}"))
        with pytest.raises(argmap.OptionError, match="statement 'o': tag: unknown rule 'AM9'"):
            check_map(m)

    def test_min_severity_and_fail_on(self):
        m = argmap.loads(MAP)
        result = check_map(m, overrides=CheckConfig(min_severity="error"))
        assert codes(result) == ["AM101"] and result.hidden == 2
        only_warnings = CheckConfig(select=("AM201",), fail_on="warning")
        assert check_map(m, overrides=only_warnings).failed
        assert not check_map(m, overrides=CheckConfig(select=("AM201",))).failed


class TestCoverageWindow:
    TEXT = "Menu | About. We should tax sugar. Sugar harms health. Share this.\n"

    def sourced(self, **check) -> argmap.ArgumentMap:
        m = argmap.ArgumentMap(source={"text": self.TEXT})
        m.actor("a", "A")
        m.claim("T.", id="t", by="a", quote="We should tax sugar.")
        m.check_config = check or None
        return m

    def test_start_end_skip(self):
        assert check_map(self.sourced()).coverage["sentences"] == 4
        window = {"coverage-start": "We should", "coverage-end": "Sugar harms"}
        cov = check_map(self.sourced(**window)).coverage
        assert cov["sentences"] == 2 and cov["mapped"] == 1
        cov = check_map(self.sourced(**{"coverage-skip": r"^(Menu|Share)"})).coverage
        assert [u["text"] for u in cov["unmapped"]] == ["Sugar harms health."]

    def test_bad_values(self):
        with pytest.raises(argmap.OptionError, match="not a valid regular expression"):
            check_map(self.sourced(**{"coverage-skip": "("}))
        with pytest.raises(argmap.OptionError, match="'coverage-start' must be a non-empty"):
            check_map(self.sourced(**{"coverage-start": 3}))
