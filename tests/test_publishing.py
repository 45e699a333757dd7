"""Publishing behaviour: withdrawing a notice, and `mkdocs serve` picking up an edited notice."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from bs4 import BeautifulSoup

from conftest import BUILD_ENV, GOOD, mkdocs_build, write

WITHDRAWN = (GOOD.replace("title: 某区委关于", "title: 某县委关于")
             + "withdrawn:\n  date: 2025-03-01\n  reason: 内容有误，已另行发布更正后的通报\n")


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_withdrawn_notice_keeps_its_url_but_leaves_lists_and_totals(project, tmp_path):
    write(project, "2024/good.yml", GOOD)
    write(project, "2024/gone.yml", WITHDRAWN)
    write(project, "2024/gone.md", "原正文。")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    gone = soup(site / "notices" / "mou-xian-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao"
                / "index.html")
    banner = gone.select_one(".notice-withdrawn")
    assert " ".join(banner.get_text(" ", strip=True).split()) == ("本通报已于 2025年3月1日 撤回。 撤回原因：内容有误，"
                                                                  "已另行发布更正后的通报")
    assert gone.select_one("table.progress-table") is None and "原正文" not in gone.get_text()
    home = soup(site / "index.html")
    assert [a.get_text() for a in home.select("ul.notice-list a")] == ["某区委关于某专项巡察整改情况的通报"]
    assert "通报 1 篇" in " ".join(home.select_one("dl.site-totals").get_text(" ", strip=True).split())
    import json
    index = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert index["languages"]["zh"]["page_count"] == 1  # not findable by search either


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, condition, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and condition(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show the expected content within {seconds} s")


def test_serve_rebuilds_when_a_notice_changes(project):
    write(project, "2024/good.yml", GOOD)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=BUILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = (f"http://127.0.0.1:{port}/notices/"
               "mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao/")
        wait_for(url, lambda body: "问题二" in body)
        write(project, "2024/good.yml", GOOD.replace("title: 问题二", "title: 问题二已更新"))
        wait_for(url, lambda body: "问题二已更新" in body)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_mixed_statuses_give_the_computed_completion_rate(project, tmp_path):
    write(project, "2024/good.yml", GOOD.replace("  problems: 2", "  problems: 2\n  completion_rate: 50"))
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    page = soup(site / "notices" / "mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao"
                / "index.html")
    summary = " ".join(page.select_one(".notice-summary").get_text(" ", strip=True).split())
    assert summary.startswith("问题 2 个 已完成 1 个 正在整改 1 个 整改完成率 50%")
    rows = [[" ".join(td.get_text(" ", strip=True).split()) for td in tr.find_all("td")]
            for tr in page.select("table.progress-table tbody tr.problem-row")]
    assert rows == [["1", "问题一", "—", "已完成"], ["2", "问题二", "2099年12月31日", "正在整改"]]
    headings = [th.get_text(strip=True) for th in page.select("table.progress-table thead th")]
    assert headings == ["序号", "问题", "时限", "状态"]
    assert [th.get_text(strip=True) for th in page.select("table.progress-table tr.aspect-row th")] == ["（一）某方面"]
    facts_list = page.select_one("#problem-1").find_next("dl", class_="problem-facts")
    facts = " ".join(facts_list.get_text(" ", strip=True).split())
    assert facts == "状态 已完成 完成日期 2024年10月1日"
    assert "自述整改完成率 50%" in " ".join(page.select_one("dl.notice-declared").get_text(" ", strip=True).split())


def test_one_completion_rule_on_the_notice_page_the_home_page_and_the_archive(project, tmp_path):
    unstated = "".join(f"  - number: {n}\n    aspect: 1\n    title: 问题{n}\n"
                       "    status: 未载明\n    measures: [措施。]\n"
                       for n in range(3, 13))
    write(project, "2024/good.yml", GOOD.replace("  problems: 2", "  problems: 12") + unstated)
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    wording = "整改完成率 50%（按载明状态的 2 个问题计算；另有 10 个问题未载明状态）"
    slug = "mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao"
    notice = soup(site / "notices" / slug / "index.html")
    assert notice.select_one(".notice-summary .figure--rate").get_text() == wording
    home = soup(site / "index.html")
    assert home.select_one(".site-completion").get_text() == wording
    assert wording in home.select_one("ul.notice-list").get_text()
    archive = soup(site / "archive" / "year" / "2024" / "index.html")
    assert wording in archive.select_one("ul.notice-list").get_text()
