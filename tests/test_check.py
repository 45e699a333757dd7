"""`notices check` and the build on bad input: every problem reported with file:line:col, in Chinese,
exit status 1, and nothing published."""

from __future__ import annotations

import pytest

from conftest import GOOD, check, config_line, mkdocs_build, write


def test_a_good_notice_passes(project):
    write(project, "2024/good.yml", GOOD)
    assert check(project) == (0, ["检查通过：1 篇通报，0 个警告。"])


def test_all_problems_of_all_files_in_one_run(project):
    write(project, "a.yml", GOOD.replace("kind: 整改情况", "kind: 整改进"))
    write(project, "b.yml", GOOD.replace("title: 某区委", "titel: 某区委"))
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "notices/a.yml:2:7: error: kind 的值“整改进”不在词表中，只能写：整改进展、整改情况、巡察公告、其他",
        "notices/b.yml:1:1: error: 未知的项“titel”：是不是要写 `title`？",
        "notices/b.yml:1:1: error: 缺少必填项 title（通报标题，与原文一致）",
        "检查未通过：3 个错误，0 个警告。请按上面的提示修改后再提交。",
    ]


@pytest.mark.parametrize("content, expected", [
    (GOOD.replace("published: 2024-12-24", "published: 2024-02-30"),
     "notices/x.yml:5:12: error: 日期“2024-02-30”不存在：请核对年、月、日（写成 2024-12-24 的形式）"),
    (GOOD.replace("published: 2024-12-24", "published: 2024年12月24日"),
     "notices/x.yml:5:12: error: published 应是日期，写成 2024-12-24 的形式，现在是“2024年12月24日”"),
    (GOOD.replace("  team: 市委第一巡察组", "\tteam: 市委第一巡察组"),
     "notices/x.yml:7:1: error: 缩进里有制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成两个空格"),
    (GOOD + "title: 又一个标题\n",
     "notices/x.yml:29:1: error: 重复的项“title”：同一层里只能写一次（所在的块从第 1 行开始），请删除或合并重复的一行"),
    (GOOD.replace("publisher: 某区委", "publisher: \"\""),
     "notices/x.yml:3:12: error: publisher 必须填写，不能为空（发布机构）"),
    (GOOD.replace("  problems: 2", "  problems: 两个"),
     "notices/x.yml:12:13: error: figures → problems 应是数字（阿拉伯数字，不带单位），现在是“两个”"),
    (GOOD.replace("title: 问题一", "title: 问题一\n    statuss: 已完成"),
     "notices/x.yml:20:5: error: problems → 第 1 项 下未知的项“statuss”：是不是要写 `status`？"),
    (GOOD.replace("measures: [措施一。]", "measures: 措施一。"),
     "notices/x.yml:22:15: error: problems → 第 1 项 → measures 应是列表：每一项另起一行，以“- ”开头（整改措施，"
     "按原文顺序逐条列出（原文的“一是”“二是”不必写，页面自动加上））"),
    ("a: &x [1]\nb: *x\n", "notices/x.yml:2:4: error: 不允许使用 YAML 别名（*名称）：请把内容直接写出来"),
    ("title: [unclosed\n", "notices/x.yml:2:1: error: YAML 格式错误：方括号 [ ] 没有闭合：请检查是否缺少“]”或逗号"),
    ("", "notices/x.yml:1:1: error: 文件是空的：请参照 notices new 生成的模板填写"),
    ("- 一\n- 二\n", "notices/x.yml:1:1: error: 文件的最外层应是若干“键: 值”（如 title: 通报标题）"),
])
def test_yaml_and_field_errors_are_located(project, content, expected):
    write(project, "x.yml", content)
    code, lines = check(project)
    assert code == 1
    assert lines[0] == expected


def test_encoding_errors_name_the_likely_encoding(project):
    write(project, "gbk.yml", "title: 测试\n".encode("gbk"))
    write(project, "bom.yml", b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    code, lines = check(project)
    assert code == 1
    assert lines[:2] == [
        "notices/bom.yml:1:1: error: 文件开头有 BOM（字节顺序标记）：请在编辑器中另存为“UTF-8（无 BOM）”",
        "notices/gbk.yml:1:8: error: 文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（Windows 记事本、WPS 常用）："
        "请另存为“UTF-8（无 BOM）”",
    ]


def test_files_that_would_be_skipped_are_errors(project):
    write(project, "good.yml", GOOD)
    write(project, "other.yaml", GOOD)
    write(project, "orphan.md", "正文")
    write(project, "notes.txt", "备忘")
    code, lines = check(project)
    assert code == 1
    assert lines[:3] == [
        "notices/notes.txt: error: 通报目录里只能放 .yml（通报）和同名的 .md（正文）文件：这个文件不会被发布，"
        "请改名或移出 notices/",
        "notices/orphan.md: error: 正文文件没有同名的通报文件：应有 orphan.yml，否则这段正文不会发布",
        "notices/other.yaml: error: 通报文件的扩展名应为 .yml：这个文件不会被发布，请改名或移出 notices/",
    ]


def test_oversized_file_is_refused(project):
    write(project, "big.yml", "title: " + "很" * 400_000 + "\n")
    code, lines = check(project)
    assert lines[0] == ("notices/big.yml: error: 文件过大（1,200,008 字节，上限 1,000,000 字节）：一份通报不会这么大，"
                        "请检查是否误放了其他文件")


@pytest.mark.parametrize("old, new, expected", [
    ("  end: 2024-04-30", "  end: 2024-02-01",
     "notices/x.yml:9:8: error: 巡察结束日期（2024-02-01）早于巡察开始日期（2024-03-01）：顺序应为 巡察开始 ≤ 巡察结束 "
     "≤ 反馈 ≤ 发布"),
    ("published: 2024-12-24", "published: 2024-05-01",
     "notices/x.yml:5:12: error: 发布日期（2024-05-01）早于反馈日期（2024-06-01）：顺序应为 巡察开始 ≤ 巡察结束 ≤ 反馈 "
     "≤ 发布"),
    ("    completed: 2024-10-01", "    completed: 2024-01-01",
     "notices/x.yml:21:16: error: 问题 1 的完成日期（2024-01-01）早于反馈日期（2024-06-01）"),
    ("    due: 2099-12-31\n", "",
     "notices/x.yml:26:13: error: 问题 2 尚未完成（正在整改），必须写整改时限 due，如 due: 2025-06-30"),
    ("  - number: 2\n", "  - number: 3\n",
     "notices/x.yml:23:13: error: 问题序号应按顺序连续编号：这里应是 2，写的是 3"),
    ("  - number: 2\n", "  - number: 1\n",
     "notices/x.yml:23:13: error: 问题序号 1 重复（第 1 个问题已用过）"),
    ("    aspect: 1\n    title: 问题二", "    aspect: 2\n    title: 问题二",
     "notices/x.yml:24:13: error: 问题 2 所属方面 2 不存在：aspects 中只有 1"),
    ("  - number: 1\n    title: 某方面", "  - number: 2\n    title: 某方面",
     "notices/x.yml:14:13: error: 方面序号应从 1 开始按顺序连续编号：这里应是 1，写的是 2"),
    ("  problems: 2", "  problems: 28",
     "notices/x.yml:12:13: error: 通报称有 28 个问题，problems 中列了 2 个：请补齐或核对数字"),
    ("  problems: 2", "  problems: 2\n  aspects: 3",
     "notices/x.yml:13:12: error: 通报称有 3 个方面，aspects 中列了 1 个"),
    ("  problems: 2", "  problems: 2\n  problems_done: 2",
     "notices/x.yml:13:18: error: 通报称已完成整改 2 个问题，状态为“已完成”的问题有 1 个"),
    ("    due: 2099-12-31", "    due: 2099-12-31\n    completed: 2024-10-01",
     "notices/x.yml:28:16: error: 问题 2 写了完成日期，但状态是“正在整改”：已完成的请把 status 改为 已完成"),
    ("    status: 正在整改", "    status: 整改中",
     "notices/x.yml:26:13: error: problems → 第 2 项 → status 的值“整改中”不在词表中，只能写：已完成、基本完成、"
     "正在整改、未完成、长期坚持、未载明"),
    ("    aspect: 1\n    title: 问题二", "    aspect: 1\n    title: 加强组织领导，压实整改责任",
     "notices/x.yml:25:12: warning: 问题 2 的标题“加强组织领导，压实整改责任”像整改工作的组织措施"
     "（如 提高政治站位、加强组织领导），不像巡察发现的问题：请核对它是否确是问题清单中的问题"),
    ("    due: 2099-12-31", "    due: 2024-07-01",
     "notices/x.yml:27:10: warning: 问题 2 的整改时限（2024年7月1日）早于通报发布日期（2024年12月24日），"
     "发布时却仍未完成："
     "请核实状态或在正文说明"),
])
def test_consistency_checks(project, old, new, expected):
    assert old in GOOD
    write(project, "x.yml", GOOD.replace(old, new))
    code, lines = check(project)
    assert lines[0] == expected
    assert code == (0 if ": warning: " in expected else 1)


def test_slug_and_title_must_be_unique(project):
    write(project, "a.yml", GOOD)
    write(project, "b.yml", GOOD)
    code, lines = check(project)
    assert code == 1
    slug = "mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao"
    assert lines[:2] == [
        "notices/b.yml:1:8: error: 标题与 notices/a.yml 完全相同：同一通报不要重复提交；如确是两份通报，请核对标题",
        f"notices/b.yml:1:8: error: 网址名称（slug）“{slug}”与 notices/a.yml 重复：请在其中一份通报里写一个不同的 slug",
    ]


@pytest.mark.parametrize("old, new, expected", [
    ("icp: 皖ICP备17015173号-1", "icp: 皖ICP备1701517号-1",
     "mkdocs.yml:{line}:10: error: extra → filing → icp：ICP 备案号格式应为：省份简称 + ICP备 + 8 位数字 + 号（可带 -1 "
     "之类的网站序号），如 皖ICP备17015173号-1"),
    ("police_record: 皖公网安备 34080202000367号", "police_record: 皖公网安备 3408020200036号",
     "mkdocs.yml:{line}:20: error: extra → filing → police_record：公网安备号格式应为：省份简称 + 公网安备 + "
     "14 位数字 + 号，如 皖公网安备 34080202000367号"),
    ("police_record: 皖公网安备 34080202000367号", "police_record: 皖公网安备 42010602000367号",
     "mkdocs.yml:{line}:20: error: extra → filing → police_record：备案号省份不一致：公网安备号前两位 42 是湖北省"
     "（鄂），但公网安备号是“皖”、ICP 备案号是“皖”"),
])
def test_filing_numbers_in_the_footer_are_checked(project, old, new, expected):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    line = config_line(project, old)
    (project / "mkdocs.yml").write_text(config.replace(old, new), encoding="utf-8")
    write(project, "good.yml", GOOD)
    code, lines = check(project)
    assert (code, lines[0]) == (1, expected.format(line=line))


def test_build_fails_on_a_bad_notice_and_publishes_nothing(project, tmp_path):
    write(project, "good.yml", GOOD)
    write(project, "bad.yml", GOOD.replace("title: 某区委", "title: 另一区委").replace("kind: 整改情况", "kind: 坏"))
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "通报检查未通过，网站没有生成" in result.stderr
    assert "notices/bad.yml:2:7: error: kind 的值“坏”不在词表中" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def test_missing_site_config_is_reported(tmp_path):
    code, lines = check(tmp_path)
    assert (code, lines) == (1, ["mkdocs.yml: error: 找不到网站配置文件：请在项目根目录运行，或用 --config 指定"])


def test_unknown_placeholder_in_a_content_page_fails_the_build(project, tmp_path):
    write(project, "good.yml", GOOD)
    (project / "content" / "about.md").write_text("# 关于\n\n<!-- notices:latest -->\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 1
    message = "ERROR   -  content/about.md: 未知的占位符 <!-- notices:latest -->，可用：home、statuses"
    assert message in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_a_content_page_may_not_take_a_generated_page_s_place(project, tmp_path):
    write(project, "good.yml", GOOD)
    (project / "content" / "archive").mkdir()
    (project / "content" / "archive" / "index.md").write_text("# 归档\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 1
    assert "ERROR   -  content/archive/index.md 与自动生成的页面同名：请改名" in result.stderr.splitlines()


def test_problem_title_that_names_a_fault_is_not_an_organisational_heading(project):
    write(project, "x.yml", GOOD.replace("    title: 问题二", "    title: 加强党的建设不够有力"))
    code, lines = check(project)
    assert code == 0
    assert not [line for line in lines if "组织措施" in line]


def test_the_problem_list_marker_is_written_once_alone_in_a_notice_with_problems(project):
    write(project, "2024/good.yml", GOOD)
    write(project, "2024/good.md",
          "### 一、组织领导\n\n正文。\n【问题清单】\n\n### 三、下一步\n\n【问题清单】\n\n- 【问题清单】\n")
    write(project, "2024/none.yml", GOOD.replace("title: 某区委", "title: 另一区委").split("aspects:")[0])
    write(project, "2024/none.md", "正文。\n\n【问题清单】\n")
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "notices/2024/good.md:8:1: error: 【问题清单】写了两次（第一次在第 4 行）："
        "问题清单只能排在一个位置，请删去多余的一行",
        "notices/2024/good.md:10:3: error: 【问题清单】须单独写一行（这一行不能有其他文字，行首不要缩进或写“-”“>”）："
        "问题清单排在这一行的位置",
        "notices/2024/none.md:3:1: warning: 正文写了【问题清单】，但 .yml 中没有问题（problems）："
        "请在 .yml 中填写问题，或删去这一行",
        "检查未通过：2 个错误，1 个警告。请按上面的提示修改后再提交。",
    ]
