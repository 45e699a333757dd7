"""The sample site as a reader sees it: one page per notice, progress tables, footer, archives."""

from __future__ import annotations

import filecmp
import re

from ruamel.yaml import YAML

from conftest import ROOT, mkdocs_build

DAGUAN = ("notices/zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua-gong-cheng-ling-yu-"
          "zhuan-xiang-xun-cha-zheng-gai-jin-zhan-qing-kuang-de-tong-bao")
DONGHU = ("notices/dong-hu-gao-xin-qu-jian-she-ju-guan-yu-gong-cheng-jian-she-he-fang-di-chan-ling-yu-"
          "zhuan-xiang-xun-cha-zheng-gai-jin-zhan-qing-kuang-de-gong-bu")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def progress_rows(soup):
    return soup.select("table.progress-table tbody tr.problem-row")


def test_every_notice_file_has_a_page(sample_site):
    titles = sorted(YAML(typ="safe").load(p.read_text(encoding="utf-8"))["title"]
                    for p in (ROOT / "notices").rglob("*.yml"))
    pages = sorted(sample_site.glob("notices/*/index.html"))
    assert len(pages) == len(titles) == 2
    from bs4 import BeautifulSoup
    shown = sorted(text(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").h1) for p in pages)
    assert [t.rstrip("¶").strip() for t in shown] == titles


def test_daguan_notice_metadata_and_inspection(page):
    soup = page(DAGUAN)
    assert soup.html["lang"] == "zh"
    assert "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报" in text(soup.h1)
    meta = text(soup.select_one("dl.notice-meta"))
    assert "发布机构 中共大观区委" in meta
    assert "发布日期 2024年12月24日" in meta
    assert "来源 原创" in meta
    facts = text(soup.select_one("dl.notice-facts"))
    assert "巡察组 市委第十一专项巡察组" in facts
    assert "巡察时间 2023年7月11日 至 2023年9月15日" in facts
    assert "反馈日期 2023年11月23日" in facts


def test_daguan_progress_table_has_a_row_per_problem_linking_to_its_measures(page):
    soup = page(DAGUAN)
    headers = [text(th) for th in soup.select("table.progress-table thead th")]
    assert headers == ["序号", "问题", "状态"]  # 责任单位 and 时限 are empty for every problem: no column
    groups = [text(th) for th in soup.select("table.progress-table tr.aspect-row th")]
    assert groups == ["（一）贯彻落实中央关于城市绿化重大决策部署和省委省政府、市委市政府工作要求方面",
                      "（二）城市绿化工程重点环节廉洁风险和作风方面", "（三）城市绿化工程领域基层党组织建设方面"]
    rows = progress_rows(soup)
    assert len(rows) == 28
    assert [text(r.td) for r in rows] == [str(n) for n in range(1, 29)]
    assert text(rows[0].find_all("td")[1]) == "强化理论学习"
    third = soup.select("table.progress-table tbody")[2]
    assert [text(r.td) for r in third.select("tr.problem-row")] == ["25", "26", "27", "28"]
    for row in rows:
        target = row.find("a")["href"]
        assert soup.select_one(target) is not None, target
        status = row.select_one(".status")
        assert text(status) == "未载明" and "status--unstated" in status["class"]
    measures = soup.select_one("#problem-1").find_next("ol", class_="measures").find_all("li")
    assert len(measures) == 4
    assert text(measures[0]).startswith("一是 区重点工程处完善党组理论学习中心组学习计划")
    assert text(measures[3]).startswith("四是 开展招投标领域专题培训3次")


def test_daguan_summary_does_not_invent_a_completion_rate(page):
    summary = text(page(DAGUAN).select_one(".notice-summary"))
    assert "问题 28 个" in summary
    assert "未载明 28 个" in summary
    rate = page(DAGUAN).select_one(".notice-summary .figure--rate").get_text()
    assert rate == "整改完成率 未载明（原通报未载明各问题的整改状态，本站不推算完成率）"
    declared = text(page(DAGUAN).select_one("dl.notice-declared"))
    for figure in ("问题 28个", "梳理原因 73条", "整改措施 133项", "建立健全制度机制 16项", "专题会议 16次"):
        assert figure in declared


def test_daguan_contact_block_links(page):
    contact = page(DAGUAN).select_one("address.notice-contact")
    assert contact.select_one('a[href="tel:05565502613"]').get_text() == "0556-5502613"
    assert contact.select_one('a[href="mailto:aqdgzf@126.com"]').get_text() == "aqdgzf@126.com"
    assert "安庆市大观区政务中心" in text(contact)


def test_donghu_notice_all_done_with_lost_titles_marked(page):
    soup = page(DONGHU)
    rows = progress_rows(soup)
    assert len(rows) == 12
    assert [text(r.select_one(".status")) for r in rows] == ["✓ 已完成"[2:]] * 12
    assert soup.select_one(".notice-summary .figure--rate").get_text() == "整改完成率 100%（12 个问题中 12 个已完成）"
    titles = [text(r.find_all("td")[1]) for r in rows]
    # An untitled problem is named by the start of its first measure, marked as such.
    assert titles[1] == "（无标题，措施：制定了《2022年东湖高新区房屋…）"
    assert titles[0].startswith("着力解决学习贯彻落实")
    assert soup.select_one("#problem-2").get_text().startswith("2. 原文未载明标题")
    groups = [text(th) for th in soup.select("table.progress-table tr.aspect-row th")]
    assert groups[-1] == "所属方面未载明"
    assert len(soup.select("table.progress-table tbody")[-1].select("tr.problem-row")) == 9
    assert "发布日期 原文未载明" in text(soup.select_one("dl.notice-meta"))
    assert "原通报未载明联系方式" in text(soup.select_one("address.notice-contact"))


def test_no_spam_anywhere_in_the_published_site(sample_site):
    for path in sample_site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            content = path.read_text(encoding="utf-8")
            for spam in ("shadowrocket", "节点都没有了", "共享账号"):
                assert spam not in content, (path, spam)


def test_footer_on_every_page_with_filing_links(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) >= 10
    from bs4 import BeautifulSoup
    for path in pages:
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("footer.gov-footer")
        assert footer is not None, path
        footer_text = text(footer)
        assert "主办：安庆市大观区纪委监委" in footer_text
        assert "协办单位：安庆市大观区党风政风宣教中心" in footer_text
        assert "传真：0556-5586478" in footer_text
        icp = footer.select_one("a.gov-footer__icp")
        assert icp.get_text() == "皖ICP备17015173号-1" and icp["href"] == "https://beian.miit.gov.cn/"
        police = footer.select_one("a.gov-footer__police")
        assert police.get_text() == "皖公网安备 34080202000367号"
        assert police["href"] == "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=34080202000367"


def test_home_lists_newest_notices_and_site_totals(page):
    soup = page("")
    latest = [text(a) for a in soup.select("ul.notice-list > li > a")]
    assert latest[0].startswith("中共大观区委") and latest[1].startswith("东湖高新区建设局")
    totals = text(soup.select_one("dl.site-totals"))
    assert "通报 2 篇" in totals and "问题 40 个" in totals
    completion = soup.select_one(".site-completion").get_text()
    assert completion == "整改完成率 100%（按载明状态的 12 个问题计算；另有 28 个问题未载明状态）"


def test_archives_by_year_region_and_domain(page):
    index = page("archive")
    links = {text(a): a["href"] for a in index.select("ul.archive-groups a")}
    assert links["2024"] == "year/2024/" and links["发布日期未载明"] == "year/unknown/"
    assert links["安徽省安庆市大观区"] == "region/an-hui-sheng-an-qing-shi-da-guan-qu/"
    assert links["城市绿化工程"] == "domain/cheng-shi-lv-hua-gong-cheng/"
    year = page("archive/year/2024")
    assert [a["href"] for a in year.select("ul.notice-list a")] == [f"../../../{DAGUAN}/"]
    unknown = page("archive/year/unknown")
    assert [a["href"] for a in unknown.select("ul.notice-list a")] == [f"../../../{DONGHU}/"]


def test_notices_are_not_in_the_navigation(page):
    nav_links = [text(a) for a in page(DAGUAN).select("nav.md-tabs a")]
    assert nav_links == ["首页", "通报归档", "如何阅读通报", "关于本站"]


def test_status_vocabulary_is_explained_from_the_data_file(page):
    table = page("how-to-read").select("table")[0]
    labels = [text(td) for td in table.select("tbody tr td:first-child")]
    assert labels == ["✓ 已完成"[2:], "基本完成", "正在整改", "未完成", "长期坚持", "未载明"]


def test_sitemap_uses_the_notice_date_not_the_build_date(sample_site):
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<loc>[^<]*{re.escape(DAGUAN)}/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
    assert entry and entry.group(1) == "2024-12-24"


def test_search_index_holds_every_notice(sample_site):
    """Pagefind's chunked index is written by the build (the words are checked in the browser tests)."""
    import json
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["zh"]["page_count"] == 2
    assert not (sample_site / "search" / "search_index.json").exists()


def test_building_twice_gives_identical_files(sample_site, tmp_path):
    again = tmp_path / "again"
    assert mkdocs_build(ROOT, again).returncode == 0
    compared = filecmp.dircmp(sample_site, again)
    differences = []

    def walk(cmp):
        differences.extend(cmp.diff_files + cmp.left_only + cmp.right_only)
        for sub in cmp.subdirs.values():
            walk(sub)

    walk(compared)
    assert differences == []
    # dircmp compares by size and time; compare bytes too.
    for path in sample_site.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (again / path.relative_to(sample_site)).read_bytes(), path


def test_a_long_notice_has_a_breadcrumb_a_contents_list_and_a_way_back_to_the_overview(page):
    soup = page(DAGUAN)
    crumb = soup.select_one('nav.breadcrumb[aria-label="当前位置"]')
    assert text(crumb) == "当前位置： 首页 > 通报归档 > 中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报"
    assert [a["href"] for a in crumb.find_all("a")] == ["../../", "../../archive/"]
    assert crumb.find_previous("h1") is None  # above the title
    contents = soup.select_one('nav.notice-contents[aria-label="本页目录"]')
    assert contents.find_previous("h1") is not None and contents.find_previous("h2") is None  # under the title
    links = [(a["href"], text(a)) for a in contents.find_all("a")]
    assert links == [("#inspection", "巡察情况"), ("#summary", "整改概况"), ("#progress", "整改进展一览表"),
                     ("#body", "通报正文"), ("#problems", "二、扛牢政治责任,确保整改举措真改实改"),
                     ("#contact", "联系方式")]
    for href, _ in links:
        assert soup.select_one(href) is not None, href
    backs = soup.select("div.problem p.back-to-overview a")
    assert len(backs) == 28 and {(a["href"], text(a)) for a in backs} == {("#progress", "返回一览表")}


def test_every_text_file_has_a_deterministic_gzip_copy_beside_it(sample_site):
    import gzip

    suffixes = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
    texts = [p for p in sample_site.rglob("*") if p.is_file() and p.suffix in suffixes]
    assert {p.suffix for p in texts} >= {".html", ".css", ".js", ".json", ".xml"}
    for path in texts:
        packed = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(packed) == path.read_bytes(), path
        assert packed[4:8] == b"\0\0\0\0" and packed[3] & 0x08 == 0, path  # no time, no file name in the header
    assert not list(sample_site.rglob("*.gz.gz"))


def test_every_text_file_has_a_brotli_copy_beside_it_smaller_than_the_gzip_one(sample_site):
    import brotli

    suffixes = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
    texts = [p for p in sample_site.rglob("*") if p.is_file() and p.suffix in suffixes]
    for path in texts:
        packed = path.with_name(path.name + ".br").read_bytes()
        assert brotli.decompress(packed) == path.read_bytes(), path
    notice = sample_site / DAGUAN / "index.html"
    brotli_size = len((notice.parent / "index.html.br").read_bytes())
    assert brotli_size < 0.9 * len((notice.parent / "index.html.gz").read_bytes())
    assert not list(sample_site.rglob("*.br.br")) and not list(sample_site.rglob("*.br.gz"))


def _outline(soup) -> list[tuple[str, str]]:
    body = soup.select_one("#body")
    headings = [body] + body.find_all_next(re.compile("^h[2-6]$"))
    return [(h.name, text(h).rstrip("¶").strip()) for h in headings]


def test_the_greening_notice_reads_in_its_own_order_and_levels(page):
    """一、 narrative, 二、 the problems, 三、 narrative, as the published notice: the editor's 【问题清单】 line
    in the .md places the list, and its heading is at the level of 一、 and 三、."""
    outline = [(level, title) for level, title in _outline(page(DAGUAN)) if level in ("h2", "h3")]
    assert outline == [
        ("h2", "通报正文"),
        ("h3", "一、强化政治担当,推动巡察整改落细落地"),
        ("h3", "二、扛牢政治责任,确保整改举措真改实改"),
        ("h3", "三、注重标本兼治,推进整改成果常态长效"),
        ("h2", "联系方式"),
    ]
    soup = page(DAGUAN)
    assert soup.select_one("#aspect-1").name == "h4" and soup.select_one("#problem-1").name == "h5"
    assert "【问题清单】" not in soup.get_text()
    contents = [text(a) for a in soup.select("nav.notice-contents a")]
    assert contents.index("通报正文") + 1 == contents.index("二、扛牢政治责任,确保整改举措真改实改")


def test_a_notice_without_the_marker_keeps_its_problems_after_the_narrative(page):
    soup = page(DONGHU)
    top = [h for h in _outline(soup) if h[0] == "h2"]
    assert top == [("h2", "通报正文"), ("h2", "问题及整改措施"), ("h2", "联系方式")]
    assert soup.select_one("#aspect-1").name == "h3" and soup.select_one("#problem-1").name == "h4"
