"""Search benchmark: what a visitor downloads and waits for, from opening the search to the first results.

Run (from the repository root, after `bash scripts/setup`):

    .venv/bin/python scripts/benchmark_search.py                    # N = 10000 generated notices
    .venv/bin/python scripts/benchmark_search.py --sizes 1000 10000
    .venv/bin/python scripts/benchmark_search.py --site /tmp/site   # measure an already built site

For each N it generates N notices with scripts/benchmark.py's generator (the shapes of the two samples,
each with its own title, region, domain and date), builds the site with `mkdocs build --strict` (which
writes the Pagefind index), serves it on 127.0.0.1 with gzip for text files, as a production web server
would (Pagefind's own index files are already compressed and are sent as they are), and drives headless
Chromium (/usr/bin/chromium) through Playwright. For every query, in a fresh browser context (empty
cache, like a first-time visitor on a phone): open a notice page, click the search button in the header,
type the query, wait until the first results page is rendered. It reports:

- `KB to results`: bytes over the network (bodies as transferred, plus headers) from the click on the
  search button to the first results page (5 results): pagefind.js and its worker, the WebAssembly, the
  index meta (one entry per page), the index chunks and the result fragments the query needed. Nothing
  is downloaded for search before the click, and the facet lists only when 筛选 is opened (the tests
  check both).
- `open → results ms`: from the click on the search button to the first results page rendered, with the
  query typed as soon as the search box shows (a cold start: pagefind.js, the WebAssembly and the index
  are fetched while the visitor types); `query → results ms`: from the query's input event to the
  results rendered; `again ms`: the same for a second query in the same tab (UI and WebAssembly
  loaded, other index chunks possibly new).
  The times are read from the page's own performance marks (`notices-search:open`, `:input`,
  `:results`, set by the search box), so they leave out the test driver's own round trips.
- `requests`: search requests to the first results; `first result`: the first result's title.

With `--compare-runs SIZE` each N is built twice, its search index in one Pagefind run and in runs of SIZE
notices merged into one, and for every query the two first results pages are compared with their scores
(the search box writes each result's Pagefind score in `data-score`; a tie at the end of the page is followed
through 加载更多结果 until a lower score): the same in the same order, the same up to ties (the same scores and,
for each score, the same notices), or different.

Targets of issue 4: at 10,000 notices, ≤ 300 KB and ≤ 500 ms from opening the search to the first
results page: `KB to results` and `open → results ms` are those figures.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERIES = ["城市绿化", "农民工工资", "补栽苗木", "竣工验收", "大观区", "lvhua", "xczg"]
SECOND_QUERY = "工程款"
NO_RESULT = "（无结果）"
GZIP_TYPES = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzipped when the browser accepts it (as nginx with gzip on would)."""

    cache: dict[str, bytes] = {}

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = path / "index.html"
        if path.suffix in GZIP_TYPES and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = str(path)
            if key not in self.cache:
                self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            body = self.cache[key]
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Bytes(body)
        return super().send_head()


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a browser closing a connection early is not news


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(n: int, work: Path, shard_size: int | None = None) -> Path:
    """The site of N generated notices; `shard_size` sets the plugin's search_shard_size (None: as configured)."""
    import benchmark  # the notice generator of scripts/benchmark.py

    name = f"n{n}" if shard_size is None else f"n{n}-shards{shard_size}"
    project = work / name
    configs = benchmark.make_project(project, n, benchmark.load_samples())
    if shard_size is not None:
        config = configs["full"].read_text(encoding="utf-8")
        if "      notices_dir: notices\n" not in config:
            raise SystemExit("mkdocs.yml: the notices plugin's `notices_dir: notices` line is missing")
        configs["full"].write_text(config.replace("      notices_dir: notices\n", "      notices_dir: notices\n"
                                                  f"      search_shard_size: {shard_size}\n"), encoding="utf-8")
    site = work / f"site-{name}"
    started = time.perf_counter()
    metrics = benchmark.run_build(configs["full"], site, timeout=None)
    print(f"N={n}: built in {time.perf_counter() - started:.1f} s (CPU {metrics['cpu']:.1f} s, "
          f"peak RSS {metrics['maxrss_kib'] / 1024:.0f} MiB)", file=sys.stderr)
    return site


def bundle_facts(site: Path) -> str:
    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    chunks = len(list(bundle.rglob("*.pf_index")))
    fragments = len(list(bundle.rglob("*.pf_fragment")))
    return (f"pagefind/: {size / 1024 / 1024:.1f} MiB in {len(files)} files, one index "
            f"({chunks} index chunks, {fragments} fragments); a visitor downloads only what a query needs")


def same_bundles(one: Path, other: Path) -> str:
    """Whether two sites' search indexes hold the same, page by page (every word's pages and locations, every
    filter value, sort and page), and whether they are the same files (names and contents after gzip)."""
    import gzip

    from generator.search.merge import by_url

    def contents(bundle: Path) -> dict[str, bytes]:
        return {path.relative_to(bundle).as_posix(): gzip.decompress(path.read_bytes()) if path.suffix.startswith(
            ".pf_") else path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}

    if by_url(one / "pagefind") != by_url(other / "pagefind"):
        return "DIFFERENT"
    if contents(one / "pagefind") == contents(other / "pagefind"):
        return "the same index, page by page, and the same files (names, and contents after gzip)"
    return "the same index, page by page, in other files (pages numbered in another order)"


def wait_results(page, query: str) -> None:
    page.wait_for_function(
        """query => {
             const message = document.querySelector('#pf-search .pf-search__message');
             return message && message.textContent.includes(query) && !message.textContent.includes('正在搜索');
           }""", arg=query, timeout=30_000, polling="raf")


MARKS_JS = """() => {
  const marks = {};
  for (const mark of performance.getEntriesByType('mark'))
    if (mark.name.startsWith('notices-search:'))
      (marks[mark.name.slice(15)] = marks[mark.name.slice(15)] || []).push(mark.startTime);
  return marks;
}"""


def measure_query(browser, base: str, notice_path: str, query: str) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.goto(base + notice_path)
    page.wait_for_load_state("networkidle")
    transferred: list[int] = []
    counting = {"on": True}

    def finished(request):
        if counting["on"]:
            sizes = request.sizes()
            transferred.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

    page.on("requestfinished", finished)
    page.click("#pf-search-toggle")
    page.wait_for_selector("#pf-search-input", state="visible", timeout=30_000)
    page.fill("#pf-search-input", query)
    wait_results(page, query)
    page.wait_for_timeout(100)  # requests that finished with the render are counted
    counting["on"] = False
    marks = page.evaluate(MARKS_JS)
    titles = [title.strip() for title in page.locator("#pf-search li.pf-result .pf-result__title a").all_inner_texts()]
    count = page.inner_text("#pf-search .pf-search__message")
    page.evaluate("() => performance.clearMarks()")
    page.fill("#pf-search-input", SECOND_QUERY)
    wait_results(page, SECOND_QUERY)
    again = page.evaluate(MARKS_JS)
    context.close()
    return {"query": query, "kb": sum(transferred) / 1024, "requests": len(transferred),
            "open_ms": marks["results"][-1] - marks["open"][0],
            "query_ms": marks["results"][-1] - marks["input"][-1],
            "again_ms": again["results"][-1] - again["input"][-1], "first": titles[0] if titles else NO_RESULT,
            "titles": titles, "message": count}


SCORES_JS = "items => items.map(item => [Number(item.dataset.score), item.querySelector('.pf-result__title a')" \
            ".textContent.trim()])"
MORE_PAGES = 20  # at most this many more pages of results to see where a tie at the end of the first page ends


def ranking(browser, base: str, notice_path: str, query: str) -> list[tuple[float, str]]:
    """The first results page of `query` as (score, title) pairs (the search box writes each result's score in
    `data-score`), and, while the last results shown score as the first page's last one, the next pages
    (加载更多结果) until a lower score shows: so a tie at the end of the first page is seen whole."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.goto(base + notice_path)
    page.click("#pf-search-toggle")
    page.wait_for_selector("#pf-search-input", state="visible", timeout=30_000)
    page.fill("#pf-search-input", query)
    wait_results(page, query)
    results = [tuple(item) for item in page.eval_on_selector_all("#pf-search li.pf-result", SCORES_JS)]
    first_page = len(results)
    for _ in range(MORE_PAGES):
        more = page.is_visible("#pf-search .pf-search__more")
        if not results or results[-1][0] != results[first_page - 1][0] or not more:
            break
        page.click("#pf-search .pf-search__more")
        page.wait_for_function("count => document.querySelectorAll('#pf-search li.pf-result').length > count",
                               arg=len(results), timeout=30_000)
        results = [tuple(item) for item in page.eval_on_selector_all("#pf-search li.pf-result", SCORES_JS)]
    context.close()
    if first_page:  # the first page, and the rest of its last score's tie
        results = results[:first_page] + [r for r in results[first_page:] if r[0] == results[first_page - 1][0]]
    return [(float(score), str(title)) for score, title in results]


def measure_site(site: Path, label: str, measured: list[dict] | None = None) -> list[str]:
    """Table rows of every query on `site`; each query's measurements are appended to `measured` (with its
    ranking: see `ranking`)."""
    from playwright.sync_api import sync_playwright

    notice = next(iter(sorted(site.glob("notices/*/index.html"))))
    notice_path = notice.parent.relative_to(site).as_posix() + "/"
    server, base = serve(site)
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            measure_query(browser, base, notice_path, QUERIES[0])  # untimed: warms the disk cache
            for query in QUERIES:
                r = measure_query(browser, base, notice_path, query)
                if measured is not None:
                    r["ranking"] = ranking(browser, base, notice_path, query)
                    measured.append(r)
                rows.append(f"| {label} | {r['query']} | {r['kb']:.0f} | {r['requests']} | {r['open_ms']:.0f} | "
                            f"{r['query_ms']:.0f} | {r['again_ms']:.0f} | {r['first'][:40]} |")
            browser.close()
    finally:
        server.shutdown()
    return rows


def ties(ranking: list[tuple[float, str]], shown: int) -> list[tuple[float, list[str]]]:
    """The first `shown` results grouped by score, in order: (score, the titles of that score, sorted); the last
    group holds its whole tie, past the first page too."""
    groups: list[tuple[float, list[str]]] = []
    for number, (score, title) in enumerate(ranking):
        if number >= shown and score != groups[-1][0]:
            break
        if groups and groups[-1][0] == score:
            groups[-1][1].append(title)
        else:
            groups.append((score, [title]))
    return [(score, sorted(titles)) for score, titles in groups]


def scores_text(ranking: list[tuple[float, str]], shown: int) -> str:
    """The first page's scores (as the browser has them, to 7 digits), equal ones counted: `2.541359 ×4, 1.941397`
    (a tie going on past the page: `(+2 past the page)`)."""
    parts = []
    for score, titles in ties(ranking, shown):
        on_page = sum(1 for s, _ in ranking[:shown] if s == score)
        parts.append(f"{score:.7g}" + (f" ×{on_page}" if on_page > 1 else "")
                     + (f" (+{len(titles) - on_page} past the page)" if len(titles) > on_page else ""))
    return ", ".join(parts)


def compare_rows(one: list[dict], sharded: list[dict]) -> list[str]:
    """Per query: the first results page of each index with its scores, and whether the two are the same in order
    (titles and scores), the same up to ties (the same scores, and for each score the same notices, in another
    order among equal scores; the last score's tie counted whole, past the page too), or different; and the
    result counts."""
    rows = ["| query | first results page | scores, one run | scores, runs | result count (one run / runs) |",
            "| --- | --- | --- | --- | --- |"]
    for a, b in zip(one, sharded, strict=True):
        shown = len(a["titles"])
        if a["ranking"][:shown] == b["ranking"][:len(b["titles"])] and a["titles"] == b["titles"]:
            same = "same, in the same order"
        elif ties(a["ranking"], shown) == ties(b["ranking"], len(b["titles"])):
            same = "same up to ties (equal scores in another order)"
        else:
            same = f"DIFFERENT: {a['titles']} / {b['titles']}"
        rows.append(f"| {a['query']} | {same} | {scores_text(a['ranking'], shown)} | "
                    f"{scores_text(b['ranking'], len(b['titles']))} | {a['message']} / {b['message']} |")
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000], metavar="N")
    parser.add_argument("--site", type=Path, help="measure this built site instead of generating one")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="generate and build in DIR and keep it")
    parser.add_argument("--compare-runs", type=int, metavar="SIZE",
                        help="also build each N indexed in one Pagefind run and in runs of SIZE notices (merged "
                             "into one index), and compare their bundles and first results page for every query")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    header = ["| site | query | KB to results | requests | open → results ms | query → results ms | again ms "
              "| first result |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    facts, rows, comparisons = [], [], []
    if args.site:
        facts.append(f"{args.site}: " + bundle_facts(args.site))
        rows += measure_site(args.site, args.site.name)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
            work = args.keep or Path(scratch)
            work.mkdir(parents=True, exist_ok=True)
            for n in args.sizes:
                if args.compare_runs:
                    one, sharded = [], []
                    sites = []
                    for shard_size, measured in ((0, one), (args.compare_runs, sharded)):
                        sites.append(build(n, work, shard_size))
                        label = f"N={n}, " + ("one run" if not shard_size else f"runs of {shard_size}")
                        facts.append(f"{label}: " + bundle_facts(sites[-1]))
                        rows += measure_site(sites[-1], label, measured)
                    comparisons += [f"N={n}: one run against runs of {args.compare_runs}: pagefind/ is "
                                    f"{same_bundles(*sites)}", ""]
                    comparisons += compare_rows(one, sharded) + [""]
                    continue
                site = build(n, work)
                facts.append(f"N={n}: " + bundle_facts(site))
                rows += measure_site(site, f"N={n}")
    print(f"Chromium {CHROMIUM}, headless; {os.cpu_count()} CPUs; served with gzip from 127.0.0.1; "
          f"each query in a fresh context (cold cache).")
    print("\n".join(facts))
    print()
    print("\n".join(header + rows))
    if comparisons:
        print()
        print("\n".join(comparisons))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
