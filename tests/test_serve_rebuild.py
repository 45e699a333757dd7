"""`mkdocs serve`, a rebuild after one edit: only what the edit changes is rendered and written, the rest of the
served folder is left as it was, and the folder is then byte for byte what a fresh build of the same inputs
writes (the search index apart: the preview keeps the first build's, and says so). The first build of each
session and every fresh build run as `mkdocs serve` runs them; Pagefind is replaced by a stub here (the real
index kept by serve is tested in test_serve.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from test_serve import copy_site_project

from conftest import BUILD_ENV
from generator.check import content
from generator.engines.mkdocs import plugin as notices_plugin
from generator.publish import parallel
from generator.publish import site as core_site

SERVE_URL = "http://127.0.0.1:8000/"
GREENING = "notices/2024/daguan-chengshi-lvhua-zhenggai-jinzhan"
GREENING_PAGE = ("notices/zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua-gong-cheng-ling-yu-zhuan-xiang-xun-cha-"
                 "zheng-gai-jin-zhan-qing-kuang-de-tong-bao/index.html")  # its slug is its title's pinyin
DONGHU = "notices/2023/donghu-gongcheng-fangdichan-zhenggai-jinzhan"


def fake_index(site_dir, pages, *args, **kwargs) -> int:
    """Pagefind's place in the build: a small index of the pages' names."""
    bundle = Path(site_dir) / "pagefind"
    bundle.mkdir()
    (bundle / "pages.txt").write_text("\n".join(sorted(page.entry.url for page in pages)), encoding="utf-8")
    return len(pages)


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file of a site with its bytes and every folder (None), but the search index."""
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if relative.split("/")[0] != "pagefind":
            found[relative] = None if path.is_dir() else path.read_bytes()
    return found


def differing(left: Path, right: Path) -> list[str]:
    one, other = tree(left), tree(right)
    return sorted(path for path in one.keys() | other.keys() if one.get(path, b"?") != other.get(path, b"?"))


def text_of(site: Path, url: str) -> str:
    return BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser").get_text(" ", strip=True)


class Session:
    """`mkdocs serve` in this process: the first build, then a rebuild with the same plugin after each edit."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site

    def build(self) -> None:
        build(load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site)), serve_url=SERVE_URL)

    def __enter__(self) -> Session:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.plugins.on_startup(command="serve", dirty=False)
        self.plugin = config.plugins["notices"]
        build(config, serve_url=SERVE_URL)
        return self

    def __exit__(self, *exc) -> None:
        self.plugin.on_shutdown()


def fresh_build(project: Path, site: Path) -> None:
    """What `mkdocs serve` writes when started on these inputs, every cache empty."""
    content.clear_caches()
    parallel.clear_cache()
    core_site.clear_cache()
    with Session(project, site):
        pass


@pytest.fixture
def served(tmp_path, monkeypatch):
    monkeypatch.setattr(notices_plugin, "index_notices", fake_index)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
    project = tmp_path / "project"
    copy_site_project(project)
    monkeypatch.chdir(project)
    content.clear_caches()
    parallel.clear_cache()
    core_site.clear_cache()
    with Session(project, tmp_path / "served") as session:
        yield session


def rebuilt_as_fresh(session: Session, tmp_path: Path) -> tuple[bool, list[str]]:
    """Rebuilds the session, compares its folder with a fresh build's; whether the rebuild updated the served
    folder in place, and the pages it left as they were."""
    session.build()
    done = session.plugin.incremental, list(session.plugin.reused)
    fresh_build(session.project, tmp_path / "fresh")  # the same plugin object, started afresh
    assert differing(session.site, tmp_path / "fresh") == []
    return done


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_narrative_edit_renders_only_its_notice_page_and_the_site_is_a_fresh_builds(served, tmp_path):
    index_before = (served.site / "pagefind" / "pages.txt").read_bytes()
    narrative = served.project / f"{GREENING}.md"
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\n预览修改标记。\n", encoding="utf-8")
    generated = len(served.plugin.pages_by_src)
    incremental, reused = rebuilt_as_fresh(served, tmp_path)
    assert "预览修改标记。" in text_of(served.site, GREENING_PAGE)
    assert incremental
    in_nav = 1  # archive/index.md, rendered in every build
    assert len(reused) == generated - 1 - in_nav  # every generated page but the edited notice's
    assert GREENING_PAGE.replace(".html", ".md") not in reused
    assert (served.site / "pagefind" / "pages.txt").read_bytes() == index_before  # the preview's index is kept


def test_a_title_edit_shows_on_the_notice_and_in_the_archive_and_the_site_is_a_fresh_builds(served, tmp_path):
    edit(served.project / f"{GREENING}.yml", 'title: "中共大观区委关于', 'title: "中共大观区委（改）关于')
    _, reused = rebuilt_as_fresh(served, tmp_path)
    assert "archive/year/2024/index.md" not in reused
    assert not (served.site / GREENING_PAGE).exists()  # its address is its title's pinyin
    moved = [page for page in (served.site / "notices").rglob("index.html") if "（改）" in page.read_text("utf-8")]
    assert len(moved) == 1
    for url in (moved[0].relative_to(served.site).as_posix(), "archive/year/2024/index.html", "index.html"):
        assert "中共大观区委（改）关于城市绿化工程领域" in text_of(served.site, url), url


def test_a_status_edit_changes_the_figures_and_the_site_is_a_fresh_builds(served, tmp_path):
    before = text_of(served.site, "archive/index.html")
    edit(served.project / f"{DONGHU}.yml", "    status: 已完成\n", "    status: 正在整改\n    due: 2099-12-31\n")
    rebuilt_as_fresh(served, tmp_path)
    after = text_of(served.site, "archive/index.html")
    assert "40 个问题，整改完成率 100% （按载明状态的 12 个问题计算" in before
    assert "40 个问题，整改完成率 91.67% （按载明状态的 12 个问题计算" in after


def test_an_added_notice_has_its_page_and_the_site_is_a_fresh_builds(served, tmp_path):
    source = served.project / f"{DONGHU}.yml"
    added = source.with_name("donghu-added.yml")
    added.write_text(source.read_text(encoding="utf-8").replace(
        'title: "东湖高新区建设局关于', 'title: "东湖高新区建设局（新增）关于', 1), encoding="utf-8")
    rebuilt_as_fresh(served, tmp_path)
    pages = [page for page in (served.site / "notices").rglob("index.html") if "（新增）" in page.read_text("utf-8")]
    assert len(pages) == 1
    assert "东湖高新区建设局（新增）关于" in text_of(served.site, "archive/year/unknown/index.html")
    assert "共 3 篇通报" in text_of(served.site, "archive/index.html")


def test_a_deleted_notice_leaves_no_page_behind_and_the_site_is_a_fresh_builds(served, tmp_path):
    assert (served.site / GREENING_PAGE).exists()
    (served.project / f"{GREENING}.yml").unlink()
    (served.project / f"{GREENING}.md").unlink()
    rebuilt_as_fresh(served, tmp_path)
    assert not (served.site / GREENING_PAGE).parent.exists()
    assert not (served.site / "archive" / "year" / "2024").exists()
    assert "共 1 篇通报" in text_of(served.site, "archive/index.html")


def test_an_edited_content_page_shows_the_edit_and_the_site_is_a_fresh_builds(served, tmp_path):
    about = served.project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n本站预览修改标记。\n", encoding="utf-8")
    incremental, _ = rebuilt_as_fresh(served, tmp_path)
    assert "本站预览修改标记。" in text_of(served.site, "about/index.html")
    assert incremental


def test_an_edited_mkdocs_yml_rebuilds_every_page_and_the_site_is_a_fresh_builds(served, tmp_path):
    edit(served.project / "mkdocs.yml", "site_name: 大观区巡察整改公开", "site_name: 大观区巡察整改公开（预览）")
    served.build()
    assert not served.plugin.incremental and served.plugin.reused == []
    for url in ("index.html", GREENING_PAGE, "archive/year/2024/index.html"):
        assert "大观区巡察整改公开（预览）" in text_of(served.site, url), url
    fresh_build(served.project, tmp_path / "fresh")
    assert differing(served.site, tmp_path / "fresh") == []


def test_a_failed_rebuild_leaves_the_served_site_as_it_was(served, tmp_path):
    before = tree(served.site)
    edit(served.project / f"{GREENING}.yml", "published: 2024-12-24", "published: 2024-13-24")
    with pytest.raises(Abort):
        served.build()
    assert tree(served.site) == before
    edit(served.project / f"{GREENING}.yml", "published: 2024-13-24", "published: 2024-12-24")
    rebuilt_as_fresh(served, tmp_path)


def test_the_problems_files_made_from_each_notices_rows_are_those_made_from_all_rows(served):
    """problems.csv and problems.json are put together from each notice's cached rows (a status edit makes only
    that notice's again): the same bytes as writing every row at once, with rows and with none."""
    from generator.publish import open_data
    from generator.read.collection import Collection

    build = served.plugin.build
    for collection in (build.collection, Collection()):
        rows = open_data.problem_rows(collection)
        csv_bytes, json_bytes = open_data._problem_files(collection)
        assert csv_bytes == open_data.problems_csv(rows)
        assert json_bytes == open_data._json(rows)
    assert build.files[open_data.PROBLEMS_JSON_FILE] == open_data._json(open_data.problem_rows(build.collection))
