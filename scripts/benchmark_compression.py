"""How long the build's precompressed copies take, and how small they are, at each compression setting.

    .venv/bin/python scripts/benchmark_compression.py site/              # every text file of a built site
    .venv/bin/python scripts/benchmark_compression.py site/ --sample 200 # 200 of them, chosen at random (seed 0)

Reads the text files the build compresses (``generator.publish.compress.TEXT_SUFFIXES``, without the copies
already there) and prints, for Brotli qualities 4 to 11 and gzip levels 6 and 9, the CPU time (one core) and the
total size, and each against Brotli's best (quality 11). ``BROTLI_QUALITY`` and ``GZIP_LEVEL`` in
``generator/publish/compress.py`` are the settings the build uses.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.publish.compress import BROTLI_QUALITY, GZIP_LEVEL, TEXT_SUFFIXES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="only N files, chosen at random")
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.is_file() and not p.is_symlink())
    if not paths:
        print(f"no text files under {args.site}: build the site first", file=sys.stderr)
        return 1
    if args.sample and args.sample < len(paths):
        paths = sorted(random.Random(0).sample(paths, args.sample))
    data = [p.read_bytes() for p in paths]
    total = sum(map(len, data))
    print(f"{len(data)} text files, {total / 1024:,.0f} KB; the build uses Brotli quality {BROTLI_QUALITY} and gzip "
          f"level {GZIP_LEVEL}\n")
    rows = []
    for quality in range(11, 3, -1):
        start = time.process_time()
        size = sum(len(brotli.compress(d, mode=brotli.MODE_TEXT, quality=quality)) for d in data)
        rows.append((f"brotli {quality}", time.process_time() - start, size))
    for level in (9, 6):
        start = time.process_time()
        size = sum(len(gzip.compress(d, compresslevel=level, mtime=0)) for d in data)
        rows.append((f"gzip {level}", time.process_time() - start, size))
    best_time, best_size = rows[0][1], rows[0][2]
    print("| setting | CPU s | × CPU of brotli 11 | KB | × size of brotli 11 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, seconds, size in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / best_time:.3f} | {size / 1024:,.0f} | {size / best_size:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
