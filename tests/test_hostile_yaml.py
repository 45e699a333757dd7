"""Inputs the property-based test (test_never_a_traceback.py) found: each was a traceback or an English or
unlocated message; now each gets its exact located Chinese message."""

from __future__ import annotations

import pytest

from conftest import GOOD, check, write


def first_line(project, content: str | bytes) -> tuple[int, str]:
    write(project, "x.yml", content.encode("utf-8") if isinstance(content, str) else content)  # bytes: no dedent
    code, lines = check(project)
    return code, lines[0]


@pytest.mark.parametrize("content, expected", [
    # The round-trip parser (line numbers) refuses a tab after a value that the C loader reads.
    (GOOD.replace("kind: 整改情况", "kind: 坏\t"),
     "notices/x.yml:2:7: error: kind 的值“坏”不在词表中，只能写：整改进展、整改情况、巡察公告、其他"),
    # … and a folded scalar with a blank first line, which libyaml reads: the message names the whole file.
    (GOOD.replace("kind: 整改情况", "kind: 坏").replace("publisher: 某区委", "publisher: >\n \n  某区委"),
     "notices/x.yml: error: kind 的值“坏”不在词表中，只能写：整改进展、整改情况、巡察公告、其他"),
])
def test_what_only_the_c_loader_reads_is_still_located(project, content, expected):
    assert first_line(project, content) == (1, expected)


def test_a_tab_after_a_value_is_fine(project):
    write(project, "x.yml", GOOD.replace("kind: 整改情况", "kind: 整改情况\t").replace("title: 问题一", "title: 问题一 \t"))
    assert check(project) == (0, ["检查通过：1 篇通报，0 个警告。"])


@pytest.mark.parametrize("content, expected", [
    ("%YAML 1.3\n---\n" + GOOD, "notices/x.yml:1:1: error: 不允许使用 YAML 指令（%YAML 1.3）：通报不需要这一行，请删除"),  # was a traceback
    ("# 说明\n%YAML 1.1\n---\n" + GOOD, "notices/x.yml:2:1: error: 不允许使用 YAML 指令（%YAML 1.1）：通报不需要这一行，请删除"),
    ("%TAG ! tag:example.com,2000:\r---\r" + GOOD.replace("\n", "\r"),
     "notices/x.yml:1:1: error: 不允许使用 YAML 指令（%TAG ! tag:example.com,2000:）：通报不需要这一行，请删除"),
])
def test_yaml_directives_are_refused(project, content, expected):
    assert first_line(project, content) == (1, expected)


@pytest.mark.parametrize("content, expected", [
    (GOOD.replace("问题一", "问题\x07一"),
     "notices/x.yml:19:14: error: 含有不可见的特殊字符 U+0007：YAML 文件里不能有这个字符，请删除它（常见于从网页、Word 或 PDF 复制的文字）"),
    (GOOD.replace("\n", "\r\n") + "# \x00\r\n",
     "notices/x.yml:29:3: error: 含有不可见的特殊字符 U+0000：YAML 文件里不能有这个字符，请删除它（常见于从网页、Word 或 PDF 复制的文字）"),
    (GOOD.replace("问题二", "问题二\ufffe"),
     "notices/x.yml:25:15: error: 含有不可见的特殊字符 U+FFFE：YAML 文件里不能有这个字符，请删除它（常见于从网页、Word 或 PDF 复制的文字）"),
])
def test_control_characters_are_located(project, content, expected):
    assert first_line(project, content) == (1, expected)
