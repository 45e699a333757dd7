"""The per-notice caches (loading and checks, by content) makes a rebuild in the same process
(``mkdocs serve``) faster and never changes what is built or reported."""

from __future__ import annotations

import filecmp
import shutil

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import BUILD_ENV, ROOT, check, write
from generator.check import content
from generator.publish import parallel


def build_in_process(project, site_dir, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
    monkeypatch.chdir(project)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True))


def differences(left, right) -> list[str]:
    found: list[str] = []

    def walk(cmp):
        found.extend(cmp.diff_files + cmp.left_only + cmp.right_only)
        for sub in cmp.subdirs.values():
            walk(sub)

    walk(filecmp.dircmp(left, right))
    return found


def test_a_rebuild_from_the_cache_writes_the_same_bytes_as_a_fresh_build(sample_site, tmp_path, monkeypatch):
    project = tmp_path / "project"
    for name in ("mkdocs.yml", "content", "theme_overrides", "notices", "node_modules"):
        source = ROOT / name
        if name == "node_modules":
            (project / name).symlink_to(source)
        elif source.is_dir():
            shutil.copytree(source, project / name)
        else:
            project.mkdir(exist_ok=True)
            shutil.copy2(source, project / name)
    content.clear_caches()
    parallel.clear_cache()
    build_in_process(project, tmp_path / "first", monkeypatch)
    assert content._CHECKED and parallel._LOADED  # the second build reads these
    build_in_process(project, tmp_path / "second", monkeypatch)
    assert differences(sample_site, tmp_path / "second") == []
    assert differences(tmp_path / "first", tmp_path / "second") == []


def test_check_reports_the_same_findings_from_the_cache_and_sees_an_edit(project):
    notice = """\
        title: 测试通报
        kind: 整改进展
        publisher: 测试单位
        region: 安徽省安庆市大观区
        problems:
          - number: 1
            title: 问题一
            status: 正在整改
            due: 2099-12-31
            measures: [联系人手机 13812345678。]
        """
    write(project, "2024/test.yml", notice)
    content.clear_caches()
    first = check(project)
    assert check(project) == first
    assert any("13812345678" in line for line in first[1])
    write(project, "2024/test.yml", notice.replace("13812345678", "某某"))
    code, lines = check(project)
    assert not any("13812345678" in line for line in lines)
