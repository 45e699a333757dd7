"""Only data: YAML tags, anchors, aliases and merge keys are refused, nesting is bounded, dates are dates."""

import pytest

from conftest import GOOD, check, write


@pytest.mark.parametrize("content, expected", [
    (GOOD.replace("title: 问题一", "title: !!binary 5bm/5ZGK"),  # would decode to text after the checks
     "notices/x.yml:19:12: error: 不允许使用 YAML 标签（!!binary）：标签会把文字变成别的内容；请直接写文字、"
     "数字或日期"),
    (GOOD.replace("title: 问题一", "title: !custom 问题一"),
     "notices/x.yml:19:12: error: 不允许使用 YAML 标签（!custom）：标签会把文字变成别的内容；请直接写文字、数字或日期"),
    (GOOD.replace("region: 某省某市某区", "region: &r 某省某市某区"),
     "notices/x.yml:4:9: error: 不允许使用 YAML 锚点（&r）：请把内容直接写出来"),
    (GOOD.replace("inspection:\n", "inspection:\n  <<: {team: 别处的巡察组}\n"),
     "notices/x.yml:7:3: error: 不允许使用 YAML 合并键（<<）：请把各项直接写出来"),
    (GOOD.replace("title: 问题一", "title: " + "[" * 300 + "]" * 300),
     "notices/x.yml:19:21: error: 嵌套层次太深（超过 12 层）：通报最多只有“问题 → 措施”几层，请检查缩进和括号"),
    (GOOD.replace("published: 2024-12-24", "published: 0"),  # not a Unix timestamp
     "notices/x.yml:5:12: error: published 应是日期，写成 2024-12-24 的形式，现在是“0”"),
    (GOOD.replace("published: 2024-12-24", "published: 2024-12-24 10:00:00"),
     "notices/x.yml:5:12: error: published 应是日期，写成 2024-12-24 的形式，现在是“2024-12-24 10:00:00”"),
    (GOOD.replace("published: 2024-12-24", "published: 0024-12-24"),
     "notices/x.yml:5:12: error: published 的年份 24 不对：日期应在 1949 年到 2100 年之间，请核对，写成 2024-12-24 "
     "的形式"),
])
def test_what_is_not_data_is_refused(project, content, expected):
    write(project, "x.yml", content)
    code, lines = check(project)
    assert code == 1
    assert lines[0] == expected
