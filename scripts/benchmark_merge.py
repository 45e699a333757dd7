"""Time merging Pagefind runs into one index (generator/search/merge.py) on a kept build.

    python scripts/benchmark_merge.py PROJECT RUN_FOLDER... OUTPUT

PROJECT is the project whose notices were indexed (their dates are the sort values); each RUN_FOLDER is one
Pagefind run's bundle (for example the index-N folders of a build kept with `benchmark_search.py --keep`, or
older builds' pagefind/ and pagefind/shard-N/ folders); OUTPUT must not exist. Prints the CPU and wall time of
the merge alone, its peak memory, and the number of pages and chunks.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.read.collection import Collection  # noqa: E402
from generator.read.notices import load_notices  # noqa: E402
from generator.search.merge import merge_runs  # noqa: E402
from generator.search.pagefind import _page_url, _sorts  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    project, runs, output = Path(argv[0]), [Path(a) for a in argv[1:-1]], Path(argv[-1])
    collection = Collection.from_sources(load_notices(project / "notices", project).sources, None)
    values = {_page_url(Path(entry.url) / "index.html"): _sorts(entry) for entry in collection.listed}
    del collection
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu, wall = time.process_time(), time.time()
    pages = merge_runs(runs, output, lambda url: values.get(url, {}))
    cpu, wall = time.process_time() - cpu, time.time() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chunks = len(list((output / "index").iterdir()))
    print(f"merged {len(runs)} runs: {pages} pages, {chunks} chunks; {cpu:.1f} s CPU, {wall:.1f} s wall; "
          f"peak RSS of the process {peak / 1024:.0f} MiB (before the merge {before / 1024:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
