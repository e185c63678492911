"""The native formats are detected without importing the other format modules, and
the fast detection agrees with the full one (issue 11: large maps load fast)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap import formats
from argmap.formats import _BUILTIN_LONGER_EXTENSIONS, _NATIVE_EXTENSIONS, list_formats


def test_the_longer_extensions_list_matches_the_registry():
    longer = {
        e
        for f in list_formats()
        if f.name not in ("yaml", "json")
        for e in f.extensions
        if e.count(".") > 1 and e.endswith(tuple(_NATIVE_EXTENSIONS))
    }
    assert longer == set(_BUILTIN_LONGER_EXTENSIONS)
    native = {e: f.name for f in list_formats() if f.name in ("yaml", "json") for e in f.extensions}
    assert native == _NATIVE_EXTENSIONS


NAMES = ["m.yaml", "M.YML", "m.json", "x.aif.json", "x.sadface.json", "x.nodelink.json", "m.txt"]
TEXTS = [None, '{"argmap": 1, "statements": []}', '{"nodes": [], "edges": []}', "argmap: 1\n"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("writing", [False, True])
def test_fast_detection_agrees_with_the_full_one(name, text, writing, monkeypatch):
    formats._load_builtin()
    try:
        full = formats.detect_format(name, text, writing=writing).name
    except Exception:
        full = None
    # as in a fresh interpreter: only the native module imported
    native = {k: v for k, v in formats._REGISTRY.items() if k in ("yaml", "json")}
    monkeypatch.setattr(formats, "_REGISTRY", native)
    monkeypatch.setattr(formats, "_LOADED", False)
    fast = formats._native_fast(name.lower(), text, writing)
    if fast is not None:
        assert fast.name == full
    expected_fast = name.lower().endswith((".yaml", ".yml")) or (
        name.lower() == "m.json" and (text is None or "argmap" in text)
    )
    assert (fast is not None) == expected_fast


def test_loading_a_native_file_imports_no_other_format(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"argmap": 1, "statements": [{"id": "c", "kind": "claim", "text": "C."}]}')
    code = (
        "import sys, argmap; m = argmap.load(sys.argv[1]); argmap.dump(m, sys.argv[1] + '.yaml');"
        "print(sorted(n.rsplit('.', 1)[1] for n in sys.modules if n.startswith("
        "'argmap.formats.') and not n.rsplit('.', 1)[1].startswith('_')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['native']"
