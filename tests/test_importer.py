"""``notices import``: real seeds, notices in other numbering styles, a saved page, hostile input."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.check.spam import find_spam
from generator.importing import gazetteer
from generator.importing.importer import PLACEHOLDER, ImportFailed, format_report, import_notice, write_draft
from generator.model import vocabulary
from generator.model.notice import Notice
from generator.read.notices import load_notice_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # copies of shared/seeds: these tests never skip
FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED_001 = SEEDS / "001_bef52ce6328c5e71.txt"
SEED_000 = SEEDS / "000_eb92022e2d7c0fef.txt"
SPAM = ("shadowrocket", "节点都没有了", "共享账号")

@pytest.fixture(scope="module")
def seed_001():
    return import_notice(SEED_001)


@pytest.fixture(scope="module")
def seed_000():
    return import_notice(SEED_000)


def problem(result, number: int) -> dict:
    return result.notice["problems"][number - 1]


def written_text(result, tmp_path: Path) -> str:
    yml, md = write_draft(result, tmp_path)
    return yml.read_text(encoding="utf-8") + md.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# seed 001: the 大观区 progress report, with its web page around it

class TestSeed001:
    def test_metadata(self, seed_001):
        notice = seed_001.notice
        assert notice["title"] == "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报"
        assert notice["kind"] == "整改进展"
        assert notice["publisher"] == "中共大观区委"
        assert notice["published"] == dt.date(2024, 12, 24)
        assert notice["source"] == "原创"
        assert notice["domain"] == "城市绿化工程"
        assert seed_001.page_metadata["作者"] == "管理员"

    def test_inspection(self, seed_001):
        assert seed_001.notice["inspection"] == {
            "team": "市委第十一专项巡察组",
            "start": dt.date(2023, 7, 11),
            "end": dt.date(2023, 9, 15),
            "feedback": dt.date(2023, 11, 23),
        }

    def test_declared_figures(self, seed_001):
        figures = seed_001.notice["figures"]
        assert (figures["problems"], figures["causes"], figures["measures"]) == (28, 73, 133)
        assert figures["systems"] == 16 and figures["meetings"] == 16
        assert {"label": "专题民主生活会", "value": "1次"} in figures["other"]

    def test_aspects(self, seed_001):
        aspects = seed_001.notice["aspects"]
        assert [a["number"] for a in aspects] == [1, 2, 3]
        assert aspects[1]["title"] == "城市绿化工程重点环节廉洁风险和作风方面"

    def test_problems_numbers_and_aspects(self, seed_001):
        problems = seed_001.notice["problems"]
        assert [p["number"] for p in problems] == list(range(1, 29))
        expected = [1] * 6 + [2] * 18 + [3] * 4
        assert [p["aspect"] for p in problems] == expected
        assert all(p["title"] and p["measures"] and p["status"] == "未载明" for p in problems)

    def test_problem_titles_and_measures(self, seed_001):
        first = problem(seed_001, 1)
        assert first["title"] == "强化理论学习"
        assert len(first["measures"]) == 4
        assert first["measures"][0].startswith("区重点工程处完善党组理论学习中心组学习计划")
        assert problem(seed_001, 2)["title"] == "加强依法办事意识"
        assert problem(seed_001, 27)["title"] == "规范开展组织生活会"
        assert sum(len(p["measures"]) for p in seed_001.notice["problems"]) == 116

    def test_measures_continue_into_next_paragraph(self, seed_001):
        eight, nine = problem(seed_001, 8), problem(seed_001, 9)
        assert len(eight["measures"]) == 5
        assert eight["measures"][3].startswith("区政府办印发《大观区关于开展城市绿化工程领域“回头看”工作方案》")
        assert len(nine["measures"]) == 4
        assert nine["measures"][1] == "开展招投标专题培训3次。"
        assert not any(m.startswith("四是") for m in eight["measures"])

    def test_missing_first_marker_and_missing_shi(self, seed_001):
        assert problem(seed_001, 22)["measures"][0].startswith("区重点工程处组织学习习近平总书记关于作风建设")
        assert len(problem(seed_001, 22)["measures"]) == 5
        ten = problem(seed_001, 10)["measures"]
        assert len(ten) == 6 and ten[5].startswith("对全区26个城市绿化项目")
        assert any("六对" in line for line in seed_001.unplaced)

    def test_contact_block(self, seed_001):
        contact = seed_001.notice["contact"]
        assert contact["phone"] == "0556-5502613"
        assert contact["address"] == "安庆市大观区政务中心"
        assert contact["email"] == "aqdgzf@126.com"
        assert contact["intro"].startswith("欢迎广大干部群众")

    def test_site_footer(self, seed_001):
        footer = seed_001.site_footer
        assert footer["icp"] == "皖ICP备17015173号-1"
        assert footer["police_record"] == "皖公网安备 34080202000367号"
        assert footer["host"] == "安庆市大观区纪委监委"
        assert footer["co_host"] == "安庆市大观区党风政风宣教中心"
        assert footer["phone"] == "0556-5502568" and footer["fax"] == "0556-5586478"
        assert footer["email"] == "dgjwxx@163.com" and footer["tech_support"] == "安庆热线"

    def test_chrome_stripped_from_body(self, seed_001):
        body = seed_001.body_markdown
        for chrome in ("现在您的计算机时间为", "首页", "作者", "点击", "主办", "ICP", "技术支持"):
            assert chrome not in body
        assert body.startswith("根据市委统一部署")
        assert "### 一、强化政治担当,推动巡察整改落细落地" in body
        assert "### 三、注重标本兼治,推进整改成果常态长效" in body
        # Where 二、 stood, the line placing the problem list: 一、 narrative, 二、 the problems, 三、 narrative.
        assert body.index("### 一、") < body.index("\n\n【问题清单】\n\n") < body.index("### 三、")
        assert "强化理论学习" not in body  # the problems live in the YAML
        assert "0556-5502613" not in body  # the contact block lives in the YAML

    def test_region_inferred_and_reported(self, seed_001):
        assert seed_001.notice["region"] == "安徽省安庆市大观区"
        assert any("region" in line for line in seed_001.unplaced)
        assert any("133" in line and "116" in line for line in seed_001.unplaced)

    def test_no_spam(self, seed_001):
        assert seed_001.spam_removed == []


# ---------------------------------------------------------------------------------------------
# seed 000: the 东湖高新区 report, scraped without title, with spam injected

class TestSeed000:
    def test_inspection_and_figures(self, seed_000):
        assert seed_000.notice["inspection"] == {
            "team": "区党工委第二巡察组",
            "start": dt.date(2022, 11, 28),
            "end": dt.date(2022, 12, 30),
            "feedback": dt.date(2023, 1, 20),
        }
        figures = seed_000.notice["figures"]
        assert (figures["aspects"], figures["problems"]) == (3, 12)

    def test_twelve_problems_in_order(self, seed_000):
        problems = seed_000.notice["problems"]
        assert [p["number"] for p in problems] == list(range(1, 13))
        assert [len(p["measures"]) for p in problems] == [4, 3, 3, 2, 3, 2, 3, 4, 5, 1, 3, 3]
        assert problems[0]["measures"][0].startswith("以“高质量推进工程建设”")
        assert problems[9]["measures"][0].startswith("督办建设单位及时对容缺的材料进行补充")
        assert problems[11]["measures"][0].startswith("转变监管模式")

    def test_titles_only_where_the_text_has_them(self, seed_000):
        titles = [p.get("title") for p in seed_000.notice["problems"]]
        assert titles[0] == "着力解决学习贯彻落实工程建设和房地产领域重要指示批示精神力度有待加强的问题"
        assert titles[2] == "着力解决参建单位精细化建设水平有待提高,统筹领导各建设平台力量不够的问题"
        assert [i + 1 for i, t in enumerate(titles) if t] == [1, 3]
        assert any("标题原文缺失" in line for line in seed_000.unplaced)

    def test_aspects_where_headings_were_lost(self, seed_000):
        aspects = seed_000.notice["aspects"]
        assert [a["number"] for a in aspects] == [1]  # never padded with untitled aspects 2 and 3
        assert aspects[0]["title"].startswith("学习贯彻落实党中央")
        assert ("通报载明3个方面，原文只找到方面标题（一）；方面2、3没有写入 aspects，请编辑按原文补填"
                in seed_000.unplaced)
        assert problem(seed_000, 1)["aspect"] == 1
        assert all("aspect" not in p for p in seed_000.notice["problems"][1:])
        assert any("所属方面无法确定" in line for line in seed_000.unplaced)

    def test_missing_title_is_a_reported_placeholder(self, seed_000):
        assert seed_000.notice["title"].startswith(PLACEHOLDER)
        assert "published" not in seed_000.notice
        assert any("title" in line and PLACEHOLDER in line for line in seed_000.unplaced)

    def test_overall_completion_left_to_the_editor(self, seed_000):
        assert {p["status"] for p in seed_000.notice["problems"]} == {"未载明"}
        assert any("完成了整改目标" in line for line in seed_000.unplaced)

    def test_spam_removed_and_reported(self, seed_000, tmp_path):
        assert seed_000.spam_removed
        removed = "".join(f.text for f in seed_000.spam_removed)
        assert "shadowrocket节点都没有了" in removed and "共享账号" in removed
        text = written_text(seed_000, tmp_path)
        for word in SPAM:
            assert word not in text
        assert "相结合,确保整改措施精准落地" in seed_000.body_markdown
        report = format_report(seed_000)
        assert "垃圾信息" in report and "shadowrocket" in report
        assert "  1. 疑似植入的广告文字“shadowrocket节点都没有了”（VPN/翻墙推广）（原文第 3 行第 135 列）" in report

    def test_body_keeps_the_narrative(self, seed_000):
        body = seed_000.body_markdown
        assert body.startswith("按照市政府和市委巡察办统一部署")
        assert "完成了整改目标" in body
        assert "一是" not in body


# ---------------------------------------------------------------------------------------------
# drafts on disk

DRAFT_SOURCES = [
    pytest.param(SEED_001, id="seed-001"),
    pytest.param(SEED_000, id="seed-000"),
    *(pytest.param(path, id=path.name) for path in sorted(FIXTURES.glob("*.*"))),
]


@pytest.mark.parametrize("seed", DRAFT_SOURCES)
def test_draft_files_validate(seed, tmp_path):
    result = import_notice(seed)
    Notice.model_validate(result.notice)
    yml, md = write_draft(result, tmp_path / "notices" / "2024")
    lines = yml.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schema/notice.schema.json"
    assert lines[1].startswith("# 导入草稿")
    source, problems = load_notice_file(yml, yml.name, tmp_path)
    assert problems == [] and source is not None
    assert source.notice.model_dump(exclude_defaults=True)["problems"] == result.notice["problems"]
    assert source.body == result.body_markdown
    assert md.read_text(encoding="utf-8") == result.body_markdown


def test_default_name_is_the_title_in_pinyin(seed_001, tmp_path):
    yml, md = write_draft(seed_001, tmp_path)
    assert yml.name.startswith("zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua")
    assert md.with_suffix(".yml") == yml


def test_refuses_to_overwrite(seed_001, tmp_path):
    write_draft(seed_001, tmp_path, "daguan")
    with pytest.raises(ImportFailed, match="已存在"):
        write_draft(seed_001, tmp_path, "daguan")
    write_draft(seed_001, tmp_path, "daguan", overwrite=True)


def test_report_lists_files_footer_and_unplaced(seed_001, tmp_path):
    yml, _ = write_draft(seed_001, tmp_path, "daguan")
    report = format_report(seed_001)
    assert str(yml) in report
    assert "皖ICP备17015173号-1" in report and "皖公网安备 34080202000367号" in report
    assert "需要编辑核对或决定的事项" in report
    assert "28 个问题" in report


# ---------------------------------------------------------------------------------------------
# notices written for these tests, in other numbering styles

def test_aspects_by_dun_problems_by_paren_measures_numbered():
    """一、 aspects; （一）关于“……”问题的整改 problems restarting under each aspect; 1. measures."""
    result = import_notice(FIXTURES / "aspects_paren_problems.txt")
    notice = result.notice
    assert notice["kind"] == "整改情况"
    assert notice["publisher"] == "中共某某县农业农村局党组"
    assert notice["inspection"]["feedback"] == dt.date(2023, 6, 12)  # year carried over
    assert notice["figures"]["problems"] == 4
    assert notice["figures"]["problems_done"] == 3
    assert notice["figures"]["completion_rate"] == 75
    assert notice["figures"]["measures"] == 9
    assert [a["title"] for a in notice["aspects"]] == ["落实党中央决策部署", "全面从严治党"]  # 关于…方面: the frame
    # … taken off, and the heading as written is in the report (nothing is lost silently).
    assert [line for line in result.unplaced if "方面的标题" in line] == [
        "第1个方面的标题“落实党中央决策部署”取自原文“关于落实党中央决策部署方面”，请核对",
        "第2个方面的标题“全面从严治党”取自原文“关于全面从严治党方面”，请核对"]
    titles = [p["title"] for p in notice["problems"]]
    assert titles == ["学习贯彻不深入", "乡村振兴项目推进缓慢", "公务接待不规范", "‘三重一大’制度执行不到位"]
    assert [p["aspect"] for p in notice["problems"]] == [1, 1, 2, 2]
    assert [len(p["measures"]) for p in notice["problems"]] == [2, 3, 2, 2]
    second = problem(result, 2)
    assert (second["status"], second["responsible_unit"], second["due"]) == (
        "正在整改", "规划发展股", dt.date(2024, 6, 30))
    assert problem(result, 1)["status"] == "已完成"
    assert notice["contact"]["phone"] == "0731-12345678"
    assert notice["contact"]["address"] == "某某县政务服务中心3楼"
    assert "中共某某县农业农村局党组" in result.body_markdown  # the signature stays in the body
    assert any("落款日期" in line for line in result.unplaced)
    assert not any("个问题，草稿中找到" in line for line in result.unplaced)
    Notice.model_validate(notice)


def test_chinese_numerals_and_paren_numbered_problems():
    """Dates and totals in Chinese numerals; (一) aspects; (1) problems; 一是…; a 三是 paragraph."""
    result = import_notice(FIXTURES / "cn_numerals_paren_problems.txt")
    notice = result.notice
    assert notice["inspection"] == {"team": "区委第二巡察组", "start": dt.date(2023, 7, 11),
                                    "end": dt.date(2023, 9, 15), "feedback": dt.date(2023, 11, 23)}
    assert (notice["figures"]["aspects"], notice["figures"]["problems"]) == (3, 6)
    assert notice["figures"]["meetings"] == 5
    assert [p["aspect"] for p in notice["problems"]] == [1, 1, 2, 2, 3, 3]
    assert [len(p["measures"]) for p in notice["problems"]] == [2, 2, 3, 2, 2, 1]
    assert problem(result, 3)["measures"][2] == "对问题商户立案查处12起。"
    assert problem(result, 4)["measures"][0] == "组织执法人员培训2次。"  # 一是 left out in the text
    assert problem(result, 6)["title"] == "公务用车管理不严"
    assert "### 三、下一步工作打算" in result.body_markdown
    assert any("二、对照反馈问题" in line for line in result.unplaced)
    Notice.model_validate(notice)


def test_dot_numbered_problems_with_paren_measures_and_no_aspects():
    """1.关于“……”问题。 problems, (1) measures, no aspects; 问题5个; publisher from the signature."""
    result = import_notice(FIXTURES / "problems_dot_measures_paren.txt")
    notice = result.notice
    assert notice["figures"]["problems"] == 5
    assert notice["aspects"] == []
    assert [p["title"] for p in notice["problems"]] == [
        "理论学习不深入", "财务管理不规范", "村级组织软弱涣散", "作风不实", "信访化解不力"]
    assert all("aspect" not in p for p in notice["problems"])
    assert [len(p["measures"]) for p in notice["problems"]] == [2, 1, 2, 2, 1]
    assert notice["inspection"]["feedback"] == dt.date(2024, 5, 30)
    assert notice["publisher"] == "某某镇党委"
    assert any("落款" in line and "publisher" in line for line in result.unplaced)
    assert any("全部完成整改" in line for line in result.unplaced)
    assert result.body_markdown.rstrip().endswith("2024年8月1日")


def test_a_text_cut_after_a_speakers_words_has_no_signature(tmp_path):
    opening = ("根据市委统一部署，2022年10月8日至2022年12月15日，市委第一巡察组对市建投公司党委开展了巡察。"
               "巡察组组长马卫同志反馈了巡察情况。\n")
    cut = _imported(tmp_path, opening + "马卫要求，市建投公司党委\n")
    assert not cut.notice["publisher"].endswith("市建投公司党委")
    signed = _imported(tmp_path, opening + "中共某某市建投公司委员会\n")
    assert signed.notice["publisher"] == "中共某某市建投公司委员会"


def test_a_feedback_date_without_its_year_comes_after_the_inspection(tmp_path):
    result = _imported(tmp_path, (
        "2月13日下午，市委第一巡察组向市建投公司党委反馈巡察情况。\n"
        "根据市委统一部署，2022年10月8日至2022年12月15日，市委第一巡察组对市建投公司党委开展了巡察。\n"))
    assert result.notice["inspection"]["feedback"] == dt.date(2023, 2, 13)
    assert "巡察反馈日期没有写年份，按巡察结束（2022-12-15）之后的“2023年”读取，请核对" in result.unplaced
    same_year = _imported(tmp_path, (
        "12月20日下午，市委第一巡察组向市建投公司党委反馈巡察情况。\n"
        "根据市委统一部署，2022年10月8日至2022年11月15日，市委第一巡察组对市建投公司党委开展了巡察。\n"))
    assert same_year.notice["inspection"]["feedback"] == dt.date(2022, 12, 20)
    assert not any(line.startswith("巡察反馈日期没有写年份") for line in same_year.unplaced)


def test_a_text_naming_two_teams_as_one_has_no_team(tmp_path):
    two = _imported(tmp_path, (
        "近日，为督促各单位落实中央第四巡视组和省委第八巡视组反馈问题整改政治责任，区委6个专项督查组开展巡视整改督查。\n"
        "督查组深入14个街道和48个单位，抽查重点问题。\n"))
    assert "inspection" not in two.notice
    assert ("正文同时提到两个巡视（巡察）组（“中央第四巡视组和省委第八巡视组”）：inspection 没有填写巡察组，"
            "请编辑按原文决定") in two.unplaced
    dated = _imported(tmp_path, (
        "2024年3月1日至4月30日，省委第八巡视组和省委第三巡视组对某某县开展了巡视。现将整改进展情况予以公布。\n"))
    assert "inspection" not in dated.notice
    one = _imported(tmp_path, (
        "近日，为督促各单位落实省委第八巡视组反馈问题整改政治责任，区委6个专项督查组开展巡视整改督查。\n"
        "督查组深入14个街道和48个单位，抽查重点问题。\n"))
    assert one.notice["inspection"]["team"] == "省委第八巡视组"


def test_problems_numbered_as_sections():
    """一、……的问题 as problems (no aspects), measures 一是/二是; no feedback date is reported. The titles drop the
    frame 的问题 (round 15: the corpus labels write 政治站位不高 for (一)政治站位不高的問題)."""
    result = import_notice(FIXTURES / "problems_as_sections.txt")
    problems = result.notice["problems"]
    assert [p["title"] for p in problems] == [
        "履行职能责任不到位", "干部队伍建设不够有力", "落实全面从严治党责任不到位"]
    assert [len(p["measures"]) for p in problems] == [2, 3, 1]
    assert result.notice["contact"] == {"phone": "010-12345678"}
    assert "feedback" not in result.notice["inspection"]
    assert any("feedback" in line for line in result.unplaced)


def test_contact_with_two_numbers_and_a_full_width_dash_keeps_one_number_and_says_so(tmp_path):
    text = (FIXTURES / "problems_as_sections.txt").read_text(encoding="utf-8")
    assert "联系电话：010-12345678。" in text
    path = tmp_path / "notice.txt"
    path.write_text(text.replace("联系电话：010-12345678。", "联系电话：010－12345678、010-87654321。"),
                    encoding="utf-8")
    result = import_notice(path)
    assert result.notice["contact"] == {"phone": "010-12345678"}
    assert ("联系电话只写入了“010-12345678”（草稿只能写一个号码）；原文还有：010-87654321，"
            "请编辑决定写在联系方式说明（intro）里还是删去") in result.unplaced
    Notice.model_validate(result.notice)


def test_saved_web_page_in_gbk():
    """A GBK page: nav, breadcrumb, 政务公开 table, share/朗读 widgets, spam, footer links."""
    result = import_notice(FIXTURES / "page_gbk.html")
    notice = result.notice
    assert notice["title"] == "中共某某县委关于县委第三轮巡察集中整改进展情况的通报"
    assert notice["published"] == dt.date(2024, 3, 5)
    assert notice["source"] == "县委巡察办"
    assert notice["index_number"] == "11340800MB0000000X/2024-00031"
    assert notice["publisher"] == "中共某某县委巡察办"  # 发布机构 of the 政务公开 block
    assert result.page_metadata["成文日期"] == "2024-03-01"
    assert notice["figures"]["completion_rate"] == 66.67
    assert (notice["figures"]["aspects"], notice["figures"]["problems"]) == (2, 3)
    assert [p["title"] for p in notice["problems"]] == [
        "城建项目推进不力", "安全生产监管存在漏洞", "工程款支付审核不严"]
    assert [p["status"] for p in notice["problems"]] == ["已完成", "正在整改", "已完成"]
    assert problem(result, 3)["measures"] == ["修订工程款支付审核流程", "追回多付工程款3.2万元。"]
    assert result.site_footer["icp"] == "皖ICP备12345678号-2"
    assert result.site_footer["police_record"] == "皖公网安备 34080202000999号"
    assert result.site_footer["tech_support"] == "某某网络科技有限公司"
    assert any("第2个问题尚未完成" in line and "due" in line for line in result.unplaced)
    assert [f.text for f in result.spam_removed] == ["shadowrocket节点都没有了"]
    everything = repr(notice) + result.body_markdown
    for chrome in ("您现在的位置", "分享到", "朗读", "打印", "上一篇", "字体", "document.write", "搜索"):
        assert chrome not in everything
    assert "shadowrocket" not in everything
    assert "赌场" not in everything  # text styled display:none is left out and reported
    assert any("隐藏" in line and "赌场" in line for line in result.unplaced)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_encodings(encoding, tmp_path):
    text = (FIXTURES / "aspects_paren_problems.txt").read_text(encoding="utf-8")
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(encoding))
    result = import_notice(path)
    assert result.notice["title"] == "中共某某县农业农村局党组关于县委第一巡察组巡察反馈意见整改情况的通报"
    assert len(result.notice["problems"]) == 4


# ---------------------------------------------------------------------------------------------
# hostile input: a clear Chinese message naming the file, never a traceback

def _fails(path: Path, *fragments: str) -> str:
    with pytest.raises(ImportFailed) as caught:
        import_notice(path)
    message = str(caught.value)
    assert path.name in message or str(path) in message
    for fragment in fragments:
        assert fragment in message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _fails(path, "空")


def test_whitespace_only(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\r\n\t  \n")
    _fails(path, "没有文字")


def test_binary_file(tmp_path):
    path = tmp_path / "random.bin"
    path.write_bytes(bytes(range(256)) * 64)
    _fails(path, "二进制")


@pytest.mark.parametrize("magic, word", [(b"PK\x03\x04", "Word"), (b"%PDF-1.7", "PDF"), (b"\x89PNG\r\n\x1a\n", "图片")])
def test_common_wrong_files(tmp_path, magic, word):
    path = tmp_path / "wrong"
    path.write_bytes(magic + bytes(200))
    _fails(path, word)


def test_fifty_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk, and the importer must not read it
    _fails(path, "文件过大")


def test_just_over_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (20 * 1024 * 1024 + 1))
    _fails(big, "文件过大")


def test_deeply_nested_html(tmp_path):
    path = tmp_path / "nested.html"
    depth = 100_000
    path.write_text("<html><body>" + "<div>" * depth + "<p>正文</p>" + "</div>" * depth + "</body></html>",
                    encoding="utf-8")
    _fails(path, "无法导入")


def test_deeply_nested_html_with_a_notice_inside(tmp_path):
    text = (FIXTURES / "cn_numerals_paren_problems.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    depth = 20_000
    path = tmp_path / "nested_notice.html"
    path.write_text("<html><body>" + "<div><span>" * depth + paragraphs + "</span></div>" * depth + "</body></html>",
                    encoding="utf-8")
    result = import_notice(path)
    assert len(result.notice["problems"]) == 6


def test_text_without_chinese(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("Minutes of the meeting\nNothing to see here.\n", encoding="utf-8")
    _fails(path, "没有中文")


def test_undecodable_text(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café \xff\xfe garçon".encode("latin-1") * 20)
    _fails(path, "编码")


def test_missing_file_and_directory(tmp_path):
    _fails(tmp_path / "nope.txt", "不存在")
    with pytest.raises(ImportFailed, match="不是一个文件"):
        import_notice(tmp_path)


def test_chinese_text_that_is_not_a_notice(tmp_path):
    path = tmp_path / "poem.txt"
    path.write_text("床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n", encoding="utf-8")
    _fails(path, "不像一份巡察整改通报")


def test_mixed_control_bytes_without_nul(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 500)
    _fails(path, "二进制")


def test_random_bytes_never_traceback(tmp_path):
    for seed in range(20):
        path = tmp_path / f"random{seed}.dat"
        path.write_bytes(os.urandom(2048))
        with pytest.raises(ImportFailed):
            import_notice(path)


def test_the_importer_recognises_a_status_word_added_to_the_statuses_file(monkeypatch):
    from generator.importing import facts, labels
    from generator.model import vocabulary

    original = vocabulary._load

    def load(name):  # a test copy of statuses.yml with one more way of writing 已完成
        entries = original(name)
        if name == "statuses.yml":
            entries = [{**e, "words": [*e.get("words", []), "已见实效"]} if e.get("done") else e for e in entries]
        return entries

    caches = (vocabulary.statuses, labels.status_words, labels._status_tag, facts._open_status_words)
    monkeypatch.setattr(vocabulary, "_load", load)
    for cached in caches:
        cached.cache_clear()
    try:
        rest, found, notes = labels.take_labels("公务接待不规范。整改状态：已见实效。")
        assert found == {"status": vocabulary.statuses()[0].value} and rest == "公务接待不规范。" and notes == []
        assert labels.status_of(["已见实效，修订办法"]) == (vocabulary.statuses()[0].value, "修订办法")
    finally:
        monkeypatch.undo()
        for cached in caches:
            cached.cache_clear()
    assert labels.take_labels("整改状态：已见实效。")[1] == {}


def test_the_importer_reads_status_words_only_from_the_statuses_file():
    from generator.importing import labels
    from generator.model import vocabulary

    words = dict(labels.status_words())
    assert words["持续整改"] == words["整改中"] == "正在整改" and words["持续推进"] == "长期坚持"
    for status in vocabulary.statuses():
        for word in (status.value, *status.words):
            assert status.stated and words[word] == status.value or not status.stated and word not in words


def test_the_footer_fields_have_one_label_for_the_site_footer_and_the_importer():
    from generator.importing import importer, page
    from generator.model.settings import FILING_FIELDS, FILING_LABELS, Filing

    assert list(FILING_FIELDS) == list(Filing.model_fields)
    assert dict(importer._FOOTER_LABELS) == {k: v for k, v in FILING_LABELS.items() if k != "site_code"}
    assert dict(page._FOOTER_FIELDS)["email"] == "|".join(FILING_FIELDS["email"][1])
    footer = (ROOT / "theme_overrides" / "partials" / "footer.html").read_text(encoding="utf-8")
    assert not any(f"{label}：" in footer for key, label in FILING_LABELS.items() if key != "icp")


NESTED = """中共某某市某某局党组关于市委巡察整改进展情况的通报
根据市委统一部署，2024年3月1日至4月30日，市委第三巡察组对市某某局党组进行了巡察，6月12日反馈了巡察意见。
一、整改工作组织领导情况
（一）提高政治站位，压实整改责任。局党组召开专题会议4次。
（二）坚持问题导向，强化跟踪问效。巡察指出我局存在2方面3项共4个问题，局党组制定98条整改措施，截至目前，已完成问题整改3个，整改完成率75%。
二、巡察反馈问题整改落实情况
（一）在“贯彻落实上级决策部署不够有力”方面
1.关于“学习贯彻不深入”问题的整改
（1）关于“理论学习流于形式”的问题。一是修订学习制度。二是开展专题研讨3次。
（2）关于“调查研究不够”的问题。一是制定调研计划。
2.关于“项目推进缓慢”问题的整改
整改状态：阶段性完成
一是建立周调度机制。
（二）反馈问题：财务管理不规范
1.关于“公务接待超标准”问题的整改
一是修订公务接待办法。
2.关于“固定资产账实不符”问题的整改
一是开展资产清查。
三、下一步工作打算
持续巩固整改成果。
"""


def test_nested_outline_section_aspect_problem_item_and_figures_in_prose(tmp_path):
    """二、 section › （一）在“……”方面 aspect › 1.关于“……”问题的整改 problem › （1） item; counts in one sentence."""
    source = tmp_path / "通报.txt"
    source.write_text(NESTED, encoding="utf-8")
    result = import_notice(source)
    notice = result.notice
    assert [(a["number"], a["title"]) for a in notice["aspects"]] == [
        (1, "贯彻落实上级决策部署不够有力"), (2, "财务管理不规范")]
    assert [(p["aspect"], p["title"], p["status"]) for p in notice["problems"]] == [
        (1, "学习贯彻不深入", "未载明"), (1, "项目推进缓慢", "基本完成"),
        (2, "公务接待超标准", "未载明"), (2, "固定资产账实不符", "未载明")]
    assert problem(result, 1)["measures"] == [
        "关于“理论学习流于形式”的问题。一是修订学习制度。二是开展专题研讨3次。",
        "关于“调查研究不够”的问题。一是制定调研计划。"]
    figures = notice["figures"]
    assert (figures["aspects"], figures["problems"], figures["problems_done"], figures["measures"]) == (2, 4, 3, 98)
    assert "### 三、下一步工作打算" in result.body_markdown
    assert "（一）提高政治站位，压实整改责任。局党组召开专题会议4次。" in result.body_markdown
    assert any("二、巡察反馈问题整改落实情况" in line for line in result.unplaced)


def test_team_without_di_two_periods_and_a_bulleted_public_information_block(tmp_path):
    source = tmp_path / "通报.txt"
    source.write_text(
        "• 发布机构:\n某某区卫健局\n• 成文日期:\n2023-05-04\n"
        "中共某某区卫生健康局党组关于巡察整改情况的通报\n"
        "日期:2023-05-09 08:46:31 来源:区卫健局 浏览量:\n"
        "根据区委统一部署，2022年3月17日至3月22日、5月5日至7月12日，区委巡察四组对区卫健局党组开展了巡察。"
        "9月15日，区委巡察四组向区卫健局党组反馈了巡察意见。\n"
        "巡察指出我局3个方面14项共38个问题，已完成整改问题35个。\n", encoding="utf-8")
    result = import_notice(source)
    notice = result.notice
    assert notice["inspection"] == {"team": "区委巡察四组", "start": dt.date(2022, 3, 17), "end": dt.date(2022, 7, 12),
                                    "feedback": dt.date(2022, 9, 15)}
    assert ("巡察分两段进行（“2022年3月17日至3月22日、5月5日至7月12日”）：start、end 取首尾两天，请核对"
            in result.unplaced)
    assert (notice["publisher"], notice["published"], notice["source"]) == (
        "中共某某区卫生健康局党组", dt.date(2023, 5, 9), "区卫健局")
    figures = notice["figures"]
    assert (figures["aspects"], figures["problems"], figures["problems_done"]) == (3, 38, 35)
    assert result.page_metadata["发布机构"] == "某某区卫健局"


def test_region_from_a_unit_named_in_full_in_the_text(tmp_path):
    source = tmp_path / "通报.txt"
    source.write_text(
        "市卫生健康局党组关于巡察整改情况的通报\n"
        "根据市委统一部署，2024年3月1日至4月30日，市委第二巡察组对市卫生健康局党组开展了巡察，6月12日反馈了巡察意见。\n"
        "局党组制定印发《中共汕头市卫生健康局党组关于市委巡察反馈意见的整改方案》。\n", encoding="utf-8")
    result = import_notice(source)
    assert result.notice["region"] == "汕头市"
    assert "地区（region）取自正文中的单位名称“中共汕头市卫生健康局党组”里的地名“汕头市”，请核对" in result.unplaced


def test_region_of_a_city_whose_name_ends_in_zhou():
    from generator.importing.identity import region_from_name
    assert region_from_name("中共广州市海珠区水务局党组") == "广州市海珠区"


def test_the_report_lists_only_the_page_information_the_draft_did_not_take(tmp_path):
    """generator/data/page_metadata.yml: 信息来源 fills source, so it is not listed as 未写入草稿; 作者 is."""
    source = tmp_path / "通报.txt"
    source.write_text(
        "中共某某区卫生健康局党组关于巡察整改情况的通报\n"
        "发表时间：2023-05-09 信息来源：区卫健局 作者：办公室 索引号：11340800/2023-00012\n"
        "根据区委统一部署，2022年3月17日至5月12日，区委巡察四组对区卫健局党组开展了巡察。"
        "9月15日，区委巡察四组向区卫健局党组反馈了巡察意见。\n"
        "巡察指出我局3个方面14项共38个问题，已完成整改问题35个。\n", encoding="utf-8")
    result = import_notice(source)
    assert (result.notice["published"], result.notice["source"], result.notice["index_number"]) == (
        dt.date(2023, 5, 9), "区卫健局", "11340800/2023-00012")
    assert [line for line in result.unplaced if line.startswith("原网页的其他信息")] == [
        "原网页的其他信息（未写入草稿，记在 YAML 开头的注释里）：作者：办公室"]


def test_an_empty_laizi_field_before_the_date_on_the_metadata_line(tmp_path):
    """来自: is the page's source key (generator/data/page_metadata.yml); left empty, the line still gives the date."""
    empty = _imported(tmp_path, "某某县教育局党组召开巡察整改工作推进会\n来自:   发布时间:2022-05-20\n"
                      + NOTICE_OPENING)
    assert (empty.notice["published"], "source" in empty.notice) == (dt.date(2022, 5, 20), False)
    named = _imported(tmp_path, "某某县教育局党组召开巡察整改工作推进会\n来自:县教育局 发布时间:2022-05-20\n"
                      + NOTICE_OPENING)
    assert (named.notice["published"], named.notice["source"]) == (dt.date(2022, 5, 20), "县教育局")
    assert "来自" not in named.body_markdown


def test_the_styles_the_spam_check_calls_hidden_are_the_ones_the_import_leaves_out(tmp_path):
    """generator/check/hidden_text.py: one list of hiding styles for the check and the import."""
    styles = ["display: none", "visibility:hidden", "font-size:0.0em", "font-size:0vw", "FONT-SIZE:0PX"]
    hidden = "".join(f'<span style="{style}">广告{number}</span>' for number, style in enumerate(styles))
    source = tmp_path / "通报.html"
    source.write_text(
        "<html><body><h1>中共某某区卫生健康局党组关于巡察整改情况的通报</h1>"
        "<p>根据区委统一部署，2022年3月17日至5月12日，区委巡察四组对区卫健局党组开展了巡察。"
        f"9月15日，区委巡察四组向区卫健局党组反馈了巡察意见。{hidden}</p>"
        '<p style="font-size:0.8em">巡察指出我局3个方面14项共38个问题，已完成整改问题35个。</p>'
        "</body></html>", encoding="utf-8")
    result = import_notice(source)
    assert "广告" not in repr(result.notice) + result.body_markdown
    assert [line for line in result.unplaced if "广告" in line] == [
        f"网页中有被样式隐藏的文字（常见的垃圾信息手法），未写入草稿：“广告{number}”" for number in range(len(styles))]
    assert result.notice["figures"]["problems"] == 38  # font-size:0.8em is seen
    assert [finding.text for finding in find_spam(hidden)] == styles


def test_an_unnumbered_problem_title_under_an_aspect_heading(tmp_path):
    """（一）方面标题。 / 问题标题。（no number） / 整改情况:一是…: the line between is the problem's title."""
    source = tmp_path / "通报.txt"
    source.write_text(
        "中共某某区文化和旅游局党组关于巡察整改情况的通报\n"
        "根据区委统一部署，2022年6月22日至9月22日，区委第二巡察组对区文化和旅游局党组进行了巡察。"
        "10月25日，巡察组反馈了巡察意见。\n"
        "二、问题整改落实情况\n"
        "（一）学习贯彻上级决策部署不到位。\n"
        "理论学习有计划无行动。\n"
        "整改情况：一是制定学习方案。二是开展专题研讨。\n"
        "调查研究不深入。\n"
        "整改情况：一是制定调研计划。\n"
        "（二）财务管理不规范。\n"
        "公务接待超标准。\n"
        "整改情况：一是修订接待制度。\n", encoding="utf-8")
    notice = import_notice(source).notice
    assert [(a["number"], a["title"]) for a in notice["aspects"]] == [
        (1, "学习贯彻上级决策部署不到位"), (2, "财务管理不规范")]
    assert [(p["number"], p["aspect"], p["title"], p["measures"]) for p in notice["problems"]] == [
        (1, 1, "理论学习有计划无行动", ["制定学习方案。", "开展专题研讨。"]),
        (2, 1, "调查研究不深入", ["制定调研计划。"]),
        (3, 2, "公务接待超标准", ["修订接待制度。"])]


def test_untitled_aspects_are_not_padded_up_to_the_stated_count(tmp_path):
    source = tmp_path / "通报.txt"
    source.write_text(
        "中共某某区卫生健康局党组关于巡察整改情况的通报\n"
        "根据区委统一部署，2024年7月9日至9月14日，区委第四巡察组对区卫生健康局党组开展了巡察。"
        "巡察反馈了6个方面18个问题。\n"
        "二、整改落实情况\n"
        "（一）关于“职能作用发挥不充分”问题的整改\n"
        "整改落实情况：一是召开专题会议。\n", encoding="utf-8")
    result = import_notice(source)
    assert result.notice["aspects"] == []
    assert [p["title"] for p in result.notice["problems"]] == ["职能作用发挥不充分"]
    assert "通报载明6个方面，原文没有方面标题：aspects 未填写，请编辑按原文补填" in result.unplaced


def test_a_team_named_by_a_quoted_campaign_and_a_final_report_known_from_its_section_heading(tmp_path):
    source = tmp_path / "通报.txt"
    source.write_text(
        "根据市委统一部署，2020年12月16日至2021年2月3日，市委深化“最多跑一次”改革、优化营商环境专项巡察组"
        "对市市场监督管理局进行了专项巡察。2021年5月19日，巡察组向市市场监督管理局党组反馈了巡察意见。\n"
        "一、整改工作组织情况\n"
        "局党组成立领导小组。\n"
        "二、整改落实情况\n"
        "局党组逐条整改。\n", encoding="utf-8")
    notice = import_notice(source).notice
    assert notice["inspection"]["team"] == "市委深化“最多跑一次”改革、优化营商环境专项巡察组"
    assert notice["kind"] == "整改情况"


def test_dates_whose_year_and_month_characters_were_lost_in_the_copy(tmp_path):
    source = tmp_path / "通报.txt"
    source.write_text(
        "市卫健委党委关于巡察整改进展情况的通报\n"
        "根据市委统一部署，2024717日至830日，市委第六巡察组对市卫健委党委进行了巡察。914日，巡察组向市卫健委党委"
        "反馈了巡察意见。\n", encoding="utf-8")
    result = import_notice(source)
    assert result.notice["inspection"] == {"team": "市委第六巡察组", "start": dt.date(2024, 7, 17),
                                           "end": dt.date(2024, 8, 30), "feedback": dt.date(2024, 9, 14)}
    assert [line for line in result.unplaced if line.startswith("原文日期")] == [
        "原文日期“2024717日”缺少“年”“月”字（复制网页时丢失），按“2024年7月17日”读取，请核对",
        "原文日期“830日”缺少“年”“月”字（复制网页时丢失），按“8月30日”读取，请核对",
        "原文日期“914日”缺少“年”“月”字（复制网页时丢失），按“9月14日”读取，请核对",
    ]


def test_a_date_whose_day_character_was_lost_before_the_team_name(tmp_path):
    result = _imported(tmp_path, (
        "中共某某市文联党组关于巡察整改进展情况的通报\n"
        "根据市委统一部署，2022年8月19日至2022年11月15市委第三巡察组对市文联党组开展了常规巡察，2023年1月16日，"
        "市委第三巡察组向市文联党组反馈了巡察意见。\n"))
    assert result.notice["inspection"] == {"team": "市委第三巡察组", "start": dt.date(2022, 8, 19),
                                           "end": dt.date(2022, 11, 15), "feedback": dt.date(2023, 1, 16)}
    assert [line for line in result.unplaced if line.startswith("原文日期")] == [
        "原文日期“2022年11月15”缺少“日”字（复制网页时丢失），按“2022年11月15日”读取，请核对"]


def test_digits_of_a_lost_date_are_no_part_of_the_team(tmp_path):
    result = _imported(tmp_path, (
        "中共某某县融媒体中心委员会关于巡察整改进展情况的通报\n"
        "2023年8月14日起，县委对县融媒体中心党委开展了常规巡察。1227县委巡察组向中心党委反馈巡察意见。"
        "按照巡察工作有关要求，现将巡察整改进展情况予以公布。\n"))
    assert result.notice["inspection"]["team"] == "县委巡察组"
    counted = _imported(tmp_path, (
        "按照市委巡察工作部署，2021年9月1日至10月30日，4个巡察组对全市5个单位党组织开展常规巡察。\n"))
    assert counted.notice["inspection"]["team"] == "4个巡察组"


def test_an_ambiguous_lost_month_is_not_guessed(tmp_path):
    from generator.importing.facts import _repair_dates
    assert _repair_dates("2024年111日") == ("2024年111日", [])  # 1月11日 or 11月1日


def test_an_announcement_page_title_signature_and_postal_address(tmp_path):
    """巡察公告: a four-character title, the team's signature as publisher, 请寄… / 邮政信箱: as the address,
    the page's 来源 naming the town the signature's 市委 leaves open."""
    source = tmp_path / "公告.txt"
    source.write_text(
        "您当前的位置: > >图片新闻\n"
        "巡 察 公 告\n"
        "信息来源:某某市横栏镇人民政府 发布日期:2025-10-21 分享:\n"
        "根据市委巡察工作统一部署，市委第三巡察组于2025年10月21日至2026年1月9日对横栏镇党委开展巡察。\n"
        "为便于干部群众反映情况，巡察组设专门值班电话:0760-88882215，邮政信箱:某某市1960邮箱转市委第三巡察组收"
        "(邮编:528403)，欢迎来信来电反映。\n"
        "中共某某市委第三巡察组\n"
        "2025年10月21日\n", encoding="utf-8")
    result = import_notice(source)
    notice = result.notice
    assert (notice["title"], notice["kind"], notice["publisher"], notice["region"]) == (
        "巡察公告", "巡察公告", "中共某某市委第三巡察组", "某某市横栏镇")
    assert notice["contact"] == {"intro": "为便于干部群众反映情况", "phone": "0760-88882215",
                                 "address": "某某市1960邮箱转市委第三巡察组收(邮编:528403)"}
    source.write_text(
        "区委第一巡察组巡察公告\n"
        "根据区委的要求，区委第一巡察组于2017年8月7日至9月7日对区委卫生工委开展巡察。\n"
        "开通了信访电话:13823253426。若来信，请寄某某区南新路3038号101室，区委第一巡察组收，邮编518052。\n"
        "特此公告。\n"
        "某某区委第一巡察组\n"
        "2017年8月7日\n", encoding="utf-8")
    notice = import_notice(source).notice
    assert (notice["publisher"], notice["region"]) == ("某某区委第一巡察组", "某某区")
    assert notice["contact"]["address"] == "某某区南新路3038号101室，区委第一巡察组收，邮编518052"


def test_page_dates_without_a_key_and_keys_glued_to_a_date(tmp_path):
    """A date alone or before the keyed fields is the page's date; 来源 names the region the title leaves open."""
    source = tmp_path / "通报.txt"
    for header, published, where, region in (
        ("2023-12-08 15:12  稿件作者:   浏览量:- ", dt.date(2023, 12, 8), None, None),
        ("• 来源: 某某区水务局\n• 2021-12-14 11:00", dt.date(2021, 12, 14), "某某区水务局", "某某区"),
        ("2021-02-23 12:42:06来源:广州市住房和城乡建设局", dt.date(2021, 2, 23), "广州市住房和城乡建设局", "广州市"),
        ("发布日期:2026-02-26信息来源:市卫健委", dt.date(2026, 2, 26), "市卫健委", None),
    ):
        source.write_text(
            f"区水务局党组关于巡察整改进展情况的通报\n{header}\n"
            "根据区委统一部署，2020年8月24日至9月25日，区委第二巡察组对区水务局党组进行了巡察。"
            "2020年10月20日反馈了巡察意见，局党组确保每一项整改措施落实到位。\n", encoding="utf-8")
        notice = import_notice(source).notice
        assert (notice.get("published"), notice.get("source")) == (published, where), header
        assert notice["region"] == (region or f"{PLACEHOLDER}地区"), header
        assert "measures" not in notice["figures"]  # 每一项整改措施 is no count


def test_a_notice_in_traditional_characters_is_drafted_in_its_own_characters(tmp_path):
    source = tmp_path / "通報.txt"
    source.write_text(
        "中共某某區衛生健康局黨組關於巡察整改進展情況的通報\n"
        "根據區委統一部署，2022年3月17日至5月12日，區委第四巡察組對區衛生健康局黨組開展了巡察。"
        "9月15日，巡察組向區衛生健康局黨組反饋了巡察意見。\n", encoding="utf-8")
    result = import_notice(source)
    assert result.notice["title"] == "中共某某區衛生健康局黨組關於巡察整改進展情況的通報"
    assert result.notice["inspection"]["team"] == "區委第四巡察組"
    assert [line for line in result.unplaced if "繁体" in line] == [
        "原文是繁体字（27 个字与简体不同，如“區衛黨組關於”）：草稿保留原文的繁体字，没有转换为简体；"
        "如网站须用简体，请编辑转换后逐字核对"]


# ---------------------------------------------------------------------------------------------
# publisher and region of notices that name their place only in passing (generator/importing/gazetteer.py)

def _imported(tmp_path, text: str):
    source = tmp_path / "通报.txt"
    source.write_text(text, encoding="utf-8")
    return import_notice(source)


def _region_notes(result) -> list[str]:
    return [line for line in result.unplaced if line.startswith("地区（region）")]


def test_region_from_the_unit_inspected_written_with_its_city_when_the_text_names_both(tmp_path):
    result = _imported(tmp_path, (
        "区委关于巡视整改进展情况的通报\n"
        "根据省委统一部署，2024年3月1日至5月1日，四川省委第五巡视组对通川区委进行了巡视。"
        "6月1日，省委巡视组向通川区委反馈了巡视意见。\n"
        "达州市通川区坚持把巡视整改作为重大政治任务。\n"))
    assert (result.notice["publisher"], result.notice["region"]) == ("区委", "达州市通川区")
    assert _region_notes(result) == [
        "地区（region）取自正文中被巡察的单位“通川区委”里的地名“通川区”，请核对",
        "地区（region）“通川区”按正文的写法加上了所在的市：“达州市通川区”，请核对"]


def test_a_notice_without_a_publisher_is_in_the_place_of_the_level_of_the_committee_that_sent_the_team(tmp_path):
    """区委第二巡察组 / 根据区委统一部署 and no unit named with its place: the 区 the text names most (here only in a
    cited document), written with its city when the text names the two together; a news item is left to the editor."""
    result = _imported(tmp_path, (
        "根据区委统一部署，2023年12月8日至2024年1月26日，区委第二巡察组对区档案馆进行了巡察。"
        "2024年3月28日，区委第二巡察组向区档案馆反馈了巡察意见。现将巡察整改情况予以公布。\n"
        "区档案馆制定了《新吴区档案馆关于巡察反馈意见的整改工作方案》。\n"))
    assert result.notice["region"] == "新吴区"
    assert _region_notes(result) == [
        "地区（region）是正文中提到最多的区名“新吴区”（由区委部署巡察，发布机构没有写地名），请核对"]
    unnumbered = _imported(tmp_path, (
        "根據區委統一部署，2025年3月24日至6月13日，第一巡察組進行了巡察。現將巡察整改情況予以公布。\n"
        "修訂《盤錦市大洼區文學藝術界聯合會章程》。大洼區文聯召開專題會議。\n"))
    assert unnumbered.notice["region"] == "盤錦市大洼區"
    assert _region_notes(unnumbered) == [
        "地区（region）是正文中提到最多的区名“大洼區”（由区委部署巡察，发布机构没有写地名），请核对",
        "地区（region）“大洼區”按正文的写法加上了所在的市：“盤錦市大洼區”，请核对"]
    news = _imported(tmp_path, (
        "市委第五巡察组向市第二人民医院党委反馈巡察情况\n"
        "根据市委统一安排，1月17日，市委第五巡察组巡察市第二人民医院党委情况反馈会议召开。"
        "会议学习了《天水市巡察整改和成果运用实施办法》。\n"))
    assert news.notice["region"].startswith("待编辑填写")


def test_the_youth_league_is_no_part_of_the_place(tmp_path):
    result = _imported(tmp_path, (
        "共青团南县委员会关于巡察整改进展情况的通报\n"
        "根据县委统一部署，2024年7月16日至9月30日，县委第三巡察组对共青团南县委员会开展常规巡察。\n"))
    assert (result.notice["publisher"], result.notice["region"]) == ("共青团南县委员会", "南县")
    assert _region_notes(result) == ["地区（region）取自标题或发布机构中的地名“南县”，请核对是否完整"]


def test_a_provincial_inspection_team_names_the_province_when_nothing_else_does(tmp_path):
    result = _imported(tmp_path, (
        "区委关于巡视整改进展情况的通报\n"
        "根据省委统一部署，2024年3月1日至5月1日，四川省委第五巡视组对区委进行了巡视。6月1日反馈了巡视意见。\n"))
    assert result.notice["region"] == "四川省"
    assert _region_notes(result) == [
        "地区（region）取自巡视组名称“四川省委第五巡视组”里的省名“四川省”（发布机构没有写地名），请核对是否应写到市、县"]


def test_a_city_team_names_the_city_of_an_abbreviated_publisher(tmp_path):
    result = _imported(tmp_path, (
        "市卫健委党委关于巡察整改进展情况的通报\n"
        "根据市委统一部署，2024年7月17日至8月30日，宿迁市委第六巡察组对市卫健委党委进行了巡察。"
        "9月14日反馈了巡察意见。\n"))
    assert result.notice["region"] == "宿迁市"
    assert _region_notes(result) == ["地区（region）取自巡察组名称“宿迁市委第六巡察组”里的地名“宿迁市”，请核对"]


def test_an_abbreviated_publisher_is_in_the_city_the_text_names_most_and_only_then(tmp_path):
    opening = ("市卫健委党委关于巡察整改进展情况的通报\n"
               "根据市委统一部署，2024年7月17日至8月30日，市委第六巡察组对市卫健委党委进行了巡察。"
               "9月14日反馈了巡察意见。\n")
    result = _imported(tmp_path, opening + "委党委推动宿迁市卫生健康领域改革，沭阳县中医院创成三甲，与杭州市交流。"
                                           "宿迁市新增省级临床重点专科10个。\n")
    assert result.notice["region"] == "宿迁市"
    assert _region_notes(result) == [
        "地区（region）是正文中提到最多的市名“宿迁市”（发布机构“市卫健委党委”没有写地名），请核对"]
    tied = _imported(tmp_path, opening + "委党委推动宿迁市卫生健康领域改革，与杭州市交流。\n")
    assert tied.notice["region"] == f"{PLACEHOLDER}地区"  # two cities named once each: not guessed


def test_a_two_character_county_and_a_discipline_commission_as_publisher(tmp_path):
    result = _imported(tmp_path, (
        "歙县纪委监委关于巡察整改进展情况的通报\n"
        "发布机构：歙县人民政府\n"
        "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组对县纪委监委进行了巡察。6月1日反馈了巡察意见。\n"))
    assert (result.notice["publisher"], result.notice["region"]) == ("歙县纪委监委", "歙县")
    inspected = _imported(tmp_path, (
        "县纪委监委关于巡察整改进展情况的通报\n"
        "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组对歙县纪委监委进行了巡察。6月1日反馈了巡察意见。\n"))
    assert inspected.notice["region"] == "歙县"


def test_a_footer_host_named_with_the_party_and_a_municipality_names_the_place_once(tmp_path):
    """主办:中共重庆市渝中区委宣传部 / 渝ICP备…: the place is 重庆市渝中区, not 重庆市 (the province) put before
    中共重庆市."""
    result = _imported(tmp_path, (
        "区委宣传部关于巡察整改进展情况的通报\n"
        "根据区委统一部署，2024年3月1日至5月1日，区委第二巡察组对区委宣传部进行了巡察。6月1日反馈了巡察意见。"
        "现将巡察整改情况予以公布。\n\n\n"
        "主办:中共重庆市渝中区委宣传部\n备案号:渝ICP备12345678号-1\n"))
    assert result.notice["region"] == "重庆市渝中区"
    assert _region_notes(result) == ["地区（region）是根据页脚的备案号和主办单位推断的“重庆市渝中区”，请核对"]


def test_a_footer_filed_in_one_province_for_a_city_of_another_names_no_region(tmp_path):
    """主办:苏州市吴中区人民政府 under 皖ICP备…: 苏州市 is in 江苏省 only, so 安徽省苏州市吴中区 is no place; the
    footer is not used (the region is left to the text, here to the editor)."""
    result = _imported(tmp_path, (
        "区委宣传部关于巡察整改进展情况的通报\n"
        "根据区委统一部署，2024年3月1日至5月1日，区委第二巡察组对区委宣传部进行了巡察。6月1日反馈了巡察意见。"
        "现将巡察整改情况予以公布。\n\n\n"
        "主办:苏州市吴中区人民政府\n备案号:皖ICP备12345678号-1\n"))
    assert result.site_footer["host"] == "苏州市吴中区人民政府"
    assert result.notice["region"] == f"{PLACEHOLDER}地区"


def test_words_in_running_text_are_not_taken_for_a_place(tmp_path):
    """对十四届市委第四轮巡察… has no place: 十四届市 is no city the gazetteer knows."""
    result = _imported(tmp_path, (
        "市委关于巡察整改进展情况的通报\n"
        "根据市委统一部署，2024年3月1日至5月1日，十四届市委第四轮巡察组对市教育局党委进行了巡察。"
        "会议传达了对十四届市委第四轮巡察反馈意见的整改要求。\n"))
    assert result.notice["region"] == f"{PLACEHOLDER}地区"


def test_a_two_character_county_at_the_end_of_a_word_is_no_place(tmp_path):
    """创新县域 (新县), 担任县委 (任县), 市委和县委 (和县): a level's 县 after the end of a word; 对歙县, 黄山市歙县 and
    中共歙县 are the county."""
    result = _imported(tmp_path, (
        "县教育局党组关于巡察整改进展情况的通报\n"
        "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组对县教育局党组进行了巡察。6月1日反馈了巡察意见。"
        "现将巡察整改情况予以公布。\n"
        "局党组书记担任整改工作领导小组组长，推动创新县域教育发展。\n"))
    assert result.notice["region"] == f"{PLACEHOLDER}地区"
    assert _region_notes(result) == []
    running = ["担任县委书记", "市委和县委", "云南县域", "对歙县纪委", "黄山市歙县", "中共歙县委员会"]
    assert gazetteer.named_in(running) == ["歙县", "黄山市", "歙县", "歙县"]


def test_a_township_is_a_place_like_a_town_in_the_publishers_name_and_a_headline(tmp_path):
    """中共歙县大桥乡委员会 names 歙县大桥乡 (乡 as 镇), not only 歙县; the 城乡 of 住房和城乡建设局 is no township; a
    headline that opens with a town's meeting (大桥镇召开…) names the town, as the opening of the text does."""
    result = _imported(tmp_path, (
        "中共歙县大桥乡委员会关于巡察整改进展情况的通报\n"
        "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组对乡党委进行了巡察。6月1日反馈了巡察意见。\n"))
    assert (result.notice["publisher"], result.notice["region"]) == ("中共歙县大桥乡委员会", "歙县大桥乡")
    assert _region_notes(result) == ["地区（region）取自标题或发布机构中的地名“歙县大桥乡”，请核对是否完整"]
    result = _imported(tmp_path, (
        "中共广州市住房和城乡建设局党组关于巡察整改进展情况的通报\n"
        "根据市委统一部署，2024年3月1日至5月1日，市委第二巡察组对局党组进行了巡察。6月1日反馈了巡察意见。\n"))
    assert result.notice["region"] == "广州市"
    news = _imported(tmp_path, (
        "大桥镇召开巡察反馈问题整改推进会\n"
        "6月10日，镇党委召开巡察反馈问题整改推进会，镇党委书记主持会议。\n"))
    assert news.notice["region"] == "大桥镇"
    assert _region_notes(news) == ["地区（region）取自标题开头召开会议的“大桥镇”，请核对是否应加上所在的县、区"]


def test_a_news_item_is_in_the_place_of_the_unit_that_holds_the_meeting_it_opens_with(tmp_path):
    """9月12日上午,株洲市天元区工商联召开…: the unit holding the meeting is named with its place (the team, named
    only by its committee, names none)."""
    result = _imported(tmp_path, (
        "区工商联召开巡察工作动员会\n"
        "9月12日上午,株洲市天元区工商联召开六届区委第二巡察组巡察区工商联党组工作动员会。\n"
        "会上,区委第二巡察组组长就巡察工作作了讲话。\n"))
    assert result.notice["region"] == "株洲市天元区"
    assert _region_notes(result) == [
        "地区（region）取自召开会议的单位“株洲市天元区工商联”里的地名“株洲市天元区”，请核对"]


def test_the_unit_a_team_inspects_at_the_meeting_that_opens_the_inspection_names_the_region(tmp_path):
    """黄山市委第三巡察组巡察歙县教育局党组工作动员会召开: the unit inspected (歙县), not the team's city, as for the
    feedback (巡察…党委的反馈意见)."""
    result = _imported(tmp_path, "巡察动员会召开\n3月20日，黄山市委第三巡察组巡察歙县教育局党组工作动员会召开。\n")
    assert result.notice["region"] == "歙县"
    assert _region_notes(result) == ["地区（region）取自正文中被巡察的单位“歙县教育局党组”里的地名“歙县”，请核对"]


def test_a_news_items_opening_time_and_purpose_stand_before_the_town_that_holds_the_meeting(tmp_path):
    """6月10日上午，大桥镇召开… / 为抓好巡察整改，6月10日，大桥镇召开…: the time of day and a purpose clause come before
    the subject as the date does."""
    for opening in ("6月10日上午，", "为抓好巡察整改，6月10日，"):
        result = _imported(tmp_path, f"巡察整改推进会召开\n{opening}大桥镇召开巡察反馈问题整改推进会。\n")
        assert result.notice["region"] == "大桥镇"
        assert _region_notes(result) == ["地区（region）取自正文开头召开会议的“大桥镇”，请核对是否应加上所在的县、区"]


def test_a_title_in_traditional_characters_names_publisher_region_and_the_feedback_date(tmp_path):
    result = _imported(tmp_path, (
        "中共婺源縣衛生健康局黨組關於巡察整改進展情況的通報\n"
        "根據縣委統一部署，2022年3月17日至5月12日，縣委第四巡察組對縣衛生健康局黨組開展了巡察。"
        "9月15日，巡察組向縣衛生健康局黨組反饋了巡察意見。\n"))
    notice = result.notice
    assert (notice["publisher"], notice["region"]) == ("中共婺源縣衛生健康局黨組", "婺源縣")
    assert notice["inspection"]["feedback"] == dt.date(2022, 9, 15)


# ---------------------------------------------------------------------------------------------
# teams, metadata lines and figures written in other ways

def test_the_words_of_the_sentence_before_a_teams_committee_are_no_part_of_its_name(tmp_path):
    """传达学习市委第四巡察组反馈意见 / 会议传达了十五届县委第六轮巡察第二组反馈意见: the team starts at its committee
    (with the committee's term or places: 灤州市委第三巡察組 stays whole); before a unit's committee (认真落实集团党委
    第二巡察组), the sentence's verb is left out."""
    for text, team in (
        ("市教育局召开巡察反馈问题整改工作部署会\n6月5日，市教育局召开巡察反馈问题整改工作部署会，"
         "传达学习市委第四巡察组反馈意见。\n", "市委第四巡察组"),
        ("县医院召开巡察整改推进会\n4月10日，县医院召开巡察整改推进会。会议传达了十五届县委第六轮巡察第二组反馈意见。\n",
         "十五届县委第六轮巡察第二组"),
        ("灤州市工商聯召開巡察整改推進會\n4月10日，會議傳達了灤州市委第三巡察組反饋意見。\n", "灤州市委第三巡察組"),
        # a unit's committee (集团党委, 学校党委): the sentence's verb before it
        ("集团召开巡察整改推进会\n3月20日，集团党委召开巡察整改专题会议，认真落实集团党委第二巡察组反馈意见。\n",
         "集团党委第二巡察组"),
        ("学院召开巡察整改推进会\n3月20日，学院召开巡察整改专题会议，会议传达学习了学校党委第三巡察组反馈意见。\n",
         "学校党委第三巡察组"),
    ):
        assert _imported(tmp_path, text).notice["inspection"] == {"team": team}


def test_a_team_named_from_the_party_or_with_a_place_the_gazetteer_lacks_keeps_its_place(tmp_path):
    """中共泾县县委第三巡察组 (a two-character county's 县县委), 中共某某县委 (a county the gazetteer lacks) and
    中共芜湖市湾沚区委 (a district renamed in 2020) stay whole: the words before a level's committee are cut only
    when no party's name or known place starts it (热烈欢迎市委第四巡察组); 学习出版社 and 研究生院 are units whose
    names start like a verb (found in review)."""
    for sentence, team in (
        ("2024年3月1日至5月1日，中共泾县县委第三巡察组对县教育局党组进行了巡察。", "中共泾县县委第三巡察组"),
        ("2024年3月1日至5月1日，中共某某县委第三巡察组对县教育局党组进行了巡察。", "中共某某县委第三巡察组"),
        ("2024年3月1日至5月1日，中共芜湖市湾沚区委第一巡察组对区教育局党组进行了巡察。",
         "中共芜湖市湾沚区委第一巡察组"),
        ("2024年3月1日，热烈欢迎市委第四巡察组进驻市教育局党组开展巡察。", "市委第四巡察组"),
        ("2024年3月1日至5月1日，学习出版社党委第一巡察组对出版社编辑部党支部进行了巡察。", "学习出版社党委第一巡察组"),
        ("2024年3月1日至5月1日，研究生院党委第一巡察组对研究生院办公室党支部进行了巡察。", "研究生院党委第一巡察组"),
    ):
        text = f"关于巡察整改进展情况的通报\n根据统一部署，{sentence}6月1日反馈了巡察意见。现将巡察整改情况予以公布。\n"
        assert _imported(tmp_path, text).notice["inspection"]["team"] == team


def test_a_two_character_county_is_no_place_inside_a_sentences_words(tmp_path):
    """担任县纪委副书记, 现任县政府办公室主任 (任县, twice): no county (found in review, with the county read after any
    word)."""
    result = _imported(tmp_path, (
        "县文旅局党组关于巡察整改进展情况的通报\n"
        "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组对局党组进行了巡察。6月1日反馈了巡察意见。"
        "李四曾担任县纪委副书记，王五现任县政府办公室主任。\n"))
    assert result.notice["region"] == f"{PLACEHOLDER}地区"


def test_a_township_is_named_only_with_its_body_after_it(tmp_path):
    """中共休宁县鹤城乡委员会 is 鹤城乡 (a township ending in 城乡); 美丽乡村建设办公室 and 返乡创业服务中心 hold no
    township, so their county is the region (found in review)."""
    for publisher, region in (("中共休宁县鹤城乡委员会", "休宁县鹤城乡"),
                              ("中共歙县美丽乡村建设办公室支部委员会", "歙县"),
                              ("中共绩溪县返乡创业服务中心支部委员会", "绩溪县")):
        result = _imported(tmp_path, (
            f"{publisher}关于巡察整改进展情况的通报\n"
            "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组进行了巡察。6月1日反馈了巡察意见。\n"))
        assert (result.notice["publisher"], result.notice["region"]) == (publisher, region)


def test_team_names_numbered_after_the_word_or_as_a_small_group_and_a_date_run_into_the_name(tmp_path):
    for sentence, team in (
        ("2024年3月1日至5月1日，县委巡察第二组对县教育局党组进行了巡察。", "县委巡察第二组"),
        ("2024年3月1日至5月1日，市委巡察小组对市教育局党组进行了巡察。", "市委巡察小组"),
        ("2024年3月1日至5月1日，市委巡察机动组对市教育局党组进行了巡察。", "市委巡察机动组"),
        ("县委第一轮巡察于2024年3月10日至4月30日对县教育局党组进行了巡察，5月20日县委第三巡察组向县教育局党组"
         "反馈了巡察意见。", "县委第三巡察组"),
    ):
        result = _imported(tmp_path, f"某某县教育局党组关于巡察整改情况的通报\n{sentence}6月1日反馈了巡察意见。\n")
        assert result.notice["inspection"]["team"] == team, sentence


def test_a_byline_without_a_key_and_a_source_glued_to_the_author(tmp_path):
    for header, source, published in (
        ("本网 时间:2024-05-06 浏览:-", "本网", dt.date(2024, 5, 6)),
        ("作者：办公室来源：某某县教育局发布时间：2024-05-07", "某某县教育局", dt.date(2024, 5, 7)),
    ):
        result = _imported(tmp_path, (
            f"某某县教育局党组关于巡察整改情况的通报\n{header}\n"
            "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组对县教育局党组进行了巡察。6月1日反馈了巡察意见。\n"))
        assert (result.notice["source"], result.notice["published"]) == (source, published), header
        assert header not in result.body_markdown


def test_problem_counts_written_after_the_noun_or_after_the_aspects(tmp_path):
    for sentence, aspects, problems in (
        ("巡察共指出3个方面问题15个，问题整改完成率100%。", 3, 15),
        ("巡察组反馈问题3个方面12条。", 3, 12),
        ("指出问题3个，均已整改。", None, 3),
    ):
        result = _imported(tmp_path, (
            "某某县教育局党组关于巡察整改情况的通报\n"
            f"2024年3月10日至4月30日，县委第三巡察组对县教育局党组开展了巡察。5月20日反馈了巡察意见。{sentence}\n"))
        figures = result.notice["figures"]
        assert (figures.get("aspects"), figures.get("problems")) == (aspects, problems), sentence


def test_a_title_without_guanyu_names_its_publisher(tmp_path):
    for title in ("中共某某县教育局党组巡察整改进展情况的通报",
                  "中共某某县教育局党组落实县委巡察反馈意见整改情况的通报"):
        result = _imported(tmp_path, (
            f"{title}\n"
            "根据县委统一部署，2024年3月10日至4月30日，县委第三巡察组对县教育局党组开展了巡察。5月20日反馈了巡察意见。\n"))
        assert result.notice["publisher"] == "中共某某县教育局党组", title
        assert not [line for line in result.unplaced if line.startswith("发布机构（publisher）")]


def test_inspection_dates_written_with_dots_or_with_the_year_before_the_range(tmp_path):
    expected = {"team": "县委第三巡察组", "start": dt.date(2024, 3, 10), "end": dt.date(2024, 4, 30),
                "feedback": dt.date(2024, 5, 20)}
    dotted = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改情况的通报\n"
        "2024.3.10—4.30，县委第三巡察组对县教育局党组开展了巡察，2024.5.20向局党组反馈了巡察意见。追缴资金3.5万元。\n"))
    assert dotted.notice["inspection"] == expected
    assert dotted.notice["figures"]["funds_recovered"] == 3.5  # a decimal is no date
    assert "3.10—4.30，" in dotted.body_markdown and "2024.5.20向" in dotted.body_markdown  # as written
    yearless = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改情况的通报\n"
        "根据县委统一部署，2024年，县委第三巡察组于3月10日至4月30日对县教育局党组开展了巡察，"
        "5月20日反馈了巡察意见。\n"))
    assert yearless.notice["inspection"] == expected
    assert "巡察起止日期没有写年份，按前文的“2024年”读取，请核对" in yearless.unplaced


def test_counts_of_problems_found_by_the_team_and_of_problems_rectified(tmp_path):
    result = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改情况的通报\n"
        "2024年3月10日至4月30日，县委第三巡察组对县教育局党组开展了巡察。5月20日反馈了巡察意见。"
        "巡察组共发现问题23个，提出整改意见建议10条。截至目前，23个问题已整改到位20个。\n"
        "局机关开展自查，发现问题12个。\n"))
    figures = result.notice["figures"]
    assert (figures["problems"], figures["problems_done"]) == (23, 20)


def test_a_news_item_whose_title_starts_with_a_place_has_that_region(tmp_path):
    result = _imported(tmp_path, (
        "歙县召开巡察整改工作推进会\n"
        "2024年5月6日，县委巡察办召开巡察整改工作推进会。2024年3月1日至5月1日，县委第二巡察组对县教育局党组进行了巡察。\n"))
    assert result.notice["region"] == "歙县"
    assert _region_notes(result) == ["地区（region）取自标题开头的地名“歙县”，请核对"]


NOTICE_OPENING = ("2024年3月1日至5月1日，县委第二巡察组对县教育局党组进行了巡察。2024年6月1日反馈了巡察意见。"
                  "现将整改进展情况予以公布。\n")


def test_buttons_after_a_value_on_the_metadata_line_are_chrome_not_part_of_the_source(tmp_path):
    """来源：某某县纪委监委 字体显示：大 中 小 分享按钮 / 来源：县委巡察办    分享到：: the source ends where the page's
    buttons start; they are reported as removed chrome (a value that is a button's own, 字号：大 中 小, stays whole)."""
    opening = ("中共某某县教育局党组关于巡察整改进展情况的通报\n{line}\n"
               "根据县委统一部署，2024年3月1日至5月1日，县委第二巡察组对县教育局党组进行了巡察。6月1日反馈了巡察意见。"
               "现将巡察整改情况予以公布。\n")
    line = "发布时间：2024-06-20 来源：某某县纪委监委 字体显示：大 中 小 分享按钮"
    result = _imported(tmp_path, opening.format(line=line))
    assert (result.notice["source"], result.notice["published"]) == ("某某县纪委监委", dt.date(2024, 6, 20))
    assert result.chrome_removed == ["字体显示：大 中 小 分享按钮"]
    result = _imported(tmp_path, opening.format(line="来源：县委巡察办    分享到：\n发布日期：2024-06-20"))
    assert result.notice["source"] == "县委巡察办"
    assert result.chrome_removed == ["分享到："]
    assert "  1. 分享到：" in format_report(result)
    # the page's date after the source, past two spaces, and the size buttons without 字号
    result = _imported(tmp_path, opening.format(line="来源：某某县纪委监委  2024-06-20  【大 中 小】【打印】【关闭】"))
    assert (result.notice["source"], result.notice["published"]) == ("某某县纪委监委", dt.date(2024, 6, 20))
    assert result.chrome_removed == ["【大 中 小】", "【打印】", "【关闭】"]
    for line, removed in (("来源：某某县纪委监委 [字号 大 中 小]", ["[字号 大 中 小]"]),
                          ("来源：某某县纪委监委 【字体：大 中 小】 【视力保护色】",
                           ["【字体：大 中 小】", "【视力保护色】"])):
        result = _imported(tmp_path, opening.format(line=line))
        assert (result.notice["source"], result.chrome_removed) == ("某某县纪委监委", removed)


def test_a_site_menu_a_breadcrumb_and_buttons_on_the_metadata_line_are_chrome_not_the_title(tmp_path):
    result = _imported(tmp_path, (
        "某某县人民政府门户网站 政务公开 政务公告\n"
        "首页 > 政务公开 > 通知公告\n"
        "中共某某县教育局党组关于县委巡察整改进展情况的通报\n"
        "发布时间：2024-05-06 来源：县教育局 【字号：大 中 小】 【打印】\n" + NOTICE_OPENING))
    notice = result.notice
    assert (notice["title"], notice["published"], notice["source"]) == (
        "中共某某县教育局党组关于县委巡察整改进展情况的通报", dt.date(2024, 5, 6), "县教育局")
    assert result.chrome_removed == ["首页 > 政务公开 > 通知公告", "【字号：大 中 小】", "【打印】",
                                     "某某县人民政府门户网站 政务公开 政务公告"]
    assert result.body_markdown.startswith("2024年3月1日至5月1日")


def test_a_breadcrumb_before_a_title_over_two_lines_and_a_date_with_its_read_count(tmp_path):
    result = _imported(tmp_path, (
        "您所在的位置：首页 » 纪检监察 » 巡察工作\n"
        "中共某某县教育局党组\n"
        "关于县委巡察整改进展情况的通报\n"
        "2024-05-06 阅读：123\n" + NOTICE_OPENING))
    assert (result.notice["title"], result.notice["published"]) == (
        "中共某某县教育局党组关于县委巡察整改进展情况的通报", dt.date(2024, 5, 6))
    assert result.chrome_removed == ["您所在的位置：首页 » 纪检监察 » 巡察工作"]
    assert result.page_metadata["阅读"] == "123" and "阅读" not in result.body_markdown


def test_a_breadcrumb_cut_over_two_lines_is_chrome_and_no_title(tmp_path):
    result = _imported(tmp_path, (
        "您现在的位置:首页\n"
        "> 政府信息公开 > 综合政务 > 通知公告\n"
        "中共温州市瓯海区体育事业发展中心关于巡察整改情况的通报\n" + NOTICE_OPENING))
    assert result.notice["title"] == "中共温州市瓯海区体育事业发展中心关于巡察整改情况的通报"
    assert result.chrome_removed == ["您现在的位置:首页", "> 政府信息公开 > 综合政务 > 通知公告"]
    assert "  2. > 政府信息公开 > 综合政务 > 通知公告" in format_report(result).splitlines()
    quoted = _imported(tmp_path, "> 引文不是导航\n" + NOTICE_OPENING)  # no breadcrumb before it: kept
    assert quoted.chrome_removed == []


def test_a_traditional_title_cut_after_its_guanyu_written_with_a_simplified_yu(tmp_path):
    result = _imported(tmp_path, (
        "中共麗水市婦女聯合會黨組關于五屆市委\n"
        "第四輪巡察整改進展情況的通報\n"
        "根據市委統一部署，2024年5月8日—5月24日，市委第二巡察組對市婦聯黨組進行了巡察。\n"))
    assert result.notice["title"] == "中共麗水市婦女聯合會黨組關于五屆市委第四輪巡察整改進展情況的通報"
    assert result.notice["publisher"] == "中共麗水市婦女聯合會黨組"


def test_a_menu_line_above_a_title_with_a_column_tag(tmp_path):
    result = _imported(tmp_path, (
        "清廉某某 巡察工作 首页 工作动态 巡察公告\n"
        "【巡察整改】中共某某县教育局党组关于县委巡察整改进展情况的通报\n"
        "时间：2024年05月06日 14:20 来源：本网 作者：办公室 浏览次数：88\n" + NOTICE_OPENING))
    notice = result.notice
    assert (notice["title"], notice["published"], notice["source"]) == (
        "中共某某县教育局党组关于县委巡察整改进展情况的通报", dt.date(2024, 5, 6), "本网")
    assert result.chrome_removed == ["【巡察整改】", "清廉某某 巡察工作 首页 工作动态 巡察公告"]
    spaced = _imported(tmp_path, "中共某某县 教育局党组 关于县委巡察 整改情况的通报\n" + NOTICE_OPENING)
    assert spaced.notice["title"] == "中共某某县 教育局党组 关于县委巡察 整改情况的通报"  # spaces in a title: no menu


def test_a_column_tag_in_ascii_brackets_is_chrome_a_tag_of_the_headline_is_not(tmp_path):
    tagged = _imported(tmp_path, "[巡察整改]某某县教育局党组召开巡察整改工作推进会\n" + NOTICE_OPENING)
    assert tagged.notice["title"] == "某某县教育局党组召开巡察整改工作推进会"
    assert tagged.chrome_removed == ["[巡察整改]"]
    news = _imported(tmp_path, "【工作动态】某某县教育局党组召开巡察整改工作推进会\n" + NOTICE_OPENING)
    assert news.notice["title"] == "某某县教育局党组召开巡察整改工作推进会"
    own = _imported(tmp_path, "【反馈】县委第二巡察组向县教育局党组反馈巡察情况\n" + NOTICE_OPENING)
    assert own.notice["title"] == "【反馈】县委第二巡察组向县教育局党组反馈巡察情况"
    assert own.chrome_removed == []
    cited = _imported(tmp_path, "[12]某某县教育局党组召开巡察整改工作推进会\n" + NOTICE_OPENING)
    assert cited.notice["title"].startswith("[12]")


def test_a_team_named_with_its_term_once_and_mostly_without_it_takes_the_shorter_name(tmp_path):
    mostly = _imported(tmp_path, (
        "根据市委统一部署，2022年7月1日至8月31日，十二届市委第一巡察组对市文化和旅游局开展了巡察，"
        "并于2022年10月20日市委第一巡察组向市文化和旅游局反馈了巡察意见。现将巡察整改情况予以公布。\n"
        "市委第一巡察组反馈巡察意见后，局党组高度重视。\n"))
    assert mostly.notice["inspection"]["team"] == "市委第一巡察组"
    once = _imported(tmp_path, (
        "根据市委统一部署，2022年7月1日至8月31日，八届市委巡察四组对市司法局党组开展了巡察。现将巡察整改情况予以公布。\n"
        "对照市委巡察四组反馈意见，局党组逐条制定整改措施。\n"))
    assert once.notice["inspection"]["team"] == "八届市委巡察四组"


def test_several_counts_in_one_sentence_written_in_other_ways(tmp_path):
    for sentence, wanted in (
        ("巡察反馈问题共计23个，涉及3个方面。", {"aspects": 3, "problems": 23}),
        ("巡察组反馈了3个方面共计12个问题。", {"aspects": 3, "problems": 12}),
        ("针对巡察反馈的4大类18个问题，制定整改措施52条。", {"problems": 18, "measures": 52}),
        ("巡察反馈问题15个，已完成整改13个，完成整改率86.7%。",
         {"problems": 15, "problems_done": 13, "completion_rate": 86.7}),
        ("截至目前，16个问题已完成整改14个，2个问题正在推进。", {"problems": 16, "problems_done": 14}),
    ):
        result = _imported(tmp_path, (
            "某某县教育局党组关于巡察整改情况的通报\n"
            f"2024年3月10日至4月30日，县委第三巡察组对县教育局党组开展了巡察。5月20日反馈了巡察意见。{sentence}\n"))
        assert result.notice["figures"] == wanted, sentence


def test_metadata_lines_with_a_written_out_date_a_date_after_a_bar_and_a_poster(tmp_path):
    for header, published, source in (
        ("2024年05月06日 来源：县教育局", dt.date(2024, 5, 6), "县教育局"),
        ("来源：县教育局 | 2024-05-07", dt.date(2024, 5, 7), "县教育局"),
        ("发布者：管理员 发布时间：2024/5/8 阅读次数：", dt.date(2024, 5, 8), None),
    ):
        result = _imported(tmp_path, (
            f"中共某某县教育局党组关于县委巡察整改进展情况的通报\n{header}\n" + NOTICE_OPENING + "2024年6月10日\n"))
        notice = result.notice
        assert (notice["published"], notice.get("source")) == (published, source), header
        assert result.body_markdown.startswith("2024年3月1日至5月1日"), header
        assert result.body_markdown.rstrip().endswith("2024年6月10日"), header  # the signature date stays


def test_places_in_a_notice_in_traditional_characters_are_read_and_kept_as_written(tmp_path):
    result = _imported(tmp_path, (
        "區委關於巡視整改進展情況的通報\n"
        "根據省委統一部署，2024年3月1日至5月1日，四川省委第五巡視組對通川區委進行了巡視。"
        "6月1日，省委巡視組向通川區委反饋了巡視意見。達州市通川區堅持把巡視整改作為重大政治任務。\n"))
    assert result.notice["region"] == "達州市通川區"
    abbreviated = _imported(tmp_path, (
        "市衛健委黨委關於巡察整改進展情況的通報\n"
        "根據市委統一部署，2024年7月17日至8月30日，市委第六巡察組對市衛健委黨委進行了巡察。9月14日反饋了巡察意見。"
        "委黨委推動宿遷市衛生健康領域改革。\n"))
    assert abbreviated.notice["region"] == "宿遷市"


def test_a_title_cut_in_the_middle_over_two_or_three_lines(tmp_path):
    for header in ("中共某某县教育局党组关于县委第二轮巡察\n整改进展情况的通报",
                   "中共某某县教育局党组\n关于县委第二轮巡察\n整改进展情况的通报"):
        result = _imported(tmp_path, f"{header}\n" + NOTICE_OPENING)
        assert result.notice["title"] == "中共某某县教育局党组关于县委第二轮巡察整改进展情况的通报", header
        assert result.body_markdown.startswith("2024年3月1日至5月1日"), header


# ---------------------------------------------------------------------------------------------
# the former test split's failure classes (2026-12-02): titles with chrome, news items, teams and dates

def test_a_site_name_line_that_ends_with_the_title_and_a_title_cut_after_guanyu(tmp_path):
    result = _imported(tmp_path, (
        "某某市人民政府门户网站 某某市教育局 政务公告 中共某某市教育局党组关于巡察整改情况的通报\n"
        "中共某某市教育局党组关于巡察整改情况的通报\n"
        "来源:本网   时间:2024-05-06 09:30:00   浏览:-\n" + NOTICE_OPENING))
    assert (result.notice["title"], result.notice["publisher"]) == (
        "中共某某市教育局党组关于巡察整改情况的通报", "中共某某市教育局党组")
    site = "某某市人民政府门户网站 某某市教育局 政务公告 中共某某市教育局党组关于巡察整改情况的通报"
    assert site in result.chrome_removed
    cut = _imported(tmp_path, "峨边彝族自治县教育局党组关于第十四届\n县委机动巡察整改进展情况的通报\n" + NOTICE_OPENING)
    assert cut.notice["title"] == "峨边彝族自治县教育局党组关于第十四届县委机动巡察整改进展情况的通报"
    assert (cut.notice["publisher"], cut.notice["region"]) == ("峨边彝族自治县教育局党组", "峨边彝族自治县")


def test_a_headline_a_breadcrumb_ending_with_it_and_metadata_keys_with_pinyin_glosses(tmp_path):
    result = _imported(tmp_path, (
        "歡迎來到某某展覽網\n"
        "首頁 > 媒體中心 > 行業(yè)新聞 > 處分12人!湖北省衛(wèi)健委通報巡視整改進展\n"
        "處分12人!湖北省衛(wèi)健委通報巡視整改進展\n"
        "發(fā)布時間:2024-05-06\n"
        "根據省委統一部署,2024年3月1日至5月1日,省委第五巡視組對省衛(wèi)生健康委黨組開展了巡視。"
        "2024年6月1日,省委第五巡視組向省衛(wèi)生健康委黨組反饋了巡視意見。現將集中整改進展情況予以公布。\n"))
    notice = result.notice
    assert (notice["title"], notice["published"], notice["kind"]) == (
        "處分12人!湖北省衛(wèi)健委通報巡視整改進展", dt.date(2024, 5, 6), "整改进展")
    assert (notice["publisher"], notice["region"]) == ("省衛生健康委黨組", "湖北省")  # the gloss is no part of a name
    assert result.chrome_removed[:3] == [
        "歡迎來到某某展覽網",
        "首頁 > 媒體中心 > 行業(yè)新聞 > 處分12人!湖北省衛(wèi)健委通報巡視整改進展",
        "發(fā)布時間:2024-05-06"]


def test_a_news_item_that_mentions_progress_is_kind_other_and_names_no_publisher(tmp_path):
    meeting = _imported(tmp_path, (
        "12月24日，市教育局召开巡察整改工作领导小组会议，对四届市委第六巡察组巡察市教育局党组反馈意见整改工作进行再部署。\n"
        "会议听取了各科室整改进展情况的汇报，要求加强对巡察整改情况的监督检查。\n"))
    assert meeting.notice["kind"] == "其他"
    assert meeting.notice["inspection"]["team"] == "四届市委第六巡察组"
    feedback = _imported(tmp_path, (
        "2021年1月15日，市委第一巡察组向宿迁市宿城区洋北镇党委反馈了巡察情况。镇党委书记作表态发言。\n"
        "根据市委统一部署，2020年9月15日至11月20日，市委第一巡察组对洋北镇党委开展了巡察，发现了一些问题。\n"))
    notice = feedback.notice
    assert (notice["kind"], notice["publisher"]) == ("其他", f"{PLACEHOLDER}发布机构")
    assert notice["region"] == "宿迁市宿城区洋北镇"  # the unit the news is about
    assert notice["inspection"] == {"team": "市委第一巡察组", "start": dt.date(2020, 9, 15),
                                    "end": dt.date(2020, 11, 20), "feedback": dt.date(2021, 1, 15)}


def test_a_progress_report_names_the_party_committee_or_the_body_it_calls_by_a_short_name(tmp_path):
    city = _imported(tmp_path, (
        "根据省委统一部署，2024年8月1日至10月30日，省委第三巡视组对广安市进行了巡视。"
        "2024年12月1日，省委第三巡视组向广安市委反馈了巡视意见。现将巡视整改进展情况予以公布。\n"))
    assert (city.notice["publisher"], city.notice["region"], city.notice["kind"]) == ("广安市委", "广安市", "整改进展")
    ministry = _imported(tmp_path, (
        "根据中央统一部署，2022年4月6日至6月2日，中央第五巡视组对水利部党组（以下简称部党组）开展了常规巡视。"
        "2022年7月19日，中央巡视组向部党组反馈了巡视意见。现将巡视整改进展情况予以公布。\n"))
    assert ministry.notice["publisher"] == "水利部党组"


def test_a_team_formed_by_a_committee_and_a_feedback_date_in_the_next_paragraph_or_of_the_page_year(tmp_path):
    round_summary = _imported(tmp_path, (
        "根据区委统一安排部署，2021年11月8日至12月20日，区委组建4个巡察组对区民政局等4家单位开展常规巡察。\n"
        "2022年1月27日，区委4个巡察组向被巡察单位党组织全面反馈巡察情况。\n"))
    assert round_summary.notice["inspection"] == {"team": "区委4个巡察组", "start": dt.date(2021, 11, 8),
                                                  "end": dt.date(2021, 12, 20), "feedback": dt.date(2022, 1, 27)}
    yearless = _imported(tmp_path, (
        "市委第五巡察组向市第二人民医院党委反馈巡察情况\n"
        "时间:2024/1/19 11:27:48    作者:党建办\n"
        "根据市委统一安排，1月17日，市委第五巡察组巡察市第二人民医院党委情况反馈会议召开。\n"))
    assert yearless.notice["inspection"] == {"team": "市委第五巡察组", "feedback": dt.date(2024, 1, 17)}


def test_a_numbered_team_that_gave_the_feedback_is_read_without_dates(tmp_path):
    result = _imported(tmp_path, (
        "市委第一巡察组向某某区反馈专项巡察“回头看”情况\n"
        "近日，市委第一巡察组向某某区反馈专项巡察“回头看”情况。2019年11月中旬至2020年1月上旬开展了“回头看”。\n"))
    assert result.notice["inspection"] == {"team": "市委第一巡察组"}
    assert "开头没有找到巡察日期：inspection 只填写了巡察组名称，请编辑补充 start、end、feedback" in result.unplaced
    generic = _imported(tmp_path, "某某镇：巡察反馈问题清零\n县委巡察组反馈的问题，已整改完成多少个？\n")
    assert "inspection" not in generic.notice


def test_counts_after_the_noun_with_verbs_between_the_unit_own_level_and_the_villages_figures(tmp_path):
    result = _imported(tmp_path, (
        "某某县教育局党组关于巡察整改情况的通报\n"
        "2024年3月10日至4月30日，县委第三巡察组对县教育局党组开展了巡察。5月20日反馈了巡察意见。"
        "以巡察反馈的三个方面共发现反馈各类问题16个为导向，逐项整改。\n"))
    assert result.notice["figures"] == {"problems": 16, "aspects": 3}
    town = _imported(tmp_path, (
        "某某镇：巡察反馈问题高效清零\n"
        "今年以来，镇纪委督促抓好巡察整改。至目前，完成镇级问题整改38个，整改完成率88%。"
        "村级反馈的289个问题已完成整改259个，整改完成率89.6%。\n"))
    assert town.notice["figures"] == {"problems_done": 38, "completion_rate": 88}
    glossed = _imported(tmp_path, (
        "院黨委召開黨委會專題研究部署巡察反饋整改工作。\n"
        "對專項(xiàng)巡察反饋意見共65項(xiàng)問題進行任務分解。\n"))
    assert glossed.notice["figures"] == {"problems": 65}


def test_the_region_of_the_unit_after_the_verb_of_a_town_inspected_and_not_of_the_reprinting_site(tmp_path):
    hospital = _imported(tmp_path, (
        "5月18日，院党委召开党委会，学习区委巡察组巡察宣城市中心医院党委的反馈意见，研究部署整改工作。\n"))
    assert hospital.notice["region"] == "宣城市"
    town = _imported(tmp_path, (
        "县委巡察组向徽城镇所辖村(社区)党组织集中反馈巡察情况\n"
        "2023年3月10日，县委第一巡察组向徽城镇所辖村(社区)党组织集中反馈巡察情况。\n"))
    assert town.notice["region"] == "徽城镇"
    reprinted = _imported(tmp_path, (
        "市委第一巡察组向崇礼区反馈巡察情况\n"
        "来源:某某市纪委监委网站  发布时间:2020-05-07 17:18:15\n"
        "近日，市委第一巡察组向崇礼区反馈了专项巡察情况。\n"))
    assert reprinted.notice["region"] == "崇礼区"


def test_the_residue_of_a_layout_table_around_the_title_is_chrome(tmp_path):
    result = _imported(tmp_path, (
        "![]() |\n返回某某首页 |\n|\n"
        "首页丨走进开发区丨新闻资讯丨政务公开丨互动交流 |\n"
        "工委第二巡察组向教育分局党组反馈巡察情况 | |\n|\n"
        "1月18日上午，工委第二巡察组向教育分局党组反馈巡察情况。\n"))
    assert result.notice["title"] == "工委第二巡察组向教育分局党组反馈巡察情况"
    assert sorted(result.chrome_removed) == sorted([
        "![]() |", "|", "|", "返回某某首页 |", "首页丨走进开发区丨新闻资讯丨政务公开丨互动交流 |", "| |"])
    assert result.body_markdown.startswith("1月18日上午")


def test_the_members_of_all_teams_at_a_meeting_are_no_team(tmp_path):
    """hrbeu-xuncha-dongyuan (cut): 党委巡察组全体成员 are among those at a mobilisation meeting; a numbered team's
    members are still that team."""
    meeting = ("5月26日上午，学校在主楼大会议室召开2022年上半年巡察工作动员部署会，校党委书记高岩出席会议。"
               "巡察工作领导小组成员单位主要负责人，被巡察单位中层领导人员，{team}全体成员，党委巡察办工作人员参加会议。\n")
    result = _imported(tmp_path, meeting.format(team="党委巡察组"))
    assert "inspection" not in result.notice
    assert "开头没有找到巡察组名称：inspection 未填写，请编辑补充" in result.unplaced
    numbered = _imported(tmp_path, meeting.format(team="党委第一巡察组"))
    assert numbered.notice["inspection"]["team"] == "党委第一巡察组"


def test_a_markdown_files_front_matter_is_chrome_and_names_the_title(tmp_path):
    """nankai-zhongyang-10 (cut): a static site's Markdown copy; its title: line, without the site before the arrow
    and the address after the bar, is the title, and the opening paragraph below it gives the inspection."""
    result = _imported(tmp_path, (
        "---\n"
        "title: 南开大学->中央第十巡视组向南开大学党委反馈巡视情况 | nankai.info\n"
        "date: 2021-09-10 18:09:35.609288\n"
        "urlname: e99ba95aefa3dd481f58f9f0ee0ab6f9\n"
        "tags: \n- 南开大学\ncategories:\n- nankai.info\n- 南开大学\nauthorbox: false\n"
        "---\n"
        "根据中央统一部署，2021年5月8日至7月5日，中央第十巡视组对南开大学党委进行了常规巡视。"
        "9月3日，中央第十巡视组向南开大学党委反馈巡视情况。\n"))
    assert result.notice["title"] == "中央第十巡视组向南开大学党委反馈巡视情况"
    assert result.notice["inspection"]["team"] == "中央第十巡视组"
    assert "published" not in result.notice  # the file's date is no publication date
    assert result.body_markdown.startswith("根据中央统一部署")
    assert result.chrome_removed[0] == "---" and "authorbox: false" in result.chrome_removed
    assert result.spam_removed == []  # the slug's hash and the site's address are the file's, no planted words


@pytest.mark.parametrize("title_line", [
    "title: 澳门金沙官网 | x.com",
    "title: 通报\u2028澳门金沙娱乐场官网线上赌场",  # a line separator inside: no front matter, the same line read
    "title: 通报\r澳门金沙娱乐场官网线上赌场",
])
def test_spam_in_a_front_matters_title_is_left_out_and_listed(tmp_path, title_line):
    """Only the file's own lines of a front matter are spared the spam check, never its title (found in review)."""
    result = _imported(tmp_path, (
        f"---\n{title_line}\ndate: 2021-09-10 18:09:35\n---\n"
        "根据中央统一部署，2021年5月8日至7月5日，中央第十巡视组对南开大学党委进行了常规巡视。\n"))
    assert [f.text for f in result.spam_removed] == [title_line]
    assert "金沙" not in result.notice["title"] and "金沙" not in result.body_markdown


def test_a_whole_announcement_on_a_page_without_a_date_is_published_on_its_signature_date(tmp_path):
    announcement = (
        "巡 察 公 告\n"
        "按照市委统一部署，市委第六巡察组从2020年10月28日至11月30日对市教育局开展专项巡察。\n"
        "联系电话：19991215169\n"
        "特此公告。\n"
        "中共某某市委第六巡察组\n"
        "2020年10月28日\n")
    result = _imported(tmp_path, announcement)
    assert result.notice["published"] == dt.date(2020, 10, 28)
    note = "发布日期（published）取自文末落款日期“2020年10月28日”（成文日期）；如网站上的发布日期不同，请改正"
    assert note in result.unplaced
    unsigned = _imported(tmp_path, announcement.replace("特此公告。\n", ""))
    assert "published" not in unsigned.notice  # a signature alone is no publication date
    # nankai-zhongyang-7 (cut): the publisher the title names signs it, over a date
    titled = _imported(tmp_path, (
        "中共南开大学委员会关于十九届中央第七轮巡视整改进展情况的通报\n"
        "根据中央统一部署，2021年5月8日至7月5日，中央第十巡视组对南开大学开展了常规巡视。现将巡视整改进展情况予以公布。\n"
        "欢迎广大干部群众对巡视整改落实情况进行监督。联系电话：022-85358679。\n"
        "中共南开大学委员会\n"
        "2022年4月16日\n"))
    assert titled.notice["published"] == dt.date(2022, 4, 16)
    assert "发布日期（published）取自文末落款日期“2022年4月16日”（成文日期）；如网站上的发布日期不同，请改正" \
        in titled.unplaced


def test_a_contact_block_of_one_field_a_line_is_read_whole_with_its_postal_code(tmp_path):
    result = _imported(tmp_path, (
        "巡察公告\n"
        "按照市委统一部署，市委第六巡察组从2020年10月28日至11月30日对市教育局开展专项巡察。\n"
        "为畅通联系渠道，巡察组设专门值班电话、邮政信箱、电子信箱，欢迎大家举报反映。\n"
        "邮政信箱:某某市某某路某某宾馆转市委第六巡察组\n"
        "邮政编码:710018\n"
        "电子邮箱:xcz6@example.gov.cn\n"
        "联系电话:19991215169\n"
        "受理时间:工作日上午9:00—12:00\n"
        "特此公告。\n中共某某市委第六巡察组\n2020年10月28日\n"))
    assert result.notice["contact"] == {"phone": "19991215169", "email": "xcz6@example.gov.cn",
                                        "address": "某某市某某路某某宾馆转市委第六巡察组(邮政编码:710018)"}
    assert ("联系方式还取自相邻的这几行，已写入 contact："
            "“邮政信箱:某某市某某路某某宾馆转市委第六巡察组”“邮政编码:710018”"
            "“电子邮箱:xcz6@example.gov.cn”") in result.unplaced
    assert "受理时间" in result.body_markdown and "邮政信箱:" not in result.body_markdown


def test_problems_numbered_as_wenti_under_two_levels_of_aspect_headings_with_a_status_after_the_measures(tmp_path):
    result = _imported(tmp_path, (
        "某某区交通运输局党组关于巡察整改进展情况的通报\n"
        "2024年9月6日至11月20日，区委第三巡察组对区交通运输局党组开展了巡察。2025年1月7日反馈了巡察意见。\n"
        "二、集中整改期内整改进展情况\n"
        "（一）关于落实上级决策部署不到位方面\n"
        "1.关于“公务用车管理不规范”方面\n"
        "问题1：公务用车使用登记不全。\n"
        "整改情况：一是补全用车登记台账。二是修订车辆管理办法。\n"
        "完成情况：已完成\n"
        "2.关于“资产管理不严”方面\n"
        "问题2：闲置资产未及时处置。\n"
        "整改情况：一是清点闲置资产。\n"
        "完成情况：已完成\n"
        "下一步，局党组将持续巩固整改成果。\n"))
    notice = result.notice
    assert notice["aspects"] == [{"number": 1, "title": "落实上级决策部署不到位"}]
    assert [(p["number"], p["title"], p["aspect"], p["status"]) for p in notice["problems"]] == [
        (1, "公务用车使用登记不全", 1, "已完成"), (2, "闲置资产未及时处置", 1, "已完成")]
    assert notice["problems"][0]["measures"] == ["补全用车登记台账。", "修订车辆管理办法。"]
    assert ("第1个问题在方面下的小标题“1.关于“公务用车管理不规范”方面”之下：草稿的方面只有一级，"
            "小标题没有写入 aspects，请编辑决定是否写入问题说明（description）") in result.unplaced


def test_a_section_on_who_organised_the_rectification_is_narrative_even_when_it_says_luoshi_qingkuang(tmp_path):
    result = _imported(tmp_path, (
        "2024年5月6日至6月28日，县委第二巡察组对县林业局党组进行了巡察。2024年7月15日反馈了巡察意见。"
        "现将巡察整改情况予以公布。\n"
        "一、党组及主要负责人组织整改落实情况\n"
        "（一）局党组高度重视，成立整改工作领导小组，由党组书记任组长，制定整改方案，明确责任领导和整改时限，"
        "确保整改落到实处。\n"
        "（二）党组书记切实扛起第一责任人责任，多次主持召开专题会议，听取整改进展汇报，对整改材料亲自把关。\n"
        "（三）截至10月底，巡察反馈的12个具体问题已全部完成整改。\n"))
    assert result.notice["problems"] == [] and result.notice["aspects"] == []
    assert any(line.startswith("没有找到问题清单") for line in result.unplaced)
    assert result.notice["figures"]["problems"] == 12
    assert "（二）党组书记切实扛起第一责任人责任" in result.body_markdown


def test_a_findings_section_heads_aspects_and_problems_numbered_again_under_each_aspect(tmp_path):
    result = _imported(tmp_path, (
        "2025年3月3日至4月30日，市委第三巡察组对市水务局党组开展了巡察。\n"
        "一、巡察发现的主要问题\n"
        "（一）落实上级决策部署有差距，推动水利发展力度不足\n"
        "1.贯彻节水行动方案不到位。节水指标分解不细。\n"
        "2.河湖管护存在短板。部分河段巡查流于形式。\n"
        "（二）群众身边不正之风纠治不力\n"
        "1. 服务群众意识不强。办事窗口服务不规范。\n"
        "2.工程领域存在廉洁风险。个别项目验收把关不严。\n"))
    notice = result.notice
    assert [(a["number"], a["title"]) for a in notice["aspects"]] == [
        (1, "落实上级决策部署有差距，推动水利发展力度不足"), (2, "群众身边不正之风纠治不力")]
    assert [(p["number"], p["title"], p["aspect"]) for p in notice["problems"]] == [
        (1, "贯彻节水行动方案不到位", 1), (2, "河湖管护存在短板", 1),
        (3, "服务群众意识不强", 2), (4, "工程领域存在廉洁风险", 2)]
    assert "问题清单上方的标题“一、巡察发现的主要问题”没有写入正文（问题清单在页面上单独显示），如需保留请写入 .md" \
        in result.unplaced
    assert ("第3个问题的标题取自这一条的第一句“服务群众意识不强。”，其后的文字写入了措施（measures）；"
            "如是问题的具体表现，请移入问题说明（description）") in result.unplaced


def test_a_feedback_item_between_an_aspect_and_its_numbered_problems_is_a_reported_sub_heading(tmp_path):
    result = _imported(tmp_path, (
        "中共某某县人民检察院党组关于巡察整改进展情况的通报\n"
        "2024年9月2日至10月30日，县委第一巡察组对县检察院党组开展了巡察。\n"
        "一、巡察整改组织领导情况\n"
        "一是压实整改责任。院党组召开专题会议部署整改。\n"
        "二、巡察整改任务落实情况\n"
        "（一）关于落实上级决策部署方面的问题\n"
        "反馈问题一：关于“理论学习有差距”的问题。\n"
        "1.政治理论学习不扎实\n"
        "整改情况：严格落实“第一议题”制度，制定年度学习计划。\n"
        "2.学用结合不紧密\n"
        "整改情况：开展专题研讨两次。\n"))
    notice = result.notice
    assert notice["aspects"] == [{"number": 1, "title": "落实上级决策部署"}]
    assert [(p["number"], p["title"], p["aspect"]) for p in notice["problems"]] == [
        (1, "政治理论学习不扎实", 1), (2, "学用结合不紧密", 1)]
    assert ("第1个问题在方面下的小标题“反馈问题一：关于“理论学习有差距”的问题。”之下：草稿的方面只有一级，"
            "小标题没有写入 aspects，请编辑决定是否写入问题说明（description）") in result.unplaced
    assert "第1个方面的标题“落实上级决策部署”取自原文“关于落实上级决策部署方面的问题”，请核对" in result.unplaced


def test_a_sub_heading_with_no_problem_after_it_is_reported(tmp_path):
    result = _imported(tmp_path, (
        "2024年9月2日至10月30日，县委第一巡察组对县检察院党组开展了巡察。\n"
        "二、巡察反馈问题整改情况\n"
        "（一）关于落实上级决策部署方面的问题\n"
        "反馈问题一：关于“理论学习有差距”的问题。\n"
        "1.政治理论学习不扎实\n"
        "整改情况：严格落实“第一议题”制度。\n"
        "反馈问题二：关于“意识形态责任制落实不到位”的问题。\n"))
    assert ("方面下的小标题“反馈问题二：关于“意识形态责任制落实不到位”的问题。”之下没有找到问题（原文可能不完整）："
            "没有写入草稿，请编辑处理") in result.unplaced


def test_aspects_under_a_heading_that_names_the_problems_hold_problems_whose_titles_name_no_fault(tmp_path):
    result = _imported(tmp_path, (
        "2024年2月20日至3月26日，区委巡察二组对区文联开展了巡察。现将巡察整改进展情况予以公布。\n"
        "一、加强对巡察整改的组织领导情况\n"
        "1.提高思想认识，压实整改主体责任。召开专题会议传达反馈意见。\n"
        "2.细化整改措施，确保整改有序推进。制定整改方案，建立整改台账。\n"
        "二、巡察反馈问题的整改情况\n"
        "（一）聚焦贯彻落实党中央决策部署和省委、市委工作要求方面\n"
        "1.学懂弄通做实习近平总书记关于文艺工作的重要\n"))
    notice = result.notice
    assert notice["aspects"] == [{"number": 1, "title": "贯彻落实党中央决策部署和省委、市委工作要求"}]
    assert [(p["number"], p["title"], p["aspect"]) for p in notice["problems"]] == [
        (1, "学懂弄通做实习近平总书记关于文艺工作的重要", 1)]
    assert "2\\.细化整改措施，确保整改有序推进。" in result.body_markdown  # the organisational items stay narrative


def test_three_levels_of_numbering_the_problems_are_the_level_under_the_aspects(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至5月10日，区委第四巡察组对区民政局党组开展了巡察。现将巡察整改进展情况予以公布。\n"
        "（一）学习贯彻党的创新理论不够深入，推动民政工作高质量发展力度不足。\n"
        "1.学习贯彻习近平法治思想不深入、不全面。\n"
        "（1）关于党组未及时传达学习重要讲话的问题。一是补学漏学内容。二是完善学习计划。\n"
        "（2）关于研讨发言质量不高的问题。健全材料审核制度。\n"
        "2.意识形态工作责任制落实不到位。\n"
        "（1）关于阵地管理不严的问题。一是清理过期宣传栏。\n"))
    notice = result.notice
    assert notice["aspects"] == [{"number": 1, "title": "学习贯彻党的创新理论不够深入，推动民政工作高质量发展力度不足"}]
    assert [(p["number"], p["title"], p["aspect"]) for p in notice["problems"]] == [
        (1, "学习贯彻习近平法治思想不深入、不全面", 1), (2, "意识形态工作责任制落实不到位", 1)]
    assert notice["problems"][0]["measures"] == [
        "关于党组未及时传达学习重要讲话的问题。一是补学漏学内容。二是完善学习计划。",
        "关于研讨发言质量不高的问题。健全材料审核制度。"]


def test_a_numbered_item_cut_short_at_the_end_of_a_page_is_not_taken_for_a_link(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至5月10日，区委第四巡察组对区民政局党组开展了巡察。\n"
        "二、巡察反馈问题整改情况\n"
        "（一）关于落实全面从严治党主体责任不到位方面\n"
        "1.党组履行主体责任不\n"))
    assert [p["title"] for p in result.notice["problems"]] == ["党组履行主体责任不"]
    assert "1.党组履行主体责任不" not in result.chrome_removed


def test_a_team_written_first_with_its_place_is_named_as_the_text_names_it_alone_and_gives_the_region(tmp_path):
    known = _imported(tmp_path, (
        "按照七届市委第六轮巡察工作安排，3月27日，天水市委第二巡察组巡察意见反馈会在市人民医院召开。\n"
        "市委第二巡察组组长通报了巡察情况，医院党委书记作表态发言。\n"))
    assert known.notice["inspection"]["team"] == "市委第二巡察组"
    assert known.notice["region"] == "天水市"
    assert "地区（region）取自巡察组名称“天水市委第二巡察组”里的地名“天水市”，请核对" in known.unplaced


def test_a_team_keeps_the_place_it_is_named_with_when_the_text_never_drops_it(tmp_path):
    result = _imported(tmp_path, (
        "本报9月9日电 近日，江苏省镇江市润州区委巡察组工作人员再次来到某某村，了解整改情况。\n"
        "此前，润州区委巡察组进驻该村开展巡察，督促村“两委”落实整改。\n"))
    assert result.notice["inspection"]["team"] == "润州区委巡察组"


def test_a_clause_run_into_the_team_name_and_a_count_of_teams_are_not_part_of_the_name(tmp_path):
    joined = _imported(tmp_path, (
        "4月29日，某某镇召开巡察整改动员部署会议，根据区委要求和区委第一巡察组反馈的问题，研究部署整改工作。\n"))
    assert joined.notice["inspection"]["team"] == "区委第一巡察组"
    sent = _imported(tmp_path, (
        "按照县委统一部署，县委巡察工作领导小组办公室组织县委第二巡察组于2023年9月4日至10月27日对县水务局党组开展了巡察。\n"))
    assert sent.notice["inspection"]["team"] == "县委第二巡察组"
    counted = _imported(tmp_path, (
        "按照市委统一部署，2019年6月3日至7月3日，市委12个巡察组对全市120个行政村开展了常规巡察。\n"
        "10月9日，市委书记专题会听取巡察情况汇报，对巡察反馈和整改落实工作提出明确要求。\n"
        "10月10日至13日，市委巡察组对全市120个村（社区）反馈巡察情况。\n"))
    assert counted.notice["inspection"] == {"team": "市委巡察组", "start": dt.date(2019, 6, 3),
                                            "end": dt.date(2019, 7, 3), "feedback": dt.date(2019, 10, 10)}


def test_a_team_with_pinyin_glosses_is_read_without_them(tmp_path):
    result = _imported(tmp_path, (
        "12月22日，省國資(zī)委黨委第一(yī)巡察組進駐某某公司，開(kāi)展專項巡察。\n"
        "巡察組聽(tīng)取了被巡察公司黨委的情況報告。\n"))
    assert result.notice["inspection"]["team"] == "省國資委黨委第一巡察組"


def test_teams_named_without_dates_by_their_place_or_two_together(tmp_path):
    placed = _imported(tmp_path, (
        "经中共普陀区委同意，近日，普陀区委巡察组分别向某某镇、区交通运输局等4家单位党组织反馈了巡察意见。\n"))
    assert placed.notice["inspection"] == {"team": "普陀区委巡察组"}
    assert placed.notice["region"] == "普陀区"
    two = _imported(tmp_path, (
        "根据市委巡察工作统一部署，2022年4月上旬至6月中旬，市委第一巡察组、第六巡察组分别对某某集团有限公司"
        "（以下简称“某某集团”，2家企业已重组整合）、某某商贸集团有限公司开展了政治巡察。\n"))
    assert two.notice["inspection"] == {"team": "市委第一巡察组、第六巡察组"}


def test_the_team_and_the_publisher_of_an_announcement_come_from_its_title(tmp_path):
    result = _imported(tmp_path, (
        "中共某某学院委员会第二巡察组巡察工作公告\n"
        "按照学校党委统一部署，学校党委第五轮巡察工作第二巡察组于2023年3月27日至4月9日进驻附属中学进行巡察。\n"
        "巡察期间设立值班电话：010-12345678。\n"))
    assert result.notice["publisher"] == "中共某某学院委员会第二巡察组"
    assert result.notice["inspection"]["team"] == "中共某某学院委员会第二巡察组"
    assert ("巡察组名称取自标题“中共某某学院委员会第二巡察组巡察工作公告”"
            "（正文写作“学校党委第五轮巡察工作第二巡察组”），请核对") in result.unplaced


def test_figures_written_in_prose_other_ways(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第一巡察组对县法院党组开展了巡察。现将整改落实情况予以通报。\n"
        "对照巡察组反馈的3个方面11类问题30项问题的具体表现，院党组制订了86条措施，目前已整改落实28个。\n"))
    figures = result.notice["figures"]
    assert (figures["aspects"], figures["problems"], figures["measures"], figures["problems_done"]) == (3, 30, 86, 28)
    news = _imported(tmp_path, (
        "5月25日，市委第三巡察组巡察市中心医院党委情况反馈会召开。巡察组通报了医院党委在党的建设等三大方面的45项问题，"
        "并对各方面巡查发现的问题作了反馈。\n"))
    assert (news.notice["figures"]["aspects"], news.notice["figures"]["problems"]) == (3, 45)
    seen = _imported(tmp_path, (
        "3月27日，市委第二巡察组巡察意见反馈会召开，对党建责任落实等6方面巡查发现的14个问题作了反馈。\n"))
    assert (seen.notice["figures"]["aspects"], seen.notice["figures"]["problems"]) == (6, 14)
    # nankai-zhongyang-7 (cut): the measures that support the tasks
    tasks = _imported(tmp_path, (
        "2021年5月8日至7月5日，中央第十巡视组对南开大学开展了常规巡视。现将巡视整改进展情况予以公布。\n"
        "学校党委细化完善，形成总体6个方面17大项问题69子项问题177项任务的整改台账，对应任务逐项建立支撑措施543条。"
        "截至2022年3月，学校巡视整改台账177项整改任务，已完成174项。\n"))
    assert tasks.notice["figures"]["measures"] == 543
    assert "problems_done" not in tasks.notice["figures"]  # 177项整改任务,已完成174项: tasks done, not problems
    # loudi-shiwei-4-xuncha (cut): the count of a round over six units
    round_count = _imported(tmp_path, (
        "根據(jù)市委統(tǒng)一部署,2017年10月至12月,婁底市委3個(gè)巡察組分別進(jìn)駐市委黨校、市交通運(yùn)輸局等6家單位黨組織"
        "開(kāi)展巡察。\n"
        "本輪巡察共發(fā)現(xiàn)問(wèn)題144個(gè),發(fā)現(xiàn)問(wèn)題線索11條。\n"))
    assert "problems" not in round_count.notice["figures"]
    more = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第一巡察组对县教育局党组开展了巡察，反馈了4个方面的问题，共26个具体问题。"
        "局党组梳理出26个反馈问题，目前已整改到位24条。\n"))
    assert (more.notice["figures"]["aspects"], more.notice["figures"]["problems"],
            more.notice["figures"]["problems_done"]) == (4, 26, 24)
    plan = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第一巡察组对县教育局党组开展了巡察。该局形成了包括3大方面、10大重点任务的整改方案。\n"))
    assert "aspects" not in plan.notice["figures"]


def test_the_publisher_named_in_full_before_its_short_name_or_as_it_names_itself(tmp_path):
    full = _imported(tmp_path, (
        "2024年4月1日至6月28日，市委第五巡察组对中共中山市人民检察院党组（以下简称“市检察院党组”）开展巡察。"
        "2024年7月31日，巡察组向市检察院党组反馈巡察意见。现将巡察整改进展情况予以公布。\n"))
    assert full.notice["publisher"] == "中共中山市人民检察院党组"
    association = _imported(tmp_path, (
        "2024年2月20日至3月26日，区委巡察二组对区文学艺术界联合会（以下简称区文联）开展了巡察。"
        "现将巡察整改进展情况予以公布。\n"))
    assert association.notice["publisher"] == "区文学艺术界联合会"
    itself = _imported(tmp_path, (
        "2021年4月26日至6月25日，市委第七巡察组对我单位开展了巡察工作。县委统战部高度重视巡察反馈意见，"
        "现将巡察整改情况向社会通报如下：\n"))
    assert itself.notice["publisher"] == "县委统战部"
    court = _imported(tmp_path, (
        "2020年6月1日至8月31日，市委巡察一组对我院党组开展了巡察。现将巡察整改进展情况予以公布。\n"
        "一、提高政治站位\n"
        "市法院党组严格落实市委巡察整改要求，认真履行主体责任。\n"))
    assert court.notice["publisher"] == "市法院党组"
    phrase = _imported(tmp_path, (
        "2022年11月28日至12月30日，区党工委第二巡察组对我局开展了专项巡察。现将整改进展情况予以公布。\n"
        "局党组压实责任，形成了局班子统揽、科室牵头的工作格局，认真抓好整改。\n"))
    assert phrase.notice["publisher"].startswith(PLACEHOLDER)  # not 形成了局
    assert "发布机构（publisher）取自正文中接受巡察反馈的单位“市法院党组”，请核对" in court.unplaced


@pytest.mark.parametrize("text, kind, publisher", [
    # jingmen-guangdian (cut): 現將 lost to mojibake, 報(bào)告如下 with a gloss inside it
    ("根據(jù)市委巡察工作的統(tǒng)一安排部署,2019年5月6日至6月5日,市委第二巡察組對(duì)荊門廣播電視臺(tái)黨委進(jìn)行了巡察。"
     "9月24日,市委第二巡察組向荊門廣播電視臺(tái)黨委反饋了巡察意見。為切實(shí)抓好整改工作,臺(tái)黨委研究制定了整改方案,"
     "并按照方案進(jìn)行了逐項(xiàng)整改?,F(xiàn)將整改情況報(bào)告如下:\n"
     "一、整改工作基本情況\n"
     "(一)提高站位,落實(shí)整改責(zé)任。臺(tái)黨委隨即于2019年9月29日召開黨委會(huì)議。\n",
     "整改情况", "荊門廣播電視臺黨委"),
    # boluo-rongmeiti (cut): the unit answers as its party organisation, named with its place
    ("根據(jù)博羅縣委統(tǒng)一部署,2023年8月30日至12月11日, 縣委第四巡察組對(duì)博羅縣融媒體中心黨組織"
     "進(jìn)行了巡察。2024年1月15日,縣委第四巡察組向博羅縣融媒體中心黨組織反饋了巡察意見。按照黨務(wù)公開原則和巡察工作有關(guān)要求,"
     "現(xiàn)將巡察集中整改進(jìn)展情況予以公布。\n"
     "一、黨組織及主要負(fù)責(zé)人組織落實(shí)整改情況\n",
     "整改进展", "博羅縣融媒體中心黨組織"),
])
def test_a_report_with_pinyin_glosses_says_what_it_is_and_who_answers(tmp_path, text, kind, publisher):
    """The glosses inside the words are no part of them: a report, whose publisher is the unit that received the
    feedback."""
    result = _imported(tmp_path, text)
    assert result.notice["kind"] == kind
    assert result.notice["publisher"] == publisher


def test_a_title_with_pinyin_glosses_still_names_its_publisher(tmp_path):
    result = _imported(tmp_path, (
        "中共某某省人民檢察院黨組關(guān)于巡視整改進(jìn)展情況的通報(bào)\n"
        "2019年9月9日至11月25日，省委第四巡視組對某某省人民檢察院黨組開展了常規(guī)巡視。\n"))
    assert result.notice["publisher"] == "中共某某省人民檢察院黨組"
    assert result.notice["title"] == "中共某某省人民檢察院黨組關(guān)于巡視整改進(jìn)展情況的通報(bào)"


def test_regions_of_a_town_a_provincial_team_and_a_unit_inspected_in_the_title(tmp_path):
    town = _imported(tmp_path, (
        "按照市委统一部署，2022年6月24日至8月10日，市委第二巡察组对某山镇党委开展了巡察。\n"
        "巡察意见反馈后，镇党委印发了《中共进贤县某山镇党委关于做好巡察整改工作的通知》。\n"))
    assert town.notice["region"] == "进贤县某山镇"
    news = _imported(tmp_path, (
        "4月29日，某行镇召开巡察整改动员部署会议，传达区委第一巡察组反馈的问题，研究部署整改工作。\n"))
    assert news.notice["region"] == "某行镇"
    province = _imported(tmp_path, (
        "12月22日，省国资委党委第一巡察组进驻某某远洋公司，开展专项巡察。\n"
        "江苏省港口集团总经理表示，集团党委将积极支持配合巡察。\n"))
    assert province.notice["region"] == "江苏省"
    titled = _imported(tmp_path, (
        "市委第一巡察组巡察襄阳市中心医院党委情况反馈会召开\n"
        "5月25日，市委第一巡察组巡察襄阳市中心医院党委情况反馈会召开。\n"))
    assert titled.notice["region"] == "襄阳市"
    # shaoyang-shiwei-6-xuncha (cut): the committee's term before the place that opens the title
    termed = _imported(tmp_path, (
        "十二届邵阳市委第六轮巡察启动 将对这些单位开展巡察\n"
        "9月2日,十二届市委第六轮巡察动员部署会召开。根据市委统一部署安排,本轮巡察聚焦宣传、统战、医疗卫生等领域。\n"))
    assert termed.notice["region"] == "邵阳市"
    assert "地区（region）取自标题开头的地名“邵阳市”，请核对" in termed.unplaced


def test_a_date_line_in_traditional_characters_keeps_the_source_as_written(tmp_path):
    result = _imported(tmp_path, (
        "某某高校曬巡視整改清單\n"
        "2017年08月31日 08:19:28  來源:中國新聞網(wǎng)\n"
        "連日來，中紀委網站公布了十八屆中央第十二輪巡視中29所高校的巡視整改情況。\n"))
    assert result.notice["published"] == dt.date(2017, 8, 31)
    assert result.notice["source"] == "中國新聞網(wǎng)"
    assert "2017年08月31日 08:19:28  來源:中國新聞網(wǎng)" in result.chrome_removed


def test_an_author_glued_to_the_source_and_an_update_time_as_the_only_date(tmp_path):
    result = _imported(tmp_path, (
        "更新时间:2025-04-10浏览次数:来源:区司法局作者:区司法局\n"
        "根据市委巡察工作统一部署，2024年3月7日至5月7日，市委第一巡察组对区司法局党组开展了巡察。\n"))
    assert result.notice["source"] == "区司法局"
    assert result.page_metadata["作者"] == "区司法局"
    assert result.notice["published"] == dt.date(2025, 4, 10)
    assert ("发布日期（published）取自网页的“更新时间：2025-04-10”（网页上没有发布日期），"
            "更新时间可能晚于发布日期，请核对") in result.unplaced


def test_a_welcome_banner_is_chrome_and_its_site_name_still_gives_the_region(tmp_path):
    result = _imported(tmp_path, (
        "欢迎进入山西省临汾市中心医院官方网站! 加入收藏 联系我们\n"
        "市委第二巡察组巡察市中心医院党委情况反馈会议召开\n"
        "发布时间:2024-04-09\n"
        "根据市委巡察工作统一部署，市委第二巡察组于2023年9月27日至12月29日对市中心医院党委开展了专项巡察。\n"))
    assert result.notice["title"] == "市委第二巡察组巡察市中心医院党委情况反馈会议召开"
    assert "欢迎进入山西省临汾市中心医院官方网站! 加入收藏 联系我们" in result.chrome_removed
    assert result.notice["region"] == "临汾市"


@pytest.mark.parametrize("text", [
    ("7月7日下午，某某学院党委召开巡察整改情况通报会，学院党委书记向全体教职工通报了巡察整改情况。\n"
     "学校党委于2020年11月下旬对某某学院开展了巡察工作，学院对12个方面32个问题认真进行了整改。\n"),
    # nankai-jiaoyubu-xunshi-zhenggai-diaoyan (cut): a visit that looked into the rectification
    ("郑富芝一行来校调研指导督促中央巡视整改落实情况\n"
     "11月10日，教育部党组成员、副部长郑富芝一行来校调研指导督促中央巡视整改落实情况。\n"
     "在调研座谈会上，杨庆山简要汇报了学校党委部署推动情况、巡视整改工作的主要进展和推进措施。\n"),
])
def test_news_of_a_meeting_or_visit_about_the_rectification_is_of_the_other_kind(tmp_path, text):
    result = _imported(tmp_path, text)
    assert result.notice["kind"] == "其他"


def test_a_news_item_in_traditional_characters_about_a_xunshi_check_is_imported_not_refused(tmp_path):
    result = _imported(tmp_path, (
        "4月26日，集團(tuán)公司召開黨委(擴(kuò)大)會，專題研究抓好巡視專項(xiàng)檢查整改工作。\n"
        "會上，黨委工作部通報(bào)省委巡視組專項(xiàng)檢查中的黨建工作情況。\n"))
    assert result.notice["kind"] == "其他"
    assert result.notice["problems"] == []
    assert any(line.startswith("没有找到问题清单") for line in result.unplaced)


def test_aspects_named_x_fangmian_cunzai_de_wenti_over_problems_numbered_wenti_yi(tmp_path):
    result = _imported(tmp_path, (
        "中共某某区教育局党组关于区委巡察整改情况的通报\n"
        "2023年9月1日至10月31日，区委第四巡察组对区教育局党组进行了巡察。2023年12月5日反馈了巡察意见。"
        "现将整改情况予以公布。\n"
        "一、政治建设方面存在的问题\n"
        "问题一：落实意识形态工作责任制不到位。\n"
        "整改情况：一是召开专题会议。二是完善阵地管理制度。\n"
        "问题二：理论学习流于形式。\n"
        "整改情况：一是制定年度学习计划。\n"
        "二、全面从严治党方面\n"
        "问题三：违规发放津补贴。\n"
        "整改情况：一是清退违规发放的津补贴。\n"))
    notice = result.notice
    assert notice["aspects"] == [{"number": 1, "title": "政治建设方面"}, {"number": 2, "title": "全面从严治党方面"}]
    assert [(p["number"], p["title"], p["aspect"]) for p in notice["problems"]] == [
        (1, "落实意识形态工作责任制不到位", 1), (2, "理论学习流于形式", 1), (3, "违规发放津补贴", 2)]
    assert notice["problems"][0]["measures"] == ["召开专题会议。", "完善阵地管理制度。"]
    assert "第1个方面的标题“政治建设方面”取自原文“政治建设方面存在的问题”，请核对" in result.unplaced


def test_the_last_problems_label_lines_at_the_end_of_a_page_are_its_labels_not_links(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第一巡察组对县农业农村局党组进行了巡察。现将整改情况公示如下。\n"
        "问题1：高标准农田建设项目管理不规范。\n"
        "整改措施：开展项目全面排查，完善项目管理制度。\n"
        "责任单位：农田建设股\n"
        "完成时限：2024年9月底\n"
        "完成情况：已完成\n"
        "问题2：惠农补贴发放不及时。\n"
        "整改措施：建立补贴发放台账。\n"
        "责任单位：财务股\n"
        "完成时限：长期坚持\n"
        "完成情况：正在整改\n"))
    second = problem(result, 2)
    assert len(result.notice["problems"]) == 2
    assert (second["responsible_unit"], second["status"]) == ("财务股", "正在整改")
    assert second["measures"] == ["整改措施：建立补贴发放台账。完成时限：长期坚持"]
    assert "第2个问题：整改时限“长期坚持”不是具体日期，未填入 due" in result.unplaced
    assert not any("财务股" in line for line in result.chrome_removed)


def test_a_problem_written_after_wenti_colon_takes_its_title_from_the_words_after_it(tmp_path):
    result = _imported(tmp_path, (
        "2024年4月1日至5月31日，县委第二巡察组对县交通运输局党组开展了巡察。现将整改进展情况予以公布。\n"
        "二、反馈问题整改情况\n"
        "（一）关于党的领导弱化方面\n"
        "1.问题：落实“第一议题”制度不到位。\n"
        "整改情况：一是严格落实“第一议题”制度。二是建立学习台账。\n"
        "2.问题：意识形态阵地管理不严。\n"
        "整改情况：一是开展阵地排查。\n"))
    assert [(p["title"], p["measures"]) for p in result.notice["problems"]] == [
        ("落实“第一议题”制度不到位", ["严格落实“第一议题”制度。", "建立学习台账。"]),
        ("意识形态阵地管理不严", ["开展阵地排查。"])]
    assert "第1个问题的标题取自原文“问题：落实“第一议题”制度不到位。”，请核对" in result.unplaced


def test_problems_that_name_a_fault_over_numbered_actions_hold_those_actions_as_measures(tmp_path):
    result = _imported(tmp_path, (
        "2024年4月1日至5月31日，县委第三巡察组对县民政局党组开展了巡察。现将整改情况予以公布。\n"
        "二、巡察反馈问题整改情况\n"
        "（一）社会救助资金发放不精准\n"
        "1.开展全面排查，清退不符合条件人员12人。\n"
        "2.建立动态管理机制，每季度复核一次。\n"
        "（二）养老服务机构监管不到位\n"
        "1.开展养老机构安全检查。\n"
        "2.完善监管制度。\n"))
    assert result.notice["aspects"] == []
    assert [(p["title"], p["measures"]) for p in result.notice["problems"]] == [
        ("社会救助资金发放不精准", ["开展全面排查，清退不符合条件人员12人。", "建立动态管理机制，每季度复核一次。"]),
        ("养老服务机构监管不到位", ["开展养老机构安全检查。", "完善监管制度。"])]


def test_an_electronic_mailbox_and_a_postal_code_written_in_the_same_sentence_as_the_address(tmp_path):
    result = _imported(tmp_path, (
        "按照市委统一部署，2020年10月10日至10月29日，市委第一巡察组对某某村开展巡察。\n"
        "巡察组设专门值班电话17365353495，欢迎来电反映。邮政信箱:某某邮政信箱429号市委第一巡察组,邮政编码:215004。"
        "电子信箱:xcz001@example.com。\n"))
    contact = result.notice["contact"]
    assert (contact["phone"], contact["email"], contact["address"]) == (
        "17365353495", "xcz001@example.com", "某某邮政信箱429号市委第一巡察组(邮政编码:215004)")
    semicolon = _imported(tmp_path, (
        "按照市委统一部署，2020年10月10日至10月29日，市委第一巡察组对某某村开展巡察。\n"
        "欢迎监督。联系电话:0335-7673067;通讯地址:某某市某某大街588号;邮政编码:066000。\n"))
    assert semicolon.notice["contact"]["address"] == "某某市某某大街588号"


def test_a_problem_list_in_traditional_characters_is_read_and_kept_as_written(tmp_path):
    result = _imported(tmp_path, (
        "中共某某區教育局黨組關於區委巡察整改情況的通報\n"
        "2023年9月1日至10月31日，區委第四巡察組對區教育局黨組進行了巡察。現將整改情況予以公佈。\n"
        "一、整改工作組織領導情況\n"
        "（一）加強組織領導。成立整改工作領導小組。\n"
        "二、政治建設方面存在的問題\n"
        "問題一：落實意識形態工作責任制不到位。\n"
        "整改情況：一是召開專題會議。二是完善陣地管理制度。\n"
        "問題二：理論學習流於形式。\n"
        "整改情況：一是制定年度學習計劃。\n"))
    notice = result.notice
    assert notice["aspects"] == [{"number": 1, "title": "政治建設方面"}]
    assert [p["aspect"] for p in notice["problems"]] == [1, 1]
    assert "方面接着前面讲整改工作的1个章节编号（第一个方面是原文的“二、”）：草稿中的方面从 1 起编号，请核对" \
        in result.unplaced
    assert [(p["title"], p["measures"]) for p in notice["problems"]] == [
        ("落實意識形態工作責任制不到位", ["召開專題會議。", "完善陣地管理制度。"]),
        ("理論學習流於形式", ["制定年度學習計劃。"])]
    assert "（一）加強組織領導。成立整改工作領導小組。" in result.body_markdown  # organisational, not a problem
    assert "第1个方面的标题“政治建設方面”取自原文“政治建設方面存在的問題”，请核对" in result.unplaced


@pytest.mark.parametrize("text", [
    ("中共某某县文旅局党组关于巡察整改情况的通报\n"
     "2024年3月1日至4月30日，县委第一巡察组对县文旅局党组开展了巡察。现将整改情况予以公布。\n"
     "一、提高政治站位，不断强化整改责任\n"
     "（一）坚持高位推动。局党组书记切实履行第一责任人职责，多次召开专题会议。\n"
     "（二）坚持问题导向。对反馈问题逐条建立台账，做到不漏项、不拖延。\n"
     "二、聚焦突出问题，扎实推进整改落实\n"
     "（一）不断健全制度机制。新建制度8项。\n"
     "（二）持续巩固整改成果。对已完成整改的问题开展“回头看”，防止问题反弹。\n"
     "三、下一步工作打算\n"
     "局党组将持续深化整改，确保整改见底见效。\n"),
    # nankai-zhongyang-7 (cut): goals and measure areas, one of five with a word of a fault (锲而不舍)
    ("根据中央统一部署，2021年5月8日至7月5日，中央第十巡视组对南开大学开展了常规巡视。现将巡视整改进展情况予以公布。\n"
     "**一、深入学习贯彻习近平总书记关于巡视工作重要论述，坚定不移把巡视整改作为重大政治任务抓紧抓好**\n"
     "1.深化思想认识，坚定整改决心。学校党委以高度的政治自觉担负起巡视整改主体责任。\n"
     "2.加强组织领导，压实整改责任。学校党委深刻认识到，巡视反馈的问题虽然表现形式不同，但根子在党委。\n"
     "**二、强化政治担当，综合施策推进，逐条逐项推动巡视整改任务落地见效**\n"
     "（一）加强党的领导、学懂弄通做实，全面贯彻党的教育方针\n"
     "1.在学懂弄通做实上下功夫\n"
     "一是系统全面深研细悟。集中整改期间，校党委理论中心组开展专题理论学习7次。\n"
     "（二）层层压紧压实、落实“两个责任”，深入推进全面从严治党\n"
     "1.扎实履行主体责任\n"
     "一是提升管党治党、全面从严的政治站位。\n"
     "2.锲而不舍纠治“四风”\n"
     "一是深入纠治形式主义官僚主义。\n"),
])
def test_organisational_sections_goals_and_measures_are_no_problem_list(tmp_path, text):
    """不断强化 / 聚焦突出问题 say how the work was done; a list of goals and measures with a fault word in a
    title or two (锲而不舍) is no problem list either."""
    result = _imported(tmp_path, text)
    assert result.notice["problems"] == [] and result.notice["aspects"] == []
    assert any(line.startswith("没有找到问题清单") for line in result.unplaced)
    measures = _imported(tmp_path, (
        "2024年3月1日至4月30日，区委第二巡察组对区水务局党组开展了巡察。现将整改情况予以公布。\n"
        "（一）提高政治站位，扛牢整改责任。局党组召开专题会议，研究部署整改工作。\n"
        "（二）坚持标本兼治，补齐短板弱项。建立健全制度12项，堵塞管理漏洞。\n"
        "（三）聚焦民生关切，切实解决群众急难愁盼问题。办理民生实事10件。\n"
        "（四）举一反三，查漏补缺。开展“回头看”，确保问题不反弹。\n"))
    assert measures.notice["problems"] == []


def test_a_closing_section_after_the_problem_list_is_narrative(tmp_path):
    result = _imported(tmp_path, (
        "2024年4月1日至5月31日，市委第五巡察组对市审计局党组开展了巡察。现将整改进展情况予以公布。\n"
        "二、巡察反馈问题整改情况\n"
        "（一）关于“审计成果运用不充分”的问题\n"
        "整改情况：一是建立审计整改跟踪机制。二是定期通报审计整改情况。\n"
        "（二）关于“干部队伍建设有短板”的问题\n"
        "整改情况：一是制定干部培训计划。\n"
        "三、下一步工作打算\n"
        "局党组将持续抓好整改。\n"))
    assert [p["title"] for p in result.notice["problems"]] == ["审计成果运用不充分", "干部队伍建设有短板"]
    assert "### 三、下一步工作打算" in result.body_markdown
    assert "局党组将持续抓好整改。" in result.body_markdown


def test_a_unit_inspected_without_its_party_body_named_publishes_the_notice(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第一巡察组对县审计局开展了巡察。现将巡察整改情况予以公布。\n"))
    assert result.notice["publisher"] == "县审计局"
    villages = _imported(tmp_path, (
        "2019年6月3日至7月3日，市委12个巡察组对全市120个行政村开展了常规巡察。现将巡察整改情况予以公布。\n"))
    assert villages.notice["publisher"].startswith(PLACEHOLDER)


def test_an_inspection_written_from_a_day_qi_zhi_another(tmp_path):
    result = _imported(tmp_path, "2024年3月5日起至5月10日，市委第三巡察组对市林业局党组开展了巡察。\n")
    assert result.notice["inspection"] == {"team": "市委第三巡察组", "start": dt.date(2024, 3, 5),
                                           "end": dt.date(2024, 5, 10)}


def test_page_fields_in_brackets_give_the_date(tmp_path):
    result = _imported(tmp_path, (
        "中共某某市东城区工委关于巡察整改情况的通报\n"
        "【信息时间:2026-02-13 阅读次数: 】【字号 】【我要打印】【关闭\n"
        "根据市委统一部署，2025年7月10日至9月12日，市委第一巡察组对东城区进行了巡察。\n"))
    assert result.notice["published"] == dt.date(2026, 2, 13)
    assert "【信息时间:2026-02-13 阅读次数: 】【字号 】【我要打印】【关闭" in result.chrome_removed


def test_a_text_file_holding_a_pages_html_source_says_its_markup_was_left_out(tmp_path):
    text = (FIXTURES / "cn_numerals_paren_problems.txt").read_text(encoding="utf-8")
    source = tmp_path / "copied-source.txt"
    source.write_text("".join(f'<p class="ql-block">{line}</p>\n' for line in text.splitlines()) + "<!-- 页尾 -->\n",
                      encoding="utf-8")
    result = import_notice(source)
    tags = 2 * len(text.splitlines()) + 1
    assert f"文本文件里是网页的 HTML 源码：其中的 {tags} 处网页标记（p）已去掉，只导入了文字；请对照原网页核对" \
        in format_report(result)
    assert len(result.notice["problems"]) == 6
    saved = tmp_path / "saved.html"
    saved.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")  # a saved page: no such note
    assert "HTML 源码" not in format_report(import_notice(saved))


def test_a_heading_that_groups_problems_by_progress_is_no_problem(tmp_path):
    """(一)已整改完成的问题 / (二)正在推进整改的问题 over prose with counts: no problem list, and the editor is told."""
    result = _imported(tmp_path, (
        "中共某某县融媒体中心委员会关于巡察整改进展情况的通报\n"
        "2023年8月14日至10月31日，县委第三巡察组对县融媒体中心党委开展了常规巡察。现将巡察整改进展情况予以公布。\n"
        "一、整改工作组织情况\n"
        "县融媒体中心党委高度重视，及时召开党委会，建立巡察整改工作机制。\n"
        "二、整改落实情况\n"
        "（一）已整改完成的问题\n"
        "针对巡察反馈意见指出的33个具体问题，已整改完成30个。\n"
        "（二）正在推进整改的问题\n"
        "其余3个问题正在整改中。\n"))
    assert result.notice["problems"] == [] and result.notice["aspects"] == []
    assert any(line.startswith("没有找到问题清单") for line in result.unplaced)
    assert "（一）已整改完成的问题" in result.body_markdown
    listed = _imported(tmp_path, (
        "2023年8月14日至10月31日，县委第三巡察组对县融媒体中心党委开展了常规巡察。现将巡察整改进展情况予以公布。\n"
        "（一）已整改完成的问题\n"
        "1.理论学习不深入。整改情况：制定学习计划。\n"
        "2.制度执行不严格。整改情况：修订制度5项。\n"))
    assert [p["title"] for p in listed.notice["problems"]] == ["理论学习不深入", "制度执行不严格"]


def test_a_problem_numbered_on_two_levels_at_once_keeps_its_title_only(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第二巡察组对县卫健局党组进行了巡察。现将巡察整改进展情况予以公布。\n"
        "二、巡察反馈问题整改进展情况\n"
        "（一）上轮巡察整改、审计整改方面\n"
        "1.(1)巡察整改责任未扛牢，常态化推进不力。\n"
        "整改情况：一是召开专题会议。\n"
        "2.①财务制度执行不严格。\n"
        "整改情况：一是修订财务制度。\n"))
    assert [(p["number"], p["title"]) for p in result.notice["problems"]] == [
        (1, "巡察整改责任未扛牢，常态化推进不力"), (2, "财务制度执行不严格")]
    assert "第1个问题的编号之后还有一级编号“(1)”：标题没有保留它，请核对" in result.unplaced
    assert "第2个问题的编号之后还有一级编号“①”：标题没有保留它，请核对" in result.unplaced


def test_a_line_of_the_date_and_the_site_without_keys_gives_published_and_source(tmp_path):
    for line, site in (("2025-06-17 09:00 浙江省纪委省监委网站", "浙江省纪委省监委网站"),
                       ("建湖日报数字报 2025-06-17", "建湖日报数字报")):
        result = _imported(tmp_path, "中共某某县教育局党组关于巡察整改进展情况的通报\n" + line + "\n" + NOTICE_OPENING)
        assert (result.notice["published"], result.notice["source"]) == (dt.date(2025, 6, 17), site)
        assert f"发布日期和来源取自没有标注“发布时间”“来源”的一行“{line}”，请核对" in result.unplaced
        assert line not in result.body_markdown
    after = _imported(tmp_path, NOTICE_OPENING + "某某日报 2025-06-17\n")  # after the text: not the page's date
    assert "published" not in after.notice and not any(line.startswith("发布日期和来源") for line in after.unplaced)


def test_a_space_between_the_unit_and_guanyu_is_no_part_of_the_publisher(tmp_path):
    result = _imported(tmp_path, "中共三门峡市文化广电和旅游局党组 关于巡察整改情况的通报\n" + NOTICE_OPENING)
    assert result.notice["title"] == "中共三门峡市文化广电和旅游局党组 关于巡察整改情况的通报"
    assert (result.notice["publisher"], result.notice["region"]) == ("中共三门峡市文化广电和旅游局党组", "三门峡市")


def test_a_section_heading_that_quotes_one_problem_is_that_problem_and_its_numbered_paragraphs_its_measures(tmp_path):
    """一、关于“…”问题的整改情况 / (一)…: the 一、 heading names one problem (what was still to be done: 还需持续发力),
    the (一)(二) under it are its measures, not problems."""
    result = _imported(tmp_path, (
        "中共某某市妇女联合会党组关于巡察整改进展情况的通报\n"
        "2024年5月8日至5月24日，市委第二巡察组对市妇联党组进行了巡察。现将整改进展情况予以公布。\n"
        "一、关于“推动妇女儿童工作高质量发展还需持续发力”问题的整改情况\n"
        "（一）强化妇女群众思想政治引领。召开专题民主生活会。\n"
        "（二）推进家庭家教家风建设。开展寻找最美家庭活动。\n"
        "二、关于“基层组织建设不够扎实”问题的整改情况\n"
        "（一）完善基层妇联组织。新建妇女之家12个。\n"))
    notice = result.notice
    assert notice["aspects"] == []
    assert [(p["number"], p["title"], p["measures"]) for p in notice["problems"]] == [
        (1, "推动妇女儿童工作高质量发展还需持续发力",
         ["强化妇女群众思想政治引领。召开专题民主生活会。", "推进家庭家教家风建设。开展寻找最美家庭活动。"]),
        (2, "基层组织建设不够扎实", ["完善基层妇联组织。新建妇女之家12个。"])]


def test_a_quoted_problem_heading_in_traditional_characters_is_quoted_as_written_in_the_report(tmp_path):
    result = _imported(tmp_path, (
        "中共某某市婦女聯合會黨組關於巡察整改進展情況的通報\n"
        "2024年5月8日至5月24日，市委第二巡察組對市婦聯黨組進行了巡察。現將整改進展情況予以公佈。\n"
        "一、關於“推動婦女兒童工作高質量發展還需持續發力”問題的整改情況\n"
        "（一）強化婦女群眾思想政治引領。召開專題民主生活會。\n"))
    assert [p["title"] for p in result.notice["problems"]] == ["推動婦女兒童工作高質量發展還需持續發力"]
    assert ("第1个问题的标题取自原文“關於“推動婦女兒童工作高質量發展還需持續發力”問題的整改情況”，请核对"
            in result.unplaced)


def test_an_aspect_that_names_a_fault_is_kept_without_its_frame_and_a_topic_keeps_its_word(tmp_path):
    """(一)在…存在差距方面 / (二)…作用不明显方面 → the words of the fault; (三)作风建设方面 names a topic and stays."""
    result = _imported(tmp_path, (
        "中共某某区妇联党组关于巡察整改进展情况的通报\n"
        "2024年3月1日至4月30日，区委第一巡察组对区妇联党组进行了巡察。现将整改进展情况予以公布。\n"
        "（一）在学习贯彻党中央决策部署存在差距方面\n"
        "1.理论学习不深入。整改情况：一是制定学习计划。\n"
        "（二）引领妇女群众发挥作用不明显方面\n"
        "2.联系群众不紧密。整改情况：一是开展走访。\n"
        "（三）作风建设方面\n"
        "3.会议过多过滥。整改情况：一是精简会议。\n"))
    assert result.notice["aspects"] == [{"number": 1, "title": "学习贯彻党中央决策部署存在差距"},
                                        {"number": 2, "title": "引领妇女群众发挥作用不明显"},
                                        {"number": 3, "title": "作风建设方面"}]
    assert "第1个方面的标题“学习贯彻党中央决策部署存在差距”取自原文“在学习贯彻党中央决策部署存在差距方面”，请核对" \
        in result.unplaced


def test_problems_not_numbered_under_aspect_headings_are_the_first_sentences_of_their_paragraphs(tmp_path):
    """(一)在…方面 / 组织建设滞后。2025年9月,召开… : each paragraph opening with a short sentence naming a fault is a
    problem, numbered by order across the aspects; a paragraph that goes on with what was done stays with it."""
    result = _imported(tmp_path, (
        "中共某某区文联党组关于巡察整改情况的通报\n"
        "2025年3月24日至6月13日，区委第一巡察组对区文联党组进行了巡察。现将整改情况予以公布。\n"
        "（一）在学习贯彻党中央决策部署存在差距方面\n"
        "学习贯彻落实重要指示精神不到位。2025年9月，系统学习有关论述。\n"
        "2025年10月，开展专题研讨。\n"
        "（二）在发挥桥梁纽带作用不充分方面\n"
        "组织建设滞后。2025年9月，召开全体工作人员会议。\n"
        "统筹文艺体系建设有欠缺。2025年9月，研究制定工作方案。\n"))
    notice = result.notice
    assert notice["aspects"] == [{"number": 1, "title": "学习贯彻党中央决策部署存在差距"},
                                 {"number": 2, "title": "发挥桥梁纽带作用不充分"}]
    assert [(p["number"], p["aspect"], p["title"]) for p in notice["problems"]] == [
        (1, 1, "学习贯彻落实重要指示精神不到位"), (2, 2, "组织建设滞后"), (3, 2, "统筹文艺体系建设有欠缺")]
    assert "2025年10月，开展专题研讨。" in "".join(notice["problems"][0]["measures"])


def test_paragraphs_under_aspect_headings_that_do_not_open_with_a_fault_make_no_problems(tmp_path):
    result = _imported(tmp_path, (
        "中共某某区文联党组关于巡察整改情况的通报\n"
        "2025年3月24日至6月13日，区委第一巡察组对区文联党组进行了巡察。现将整改情况予以公布。\n"
        "（一）在强化政治引领方面\n"
        "提高政治站位。召开党组会议专题研究。\n"
        "（二）在压实整改责任方面\n"
        "细化整改任务。建立整改台账。\n"))
    assert result.notice["problems"] == []
    assert any(line.startswith("没有找到问题清单") for line in result.unplaced)


def test_an_announcement_of_one_paragraph_that_is_its_contact_block_gives_its_inspection(tmp_path):
    """巡察公告 / 根据…,市委第一巡察组从5月17日至8月7日…开展专项巡察…值班电话…邮政信箱… / 市委第一巡察组 /
    2020年5月31日: the paragraph that holds the contact also states the inspection."""
    result = _imported(tmp_path, (
        "巡察公告\n"
        "根据市委巡察工作统一部署,市委第一巡察组从2020年5月17日至8月7日,对市科技局开展专项巡察。"
        "巡察期间,市委巡察组设专门值班电话:020-83123456,每天接听时间为08:30—17:30;"
        "专门邮政信箱:某某市A105邮政信箱转市委第一巡察组收,邮编:510046,欢迎来信反映。\n"
        "市委第一巡察组\n"
        "2020年5月31日\n"))
    notice = result.notice
    assert notice["inspection"] == {"team": "市委第一巡察组", "start": dt.date(2020, 5, 17), "end": dt.date(2020, 8, 7)}
    assert "开头没有找到巡察组反馈意见的日期：inspection 的 feedback 未填写，请按原文补充" in result.unplaced


def test_several_teams_counted_and_words_ending_in_team_are_no_team_name(tmp_path):
    counted = _imported(tmp_path, (
        "某某大学召开巡察反馈会\n"
        "根据校党委统一部署，4月7日到4月11日，二届党委第二轮巡察三个巡察组分别向6个二级党组织反馈巡察意见。\n"))
    assert "inspection" not in counted.notice
    assert "开头没有找到巡察组名称：inspection 未填写，请编辑补充" in counted.unplaced
    sent = _imported(tmp_path, (
        "大同精准落实政治巡察要求\n"
        "经大同市委批准，大同市委派出6个巡察组对市住建局党组等16个市直单位党组织开展常规巡察。\n"))
    assert "inspection" not in sent.notice
    assert sent.notice["region"] == "大同市"
    # shaoyang-shiwei-6-xuncha (cut): the committee between the count and the teams
    committees = _imported(tmp_path, (
        "9月2日,十二届市委第六轮巡察动员部署会召开。根据市委统一部署安排,本轮巡察聚焦宣传、统战、医疗卫生等领域,"
        "安排6个市委巡察组对11个市直单位党组织开展巡察;组建10个市委交叉巡察组对12个县市区开展专项巡察。\n"))
    assert "inspection" not in committees.notice
    # loudi-shiwei-4-xuncha (cut): the round's teams counted, then named together without a number
    round_teams = _imported(tmp_path, (
        "根據(jù)市委統(tǒng)一部署,2017年10月至12月,婁底市委3個(gè)巡察組分別進(jìn)駐市委黨校、市交通運(yùn)輸局等6家單位黨組織"
        "開(kāi)展巡察。市委巡察組堅(jiān)持問(wèn)題導(dǎo)向,深化政治巡察。\n"))
    assert "inspection" not in round_teams.notice
    assert "开头没有找到巡察组和巡察日期：inspection 未填写，请编辑补充" in round_teams.unplaced
    words = _imported(tmp_path, (
        "我校召开巡察工作中期汇报会\n"
        "本网讯为了解巡察组工作的进展情况，11月17日下午，我校召开巡察工作中期汇报会。\n"))
    assert "inspection" not in words.notice


def test_a_team_whose_number_was_lost_in_the_copy_is_named_as_the_text_writes_it_elsewhere(tmp_path):
    result = _imported(tmp_path, (
        "根据县委统一部署,2022年4月14日至6月17日,县委第巡察组将对县残联开展常规巡察。\n"
        "动员会上,县委第二巡察组组长发表动员讲话。\n"))
    assert result.notice["inspection"]["team"] == "县委第二巡察组"
    assert "原文巡察组名称“县委第巡察组”缺少序号（复制网页时丢失），按正文另一处的“县委第二巡察组”填写，请核对" \
        in result.unplaced


def test_a_team_named_in_a_news_item_with_its_province_is_the_committees_team(tmp_path):
    result = _imported(tmp_path, (
        "“我们村的老年活动室也快两年没对外开放了”……江苏省常熟市委第四巡察组在对碧溪街道开展常规巡察时，"
        "收到部分老年群体的反映。\n"
        "巡察过程中，巡察组立足“早发现、早处置”工作原则，推动问题整改。\n"))
    assert result.notice["inspection"] == {"team": "常熟市委第四巡察组"}


_OPENING = "根据区委统一部署，2023年12月8日至2024年1月26日，区委第二巡察组对区妇联进行了巡察。"


@pytest.mark.parametrize("text, aspects", [
    ("一方面，区纪委对反馈问题进行清单管理；另一方面，推动整改落实。", None),
    ("从整改措施、牵头领导、责任科室、责任人、整改时限5个方面，构建起整改责任链。", None),
    ("反馈了项目监管不够有力、落实党建工作不够有力、推进意识形态工作不够深入等3个方面27条具体问题。", 3),
    # miluo-shiwei-xunshi (cut): the steps of a procedure, one of ten with a word of a fault (报告问题)
    ("从及时报告问题、主要领导批示、交办整改任务、主动认领任务、会议审议研究、认真实施整改、同步督查督办、适时调度推进、"
     "研究办结销号、建立长效机制10个方面着力,规范整改流程,落实闭环管理。", None),
    # xihu-shidibowuguan (cut): 一方面 with no comma after it
    ("一方面要深刻分析问题背后的原因,另一方面要着重与谋划发展结合起来,以巡促改、以巡促建。", None),
    # nankai-jiaoyubu-xunshi-zhenggai-diaoyan (cut): the tasks a visitor asks for, listed after the count
    ("希望学校在下一阶段工作中重点做好以下四个方面：一是坚持更高站位抓整改。", None),
    ("巡察组反馈指出了被巡察的党委存在以下四个方面的问题：一是贯彻落实党的路线方针政策不到位。", 4),
], ids=["one-hand", "listed-things", "listed-faults", "procedure-steps", "one-hand-no-comma", "tasks-ahead",
        "aspects-ahead"])
def test_counts_of_aspects_that_are_not_the_feedbacks_aspects_are_not_declared(tmp_path, text, aspects):
    result = _imported(tmp_path, _OPENING + "\n" + text + "\n")
    assert result.notice["figures"].get("aspects") == aspects
    assert result.notice["figures"].get("problems") == (27 if "27条具体问题" in text else None)


def test_more_aspects_than_problems_are_no_count_of_aspects_and_the_report_says_so(tmp_path):
    result = _imported(tmp_path, _OPENING + "\n巡察组反馈了巡察意见，共指出413个方面33个问题。\n")
    assert result.notice["figures"] == {"problems": 33}
    assert "通报中的方面数（413）多于问题数（33），不像方面数，没有写入 figures，请核对原文" in result.unplaced


def test_the_count_of_the_problems_one_by_one_and_measures_counted_after_the_noun(tmp_path):
    finer = _imported(tmp_path, _OPENING + "\n区妇联将巡察指出的3个方面的7项问题，"
                                           "细化分解为20个具体问题20项整改任务。\n"
                                           "对反馈的问题，制定有针对性和可操作性的整改措施14条。\n")
    assert finer.notice["figures"] == {"aspects": 3, "problems": 20, "measures": 14}
    assert "通报中问题（个）有不同说法（20、7），草稿取20，请核对" in finer.unplaced
    plan = _imported(tmp_path, _OPENING + "\n研究制定包括61项具体问题、278项整改举措的整改方案。\n")
    assert plan.notice["figures"] == {"problems": 61, "measures": 278}


def test_a_news_item_about_teams_arriving_is_no_announcement_and_its_team_address_names_the_region(tmp_path):
    result = _imported(tmp_path, (
        "(速新闻记者高云龙)根据市委统一部署,10月17日,市委第三巡察组进驻宿迁市委网信办开展巡察。\n"
        "在市委网信办,市委第三巡察组指出,巡视是推进党的自我革命的战略性制度安排。\n"
        "巡察期间,欢迎来信反映。邮政信箱:宿迁市人民大道7号市委第三巡察组。\n"))
    assert result.notice["kind"] == "其他"
    assert result.notice["region"] == "宿迁市"


@pytest.mark.parametrize("text", [
    ("9月24日,校党委书记检查指导巡视整改专项督查工作,出席督查组进驻党委办公室见面沟通会。\n"
     "他强调,要深刻领会抓好巡视整改的重大意义。\n"),
    # fuzhou-shiwei-7-xuncha-jinzhu (cut): teams arrive, and no phone or mailbox is given
    ("十二届福州市委第七轮第二批巡察正式完成进驻。各巡察组精神饱满地踏入被巡察单位,标志着巡察工作的全面展开。\n"
     "根据市委部署,十二届市委第七轮第二批巡察安排对市政协机关党组开展常规巡察,对市民政局党组开展巡察“回头看”。"
     "日前,5个巡察组已完成进驻。\n"
     "巡察工作时间30天左右。巡察期间,设立专门值班电话、邮政信箱和“码上巡”小程序等。\n"),
    # hengshan-minzheng-xuncha-jinzhu (cut): a title that says 进驻, over news with no way to reach the team
    ("衡山縣委第二巡察組進駐縣民政局開展巡察\n"
     "衡陽新聞網訊 通訊員康錦玉報道 根據衡山縣委的統一部署,縣委第二巡察組正式進駐縣民政局開展巡察。\n"
     "縣委第二巡察組將于2022年3月18日至5月27日對縣民政局開展巡察,辦公地點設于縣民政局四樓辦公室。\n"),
])
def test_an_arrival_that_announces_no_inspection_is_of_the_other_kind(tmp_path, text):
    """督查组进驻…: no 巡察组 arrives, the text announces no inspection; teams that arrive (进驻) without a 公告 or
    a phone or mailbox to reach them are news of the arrival."""
    result = _imported(tmp_path, text)
    assert result.notice["kind"] == "其他"
    assert "通报类别（kind）是根据正文推断的“其他”，请核对" in result.unplaced


def test_a_news_items_credit_line_is_no_publisher_and_its_dateline_says_what_the_text_is(tmp_path):
    result = _imported(tmp_path, (
        "我校召开十一届党委第五轮巡察工作中期汇报会\n"
        "本网讯为了解巡察组工作的进展情况,11月17日下午,我校召开巡察工作中期汇报会。\n"
        "会上,各巡察组组长详细汇报了巡察工作进展情况。\n"
        "文:党委巡察工作领导小组办公室\n"))
    assert result.notice["kind"] == "其他"
    assert result.notice["publisher"].startswith(PLACEHOLDER)


def test_a_contact_block_of_field_lines_under_its_heading_is_read_to_its_last_line(tmp_path):
    """三、反映问题联系方式 / 电 话:… / 电子邮箱:… / 邮政信箱:… (the last line cut short): the block, letter-spaced
    label and all; its last line is no link to drop."""
    result = _imported(tmp_path, (
        "十四届市委第十四轮巡察公告\n"
        "按照市委巡察工作部署，2021年9月1日至10月30日，市委第一巡察组对市妇联开展常规巡察。\n"
        "三、反映问题联系方式\n"
        "电 话:0573-85061112(市委巡察办);\n"
        "电子邮箱:xunchaban@example.gov.cn;\n"
        "邮政信箱:浙江省平湖市胜利路380号市行政中\n"))
    assert result.notice["contact"] == {"phone": "0573-85061112", "email": "xunchaban@example.gov.cn",
                                        "address": "浙江省平湖市胜利路380号市行政中"}
    assert result.chrome_removed == []


def test_where_letters_are_received_is_the_contact_address_and_an_empty_postal_code_is_left_out(tmp_path):
    place = _imported(tmp_path, _OPENING + "\n巡察期间在科创中心北门西侧设置了巡察组信箱;举报受理电话:17669615090。\n")
    assert place.notice["contact"]["address"] == "科创中心北门西侧"
    office = _imported(tmp_path, _OPENING + "\n巡察期间设专门联系电话:18279461972;巡察组受理信访地点:县莲廉苑。\n")
    assert (office.notice["contact"]["phone"], office.notice["contact"]["address"]) == ("18279461972", "县莲廉苑")
    empty = _imported(tmp_path, _OPENING + "\n欢迎来信反映。邮政信箱:宿迁市人民大道7号市委第三巡察组(邮政编码:);"
                                           "电话:13812345678。\n")
    assert empty.notice["contact"]["address"] == "宿迁市人民大道7号市委第三巡察组"
    assert "原文地址后的“(邮政编码:)”没有写出邮编，草稿的地址没有保留它，请按原网页核对" in empty.unplaced


def test_a_news_headline_over_its_date_line_after_the_sites_banners_is_the_title(tmp_path):
    """Banners in sentences (隱私聲明…。) before the headline: the headline over its date line is the title, the date
    the page's date, the banners chrome; the news item is imported, not refused."""
    result = _imported(tmp_path, (
        "本網站使用相關技術提供更好的閱讀體驗,同時尊重使用者隱私,點這裡瞭解隱私聲明。\n"
        "下載\n"
        "陸4輪巡視 湖北遭查官最多\n"
        "2014/11/7 18:29\n"
        "(中央社台北7日電)中共18大至今,中共中央巡視組已提出全大陸31個省市區巡視報告。\n"))
    assert result.notice["title"] == "陸4輪巡視 湖北遭查官最多"
    assert result.notice["published"] == dt.date(2014, 11, 7)
    assert result.notice["kind"] == "其他"
    assert result.chrome_removed == ["本網站使用相關技術提供更好的閱讀體驗,同時尊重使用者隱私,點這裡瞭解隱私聲明。",
                                     "下載", "2014/11/7 18:29"]


def test_dates_that_lost_all_their_characters_are_read_where_they_open_a_clause_or_end_a_range(tmp_path):
    result = _imported(tmp_path, (
        "中共某某县融媒体中心委员会关于巡察整改进展情况的通报\n"
        "根据县委统一部署,2023814日至1031县委第三巡察组对县融媒体中心党委开展了常规巡察。"
        "1227县委巡察组向中心党委反馈巡察意见。\n"
        "共有1227人参加学习,联系电话2023731,欢迎监督。\n"))
    assert result.notice["inspection"] == {"team": "县委第三巡察组", "start": dt.date(2023, 8, 14),
                                           "end": dt.date(2023, 10, 31), "feedback": dt.date(2023, 12, 27)}
    assert "原文日期“1031”缺少“月”“日”字（复制网页时丢失），按“10月31日”读取，请核对" in result.unplaced
    feedback = _imported(tmp_path, "根据自流井区委巡察工作统一部署2023731,区委第一巡察组向区工商联党组反馈巡察意见。\n")
    assert feedback.notice["inspection"] == {"team": "区委第一巡察组", "feedback": dt.date(2023, 7, 31)}
    assert "原文日期“2023731”缺少“年”“月”“日”字（复制网页时丢失），按“2023年7月31日”读取，请核对" in feedback.unplaced


def test_a_county_level_city_set_up_after_the_division_codes_is_a_place(tmp_path):
    """滦州市 (滦县 until 2018): the region of a news item whose team is named with it."""
    result = _imported(tmp_path, "3月6日,滦州市委第三巡察组巡察市工商联情况反馈会召开。会上,巡察组反馈了巡察意见。\n")
    assert result.notice["region"] == "滦州市"
    assert "地区（region）取自巡察组名称“滦州市委第三巡察组”里的地名“滦州市”，请核对" in result.unplaced


def test_a_source_credit_at_the_end_of_a_news_item_is_its_source_and_names_its_region(tmp_path):
    result = _imported(tmp_path, (
        "根据县委统一部署,2022年4月14日至6月17日,县委第二巡察组将对县残联开展常规巡察。\n"
        "其他不属于此次巡察受理范围的信访问题,将按有关规定由相关部门认真处理。(来源:广昌县残联)\n"))
    assert (result.notice["source"], result.notice["region"]) == ("广昌县残联", "广昌县")
    assert "(来源:广昌县残联)" in result.chrome_removed
    assert result.body_markdown.rstrip().endswith("由相关部门认真处理。")
    # loudi-shiwei-4-xuncha (cut): a publicity office in brackets, with a gloss inside its name, and no 来源
    office = _imported(tmp_path, (
        "根據(jù)市委統(tǒng)一部署,2017年10月至12月,婁底市委3個(gè)巡察組分別進(jìn)駐市委黨校等6家單位黨組織開(kāi)展巡察。\n"
        "5個(gè)交叉巡察組分別對(duì)5個(gè)縣市區(qū)的2家單位黨組織開(kāi)展交叉巡察。(婁底市紀(jì)委宣傳部)\n"))
    assert office.notice["source"] == "婁底市紀(jì)委宣傳部"
    assert "(婁底市紀(jì)委宣傳部)" in office.chrome_removed


def test_the_one_place_a_news_item_names_again_and_again_is_its_region_and_a_place_named_once_is_not(tmp_path):
    result = _imported(tmp_path, (
        "近年来,呈贡区纪委监委充分发挥巡察利剑作用,将乡村振兴战略落实情况纳入区委巡察重点。\n"
        "呈贡区纪委监委紧扣民之关切,推进社区巡察全覆盖。\n"))
    assert result.notice["region"] == "呈贡区"
    assert "地区（region）是正文中唯一提到的地名“呈贡区”（共2处），请核对" in result.unplaced
    once = _imported(tmp_path, "近年来,呈贡区纪委监委充分发挥巡察利剑作用,推进社区巡察全覆盖。\n")
    assert once.notice["region"].startswith(PLACEHOLDER)


def test_a_page_copied_as_one_line_is_cut_into_its_column_title_metadata_and_text(tmp_path):
    result = _imported(tmp_path, (
        "党务公开中共某某市妇联党组关于巡察整改进展情况的通报发布时间2023年7月28日 来源:某某市妇联 阅读7695次"
        "根据市委巡察工作统一部署,2022年11月21日至12月25日,市委巡察三组对市妇联党组开展了巡察。\n"))
    notice = result.notice
    assert (notice["title"], notice["publisher"], notice["published"], notice["source"]) == (
        "中共某某市妇联党组关于巡察整改进展情况的通报", "中共某某市妇联党组", dt.date(2023, 7, 28), "某某市妇联")
    assert result.chrome_removed == ["党务公开"]
    assert result.body_markdown.startswith("根据市委巡察工作统一部署")


def test_a_team_name_that_lost_a_character_after_the_dates_is_named_as_the_text_writes_it_elsewhere(tmp_path):
    result = _imported(tmp_path, (
        "根据县委统一部署,2023年8月14日至10月31日县委第三巡组对县融媒体中心党委开展了常规巡察。\n"
        "2023年12月27日,县委第三巡察组向县融媒体中心党委反馈了巡察意见。\n"))
    assert result.notice["inspection"]["team"] == "县委第三巡察组"
    assert ("原文巡察组名称“县委第三巡组”缺字（复制网页时丢失），按正文另一处的“县委第三巡察组”填写，请核对"
            in result.unplaced)


def test_a_peoples_organisation_named_short_is_the_publisher_of_its_report(tmp_path):
    result = _imported(tmp_path, (
        "根据区委统一部署,2023年12月8日至2024年1月26日,区委第二巡察组对区妇联进行了巡察。"
        "按照党务公开原则和巡察工作有关要求,现将巡察整改情况予以公布。\n"
        "一、整改工作组织情况\n"
        "区妇联将巡察指出的问题细化分解为20个具体问题。\n"))
    assert result.notice["publisher"] == "区妇联"
    assert "发布机构（publisher）取自正文中接受巡察反馈的单位“区妇联”，请核对" in result.unplaced
    cited = _imported(tmp_path, (
        "根据区委统一部署，2023年12月8日至2024年1月26日，区委第二巡察组对区妇联进行了巡察。"
        "现将巡察整改情况予以公布。\n"
        "区妇联制定了《新吴区妇联关于巡察反馈意见的整改工作方案》。\n"))
    assert (cited.notice["publisher"], cited.notice["region"]) == ("区妇联", "新吴区")
    assert _region_notes(cited) == [
        "地区（region）是正文中提到最多的区名“新吴区”（发布机构“区妇联”没有写地名），请核对"]


def test_a_problem_numbered_again_as_a_placeholder_takes_its_title_from_the_words_that_follow(tmp_path):
    """1.问题1:截至…未完成整改。 and 1.问题1: with the title on the next line: 问题1 is no title."""
    result = _imported(tmp_path, (
        "中共某某县财政局党组关于巡察整改进展情况的通报\n"
        "2024年3月1日至4月30日，县委第二巡察组对县财政局党组进行了巡察。2024年5月20日，巡察组反馈了巡察意见。"
        "推进8个县委巡察反馈问题整改。现将整改进展情况予以公布。\n"
        "一、巡察反馈问题整改落实情况\n"
        "（一）落实党中央决策部署不到位。\n"
        "1.问题1:\n"
        "预算执行进度偏慢，部分项目资金沉淀。\n"
        "整改情况：一是建立预算执行通报制度；二是清理沉淀资金。\n"
        "2.问题2：政府采购管理不规范。\n"
        "整改情况：一是修订采购内控制度。\n"))
    problems = result.notice["problems"]
    assert [(p["number"], p["title"], p["measures"]) for p in problems] == [
        (1, "预算执行进度偏慢，部分项目资金沉淀", ["建立预算执行通报制度", "清理沉淀资金。"]),
        (2, "政府采购管理不规范", ["修订采购内控制度。"])]
    assert result.notice["figures"]["problems"] == 8
    assert ("第1个问题的编号行只写了“问题1:”：标题取自下一段的第一句“预算执行进度偏慢，部分项目资金沉淀。”，请核对"
            in result.unplaced)
    assert "第2个问题的标题取自原文“问题2：政府采购管理不规范。”，请核对" in result.unplaced


def test_the_metadata_block_as_a_table_of_bars_is_read_in_rows_and_in_columns(tmp_path):
    """A mirror copies the 政务公开 block as a Markdown table: keys and values side by side, or keys over values."""
    side_by_side = _imported(tmp_path, (
        "| 索引号 | 1008003015157/2025-1010416628 | ||\n"
        "| 组配分类 | 通知公告 | 发布机构 | 温州经济技术开发区管理委员会 |\n"
        "| 成文日期 | 2025-10-15 | 公开方式 | 主动公开 |\n"
        "2025年9月4日,区委第二巡察组向城市中心区党组反馈巡察情况。\n"))
    notice = side_by_side.notice
    assert notice["title"].startswith(PLACEHOLDER)
    assert (notice["publisher"], notice["region"], notice["index_number"]) == (
        "温州经济技术开发区管理委员会", "温州市", "1008003015157/2025-1010416628")
    assert side_by_side.chrome_removed[:3] == [
        "| 索引号 | 1008003015157/2025-1010416628 | ||",
        "| 组配分类 | 通知公告 | 发布机构 | 温州经济技术开发区管理委员会 |",
        "| 成文日期 | 2025-10-15 | 公开方式 | 主动公开 |"]
    assert ("地区（region）“温州市”是“温州经济技术开发区管理委员会”所在的市（开发区以所在的市命名），"
            "请核对是否应写到区、县" in side_by_side.unplaced)
    columns = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改进展情况的通报\n"
        "| 索 引 号 | 发布机构 | 发布日期 |\n"
        "|---|---|---|\n"
        "| 001/2024-00012 | 某某县教育局 | 2024-05-06 |\n"
        "根据县委统一部署,2023年9月1日至10月31日,县委第二巡察组对县教育局党组进行了巡察。\n"))
    assert (columns.notice["index_number"], columns.notice["published"]) == ("001/2024-00012", dt.date(2024, 5, 6))
    assert columns.notice["title"] == "中共某某县教育局党组关于巡察整改进展情况的通报"
    keyed = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改进展情况的通报\n"
        "| 索引号：001/2024-00012 | 发布机构：某某县教育局 | 发布日期：2024-05-06 |\n"
        "根据县委统一部署,2023年9月1日至10月31日,县委第二巡察组对县教育局党组进行了巡察。\n"))
    assert (keyed.notice["index_number"], keyed.notice["published"]) == ("001/2024-00012", dt.date(2024, 5, 6))
    assert keyed.chrome_removed == ["| 索引号：001/2024-00012 | 发布机构：某某县教育局 | 发布日期：2024-05-06 |"]
    tabbed = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改进展情况的通报\n"
        "索引号\t001/2024-00012\t发布机构\t某某县教育局\n"
        "根据县委统一部署,2023年9月1日至10月31日,县委第二巡察组对县教育局党组进行了巡察。\n"))
    assert tabbed.notice["index_number"] == "001/2024-00012"
    spaced = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改进展情况的通报\n"
        "索引号  001/2024-00012  发布机构  某某县教育局\n"
        "根据县委统一部署,2023年9月1日至10月31日,县委第二巡察组对县教育局党组进行了巡察。\n"))
    assert (spaced.notice["index_number"], spaced.page_metadata["发布机构"]) == ("001/2024-00012", "某某县教育局")
    # a table of the text (序号 | 问题 | 整改措施) is no metadata
    ledger = _imported(tmp_path, (
        "中共某某县教育局党组关于巡察整改进展情况的通报\n"
        "| 序号 | 问题 | 整改措施 |\n"
        "| 1 | 食堂管理不规范 | 修订食堂管理制度 |\n"
        "根据县委统一部署,2023年9月1日至10月31日,县委第二巡察组对县教育局党组进行了巡察。\n"))
    assert "食堂管理不规范" in ledger.body_markdown + str(ledger.notice)
    assert not ledger.page_metadata


def test_the_one_team_a_news_item_names_by_its_committee_is_the_team_in_any_script_and_numbering(tmp_path):
    """No sentence says which team inspected or gave the feedback: the one team named with its committee is taken."""
    trad = _imported(tmp_path, (
        "8月2日下午,集團黨委書記主持召開黨委專題會,研究部署巡視整改工作。\n"
        "會議指出,要堅決貫徹落實市委巡視辦和市委巡視組巡視整改要求,確保問題改徹底、改到位。\n"))
    assert trad.notice["inspection"] == {"team": "市委巡視組"}
    assert ("没有找到巡察日期，也没有写明哪个巡察组对谁开展巡察或反馈：inspection 只填写了全文唯一提到的巡察组"
            "“市委巡視組”，请核对，并补充 start、end、feedback") in trad.unplaced
    numbered = _imported(tmp_path, (
        "根据平江县委巡察工作要求,2021年11月19日纪念馆管理处召开了巡察整改督查情况汇报会。\n"
        "管理处将继续按照县委第一巡察组的反馈意见,按照县委巡察整改要求,坚持常抓不懈。\n"))
    assert (numbered.notice["inspection"], numbered.notice["region"]) == ({"team": "县委第一巡察组"}, "平江县")
    assert "地区（region）取自部署巡察的“根据平江县委巡察工作要求”里的地名“平江县”，请核对" in numbered.unplaced
    two = _imported(tmp_path, (
        "近日,镇党委召开巡察整改工作会议。\n"
        "会议要求,对县委第一巡察组和县委第三巡察组反馈的问题逐项整改。\n"))
    assert "inspection" not in two.notice
    quoted = _imported(tmp_path, (
        "“县委巡察组反馈的问题,已整改完成多少个?暂未完成的问题有哪些?”这是镇纪委开展专项监督的场景。\n"
        "今年以来,镇纪委坚决扛起巡察整改监督职责,建立巡察整改情况动态跟踪机制。\n"))
    assert "inspection" not in quoted.notice


def test_a_page_copied_as_one_line_is_cut_at_its_numbered_parts_and_a_committee_named_in_full_publishes_it(tmp_path):
    """The whole text on one line, its headings apart from the paragraphs by spaces; the unit says 中心党委 and names
    itself in full only in its plan; (一)已完成的整改事项 groups the problems by progress: no aspect."""
    result = _imported(tmp_path, (
        "根据市委统一部署,2023年7月3日至9月10日,市委第四巡察组对中心党委进行了巡察。11月14日,市委巡察组向中心党委反馈了"
        "巡察意见。现将整改进展情况予以公布。 一、整改工作组织领导情况 中心党委切实履行巡察整改主体责任,研究制定"
        "《中共某某市疾病预防控制中心委员会关于市委巡察反馈意见整改方案》,全面开展整改工作。"
        "巡察反馈的41个问题中共30个问题已完成(含基本完成)整改;制定的整改措施共计109条。 二、整改进展情况及成效 "
        "(一)集中整改期内已完成(含基本完成)的整改事项 1.关于“流行病学调查信息化水平低”问题的整改。 "
        "(1)中心充分利用国家统一开发的流调系统,对重点传染病个案开展流行病学调查处置,全部使用无纸化流调系统。 "
        "(2)充分利用国家监测预警与应急指挥信息平台建设项目,更新维护音频、视频网络联通"
        "基础条件。\n"))
    notice = result.notice
    assert notice["publisher"] == "中共某某市疾病预防控制中心委员会"
    assert ("发布机构（publisher）是正文中接受巡察反馈的“中心党委”，"
            "按正文另一处的全称写作“中共某某市疾病预防控制中心委员会”，请核对") in result.unplaced
    assert {k: notice["figures"].get(k) for k in ("problems", "problems_done", "measures")} == {
        "problems": 41, "problems_done": 30, "measures": 109}
    assert notice["aspects"] == []
    assert [(p["number"], p["title"], p.get("aspect"), len(p["measures"])) for p in notice["problems"]] == [
        (1, "流行病学调查信息化水平低", None, 2)]
    assert ("“集中整改期内已完成(含基本完成)的整改事项”按整改进度给问题分组，不是方面："
            "其下的问题没有写入方面（aspect），请核对" in result.unplaced)
    assert "一、整改工作组织领导情况\n" in result.body_markdown.replace("## ", "")


def test_the_hours_after_a_phone_number_are_no_part_of_it_and_a_number_without_area_code_is_reported(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至4月30日，市委第四巡察组对市中级人民法院党组进行了巡察。现将整改进展情况予以公布。\n"
        "欢迎广大干部群众进行监督。联系方式:7673067(8:30-17:30);通讯地址:某某市河北大街西段588号;邮政编码:066000。\n"))
    assert result.notice["contact"]["address"] == "某某市河北大街西段588号"
    assert "phone" not in result.notice["contact"]
    assert ("原文的联系电话“7673067”不是草稿能写入的号码格式（固定电话须带区号，如 0335-7673067）：没有写入 phone，"
            "请编辑补上区号，或写在联系方式说明（intro）里") in result.unplaced
    dialled = _imported(tmp_path, (
        "2024年3月1日至4月30日，市委第四巡察组对市中级人民法院党组进行了巡察。现将整改进展情况予以公布。\n"
        "欢迎广大干部群众进行监督。联系方式:0335-7673067(8:30-17:30);通讯地址:某某市河北大街西段588号。\n"))
    assert dialled.notice["contact"]["phone"] == "0335-7673067"


def test_a_problem_framed_as_its_description_under_a_progress_group_with_its_count(tmp_path):
    result = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第二巡察组对县财政局党组进行了巡察。现将整改进展情况予以公布。\n"
        "二、巡察反馈问题整改落实情况\n"
        "（一）已完成整改的问题（2个）\n"
        "1.问题描述：预算执行进度偏慢。\n"
        "整改情况：一是建立预算执行通报制度。\n"
        "2.问题描述：政府采购管理不规范。\n"
        "整改情况：一是修订采购内控制度。\n"))
    assert result.notice["aspects"] == []
    assert [(p["title"], p.get("aspect")) for p in result.notice["problems"]] == [
        ("预算执行进度偏慢", None), ("政府采购管理不规范", None)]
    assert ("“已完成整改的问题（2个）”按整改进度给问题分组，不是方面："
            "其下的问题没有写入方面（aspect），请核对" in result.unplaced)


def test_a_long_paragraph_with_its_own_numbered_points_after_spaces_is_not_cut(tmp_path):
    points = ("召开专题会议研究部署整改工作,逐条制定整改措施,明确责任领导和完成时限,确保问题件件有着落。" * 3)
    paragraph = f"局党组坚持边查边改。 (1){points} (2){points} (3){points}"
    result = _imported(tmp_path, (
        "2024年3月1日至4月30日，县委第二巡察组对县财政局党组进行了巡察。现将整改进展情况予以公布。\n"
        f"{paragraph}\n"))
    assert paragraph in result.body_markdown


def test_a_problem_number_alone_on_its_line_takes_its_title_from_the_next_line(tmp_path):
    result = _imported(tmp_path, (
        "中共某某县财政局党组关于巡察整改进展情况的通报\n"
        "2024年3月1日至4月30日，县委第二巡察组对县财政局党组进行了巡察。现将整改进展情况予以公布。\n"
        "一、巡察反馈问题整改落实情况\n"
        "问题1：\n"
        "预算执行进度偏慢，部分项目资金沉淀。\n"
        "整改情况：一是建立预算执行通报制度；二是清理沉淀资金。\n"
        "问题2：\n"
        "政府采购管理不规范。\n"
        "整改情况：一是修订采购内控制度。\n"))
    assert [(p["number"], p["title"], p["measures"]) for p in result.notice["problems"]] == [
        (1, "预算执行进度偏慢，部分项目资金沉淀", ["建立预算执行通报制度", "清理沉淀资金。"]),
        (2, "政府采购管理不规范", ["修订采购内控制度。"])]
    assert ("第2个问题的编号行只写了“问题2：”：标题取自下一段的第一句“政府采购管理不规范。”，请核对"
            in result.unplaced)


def test_counts_in_traditional_characters_with_the_feedback_named_in_the_noun(tmp_path):
    result = _imported(tmp_path, (
        "中共某某縣財政局黨組關於巡視整改進展情況的通報\n"
        "2024年3月1日至4月30日，省委第九巡視組對縣財政局黨組進行了巡視。現將巡視整改進展情況予以公布。\n"
        "嚴格按照要求穩步推進31個省委巡視反饋問題以及4個專項檢查反饋問題整改。\n"))
    assert result.notice["figures"]["problems"] == 31


# Round 14 (each rule on a short text of the kind it is for)

def test_a_lead_in_before_a_quoted_aspect_or_problem_is_no_part_of_its_title(tmp_path):
    result = _imported(tmp_path, (
        "中共某某社区委员会关于巡察整改进展情况的通报\n"
        "2024年3月1日至4月30日，县委第五巡察组对某某社区党委进行了巡察。现将整改进展情况予以公布。\n"
        "(一)关于“聚焦上级党委决策部署要求,政治站位不高,执行落实有差距”方面\n"
        "1.对于“思想认识不足,理论学习流于形式。对学习党的二十大精神不深入”的问题\n"
        "整改情况：一是制定学习计划。\n"
        "(二)关于“三重一大”和“四风”方面\n"
        "2.关于“三重一大”和“四风”的问题。\n"
        "整改情况：一是修订议事规则。\n"))
    assert [a["title"] for a in result.notice["aspects"]] == [
        "聚焦上级党委决策部署要求,政治站位不高,执行落实有差距",
        "关于“三重一大”和“四风”方面"]  # no quote cut from its pair: the heading stays whole
    assert [p["title"] for p in result.notice["problems"]] == [
        "思想认识不足,理论学习流于形式", "关于“三重一大”和“四风”的问题"]


def test_a_team_named_in_full_after_its_round_is_named_without_the_round(tmp_path):
    result = _imported(tmp_path, (
        "2019年9月19日,十三届某某县委第七轮巡察第五巡察组召开专题会议,向某某镇党委反馈巡察情况。\n"
        "巡察组反馈指出,该镇党委落实全面从严治党主体责任不到位。\n"))
    assert result.notice["inspection"]["team"] == "第五巡察组"
    # 第二组 names no team alone: the round stays
    kept = _imported(tmp_path, (
        "2019年9月19日,十五届县委第六轮巡察第二组召开专题会议,向某某镇党委反馈巡察情况。\n"
        "巡察组反馈指出,该镇党委落实全面从严治党主体责任不到位。\n"))
    assert kept.notice["inspection"]["team"] == "十五届县委第六轮巡察第二组"


def test_a_town_named_alone_is_no_region_but_the_county_whose_committee_sent_the_team_is(tmp_path):
    ordered = _imported(tmp_path, (
        "中共郊尾镇委员会关于巡察整改进展情况的通报\n"
        "根据仙游县委巡察工作统一部署,2023年7月3日至8月31日,县委巡察二组对郊尾镇党委开展了常规巡察。"
        "现将巡察整改进展情况予以公布。\n"))
    assert ordered.notice["region"] == "仙游县"
    assert ("地区（region）只找到镇名“郊尾镇”（原文没有把它和所在的县市写在一起），取了派出巡察组或部署巡察的县市"
            "“仙游县”，请核对") in _region_notes(ordered)
    # a town's own notice that names no county: left to the editor (many towns share a name)
    alone = _imported(tmp_path, (
        "中共茂租镇委员会关于落实县委第二巡察组巡察反馈意见整改进展情况的通报\n"
        "2023年3月1日至4月30日,县委第二巡察组对茂租镇党委开展了巡察。现将整改进展情况予以公布。\n"))
    assert alone.notice["region"].startswith(PLACEHOLDER)
    assert _region_notes(alone) == [
        "地区（region）只找到镇名“茂租镇”，原文没有写它所在的县、市（各地有同名的镇）：没有填写，请编辑填写（如“某某县茂租镇”）"]
    # news about a town, sent by a team that names no place either: the town is what the news is about
    news = _imported(tmp_path, (
        "4月29日,徐行镇召开区委第一巡察组巡察反馈问题整改动员部署会议。镇党委书记主持会议。\n"))
    assert news.notice["region"] == "徐行镇"
    # the county in the sending committee's name, before its term and round
    sent = _imported(tmp_path, (
        "2019年9月19日,十三届无棣县委第七轮巡察第五巡察组召开专题会议,向佘家镇党委反馈巡察情况。\n"
        "佘家镇党委主要负责人表示,诚恳接受县委巡察组反馈的问题。\n"))
    assert sent.notice["region"] == "无棣县"


def test_a_news_item_opening_with_a_place_that_starts_or_holds_something_is_about_that_place(tmp_path):
    started = _imported(tmp_path, (
        "莆田:启动八届市委第二轮巡察\n"
        "近日,福建省莆田市启动八届市委第二轮巡察工作。市委巡察组对市民政局等5个单位党组织开展常规巡察。\n"))
    assert started.notice["region"] == "莆田市"  # the province before it only says where
    assert "地区（region）取自正文开头启动或召开会议的“莆田市”，请核对" in _region_notes(started)
    held = _imported(tmp_path, (
        "为做好区委第二轮巡察前的各项准备工作,确保巡察工作有序推进。1月28日上午,鸠江区召开了八届区委第二轮巡察"
        "巡前沟通会。\n"))
    assert held.notice["region"] == "鸠江区"
    # a province that starts something names no city or county; a place inside a unit's name is not the subject
    province = _imported(tmp_path, "近日,福建省启动十一届省委第二轮巡视工作。省委巡视组对省民政厅党组开展常规巡视。\n")
    assert not _region_notes(province) or "启动" not in " ".join(_region_notes(province))


def test_the_focus_an_inspection_lists_after_a_colon_is_no_count_of_aspects(tmp_path):
    focus = _imported(tmp_path, (
        "2024年4月10日,市委第三巡察组进驻市统计局党组开展常规巡察。巡察组将主要聚焦四个方面:一是聚焦贯彻落实党中央"
        "决策部署情况;二是聚焦群众身边不正之风;三是聚焦基层党组织建设;四是聚焦巡视整改。\n"))
    assert "aspects" not in (focus.notice.get("figures") or {})
    assert any("之后列出的是巡察要了解的重点，不是反馈的方面数" in line for line in focus.unplaced)
    # the findings a colon opens, and a plan's count of the aspects it answers, are counts of aspects
    found = _imported(tmp_path, (
        "2024年3月1日至4月30日,县委第二巡察组对县财政局党组进行了巡察。现将整改进展情况予以公布。\n"
        "巡察组反馈指出,问题主要集中在三个方面:一是理论学习不深入;二是预算管理不规范;三是作风建设不扎实。\n"))
    assert found.notice["figures"]["aspects"] == 3
    plan = _imported(tmp_path, (
        "2024年3月1日至4月30日,区委第二巡察组对区民政局党组进行了巡察。现将整改进展情况予以公布。\n"
        "局党组制定《巡察整改工作方案》,聚焦6个方面,制定186条具体整改措施。\n"))
    assert plan.notice["figures"]["aspects"] == 6


def test_the_one_team_of_a_units_own_inspection_is_read_in_its_longest_form(tmp_path):
    result = _imported(tmp_path, (
        "近日,省交通运输厅党组第一巡察组巡察工作动员会在省高速公路处召开。根据厅党组安排,厅党组第一巡察组将对"
        "我省高速公路系统的2个单位开展巡察。\n"))
    assert result.notice["inspection"]["team"] == "省交通运输厅党组第一巡察组"
    assert any("只填写了全文唯一提到的巡察组“省交通运输厅党组第一巡察组”" in line for line in result.unplaced)
    # two numbers are two teams; a level's team named too is the one the older rules read: none is guessed here
    two = _imported(tmp_path, (
        "近日,局党组第一巡察组和局党组第二巡察组巡察工作动员会召开。巡察组将对3个单位开展巡察。\n"))
    assert "team" not in (two.notice.get("inspection") or {})


def test_a_county_team_written_xunshi_once_is_the_xuncha_team_the_text_names_more_often(tmp_path):
    result = _imported(tmp_path, (
        "2023年11月1日至12月9日,县委第五巡视组对某某社区党委开展了巡察。现将整改进展情况予以公布。\n"
        "社区党委会上传达学习县委第五巡察组巡察反馈会议精神,研究制定县委第五巡察组巡察反馈问题整改方案。\n"))
    assert result.notice["inspection"]["team"] == "县委第五巡察组"
    # a province's 巡视组 is never made 巡察, nor a 巡察组 made 巡视 by another team's name that contains it
    kept = _imported(tmp_path, (
        "2023年3月1日至4月30日,市委巡察办第二巡察组对市财政局党组开展了巡察。现将整改进展情况予以公布。\n"
        "同期,省委第二巡视组对市委开展巡视,省委第二巡视组反馈的问题一并整改。\n"))
    assert kept.notice["inspection"]["team"].endswith("第二巡察组")


def test_a_sites_greeting_and_a_current_page_breadcrumb_are_page_furniture(tmp_path):
    result = _imported(tmp_path, (
        "您好!今天是\n"
        "当前页面: 首页 > > 某某纪检监察网 > 新闻中心 > 通知公告\n"
        "十四届县委第九轮巡察完成进驻(附各巡察组联系方式)\n"
        "来源:中共某某县委巡察工作领导小组办公室   发布时间:2025-09-19\n"
        "目前,十四届县委第九轮巡察5个巡察组完成对县教育局等11个单位的进驻工作,本轮县委巡察已全面展开。\n"))
    assert result.notice["title"] == "十四届县委第九轮巡察完成进驻(附各巡察组联系方式)"
    assert {"您好!今天是", "当前页面: 首页 > > 某某纪检监察网 > 新闻中心 > 通知公告"} <= set(result.chrome_removed)


def test_a_list_pages_headline_with_its_date_in_brackets_is_the_title_and_the_date(tmp_path):
    result = _imported(tmp_path, (
        "监狱管理局调研某某监狱工作 (2024-03-07)\n"
        "3月6日,监狱管理局党委委员一行赴某某监狱,对监狱接受市局党委巡察开展工作调研。\n"))
    assert result.notice["title"] == "监狱管理局调研某某监狱工作"
    assert result.notice["published"] == dt.date(2024, 3, 7)
    assert "(2024-03-07)" in result.chrome_removed
    # a sentence with a date in brackets at its end is no headline
    sentence = _imported(tmp_path, "3月6日,监狱管理局一行赴某某监狱,对巡察工作开展调研。(2024-03-07)\n")
    assert sentence.notice["title"].startswith(PLACEHOLDER)


def test_districts_set_up_after_the_division_table_are_places(tmp_path):
    assert gazetteer.named_in(["省委巡视八组对长乐区开展了巡视", "中共芜湖市湾沚区委", "成都市郫都区委"]) == [
        "长乐区", "芜湖市", "湾沚区", "成都市", "郫都区"]
    assert gazetteer.city_of("长乐区") == "福州市"
    result = _imported(tmp_path, (
        "根据省委部署,2024年10月21日至11月30日,省委巡视八组对长乐区开展了巡视,并于2025年2月20日反馈了巡视意见。"
        "现将巡视整改进展情况通报如下。\n"))
    assert result.notice["region"] == "长乐区"


def test_a_sidebar_headline_with_its_date_in_brackets_is_no_title_over_the_real_one(tmp_path):
    """Review of round 14 (d4, d5): a list's headlines with their dates in brackets above the real title are chrome,
    their dates no publication date, and none is glued to the title below."""
    result = _imported(tmp_path, (
        "首页 > 工作动态 > 巡察工作\n热点新闻\n县纪委监委开展廉政教育活动（2024-02-28）\n"
        "全县安全生产工作会议召开（2024-02-26）\n关于县委第三轮巡察整改进展情况的通报\n发布时间：2024-05-10\n"
        "根据县委统一部署，2023年10月至12月，县委第二巡察组对县农业农村局党组开展了常规巡察。现将整改情况公布如下。\n"
        "一、关于“理论学习不深入”的问题\n整改情况：已组织专题学习12次。\n"))
    assert result.notice["title"] == "关于县委第三轮巡察整改进展情况的通报"
    assert result.notice["published"] == dt.date(2024, 5, 10)
    assert "发布日期" not in result.page_metadata
    assert {"县纪委监委开展廉政教育活动（2024-02-28）", "全县安全生产工作会议召开（2024-02-26）"} <= set(
        result.chrome_removed)
    one = _imported(tmp_path, (
        "首页 > 工作动态 > 巡察工作\n县纪委监委开展廉政教育活动（2024-02-28）\n关于县委第三轮巡察整改进展情况的通报\n"
        "根据县委统一部署，2023年10月至12月，县委第二巡察组对县农业农村局党组开展了常规巡察。现将整改情况公布如下。\n"
        "一、关于“理论学习不深入”的问题\n整改情况：已组织专题学习12次。\n"))
    assert one.notice["title"] == "关于县委第三轮巡察整改进展情况的通报"
    assert one.notice["publisher"] == "县农业农村局党组"
    assert "县纪委监委开展廉政教育活动（2024-02-28）" in one.chrome_removed
    # round 14's headline alone, over its paragraph, is still the title and the date
    alone = _imported(tmp_path, (
        "监狱管理局调研某某监狱工作 (2024-03-07)\n"
        "3月6日,监狱管理局党委委员一行赴某某监狱,对监狱接受市局党委巡察开展工作调研。\n"))
    assert alone.notice["title"] == "监狱管理局调研某某监狱工作"
    assert alone.notice["published"] == dt.date(2024, 3, 7)


@pytest.mark.parametrize("clause", ["要积极配合", "各单位要配合", "要主动向", "全力支持", "自觉接受", "服从", "协助",
                                    "主动向"])
def test_the_sentences_words_before_a_units_team_are_no_team(tmp_path, clause):
    """Review of round 14 (v, b2): 要积极配合厅党组第一巡察组 names no team; the team is left empty."""
    result = _imported(tmp_path, (
        "厅属单位巡察工作动员会召开\n\n"
        f"近日，省交通运输厅党组巡察工作动员会召开。会议强调，{clause}厅党组第一巡察组工作，如实反映情况。\n"))
    assert not (result.notice.get("inspection") or {}).get("team")


def test_a_units_team_named_on_its_own_after_a_sentence_that_names_it_too(tmp_path):
    result = _imported(tmp_path, (
        "省交通运输厅党组巡察工作动员会召开\n\n"
        "近日，省交通运输厅党组巡察工作动员会召开。会议强调，要积极配合厅党组巡察组工作，如实反映情况。"
        "厅党组巡察组将对厅属单位开展为期一个月的巡察。\n"))
    assert result.notice["inspection"]["team"] == "厅党组巡察组"
    # round 14's team, named after a punctuation mark, still found
    kept = _imported(tmp_path, (
        "厅属单位巡察工作动员会召开\n"
        "近日,省交通运输厅党组第一巡察组巡察工作动员会在省高速公路处召开。根据厅党组安排,厅党组第一巡察组将对"
        "厅属单位开展巡察。\n"))
    assert kept.notice["inspection"]["team"] == "省交通运输厅党组第一巡察组"


@pytest.mark.parametrize(("heading", "kept"), [
    ('关于"党的建设"和"全面从严治党"方面', '关于"党的建设"和"全面从严治党"方面'),
    ('对于"三重一大"和"四风"', '对于"三重一大"和"四风"'),
    ('关于"三重一大"和"四风"', '关于"三重一大"和"四风"'),
    ("关于“三重一大”和“四风”", "关于“三重一大”和“四风”"),
    ('关于"学习不深入"的问题', "学习不深入"),
    ("关于“学习不深入”的问题", "学习不深入"),
])
def test_straight_quotes_pair_left_to_right_in_a_title_and_a_heading(heading, kept):
    """Review of round 14 (e9): 关于"党的建设"和"全面从严治党"方面 stays whole, as with curly quotes."""
    from generator.importing.measures import split_title
    from generator.importing.outline import clean_heading
    assert split_title(heading)[0] == kept
    if "方面" in heading or "问题" in heading:
        assert clean_heading(heading) == kept


def test_an_aspect_in_straight_quotes_stays_whole(tmp_path):
    result = _imported(tmp_path, (
        "关于莆田市郊尾镇开展巡察的情况通报\n\n"
        "根据仙游县委巡察工作统一部署，2023年4月10日至5月20日，县委第二巡察组对郊尾镇党委开展了常规巡察。"
        "现将整改情况公布如下。\n\n"
        '一、关于"党的建设"和"全面从严治党"方面\n（一）关于“学习不深入”的问题\n整改情况：已组织专题学习12次。\n'
        "二、关于“党的建设”和“全面从严治党”方面\n（二）关于“制度执行不严”的问题\n整改情况：已修订制度。\n"))
    titles = [aspect["title"] for aspect in result.notice["aspects"]]
    assert titles == ['关于"党的建设"和"全面从严治党"方面', "关于“党的建设”和“全面从严治党”方面"]


def test_the_sending_committee_is_the_one_right_before_the_team(tmp_path):
    """Review of round 14 (f1): 莆田市委组织部和仙游县委第二巡察组: the team is 仙游县委's, not 莆田市委's."""
    result = _imported(tmp_path, (
        "关于郊尾镇党委巡察整改情况的通报\n\n"
        "2023年4月10日至5月20日，县委第二巡察组对郊尾镇党委开展了常规巡察。莆田市委组织部和仙游县委第二巡察组有关同志"
        "参加了反馈会。现将整改情况公布如下。\n\n一、关于“学习不深入”的问题\n整改情况：已组织专题学习12次。\n"))
    assert result.notice["region"] == "仙游县"
    # round 14's committee with its term and round still names the region
    kept = _imported(tmp_path, (
        "关于县水利局党组巡察整改情况的通报\n\n"
        "根据县委统一部署，2023年4月10日至5月20日，十三届无棣县委第七轮巡察第五巡察组对县水利局党组开展了常规巡察。"
        "现将整改情况公布如下。\n\n一、关于“学习不深入”的问题\n整改情况：已组织专题学习12次。\n"))
    assert kept.notice["region"] == "无棣县"


def test_a_news_items_time_of_day_comes_from_the_one_list_the_spam_check_reads_too(tmp_path):
    # generator/data/news_times.yml: 中午, 傍晚 … stand between a date of news and its subject, as 上午 does
    assert "中午" in vocabulary.news_times() and "上午" in vocabulary.news_times()
    for time_of_day in ("上午", "中午", "傍晚"):
        news = _imported(tmp_path, (
            f"4月29日{time_of_day},徐行镇召开区委第一巡察组巡察反馈问题整改动员部署会议。镇党委书记主持会议。\n"))
        assert news.notice["region"] == "徐行镇", time_of_day


# ---------------------------------------------------------------------------------------------
# Round 15 (the shapes of the four former-test12 problem lists, each with invented variants)

_PAIRS_PREAMBLE = ("关于第三轮巡察乡镇整改进展情况的通报\n\n"
                   "根据县委巡察工作统一部署，2024年3月1日至4月30日，县委巡察组对东山镇、西河乡开展了常规巡察。"
                   "现将整改进展情况予以公布。\n")


def test_unnumbered_feedback_and_answer_pairs_under_unit_headings_are_the_problems(tmp_path):
    """反馈问题:… / 整改情况:… with no numbers (changji-*): each pair is a problem, numbered by order across the units;
    the first sentence is the title, the rest of the line its description; 一、东山镇党委 is a unit, not an aspect."""
    result = _imported(tmp_path, _PAIRS_PREAMBLE + (
        "一、东山镇党委\n"
        "反馈问题：理论学习不深入。镇党委中心组学习流于形式。\n"
        "整改情况：制定学习计划，开展专题学习6次。\n"
        "反馈问题：村级财务管理不规范。\n"
        "整改情况：修订村级财务制度，清理不合规票据12张。\n"
        "二、西河乡党委\n"
        "反馈问题：基层党组织建设薄弱。\n"
        "整改情况：选优配强村党组织书记3名。\n"))
    assert result.notice["aspects"] == []
    assert result.notice["problems"] == [
        {"number": 1, "title": "理论学习不深入", "description": "镇党委中心组学习流于形式。", "status": "未载明",
         "measures": ["整改情况：制定学习计划，开展专题学习6次。"]},
        {"number": 2, "title": "村级财务管理不规范", "status": "未载明",
         "measures": ["整改情况：修订村级财务制度，清理不合规票据12张。"]},
        {"number": 3, "title": "基层党组织建设薄弱", "status": "未载明",
         "measures": ["整改情况：选优配强村党组织书记3名。"]},
    ]
    assert any("“一、东山镇党委”" in line for line in result.unplaced)


@pytest.mark.parametrize(("problem_label", "answer_label", "heading"), [
    ("存在问题", "整改措施", "（一）东山镇党委"),  # another pair of labels, a (一) unit heading
    ("问题", "整改成效", ""),  # no unit heading at all
    ("反馈问题", "整改落实情况", "东山镇党委"),  # an unnumbered unit name
])
def test_pairs_read_whatever_their_labels_and_headings(tmp_path, problem_label, answer_label, heading):
    result = _imported(tmp_path, _PAIRS_PREAMBLE + (heading + "\n" if heading else "") + (
        f"{problem_label}：理论学习不深入。\n{answer_label}：开展专题学习6次。\n"
        f"{problem_label}：村级财务管理不规范。\n{answer_label}：修订村级财务制度。\n"))
    assert [(p["number"], p["title"]) for p in result.notice["problems"]] == [
        (1, "理论学习不深入"), (2, "村级财务管理不规范")]
    assert result.notice["aspects"] == []


def test_one_pair_alone_is_no_problem_list(tmp_path):
    result = _imported(tmp_path, _PAIRS_PREAMBLE + "反馈问题：理论学习不深入。\n整改情况：开展专题学习6次。\n")
    assert result.notice["problems"] == []


def test_a_numbered_heading_over_pairs_that_names_a_fault_is_an_aspect(tmp_path):
    result = _imported(tmp_path, _PAIRS_PREAMBLE + (
        "一、党的建设方面存在的问题\n"
        "问题：理论学习不深入。\n整改：开展专题学习6次。\n"
        "问题：村级财务管理不规范。\n整改：修订村级财务制度。\n"))
    assert result.notice["aspects"] == [{"number": 1, "title": "党的建设方面"}]
    assert [(p["aspect"], p["title"]) for p in result.notice["problems"]] == [
        (1, "理论学习不深入"), (1, "村级财务管理不规范")]


def test_question_and_answer_pairs_in_a_digest_with_unit_headlines(tmp_path):
    """问题:… / 整改:… under unit headlines (hainan-shengwei-10-*): the headline of the next unit is not a measure."""
    result = _imported(tmp_path, (
        "根据省委巡视工作部署，七届省委对省高院等11个党组织开展第十轮常规巡视。近日，甲局党委、乙局党委向社会公开巡视整改进展情况。\n"
        "甲局党委：聚焦问题抓整改 推动招商工作再上新台阶\n"
        "问题：履行核心职能不到位\n"
        "整改：组织招商业务部门学习产业政策。\n"
        "乙局党委：立行立改 提升服务水平\n"
        "问题：贯彻“我们为企业跑”的理念不够有力\n"
        "整改：建立招商工作联席会议机制。\n"))
    assert result.notice["problems"] == [
        {"number": 1, "title": "履行核心职能不到位", "status": "未载明",
         "measures": ["整改：组织招商业务部门学习产业政策。"]},
        {"number": 2, "title": "贯彻“我们为企业跑”的理念不够有力", "status": "未载明",
         "measures": ["整改：建立招商工作联席会议机制。"]},
    ]
    assert result.notice["aspects"] == []


def test_a_numbered_problem_answered_by_a_labelled_paragraph_is_a_problem(tmp_path):
    """1、政治理论学习表面化。一是… / 整改成效:一是… (fanxian-*): the title names no fault in words, its details do;
    the details are the description, the labelled paragraph the measures."""
    result = _imported(tmp_path, (
        "中共某县林业局党组关于巡察整改情况的通报\n\n"
        "根据县委统一部署，2022年3月11日至5月27日，县委第二巡察组对林业局党组进行了巡察。现将巡察整改情况予以公布。\n"
        "一、整改落实情况\n"
        "1、政治理论学习表面化。一是学习要求不严不实。二是学用结合不紧密。\n"
        "整改成效：一是完善了中心组学习计划。二是制定了提醒谈话制度。\n"))
    assert result.notice["problems"] == [
        {"number": 1, "title": "政治理论学习表面化", "description": "一是学习要求不严不实。二是学用结合不紧密。",
         "status": "未载明", "measures": ["完善了中心组学习计划。", "制定了提醒谈话制度。"]},
    ]


@pytest.mark.parametrize("label", ["整改成效", "整改结果", "整改情况"])
def test_numbered_problems_answered_under_any_label(tmp_path, label):
    result = _imported(tmp_path, (
        "中共某县水务局党组关于巡察整改情况的通报\n\n"
        "2022年3月11日至5月27日，县委第二巡察组对水务局党组进行了巡察。现将巡察整改情况予以公布。\n"
        "1、工程管理粗放化。项目台账缺失。\n"
        f"{label}：建立项目台账。\n"
        "2、干部作风形式化。一是会议多。二是调研少。\n"
        f"{label}：精简会议。\n"))
    assert [p["title"] for p in result.notice["problems"]] == ["工程管理粗放化", "干部作风形式化"]


def test_numbered_measures_of_the_unit_answered_by_a_label_are_no_problems(tmp_path):
    result = _imported(tmp_path, (
        "中共某县水务局党组关于巡察整改情况的通报\n\n"
        "2022年3月11日至5月27日，县委第二巡察组对水务局党组进行了巡察。现将巡察整改情况予以公布。\n"
        "1、加强组织领导。成立整改工作领导小组。\n整改成效：召开专题会议3次。\n"
        "2、压实整改责任。制定整改方案。\n整改成效：明确责任人。\n"))
    assert result.notice["problems"] == []


@pytest.mark.parametrize(("heading", "title"), [
    ("(一)政治站位不高的問題", "政治站位不高"),  # traditional, as yuanmou-* writes it
    ("（一）思想认识不到位的问题", "思想认识不到位"),
    ("（一）干部队伍建设存在的问题", "干部队伍建设存在的问题"),  # 存在的问题 says no fault before it: kept
])
def test_a_problem_title_drops_the_frame_of_its_fault(tmp_path, heading, title):
    traditional = "問題" in heading
    aspect = "一、貫徹落實決策部署有差距" if traditional else "一、贯彻落实决策部署有差距"
    result = _imported(tmp_path, (
        "根据县委统一部署，2019年2月14日至3月24日，县委第三巡察组对县林业和草原局党委开展了巡察。现将巡察整改情况予以公布。\n"
        f"{aspect}\n{heading}\n一是召开专题会议。二是调整领导小组。\n"))
    assert [(p["aspect"], p["title"]) for p in result.notice["problems"]] == [(1, title)]
    if traditional:  # the whole draft of the yuanmou-* shape
        assert result.notice["aspects"] == [{"number": 1, "title": "貫徹落實決策部署有差距"}]
        assert result.notice["problems"] == [
            {"number": 1, "aspect": 1, "title": "政治站位不高", "status": "未载明",
             "measures": ["召开专题会议。", "调整领导小组。"]}]


@pytest.mark.parametrize(("sentence", "team"), [
    # the round's inspection, then the team with its committee, which the text also names so (yuanmou-*, wuhai-*)
    ("縣委第八輪巡察第三巡察組對縣林業局黨委開展了巡察。2019年7月9日,縣委第三巡察組對我局反饋了巡察意見。",
     "縣委第三巡察組"),
    ("十一届自治区党委第二轮巡视第十一巡视组对乌海市开展巡视。7月21日,自治区党委第十一巡视组向乌海市委反馈。",
     "自治区党委第十一巡视组"),
    # named so nowhere else: the team alone (as round 14)
    ("十三届无棣县委第七轮巡察第五巡察组对县水利局党组开展了巡察。", "第五巡察组"),
    # the team names its committee again after the round, in traditional characters (qingcheng-*) or simplified
    ("八屆區委第五輪巡察區委第四巡察組對區林業分局開展了巡察。", "區委第四巡察組"),
    ("八届区委第五轮巡察区委第四巡察组对区林业分局开展了巡察。", "区委第四巡察组"),
])
def test_a_rounds_prefix_before_a_team_is_read_the_same_in_both_scripts(tmp_path, sentence, team):
    result = _imported(tmp_path, (
        "关于巡察整改情况的通报\n\n"
        f"根据统一部署,2019年2月14日至3月24日,{sentence}现将巡察整改情况予以公布。\n"))
    assert result.notice["inspection"]["team"] == team


@pytest.mark.parametrize("sentence", [
    "十二届昌吉州党委第五轮巡察派出7个巡察组对木垒县东城镇、奇台县七户乡等7个乡镇党组织开展了常规巡察。",
    "十四届市委第十四轮巡察共组建4个巡察组对全市5个单位开展了巡察。",
    "五届县委第三轮巡察抽调三个巡察组对6个村开展了巡察。",
])
def test_the_counted_teams_of_a_round_are_no_team_but_the_dates_stay(tmp_path, sentence):
    """changji-*: …第五轮巡察派出7个巡察组 names several teams, none of them; the period is the inspection's."""
    result = _imported(tmp_path, f"关于巡察整改情况的通报\n\n根据统一部署,2023年8月29日至10月26日,{sentence}\n")
    inspection = result.notice["inspection"]
    assert inspection["team"] == "待编辑填写：巡察组"
    assert (inspection["start"], inspection["end"]) == (dt.date(2023, 8, 29), dt.date(2023, 10, 26))
    counted = sentence.split("对")[0]  # 十二届昌吉州党委第五轮巡察派出7个巡察组
    assert (f"“{counted}”是一轮巡察派出的几个巡察组，原文没有写明哪一个组：inspection 的 team 暂填"
            "“待编辑填写：巡察组”，检查不会通过，请编辑按原文填写") in result.unplaced


@pytest.mark.parametrize(("sentence", "team"), [
    ("9月2日,海南省检察院召开党组会,专题听取省检察院巡视组对海口市检察院的巡视报告。", "省检察院巡视组"),
    ("9月2日,市检察院召开党组会,认真听取了市检察院巡察组对区检察院的巡察报告。", "市检察院巡察组"),
    ("9月2日,局党组召开会议,专题研究部署局党组巡察组反馈问题整改工作。", "局党组巡察组"),
])
def test_a_team_does_not_start_with_the_sentences_words(tmp_path, sentence, team):
    result = _imported(tmp_path, f"{sentence}\n")
    assert result.notice["inspection"]["team"] == team


@pytest.mark.parametrize(("name", "short"), [
    ("昌吉回族自治州", "昌吉州"), ("黔东南苗族侗族自治州", "黔东南州"), ("木垒哈萨克自治县", "木垒县"),
    ("青龙满族自治县", "青龙县"), ("湘西土家族苗族自治州", "湘西州"),
    ("宿迁市", None), ("广西壮族自治区", None),  # not an autonomous prefecture or county
])
def test_an_autonomous_prefecture_or_county_has_its_short_name(name, short):
    from generator.importing import gazetteer
    assert gazetteer.short_form(name) == short
    if short:
        assert gazetteer.is_place(short)


@pytest.mark.parametrize(("title", "region"), [
    ("十二届昌吉州党委第五轮巡察7个乡镇(街道)整改进展情况", "昌吉州"),  # changji-*: a prefecture's 党委 and its term
    ("黔东南州委第三巡察组巡察整改进展情况", "黔东南州"),
    ("木垒县委巡察整改进展情况的通报", "木垒县"),
])
def test_a_title_opening_with_an_autonomous_places_short_name_gives_the_region(tmp_path, title, region):
    result = _imported(tmp_path, (f"{title}\n\n根据统一部署,2023年8月29日至10月26日,"
                                  "巡察组对7个乡镇党组织开展了常规巡察。\n"))
    assert result.notice["region"] == region


def test_a_place_is_read_without_its_glosses():
    """西藏自治區(qū)黨委 (a mirror's pinyin gloss inside the name) names 西藏自治區."""
    from generator.importing import gazetteer
    assert gazetteer.named_in(["根據(jù)西藏自治區(qū)黨委統(tǒng)一部署", "家住浙江省湖州市南潯區(qū)的陸大伯"]) == [
        "西藏自治區", "浙江省", "湖州市", "南潯區"]


@pytest.mark.parametrize(("opening", "region"), [
    # nanxun-*: the one county named again and again, with its city and province once: the longest form written
    ("家住浙江省湖州市南潯區(qū)的陸大伯想到杭州看病。如今專家定期來南潯區(qū)坐診。南潯區(qū)紀委監委走訪了他。",
     "浙江省湖州市南潯區"),
    ("家住湖州市南浔区的陆大伯想到杭州看病。如今专家定期来南浔区坐诊。南浔区纪委监委走访了他。", "湖州市南浔区"),
])
def test_the_one_county_a_story_names_again_and_again_is_its_region(tmp_path, opening, region):
    county = region[-3:]
    result = _imported(tmp_path, f"{opening}\n{county}对巡视反馈问题立查立改。\n")
    assert result.notice["region"] == region
    assert ("地区（region）是正文中反复提到的唯一一个区县（另外只提到它所在的市、省），"
            f"按原文最完整的写法取“{region}”，请核对") in result.unplaced


def test_two_counties_named_again_and_again_give_no_region(tmp_path):
    result = _imported(tmp_path, ("家住湖州市南浔区的陆大伯到吴兴区看病。南浔区和吴兴区的专家定期坐诊。"
                                  "南浔区、吴兴区纪委监委走访了他。\n南浔区对巡视反馈问题立查立改。\n"))
    assert result.notice["region"].startswith("待编辑填写")


@pytest.mark.parametrize(("unit", "issued"), [
    ("兴城社区卫生服务中心", "区卫健局"),  # xuecheng-*
    ("县人民医院", "县卫健局"),
    ("市第一中学学校", "市教育局"),
])
def test_a_unit_that_titles_its_notice_is_its_publisher_and_the_sites_department_its_source(tmp_path, unit, issued):
    result = _imported(tmp_path, (
        f"- 发布机构:{issued}\n- 成文时间:2025年09月26日\n"
        f"{unit}关于落实区委第四巡察组巡察反馈意见集中整改进展情况的通报\n"
        f"根据区委统一部署,2024年11月20日至2025年1月20日,区委第四巡察组对{unit}开展了常规巡察。"
        "现将巡察整改进展情况予以公布。\n"))
    assert (result.notice["publisher"], result.notice["source"]) == (unit, issued)
    assert (f"发布机构（publisher）取自标题中的单位“{unit}”；网页的发布机构“{issued}”是发布这篇通报的部门，"
            "写入了来源（source），请核对") in result.unplaced


def test_a_committees_title_leaves_the_publisher_to_the_sites_block(tmp_path):
    """中共某某县委关于…: the 政务公开 block's 发布机构 (the office that issued it) stays the publisher (as before)."""
    result = _imported(tmp_path, (
        "- 发布机构:县委巡察办\n"
        "中共某某县委关于县委第三轮巡察集中整改进展情况的通报\n"
        "根据县委统一部署,2024年3月1日至4月30日,县委第三巡察组对县水利局开展了常规巡察。现将整改进展情况予以公布。\n"))
    assert result.notice["publisher"] == "县委巡察办"
    assert "source" not in result.notice


_BUREAU = ("关于巡察整改进展情况的通报\n\n根据县委统一部署，2024年3月1日至4月30日，"
           "县委第二巡察组对县水利局党组开展了常规巡察。现将整改进展情况予以公布。\n")


@pytest.mark.parametrize(("pairs", "measures"), [
    # the answer in the same paragraph, after the problem's sentence
    ("反馈问题：理论学习不深入。学习流于形式。整改情况：开展专题学习6次。\n"
     "反馈问题：财务管理不规范。整改情况：修订财务制度。\n", ["整改情况：开展专题学习6次。"]),
    # labels in brackets, no colon
    ("【问题】理论学习不深入。\n【整改】开展专题学习6次。\n【问题】财务管理不规范。\n【整改】修订财务制度。\n",
     ["【整改】开展专题学习6次。"]),
    # two answers (measures, then results): both the problem's, no problem of their own
    ("存在问题：理论学习不深入\n整改措施：开展专题学习。\n整改成效：学习6次。\n"
     "存在问题：财务管理不规范\n整改措施：修订财务制度。\n整改成效：已完成。\n",
     ["整改措施：开展专题学习。", "整改成效：学习6次。"]),
])
def test_more_ways_of_writing_problem_and_answer_pairs(tmp_path, pairs, measures):
    problems = _imported(tmp_path, _BUREAU + pairs).notice["problems"]
    assert [(p["number"], p["title"]) for p in problems] == [(1, "理论学习不深入"), (2, "财务管理不规范")]
    assert problems[0]["measures"] == measures


def test_a_status_line_after_an_answer_is_the_problems_not_a_unit_heading(tmp_path):
    problems = _imported(tmp_path, _BUREAU + (
        "问题：理论学习不深入\n整改：开展专题学习。\n完成情况：已完成\n"
        "问题：财务管理不规范\n整改：修订财务制度。\n完成情况：正在整改\n")).notice["problems"]
    assert [(p["title"], p["status"]) for p in problems] == [
        ("理论学习不深入", "已完成"), ("财务管理不规范", "正在整改")]


def test_inline_details_before_the_answer_are_the_description(tmp_path):
    problems = _imported(tmp_path, _BUREAU + (
        "反馈问题：理论学习不深入。学习流于形式。整改情况：开展专题学习6次。\n"
        "反馈问题：财务管理不规范。整改情况：修订财务制度。\n")).notice["problems"]
    assert problems[0]["description"] == "学习流于形式。"
    assert "description" not in problems[1]


_FORESTRY = ("中共某县林业局党组关于巡察整改情况的通报\n\n根据县委统一部署，2022年3月11日至5月27日，"
             "县委第二巡察组对林业局党组进行了巡察。现将巡察整改情况予以公布。\n一、整改落实情况\n")


def test_the_feedbacks_details_on_lines_of_their_own_before_the_answer_are_the_description(tmp_path):
    """1、…表面化。 / 一是… / 二是… / 整改成效:…: the 一是 lines tell the feedback, the labelled line what was done."""
    problems = _imported(tmp_path, _FORESTRY + (
        "1、政治理论学习表面化。\n一是学习要求不严不实。\n二是学用结合不紧密。\n整改成效：一是完善了学习计划。二是制定了谈话制度。\n"
        "2、财务审批随意化。\n一是报销把关不严。\n整改成效：修订财务制度。\n")).notice["problems"]
    assert [(p["title"], p.get("description"), p["measures"]) for p in problems] == [
        ("政治理论学习表面化", "一是学习要求不严不实。二是学用结合不紧密。", ["完善了学习计划。", "制定了谈话制度。"]),
        ("财务审批随意化", "一是报销把关不严。", ["整改成效：修订财务制度。"]),
    ]


def test_measures_on_lines_of_their_own_before_a_status_line_stay_measures(tmp_path):
    problems = _imported(tmp_path, _FORESTRY.replace("一、整改落实情况", "二、巡察反馈问题整改情况") + (
        "1、理论学习不深入。\n一是完善学习计划。\n二是开展专题学习。\n整改情况：已完成\n")).notice["problems"]
    assert "description" not in problems[0]
    assert problems[0]["measures"][:2] == ["完善学习计划。", "开展专题学习。"]


@pytest.mark.parametrize(("heading", "title"), [
    ("（一）关于财务管理不规范的问题", "财务管理不规范"),
    ("（一）关于財務管理不規範問題", "財務管理不規範"),
    ("（一）关于加强财务管理的问题", "关于加强财务管理的问题"),  # no fault named: kept as written
])
def test_a_problem_title_drops_a_plain_lead_in_and_frame(tmp_path, heading, title):
    result = _imported(tmp_path, (
        "根据县委统一部署，2019年2月14日至3月24日，县委第三巡察组对县林业和草原局党委开展了巡察。现将巡察整改情况予以公布。\n"
        f"一、贯彻落实决策部署有差距\n{heading}\n一是召开专题会议。二是调整领导小组。\n"
        "（二）思想认识不到位的问题\n一是召开专题会议。\n"))
    assert [p["title"] for p in result.notice["problems"]][0] == title


@pytest.mark.parametrize(("name", "region"), [
    ("兴城社区卫生服务中心", None),  # xuecheng-*: a community (社区), no district
    ("阳光小区党支部", None),  # a housing estate
    ("中共宿迁市宿城区卫生健康委员会党组", "宿迁市宿城区"),  # a district still is one
])
def test_a_community_or_a_housing_estate_is_no_district(name, region):
    from generator.importing.identity import region_from_name
    assert region_from_name(name) == region


@pytest.mark.parametrize("pairs", [
    "巡察反馈问题：理论学习不深入。\n整改落实情况：开展专题学习。\n巡察反馈问题：财务管理不规范。\n整改落实情况：修订财务制度。\n",
    "具体问题：理论学习不深入。\n整改举措：开展专题学习。\n具体问题：财务管理不规范。\n整改举措：修订财务制度。\n",
    "存在的问题：理论学习不深入。\n整改成果：开展专题学习。\n存在的问题：财务管理不规范。\n整改成果：修订财务制度。\n",
])
def test_pairs_with_other_labels_of_the_problem_and_the_answer(tmp_path, pairs):
    problems = _imported(tmp_path, _BUREAU + pairs).notice["problems"]
    assert [p["title"] for p in problems] == ["理论学习不深入", "财务管理不规范"]


def test_pairs_in_traditional_characters(tmp_path):
    problems = _imported(tmp_path, _BUREAU + (
        "反饋問題：理論學習不深入。\n整改情況：開展專題學習。\n反饋問題：財務管理不規範。\n整改情況：修訂財務制度。\n")).notice["problems"]
    assert [(p["title"], p["measures"]) for p in problems] == [
        ("理論學習不深入", ["整改情況：開展專題學習。"]), ("財務管理不規範", ["整改情況：修訂財務制度。"])]


@pytest.mark.parametrize("section", ["二、落实整改实施情况", "二、整改实施情况"])
def test_a_section_on_how_the_rectification_was_carried_out_heads_the_problem_list(tmp_path, section):
    """yujiachong-*: 一、落实整改组织情况 (about the work) / 二、落实整改实施情况 / (一)聚焦…情况 / 1、…不彻底。 / (1)…:
    二、 is a section of the notice, (一) the aspect, 1、 the problem, (1) its detail."""
    result = _imported(tmp_path, (
        "根据区委巡察工作的安排部署,2023年11月3日至2024年1月3日,区委第一巡察组对某社区党委开展了常规巡察。"
        "现将巡察整改情况报告如下。\n一、落实整改组织情况\n(一)提高政治站位,明确整改职责\n社区党委召开专题会议研究整改。\n"
        f"{section}\n社区党委对反馈的问题进行了认真分析。\n"
        "(一)聚焦基层贯彻落实党中央重大决策部署情况\n1、上级决策部署落实不彻底。\n(1)开展基层治理不均衡。\n"
        "整改情况:制定基层治理工作方案。\n"))
    assert result.notice["aspects"] == [{"number": 1, "title": "聚焦基层贯彻落实党中央重大决策部署情况"}]
    assert [(p["aspect"], p["title"]) for p in result.notice["problems"]] == [(1, "上级决策部署落实不彻底")]


@pytest.mark.parametrize(("credit", "source"), [
    ("(西藏自治區(qū)紀委監委)", "西藏自治區(qū)紀委監委"),  # xizang-*: the gloss kept as written, as in a source
    ("（县纪委监委）", "县纪委监委"),
    ("(市纪委)", "市纪委"),
])
def test_a_discipline_commission_in_brackets_at_the_end_of_a_news_item_is_its_source(tmp_path, credit, source):
    result = _imported(tmp_path, (
        "日前，30个被巡视单位党组织先后召开巡视反馈会议。会议向被巡视单位党组织反馈了巡视情况。"
        f"巡视组已将问题线索按规定移交有关部门处理。{credit}\n"))
    assert result.notice["source"] == source


_OPENING = ("根据省委统一部署,2024年7月29日至9月30日,省委第一巡视组对{unit}进行了巡视。"
            "2024年12月28日,省委巡视组向{unit}反馈了巡视意见。现将巡视整改情况予以公布。\n")


@pytest.mark.parametrize(("unit", "subject", "publisher"), [
    ("郑州市", "郑州市委高度重视省委巡视整改工作。", "郑州市委"),  # zhengzhou-*
    # yuhuan-*
    ("市民政局等9个单位", "中共玉环市民政局党组坚持把巡察整改作为一项重大政治任务来抓。", "中共玉环市民政局党组"),
    ("某县", "中共某县县委认真落实巡视整改主体责任。", "中共某县县委"),
])
def test_the_party_body_that_opens_a_paragraph_after_the_preamble_is_the_publisher(tmp_path, unit, subject, publisher):
    result = _imported(tmp_path, _OPENING.format(unit=unit) + subject + "\n")
    assert result.notice["publisher"] == publisher
    assert f"发布机构（publisher）取自正文开头作主语的“{publisher}”，请核对" in result.unplaced


def test_a_committee_without_its_place_as_the_subject_is_no_publisher(tmp_path):
    result = _imported(tmp_path, _OPENING.format(unit="长乐区") + "区委坚决扛起巡视整改工作主体责任。\n")
    assert result.notice["publisher"].startswith("待编辑填写")


@pytest.mark.parametrize(("title", "opening"), [
    # yichun-*
    ("巡 察 公 告——十三届市委第一轮巡察",
     "按照市委统一部署,市委成立8个巡察组从2022年3月21日开始,对市体育局等单位开展巡察。"),
    # xuanzhou-*
    ("", "根据区委统一部署,十四届区委第十二轮巡察第三巡察组于2025年8月14日至2025年10月17日"
         "对区教体局党组开展常规巡察。现将有关事项公告如下:\n巡察期间,设立来访接待室,接受来电、来信、来访。\n"
         "(一)专门值班电话:手机15156365794\n(二)电子邮箱:xzqwxcz03@126.com"),
    ("巡　察　公　告", "市委第二巡察组于2025年3月1日至4月30日对市体育局党组开展常规巡察。"),
])
def test_an_announcement_is_read_from_a_spaced_title_or_公告如下_and_the_inspected_unit_is_not_its_publisher(
        tmp_path, title, opening):
    result = _imported(tmp_path, (f"{title}\n\n" if title else "") + opening + "\n一、巡察对象\n局领导班子及其成员。\n")
    assert result.notice["kind"] == "巡察公告"
    assert result.notice["publisher"].startswith("待编辑填写")


# Round 15 review fixes (fix15a)

def _problem_fields(result) -> list[dict]:
    keys = ("aspect", "title", "description", "measures", "due", "responsible_leader", "responsible_unit")
    return [{k: p[k] for k in keys if k in p} for p in result.notice.get("problems", [])]


def _bureau_meta(result) -> tuple:
    notice = result.notice
    return notice["publisher"], notice["kind"], notice["inspection"]["team"]


@pytest.mark.parametrize(("text", "aspects", "problems"), [
    ("（一）理论学习不深入\n存在问题：中心组学习流于形式。\n整改措施：完善学习制度。\n"
     "（二）财务管理不规范\n存在问题：报销把关不严。\n整改措施：修订财务制度。\n", [], [
         {"title": "理论学习不深入", "description": "中心组学习流于形式。", "measures": ["整改措施：完善学习制度。"]},
         {"title": "财务管理不规范", "description": "报销把关不严。", "measures": ["整改措施：修订财务制度。"]}]),
    ("1.关于理论学习不深入的问题\n问题：中心组学习流于形式。\n整改情况：完善学习制度。\n"
     "2.关于财务管理不规范的问题\n问题：报销把关不严。\n整改情况：修订财务制度。\n", [], [
         {"title": "理论学习不深入", "description": "中心组学习流于形式。", "measures": ["整改情况：完善学习制度。"]},
         {"title": "财务管理不规范", "description": "报销把关不严。", "measures": ["整改情况：修订财务制度。"]}]),
    ("（一）党的政治建设方面\n1.理论学习不深入\n具体问题：中心组学习流于形式。\n整改措施：完善学习制度。\n"
     "2.财务管理不规范\n具体问题：报销把关不严。\n整改措施：修订财务制度。\n",
     [{"number": 1, "title": "党的政治建设方面"}], [
         {"aspect": 1, "title": "理论学习不深入", "description": "中心组学习流于形式。",
          "measures": ["整改措施：完善学习制度。"]},
         {"aspect": 1, "title": "财务管理不规范", "description": "报销把关不严。",
          "measures": ["整改措施：修订财务制度。"]}]),
])
def test_review15_numbered_problems_with_a_problem_sub_line_are_problems_not_aspects(tmp_path, text, aspects, problems):
    """(一)理论学习不深入 / 存在问题:… / 整改措施:…: the numbered item is the problem, the 存在问题 line its
    description; no pairs fire when each pair follows a numbered item."""
    result = _imported(tmp_path, _BUREAU + text)
    assert result.notice.get("aspects", []) == aspects
    assert _problem_fields(result) == problems
    assert _bureau_meta(result) == ("县水利局党组", "整改进展", "县委第二巡察组")


@pytest.mark.parametrize("text", [
    "東山鎮黨委\n反饋問題：共15個。\n整改情況：已整改14個，整改率93%。\n西河鄉黨委\n反饋問題：共12個。\n整改情況：已全部整改完成。\n",
    "一、整改工作开展情况\n（一）强化组织领导\n存在问题：部分干部对整改认识不足。\n整改措施：召开动员会。\n"
    "（二）强化组织领导\n存在问题：部分干部对整改认识不足。\n整改措施：召开动员会。\n",
    # no numbered items: the section is still about the work
    "一、整改工作开展情况\n存在问题：部分干部对整改认识不足。\n整改措施：召开动员会。\n"
    "存在问题：个别支部对整改重视不够。\n整改措施：开展督导。\n",
])
def test_review15_pairs_that_name_no_fault_or_sit_in_a_section_about_the_work_are_no_problems(tmp_path, text):
    result = _imported(tmp_path, _BUREAU + text)
    assert "problems" not in result.notice or result.notice["problems"] == []
    assert result.notice["inspection"]["team"] == "县委第二巡察组"


@pytest.mark.parametrize("text", [
    "1、加强组织领导。针对理论学习不深入的问题，成立整改工作领导小组。\n整改成效：召开专题会议3次。\n"
    "2、压实整改责任。针对责任落实不到位问题，制定整改方案。\n整改成效：明确责任人12名。\n",
    "1、提高政治站位。党组认真反思存在的理论学习不深入、政治站位不高等问题。\n整改情况：召开专题会议。\n"
    "2、完善制度机制。\n整改情况：修订制度5项。\n",
])
def test_review15_a_fault_in_a_clause_the_measure_answers_makes_no_problem(tmp_path, text):
    result = _imported(tmp_path, _BUREAU + text)
    assert "problems" not in result.notice or result.notice["problems"] == []


@pytest.mark.parametrize(("text", "problems"), [
    ("1、理论学习不深入。\n整改时限：2024年12月底\n整改成效：完善学习计划。\n"
     "2、财务管理不规范。\n整改时限：2024年12月底\n整改成效：修订财务制度。\n", [
         {"title": "理论学习不深入", "measures": ["整改成效：完善学习计划。"], "due": dt.date(2024, 12, 31)},
         {"title": "财务管理不规范", "measures": ["整改成效：修订财务制度。"], "due": dt.date(2024, 12, 31)}]),
    ("1、理论学习不深入。\n责任领导：张三\n责任单位：财务股\n整改成效：完善学习计划。\n"
     "2、财务管理不规范。\n责任领导：李四\n责任单位：财务股\n整改成效：修订财务制度。\n", [
         {"title": "理论学习不深入", "measures": ["整改成效：完善学习计划。"], "responsible_leader": "张三",
          "responsible_unit": "财务股"},
         {"title": "财务管理不规范", "measures": ["整改成效：修订财务制度。"], "responsible_leader": "李四",
          "responsible_unit": "财务股"}]),
    ("1、理论学习不深入。\n一是完善中心组学习计划。\n二是开展专题学习6次。\n整改成效：中心组学习覆盖率达100%。\n"
     "2、财务管理不规范。\n一是修订财务制度。\n整改成效：报销合规率达100%。\n", [
         {"title": "理论学习不深入",
          "measures": ["完善中心组学习计划。", "开展专题学习6次。", "整改成效：中心组学习覆盖率达100%。"]},
         {"title": "财务管理不规范", "measures": ["修订财务制度。", "整改成效：报销合规率达100%。"]}]),
])
def test_review15_labels_and_measures_between_a_problem_and_its_answer_stay_labels_and_measures(
        tmp_path, text, problems):
    result = _imported(tmp_path, _BUREAU + text)
    assert _problem_fields(result) == problems


def test_review15_a_measure_line_after_a_pairs_answer_stays_a_measure(tmp_path):
    result = _imported(tmp_path, _BUREAU + (
        "问题：理论学习不深入。\n整改情况：制定学习计划。\n开展专题学习6次，学习质量明显提升\n"
        "问题：财务管理不规范。\n整改情况：修订财务制度。\n"))
    assert _problem_fields(result) == [
        {"title": "理论学习不深入", "measures": ["整改情况：制定学习计划。", "开展专题学习6次，学习质量明显提升"]},
        {"title": "财务管理不规范", "measures": ["整改情况：修订财务制度。"]}]
    assert "开展专题学习6次，学习质量明显提升" not in result.notice.get("body", "")


@pytest.mark.parametrize(("heading", "title"), [
    ("（一）关于理论学习不深入、学用结合不紧密等问题", "理论学习不深入、学用结合不紧密等问题"),
    ("（一）落实主体责任不到位等方面的问题", "落实主体责任不到位等方面的问题"),
    ("（一）违规发放津补贴等的问题", "违规发放津补贴等的问题"),
])
def test_review15_a_title_keeps_its_问题_after_等_or_方面(tmp_path, heading, title):
    result = _imported(tmp_path, _BUREAU + f"{heading}\n一是召开专题会议。\n"
                       "（二）关于财务管理不规范的问题\n一是修订制度。\n")
    assert [p["title"] for p in result.notice["problems"]] == [title, "财务管理不规范"]


def test_review15_pairs_each_under_a_numbered_units_name_are_still_pairs(tmp_path):
    """一、东城镇党委 / 反馈问题:… / 整改情况:…, one pair a unit: the numbered line heads the unit, it is no problem."""
    result = _imported(tmp_path, _BUREAU + (
        "一、东城镇党委\n反馈问题：人才振兴问题突出。镇党委研究不足。\n整改情况：制定制度。\n"
        "二、西河乡党委\n反馈问题：普法宣传不深入。\n整改情况：开展培训。\n"))
    assert _problem_fields(result) == [
        {"title": "人才振兴问题突出", "description": "镇党委研究不足。", "measures": ["整改情况：制定制度。"]},
        {"title": "普法宣传不深入", "measures": ["整改情况：开展培训。"]}]


@pytest.mark.parametrize("label", ["具体措施", "主要措施", "整改完成情况", "落实情况"])
def test_review15_the_answer_labels_are_one_list(tmp_path, label):
    """measures.ANSWER_WORDS: every label that answers a pair also opens measures and alone is no measure."""
    result = _imported(tmp_path, _BUREAU + (
        f"问题：理论学习不深入。\n{label}：开展专题学习。\n问题：财务管理不规范。\n{label}：\n修订财务制度。\n"))
    assert _problem_fields(result) == [
        {"title": "理论学习不深入", "measures": [f"{label}：开展专题学习。"]},
        {"title": "财务管理不规范", "measures": ["修订财务制度。"]}]


# Round 15 review fixes (fix15b)

@pytest.mark.parametrize(("opening", "team"), [
    ("十四届县委二轮巡察第一巡察组对县林业局党委开展了巡察。", "第一巡察组"),
    ("县委新一轮巡察第二巡察组对县林业局党委开展了巡察。", "第二巡察组"),
])
def test_a_round_written_without_its_第_is_no_part_of_the_team(tmp_path, opening, team):
    result = _imported(tmp_path, opening + "\n")
    assert result.notice["inspection"]["team"] == team
    assert result.notice["publisher"].startswith("待编辑填写")
    assert result.notice["region"].startswith("待编辑填写")


@pytest.mark.parametrize("dates", ["", "2024年3月1日至4月30日，"])
def test_the_one_team_a_rounds_count_names_is_the_team(tmp_path, dates):
    result = _imported(tmp_path, (f"{dates}十二届县委第五轮巡察派出3个巡察组，"
                                  "其中县委第一巡察组对县林业局党委开展了常规巡察。\n"))
    assert result.notice["inspection"]["team"] == "县委第一巡察组"


def test_a_rounds_teams_counted_after_组建_without_共_are_no_team(tmp_path):
    text = "市委第十四轮巡察组建4个巡察组对市林业局等单位开展了巡察。\n"
    assert "inspection" not in _imported(tmp_path, text).notice
    dated = _imported(tmp_path, "2024年3月1日至4月30日，" + text).notice["inspection"]
    assert dated["team"] == f"{PLACEHOLDER}巡察组"
    assert dated["start"] == dt.date(2024, 3, 1)


@pytest.mark.parametrize(("announced", "kind"), [
    ("2024年6月1日，县委第一巡察组向县林业局党委反馈了巡察意见。现将有关情况公告如下：\n", "其他"),
    ("现将巡察整改有关情况公告如下：\n一、理论学习不深入\n整改措施：组织专题学习。\n", "其他"),
    ("现将有关事项公告如下：巡察期间，主要受理反映县林业局党组织领导班子及其成员的来信来电来访，举报电话：0551-1234567。\n",
     "巡察公告"),
])
def test_公告如下_says_巡察公告_only_with_the_teams_entry_or_a_way_to_report(tmp_path, announced, kind):
    result = _imported(tmp_path, "2024年3月1日至4月30日，县委第一巡察组对县林业局党委开展了巡察。" + announced)
    assert result.notice["kind"] == kind


def test_a_title_where_one_unit_forwards_anothers_notice_leaves_the_publisher_to_the_sites_block(tmp_path):
    result = _imported(tmp_path, (
        "- 发布机构:区卫健局\n- 成文时间:2025年09月26日\n"
        "区卫健局转发区人民医院关于巡察整改情况的通报\n"
        "根据区委统一部署,2024年11月20日至2025年1月20日,区委第四巡察组对区人民医院开展了常规巡察。"
        "现将巡察整改进展情况予以公布。\n"))
    assert result.notice["title"] == "区卫健局转发区人民医院关于巡察整改情况的通报"
    assert result.notice["publisher"] == "区卫健局"
    assert "source" not in result.notice
    bare = _imported(tmp_path, "区卫健局转发区人民医院关于巡察整改情况的通报\n\n"
                               "2024年3月1日至4月30日，区委第一巡察组对区人民医院党委开展了巡察。\n")
    assert bare.notice["publisher"] == "区卫健局"


def test_the_label_of_a_credit_in_brackets_is_no_part_of_the_source(tmp_path):
    result = _imported(tmp_path, (
        "日前，30个被巡视单位党组织先后召开巡视反馈会议。会议向被巡视单位党组织反馈了巡视情况。"
        "巡视组已将问题线索按规定移交有关部门处理。(作者单位：玉环市纪委)\n"))
    assert result.notice["source"] == "玉环市纪委"


@pytest.mark.parametrize("body", [
    "会议强调要学习借鉴湖州市安吉县经验，安吉县的做法值得推广。\n近日，区委组织干部赴安吉县考察学习。\n",
    "会议强调要推动河南县域经济高质量发展。\n河南县域经济是全省经济的重要支撑。\n",
])
def test_a_county_learned_from_visited_or_before_县域_is_no_region(tmp_path, body):
    result = _imported(tmp_path, "2024年3月1日至4月30日，区委第一巡察组对区农业农村局党组开展了巡察。\n" + body)
    assert result.notice["region"].startswith("待编辑填写")
    assert result.notice["inspection"]["team"] == "区委第一巡察组"


def test_the_committee_that_sent_the_team_opening_a_paragraph_is_no_publisher(tmp_path):
    result = _imported(tmp_path, (
        "根据市委统一部署,2024年3月1日至4月30日,市委第二巡察组对中原区开展了常规巡察。现将巡察整改情况予以公布。\n"
        "郑州市委始终坚持把巡察整改作为重要政治任务，市委书记多次听取汇报。\n中原区委认真落实巡察整改主体责任。\n"))
    assert result.notice["publisher"].startswith("待编辑填写")
    assert result.notice["region"] == "中原区"
    assert result.notice["inspection"]["team"] == "市委第二巡察组"
