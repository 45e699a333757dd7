"""Citizens on phones and older readers (适老化, WCAG 2.1 AA), in a real browser: the sample site built with
``mkdocs build``, served on 127.0.0.1, driven in Debian's Chromium through Playwright. What is measured is
what a reader meets: how tall the overview is on a phone, whether anything is clipped or scrolls sideways,
how big the tap targets are, the page tools, the printed page and the Tab order."""

from __future__ import annotations

import pytest

from conftest import serve

DAGUAN = "notices/zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua-gong-cheng-ling-yu-zhuan-xiang-xun-cha-zheng-gai-jin-zhan-qing-kuang-de-tong-bao/"
DONGHU = "notices/dong-hu-gao-xin-qu-jian-she-ju-guan-yu-gong-cheng-jian-she-he-fang-di-chan-ling-yu-zhuan-xiang-xun-cha-zheng-gai-jin-zhan-qing-kuang-de-gong-bu/"
PAGES = ["", DAGUAN, DONGHU, "archive/", "how-to-read/"]


@pytest.fixture(scope="module")
def site_url(sample_site):
    with serve(sample_site) as url:
        yield url


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(width: int = 360, height: int = 800, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", **options)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        return tab
    yield make
    for context in contexts:
        context.close()


def test_the_greening_notice_overview_is_one_line_per_problem_on_a_phone(new_page, site_url):
    page = new_page(360)
    page.goto(site_url + DAGUAN)
    height = page.locator("table.progress-table").bounding_box()["height"]
    assert height <= 2000, f"the overview is {height:.0f} px tall at 360 px"
    lines = page.evaluate("""() => [...document.querySelectorAll('table.progress-table tr.problem-row')].map(row => {
        const shown = [...row.children].filter(cell => getComputedStyle(cell).display !== 'none');
        const box = row.getBoundingClientRect();
        return {cells: shown.map(cell => cell.innerText.trim()), height: box.height, width: box.width};
    })""")
    assert len(lines) == 28
    assert lines[0]["cells"] == ["1", "强化理论学习", "未载明"]
    for line in lines:
        assert len(line["cells"]) == 3 and line["height"] >= 44
    # The aspect's name heads its problems.
    assert page.locator("tr.aspect-row").first.inner_text().startswith("（一）贯彻落实中央")
    # The whole line is the tap target: a tap at the line's right edge, by the status, opens the problem.
    page.locator("tr.problem-row").nth(4).scroll_into_view_if_needed()
    row = page.locator("tr.problem-row").nth(4).bounding_box()
    page.mouse.click(row["x"] + row["width"] - 4, row["y"] + row["height"] / 2)
    page.wait_for_function("() => location.hash === '#problem-5'")


def test_on_a_wide_screen_the_overview_stays_a_table(new_page, site_url):
    page = new_page(1280)
    page.goto(site_url + DONGHU)
    headers = page.locator("table.progress-table thead th").all_inner_texts()
    assert [h.strip() for h in headers] == ["序号", "问题", "状态"]
    assert page.locator("table.progress-table thead").is_visible()
    assert page.locator("tr.problem-row").nth(1).inner_text().split("\t")[1] == "（无标题，措施：制定了《2022年东湖高新区房屋…）"


def test_text_size_is_chosen_once_and_kept_on_the_next_page(new_page, site_url):
    page = new_page(360)
    page.goto(site_url + DAGUAN)
    body_size = "() => parseFloat(getComputedStyle(document.querySelector('.md-content__inner p:not([class])')).fontSize)"
    assert page.evaluate(body_size) >= 18
    tools = page.locator("#page-tools")
    assert tools.is_visible()
    tools.get_by_role("button", name="大", exact=True).click()
    assert page.evaluate(body_size) >= 22
    assert tools.get_by_role("button", name="大", exact=True).get_attribute("aria-pressed") == "true"
    tools.get_by_role("button", name="特大").click()
    assert page.evaluate(body_size) >= 26
    page.goto(site_url + "how-to-read/")
    assert page.evaluate(body_size) >= 26
    assert page.locator("#page-tools").get_by_role("button", name="特大").get_attribute("aria-pressed") == "true"
    page.locator("#page-tools").get_by_role("button", name="标准").click()
    page.goto(site_url)
    assert 18 <= page.evaluate(body_size) < 22


def test_high_contrast_is_black_on_white_and_kept_on_the_next_page(new_page, site_url):
    page = new_page(360)
    page.goto(site_url + DAGUAN)
    page.locator("#page-tools").get_by_role("button", name="高对比度").click()
    page.goto(site_url + DONGHU)
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    colours = page.evaluate("""() => {
        const style = element => getComputedStyle(element);
        return {text: style(document.querySelector('.md-content__inner p:not([class])')).color,
                link: style(document.querySelector('.md-typeset .notice-contents a')).color,
                status: style(document.querySelector('.md-typeset .status')).color,
                background: style(document.body).backgroundColor};
    }""")
    assert colours["text"] == "rgb(0, 0, 0)" and colours["background"] == "rgb(255, 255, 255)"
    for name in ("link", "status"):
        assert contrast(colours[name], colours["background"]) >= 7, (name, colours[name])


def test_page_tools_are_buttons_with_text_at_least_44_px_square(new_page, site_url):
    page = new_page(360)
    page.goto(site_url + DAGUAN)
    buttons = page.evaluate("""() => [...document.querySelectorAll('#page-tools button')]
        .filter(button => !button.hidden)
        .map(button => ({text: button.innerText.trim(), ...button.getBoundingClientRect().toJSON()}))""")
    assert [b["text"] for b in buttons][:7] == ["标准", "大", "特大", "高对比度", "打印本页", "复制链接", "朗读"]
    for button in buttons:
        assert button["width"] >= 44 and button["height"] >= 44, button


def test_copy_link_puts_the_page_address_on_the_clipboard(new_page, site_url):
    page = new_page(360, permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + DONGHU)
    page.locator("#page-tools").get_by_role("button", name="复制链接").click()
    page.wait_for_function("() => document.getElementById('page-tools-status').textContent.startsWith('链接已复制')")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + DONGHU


def test_read_aloud_is_hidden_where_the_browser_cannot_speak(new_page, site_url):
    page = new_page(360)
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(site_url + DAGUAN)
    assert page.locator("#page-tools").is_visible()
    assert page.locator("#page-tools [data-tool=speak]").is_hidden()


def test_the_printed_page_keeps_the_footer_the_address_and_the_date_and_drops_the_header(new_page, site_url):
    page = new_page(1280)
    page.goto(site_url + DAGUAN)
    page.emulate_media(media="print")
    for hidden in (".md-header", "#page-tools", ".md-sidebar--primary", "#pf-search-panel", ".back-to-overview >> nth=0"):
        assert page.locator(hidden).is_hidden(), hidden
    footer = page.locator(".gov-footer")
    assert footer.is_visible()
    printed = footer.inner_text()
    assert "主办：安庆市大观区纪委监委" in printed and "皖ICP备17015173号-1" in printed
    assert f"本页地址：https://example.gov.cn/{DAGUAN}" in printed
    assert "打印日期：" in printed and "年" in printed.split("打印日期：")[1]
    assert page.evaluate("getComputedStyle(document.querySelector('.problem')).breakInside") == "avoid"
    page.emulate_media(media="screen")
    assert page.locator(".gov-footer__print").is_hidden()


def contrast(foreground: str, background: str) -> float:
    def luminance(rgb: str) -> float:
        channels = [int(part) / 255 for part in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
