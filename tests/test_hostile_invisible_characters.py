"""Bidi overrides, control characters and zero-width characters are errors with their position, in any
text: a notice's fields, its narrative, a content page, the site's settings."""

from conftest import GOOD, check, write


def test_bidi_override_in_a_field(project):
    write(project, "x.yml", GOOD.replace("title: 问题一", "title: 问题\u202e一"))
    assert check(project)[1][0] == ("notices/x.yml:19:14: error: 1个不可见字符 U+202E（从右至左覆盖）："
                                    "会让浏览器改变文字的显示顺序，读者看到的与审核的不同，请删除")


def test_control_character_in_a_quoted_field(project):
    write(project, "x.yml", GOOD.replace("title: 问题一", 'title: "问题\\x07一"'))
    assert check(project)[1][0] == ("notices/x.yml:19:15: error: 1个不可见字符 U+0007（控制字符）：是控制字符，"
                                    "不属于通报文字，请删除")


def test_zero_width_characters_in_the_narrative(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", "第一段。\n\n整改\u200b\u200d落实。\n")
    assert check(project)[1][0] == ("notices/x.md:3:3: error: 2个不可见字符 U+200B（零宽空格）、U+200D（零宽连字）："
                                    "常用于隐藏或拆散植入的广告文字，请删除")


def test_bidi_isolate_in_a_content_page(project):
    (project / "content" / "about.md").write_text("# 关于\n\n本站\u2067说明。\n", encoding="utf-8")
    write(project, "x.yml", GOOD)
    assert check(project)[1][0] == ("content/about.md:3:3: error: 1个不可见字符 U+2067（从右至左隔离）："
                                    "会让浏览器改变文字的显示顺序，读者看到的与审核的不同，请删除")
