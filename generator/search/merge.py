"""One search index from the indexes of several Pagefind runs, as one run over all the pages would write it.

Pagefind's indexer holds an index in memory until it writes it (about 2 MB per notice), so a big site is
indexed in runs of at most ``search_shard_size`` notices, one after the other. A visitor's browser should not
pay for that: searched as separate indexes, every query loads every index's page list and chunks, and each
index ranks with its own statistics. So the runs' indexes are merged here into one, reading one chunk of each
at a time (the memory is a few chunks, not the index).

The merged index holds what Pagefind writes, in its format (``pagefind/src/index/`` in Pagefind 1.6: a word's
pages delta-encoded, chunks cut after ``CHUNK_SIZE`` locations, a file named after the SHA-1 of its CBOR, the
name lengthened on a clash): every page with its fragment, word count and locations, every word with all its
pages, every filter value and sort order; so a query finds and scores every notice as in one run over all the
pages (:func:`by_url` reads an index back page by page, and the tests compare). The pages are numbered run after
run, each run's as Pagefind numbered them, so a word's pages stay as each run wrote them (only the first of each
run's is counted again). Pagefind numbers a run's pages in the order it walks its folder, and ranks pages of
equal scores in an order that follows those numbers; :func:`generator.search.pagefind.index_notices` hands the
runs the pages in the order one run's walk over all of them takes, so the merged index numbers them as one run
does and is, file for file, the index of one run (the tests compare the files). A site of one run pays nothing:
its chunks and fragments stay as Pagefind wrote them (merging costs some 30 to 80 ms of CPU per chunk, and 1,000
notices make about 480 chunks). Any file this code does not know stops the build (:class:`MergeError`), so the
site never publishes an index half understood.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import heapq
import json
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
CHUNK_SIZE = 20_000  # Pagefind's index_chunk_size: locations (and one per page) in a word-index chunk
ENTRY = "pagefind-entry.json"
# gzip level of the merged files. Pagefind writes level 9; 8 makes the word-index chunks 0.03 % larger for
# a quarter less of the compression's CPU (7: 1.4 % larger; two runs of 500 notices).
GZIP_LEVEL = 8
DATA_FOLDERS = ("index", "fragment", "filter")
# Pagefind takes a sort as numbers when every value is one (lexical_core's integers and floats).
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")

Word = list  # [word, [[page, locations, meta locations], …], [[form, pages], …]]
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


class MergeError(ValueError):
    pass


def _decode(path: Path):
    import cbor2

    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise MergeError(f"{path.name}: not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def _hash(data: bytes) -> str:
    """Pagefind's full_hash: the SHA-1's bytes in hexadecimal, each without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _short_name(full: str, length: int, taken: dict[str, str]) -> str:
    """Pagefind's name for a file whose full name is ``full``: its first ``length`` characters, one more for as
    long as another file already has the name."""
    name = full[:length]
    while name in taken and taken[name] != full and len(name) < len(full):
        name = full[:len(name) + 1]
    taken[name] = full
    return name


@dataclass
class _Run:
    folder: Path
    entry: dict
    language: str
    details: dict
    meta: list
    urls: list[str]  # by the run's page number
    digests: list[str]  # Pagefind's full_hash of each page's fragment (its data, as Pagefind names it)

    @classmethod
    def read(cls, folder: Path, pages: bool = True) -> _Run:
        """A run's bundle: its entry and metadata, and (unless ``pages`` is false) each page's URL and digest, read
        from its fragment."""
        entry = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
        if len(entry["languages"]) != 1:
            raise MergeError(f"{folder.name}: {len(entry['languages'])} languages, one expected")
        (language, details), = entry["languages"].items()
        meta = _decode(folder / f"pagefind.{details['hash']}.pf_meta")
        if len(meta) != 6 or not all(isinstance(page, list) and len(page) == 3 for page in meta[1]):
            raise MergeError(f"{folder.name}: unexpected metadata layout")
        urls: list[str] = []
        digests: list[str] = []
        for page in meta[1] if pages else ():
            fragment = gzip.decompress((folder / "fragment" / f"{page[0]}.pf_fragment").read_bytes())[len(SIGNATURE):]
            urls.append(json.loads(fragment)["url"])
            digests.append(_hash(fragment))
        return cls(folder, entry, language, details, meta, urls, digests)

    def words(self, offset: int) -> Iterator[tuple[str, int, Word]]:
        """This run's words in their order, with the merged number of its first page."""
        for chunk in self.meta[2]:
            for word in _decode(self.folder / "index" / f"{chunk[2]}.pf_index")[0]:
                yield word[0], offset, word


def _numbers(pages: list, names: Sequence[Any]) -> list:
    """A word's pages (page numbers as differences from the page before) named by ``names``."""
    out, number = [], 0
    for page in pages:
        number += page[0]
        out.append([names[number], page[1], page[2]])
    return out


def _joined(parts: list[tuple[int, list]]) -> list:
    """The pages of one word in several runs, in run order, as one list of differences: a run's pages keep
    theirs, but its first page's difference is counted from the last page of the run before."""
    pages: list = []
    last = 0
    for offset, run_pages in parts:
        if not run_pages:
            continue
        end = offset + sum(map(_FIRST, run_pages))
        first = run_pages[0]
        pages.append([offset + first[0] - last, first[1], first[2]])
        pages.extend(run_pages[1:])
        last = end
    return pages


def _combined(entries: list[tuple[int, Word]]) -> Word:
    """One word from its entries in several runs (each with the merged number of its run's first page): all
    its pages, and its other forms, each with all its pages."""
    forms: dict[str, list] = {}
    for offset, word in entries:
        for form, form_pages in word[2]:
            forms.setdefault(form, []).append((offset, form_pages))
    return [entries[0][1][0], _joined([(offset, word[1]) for offset, word in entries]),
            [[form, _joined(forms[form])] for form in sorted(forms)]]


def _prefixes(last: str, first: str) -> tuple[str, str]:
    common = 0
    while common < min(len(last), len(first)) and last[common] == first[common]:
        common += 1
    return last[:common + 1], first[:common + 1]


def _chunk_ranges(ends: list[tuple[str, str]]) -> list[list[str]]:
    """Each chunk's first and last word, cut to what tells it from its neighbours (Pagefind's chunk_meta)."""
    ranges = [[first, last] for first, last in ends]
    for number in range(len(ranges) - 1):
        end, start = _prefixes(ranges[number][1], ranges[number + 1][0])
        if end >= ranges[number][0]:
            ranges[number][1] = end
        ranges[number + 1][0] = start
    return ranges


class _Writer:
    """Writes the merged index's data files. The compression and the write of each file run on a thread of their own
    (zlib lets other threads run while it compresses), beside the merging: a file's bytes and name are the same."""

    def __init__(self, output: Path, language: str, pool: ThreadPoolExecutor) -> None:
        self.output = output
        self.language = language
        self.names: dict[str, dict[str, str]] = {folder: {} for folder in DATA_FOLDERS}
        self.pool = pool
        self.pending: list[Future] = []

    def finish(self) -> None:
        """Waits for every file to be written (an error writing one is raised here)."""
        for future in self.pending:
            future.result()
        self.pending = []

    def data(self, folder: str, suffix: str, value) -> str:
        """Writes ``value`` as a Pagefind data file; returns its name (the SHA-1 of its CBOR, cut short)."""
        import cbor2

        body = cbor2.dumps(value)
        digest = _hash(body)
        if folder:
            name = _short_name(f"{self.language}_{digest}", len(self.language) + 8, self.names[folder])
            target = self.output / folder / f"{name}{suffix}"
        else:  # the metadata: the language and the first 10 (for zh) digits of the hash
            name = f"{self.language}_{digest[:len(self.language) + 8]}"
            target = self.output / f"pagefind.{name}{suffix}"
        self.pending.append(self.pool.submit(_write_compressed, target, body))
        return name


def _write_compressed(target: Path, body: bytes) -> None:
    target.write_bytes(gzip.compress(SIGNATURE + body, compresslevel=GZIP_LEVEL, mtime=0))


def merge_runs(runs: list[Path], output: Path, sort_values: Callable[[str], dict[str, str]], move: bool = False) -> int:
    """Writes to ``output`` (which must not exist) one index of every page of the ``runs`` (Pagefind bundles,
    each of one language, the same one); ``sort_values(url)`` gives a page's sort values (its
    ``data-pagefind-sort``), which Pagefind does not keep. Returns the number of pages. With ``move``, the runs'
    files that go to the index unchanged (a single run's chunks, the fragments) are moved there, not copied: the
    runs are scratch, left incomplete.

    The merge makes millions of small lists and keeps many of them (a chunk's words) while it makes more: Python's
    garbage collector would go over every object of the process again and again (in a build, the whole site's:
    a third of the merge's CPU at 1,000 notices alone, more in a build that holds 10,000 notices), for no cycle to
    free. So it is off during the merge (and as it was after)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _merge(runs, output, sort_values, move)
    finally:
        if collecting:
            gc.enable()


def _merge(runs: list[Path], output: Path, sort_values: Callable[[str], dict[str, str]], move: bool) -> int:
    # One run: its pages' numbers, fragments and sort orders stay as Pagefind wrote them, so its fragments are
    # not read.
    loaded = [_Run.read(folder, pages=len(runs) > 1) for folder in runs]
    first = loaded[0]
    for run in loaded[1:]:
        if (run.language, run.meta[0], run.meta[5]) != (first.language, first.meta[0], first.meta[5]):
            raise MergeError(f"{run.folder.name}: another language, version or list of meta fields than "
                             f"{first.folder.name}")
    order = [(url, number, page) for number, run in enumerate(loaded) for page, url in enumerate(run.urls)]
    urls = sorted(url for url, _, _ in order)
    for url, next_url in zip(urls, urls[1:]):
        if url == next_url:
            raise MergeError(f"{url}: indexed twice")
    # The merged number of a page: its run's offset plus its number in the run.
    offsets = [sum(len(run.meta[1]) for run in loaded[:number]) for number in range(len(loaded))]

    output.mkdir(parents=True)
    for path in sorted(first.folder.iterdir()):  # the search code and WebAssembly, from the first run
        if path.name not in DATA_FOLDERS + (ENTRY,) and path.suffix != ".pf_meta":
            shutil.copytree(path, output / path.name) if path.is_dir() else shutil.copyfile(path, output / path.name)
    for folder in DATA_FOLDERS:
        (output / folder).mkdir()
    with ThreadPoolExecutor(1) as pool:
        writer = _Writer(output, first.language, pool)
        try:
            pages = _write_data(loaded, order, offsets, output, writer, sort_values, move)
        except BaseException:
            for future in writer.pending:  # what is not written yet is not written; the pool waits for the rest
                future.cancel()
            raise
        writer.finish()
    return pages


def _transfer(source: Path, target: Path, move: bool) -> None:
    """A file or a folder's files to ``target`` (an empty folder for a folder): moved (renamed, if on the same file
    system) or copied."""
    if not source.is_dir():
        shutil.move(source, target) if move else shutil.copyfile(source, target)
    elif move and target.is_dir() and not any(target.iterdir()):
        target.rmdir()
        shutil.move(source, target)
    else:
        shutil.copytree(source, target, dirs_exist_ok=True)


def _write_data(loaded: list[_Run], order: list[tuple[str, int, int]], offsets: list[int], output: Path,
                writer: _Writer, sort_values: Callable[[str], dict[str, str]], move: bool) -> int:
    first = loaded[0]
    if len(loaded) == 1:
        for folder in ("index", "fragment"):
            _transfer(first.folder / folder, output / folder, move)
        pages, chunks, sorts = first.meta[1], first.meta[2], first.meta[4]
    else:
        pages = _write_pages(loaded, order, output, writer, move)
        names, ranges = _write_words(loaded, offsets, writer)
        chunks = [[start, end, name] for (start, end), name in zip(ranges, names, strict=True)]
        sorts = _merged_sorts(loaded, offsets, [url for url, _, _ in order], sort_values)
    filters = _merged_filters(loaded, offsets, writer)  # written in sorted order (Pagefind's order is a hash map's)
    meta = [first.meta[0], pages, chunks, filters, sorts, first.meta[5]]
    meta_name = writer.data("", ".pf_meta", meta)
    entry = dict(first.entry)
    entry["languages"] = {first.language: {**first.details, "hash": meta_name, "page_count": len(pages)}}
    (output / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(pages)


def _write_pages(loaded: list[_Run], order: list[tuple[str, int, int]], output: Path, writer: _Writer,
                 move: bool) -> list:
    """Copies (or moves) every page's fragment, in the merged order; returns the metadata's page list."""
    pages = []
    for _, number, page in order:
        run = loaded[number]
        name, word_count, extra = run.meta[1][page]
        full = f"{writer.language}_{run.digests[page]}"
        short = _short_name(full, len(writer.language) + 8, writer.names["fragment"])
        _transfer(run.folder / "fragment" / f"{name}.pf_fragment", output / "fragment" / f"{short}.pf_fragment", move)
        pages.append([short, word_count, extra])
    return pages


def _write_words(loaded: list[_Run], offsets: list[int], writer: _Writer) -> tuple[list[str], list[list[str]]]:
    streams = [run.words(offset) for run, offset in zip(loaded, offsets, strict=True)]
    names: list[str] = []
    ends: list[tuple[str, str]] = []  # each chunk's first and last word (the words only: not their pages)
    chunk: list[Word] = []
    size = 0
    previous: str | None = None
    group: list[tuple[int, Word]] = []

    def flush_word() -> None:
        nonlocal size
        word = _combined(group)
        chunk.append(word)
        size += len(word[1]) + sum(map(len, map(_SECOND, word[1]))) + sum(map(len, map(_THIRD, word[1])))
        if size >= CHUNK_SIZE:
            flush_chunk()

    def flush_chunk() -> None:
        nonlocal chunk, size
        names.append(writer.data("index", ".pf_index", [chunk]))
        ends.append((chunk[0][0], chunk[-1][0]))
        chunk, size = [], 0

    for text, offset, word in heapq.merge(*streams, key=lambda item: item[0]):
        if previous is not None and text < previous:
            raise MergeError(f"word index out of order at {text!r}")
        if text != previous and group:
            flush_word()
            group = []
        group.append((offset, word))
        previous = text
    if group:
        flush_word()
    if chunk:
        flush_chunk()
    return names, _chunk_ranges(ends)


def _merged_filters(loaded: list[_Run], offsets: list[int], writer: _Writer) -> list[list[str]]:
    values: dict[str, dict[str, list[int]]] = {}
    for run, offset in zip(loaded, offsets, strict=True):
        for name, hashed in run.meta[3]:
            filter_name, filter_values = _decode(run.folder / "filter" / f"{hashed}.pf_filter")
            if filter_name != name:
                raise MergeError(f"{hashed}.pf_filter: filter {filter_name}, expected {name}")
            for value, pages in filter_values:
                values.setdefault(name, {}).setdefault(value, []).extend(offset + page for page in pages)
    return [[name, writer.data("filter", ".pf_filter",
                               [name, [[value, sorted(pages)] for value, pages in sorted(values[name].items())]])]
            for name in sorted(values)]


def _merged_sorts(loaded: list[_Run], offsets: list[int], urls: list[str],
                  sort_values: Callable[[str], dict[str, str]]) -> list[list]:
    pages: dict[str, set[int]] = {}
    for run, offset in zip(loaded, offsets, strict=True):
        for name, sorted_pages in run.meta[4]:
            pages.setdefault(name, set()).update(offset + page for page in sorted_pages)
    sorts = []
    for name in sorted(pages):
        values = {}
        for page in pages[name]:
            value = sort_values(urls[page]).get(name)
            if value is None:
                raise MergeError(f"{urls[page]}: no sort value {name}")
            values[page] = value
        if all(_NUMBER.fullmatch(value) for value in values.values()):
            order = sorted(values, key=lambda page: (float(values[page]), page))
        else:
            order = sorted(values, key=lambda page: (values[page], page))
        sorts.append([name, order])
    return sorts


def by_url(bundle: Path) -> tuple:
    """An index read back with its pages named by URL: each word's pages with their locations (and its other
    forms), each filter value's pages, each sort's order of pages, and each page's word count and fragment."""
    run = _Run.read(bundle)
    words = {}
    for chunk in run.meta[2]:
        for word, pages, variants in _decode(bundle / "index" / f"{chunk[2]}.pf_index")[0]:
            words[word] = ({page[0]: (page[1], page[2]) for page in _numbers(pages, run.urls)},
                           {form: _numbers(form_pages, run.urls) for form, form_pages in variants})
    filters = {}
    for name, hashed in run.meta[3]:
        _, values = _decode(bundle / "filter" / f"{hashed}.pf_filter")
        filters[name] = {value: sorted(run.urls[page] for page in pages) for value, pages in values}
    sorts = {name: [run.urls[page] for page in pages] for name, pages in run.meta[4]}
    pages = {url: (page[1], page[2], gzip.decompress((bundle / "fragment" / f"{page[0]}.pf_fragment").read_bytes()))
             for url, page in zip(run.urls, run.meta[1], strict=True)}
    return words, filters, sorts, pages, run.meta[0], run.meta[5]
