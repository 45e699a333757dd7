"""Site search with Pagefind: a chunked static index, so a visitor downloads only what a query needs.

No engine imports here. The adapter hands :func:`index_notices` the built notice pages; each page's
``data-pagefind-body`` region (marked by the theme) is indexed together with a hidden block made here
from the model: the facets (年份, 地区, 领域, 类别, 状态) and the title's pinyin, full and initials, so
``lvhua`` or ``xczg`` finds a title. That block goes to the index only; the published page is unchanged.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import json
import logging
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from generator.model import labels
from generator.read.collection import NoticeEntry
from generator.render.pages import completion_text
from generator.text.chinese import cn_date

log = logging.getLogger(__name__)

BODY_MARKER = "<div data-pagefind-body>"
BUNDLE_DIR = "pagefind"
# Parts of a notice page that are not the notice's own words: the permalink signs, the boilerplate
# contact block and completion note, and the progress table (it repeats the problem titles; a match
# should point to the problem's own section, which has the measures).
EXCLUDE_SELECTORS = [".headerlink", ".md-content__button", ".notice-contact", ".summary-note",
                     ".progress-table-wrap"]
MANIFEST = "shards.json"
# Notices per index unless mkdocs.yml sets search_shard_size. Pagefind's indexer holds an index in
# memory, about 2 MB per notice (its Chinese segmentation: the same pages indexed as English take a
# quarter), so a site of any size is indexed in shards of at most this many notices, one after the
# other: the build's peak memory stays about 2 GB however many notices there are.
DEFAULT_SHARD_SIZE = 1000


def shard_size_problem(value: object) -> str | None:
    """What is wrong with a ``search_shard_size`` setting, in the words mkdocs.yml's editor reads; None if right."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return None
    return f"plugins.notices.search_shard_size 须为 0（不分片）或正整数，现为 {value}"
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
    if entry.notice.published:
        parts.append(f'<span data-pagefind-sort="date">{entry.notice.published.isoformat()}</span>')
    pinyin = " ".join(pinyin_words(entry.notice.title))
    return (f'<div hidden data-pagefind-ignore>{"".join(parts)}</div>'
            f'<p hidden class="search-pinyin" data-pagefind-weight="0.5">{pinyin}</p>')


@dataclass(frozen=True)
class IndexPage:
    html_path: Path  # the built page, inside the site folder
    entry: NoticeEntry


def page_for_index(page: IndexPage) -> str:
    html = page.html_path.read_text(encoding="utf-8")
    if BODY_MARKER not in html:
        raise SearchIndexError(f"{page.html_path}: 页面缺少检索区域标记 {BODY_MARKER}（theme_overrides/main.html）")
    return html.replace(BODY_MARKER, BODY_MARKER + index_block(page.entry), 1)


def shard_pages(pages: list[IndexPage], shard_size: int) -> list[list[IndexPage]]:
    """The notices split into as few indexes of at most ``shard_size`` pages as hold them (0: one
    index), of equal size (± 1). Each shard ranks by its own statistics (how many of its pages have a
    word, its average page length), so the shards are made alike: the pages are ordered by region,
    domain and size (then by a hash of their URL) and dealt in turn, so each shard has about its share
    of every region, every domain and every page length. The order is the same in every build."""
    if shard_size < 0:
        raise ValueError(f"shard_size {shard_size} < 0")
    if not shard_size or len(pages) <= shard_size:
        return [list(pages)]

    def likeness(page: IndexPage) -> tuple[str, str, int, str]:
        notice = page.entry.notice
        return (notice.region, notice.domain or "", page.html_path.stat().st_size,
                hashlib.sha1(page.html_path.as_posix().encode()).hexdigest())

    ordered = sorted(pages, key=likeness)
    count = -(-len(ordered) // shard_size)
    return [ordered[number::count] for number in range(count)]


def shard_dir(number: int) -> str:
    """Where index number ``number`` lives inside the bundle: the first is the bundle itself."""
    return "" if number == 0 else f"shard-{number}/"


# What an index other than the first needs: the search code and WebAssembly come from the first.
SHARD_FILES = ("pagefind-entry.json", "*.pf_meta", "index", "fragment", "filter")


def find_pagefind(folders: list[Path]) -> Path:
    """Pagefind's binary, installed by ``npm ci`` in one of ``folders``."""
    for folder in folders:
        for binary in sorted(folder.glob(PAGEFIND_BINARIES)):
            if binary.is_file() and binary.suffix in ("", ".exe"):
                return binary.resolve()  # Pagefind runs in a scratch folder: no relative path
    raise SearchIndexError("找不到 Pagefind（node_modules/@pagefind/linux-x64/bin/pagefind_extended）："
                           "请先运行 bash scripts/setup（其中执行 npm ci）")


def index_notices(site_dir: Path, pages: list[IndexPage], pagefind: Path, language: str = "zh",
                  shard_size: int = DEFAULT_SHARD_SIZE) -> int:
    """Write the Pagefind bundle to ``site_dir/pagefind``; returns the number of pages indexed.

    Each notice page, with its index block, is copied to a scratch folder in the same layout (so URLs
    are the same) and Pagefind's command-line indexer runs over it, on all cores; the site's own pages
    are not changed.

    Pagefind's indexer needs about 2 MB of memory per notice, so a site of more than ``shard_size``
    notices (``DEFAULT_SHARD_SIZE`` unless the site sets it; 0: one index) is indexed in shards, one
    Pagefind run after the other, which the search box merges in the browser (Pagefind's
    ``mergeIndex``). The first shard is the bundle itself (with
    ``pagefind.js`` and the WebAssembly), shard N is in ``pagefind/shard-N/``, and
    ``pagefind/shards.json`` lists them. The price: each shard ranks on its own, and a word of a query
    that a whole shard lacks is ignored in that shard (Pagefind drops unknown words), so its notices
    that match the other words are listed too, after the better matches. So every shard is given the
    words of the others, with no page (:func:`share_vocabulary`): a word of the site that a shard
    lacks then matches nothing there, and the shards find what one index finds."""
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():  # no fragments of an earlier build left behind
        shutil.rmtree(bundle)
    shards = shard_pages(pages, shard_size)
    with tempfile.TemporaryDirectory(prefix="notices-pagefind-") as scratch:
        for number, shard in enumerate(shards):
            output = bundle / shard_dir(number)
            _run_pagefind(pagefind, Path(scratch) / f"shard-{number}", site_dir, shard, output, language)
            canonicalise_filters(output)
            if number:
                _keep_index_data(output)
    share_vocabulary([bundle / shard_dir(number) for number in range(len(shards))])
    manifest = {"shards": [shard_dir(number) for number in range(1, len(shards))]}
    (bundle / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    count = 0
    for number in range(len(shards)):
        entry = json.loads((bundle / shard_dir(number) / "pagefind-entry.json").read_text(encoding="utf-8"))
        count += sum(indexed["page_count"] for indexed in entry["languages"].values())
    return count


def _keep_index_data(shard: Path) -> None:
    """A shard after the first keeps its index data only: the search code comes from the first."""
    keep = {path for pattern in SHARD_FILES for path in shard.glob(pattern)}
    for path in shard.iterdir():
        if path not in keep:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _run_pagefind(pagefind: Path, work: Path, site_dir: Path, pages: list[IndexPage], output: Path,
                  language: str) -> None:
    source = work / "site"
    source.mkdir(parents=True)
    for page in pages:
        target = source / page.html_path.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_for_index(page), encoding="utf-8")
    config = {"site": str(source), "output_path": str(output), "force_language": language,
              "exclude_selectors": EXCLUDE_SELECTORS}
    (work / "pagefind.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([str(pagefind), "--silent"], cwd=work,
                            capture_output=True, text=True)
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise SearchIndexError(f"Pagefind 退出码 {result.returncode}：{detail}")

# Pagefind writes the filter indexes from a hash map, so the order of a filter's values (and of the
# filters in the language's meta file) changes from one run to the next (Pagefind issue #638), and
# with it the files' hashed names. Sorting them makes two builds of the same notices byte-identical.
# The files are "pagefind_dcd" + CBOR, gzipped; a file's name is its language and the SHA-1 of its CBOR.
_SIGNATURE = b"pagefind_dcd"


def _read_cbor(path: Path):
    import cbor2

    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind data file")
    return cbor2.loads(data[len(_SIGNATURE):])


def _write_cbor(folder: Path, prefix: str, digits: int, suffix: str, value) -> str:
    import cbor2

    body = cbor2.dumps(value)
    name = f"{prefix}_{hashlib.sha1(body).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(_SIGNATURE + body, mtime=0))
    return name


def canonicalise_filters(bundle: Path) -> bool:
    """Sort filter values and filters in a written bundle; False (and the bundle untouched) if its
    layout is not the one this code knows."""
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plans = []
        for language in entry["languages"].values():
            meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
            meta = _read_cbor(meta_path)
            filters = meta[3]
            if not all(isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in filters):
                raise ValueError(f"{meta_path.name}: unexpected filter list")
            contents = []
            for name, hashed in filters:
                filter_name, values = _read_cbor(bundle / "filter" / f"{hashed}.pf_filter")
                if filter_name != name:
                    raise ValueError(f"{hashed}.pf_filter: filter {filter_name}, expected {name}")
                contents.append((name, hashed, sorted(([value, sorted(ids)] for value, ids in values),
                                                      key=lambda v: v[0])))
            plans.append((language, meta_path, meta, contents))
    except (OSError, ValueError, KeyError, IndexError, TypeError, ImportError) as error:
        log.warning("检索索引的筛选文件未能排序（两次构建的输出可能不同）：%s", error)
        return False
    for language, meta_path, meta, contents in plans:
        prefix = language["hash"].split("_")[0]
        filters = []
        for name, hashed, values in contents:
            (bundle / "filter" / f"{hashed}.pf_filter").unlink()
            filters.append([name, _write_cbor(bundle / "filter", prefix, 7, ".pf_filter", [name, values])])
        meta[3] = sorted(filters)
        if all(isinstance(s, list) and s and isinstance(s[0], str) for s in meta[4]):
            meta[4] = sorted(meta[4], key=lambda s: s[0])
        meta_path.unlink()
        language["hash"] = _write_cbor(bundle, "pagefind." + prefix, 10, ".pf_meta", meta).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def _prefixes(last: str, first: str) -> tuple[str, str]:
    """The ends of two adjacent index chunks, as Pagefind names them: the last word of the one and the
    first of the next, cut one character after their common prefix."""
    common = 0
    while common < min(len(last), len(first)) and last[common] == first[common]:
        common += 1
    return last[:common + 1], first[:common + 1]


def share_vocabulary(shards: list[Path]) -> bool:
    """Add to every shard's word index the words of the other shards, each with no page; False (and
    the shards untouched) if their layout is not the one this code knows.

    Pagefind ignores a word of a query that its index does not have, so a shard lacking one word of a
    two-word query would list every notice with the other word. A word it has with no page makes the
    shard find nothing for that query, as one index finds only the notices with both. A word of the
    site is added to the chunk its place in the sorted words falls into; the chunks' ranges and names
    (the SHA-1 of their content) are made again. Nothing else changes: a word's pages, the ranking
    (a word with no page adds nothing to a score) and the results of a single word."""
    if len(shards) < 2:
        return True
    try:
        layouts = []
        for folder in shards:
            entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
            languages = {}
            for name, language in entry["languages"].items():
                meta = _read_cbor(folder / f"pagefind.{language['hash']}.pf_meta")
                chunks = [(chunk[2], [word[0] for word in _read_cbor(folder / "index" / f"{chunk[2]}.pf_index")[0]])
                          for chunk in meta[2]]
                if not all(words and all(isinstance(word, str) for word in words) for _, words in chunks):
                    raise ValueError(f"{folder.name}: unexpected word index")
                languages[name] = (language, meta, chunks)
            layouts.append((folder, entry, languages))
    except (OSError, ValueError, KeyError, IndexError, TypeError, ImportError) as error:
        log.warning("检索索引各分片的词表未能合并（一个分片缺少的词会被忽略）：%s", error)
        return False
    vocabulary: dict[str, set[str]] = {}
    for _, _, languages in layouts:
        for name, (_, _, chunks) in languages.items():
            vocabulary.setdefault(name, set()).update(word for _, words in chunks for word in words)
    for folder, entry, languages in layouts:
        for name, (language, meta, chunks) in languages.items():
            own = {word for _, words in chunks for word in words}
            missing = sorted(vocabulary[name] - own)
            if not missing:
                continue
            firsts = [words[0] for _, words in chunks]
            added: dict[int, list[str]] = {}
            for word in missing:
                added.setdefault(max(bisect.bisect_right(firsts, word) - 1, 0), []).append(word)
            prefix = language["hash"].split("_")[0]
            names, ranges = [], []
            for number, (hashed, words) in enumerate(chunks):
                if number in added:
                    path = folder / "index" / f"{hashed}.pf_index"
                    value = _read_cbor(path)
                    template = value[0][0]
                    value[0] = sorted(value[0] + [[word, *([] for _ in template[1:])] for word in added[number]],
                                      key=lambda entry: entry[0])
                    path.unlink()
                    hashed = _write_cbor(folder / "index", prefix, 7, ".pf_index", value)
                    words = [entry[0] for entry in value[0]]
                names.append(hashed)
                ranges.append([words[0], words[-1]])
            for number in range(len(ranges) - 1):
                ranges[number][1], ranges[number + 1][0] = _prefixes(ranges[number][1], ranges[number + 1][0])
            meta[2] = [[start, end, hashed] for (start, end), hashed in zip(ranges, names, strict=True)]
            (folder / f"pagefind.{language['hash']}.pf_meta").unlink()
            language["hash"] = _write_cbor(folder, "pagefind." + prefix, 10, ".pf_meta", meta).removeprefix("pagefind.")
        (folder / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                                    encoding="utf-8")
    return True
