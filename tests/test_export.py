"""``notices export``: the whole site as plain pages that a stock MkDocs + Material (or ProperDocs) builds
without the notices plugin, and ``notices search-index`` over the built export."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_site import DAGUAN, DONGHU, progress_rows, text

from conftest import BUILD_ENV, ROOT, set_shard_size, write
from generator import cli


def run(cwd: Path, *args: str) -> tuple[int, list[str]]:
    """``notices ARGS`` in ``cwd``, in-process: exit status and printed lines."""
    output = io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(output):
            code = cli.main(list(args))
    finally:
        os.chdir(previous)
    return code, output.getvalue().splitlines()


def stock_build(command: list[str], export: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*command, "build", "--strict", "-f", str(export / "mkdocs.yml"), "-d", str(site)],
                          capture_output=True, text=True, env=BUILD_ENV, cwd=export)


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "site-export"
    code, lines = run(ROOT, "export", str(out))
    assert code == 0, lines
    assert lines == [f"已导出 15 个页面到 {out.as_posix()}。构建：cd {out.as_posix()} && mkdocs build --strict；"
                     f"然后生成检索索引：notices search-index {(out / 'site').as_posix()} --config mkdocs.yml"]
    return out


@pytest.fixture(scope="module")
def mkdocs_site(export, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("export-mkdocs-site")
    result = stock_build([sys.executable, "-m", "mkdocs"], export, site)
    assert result.returncode == 0, result.stderr
    return site


def read(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_export_config_lists_no_notices_plugin_and_pages_carry_front_matter(export):
    config = (export / "mkdocs.yml").read_text(encoding="utf-8")
    assert "notices" not in config.split("plugins:")[1].split("\n")[0]
    assert "plugins: []" in config
    assert "custom_dir: overrides" in config
    page = (export / "docs" / DAGUAN / "index.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报"\n'
                           'description: "中共大观区委：中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报"\n'
                           "search_index: true\n---\n\n<div class=\"notices-page\">\n<nav class=\"breadcrumb\"")
    home = (export / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<!-- notices:" not in home and "hide:" in home  # placeholders filled, front matter kept
    assert (export / "docs" / "assets" / "stylesheets" / "notices.css").is_file()
    footer = (export / "overrides" / "partials" / "footer.html").read_text(encoding="utf-8")
    assert "主办：安庆市大观区纪委监委" in footer and "config.extra" not in footer


def _check_notice_pages(site: Path, plugin_site: Path) -> None:
    soup = read(site, DAGUAN)
    assert soup.title.string == "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报 - 大观区巡察整改公开"
    assert soup.find("meta", attrs={"name": "description"})["content"] == \
        "中共大观区委：中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报"
    meta = text(soup.select_one("dl.notice-meta"))
    assert "发布机构 中共大观区委" in meta and "发布日期 2024年12月24日" in meta
    rows = progress_rows(soup)
    assert len(rows) == 28
    assert [text(row) for row in rows] == [text(row) for row in progress_rows(read(plugin_site, DAGUAN))]
    assert soup.select_one("[data-pagefind-body] h1") is not None  # the region the search index reads
    assert "备案号： 皖ICP备17015173号-1" in text(soup.select_one("footer.gov-footer"))
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert csp.startswith("default-src 'none'; script-src 'self' 'wasm-unsafe-eval';")
    inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
    assert not inline  # no inline script: the CSP forbids it
    assert len(progress_rows(read(site, DONGHU))) == len(progress_rows(read(plugin_site, DONGHU)))
    home = read(site, "")
    assert [a["href"] for a in home.select(".md-content a[href*='notices/']")] == \
        [a["href"] for a in read(plugin_site, "").select(".md-content a[href*='notices/']")]


def test_stock_mkdocs_builds_the_export_without_the_plugin(mkdocs_site, sample_site):
    _check_notice_pages(mkdocs_site, sample_site)
    assert not (mkdocs_site / "pagefind").exists()  # the index is a separate step


def test_properdocs_builds_the_export(export, sample_site, tmp_path):
    properdocs = Path(sys.executable).parent / "properdocs"
    assert properdocs.is_file(), "pip install -e '.[test]' installs ProperDocs"
    result = stock_build([str(properdocs)], export, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    _check_notice_pages(tmp_path / "site", sample_site)


def test_search_index_over_the_built_export(mkdocs_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(mkdocs_site, site)
    code, lines = run(ROOT, "search-index", str(site))
    assert (code, lines) == (0, [f"检索索引：2 篇通报，写入 {(site / 'pagefind').as_posix()}"])
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == 2


def test_search_index_takes_the_shard_size_of_the_project_and_refuses_a_bad_one(mkdocs_site, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "notices", project / "notices")
    set_shard_size(project, "1")
    site = tmp_path / "site"
    shutil.copytree(mkdocs_site, site)
    config = (project / "mkdocs.yml").as_posix()
    code, lines = run(ROOT, "search-index", str(site), "--config", config)
    assert (code, lines) == (0, [f"检索索引：2 篇通报，写入 {(site / 'pagefind').as_posix()}"])
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["zh"]["page_count"] == 2 and not list((site / "pagefind").glob("shard-*"))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("search_shard_size: 1", "search_shard_size: -1"), encoding="utf-8")
    assert run(ROOT, "search-index", str(site), "--config", config) == (
        1, [f"{config}: error: plugins.notices.search_shard_size 须为 0（不分片）或正整数，现为 -1"])
    (project / "mkdocs.yml").write_text(text.replace("      search_shard_size: 1\n", "      search_shard_size: 1\n"
                                                     "      search_parallel_runs: two\n"), encoding="utf-8")
    assert run(ROOT, "search-index", str(site), "--config", config) == (
        1, [f"{config}: error: plugins.notices.search_parallel_runs 须为正整数（同时运行的 Pagefind 个数），现为 two"])


def test_search_index_needs_a_built_site(tmp_path):
    code, lines = run(ROOT, "search-index", str(tmp_path / "site"))
    assert (code, lines) == (1, [f"{(tmp_path / 'site').as_posix()}: error: 找不到已构建的网站：请先构建（mkdocs "
                                 "build）"])


def test_export_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    code, lines = run(ROOT, "export", str(tmp_path))
    assert (code, lines) == (1, [f"{tmp_path.as_posix()}: error: 文件夹不是空的：请指定一个不存在或空的文件夹，"
                                 "已有的文件不会被覆盖"])
    assert [p.name for p in tmp_path.iterdir()] == ["old.txt"]


def test_export_stops_at_a_bad_notice_and_writes_nothing(project, tmp_path):
    write(project, "2024/bad.yml", "title: 缺少其他字段\n")
    code, lines = run(project, "export", str(tmp_path / "out"))
    assert code == 1
    assert lines[-1] == "导出未完成：请按上面的提示修改后再导出。"
    assert any(line.startswith("notices/2024/bad.yml:") and ": error: " in line for line in lines)
    assert not (tmp_path / "out").exists()


def test_export_reports_an_unknown_placeholder(project, tmp_path):
    page = project / "content" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- notices:nothing -->\n", encoding="utf-8")
    code, lines = run(project, "export", str(tmp_path / "out"))
    assert code == 1
    assert lines[0].startswith("content/about.md: error: 未知的占位符 <!-- notices:nothing -->，可用：")


def test_texts_with_markup_characters_are_shown_as_written(project, tmp_path):
    """A title and a site name with & < > are escaped once: the reader sees them as written."""
    example = (ROOT / "generator" / "site_template" / "notices" / "2024" / "shili-tongbao.yml").read_text(
        encoding="utf-8")
    title = "某区委关于“A&B”<专项>巡察整改情况的通报"
    write(project, "2024/example.yml", example.replace("title: 【示例】某区委关于某专项巡察整改情况的通报",
                                                        f'title: "{title}"'))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      .replace("site_name: 大观区巡察整改公开", 'site_name: "巡察 & 整改"'),
                      encoding="utf-8")
    assert run(project, "export", str(tmp_path / "out"))[0] == 0
    result = stock_build([sys.executable, "-m", "mkdocs"], tmp_path / "out", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    [page] = (tmp_path / "site" / "notices").glob("*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.title.string == f"{title} - 巡察 & 整改"
    assert text(soup.h1) == title
    assert soup.find("meta", attrs={"name": "description"})["content"] == f"某区委：{title}"
    assert text(soup.select_one(".md-header__topic[data-md-component=header-topic]")) == title
    assert soup.select_one("a.md-header__button.md-logo")["title"] == "巡察 & 整改"


def test_the_exported_site_has_the_charts_and_the_open_data(mkdocs_site, sample_site):
    """The files the core makes beside the pages reach the stock build: no broken image, no dead data link."""
    images = [img["src"] for img in read(mkdocs_site, "").select(".md-content img")]
    assert images and all(src.endswith(".svg") for src in images)
    for src in images:
        assert (mkdocs_site / src).read_bytes() == (sample_site / src).read_bytes(), src
    for path in ("data/problems.csv", "data/problems.json", "data/notices.json", "feed.xml",
                 f"{DAGUAN}/notice.json", f"{DONGHU}/notice.json"):
        assert (mkdocs_site / path).read_bytes() == (sample_site / path).read_bytes(), path
