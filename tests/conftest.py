"""Shared fixtures: the sample site, built once per test run with the command users run, and a
scratch project (the sample configuration with notices a test writes) for bad input."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import cli

ROOT = Path(__file__).resolve().parents[1]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1735000000"}


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=BUILD_ENV, cwd=project,
    )


def config_line(project: Path, text: str) -> int:
    """The line of mkdocs.yml where ``text`` first stands (messages about settings name it), so a test
    need not change when a line is added above."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert text in config, text
    return config[:config.index(text)].count("\n") + 1


def set_shard_size(project: Path, shard_size: str) -> None:
    """Sets the notices plugin's search_shard_size in a project's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      notices_dir: notices\n" in text
    config.write_text(text.replace("      notices_dir: notices\n",
                                   "      notices_dir: notices\n      search_shard_size: "
                                   f"{shard_size}\n"), encoding="utf-8")


@pytest.fixture(scope="session")
def sharded_sample_site(tmp_path_factory) -> Path:
    """The sample site with its search index in shards of one notice each."""
    project = tmp_path_factory.mktemp("sharded-project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("content", "theme_overrides", "notices"):
        shutil.copytree(ROOT / folder, project / folder)
    set_shard_size(project, "1")
    site = tmp_path_factory.mktemp("sharded-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert "检索索引：2 篇通报" in result.stderr
    return site


@pytest.fixture(scope="session")
def generated_sites(tmp_path_factory) -> tuple[Path, Path]:
    """Seven notices as scripts/benchmark.py makes them, four of one sample's shape and three of the other's, each
    group the same notice but for the round in its title (第一轮, 第二轮 …: so they score exactly alike in a search),
    built with the search index in one Pagefind run and in runs of two notices."""
    import importlib.util
    import random

    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("benchmark", bench)
    spec.loader.exec_module(bench)
    samples, rng = bench.load_samples(), random.Random(bench.SEED)
    files = {}
    for seq, rounds in ((1, "一二三四"), (2, "二三四")):
        year, yml, md = bench.make_notice(samples[(seq - 1) % 2], (seq - 1) % 2, seq, rng)
        assert yml.count(f"第{rounds[0]}轮") == 1
        for number, round_name in enumerate(rounds):
            files[f"{year}/gen-{seq}-{number}"] = (yml.replace(f"第{rounds[0]}轮", f"第{round_name}轮"), md)
    sites = []
    for shard_size in ("0", "2"):
        project = tmp_path_factory.mktemp(f"generated-project-{shard_size}")
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for folder in ("content", "theme_overrides"):
            shutil.copytree(ROOT / folder, project / folder)
        for name, (yml, md) in files.items():
            write(project, f"{name}.yml", yml)
            write(project, f"{name}.md", md)
        set_shard_size(project, shard_size)
        site = tmp_path_factory.mktemp(f"generated-site-{shard_size}")
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr
        assert "检索索引：7 篇通报" in result.stderr
        sites.append(site)
    return sites[0], sites[1]


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


GOOD = """\
title: 某区委关于某专项巡察整改情况的通报
kind: 整改情况
publisher: 某区委
region: 某省某市某区
published: 2024-12-24
inspection:
  team: 市委第一巡察组
  start: 2024-03-01
  end: 2024-04-30
  feedback: 2024-06-01
figures:
  problems: 2
aspects:
  - number: 1
    title: 某方面
problems:
  - number: 1
    aspect: 1
    title: 问题一
    status: 已完成
    completed: 2024-10-01
    measures: [措施一。]
  - number: 2
    aspect: 1
    title: 问题二
    status: 正在整改
    due: 2099-12-31
    measures: [措施二。]
"""


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "theme_overrides", tmp_path / "theme_overrides")
    (tmp_path / "notices").mkdir()
    return tmp_path


def write(project: Path, name: str, content: str | bytes) -> None:
    path = project / "notices" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = textwrap.dedent(content).encode("utf-8")
    path.write_bytes(content)


def notices(project: Path, *args: str) -> tuple[int, list[str], str]:
    """The ``notices`` command in ``project``, run in-process (the same code path as the command, without
    starting Python again): exit status, printed lines and what it wrote to standard error."""
    output, errors = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(errors):
            code = cli.main(list(args))
    finally:
        os.chdir(previous)
    return code, output.getvalue().splitlines(), errors.getvalue()


def check(project: Path, *args: str) -> tuple[int, list[str]]:
    """``notices check`` in ``project``, in-process: exit status and printed lines."""
    code, lines, errors = notices(project, "check", *args)
    sys.stderr.write(errors)
    return code, lines


# ---------------------------------------------------------------- browser tests

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(directory: Path):
    """A built site over HTTP on 127.0.0.1; yields its URL."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"the test HTTP server on port {port} exited")
                time.sleep(0.05)
        else:
            pytest.fail(f"the test HTTP server did not answer at {url}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def new_site(tmp_path_factory) -> Path:
    """The files of a site made by ``notices init`` (written as ``notices init`` writes them)."""
    from generator.publish.new_site import site_files

    site = tmp_path_factory.mktemp("new-site")
    for relative, content in site_files():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_bytes(content)
    return site


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's Chromium "
                    "(apt-get install chromium; scripts/setup does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the Python package playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


