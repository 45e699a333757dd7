"""Site search with Pagefind: a chunked static index, so a visitor downloads only what a query needs.

No engine imports here. The adapter hands :func:`index_notices` the built notice pages; each page's
``data-pagefind-body`` region (marked by the theme) is indexed together with a hidden block made here
from the model: the facets (年份, 地区, 领域, 类别, 状态) and the title's pinyin, full and initials, so
``lvhua`` or ``xczg`` finds a title. That block goes to the index only; the published page is unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from generator.model import labels
from generator.read.collection import NoticeEntry
from generator.render.pages import completion_text
from generator.search.merge import merge_runs
from generator.text.chinese import cn_date

BODY_MARKER = "<div data-pagefind-body>"
BODY_END = "</div><!-- end of data-pagefind-body -->"  # written by theme_overrides/main.html
BUNDLE_DIR = "pagefind"
# Parts of a notice page that are not the notice's own words: the permalink signs, the boilerplate
# contact block and completion note, and the progress table (it repeats the problem titles; a match
# should point to the problem's own section, which has the measures).
EXCLUDE_SELECTORS = [".headerlink", ".md-content__button", ".notice-contact", ".summary-note",
                     ".progress-table-wrap"]
# Notices per Pagefind run unless mkdocs.yml sets search_shard_size. Pagefind's indexer holds an index in
# memory, about 2 MB per notice (its Chinese segmentation: the same pages indexed as English take a
# quarter), so a site of any size is indexed in runs of at most this many notices, merged into one index:
# each run's peak memory stays about 2 GB however many notices there are (times the runs at the same time).
DEFAULT_SHARD_SIZE = 1000


def shard_size_problem(value: object) -> str | None:
    """What is wrong with a ``search_shard_size`` setting, in the words mkdocs.yml's editor reads; None if right."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    return f"plugins.notices.search_shard_size 须为 0（不分片）或正整数，现为 {value}"
# Pagefind runs at the same time unless mkdocs.yml sets search_parallel_runs: one. Each run keeps about 1.4 cores busy
# (it parses pages on several threads, then builds and writes its index on one) and holds its own index in memory
# (about 2 MB per notice of its shard), so two runs of DEFAULT_SHARD_SIZE notices at once need about 4 GB beside the
# MkDocs process (about 2.5 GB at 10,000 notices): more than the 4 GB a build may take (issue 14) and than a 7 GB CI
# runner has to spare, so a machine with the memory opts in.
DEFAULT_PARALLEL_RUNS = 1


def parallel_runs_problem(value: object) -> str | None:
    """What is wrong with a ``search_parallel_runs`` setting (None: not set), in mkdocs.yml's editor's words."""
    if value is None or isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return None
    return f"plugins.notices.search_parallel_runs 须为正整数（同时运行的 Pagefind 个数），现为 {value}"


def parallel_runs(setting: int | None) -> int:
    """How many Pagefind runs index shards at the same time: ``setting`` (``search_parallel_runs``) if set, else
    ``DEFAULT_PARALLEL_RUNS``; never more than the cores this process may use (each run keeps one busy, and holds
    its own index in memory: more runs than cores would take the memory and gain no time)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(DEFAULT_PARALLEL_RUNS if setting is None else setting, cores))
# Pagefind's binary for this machine from npm (@pagefind/linux-x64 in package.json; its only binary is
# the extended build, which segments Chinese). On another platform, `npm install @pagefind/<platform>`.
PAGEFIND_BINARIES = "node_modules/@pagefind/*/bin/pagefind_extended*"
PINYIN_SPAN = 6  # syllables per pinyin word: enough for a typed word or two, short enough to stay small


class SearchIndexError(RuntimeError):
    pass


def pinyin_words(title: str) -> list[str]:
    """Words that make a title findable by pinyin: from every character, the full pinyin of the next
    few characters run together and their initials (``城市绿化`` → ``chengshilvhua``, ``lvhua``, ``cslh``,
    ``lh`` …). Pagefind matches a typed word as a prefix, so any run of the title matches."""
    syllables = [s for s in lazy_pinyin(title, style=Style.NORMAL, errors="ignore") if s.isascii() and s.isalpha()]
    syllables = [s.lower() for s in syllables]
    words: list[str] = []
    for start in range(len(syllables)):
        run = syllables[start:start + PINYIN_SPAN]
        if len(run) < 2 and start:
            continue
        words.append("".join(run))
        words.append("".join(s[0] for s in syllables[start:start + PINYIN_SPAN + 4]))
    return list(dict.fromkeys(words))


# The search facets, in the order the search box lists them (the plugin hands it to the box as data-facets).
FACETS = (labels.YEAR, labels.NOTICE["region"], labels.NOTICE["domain"], labels.NOTICE["kind"],
          labels.PROBLEM["status"])


def facets(entry: NoticeEntry) -> dict[str, list[str]]:
    notice = entry.notice
    statuses = sorted({str(p.status) for p in entry.problems})
    values = (
        [str(notice.published.year) if notice.published else "未载明"],
        [notice.region],
        [notice.domain or "未载明"],
        [str(notice.kind)],
        statuses or ["无问题清单"],
    )
    return dict(zip(FACETS, values, strict=True))


def index_block(entry: NoticeEntry) -> str:
    """The hidden HTML added to a notice page for the index: facets and title meta are not content
    (``data-pagefind-ignore`` keeps them out of results' text); the pinyin words are content."""
    notice = entry.notice
    date = cn_date(notice.published) or "发布日期未载明"
    summary = " · ".join([notice.publisher, date, notice.region] + ([completion_text(entry)] if entry.problems else []))
    parts = [f'<span data-pagefind-meta="title">{escape(notice.title)}</span>',
             f'<span data-pagefind-meta="summary">{escape(summary)}</span>']
    for name, values in facets(entry).items():
        parts += [f'<span data-pagefind-filter="{name}">{escape(value)}</span>' for value in values]
    parts += [f'<span data-pagefind-sort="{name}">{escape(value)}</span>' for name, value in _sorts(entry).items()]
    pinyin = " ".join(pinyin_words(entry.notice.title))
    return (f'<div hidden data-pagefind-ignore>{"".join(parts)}</div>'
            f'<p hidden class="search-pinyin" data-pagefind-weight="0.5">{pinyin}</p>')


@dataclass(frozen=True)
class IndexPage:
    html_path: Path  # the built page, inside the site folder
    entry: NoticeEntry


def page_for_index(page: IndexPage) -> str:
    """What Pagefind reads of a notice page: its head and its ``data-pagefind-body`` region, with the index block.

    Pagefind indexes only that region (and takes the title from its ``<h1>``), so the header, navigation, footer
    and scripts around it are left out of the copy: the same index from a third less HTML to parse. The region
    ends at the theme's ``BODY_END`` comment (the last one: the notice's own HTML, before it, holds no comment)."""
    html = page.html_path.read_text(encoding="utf-8")
    start, head_end, end = html.find(BODY_MARKER), html.find("</head>"), html.rfind(BODY_END)
    if start < 0 or end < start:
        raise SearchIndexError(f"{page.html_path}: 页面缺少检索区域标记 {BODY_MARKER} 或 {BODY_END}"
                               "（theme_overrides/main.html）")
    head = html[: head_end + len("</head>")] if 0 <= head_end < start else "<html><head></head>"
    region = html[start + len(BODY_MARKER): end]
    return f"{head}<body>{BODY_MARKER}{index_block(page.entry)}{region}</body></html>"


def shard_pages(pages: list[IndexPage], shard_size: int) -> list[list[IndexPage]]:
    """The notices split into as few Pagefind runs of at most ``shard_size`` pages as hold them (0: one
    run), of equal size (± 1), in their order. How they are split changes nothing in the merged index."""
    if shard_size < 0:
        raise ValueError(f"shard_size {shard_size} < 0")
    if not shard_size or len(pages) <= shard_size:
        return [list(pages)]
    count = -(-len(pages) // shard_size)
    size, extra = divmod(len(pages), count)
    starts = [number * size + min(number, extra) for number in range(count + 1)]
    return [list(pages[start:end]) for start, end in zip(starts, starts[1:])]


def find_pagefind(folders: list[Path]) -> Path:
    """Pagefind's binary, installed by ``npm ci`` in one of ``folders``."""
    for folder in folders:
        for binary in sorted(folder.glob(PAGEFIND_BINARIES)):
            if binary.is_file() and binary.suffix in ("", ".exe"):
                return binary.resolve()  # Pagefind runs in a scratch folder: no relative path
    raise SearchIndexError("找不到 Pagefind（node_modules/@pagefind/linux-x64/bin/pagefind_extended）："
                           "请先运行 bash scripts/setup（其中执行 npm ci）")


def index_notices(site_dir: Path, pages: list[IndexPage], pagefind: Path, language: str = "zh",
                  shard_size: int = DEFAULT_SHARD_SIZE, parallel: int | None = None) -> int:
    """Write the Pagefind bundle to ``site_dir/pagefind``; returns the number of pages indexed.

    Each notice page, with its index block, is copied to a scratch folder in the same layout (so URLs
    are the same) and Pagefind's command-line indexer runs over it (about 1.4 cores: it parses the pages on several
    threads, then builds and writes the index on one; the build compresses the site's pages meanwhile); the site's
    own pages are not changed.

    Pagefind's indexer needs about 2 MB of memory per notice, so a site of more than ``shard_size``
    notices (``DEFAULT_SHARD_SIZE`` unless the site sets it; 0: all at once) is indexed in runs of at
    most that many, ``parallel`` of them at the same time (``search_parallel_runs``; None: one at a time,
    :func:`parallel_runs`), and their indexes are merged into one (:mod:`generator.search.merge`): what one
    run over all the notices writes, so a visitor's browser loads one index and every query scores as in one index.

    Pagefind numbers a run's pages in the order it walks the folder, the order the file system lists it
    (not sorted), and ranks pages of equal scores in an order that follows those numbers. So every run reads
    the same scratch folder, where every page's folder is made before the first run, and the runs take the
    pages in the order that folder lists them (:func:`walk_order`): each run numbers its pages in the order
    one run over all of them would, and the merged index numbers them, run after run, as one run does. Its
    first results are then those of one run, ties included. Runs at the same time each read a folder of their
    own, made alike and used only where the walk lists it in the same order (:func:`_sources`): the same index,
    byte for byte, as the runs one after another."""
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():  # no fragments of an earlier build left behind
        shutil.rmtree(bundle)
    sort_values = {_page_url(page.html_path.relative_to(site_dir)): _sorts(page.entry) for page in pages}
    with tempfile.TemporaryDirectory(prefix="notices-pagefind-") as scratch:
        ordered = walk_order(_page_folders(Path(scratch) / "site-0", site_dir, pages), site_dir, pages)
        shards = shard_pages(ordered, shard_size)
        sources = _sources(Path(scratch), site_dir, pages, ordered, min(parallel_runs(parallel), len(shards)))
        runs = [Path(scratch) / f"index-{number}" for number in range(len(shards))]
        _run_all(pagefind, Path(scratch), sources, site_dir, shards, runs, language)
        try:
            return merge_runs(runs, bundle, lambda url: sort_values.get(url, {}), move=True)
        except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
            raise SearchIndexError(f"Pagefind 各次运行的检索索引未能合并为一个（{error}）：请确认 Pagefind 的版本是 "
                                   "package.json 所写的版本（bash scripts/setup 会安装它）") from error


def walk_order(source: Path, site_dir: Path, pages: list[IndexPage]) -> list[IndexPage]:
    """``pages`` in the order Pagefind's walk over ``source`` (where each page's folder is made) meets them:
    depth first, each folder's entries in the order the file system lists them, as Pagefind's walker reads
    them (it does not sort). A page comes where its folder is listed (a notice page is its folder's
    ``index.html``; were a page's folder to hold other pages' folders, its place among them is not known
    before its file is written). What the order is changes nothing in the index but the pages' numbers."""
    by_folder: dict[Path, IndexPage] = {}
    for page in pages:
        folder = (source / page.html_path.relative_to(site_dir)).parent
        if folder in by_folder:
            raise SearchIndexError(f"{page.html_path}：同一页面出现两次")
        by_folder[folder] = page
    ordered: list[IndexPage] = []

    def walk(folder: Path) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    path = Path(entry.path)
                    if path in by_folder:
                        ordered.append(by_folder[path])
                    walk(path)

    if source in by_folder:
        ordered.append(by_folder[source])
    walk(source)
    return ordered


def _page_url(path: Path) -> str:
    """The URL Pagefind gives the page at ``path`` (relative to the site folder)."""
    if path.name == "index.html":
        return "/" + "".join(part + "/" for part in path.parent.parts)
    return "/" + path.as_posix()


def _sorts(entry: NoticeEntry) -> dict[str, str]:
    """A notice's sort values, as :func:`index_block` writes them for Pagefind."""
    return {"date": entry.notice.published.isoformat()} if entry.notice.published else {}


def _page_folders(source: Path, site_dir: Path, pages: list[IndexPage]) -> Path:
    """Makes ``source`` with every page's folder in it (and no page yet); returns it."""
    source.mkdir(parents=True)
    for page in pages:
        (source / page.html_path.relative_to(site_dir)).parent.mkdir(parents=True, exist_ok=True)
    return source


def _sources(scratch: Path, site_dir: Path, pages: list[IndexPage], ordered: list[IndexPage],
             count: int) -> list[Path]:
    """Up to ``count`` scratch folders for runs at the same time (``scratch/site-0`` is made): each made as the first,
    kept only if Pagefind's walk meets the pages in it in the same order (``ordered``), so that a run numbers its
    pages alike in any of them. The folders are made the same way one after the other, so on the usual file systems
    (ext4 lists a folder in the order of its names' hashes, tmpfs and btrfs in the order they were made) they all are;
    where one is not, the runs share fewer folders."""
    sources = [scratch / "site-0"]
    for number in range(1, count):
        source = _page_folders(scratch / f"site-{number}", site_dir, pages)
        if walk_order(source, site_dir, pages) != ordered:
            shutil.rmtree(source)
            break
        sources.append(source)
    return sources


def _run_all(pagefind: Path, scratch: Path, sources: list[Path], site_dir: Path, shards: list[list[IndexPage]],
             runs: list[Path], language: str) -> None:
    """The Pagefind run of each shard into its folder of ``runs``, as many at the same time as there are ``sources``
    (each run in a source folder no other run uses meanwhile). Pagefind's indexer keeps about 1.4 cores busy, so two
    runs take all of a 2-core machine. A failed run stops the runs not yet started; the first failed run's error, in
    run order, is raised once the others have ended."""
    def run(number: int, source: Path) -> None:
        _run_pagefind(pagefind, scratch / f"run-{number}", source, site_dir, shards[number], runs[number], language)

    if len(sources) == 1:
        for number in range(len(shards)):
            run(number, sources[0])
        return
    numbers = iter(range(len(shards)))
    lock = threading.Lock()
    failures: dict[int, BaseException] = {}

    def runs_in(source: Path) -> None:
        while True:
            with lock:
                number = None if failures else next(numbers, None)
            if number is None:
                return
            try:
                run(number, source)
            except BaseException as error:  # raised in the calling thread below
                with lock:
                    failures[number] = error
                return

    with ThreadPoolExecutor(len(sources), thread_name_prefix="pagefind-run") as pool:
        for _ in pool.map(runs_in, sources):
            pass
    if failures:
        raise failures[min(failures)]


def _run_pagefind(pagefind: Path, work: Path, source: Path, site_dir: Path, pages: list[IndexPage], output: Path,
                  language: str) -> None:
    """One Pagefind run over ``source`` with the copies of ``pages`` written in it (and only those: they are
    removed after the run, their folders kept for the next runs)."""
    work.mkdir(parents=True)
    targets = [source / page.html_path.relative_to(site_dir) for page in pages]
    for page, target in zip(pages, targets, strict=True):
        target.write_text(page_for_index(page), encoding="utf-8")
    config = {"site": str(source), "output_path": str(output), "force_language": language,
              "exclude_selectors": EXCLUDE_SELECTORS}
    (work / "pagefind.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([str(pagefind), "--silent"], cwd=work,
                            capture_output=True, text=True)
    for target in targets:  # the next run's copies take the disk space instead
        target.unlink()
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise SearchIndexError(f"Pagefind 退出码 {result.returncode}：{detail}")
