"""Fixtures for the rendering tests (maps in ``render_fixtures``, importable by every test here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from render_fixtures import build_hostile, build_sample  # noqa: E402

from argmap import ArgumentMap  # noqa: E402


@pytest.fixture
def sample() -> ArgumentMap:
    """Every statement kind and relation kind (see ``render_fixtures.build_sample``)."""
    return build_sample()


@pytest.fixture
def hostile() -> ArgumentMap:
    """Hostile text in every field (see ``render_fixtures.build_hostile``)."""
    return build_hostile()
