"""Shared fixtures: the sample site, built once per test run with the command users run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1735000000"}


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=BUILD_ENV, cwd=project,
    )


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def page(sample_site):
    def read(url_path: str) -> BeautifulSoup:
        path = sample_site / url_path / "index.html" if not url_path.endswith(".html") else sample_site / url_path
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return read
