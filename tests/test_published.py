"""Checks of what a notice publishes that need no git base: previous_slugs that clash, revision dates."""

from __future__ import annotations

import pytest

from conftest import GOOD, write
from generator.cli import main

OTHER = GOOD.replace("title: 某区委关于某专项巡察整改情况的通报", "title: 某县委关于另一专项巡察整改情况的通报")
FAILED = "检查未通过：{} 个错误，0 个警告。请按上面的提示修改后再提交。"


@pytest.fixture
def here(project, monkeypatch):
    """The scratch project, the working directory of the check."""
    monkeypatch.chdir(project)
    return project


def check(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["check", *args])
    return code, capsys.readouterr().out.splitlines()


def test_a_revision_before_publication_is_an_error_without_base(here, capsys):
    write(here, "2024/x.yml", GOOD + "revisions:\n  - date: 2024-12-24\n    change: 当天更正\n"
          "  - date: 2024-12-23\n    change: 发布前的更正\n")
    assert check(capsys) == (1, [
        "notices/2024/x.yml:32:11: error: 更正记录的日期（2024-12-23）早于发布日期（2024-12-24）：更正只能在通报发布之后，请核对日期",
        FAILED.format(1),
    ])


def test_previous_slugs_must_not_clash(here, capsys):
    write(here, "2024/a.yml", GOOD + "slug: a-name\nprevious_slugs: [a-name, b-name, old-name, old-name]\n")
    write(here, "2024/b.yml", OTHER + "slug: b-name\nprevious_slugs: [old-name]\n")
    assert check(capsys) == (1, [
        "notices/2024/a.yml:30:18: error: 旧网址名称“a-name”就是这份通报现在的网址名称：previous_slugs 只写以前用过、"
        "现在不用的网址名称，请删去这一项",
        "notices/2024/a.yml:30:26: error: 旧网址名称“b-name”是 notices/2024/b.yml 的网址名称（slug）：一个网址不能既是跳转又是"
        "通报页面，请删去这一项，或为其中一份通报另写 slug",
        "notices/2024/a.yml:30:44: error: 旧网址名称“old-name”在 previous_slugs 中重复：请删去一处",
        "notices/2024/b.yml:30:18: error: 旧网址名称“old-name”也写在 notices/2024/a.yml 的 previous_slugs 中："
        "一个旧网址只能跳转到一份通报，请删去其中一处",
        FAILED.format(4),
    ])
