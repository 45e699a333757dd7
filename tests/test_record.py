"""The record over time: a deadline passing never breaks a build; linked reports; overdue problems; open data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup

from tests.conftest import GOOD, ROOT, check, mkdocs_build, write

PROGRESS = """\
title: 某区委关于某专项巡察整改进展情况的通报
kind: 整改进展
publisher: 某区委
region: 某省某市某区
published: {published}
inspection:
  team: 市委第一巡察组
  feedback: 2023-03-01
problems:
  - number: 1
    title: 问题一
    status: 正在整改
    due: 2023-06-30
"""


def test_a_deadline_after_publication_builds_strictly_whatever_the_day(project, tmp_path):
    write(project, "2023/x.yml", PROGRESS.format(published="2023-05-10"))
    assert check(project) == (0, ["检查通过：1 篇通报，0 个警告。"])
    result = mkdocs_build(project, tmp_path / "site")  # --strict: one warning would fail it
    assert result.returncode == 0, result.stderr


def test_a_deadline_already_past_on_publication_is_a_warning(project):
    write(project, "2023/x.yml", PROGRESS.format(published="2023-07-10"))
    code, lines = check(project)
    assert code == 0
    assert lines[0] == ("notices/2023/x.yml:13:10: warning: 问题 1 的整改时限（2023年6月30日）"
                        "早于通报发布日期（2023年7月10日），发布时却仍未完成：请核实状态或在正文说明")


# ---------------------------------------------------------------- a chain of two reports

FIXTURES = ROOT / "tests" / "fixtures" / "chain"
EARLIER, LATER = "lvhua-jinzhan", "lvhua-qingkuang"


def chain_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "theme_overrides", project / "theme_overrides")
    shutil.copytree(FIXTURES, project / "notices")
    return project


@pytest.fixture(scope="module")
def chain_site(tmp_path_factory) -> Path:
    """The two fixture reports, built with SOURCE_DATE_EPOCH 1735000000 (2024-12-24, as every test build)."""
    tmp = tmp_path_factory.mktemp("chain")
    site = tmp / "site"
    result = mkdocs_build(chain_project(tmp), site)
    assert result.returncode == 0, result.stderr
    return site


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text("").split())


def test_each_page_of_a_chain_lists_the_reports_newest_first(chain_site):
    for slug in (EARLIER, LATER):
        page = soup(chain_site, f"notices/{slug}")
        assert text_of(page.find(id="chain")) == "本次巡察的全部通报¶"
        items = page.select("ol.notice-chain li")
        assert [text_of(li) for li in items] == [
            "中共大观区委关于城市绿化工程领域专项巡察整改情况的通报（测试样例）" + ("（本页）" if slug == LATER else "")
            + " 2023年9月20日 · 整改情况",
            "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报（测试样例）"
            + ("（本页）" if slug == EARLIER else "")
            + " 2023年5月10日 · 整改进展",
        ]
        links = [a["href"] for a in page.select("ol.notice-chain a")]
        assert links == ([f"../{EARLIER}/"] if slug == LATER else [f"../{LATER}/"])


def test_the_latest_page_shows_each_problems_history(chain_site):
    page = soup(chain_site, f"notices/{LATER}")
    histories = [text_of(dd) for dd in page.select(".problem-history dd")]
    assert histories == [
        "2023年5月10日 正在整改（时限 2023年6月30日） → 2023年9月20日 已完成",
        "2023年5月10日 已完成 → 2023年9月20日 已完成",
        "2023年5月10日 正在整改（时限 2023年12月31日） → 2023年9月20日 正在整改（时限 2023年12月31日）",
        "2023年9月20日 正在整改（时限 2023年12月31日）",
    ]
    assert page.select(".problem-history a")[0]["href"] == f"../{EARLIER}/#problem-1"
    assert not soup(chain_site, f"notices/{EARLIER}").select(".problem-history")


def test_the_overdue_page_lists_the_latest_state_by_unit(chain_site):
    page = soup(chain_site, "overdue")
    assert text_of(page.select_one("p.summary-note")) == (
        "按每次巡察最新一份通报所载状态统计，截至 2024年12月24日（本站生成日期）"
        "已超过整改时限、尚未完成的问题，共 2 个，"
        "按责任单位列出（通报未载明责任单位的，列在发布机构名下）。")
    assert [text_of(h) for h in page.select("h2")] == ["中共大观区委（1 个）¶", "区财政局（1 个）¶"]
    rows = [[text_of(td) for td in tr.select("td")] for tr in page.select("tbody tr")]
    assert rows == [
        ["4. 依法支付项目建设费用",
         "中共大观区委关于城市绿化工程领域专项巡察整改情况的通报（测试样例）（2023年9月20日）",
         "正在整改", "2023年12月31日", "359 天"],
        ["3. 把好项目审核关", "中共大观区委关于城市绿化工程领域专项巡察整改情况的通报（测试样例）（2023年9月20日）",
         "正在整改", "2023年12月31日", "359 天"],
    ]
    home = soup(chain_site, "")
    link = home.select_one("p.overdue-link a")
    assert (text_of(link), link["href"]) == ("逾期未完成的问题：2 个", "overdue/")


LATER_FILE = "notices/2023/lvhua-qingkuang.yml"


@pytest.mark.parametrize("old, new, expected", [
    ("follows: lvhua-jinzhan", "follows: lvhua-jinzhan-x",
     "9:10: error: follows 写的“lvhua-jinzhan-x”不是任何通报的网址名称（slug）：请写同一次巡察前一份通报的 slug"),
    ("follows: lvhua-jinzhan", "follows: lvhua-qingkuang",
     "9:10: error: follows 写的“lvhua-qingkuang”就是这份通报自己：请写同一次巡察前一份通报的 slug"),
    ("published: 2023-09-20", "published: 2023-05-10",
     "9:10: error: 前一份通报 notices/2023/lvhua-jinzhan.yml 发布于 2023年5月10日，不早于本通报（2023年5月10日）："
     "follows 只能指向更早发布的通报"),
    ('team: "市委第十一专项巡察组"', 'team: "市委第十二专项巡察组"',
     "9:10: error: 巡察组与前一份通报 notices/2023/lvhua-jinzhan.yml 不同（本通报：市委第十二专项巡察组；"
     "前一份：市委第十一专项巡察组）：follows 只能连接同一次巡察的通报"),
    ('publisher: "中共大观区委"', 'publisher: "大观区纪委"',
     "9:10: error: 发布机构与前一份通报 notices/2023/lvhua-jinzhan.yml 不同"
     "（本通报：大观区纪委；前一份：中共大观区委）："
     "follows 只能连接同一单位的通报"),
])
def test_a_bad_follows_is_rejected_with_its_location(tmp_path, old, new, expected):
    project = chain_project(tmp_path)
    path = project / LATER_FILE
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new), encoding="utf-8")
    code, lines = check(project)
    assert code == 1
    assert f"{LATER_FILE}:{expected}" in lines


def test_a_problem_keeps_its_number_across_the_chain(tmp_path):
    project = chain_project(tmp_path)
    path = project / LATER_FILE
    path.write_text(path.read_text(encoding="utf-8").replace('title: "把好项目审核关"', 'title: "系统性建设"'),
                    encoding="utf-8")
    code, lines = check(project)
    assert code == 0
    assert lines[0] == (f"{LATER_FILE}:24:12: warning: 问题 3 的标题与前一份通报 notices/2023/lvhua-jinzhan.yml "
                        "中问题 3 的标题“把好项目审核关”不同：同一次巡察的通报中问题序号应保持一致，请核对序号或标题")


def test_follows_cannot_loop(tmp_path):
    project = chain_project(tmp_path)
    earlier = project / "notices/2023/lvhua-jinzhan.yml"
    source = earlier.read_text(encoding="utf-8")
    earlier.write_text(source.replace("published: 2023-05-10\n", "published: 2023-05-10\nfollows: lvhua-qingkuang\n"),
                       encoding="utf-8")
    code, lines = check(project)
    assert code == 1
    assert lines[:2] == [
        "notices/2023/lvhua-jinzhan.yml:10:10: error: follows 形成循环"
        "（lvhua-jinzhan → lvhua-qingkuang → lvhua-jinzhan）：每份通报只能接在更早的一份之后",
        f"{LATER_FILE}:9:10: error: follows 形成循环（lvhua-qingkuang → lvhua-jinzhan → lvhua-qingkuang）："
        "每份通报只能接在更早的一份之后",
    ]


# ---------------------------------------------------------------- open data

def test_every_problem_is_in_the_csv_with_a_bom(chain_site):
    raw = (chain_site / "data/problems.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["slug", "title", "publisher", "region", "published", "number", "aspect", "problem", "status",
                       "due", "completed", "responsible_unit", "inspection", "latest"]
    assert len(rows) == 1 + 4 + 3  # one row per problem per report
    assert rows[1] == [LATER, "中共大观区委关于城市绿化工程领域专项巡察整改情况的通报（测试样例）", "中共大观区委",
                       "安徽省安庆市大观区", "2023-09-20", "1", "", "强化理论学习", "已完成", "", "2023-06-28",
                       "区住建局", EARLIER, "1"]
    marks = [(row[0], row[-2], row[-1]) for row in rows[1:]]
    assert marks == [(LATER, EARLIER, "1")] * 4 + [(EARLIER, EARLIER, "0")] * 3
    as_json = json.loads((chain_site / "data/problems.json").read_text(encoding="utf-8"))
    assert len(as_json) == 7 and as_json[0]["number"] == 1 and as_json[0]["due"] is None and as_json[0]["latest"] == 1


def test_each_notice_json_is_valid_against_the_published_schema(chain_site):
    schema = json.loads((chain_site / "data/notice.schema.json").read_text(encoding="utf-8"))
    assert (chain_site / "data/notice.schema.json").read_bytes() == (ROOT / "schema/notice.schema.json").read_bytes()
    for slug in (EARLIER, LATER):
        data = json.loads((chain_site / f"notices/{slug}/notice.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
        assert data["slug"] == slug
    assert data["follows"] == EARLIER and data["problems"][0]["completed"] == "2023-06-28"


def test_the_feed_lists_new_and_revised_notices(chain_site):
    feed = feedparser.parse((chain_site / "feed.xml").read_bytes())
    assert not feed.bozo
    assert [entry.link for entry in feed.entries] == [f"https://example.gov.cn/notices/{LATER}/",
                                                      f"https://example.gov.cn/notices/{EARLIER}/"]
    assert feed.entries[0].updated == "2023-09-20T00:00:00+00:00"
    assert feed.feed.updated == "2023-09-20T00:00:00+00:00"
    head = soup(chain_site, "").find("link", rel="alternate", type="application/atom+xml")
    assert head["href"] == "feed.xml"
    assert soup(chain_site, f"notices/{LATER}").find("link", type="application/atom+xml")["href"] == "../../feed.xml"


def test_the_open_data_page_documents_the_columns(chain_site):
    page = soup(chain_site, "data")
    names = [text_of(tr.select("td")[0]) for tr in page.select("table.open-data-columns tbody tr")]
    assert names == ["slug", "title", "publisher", "region", "published", "number", "aspect", "problem", "status",
                     "due", "completed", "responsible_unit", "inspection", "latest"]
    assert text_of(page.select("ul.open-data-files li")[0]).startswith(
        "problems.csv：每份通报的每个问题一行（共 7 行；同一次巡察的同一个问题在各份通报中各占一行，"
        "按每次巡察最新一份通报计共 4 个问题，即 latest 为 1 的行）")
    meanings = {text_of(tr.select("td")[0]): text_of(tr.select("td")[1])
                for tr in page.select("table.open-data-columns tbody tr")}
    assert meanings["latest"] == ("1：本行所在通报是该次巡察最新一份通报；0：同一次巡察较早的通报。"
                                  "每份通报的每个问题各占一行，全站统计只计 latest 为 1 的行，每个问题只计一次")


def test_a_withdrawn_notice_stays_in_the_data_with_its_withdrawal_only(tmp_path):
    project = chain_project(tmp_path)
    path = project / "notices/2023/lvhua-qingkuang.yml"
    path.write_text(path.read_text(encoding="utf-8") + "revisions:\n  - date: 2023-10-01\n    change: 撤回。\n"
                    "withdrawn:\n  date: 2023-10-01\n  reason: 内容有误\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    data = json.loads((site / f"notices/{LATER}/notice.json").read_text(encoding="utf-8"))
    assert data["withdrawn"] == {"date": "2023-10-01", "reason": "内容有误"} and "problems" not in data
    rows = list(csv.reader(io.StringIO((site / "data/problems.csv").read_text(encoding="utf-8-sig"))))
    assert {row[0] for row in rows[1:]} == {EARLIER}
    listed = json.loads((site / "data/notices.json").read_text(encoding="utf-8"))
    assert [item["withdrawn"] for item in listed] == [{"date": "2023-10-01", "reason": "内容有误"}, None]
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.entries[0].summary.endswith("2023-10-01 撤回：内容有误")


# ---------------------------------------------------------------- the dashboard

COUNTING_RULE = ("统计口径：同一次巡察先后发布多份通报（整改进展、整改情况、回头看等）的，每个问题只计一次，"
                 "按该次巡察最新一份通报所载状态统计；通报篇数计全部通报。")


def chart_rows(chart) -> list[list[str]]:
    return [[text_of(td) for td in tr.select("td")] for tr in chart.select("tbody tr")]


def test_site_totals_count_each_problem_once_by_the_latest_report(chain_site):
    home = soup(chain_site, "")
    totals = [" ".join(div.get_text(" ").split()) for div in home.select("dl.site-totals > div")]
    assert totals == ["通报 2 篇", "巡察 1 次", "问题 4 个", "已完成 2 个", "正在整改 2 个"]
    link = home.select_one("p.inspections-link a")
    assert (text_of(link), link["href"]) == ("巡察整改全程：有后续通报的 1 次巡察", "inspections/")
    assert text_of(home.select_one("p.site-completion")) == "整改完成率 50%（4 个问题中 2 个已完成）"
    assert text_of(home.select_one("p.counting-rule")) == COUNTING_RULE


def test_the_home_page_shows_static_charts_with_their_figures_as_tables(chain_site):
    home = soup(chain_site, "")
    charts = home.select("div.chart")
    assert [text_of(chart.find("h3")) for chart in charts] == [
        "问题整改状态¶", "各地区整改完成率¶", "各领域整改完成率¶", "各年份整改完成率（按最新一份通报的发布年份）¶"]
    status = charts[0]
    image = status.find("img")
    assert image["src"] == "assets/charts/status.svg"
    assert image["alt"] == "问题整改状态：已完成 2 个；正在整改 2 个。"
    assert chart_rows(status) == [["已完成", "2 个"], ["正在整改", "2 个"]]
    assert chart_rows(charts[2]) == [["城市绿化工程", "50%", "2 / 4"]]
    assert chart_rows(charts[3]) == [["2023", "50%", "2 / 4"]]
    assert charts[3].find("img")["alt"] == "各年份整改完成率（按最新一份通报的发布年份）：2023 50%。"
    svg = (chain_site / "assets/charts/status.svg").read_text(encoding="utf-8")
    assert "<title>问题整改状态</title>" in svg and "<script" not in svg
    assert not home.select("div.chart script")


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_charts_read_in_print_and_high_contrast(chain_site):
    import re

    svg = (chain_site / "assets/charts/status.svg").read_text(encoding="utf-8")
    colours = set(re.findall(r'fill="(#[0-9a-f]{6})"', svg))
    assert colours == {"#222222", "#0d47a1"}
    for colour in colours:
        assert 1.05 / (_luminance(colour) + 0.05) >= 7, colour  # against the white page, as printed
    css = (ROOT / "content/assets/stylesheets/notices.css").read_text(encoding="utf-8")
    assert ".md-typeset .problem, .md-typeset .chart { break-inside: avoid; }" in css


def test_the_archive_pages_show_the_dashboard_too(chain_site):
    archive = soup(chain_site, "archive")
    assert text_of(archive.select_one("p.site-completion")) == "4 个问题，整改完成率 50%（4 个问题中 2 个已完成）"
    assert text_of(archive.select_one("p.counting-rule")) == COUNTING_RULE
    charts = archive.select("div.chart")
    assert [chart.find("img")["src"] for chart in charts] == [
        "../assets/charts/status.svg", "../assets/charts/region.svg", "../assets/charts/domain.svg",
        "../assets/charts/year.svg"]
    assert chart_rows(charts[0]) == [["已完成", "2 个"], ["正在整改", "2 个"]]
    year = soup(chain_site, "archive/year/2023")
    assert text_of(year.select_one("p.site-completion")) == (
        "1 次巡察的 4 个问题，整改完成率 50%（4 个问题中 2 个已完成）")
    (chart,) = year.select("div.chart")
    image = chart.find("img")
    assert image["src"] == "../../../assets/charts/year-2023-status.svg"
    assert image["alt"] == "2023：问题整改状态：已完成 2 个；正在整改 2 个。"
    assert chart_rows(chart) == [["已完成", "2 个"], ["正在整改", "2 个"]]
    assert (chain_site / "assets/charts/year-2023-status.svg").read_text(encoding="utf-8").count("<rect") == 2


# ---------------------------------------------------------------- the inspection page

def test_the_inspection_page_shows_each_problems_current_status_and_history(chain_site):
    page = soup(chain_site, f"inspections/{EARLIER}")
    assert text_of(page.find("h1")) == (
        "巡察整改全程：中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报（测试样例）")
    assert [text_of(li) for li in page.select("ol.notice-chain li")] == [
        "中共大观区委关于城市绿化工程领域专项巡察整改情况的通报（测试样例） 2023年9月20日 · 整改情况 · 4 个问题",
        "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报（测试样例） 2023年5月10日 · 整改进展 · 3 个问题",
    ]
    assert [a["href"] for a in page.select("ol.notice-chain a")] == [
        f"../../notices/{LATER}/", f"../../notices/{EARLIER}/"]
    assert text_of(page.select_one("p.site-completion")) == "按最新一份通报：整改完成率 50%（4 个问题中 2 个已完成）"
    rows = [[text_of(td) for td in tr.select("td")] for tr in page.select("table.inspection-table tbody tr")]
    assert rows == [
        ["1", "强化理论学习", "已完成", "2023年5月10日 正在整改（时限 2023年6月30日） → 2023年9月20日 已完成"],
        ["2", "加强依法办事意识", "已完成", "2023年5月10日 已完成 → 2023年9月20日 已完成"],
        ["3", "把好项目审核关", "正在整改",
         "2023年5月10日 正在整改（时限 2023年12月31日） → 2023年9月20日 正在整改（时限 2023年12月31日）"],
        ["4", "依法支付项目建设费用", "正在整改", "2023年9月20日 正在整改（时限 2023年12月31日）"],
    ]
    first_row = page.select("table.inspection-table tbody tr")[0]
    assert [a["href"] for a in first_row.select("a")] == [
        f"../../notices/{LATER}/#problem-1", f"../../notices/{EARLIER}/#problem-1", f"../../notices/{LATER}/#problem-1"]


def test_every_notice_of_the_chain_and_the_index_link_the_inspection_page(chain_site):
    for slug in (EARLIER, LATER):
        link = soup(chain_site, f"notices/{slug}").select_one("p.inspection-link a")
        assert (text_of(link), link["href"]) == ("本次巡察的整改全程：各问题的当前状态和整改历程",
                                                 f"../../inspections/{EARLIER}/")
    index = soup(chain_site, "inspections")
    assert text_of(index.find("h1")) == "巡察整改全程"
    assert [(text_of(li), li.find("a")["href"]) for li in index.select("ul.inspection-list li")] == [
        ("中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报（测试样例） "
         "中共大观区委 · 2 份通报 · 最新 2023年9月20日 · 4 个问题 · 整改完成率 50%（4 个问题中 2 个已完成）",
         f"{EARLIER}/")]
    assert soup(chain_site, "archive").select_one('a[href="../inspections/"]')


def test_the_inspection_page_comes_with_the_second_report_at_the_first_reports_name(tmp_path):
    import yaml

    from generator.publish.site import build_site

    project = chain_project(tmp_path)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    later = project / "notices/2023/lvhua-qingkuang.yml"
    text = later.read_text(encoding="utf-8")
    later.unlink()
    before = build_site(project, project / "notices", config)
    later.write_text(text, encoding="utf-8")
    after = build_site(project, project / "notices", config)
    assert before.ok and after.ok
    assert {url for url in before.pages if url.startswith("inspections/")} == {"inspections/"}  # a lone report
    assert {url for url in after.pages if url.startswith("inspections/")} == {"inspections/", f"inspections/{EARLIER}/"}
    assert "共 0 次巡察" in before.pages["inspections/"].html


def test_no_page_text_can_place_an_image_not_even_a_chart(project, tmp_path):
    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + '\n<p><img src="assets/charts/status.svg"></p>\n',
                     encoding="utf-8")
    write(project, "2024/x.yml", GOOD)
    code, lines = check(project)
    assert code == 1
    from generator.render.pages import sanitize_html

    assert sanitize_html('<img src="assets/charts/status.svg" alt="x">') == ""


def test_the_build_date_is_source_date_epoch_else_the_latest_notice_date(tmp_path):
    from generator.publish.site import build_date, check_site

    project = chain_project(tmp_path)
    build = check_site(project, project / "notices", {"site_name": "x"})
    assert build_date(build.collection, {}) == dt.date(2023, 9, 20)
    assert build_date(build.collection, {"SOURCE_DATE_EPOCH": "1735000000"}) == dt.date(2024, 12, 24)


def test_the_inspection_page_stays_at_its_url_when_the_first_report_is_renamed(tmp_path):
    project = chain_project(tmp_path)
    first = project / "notices/2023/lvhua-jinzhan.yml"
    first.write_text(first.read_text(encoding="utf-8").replace(
        "slug: lvhua-jinzhan\n", "slug: lvhua-jinzhan-2023\nprevious_slugs: [lvhua-jinzhan]\n"), encoding="utf-8")
    later = project / "notices/2023/lvhua-qingkuang.yml"
    later.write_text(later.read_text(encoding="utf-8").replace("follows: lvhua-jinzhan\n",
                                                               "follows: lvhua-jinzhan-2023\n"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    moved = soup(site, f"inspections/{EARLIER}")
    assert moved.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../lvhua-jinzhan-2023/"
    link = moved.select_one(".notice-moved a")
    assert text_of(link) == "巡察整改全程：中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报（测试样例）"
    assert link["href"] == "../lvhua-jinzhan-2023/"
    assert soup(site, "inspections/lvhua-jinzhan-2023").select("table.inspection-table tbody tr")


def test_the_inspection_pages_show_a_title_exactly_as_written_and_escaped(tmp_path):
    project = chain_project(tmp_path)
    first = project / "notices/2023/lvhua-jinzhan.yml"
    first.write_text(first.read_text(encoding="utf-8").replace(
        "城市绿化工程领域专项巡察", 'A&B \\"城市绿化\\" 专项巡察'), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    title = '中共大观区委关于A&B "城市绿化" 专项巡察整改进展情况的通报（测试样例）'
    for url in (f"inspections/{EARLIER}", "inspections"):
        raw = (site / url / "index.html").read_text(encoding="utf-8")
        assert 'A&B "' not in raw
        assert title in text_of(soup(site, url))


@pytest.mark.parametrize("withdrawn", [EARLIER, LATER])
def test_the_inspection_page_stays_at_its_url_when_a_report_is_withdrawn(tmp_path, withdrawn):
    project = chain_project(tmp_path)
    path = project / f"notices/2023/{withdrawn}.yml"
    path.write_text(path.read_text(encoding="utf-8") + "revisions:\n  - date: 2023-10-01\n    change: 撤回。\n"
                    "withdrawn:\n  date: 2023-10-01\n  reason: 内容有误\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    page = soup(site, f"inspections/{EARLIER}")
    kept = EARLIER if withdrawn == LATER else LATER
    assert [a["href"] for a in page.select("a") if a["href"].endswith(f"/{kept}/")]
    assert not [a for a in page.select("a") if a["href"].endswith(f"/{withdrawn}/")]
    assert [a["href"] for a in soup(site, "inspections").select("main a") if EARLIER in a["href"]]
