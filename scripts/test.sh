#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine (as root), then run
# the linter, the whole test suite (the documentation build included) and the packaging
# check. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# --- system packages (Graphviz for rendering, Chromium for the browser test) ---
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  need=()
  command -v dot >/dev/null 2>&1 || need+=(graphviz)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

# --- Node tools (the Argdown CLI, to check our Argdown exporter against Argdown's parser) ---
if command -v npm >/dev/null 2>&1 && [ ! -x .tools/node_modules/.bin/argdown ]; then
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error @argdown/cli@1.7.5 >/dev/null \
    || echo "warning: could not install @argdown/cli; its tests will skip" >&2
fi

# --- the package with its test dependencies ---
python -m pip install -q --disable-pip-version-check -e '.[test,docs,release]'

ruff check src tests benchmarks examples
# the public API under a strict type checker ([tool.mypy] in pyproject.toml)
mypy
# the wheel, as it ships: built, checked, installed in a fresh venv, the main job run from it
bash scripts/check_wheel.sh
python -m pytest -q "$@"
