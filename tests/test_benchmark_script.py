"""The benchmark script keeps working (its figures are read by people, not asserted)."""

from __future__ import annotations

import subprocess
import sys

from conftest import BUILD_ENV, ROOT


def test_benchmark_builds_generated_notices_and_prints_its_table():
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "--sizes", "3", "--full-only", "--no-warmup"],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| full | 3 |")]
    assert len(rows) == 1
    html_files = int(rows[0].split("|")[-2])
    assert html_files >= 3 + 5  # the 3 notices, home, archive index, about, how to read, 404 and archives
