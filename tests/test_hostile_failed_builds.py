"""A failed build never damages the published folder: MkDocs writes into a scratch folder beside it,
which replaces it only when everything (the search index included) succeeded."""

import hashlib
from pathlib import Path

import pytest

from conftest import GOOD, mkdocs_build, write

KEPT = "构建失败，{site} 保持上次构建的内容，没有改动"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(project, tmp_path):
    write(project, "x.yml", GOOD)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site, tree(site)


def test_an_unknown_placeholder_leaves_the_site_as_it_was(built):
    project, site, before = built
    (project / "content" / "about.md").write_text("# 关于\n\n<!-- notices:nothing -->\n", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "content/about.md: 未知的占位符 <!-- notices:nothing -->，可用：home、statuses" in result.stderr
    assert KEPT.format(site=site) in result.stderr
    assert tree(site) == before
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".notices-building-")] == []


def test_a_strict_mode_warning_leaves_the_site_as_it_was(built):
    project, site, before = built
    write(project, "x.yml", GOOD.replace("title: 问题一", "title: 联系人13912345678"))  # a personal-data warning
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "构建中有 1 个警告（strict 模式下视为失败）" in result.stderr
    assert KEPT.format(site=site) in result.stderr
    assert tree(site) == before


def test_a_bad_notice_leaves_the_site_as_it_was(built):
    project, site, before = built
    write(project, "y.yml", GOOD.replace("kind: 整改情况", "kind: 不存在"))
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "通报检查未通过，网站没有生成" in result.stderr
    assert tree(site) == before


def test_a_killed_build_leaves_the_site_and_its_scratch_is_cleared_next_time(built):
    project, site, before = built
    stale = site.parent / f".notices-building-{site.name}-dead"  # what a build killed half-way leaves
    (stale / "notices").mkdir(parents=True)
    assert tree(site) == before
    write(project, "x.yml", GOOD.replace("title: 问题一", "title: 问题一（更正）"))
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert any("问题一（更正）" in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
