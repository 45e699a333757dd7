"""Site search in a real browser: the sample site built with ``mkdocs build``, served over HTTP, driven
in Debian's Chromium (headless) through Playwright. A visitor opens the search in the header, types,
filters, clicks a result and lands on the matching section with the matched words highlighted.

These tests never skip: without Chromium (``apt-get install chromium``; ``scripts/setup`` installs it)
or Playwright they fail and say what is missing.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import serve
from generator.search.pagefind import FACETS

DAGUAN_TITLE = "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报"
DONGHU_TITLE = "东湖高新区建设局关于工程建设和房地产领域专项巡察整改进展情况的公布"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(sample_site):
    with serve(sample_site) as url:
        yield url


@pytest.fixture(scope="module")
def sharded_site_url(sharded_sample_site):
    with serve(sharded_sample_site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def open_search(page, site_url: str, path: str = ""):
    page.goto(site_url + path)
    page.click("#pf-search-toggle")
    page.wait_for_selector("#pf-search-input", state="visible")


def search(page, query: str) -> list[str]:
    page.fill("#pf-search-input", query)
    return wait_for_results(page, query)


def wait_for_results(page, query: str) -> list[str]:
    page.wait_for_function(
        """query => {
             const message = document.querySelector('#pf-search .pf-search__message');
             return message && message.textContent.includes(query) && !message.textContent.includes('正在搜索');
           }""",
        arg=query,
    )
    page.wait_for_timeout(200)  # results render just after the message
    # Each result's own title (its sections, nested under it, have titles of their own).
    return [t.strip() for t in page.locator("#pf-search li.pf-result .pf-result__title a").all_inner_texts()]


def test_nothing_is_downloaded_until_a_visitor_opens_the_search(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pagefind/" in url]
    assert page.locator("#pf-search-panel").is_hidden()
    page.click("#pf-search-toggle")
    page.wait_for_selector("#pf-search-input", state="visible")
    for _ in range(200):  # opening the search starts loading Pagefind (its worker fetches the index meta)
        if any(".pf_meta" in url for url in requests):
            break
        page.wait_for_timeout(50)
    assert any(".pf_meta" in url for url in requests)
    assert [url for url in requests if url.endswith("/pagefind/pagefind.js")]
    # The facet lists are downloaded only when the visitor opens 筛选.
    assert not [url for url in requests if url.endswith(".pf_filter")]


def test_search_ui_speaks_chinese(page, site_url):
    open_search(page, site_url)
    assert "搜索通报" in page.get_attribute("#pf-search-input", "placeholder")
    search(page, "城市绿化")
    message = page.inner_text("#pf-search .pf-search__message")
    assert message.startswith("找到") and "城市绿化" in message


@pytest.mark.parametrize(("query", "first", "section"), [
    ("城市绿化", DAGUAN_TITLE, None),
    ("农民工工资", DONGHU_TITLE, "11."),
    ("苗木补栽", DAGUAN_TITLE, "13. 严格管控工程过程"),
    ("补栽苗木", DAGUAN_TITLE, "13. 严格管控工程过程"),
    ("竣工验收", DAGUAN_TITLE, "18. 规范工程竣工验收流程"),
])
def test_segmented_chinese_query_puts_the_right_notice_first(page, site_url, query, first, section):
    open_search(page, site_url)
    titles = search(page, query)
    assert titles and titles[0] == first, titles
    result = page.locator("#pf-search li.pf-result").first
    # The matched words are marked in the excerpts.
    assert result.locator("mark").count() > 0
    if section:
        # The result names the problem that matched and links to its section.
        nested = result.locator("a.pf-result__section")
        sections = [t.strip() for t in nested.all_inner_texts()]
        assert any(s.startswith(section) for s in sections), sections
        hrefs = nested.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert any("#problem-" in href for href in hrefs), hrefs


@pytest.mark.parametrize(("query", "expected"), [
    ("lvhua", [DAGUAN_TITLE]),
    ("chengshilvhua", [DAGUAN_TITLE]),
    ("donghu", [DONGHU_TITLE]),
    ("cslh", [DAGUAN_TITLE]),
    ("xczg", sorted([DAGUAN_TITLE, DONGHU_TITLE])),
])
def test_pinyin_and_initials_of_a_title_find_the_notice(page, site_url, query, expected):
    open_search(page, site_url)
    titles = search(page, query)
    assert sorted(titles) == expected
    # A pinyin match shows who published the notice, not a run of pinyin.
    excerpt = page.locator("#pf-search li.pf-result .pf-result__excerpt").first.inner_text()
    assert "·" in excerpt and query not in excerpt


def test_facets_narrow_a_text_search_and_combine(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_search(page, site_url)
    assert sorted(search(page, "工程")) == sorted([DAGUAN_TITLE, DONGHU_TITLE])
    assert not [url for url in requests if url.endswith(".pf_filter")]
    page.click("#pf-search .pf-search__filters-toggle")
    page.wait_for_selector("#pf-search-filters fieldset")
    names = [t.strip() for t in page.locator("#pf-search-filters legend").all_inner_texts()]
    assert names == ["年份", "地区", "领域", "类别", "状态"] == list(FACETS)  # the order of the one definition

    def box(name: str, value: str):
        return page.locator(f"#pf-search-filters input[name='{name}'][value='{value}']")

    def results_after(change) -> list[str]:
        page.evaluate("() => { document.querySelector('#pf-search .pf-search__message').textContent = ''; }")
        change()
        return wait_for_results(page, "工程")

    assert results_after(box("地区", "湖北省武汉市东湖新技术开发区").check) == [DONGHU_TITLE]
    # 东湖's notice gives no date: with 2024 as well, nothing is left.
    assert results_after(box("年份", "2024").check) == []
    assert "没有找到" in page.inner_text("#pf-search .pf-search__message")
    assert results_after(box("地区", "湖北省武汉市东湖新技术开发区").uncheck) == [DAGUAN_TITLE]
    assert sorted(results_after(box("年份", "2024").uncheck)) == sorted([DAGUAN_TITLE, DONGHU_TITLE])
    # Only 东湖's notice states a finished problem; 类别 combines with it.
    assert results_after(box("状态", "已完成").check) == [DONGHU_TITLE]
    assert results_after(box("类别", "整改进展").check) == [DONGHU_TITLE]


def test_clicking_a_result_opens_the_section_with_the_words_highlighted(page, site_url):
    open_search(page, site_url)
    search(page, "补栽苗木")
    link = page.locator("#pf-search a.pf-result__section", has_text="严格管控工程过程").first
    link.click()
    page.wait_for_load_state("load")
    url = urlsplit(page.url)
    assert url.path.startswith("/notices/zhong-gong-da-guan-qu-wei") and url.fragment == "problem-13"
    # The query's words, as Pagefind segmented them (补 栽 苗木), travel in ?highlight=.
    assert "".join(parse_qs(url.query)["highlight"]) == "补栽苗木"
    page.wait_for_selector("mark.pagefind-highlight")
    marked = set(page.locator("mark.pagefind-highlight").all_inner_texts())
    assert "苗木" in marked, marked
    # The highlight is inside the notice's own text, in the section the result named.
    in_section = page.evaluate("""() => {
        let node = document.getElementById('problem-13').nextElementSibling, marks = 0;
        while (node && !/^H[1-4]$/.test(node.tagName)) {
            marks += node.querySelectorAll('mark.pagefind-highlight').length;
            node = node.nextElementSibling;
        }
        return marks;
    }""")
    assert in_section > 0
    assert page.locator("h1").inner_text().startswith(DAGUAN_TITLE)


def test_a_stop_character_cut_off_a_place_name_is_left_out_of_the_search(page, site_url):
    open_search(page, site_url)
    assert search(page, "大观区")[0] == DAGUAN_TITLE
    # The message names what the visitor typed; the search (and so the highlight) used 大观 only.
    assert "大观区" in page.inner_text("#pf-search .pf-search__message")
    href = page.locator("#pf-search li.pf-result .pf-result__title a").first.get_attribute("href")
    assert "".join(parse_qs(urlsplit(href).query)["highlight"]) == "大观"
    # Alone, a stop character is searched as typed.
    assert sorted(search(page, "区")) == sorted([DAGUAN_TITLE, DONGHU_TITLE])
    href = page.locator("#pf-search li.pf-result .pf-result__title a").first.get_attribute("href")
    assert "".join(parse_qs(urlsplit(href).query)["highlight"]) == "区"


def test_notices_indexed_in_separate_runs_are_searched_as_one_index(page, site_url, sharded_site_url):
    # search_shard_size: 1 indexes each notice in its own Pagefind run; the browser gets one index.
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    found = {}
    for url in (site_url, sharded_site_url):
        open_search(page, url)
        found[url] = [search(page, query) for query in ("工程", "整改", "lvhua", "donghu")]
    assert found[sharded_site_url] == found[site_url]  # the same notices, ranked the same
    assert sorted(found[site_url][0]) == sorted([DAGUAN_TITLE, DONGHU_TITLE])
    assert found[site_url][2:] == [[DAGUAN_TITLE], [DONGHU_TITLE]]
    assert [url for url in requests if "/pagefind/pagefind-entry.json" in url] and not [
        url for url in requests if "/shard-" in url or "shards.json" in url]
    # The facet lists count every notice.
    page.click("#pf-search .pf-search__filters-toggle")
    page.wait_for_selector("#pf-search-filters fieldset")
    years = [t.strip() for t in page.locator("#pf-search-filters fieldset[data-filter='年份'] label").all_inner_texts()]
    assert years == ["2024 (1)", "未载明 (1)"]


def test_runs_find_what_one_run_finds_when_a_word_is_missing_from_a_run(page, site_url, sharded_site_url):
    # 苗木 is only in the greening notice, 东湖 only in the Donghu one: no notice has both. Indexed in two
    # runs, each run lacks one of the words (Pagefind ignores a word its index lacks); the merged index has both.
    for url in (site_url, sharded_site_url):
        open_search(page, url)
        assert search(page, "苗木") == [DAGUAN_TITLE]
        assert search(page, "东湖") == [DONGHU_TITLE]
        assert search(page, "苗木 东湖") == []
        assert page.inner_text("#pf-search .pf-search__message") == "没有找到 苗木 东湖 的相关结果"


def test_notices_of_equal_scores_come_in_the_same_order_from_runs_as_from_one_run(page, generated_sites):
    # Seven notices of the two samples' shapes: many score alike. Indexed in runs of two and merged, the first
    # results page lists the same notices in the same order, with the same scores, as the one run's index.
    found = {}
    for site in generated_sites:
        with serve(site) as url:
            open_search(page, url)
            found[site] = [(search(page, query), scores(page), page.inner_text("#pf-search .pf-search__message"))
                           for query in ("整改", "工程款", "城市绿化", "xczg")]
    one, runs = (found[site] for site in generated_sites)
    assert runs == one
    ties = [titles for titles, values, _ in one if len(set(values)) < len(values)]
    assert ties and all(len(set(titles)) == len(titles) for titles in ties)  # equal scores, other notices
    assert one[0][2] == "找到 7 个 整改 的相关结果" and len(one[0][0]) == 5


def scores(page) -> list[float]:
    return [float(value) for value in page.eval_on_selector_all(
        "#pf-search li.pf-result", "items => items.map(item => item.dataset.score)")]


def test_search_says_so_when_its_index_cannot_be_loaded_and_tries_again(page, site_url):
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    open_search(page, site_url)
    page.fill("#pf-search-input", "城市绿化")
    page.wait_for_function("""() => document.querySelector('#pf-search .pf-search__message').textContent
                                    === '检索暂时无法使用，请检查网络后重试'""")
    assert page.locator("#pf-search li.pf-result").count() == 0
    page.unroute("**/pagefind/pagefind.js")
    assert search(page, "竣工验收")[0] == DAGUAN_TITLE


def test_pinyin_still_being_composed_in_an_input_method_is_not_searched(page, site_url):
    open_search(page, site_url)
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # A Chinese input method: the visitor types pinyin, which becomes 汉字 only when committed.
    ime = page.context.new_cdp_session(page)
    ime.send("Input.imeSetComposition", {"text": "chengshilvhua", "selectionStart": 13, "selectionEnd": 13})
    assert page.input_value("#pf-search-input") == "chengshilvhua"
    page.wait_for_timeout(500)
    assert page.inner_text("#pf-search .pf-search__message") == ""
    assert not [url for url in requests if ".pf_index" in url]
    ime.send("Input.insertText", {"text": "城市绿化"})
    assert wait_for_results(page, "城市绿化")[0] == DAGUAN_TITLE


def test_pages_only_index_notices(sample_site):
    assert (sample_site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (sample_site / "search" / "search_index.json").exists()  # Material's search is off
    notice_pages = list(sample_site.glob("notices/*/index.html"))
    assert notice_pages and all("data-pagefind-body" in p.read_text(encoding="utf-8") for p in notice_pages)
    assert "<div data-pagefind-body>" not in (sample_site / "index.html").read_text(encoding="utf-8")
    # The facets and the title's pinyin go to the index only; the published pages do not carry them.
    assert not any("search-pinyin" in p.read_text(encoding="utf-8") for p in notice_pages)
