"""Precompressed copies of a built site: a ``.gz`` and a ``.br`` next to every text file, for servers that
send them as they are (nginx ``gzip_static on`` and ``brotli_static on``, see deploy/nginx/). Deterministic:
no file name and no time in the gzip header (mtime 0), and Brotli keeps none, so two builds of the same
notices give the same bytes."""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"})
# Quality 8: 13 times less CPU than quality 9 for files 0.2 % larger (300 pages of a 1,000-notice site: 0.27 s against
# 3.51 s of CPU, 2,364 KB against 2,359 KB; quality 11: 2,192 KB in 18 s). Printed by scripts/benchmark_compression.py.
BROTLI_QUALITY = 8
# gzip level 6: 40 % less CPU than 9 for files 0.4 % larger (the same run: 0.18 s against 0.29 s, 2,725 KB
# against 2,715 KB).
GZIP_LEVEL = 6
# EarlyCopies: files handed over and not yet compressed, at most (their bytes wait in memory meanwhile)
EARLY_PENDING = 64


def write_compressed_copies(site_dir: Path, workers: int | None = None) -> int:
    """Writes ``<file>.gz`` and ``<file>.br`` next to every text file under ``site_dir`` (replacing any already
    there, such as MkDocs' ``sitemap.xml.gz``); returns how many text files. zlib and brotli let other threads
    run while they compress, so the files are compressed on every core; each file's bytes are the same whatever
    the order."""
    return compress_files(text_files(site_dir), workers)


def text_files(site_dir: Path) -> list[Path]:
    """The text files under ``site_dir`` that get compressed copies, in sorted order."""
    return [path for path in sorted(site_dir.rglob("*"))
            if path.suffix in TEXT_SUFFIXES and path.is_file() and not path.is_symlink()]


def compress_files(paths: list[Path], workers: int | None = None, done: dict[Path, bytes] | None = None) -> int:
    """Writes the ``.gz`` and ``.br`` copies of ``paths`` (see :func:`write_compressed_copies`); returns how many.
    ``done``: the digests of the bytes whose copies are already beside a path (:class:`EarlyCopies`); a file that
    has those bytes keeps its copies, any other gets new ones."""
    known = done or {}
    with ThreadPoolExecutor(workers or min(os.cpu_count() or 1, 8)) as pool:
        list(pool.map(lambda path: _copies_of_file(path, known.get(path)), paths))
    return len(paths)


class EarlyCopies:
    """The copies of files whose bytes are known before the build ends (the pages as MkDocs renders them, the
    core's open data), written on a thread of their own meanwhile, so they take the core the page rendering
    leaves idle. Only an optimisation: :meth:`finish` says which bytes each path's copies were made from, and the
    last pass (:func:`compress_files` with ``done``) compresses again every file whose bytes on disk are not
    those, or that was handed over twice; copies of a path that is no text file at the end are deleted."""

    def __init__(self, workers: int = 1, pending: int = EARLY_PENDING) -> None:
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="notices-compress")
        self._slots = threading.BoundedSemaphore(pending)
        self._jobs: list[tuple[Path, Future]] = []

    def submit(self, path: Path, data: bytes) -> None:
        """Compress ``data``, the bytes the build writes (or wrote) to ``path``; not a text file: nothing."""
        if path.suffix not in TEXT_SUFFIXES:
            return
        self._slots.acquire()  # the page rendering waits when the compression is this far behind
        try:
            job = self._pool.submit(_write_copies, path, data)
        except BaseException:
            self._slots.release()
            raise
        job.add_done_callback(lambda _: self._slots.release())
        self._jobs.append((path, job))

    def finish(self) -> dict[Path, bytes]:
        """Waits for every copy; returns, by path handed over once, the digest of the bytes its copies hold.
        Raises the first error of a copy (``OSError``) after all have ended."""
        self._pool.shutdown(wait=True)
        done: dict[Path, bytes] = {}
        twice: set[Path] = set()
        for path, job in self._jobs:
            digest = job.result()
            if path in done:
                twice.add(path)
            done[path] = digest
        return {path: digest for path, digest in done.items() if path not in twice}

    def cancel(self) -> None:
        """A failed build: waits for the copies under way, starts no other and drops every error."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def remove_stray_copies(done: dict[Path, bytes]) -> None:
    """Deletes the early copies (``done``, :meth:`EarlyCopies.finish`) of paths that are no file at the end."""
    for path in sorted(done):
        if path.is_file() and not path.is_symlink():
            continue
        for suffix in (".gz", ".br"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _copies_of_file(path: Path, done: bytes | None) -> None:
    data = path.read_bytes()
    if done is not None and _digest(data) == done:
        return
    _write_copies(path, data)


def _write_copies(path: Path, data: bytes) -> bytes:
    """Writes the two copies of ``data`` beside ``path`` (making its folder if need be); returns its digest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY))
    return _digest(data)
