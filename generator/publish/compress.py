"""Precompressed copies of a built site: a ``.gz`` next to every text file, for servers that send it as is
(nginx ``gzip_static on``, see deploy/nginx/). Deterministic: no file name and no time in the gzip header
(mtime 0), so two builds of the same notices give the same bytes."""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"})


def write_gzip_copies(site_dir: Path, workers: int | None = None) -> int:
    """Writes ``<file>.gz`` next to every text file under ``site_dir`` (replacing one already there, such as
    MkDocs' ``sitemap.xml.gz``); returns how many. zlib lets other threads run while it compresses, so the
    files are compressed on every core; each file's bytes are the same whatever the order."""
    paths = [path for path in sorted(site_dir.rglob("*"))
             if path.suffix in TEXT_SUFFIXES and path.is_file() and not path.is_symlink()]
    with ThreadPoolExecutor(workers or min(os.cpu_count() or 1, 8)) as pool:
        list(pool.map(_write_gzip_copy, paths))
    return len(paths)


def _write_gzip_copy(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
