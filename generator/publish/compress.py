"""Precompressed copies of a built site: a ``.gz`` and a ``.br`` next to every text file, for servers that
send them as they are (nginx ``gzip_static on`` and ``brotli_static on``, see deploy/nginx/). Deterministic:
no file name and no time in the gzip header (mtime 0), and Brotli keeps none, so two builds of the same
notices give the same bytes."""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"})
# Quality 8: 13 times less CPU than quality 9 for files 0.2 % larger (300 pages of a 1,000-notice site: 0.27 s against
# 3.51 s of CPU, 2,364 KB against 2,359 KB; quality 11: 2,192 KB in 18 s). Printed by scripts/benchmark_compression.py.
BROTLI_QUALITY = 8
# gzip level 6: 40 % less CPU than 9 for files 0.4 % larger (the same run: 0.18 s against 0.29 s, 2,725 KB
# against 2,715 KB).
GZIP_LEVEL = 6


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


def compress_files(paths: list[Path], workers: int | None = None) -> int:
    """Writes the ``.gz`` and ``.br`` copies of ``paths`` (see :func:`write_compressed_copies`); returns how many."""
    with ThreadPoolExecutor(workers or min(os.cpu_count() or 1, 8)) as pool:
        list(pool.map(_write_copies, paths))
    return len(paths)


def _write_copies(path: Path) -> None:
    data = path.read_bytes()
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY))
