"""`mkdocs serve`: every build keeps the first build's search index (indexing is most of a build's time) and
every page says so; `mkdocs build` always indexes and renders every page. (What a rebuild renders and writes:
test_serve_rebuild.py.)"""

from __future__ import annotations

import shutil

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import BUILD_ENV, ROOT

STALE = "预览：站内检索仍是开始预览时的索引，不包含之后的修改（正式构建会重建索引）。"


def copy_site_project(project):
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("content", "theme_overrides", "notices"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")


def banner(site, url="index.html"):
    found = BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser").select(".search-stale")
    return [tag.get_text() for tag in found]


def test_a_rebuild_in_serve_keeps_the_search_index_and_says_it_is_stale(tmp_path, monkeypatch):
    project, site = tmp_path / "project", tmp_path / "site"
    copy_site_project(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does, once
    try:
        build(config)
        assert banner(site) == [STALE]  # in the preview, from the first build on: later edits are not indexed
        first_index = sorted(p.relative_to(site).as_posix() for p in (site / "pagefind").rglob("*"))
        notice = next((project / "notices").rglob("*.yml"))
        notice.write_text(notice.read_text(encoding="utf-8").replace("title: \"", "title: \"改", 1), encoding="utf-8")
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))  # the same plugin
        assert banner(site) == [STALE]
        assert banner(site, "about/index.html") == [STALE]
        notice_pages = [p for p in (site / "notices").rglob("index.html") if banner(site, p.relative_to(site))]
        assert notice_pages
        assert sorted(p.relative_to(site).as_posix() for p in (site / "pagefind").rglob("*")) == first_index
    finally:
        config.plugins.on_shutdown()
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))  # mkdocs build again
    assert banner(site) == []
