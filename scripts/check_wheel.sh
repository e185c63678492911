#!/usr/bin/env bash
# Packaging as it ships: build the sdist and the wheel, check both with twine, install
# the wheel into a fresh virtual environment (not the source tree) and run the main job
# from it, in a folder that holds no source, so that a missing package-data file or an
# import that only works from the source tree fails here. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python -m twine check --strict "$work"/dist/*
wheel=$(ls "$work"/dist/argmap-*.whl)
python - "$wheel" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
for required in ("argmap/__init__.py", "argmap/py.typed", "argmap/cli/__init__.py"):
    assert required in names, f"the wheel lacks {required}"
assert not any(n.startswith(("tests/", "examples/", "docs/")) for n in names), "test files shipped"
PY

python -m venv "$work/venv"
env -u PYTHONPATH "$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
cp "$root/examples/nato_japan.yaml" "$work/"
cd "$work"
env -u PYTHONPATH venv/bin/python - <<'PY'
import argmap, pathlib, sys
where = pathlib.Path(argmap.__file__).resolve()
assert "site-packages" in where.parts, f"argmap imported from {where}, not from the wheel"
print(f"argmap {argmap.__version__} from {where.parent}")
PY
# the README's main job, from the installed wheel
set +e
env -u PYTHONPATH venv/bin/argmap check nato_japan.yaml
status=$?
set -e
if [ "$status" -gt 1 ]; then
  echo "error: 'argmap check' from the wheel exited $status" >&2
  exit 1
fi
env -u PYTHONPATH venv/bin/argmap render nato_japan.yaml -o nato_japan.svg --highlight unanswered --legend
grep -q "<svg" nato_japan.svg
echo "wheel ok: $(basename "$wheel") installs, checks and renders from a fresh environment"
