"""Shared test set-up: the corpus location and the map strategies module on sys.path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs every property test with a fixed seed, so that a run is reproducible and a
# rare example cannot turn a submission red at random (a flaky test is a failing
# test). Local runs keep exploring new examples; set HYPOTHESIS_PROFILE=ci to
# reproduce CI exactly, or HYPOTHESIS_PROFILE=explore for a longer search.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=2000)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"

if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


@pytest.fixture
def corpus() -> Path:
    """The shared corpus folder; skips the test when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
