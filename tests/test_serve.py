"""`mkdocs serve`: every build keeps the first build's search index (indexing is most of a build's time) and
every page says so; a rebuild writes the previous output of a page whose inputs did not change, byte for byte
what rendering it again writes; `mkdocs build` always indexes and renders every page."""

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


def serve_session(project, site, edit, reuse: bool) -> list[str]:
    """Build as `mkdocs serve` does, edit, build again with the same plugin; the pages written from their
    previous output in the second build."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["notices"]
    plugin.reuse_pages = reuse
    try:
        build(config)
        edit()
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
        return list(plugin.reused)
    finally:
        config.plugins.on_shutdown()


def test_a_rebuild_writes_unchanged_pages_from_their_previous_output_byte_for_byte(tmp_path, monkeypatch):
    from test_cache import differences

    from generator.check import content
    from generator.publish import parallel
    from generator.publish import site as core_site

    project = tmp_path / "project"
    copy_site_project(project)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
    monkeypatch.chdir(project)
    narrative = sorted((project / "notices").rglob("*.md"))[0]
    original = narrative.read_text(encoding="utf-8")

    def edit():
        narrative.write_text(original + "\n预览修改标记。\n", encoding="utf-8")

    reused = serve_session(project, tmp_path / "reused", edit, reuse=True)
    narrative.write_text(original, encoding="utf-8")
    content.clear_caches()
    parallel.clear_cache()
    core_site.clear_cache()
    assert serve_session(project, tmp_path / "rendered", edit, reuse=False) == []
    assert differences(tmp_path / "reused", tmp_path / "rendered") == []
    assert "about.md" in reused and "index.md" in reused  # pages the edit does not touch
    edited = [page.parent.relative_to(tmp_path / "reused").as_posix() + "/index.md"
              for page in (tmp_path / "reused" / "notices").rglob("index.html")
              if "预览修改标记" in page.read_text(encoding="utf-8")]
    assert len(edited) == 1 and edited[0] not in reused  # the edited notice's page was rendered again
