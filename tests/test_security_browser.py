"""What a browser does with a site whose notices carry legitimate but tricky characters (``&``, quotes, a
lone ``<``): every page shows the text exactly as written, and no page opens a dialog, navigates away or
reports a Content-Security-Policy violation — searching included. A script planted in a built page (as
if the check had been bypassed) does not run."""

from __future__ import annotations

import shutil

import pytest

from conftest import GOOD, ROOT, mkdocs_build, serve, write

TRICKY_TITLE = """某区委关于“A&B”项目 "C" 与 D's 专项巡察整改情况的通报"""
TRICKY_MEASURE = "完成率<5% 的单位 &amp; 其他 \" onmouseover=\"alert(1)"
PUBLISHER = 'x" http-equiv="refresh" content="0;url=//evil.example/'
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
                          e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.alert = window.confirm = window.prompt = () => { window.__dialog = true; };
"""


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("tricky")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("content", "theme_overrides", "notices"):
        shutil.copytree(ROOT / folder, project / folder)
    quoted = TRICKY_TITLE.replace(chr(39), chr(39) * 2)
    notice = (GOOD.replace("title: 某区委关于某专项巡察整改情况的通报", f"title: '{quoted}'")
              .replace("publisher: 某区委", f"publisher: '{PUBLISHER}'")
              .replace("measures: [措施一。]", f"measures: ['{TRICKY_MEASURE}']"))
    write(project, "2024/tricky.yml", notice)
    write(project, "2024/tricky.md", "正文里的 A&B、“引号”和 1 < 2。\n")
    site = tmp_path_factory.mktemp("tricky-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def tricky_url(tricky_site):
    with serve(tricky_site) as url:
        yield url


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.add_init_script(WATCH)
    page = context.new_page()
    page.set_default_timeout(10_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def all_pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def test_every_page_shows_the_text_as_written_and_runs_nothing_unintended(tab, tricky_site, tricky_url):
    pages = all_pages(tricky_site)
    assert len(pages) >= 8
    notice_path = next(p for p in pages if p.startswith("notices/") and "a-b" in p)
    for path in pages:
        tab.goto(tricky_url + path)
        tab.wait_for_load_state("networkidle")
        assert tab.url.startswith(tricky_url + path.split("#")[0]), f"{path} navigated to {tab.url}"
        assert tab.evaluate("window.__violations") == [], path
        assert not tab.evaluate("window.__dialog === true") and tab.dialogs == [], path
    tab.goto(tricky_url + notice_path)
    assert tab.title() == f"{TRICKY_TITLE} - 大观区巡察整改公开"
    assert tab.locator("h1").first.inner_text() == TRICKY_TITLE
    assert tab.locator('meta[name="description"]').get_attribute("content") == f"{PUBLISHER}：{TRICKY_TITLE}"
    assert tab.locator('meta[http-equiv="refresh"]').count() == 0
    assert TRICKY_MEASURE in tab.locator("ol.measures li").first.inner_text()
    assert "正文里的 A&B、“引号”和 1 < 2。" in tab.locator("#body ~ p").first.inner_text()


def test_searching_reports_no_policy_violation(tab, tricky_url):
    tab.goto(tricky_url)
    tab.click("#pf-search-toggle")
    tab.fill("#pf-search-input", "整改")
    tab.wait_for_selector("#pf-search li.pf-result")
    assert tab.evaluate("window.__violations") == []


def test_a_script_planted_in_a_built_page_does_not_run(tab, tricky_site, tricky_url):
    page = tricky_site / "about" / "index.html"
    html = page.read_text(encoding="utf-8")
    planted = html.replace("</h1>", '</h1><img src="data:," onerror="window.__ran = 1">'
                                     '<script>window.__ran = 2</script><a href="javascript:window.__ran = 3" '
                                     'id="planted">x</a>', 1)
    assert planted != html
    (tricky_site / "about" / "planted.html").write_text(planted, encoding="utf-8")
    tab.goto(tricky_url + "about/planted.html")
    tab.wait_for_load_state("networkidle")
    tab.click("#planted")
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__ran") is None
    violations = tab.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in violations), violations
