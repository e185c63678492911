"""Benchmark: the self-contained HTML page for maps of 50, 300 and 1,000 statements.

Reports, per map: the time to gather the page's data (``page_data``, pure
Python), the time of the whole page (``to_html``: layout by the first engine
found, plus the data), the page's size and the JSON data's share of it; and,
where Chromium and Playwright are installed, the time the browser takes to load
the page until its script is ready and to show a click (select a statement,
then clear), each until two animation frames have been drawn. Uses the map
generator of ``bench_render.py``. Writes ``benchmarks/results/html.md``.

Run: ``python benchmarks/bench_html.py`` (``--quick`` for 50 and 300 only).
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "html.md"
SIZES = (50, 300, 1000)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"]
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _generate():
    spec = importlib.util.spec_from_file_location("bench_render", HERE / "bench_render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def best_of(n: int, fn):
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def browser_times(path: Path, statement: str) -> tuple[float, float, float] | None:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = b.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready]", timeout=120_000)
        page.evaluate(TWO_FRAMES)
        load = time.perf_counter() - t
        selects, clears = [], []
        for _ in range(3):
            t = time.perf_counter()
            page.eval_on_selector(
                f'[id="s-{statement}"]',
                "e => e.dispatchEvent(new MouseEvent('click', {bubbles: true}))",
            )
            page.evaluate(TWO_FRAMES)
            selects.append(time.perf_counter() - t)
            t = time.perf_counter()
            page.keyboard.press("Escape")
            page.evaluate(TWO_FRAMES)
            clears.append(time.perf_counter() - t)
        b.close()
    return load, min(selects), min(clears)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 and 300 statements only")
    args = parser.parse_args(argv)

    import argmap
    from argmap.render.engines import find_engine
    from argmap.render.html import json_for_script, page_data, to_html

    engine = find_engine(format="svg")
    generate = _generate()
    maps = [("44 (article)", argmap.load(ROOT / "examples" / "nato_japan.yaml"))]
    maps += [(str(n), generate(n)) for n in (SIZES[:2] if args.quick else SIZES)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, m in maps:
            data_s = best_of(3, lambda m=m: page_data(m))
            t = time.perf_counter()
            page = to_html(m, highlight="unanswered")
            page_s = time.perf_counter() - t
            path = Path(tmp) / "page.html"
            path.write_text(page, encoding="utf-8")
            size = len(page.encode())
            data_size = len(json_for_script(page_data(m)).encode())
            thesis = m.theses()[0].id
            browser = browser_times(path, thesis)
            rows.append((label, len(m.relations()), data_s, page_s, size, data_size, browser))
            print(rows[-1], file=sys.stderr)

    lines = [
        "# HTML page benchmark",
        "",
        "`python benchmarks/bench_html.py`: the article's map and generated maps (the",
        "generator of `bench_render.py`), written with `to_html(m, highlight='unanswered')`.",
        "*data* is `page_data(m)` (pure Python, best of 3); *page* is the whole of `to_html`,",
        f"layout by `{engine.name}` included. In Chromium (headless, software rendering):",
        "*load* is opening the file until the script is ready and two frames are drawn;",
        "*click* and *clear* are selecting the thesis (highlighting its attackers and",
        "supporters, fading the rest) and pressing Esc, each until two frames are drawn",
        "(best of 3).",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()}; engine: {engine.name}",
        "",
        "| statements | relations | data (s) | page (s) | page (KiB) | JSON share "
        "| load (s) | click (s) | clear (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, rels, data_s, page_s, size, data_size, browser in rows:
        b = ("{:.2f} | {:.3f} | {:.3f}".format(*browser)) if browser else "n/a | n/a | n/a"
        lines.append(
            f"| {label} | {rels} | {data_s:.3f} | {page_s:.2f} | {size / 1024:.0f} "
            f"| {data_size / size:.0%} | {b} |"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
