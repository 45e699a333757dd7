"""A saved web page → plain lines of text (one paragraph a line) and the page's own metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from generator.check.hidden_text import HIDING_STYLE
from generator.importing.reading import ReadError
from generator.model import vocabulary

_DROP = ("head", "script", "style", "noscript", "template", "iframe", "svg", "object", "embed",
         "input", "select", "button", "textarea", "map", "canvas", "audio", "video")
_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "tbody",
           "thead", "tfoot", "section", "article", "header", "footer", "nav", "aside", "dl", "dt", "dd",
           "blockquote", "pre", "hr", "form", "center", "main", "figure", "figcaption", "address",
           "caption", "fieldset", "body", "html"}
_CELLS = {"td", "th"}

# <meta name=…> used by Chinese government sites (政府网站发展指引), mapped to our metadata keys.
_META_NAMES = {entry.html: entry.key for entry in vocabulary.page_metadata() if entry.html}

_HTML_SIGN = re.compile(r"<\s*(!doctype\s+html|html|head|body|div|p|table|span|meta|br)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SIGN.search(text[:8192]))


# a tag, a comment or a declaration as written in the page's source
MARKUP = re.compile(r"<!--.{0,2000}?-->|<[!/]?[A-Za-z][^<>]{0,500}>", re.DOTALL)  # bounded: linear in the text


def markup_note(source_text: str) -> str:
    """What the editor is told when a text file holds a page's HTML source: its markup is not imported."""
    tags = MARKUP.findall(source_text)
    kinds = sorted({re.match(r"<[!/]?([A-Za-z][A-Za-z0-9]*)", tag).group(1).lower()  # type: ignore[union-attr]
                    for tag in tags if not tag.startswith("<!--")})
    return (f"文本文件里是网页的 HTML 源码：其中的 {len(tags)} 处网页标记（{'、'.join(kinds) or '注释'}）已去掉，"
            "只导入了文字；请对照原网页核对")


@dataclass
class HtmlPage:
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    hidden: list[str] = field(default_factory=list)  # text of elements styled invisible (a spam trick)


def html_to_text(markup: str) -> HtmlPage:
    """Visible text, one block element a line; deeply nested pages fail with :class:`ReadError`."""
    try:
        soup = BeautifulSoup(markup, "html.parser")
        meta = _page_meta(soup)
        hidden: list[str] = []
        text = _visible_text(soup, hidden)
    except RecursionError:
        raise ReadError("网页的标签嵌套过深，无法解析：请在浏览器中打开后全选复制正文，另存为 .txt 再导入") from None
    return HtmlPage(text=text, meta=meta, hidden=hidden)


def _page_meta(soup: BeautifulSoup) -> dict[str, str]:
    meta = {}
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or "").strip().lower()
        content = str(tag.get("content") or "").strip()
        if name in _META_NAMES and content:
            meta[_META_NAMES[name]] = content
    return meta


def _visible_text(soup: BeautifulSoup, hidden: list[str]) -> str:
    """Text in document order, a line break around each block element; one pass, no recursion.

    (Walking the tree ourselves keeps this linear: inserting markers into a very wide or very deep
    tree costs quadratic time in BeautifulSoup.)
    """
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            out.append("\n" if isinstance(node, Tag) and node.name in _BLOCKS else "    ")  # only tags are left
        elif isinstance(node, Tag):
            _open(node, out, stack, hidden)
        elif type(node) in (NavigableString, CData):  # not comments, doctypes or declarations
            # line breaks in the markup are spaces (a pretty-printed <td>…</td> is one cell, not three lines)
            out.append(str(node) if _in_pre(node) else _MARKUP_SPACE.sub(" ", str(node)))
    return "".join(out)


_MARKUP_SPACE = re.compile(r"[ \t\r\n\f]+")  # HTML's own white space; not U+3000 or a no-break space


def _in_pre(node) -> bool:
    return any(parent.name in ("pre", "textarea", "plaintext", "xmp") for parent in node.parents)


def _open(tag: Tag, out: list[str], stack: list, hidden: list[str]) -> None:
    if tag.name in _DROP:
        return
    if HIDING_STYLE.search(str(tag.get("style") or "")):
        text = " ".join(tag.get_text(" ").split())
        if text:
            hidden.append(text[:200])
        return
    if tag.name == "br":
        out.append("\n")
        return
    if tag.name in _BLOCKS:
        out.append("\n")
    if tag.name in _BLOCKS or tag.name in _CELLS:
        stack.append((tag, True))
    stack.extend((child, False) for child in reversed(tag.contents))
