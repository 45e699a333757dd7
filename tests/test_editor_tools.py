"""Editor tooling: `notices new` scaffolds a notice; `notices check --base` demands a revision note
when a published notice changes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from conftest import BUILD_ENV, GOOD, check, notices, write


def run(project, *args):
    code, lines, errors = notices(project, *args)
    assert "Traceback" not in errors, errors
    return code, lines


def test_new_scaffolds_a_notice_that_tells_the_editor_what_to_fill(project):
    code, lines = run(project, "new", "某区委关于某专项巡察整改情况的通报")
    assert code == 0
    created = next((project / "notices").rglob("*.yml"))
    assert created.name == "mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao.yml"
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/notice.schema.json\n")
    assert "# 整改状态，只能写状态词表中的值\n    status: \"正在整改\"" in text
    code, lines = check(project)
    shown = f"notices/{created.parent.name}/{created.name}"
    assert code == 1
    # Exactly what the editor has to fill: no optional block (withdrawn:) left open to trip the check.
    assert lines == [
        f"{shown}:11:12: error: publisher 必须填写，不能为空（发布机构）",
        f"{shown}:13:9: error: region 必须填写，不能为空（地区，如：安徽省安庆市大观区）",
        f"{shown}:25:9: error: inspection → team 必须填写，不能为空（巡察组名称，如：市委第十一专项巡察组）",
        "检查未通过：3 个错误，0 个警告。请按上面的提示修改后再提交。",
    ]
    assert "\n# withdrawn:\n" in text
    # The narrative beside it holds the line placing the problem list; alone, it shows as no narrative.
    assert created.with_suffix(".md").read_text(encoding="utf-8") == "【问题清单】\n"
    assert run(project, "new", "某区委关于某专项巡察整改情况的通报")[0] == 1



def test_new_keeps_a_title_with_quotes_colons_and_backslashes_as_written(project):
    # The scaffold writes its values with the importer's YAML writer: a title is one quoted string.
    title = '关于“城市绿化”"工程": 第#1\\号专项巡察整改情况的通报'
    assert run(project, "new", title)[0] == 0
    created = next((project / "notices").rglob("*.yml"))
    from ruamel.yaml import YAML
    assert YAML(typ="safe").load(created.read_text(encoding="utf-8"))["title"] == title
    code, lines = check(project)
    assert not any("title" in line for line in lines), lines


def git(project, *args):
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                   env={**BUILD_ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def test_changing_a_published_notice_needs_a_revision_note(project):
    write(project, "2024/x.yml", GOOD)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "publish")
    write(project, "2024/x.yml", GOOD.replace("title: 问题二", "title: 问题二（更正）"))
    code, lines = run(project, "check", "--base", "HEAD")
    assert code == 1
    assert lines[0] == ("notices/2024/x.yml:1:1: error: 这份通报已经发布（HEAD 上已有），修改后必须在 revisions "
                        "中增加一条更正记录，"
                        "写明日期和更正内容，如：revisions: [{date: 2025-01-10, change: 更正第 3 个问题的责任单位}]")
    write(project, "2024/x.yml", GOOD.replace("title: 问题二", "title: 问题二（更正）")
          + "revisions:\n  - date: 2025-01-10\n    change: 更正第 2 个问题的标题\n")
    assert run(project, "check", "--base", "HEAD") == (0, ["检查通过：1 篇通报，0 个警告。"])
    git(project, "add", "-A")
    git(project, "commit", "-qm", "correct")
    write(project, "2024/x.md", "正文改了。")
    code, lines = run(project, "check", "--base", "HEAD")
    assert code == 1 and lines[0].startswith("notices/2024/x.yml:30:3: error: 这份通报已经发布（HEAD 上已有），"
                                             "修改后必须")
    (project / "notices" / "2024" / "x.md").unlink()
    (project / "notices" / "2024" / "x.yml").unlink()
    assert run(project, "check", "--base", "HEAD") == (1, [
        "notices/2024/x.yml: error: 这份通报已经发布（HEAD 上已有），不能删除：撤回请保留文件并写 "
        "withdrawn（日期和原因）",
        "检查未通过：1 个错误，0 个警告。请按上面的提示修改后再提交。",
    ])
    assert run(project, "check", "--base", "no-such-branch")[1][0] == (
        "no-such-branch: error: 无法读取 git 版本“no-such-branch”：请先 git fetch，或检查 --base 的写法")


def test_github_actions_annotations(project):
    write(project, "x.yml", GOOD.replace("kind: 整改情况", "kind: 整改进"))
    result = subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=project, capture_output=True,
                            text=True, env={**BUILD_ENV, "GITHUB_ACTIONS": "true"})
    assert ("::error file=notices/x.yml,line=2,col=7::kind 的值“整改进”不在词表中，只能写：整改进展、整改情况、"
            "巡察公告、其他") in result.stdout.splitlines()


def test_new_needs_a_title_and_a_notices_folder(project):
    assert run(project, "new", "  ") == (1, ['error: 通报标题不能为空：notices new "通报标题"'])
    (project / "afile").write_text("x", encoding="utf-8")
    assert run(project, "new", "某区委关于某专项巡察整改情况的通报", "--notices", "afile") == (
        1, ["afile: error: 这不是文件夹：--notices 应是通报文件夹"])


def test_schema_output_that_is_a_folder_is_refused(project):
    for args in (["schema", "--output", "content"], ["schema", "--check", "--output", "content"]):
        assert run(project, *args) == (1, ["content: error: 这是一个文件夹：--output 应是 Schema 文件的路径，如 "
                                           "schema/notice.schema.json"])


def test_a_config_that_is_a_folder_or_has_a_bad_extra_is_reported(project):
    assert run(project, "check", "--config", "content") == (
        1, ["content: error: 这是一个文件夹，不是网站配置文件：--config 应指向 mkdocs.yml"])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = text[:text.index("\nextra:\n")].count("\n") + 2
    # extra: becomes a plain value (its old entries move under another key).
    config.write_text(text.replace("\nextra:\n", "\nextra: 备案信息\nextra_old:\n", 1), encoding="utf-8")
    assert run(project, "check") == (
        1, [f"mkdocs.yml:{line}:8: error: extra 下面应是若干“键: 值”（filing: 备案信息、contact: 联系方式等）"])


def test_new_takes_its_example_status_from_the_flag_in_the_statuses_file(project, monkeypatch):
    from generator.model import scaffold, vocabulary

    original = vocabulary._load

    def load(name):  # a test copy of statuses.yml whose example is another status, moved to the end
        entries = original(name)
        if name != "statuses.yml":
            return entries
        flagged = [{**e, "scaffold_example": False} for e in entries]
        flagged[0]["scaffold_example"] = True
        return flagged[1:] + flagged[:1]

    monkeypatch.setattr(vocabulary, "_load", load)
    vocabulary.statuses.cache_clear()
    try:
        example = vocabulary.scaffold_example(vocabulary.statuses()).value
        assert example == original("statuses.yml")[0]["value"]
        assert f'status: "{example}"' in scaffold.scaffold("某区委关于某专项巡察整改情况的通报", dt.date(2024, 1, 1))
    finally:
        monkeypatch.undo()
        vocabulary.statuses.cache_clear()
