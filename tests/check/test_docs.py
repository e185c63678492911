"""docs/checking.md documents every rule with a map that triggers it: check each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.check import RULES, CheckConfig, check_map

DOC = Path(__file__).resolve().parents[2] / "docs" / "checking.md"
SECTION = re.compile(r"^### (AM\d{3}) ([a-z-]+)\n(.*?)```yaml\n(.*?)```", re.S | re.M)


def examples() -> dict[str, tuple[str, str]]:
    return {m[1]: (m[2], m[4]) for m in SECTION.finditer(DOC.read_text(encoding="utf-8"))}


def test_every_rule_is_documented():
    assert sorted(examples()) == sorted(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_documented_map_triggers_the_rule(code):
    name, yaml_text = examples()[code]
    assert name == RULES[code].name
    m = argmap.loads(yaml_text)
    found = check_map(m, overrides=CheckConfig(select=(code,))).findings
    assert found, f"the example of {code} does not trigger it"
