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
# Quality 9: the sample site's text files, 3.4 MB, take 3.7 s and pack to 753 KB (gzip -9: 823 KB, 1.2 s);
# quality 11 packs them to 684 KB but takes 24 s, about 0.4 s for each notice page (figures from a one-off run
# on the build machine, see README "Compressed files").
BROTLI_QUALITY = 9


def write_compressed_copies(site_dir: Path, workers: int | None = None) -> int:
    """Writes ``<file>.gz`` and ``<file>.br`` next to every text file under ``site_dir`` (replacing any already
    there, such as MkDocs' ``sitemap.xml.gz``); returns how many text files. zlib and brotli let other threads
    run while they compress, so the files are compressed on every core; each file's bytes are the same whatever
    the order."""
    paths = [path for path in sorted(site_dir.rglob("*"))
             if path.suffix in TEXT_SUFFIXES and path.is_file() and not path.is_symlink()]
    with ThreadPoolExecutor(workers or min(os.cpu_count() or 1, 8)) as pool:
        list(pool.map(_write_copies, paths))
    return len(paths)


def _write_copies(path: Path) -> None:
    data = path.read_bytes()
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY))
