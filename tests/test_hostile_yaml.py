"""Inputs the property-based test (test_never_a_traceback.py) found: each was a traceback or an English or
unlocated message; now each gets its exact located Chinese message."""

from __future__ import annotations

import pytest

from conftest import GOOD, check, write
from generator.check.content import unsafe_html


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
    write(project, "x.yml",
          GOOD.replace("kind: 整改情况", "kind: 整改情况\t").replace("title: 问题一", "title: 问题一 \t"))
    assert check(project) == (0, ["检查通过：1 篇通报，0 个警告。"])


@pytest.mark.parametrize("content, expected", [
    ("%YAML 1.3\n---\n" + GOOD, "notices/x.yml:1:1: error: 不允许使用 YAML 指令（%YAML 1.3）：通报不需要这一行，"
                                "请删除"),  # was a traceback
    ("# 说明\n%YAML 1.1\n---\n" + GOOD, "notices/x.yml:2:1: error: 不允许使用 YAML 指令（%YAML 1.1）："
                                      "通报不需要这一行，请删除"),
    ("%TAG ! tag:example.com,2000:\r---\r" + GOOD.replace("\n", "\r"),
     "notices/x.yml:1:1: error: 不允许使用 YAML 指令（%TAG ! tag:example.com,2000:）：通报不需要这一行，请删除"),
])
def test_yaml_directives_are_refused(project, content, expected):
    assert first_line(project, content) == (1, expected)


@pytest.mark.parametrize("content, expected", [
    (GOOD.replace("问题一", "问题\x07一"),
     "notices/x.yml:19:14: error: 含有不可见的特殊字符 U+0007：YAML 文件里不能有这个字符，请删除它（常见于从网页、Word "
     "或 PDF 复制的文字）"),
    (GOOD.replace("\n", "\r\n") + "# \x00\r\n",
     "notices/x.yml:29:3: error: 含有不可见的特殊字符 U+0000：YAML 文件里不能有这个字符，请删除它（常见于从网页、Word "
     "或 PDF 复制的文字）"),
    (GOOD.replace("问题二", "问题二\ufffe"),
     "notices/x.yml:25:15: error: 含有不可见的特殊字符 U+FFFE：YAML 文件里不能有这个字符，请删除它（常见于从网页、Word "
     "或 PDF 复制的文字）"),
])
def test_control_characters_are_located(project, content, expected):
    assert first_line(project, content) == (1, expected)


@pytest.mark.parametrize("old, new, expected", [
    ("title: 问题一", "title: @问题一",
     "19:12: error: YAML 格式错误：“@”不能用在一项的开头（它在 YAML 里有特殊作用）：以它开头的文字请用引号括起来"),
    ("measures: [措施一。]", "measures: [措施一。]]", "22:21: error: YAML 格式错误：多了一个“]”：请检查括号是否成对"),
    ("title: 问题一", 'title: "C:\\问题一"',
     "19:16: error: YAML 格式错误：双引号里的“\\问”不是有效的转义：要写反斜杠“\\”本身请写成“\\\\”，或改用单引号"),
    ("title: 问题一", "title: |一\n      问题一",
     "19:13: error: YAML 格式错误：“|”或“>”（多行文字）后面应直接换行，文字从下一行开始并缩进：如果文字本身以“|”或“>”"
     "开头，请用引号括起来"),
    ("title: 问题二\n", "title: 问题二\n---\n",
     "26:1: error: YAML 格式错误：一个文件只能写一份通报：这里出现了第二个“---”（文档分隔线），请删除它，"
     "或把后面的内容移到另一个文件"),
    ("title: 问题一", "title: !问题一",
     "19:13: error: YAML 格式错误：“!”开头的写法是 YAML 标签，通报里不允许使用：以“!”开头的文字请用引号括起来"),
    ("...", "...", ""),
])
def test_yaml_syntax_errors_are_explained_in_chinese(project, old, new, expected):
    if old == "...":  # a document end marker with nothing before it
        assert first_line(project, "...\n") == (1, "notices/x.yml:1:1: error: YAML 格式错误：这里缺少一个值，"
                                                   "却遇到了文档结束标记“...”："
                                                 "请检查是否多写了逗号、冒号或括号；以这些符号开头的文字请用引号括起来")
        return
    assert old in GOOD
    assert first_line(project, GOOD.replace(old, new)) == (1, f"notices/x.yml:{expected}")


@pytest.mark.parametrize("content, expected", [
    # The round-trip parser reads these; the C loader, whose data is checked and published, does not.
    (GOOD + "? {a: 1}\n: x\n",
     "29:3: error: YAML 格式错误：项名（冒号前面的部分）不能是列表或“键: 值”：请写成一个英文项名，如 title"),
    (GOOD.replace("title: 问题一", 'title: "问题\\ud800一"'),
     "19:17: error: YAML 格式错误：双引号里的转义（\\u…）不是有效的字符：请直接写出文字"),
    (GOOD.replace("title: 问题一", "title: 问题\u2028一"),
     "19:14: error: 含有特殊的换行符 U+2028（常见于从网页复制的文字）：请删除它，或换成普通的换行"),
])
def test_what_only_the_round_trip_parser_reads_gets_the_c_loader_s_reason(project, content, expected):
    assert first_line(project, content) == (1, f"notices/x.yml:{expected}")


@pytest.mark.parametrize("old, new, expected", [
    ("published: 2024-12-24", "published: 2024-12-24T10:00:00+25:00",
     "5:12: error: 日期和时间“2024-12-24T10:00:00+25:00”不存在：通报里的日期只写年、月、日，写成 2024-12-24 的形式"),
    ("problems: 2", "problems: " + "9" * 5000,
     "12:13: error: 数字太长（5,000 位）：请核对这个值；如果是文字，请用引号括起来"),
    ("title: 问题一", 'title: "问题\\U00110000一"',  # beyond Unicode: ruamel's pure scanner raised ValueError
     "19:17: error: YAML 格式错误：双引号里的转义（\\u…）不是有效的字符：请直接写出文字"),
])
def test_values_yaml_cannot_make_are_located(project, old, new, expected):
    assert old in GOOD
    assert first_line(project, GOOD.replace(old, new)) == (1, f"notices/x.yml:{expected}")


@pytest.mark.parametrize("old, new, expected", [
    ("  problems: 2", "  problems: .nan", "12:13: error: figures → problems 应是数字（阿拉伯数字，不带单位），"
                                          "现在是“.nan”"),
    ("  problems: 2", "  funds_recovered: -.inf",
     "12:20: error: figures → funds_recovered 应是数字（阿拉伯数字，不带单位），现在是“-.inf”"),
    ("kind: 整改情况", "kind: true", "2:7: error: kind 的值“true”不在词表中，只能写：整改进展、整改情况、巡察公告、"
                                 "其他"),
    ("kind: 整改情况", "kind: |\n  整改\n  情况",  # one line, as the value starts
     "2:7: error: kind 的值“整改…”不在词表中，只能写：整改进展、整改情况、巡察公告、其他"),
])
def test_values_in_messages_are_written_as_in_yaml_on_one_line(project, old, new, expected):
    assert old in GOOD
    assert first_line(project, GOOD.replace(old, new)) == (1, f"notices/x.yml:{expected}")


@pytest.mark.parametrize("content, expected", [
    (GOOD + "1: x\n", "29:1: error: 项名“1”不对：冒号前面应是英文项名（如 title），不能是数字、日期、true/false、null "
                      "或列表"),
    (GOOD + "null: x\n", "29:1: error: 项名“null”不对：冒号前面应是英文项名（如 title），不能是数字、日期、true/false、"
                         "null 或列表"),
    (GOOD + "? [a, b]\n: x\n",
     "29:3: error: 项名“[a, b]”不对：冒号前面应是英文项名（如 title），不能是数字、日期、true/false、null 或列表"),
    (GOOD.replace("  problems: 2", "  problems: 2\n  2024-01-01: 3"),
     "13:3: error: figures 下的项名“2024-01-01”不对：冒号前面应是英文项名（如 title），不能是数字、日期、true/false、"
     "null 或列表"),
])
def test_keys_that_are_not_text_are_located(project, content, expected):
    assert first_line(project, content) == (1, f"notices/x.yml:{expected}")


def test_true_and_false_are_not_numbers(project):
    # pydantic took them for 1 and 0: `number: true` passed as problem 1
    write(project, "x.yml", GOOD.replace("  - number: 1\n    aspect: 1", "  - number: true\n    aspect: false"))
    code, lines = check(project)
    assert (code, lines[:2]) == (1, [
        "notices/x.yml:17:13: error: problems → 第 1 项 → number 应是数字（阿拉伯数字，不带单位），现在是“true”",
        "notices/x.yml:18:13: error: problems → 第 1 项 → aspect 应是数字（阿拉伯数字，不带单位），现在是“false”",
    ])


def test_invalid_utf8_is_not_taken_for_utf16(project):
    # an encoded surrogate (\xed\xa0\x80) in UTF-8 text: almost any even number of bytes decodes as UTF-16
    assert first_line(project, GOOD.encode("utf-8") + b"x: \xed\xa0\x80\n") == (
        1, "notices/x.yml:29:4: error: 文件不是 UTF-8 编码，编码无法识别：请另存为“UTF-8（无 BOM）”")


def test_html_the_old_parser_failed_on(project):
    # "<![" without a keyword: html.parser raised AssertionError (a traceback); an unclosed comment hid the
    # <script> after it, which Python-Markdown leaves live (it writes the "<!--" as text)
    write(project, "x.yml", GOOD)
    write(project, "x.md", "正文<![ 没有关键字]>\n\n<!-- 没有闭合\n\n<script>alert(1)</script>\n")
    code, lines = check(project)
    assert code == 1 and ("notices/x.md:5:1: error: 不允许的 HTML 标签 <script>：通报中不能嵌入脚本、框架、表单或样式，"
                          "请删除") in lines
    assert lines[0] == ("notices/x.md:1:3: error: 正文中不能写 HTML 注释（“<![ 没有关键字]…”）：读者看不到注释，"
                        "注释常被用来藏匿内容；请删除")


def test_unclosed_tags_take_linear_time():
    # html.parser needed about a minute for 40 KB of "<a\n" and grew with the square of the length
    assert unsafe_html("<a b" * 250_000) == []
    assert unsafe_html("<a\n" * 300_000 + "<a onclick=x>") == [  # one tag: each "<a" is an attribute name
        (0, "不允许的 HTML 属性 onclick（事件处理程序，可运行脚本）：请删除")]


def test_a_duplicate_key_is_quoted_on_one_line(project):
    assert first_line(project, GOOD + '"a\\r\\rb": 1\n"a\\r\\rb": 2\n') == (
        1, "notices/x.yml:30:1: error: 重复的项“a…”：同一层里只能写一次（所在的块从第 1 行开始），"
           "请删除或合并重复的一行")
