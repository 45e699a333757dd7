"""Readers' benchmark: what a citizen on a phone waits for. Prints Lighthouse's mobile scores and the first
contentful paint of a notice page on a slow 3G network.

Run (from the repository root, after `bash scripts/setup`):

    .venv/bin/python scripts/benchmark_readers.py                      # builds the sample site
    .venv/bin/python scripts/benchmark_readers.py --site /tmp/site     # an already built site
    .venv/bin/python scripts/benchmark_readers.py --lighthouse /path/to/node_modules/.bin/lighthouse
    .venv/bin/python scripts/benchmark_readers.py --site site --baseline /tmp/main-site   # old and new, same run
    .venv/bin/python scripts/benchmark_readers.py --screenshot scripts/readers-phone.png --skip-benchmark

The site is served on 127.0.0.1 as the nginx recipe serves it: a file's `.br` copy when the browser
accepts Brotli, else its `.gz` copy, else the file (`brotli_static`, `gzip_static`); `no-cache` for pages.

- **Slow 3G first contentful paint**: headless Chromium (/usr/bin/chromium) through Playwright, a 360 × 640
  phone viewport, the cache disabled and the network throttled with the Chrome DevTools Protocol's
  `Network.emulateNetworkConditions` at DevTools' "Slow 3G" preset (2,000 ms latency, 400 kbit/s each way).
  The figure is the page's own `first-contentful-paint` entry of the Performance API; the bytes are those
  transferred for the page (sum of `transferSize` of the navigation and resource entries). Measured for
  each encoding the server can send (br, gzip, none: the identity run ignores the copies), three runs each,
  the median shown.
- **Lighthouse** (npm `lighthouse`, its default mobile form factor and simulated throttling), with
  CHROME_PATH=/usr/bin/chromium and `--headless --no-sandbox --disable-gpu`: performance, accessibility,
  best practices, SEO, first contentful paint, largest contentful paint, total blocking time and layout shift,
  for the home page (where the search opens), both sample notices, the archive and 如何阅读通报; three runs each
  (`--lighthouse-runs`), the median shown with every run's performance score, since the scores move with the
  load of a shared machine. `--baseline OTHER_SITE` measures another build (say, of main) in the same run, page
  by page, so both meet the same load. Lighthouse is `--lighthouse`, else `node_modules/.bin/lighthouse`, else
  `npx --yes lighthouse@12.2.3` (which downloads it once). Where it cannot run, the script says why.
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from benchmark_search import QuietServer, _Bytes  # the search benchmark's server parts (scripts/ is on the path)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
DAGUAN = ("notices/zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua-gong-cheng-ling-yu-zhuan-xiang-xun-cha-"
          "zheng-gai-jin-zhan-qing-kuang-de-tong-bao/")
DONGHU = ("notices/dong-hu-gao-xin-qu-jian-she-ju-guan-yu-gong-cheng-jian-she-he-fang-di-chan-ling-yu-zhuan-xiang-"
          "xun-cha-zheng-gai-jin-zhan-qing-kuang-de-gong-bu/")
# Chrome DevTools' "Slow 3G" preset (front_end/core/sdk/NetworkManager.ts): 500 kbit/s × 0.8, latency 400 ms × 5.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 500 * 1000 / 8 * 0.8,
           "uploadThroughput": 500 * 1000 / 8 * 0.8}


class PrecompressedHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as nginx's brotli_static / gzip_static send them."""

    encodings = ("br", "gzip")

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = path / "index.html"
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            copy = path.with_name(path.name + suffix)
            if encoding in self.encodings and encoding in accepted and copy.is_file():
                data = copy.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return _Bytes(data)
        return super().send_head()


@contextlib.contextmanager
def serve(site: Path, encodings: tuple[str, ...]):
    handler = type("Handler", (PrecompressedHandler,), {"encodings": encodings})
    server = QuietServer(("127.0.0.1", 0), lambda *a, **k: handler(*a, directory=str(site), **k))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(work: Path) -> Path:
    site = work / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735000000", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q", "-d", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stderr}")
    return site


def first_paint(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        encoding = {}
        page.on("response", lambda r: encoding.setdefault(r.url, r.headers.get("content-encoding", "none")))
        page.goto(url, wait_until="load", timeout=180_000)
        page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0")
        figures = page.evaluate("""() => ({
            fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
            bytes: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                .reduce((sum, e) => sum + (e.transferSize || 0), 0),
            load: performance.getEntriesByType('navigation')[0].loadEventEnd,
        })""")
        figures["encoding"] = encoding.get(url, "?")
        return figures
    finally:
        context.close()


def slow_3g(site: Path, runs: int) -> list[str]:
    from playwright.sync_api import sync_playwright

    lines = ["| page | sent as | first contentful paint | load | KB transferred |", "| --- | --- | --- | --- | --- |"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROME_FLAGS.split()[1:])
        try:
            for label, path in (("greening notice (28 problems)", DAGUAN), ("Donghu notice (12 problems)", DONGHU)):
                for encodings in (("br", "gzip"), ("gzip",), ()):
                    with serve(site, encodings) as base:
                        measured = [first_paint(browser, base + path) for _ in range(runs)]
                    fcp = statistics.median(m["fcp"] for m in measured)
                    load = statistics.median(m["load"] for m in measured)
                    size = statistics.median(m["bytes"] for m in measured)
                    lines.append(f"| {label} | {measured[0]['encoding']} | {fcp / 1000:.1f} s | {load / 1000:.1f} s "
                                 f"| {size / 1024:.0f} |")
        finally:
            browser.close()
    return lines


def lighthouse_command(given: str | None) -> list[str] | None:
    if given:
        return [given]
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return [str(local)]
    if shutil.which("npx"):
        return ["npx", "--yes", "lighthouse@12.2.3"]
    return None


LIGHTHOUSE_PAGES = (("home", ""), ("greening notice", DAGUAN), ("Donghu notice", DONGHU), ("archive", "archive/"),
                    ("how to read", "how-to-read/"))


def lighthouse_run(command: list[str], url: str, report: Path) -> dict | str:
    """One Lighthouse run: its figures, or why it failed."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    report.unlink(missing_ok=True)
    result = subprocess.run([*command, url, "--output=json", f"--output-path={report}", "--quiet",
                             f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,"
                             "best-practices,seo"], env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not report.exists():
        return (result.stderr.strip().splitlines() or ["no output"])[-1] + f" (exit {result.returncode})"
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    categories = ("performance", "accessibility", "best-practices", "seo")
    figures = {c: data["categories"][c]["score"] * 100 for c in categories}
    for name in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                 "cumulative-layout-shift"):
        figures[name] = audits[name]["numericValue"]
    figures["version"] = data.get("lighthouseVersion", "?")
    figures["benchmark"] = data.get("environment", {}).get("benchmarkIndex", 0)
    return figures


def lighthouse(site: Path, command: list[str] | None, work: Path, runs: int = 3,
               baseline: Path | None = None) -> list[str]:
    """Lighthouse on each page, `runs` times, the median shown (and the performance score of every run). With a
    baseline site, both sites are measured in the same run, one page after the other, so both meet the same
    load on the machine."""
    if command is None:
        return ["Lighthouse cannot run: neither node_modules/.bin/lighthouse nor npx is on this machine"]
    sites = [("", site)] + ([("baseline", baseline)] if baseline else [])
    measured: dict[tuple[str, str], list[dict]] = {}
    failures = []
    with contextlib.ExitStack() as stack:
        bases = {label: stack.enter_context(serve(path, ("br", "gzip"))) for label, path in sites}
        for _ in range(runs):
            for label, path in LIGHTHOUSE_PAGES:
                for which, _site in sites:
                    figures = lighthouse_run(command, bases[which] + path, work / "lighthouse.json")
                    if isinstance(figures, str):
                        failures.append(f"{label}{' (baseline)' if which else ''}: {figures}")
                    else:
                        measured.setdefault((label, which), []).append(figures)
    lines = ["| page | performance (runs) | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for (label, which), results in measured.items():
        median = {key: statistics.median(r[key] for r in results) for key in results[0] if key != "version"}
        scores = ", ".join(str(round(r["performance"])) for r in results)
        lines.append(f"| {label}{' (baseline)' if which else ''} | {round(median['performance'])} ({scores}) | "
                     f"{round(min(r['accessibility'] for r in results))} | {round(median['best-practices'])} | "
                     f"{round(median['seo'])} | {median['first-contentful-paint'] / 1000:.1f} s | "
                     f"{median['largest-contentful-paint'] / 1000:.1f} s | {median['total-blocking-time']:.0f} ms | "
                     f"{median['cumulative-layout-shift']:.2f} |")
    lines += [f"Lighthouse failed on {failure}" for failure in failures]
    every = [r for results in measured.values() for r in results]
    if every:
        lines.append(f"\nLighthouse {every[0]['version']}, mobile form factor, simulated throttling (its default); "
                     f"median of {runs} runs; CHROME_PATH={CHROMIUM}, {CHROME_FLAGS}; Lighthouse's benchmark index "
                     f"of this machine {min(r['benchmark'] for r in every):.0f}–"
                     f"{max(r['benchmark'] for r in every):.0f}"
                     f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the end")
    return lines


def screenshot(site: Path, target: Path) -> None:
    """The top of the greening notice on a 360 px phone, as a PNG in 256 colours (small enough for the README)."""
    from PIL import Image
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, serve(site, ("br", "gzip")) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROME_FLAGS.split()[1:])
        try:
            page = browser.new_page(viewport={"width": 360, "height": 900}, device_scale_factor=1, locale="zh-CN")
            page.goto(base + DAGUAN, wait_until="load")
            png = target.with_suffix(".full.png")
            page.screenshot(path=str(png))
        finally:
            browser.close()
    Image.open(png).convert("RGB").quantize(colors=256, dither=Image.Dither.NONE).save(target, optimize=True)
    png.unlink()
    print(f"{target}: {target.stat().st_size // 1024} KB, 360 × 900 px")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the sample site)")
    parser.add_argument("--lighthouse", help="the lighthouse command (default: node_modules/.bin/lighthouse or npx)")
    parser.add_argument("--runs", type=int, default=3, help="slow-3G runs per page and encoding (median shown)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median shown)")
    parser.add_argument("--baseline", type=Path, help="another built site, measured by Lighthouse in the same run")
    parser.add_argument("--skip-slow-3g", action="store_true")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-benchmark", action="store_true", help="no figures (with --screenshot)")
    parser.add_argument("--screenshot", type=Path, help="also write a PNG of a notice page on a 360 px phone")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        site = args.site or build(work)
        if args.screenshot:
            screenshot(site, args.screenshot)
        if args.skip_benchmark:
            return 0
        print(f"Chromium {CHROMIUM}, headless; {os.cpu_count()} CPUs; served from 127.0.0.1 as the nginx recipe "
              "serves it (.br, else .gz)\n")
        if not args.skip_slow_3g:
            print("Slow 3G (DevTools preset: 2,000 ms latency, 400 kbit/s), 360 × 640 phone viewport, "
                  "cache disabled:\n")
            print("\n".join(slow_3g(site, args.runs)), flush=True)
        if not args.skip_lighthouse:
            print("\nLighthouse (mobile):\n")
            print("\n".join(lighthouse(site, lighthouse_command(args.lighthouse), work, args.lighthouse_runs,
                                        args.baseline)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
