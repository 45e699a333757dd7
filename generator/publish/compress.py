"""Precompressed copies of a built site: a ``.gz`` next to every text file, for servers that send it as is
(nginx ``gzip_static on``, see deploy/nginx/). Deterministic: no file name and no time in the gzip header
(mtime 0), so two builds of the same notices give the same bytes."""

from __future__ import annotations

import gzip
from pathlib import Path

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"})


def write_gzip_copies(site_dir: Path) -> int:
    """Writes ``<file>.gz`` next to every text file under ``site_dir`` (replacing one already there, such as
    MkDocs' ``sitemap.xml.gz``); returns how many."""
    count = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in TEXT_SUFFIXES and path.is_file() and not path.is_symlink():
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
            count += 1
    return count
