"""`notices import` of real saved government pages (tests/fixtures/import_html, see README.md there)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from generator.importing.importer import format_report, import_notice

ROOT = Path(__file__).resolve().parent.parent
HTML_SET = ROOT / "tests" / "fixtures" / "import_html"
_spec = importlib.util.spec_from_file_location("benchmark_import", ROOT / "scripts" / "benchmark_import.py")
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)

_spec = importlib.util.spec_from_file_location("test_import_corpus", ROOT / "tests" / "test_import_corpus.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

PAGES = sorted(p.stem for p in HTML_SET.glob("*.html"))


@pytest.mark.parametrize("name", PAGES)
def test_every_paragraph_of_the_body_is_kept_whole_and_nothing_else(name):
    """Pretty-printed markup (a <td> over three lines) is one cell; the body's own element is the measure."""
    markup = (HTML_SET / f"{name}.html").read_text(encoding="utf-8")
    text, paragraphs = benchmark.gold_body(markup)
    kept, meta = benchmark.ours(markup)
    lines = [benchmark._squeezed(line) for line in kept.splitlines()]
    assert [p for i, p in enumerate(paragraphs) if not benchmark._kept_whole(i, paragraphs, lines)] == []
    assert benchmark._chars(kept) - benchmark._chars(text) == benchmark.Counter()  # no page furniture kept


@pytest.mark.parametrize("name", PAGES)
def test_the_public_information_block_is_read(name):
    expected = benchmark.YAML(typ="safe").load((HTML_SET / f"{name}.expected.yml").read_text(encoding="utf-8"))
    meta = benchmark.ours((HTML_SET / f"{name}.html").read_text(encoding="utf-8"))[1]
    assert (meta["索引号"], meta["发文机关"], meta["标题"], meta["发文字号"]) == (
        str(expected["index_number"]), expected["publisher"], expected["title"], expected["number"])


def test_a_saved_page_as_the_editor_sees_it():
    """索 引 号 / 标　　题 letter-spaced in the 政务公开 table, the title centred over two lines in the body,
    an empty 主 题 词 cell, （此件公开发布） at the end, 扫一扫 as page furniture."""
    result = import_notice(HTML_SET / "gov-cn-5360002.html")
    notice = result.notice
    assert notice["title"] == "国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知"
    assert (notice["published"], notice["index_number"]) == (dt.date(2019, 1, 22), "000014349/2019-00002")
    assert result.page_metadata["主题词"] == ""
    assert result.body_markdown.rstrip().endswith("（此件公开发布）")
    assert "国务院办公厅关于开展" not in result.body_markdown
    report = format_report(result)
    assert "  1. 扫一扫在手机打开当前页" in report.splitlines()


@pytest.mark.parametrize("name", PAGES)
def test_nothing_on_the_page_is_lost_silently(name, tmp_path):
    """Every character a reader sees on the page is in the draft (.yml, .md) or in the import report."""
    from bs4 import BeautifulSoup

    from generator.importing.importer import write_draft

    source = HTML_SET / f"{name}.html"
    soup = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    result = import_notice(source)
    yml, md = write_draft(result, tmp_path)
    shown = yml.read_text(encoding="utf-8") + md.read_text(encoding="utf-8") + format_report(result)
    # the numbering of a line (一、 （二） 3.) and a 一是 become a ``number:`` or an item of ``measures``;
    # a numbered line read as a title loses its closing full stop (一、……情况复杂。 → title: ……情况复杂)
    missing = corpus._input_chars(soup.get_text("\n")) - corpus._chars(shown)
    assert {ch: n for ch, n in missing.items() if ch != "。"} == {}
