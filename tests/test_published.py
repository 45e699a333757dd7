"""URLs never die and revision notes are permanent: `notices check --base` against a git repository made
here, and the checks of previous_slugs and revision dates that need no base."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import BUILD_ENV, GOOD, write
from generator.cli import main

TITLE_SLUG = "mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao"  # GOOD's title
OTHER = GOOD.replace("title: 某区委关于某专项巡察整改情况的通报", "title: 某县委关于另一专项巡察整改情况的通报")
NOTE = "revisions:\n  - date: 2025-01-10\n    change: 更正第 2 个问题的标题\n"
FAILED = "检查未通过：{} 个错误，0 个警告。请按上面的提示修改后再提交。"
DELETED = "这份通报已经发布（HEAD 上已有），不能删除：撤回请保留文件并写 withdrawn（日期和原因）"
NEEDS_NOTE = ("这份通报已经发布（HEAD 上已有），修改后必须在 revisions 中增加一条更正记录，"
              "写明日期和更正内容，如：revisions: [{date: 2025-01-10, change: 更正第 3 个问题的责任单位}]")


def lost(slug: str) -> str:
    return (f"这份通报已经发布（HEAD 上已有），网址 notices/{slug}/ 不能失效：请写回 slug: {slug}，"
            f"或把旧的网址名称写进 previous_slugs，如 previous_slugs: [{slug}]（旧网址会跳转到本页）")


def git(folder, *args) -> str:
    env = {**BUILD_ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def here(project, monkeypatch):
    """The scratch project, the working directory of the check."""
    monkeypatch.chdir(project)
    return project


@pytest.fixture
def repo(here):
    """The scratch project as a git repository."""
    git(here, "init", "-q")
    return here


def publish(project) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-qm", "publish", "--allow-empty")


def check(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["check", *args])
    return code, capsys.readouterr().out.splitlines()


def check_base(capsys, *args: str) -> tuple[int, list[str]]:
    return check(capsys, "--base", "HEAD", *args)


def passed(count: int = 1) -> tuple[int, list[str]]:
    return 0, [f"检查通过：{count} 篇通报，0 个警告。"]


def test_changing_the_slug_needs_the_old_one_in_previous_slugs(repo, capsys):
    write(repo, "2024/x.yml", GOOD + "slug: old-name\n")
    publish(repo)
    write(repo, "2024/x.yml", GOOD + "slug: new-name\n" + NOTE)
    assert check_base(capsys) == (1, [f"notices/2024/x.yml:29:7: error: {lost('old-name')}", FAILED.format(1)])
    write(repo, "2024/x.yml", GOOD + "slug: new-name\nprevious_slugs: [old-name]\n" + NOTE)
    assert check_base(capsys) == passed()
    # Without a note, the changed URL is the second message.
    write(repo, "2024/x.yml", GOOD + "slug: new-name\n")
    assert check_base(capsys) == (1, [f"notices/2024/x.yml:1:1: error: {NEEDS_NOTE}",
                                      f"notices/2024/x.yml:29:7: error: {lost('old-name')}", FAILED.format(2)])


def test_adding_or_removing_a_slug_changes_the_url(repo, capsys):
    write(repo, "2024/x.yml", GOOD)
    write(repo, "2024/y.yml", OTHER + "slug: y-name\n")
    publish(repo)
    write(repo, "2024/x.yml", GOOD + "slug: x-name\n" + NOTE)
    write(repo, "2024/y.yml", OTHER + NOTE)
    assert check_base(capsys) == (1, [
        f"notices/2024/x.yml:29:7: error: {lost(TITLE_SLUG)}",
        f"notices/2024/y.yml:1:8: error: {lost('y-name')}",
        FAILED.format(2),
    ])


def test_retitling_a_notice_without_a_slug_changes_its_url(repo, capsys):
    write(repo, "2024/x.yml", GOOD)
    publish(repo)
    retitled = GOOD.replace("某专项巡察", "某专项巡视") + NOTE
    write(repo, "2024/x.yml", retitled)
    assert check_base(capsys) == (1, [f"notices/2024/x.yml:1:8: error: {lost(TITLE_SLUG)}", FAILED.format(1)])
    write(repo, "2024/x.yml", retitled + f"previous_slugs:\n  - {TITLE_SLUG}\n")
    assert check_base(capsys) == passed()
    write(repo, "2024/x.yml", retitled + f"slug: {TITLE_SLUG}\n")
    assert check_base(capsys) == passed()


def test_a_published_previous_slug_cannot_be_removed(repo, capsys):
    write(repo, "2024/x.yml", GOOD + "previous_slugs: [first-name, second-name]\n")
    publish(repo)
    message = ("旧网址 notices/first-name/ 已经发布（HEAD 上这份通报的 previous_slugs 中有 first-name），"
               "不能删去：请在 previous_slugs 中保留 first-name")
    write(repo, "2024/x.yml", GOOD + "previous_slugs: [second-name]\n" + NOTE)
    assert check_base(capsys) == (1, [f"notices/2024/x.yml:29:17: error: {message}", FAILED.format(1)])
    write(repo, "2024/x.yml", GOOD + NOTE)
    assert check_base(capsys) == (1, [
        f"notices/2024/x.yml:1:8: error: {message}",
        f"notices/2024/x.yml:1:8: error: {message.replace('first-name', 'second-name')}",
        FAILED.format(2),
    ])
    write(repo, "2024/x.yml", GOOD + "previous_slugs: [second-name, first-name]\n" + NOTE)
    assert check_base(capsys) == passed()


def test_a_withdrawn_notice_keeps_its_url(repo, capsys):
    withdrawn = "withdrawn:\n  date: 2025-03-01\n  reason: 内容有误\n"
    write(repo, "2024/x.yml", GOOD + "slug: old-name\n" + withdrawn)
    publish(repo)
    write(repo, "2024/x.yml", GOOD + "slug: new-name\n" + withdrawn + NOTE)
    assert check_base(capsys) == (1, [f"notices/2024/x.yml:29:7: error: {lost('old-name')}", FAILED.format(1)])


def test_a_published_url_cannot_be_given_to_another_notice(repo, capsys):
    write(repo, "2024/x.yml", GOOD + "slug: old-name\n")
    publish(repo)
    write(repo, "2024/x.yml", GOOD + "slug: new-name\n" + NOTE)
    write(repo, "2024/y.yml", OTHER + "slug: old-name\n")
    assert check_base(capsys) == (1, [
        "notices/2024/x.yml:29:7: error: 这份通报已经发布（HEAD 上已有），网址 notices/old-name/ 现在却是 "
        "notices/2024/y.yml "
        "的网址：已发布的网址不能改给别的通报。请为 notices/2024/y.yml 另写一个 slug，并在这份通报中写回 slug: "
        "old-name 或 "
        "previous_slugs: [old-name]",
        FAILED.format(1),
    ])


def test_a_moved_file_keeps_its_url_and_its_notes(repo, capsys):
    write(repo, "2024/x.yml", GOOD + NOTE)
    write(repo, "2024/x.md", "正文。")
    publish(repo)
    git(repo, "mv", "notices/2024", "notices/2025")
    assert check_base(capsys) == passed()
    write(repo, "2025/x.yml", GOOD.replace("某专项巡察", "某专项巡视") + f"previous_slugs: [{TITLE_SLUG}]\n"
          + NOTE + "  - date: 2025-02-01\n    change: 更正标题\n")
    assert check_base(capsys) == passed()
    write(repo, "2025/x.yml", GOOD + NOTE.replace("第 2 个", "第 1 个"))
    assert check_base(capsys) == (1, [
        "notices/2025/x.yml:30:3: error: 已发布的更正记录不能修改或删除：HEAD 上有一条“2025-01-10：更正第 2 "
        "个问题的标题”，"
        "现在没有了。请原样恢复这条记录；新的更正请另加一条",
        FAILED.format(1),
    ])


def test_a_deleted_notice_whose_url_another_notice_keeps_is_still_deleted(repo, capsys):
    write(repo, "2024/x.yml", GOOD)
    write(repo, "2024/y.yml", OTHER)
    publish(repo)
    (repo / "notices/2024/x.yml").unlink()
    write(repo, "2024/y.yml", OTHER + f"previous_slugs: [{TITLE_SLUG}]\n" + NOTE)
    assert check_base(capsys) == (1, [f"notices/2024/x.yml: error: {DELETED}", FAILED.format(1)])


def test_a_notice_that_does_not_load_is_not_called_deleted(repo, capsys):
    write(repo, "2024/x.yml", GOOD)
    publish(repo)
    write(repo, "2024/x.yml", GOOD.replace("kind: 整改情况", "kind: 整改进"))
    assert check_base(capsys) == (1, [
        "notices/2024/x.yml:2:7: error: kind 的值“整改进”不在词表中，只能写：整改进展、整改情况、巡察公告、其他",
        FAILED.format(1),
    ])


def test_published_revision_notes_cannot_be_edited_or_removed(repo, capsys):
    notes = NOTE + "  - date: 2025-02-01\n    change: 更正第 1 个问题的完成日期\n"
    write(repo, "2024/x.yml", GOOD + notes)
    publish(repo)
    removed = ("notices/2024/x.yml:30:3: error: 已发布的更正记录不能修改或删除：HEAD 上有一条“{}”，现在没有了。"
               "请原样恢复这条记录；新的更正请另加一条")
    write(repo, "2024/x.yml", GOOD + notes.replace("完成日期", "完成时间"))
    assert check_base(capsys) == (1, [removed.format("2025-02-01：更正第 1 个问题的完成日期"), FAILED.format(1)])
    # An edited date is a new note too, here one dated before the newest published note.
    write(repo, "2024/x.yml", GOOD + notes.replace("2025-01-10", "2025-01-11"))
    assert check_base(capsys) == (1, [
        removed.format("2025-01-10：更正第 2 个问题的标题"),
        "notices/2024/x.yml:30:11: error: 新增的更正记录日期（2025-01-11）早于已发布的最新一条更正记录（2025-02-01）："
        "更正记录不能倒签，请写更正当天的日期",
        FAILED.format(2),
    ])
    write(repo, "2024/x.yml", GOOD + NOTE)
    assert check_base(capsys) == (1, [removed.format("2025-02-01：更正第 1 个问题的完成日期"),
                                      f"notices/2024/x.yml:30:3: error: {NEEDS_NOTE}", FAILED.format(2)])
    write(repo, "2024/x.yml", GOOD)
    assert check_base(capsys) == (1, [
        removed.replace(":30:3:", ":1:1:").format("2025-01-10：更正第 2 个问题的标题"),
        removed.replace(":30:3:", ":1:1:").format("2025-02-01：更正第 1 个问题的完成日期"),
        f"notices/2024/x.yml:1:1: error: {NEEDS_NOTE}",
        FAILED.format(3),
    ])
    # Order does not matter; written differently, a note is the same note.
    write(repo, "2024/x.yml", GOOD + "revisions:\n  - {date: 2025-02-01, change: 更正第 1 个问题的完成日期}\n"
          "  - {date: 2025-01-10, change: \"更正第 2 个问题的标题\"}\n  - {date: 2025-03-01, change: 补充正文}\n")
    assert check_base(capsys) == passed()


def test_a_new_revision_note_cannot_be_back_dated(repo, capsys):
    write(repo, "2024/x.yml", GOOD + "revisions:\n  - date: 2025-03-01\n    change: 更正第 2 个问题的标题\n")
    publish(repo)
    write(repo, "2024/x.yml", GOOD + "revisions:\n  - date: 2025-03-01\n    change: 更正第 2 个问题的标题\n"
          "  - date: 2025-02-01\n    change: 更正第 1 个问题\n")
    assert check_base(capsys) == (1, [
        "notices/2024/x.yml:32:11: error: 新增的更正记录日期（2025-02-01）早于已发布的最新一条更正记录（2025-03-01）："
        "更正记录不能倒签，请写更正当天的日期",
        FAILED.format(1),
    ])
    # Moving the publication date back does not make room for an earlier note.
    write(repo, "2024/x.yml", GOOD.replace("published: 2024-12-24", "published: 2024-07-01")
          + "revisions:\n  - date: 2024-08-01\n    change: 更正发布日期\n"
          "  - date: 2025-03-01\n    change: 更正第 2 个问题的标题\n")
    assert check_base(capsys) == (1, [
        "notices/2024/x.yml:30:11: error: 新增的更正记录日期（2024-08-01）早于这份通报的发布日期（HEAD 上是 "
        "2024-12-24）："
        "更正只能在通报发布之后，请写更正当天的日期",
        FAILED.format(1),
    ])
    # Before the publication date as it stands: the check without --base says so, once.
    write(repo, "2024/x.yml", GOOD + "revisions:\n  - date: 2025-03-01\n    change: 更正第 2 个问题的标题\n"
          "  - date: 2024-12-01\n    change: 更正第 1 个问题\n")
    assert check_base(capsys) == (1, [
        "notices/2024/x.yml:32:11: error: 更正记录的日期（2024-12-01）早于发布日期（2024-12-24）："
        "更正只能在通报发布之后，请核对日期",
        FAILED.format(1),
    ])
    write(repo, "2024/x.yml", GOOD + "revisions:\n  - date: 2025-03-01\n    change: 更正第 2 个问题的标题\n"
          "  - date: 2025-03-01\n    change: 更正第 1 个问题\n")
    assert check_base(capsys) == passed()


def test_a_revision_before_publication_is_an_error_without_base(here, capsys):
    write(here, "2024/x.yml", GOOD + "revisions:\n  - date: 2024-12-24\n    change: 当天更正\n"
          "  - date: 2024-12-23\n    change: 发布前的更正\n")
    assert check(capsys) == (1, [
        "notices/2024/x.yml:32:11: error: 更正记录的日期（2024-12-23）早于发布日期（2024-12-24）："
        "更正只能在通报发布之后，请核对日期",
        FAILED.format(1),
    ])


def test_previous_slugs_must_not_clash(here, capsys):
    write(here, "2024/a.yml", GOOD + "slug: a-name\nprevious_slugs: [a-name, b-name, old-name, old-name]\n")
    write(here, "2024/b.yml", OTHER + "slug: b-name\nprevious_slugs: [old-name]\n")
    assert check(capsys) == (1, [
        "notices/2024/a.yml:30:18: error: 旧网址名称“a-name”就是这份通报现在的网址名称：previous_slugs 只写以前用过、"
        "现在不用的网址名称，请删去这一项",
        "notices/2024/a.yml:30:26: error: 旧网址名称“b-name”是 notices/2024/b.yml 的网址名称（slug）："
        "一个网址不能既是跳转又是"
        "通报页面，请删去这一项，或为其中一份通报另写 slug",
        "notices/2024/a.yml:30:44: error: 旧网址名称“old-name”在 previous_slugs 中重复：请删去一处",
        "notices/2024/b.yml:30:18: error: 旧网址名称“old-name”也写在 notices/2024/a.yml 的 previous_slugs 中："
        "一个旧网址只能跳转到一份通报，请删去其中一处",
        FAILED.format(4),
    ])


def test_the_base_is_read_with_one_git_archive(repo, capsys, monkeypatch):
    for name in ("a", "b", "c"):
        write(repo, f"2024/{name}.yml", GOOD.replace("某专项", f"某专项{name}"))
        write(repo, f"2024/{name}.md", "正文。")
    publish(repo)
    calls = []
    popen = subprocess.Popen

    def counting(args, *rest, **options):
        calls.append(list(args))
        return popen(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", counting)
    assert check_base(capsys) == passed(3)
    # No git call per notice: one to resolve the base, one for the whole notices folder.
    assert [(call[0], next(a for a in call[1:] if not a.startswith("-"))) for call in calls] == [
        ("git", "rev-parse"), ("git", "archive")]


def test_no_notices_at_the_base_is_nothing_published(repo, capsys):
    publish(repo)
    write(repo, "2024/x.yml", GOOD)
    assert check_base(capsys) == passed()


def test_a_base_git_cannot_read_is_reported(repo, capsys):
    write(repo, "2024/x.yml", GOOD)
    publish(repo)
    blob = git(repo, "rev-parse", "HEAD:notices/2024/x.yml").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    assert check_base(capsys) == (1, [
        "HEAD: error: 无法读取 git 版本“HEAD”中的通报（notices）：仓库可能不完整，请先 git fetch 再检查",
        FAILED.format(1),
    ])


def test_a_site_in_a_subfolder_of_the_repository(project, capsys, monkeypatch):
    site = project / "site"
    site.mkdir()
    for name in ("mkdocs.yml", "content", "theme_overrides", "notices"):
        shutil.move(project / name, site / name)
    git(project, "init", "-q")
    write(site, "2024/x.yml", GOOD + "slug: old-name\n")
    publish(project)
    monkeypatch.chdir(project)
    write(site, "2024/x.yml", GOOD + "slug: new-name\n" + NOTE)
    assert check_base(capsys, "--config", "site/mkdocs.yml") == (
        1, [f"notices/2024/x.yml:29:7: error: {lost('old-name')}", FAILED.format(1)])
