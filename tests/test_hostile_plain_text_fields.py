"""Markup-looking text in a plain-text field (title, publisher, units, measures …) is an error: an editor
never needs HTML there, and the published text must be exactly what was written."""

import pytest

from conftest import GOOD, check, write

PLAIN = "：标题、单位、措施等都按文字发布；表示大小请写“小于”“大于”，书名请用《》"


@pytest.mark.parametrize("old, new, expected", [
    ("title: 某区委关于某专项巡察整改情况的通报", "title: 通报</title><img src=x onerror=alert(1)>",
     ["notices/x.yml:1:10: error: 纯文字项里不能写 HTML（“</title…”）" + PLAIN,
      "notices/x.yml:1:18: error: 纯文字项里不能写 HTML（“<img src=x o…”）" + PLAIN]),
    ("publisher: 某区委", "publisher: 某区委<img src=x onerror=alert(1)",  # an unclosed tag
     ["notices/x.yml:3:15: error: 纯文字项里不能写 HTML（“<img src=x o…”）" + PLAIN]),
    ("region: 某省某市某区", "region: 某省<!-- x -->某区",  # a comment trick
     ["notices/x.yml:4:11: error: 纯文字项里不能写 HTML（“<!-- x --…”）" + PLAIN]),
    ("measures: [措施一。]", 'measures: ["措施<svg/onload=alert(1)>一。"]',
     ["notices/x.yml:22:19: error: 纯文字项里不能写 HTML（“<svg/onload=…”）" + PLAIN]),
])
def test_markup_in_a_plain_text_field_is_an_error(project, old, new, expected):
    assert old in GOOD
    write(project, "x.yml", GOOD.replace(old, new))
    code, lines = check(project)
    assert code == 1
    assert lines[:-1] == expected


def test_ampersands_quotes_and_a_lone_less_than_are_text(project):
    write(project, "x.yml", GOOD.replace("title: 问题一", """title: '“A&B” 与 "C" 及 D''s 完成率<5% &amp; 其他'"""))
    assert check(project) == (0, ["检查通过：1 篇通报，0 个警告。"])
