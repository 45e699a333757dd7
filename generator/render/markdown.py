"""Editors' Markdown to HTML with a safe subset, in the core: no raw HTML, no attributes, checked links.

Raw HTML is never interpreted (it is shown as the text it is), no ``class``/``id``/``style`` can be
written by an editor (no attribute lists), and a link keeps its ``href`` only when it goes to
``http(s)`` with a host name, ``mailto:``, ``tel:`` or a path of this site. Headings get ids of their
own (``section-1`` …) that never collide with the page's (``problem-3``). The same conversion feeds the
pages and the checks, so what is checked is what a reader sees.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str  # plain text


@dataclass(frozen=True)
class Link:
    href: str
    verdict: str  # "site" | "external" | "refused"
    reason: str = ""  # why refused, in Chinese


@dataclass
class Rendered:
    html: str
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


def classify_link(href: str) -> Link:
    """Where a link goes: this site, another site (listed for the editor), or nowhere a notice may link."""
    value = href.strip()
    if "\\" in value or any(ord(c) < 0x20 for c in value):
        return Link(href, "refused", "链接里有反斜杠或控制字符")
    if value.startswith("//"):
        return Link(href, "refused", "以 // 开头的链接会指向别的网站（协议相对链接）：请写完整的 https:// 地址")
    try:
        parts = urlsplit(value)
    except ValueError:
        return Link(href, "refused", "链接写法不对")
    scheme = parts.scheme.lower()
    if not scheme:
        return Link(href, "site")
    if scheme not in ALLOWED_SCHEMES:
        return Link(href, "refused", f"不允许 {scheme}: 链接（只能链接 http(s) 网址、电子邮箱 mailto: 和电话 tel:）")
    if scheme in ("mailto", "tel"):
        return Link(href, "site" if parts.path else "refused", "" if parts.path else "链接是空的")
    host = parts.hostname or ""
    if not host:
        return Link(href, "refused", "网址缺少网站名称")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return Link(href, "external")
    return Link(href, "refused", f"链接指向 IP 地址 {host}，不是网站名称：政府网站不会这样链接，疑似植入")


class _SafeTree(Treeprocessor):
    """Removes every attribute an editor could have smuggled in, keeps only checked links, numbers the
    headings and collects them for the table of contents."""

    def __init__(self, md: markdown.Markdown, rendered_ref: list[Rendered], id_prefix: str):
        super().__init__(md)
        self.rendered_ref = rendered_ref
        self.id_prefix = id_prefix

    def run(self, root: Element) -> None:
        rendered = self.rendered_ref[0]
        count = 0
        for parent in root.iter():
            for index, element in enumerate(list(parent)):
                if element.tag == "img":
                    rendered.images.append(element.get("src", ""))
                    replacement = Element("span")
                    replacement.text = element.get("alt") or ""
                    replacement.tail = element.tail
                    parent.remove(element)
                    parent.insert(index, replacement)
        for element in root.iter():
            href = element.get("href") if element.tag == "a" else None
            keep = {k: v for k, v in element.attrib.items() if k in ("align",) and element.tag in ("th", "td")}
            element.attrib.clear()
            element.attrib.update(keep)
            if href is not None:
                link = classify_link(href)
                rendered.links.append(link)
                if link.verdict != "refused":
                    element.set("href", href.strip())
        for element in list(root.iter()):
            if element.tag in HEADING_TAGS:
                count += 1
                element.set("id", f"{self.id_prefix}-{count}")
                text = "".join(element.itertext()).strip()
                rendered.headings.append(Heading(int(element.tag[1]), f"{self.id_prefix}-{count}", text))
                anchor = Element("a", {"class": "headerlink", "href": f"#{self.id_prefix}-{count}",
                                       "title": "本节链接"})
                anchor.text = "¶"
                element.append(anchor)


# How deeply lists and quotes may nest: a notice needs three or four levels; Python-Markdown parses nesting by
# recursion (and quotes in quadratic time), so deeper input is refused by the check and never converted.
MAX_NESTING = 8
_NESTING = re.compile(r"^([ \t]*)((?:(?:[-*+]|[0-9]{1,9}[.)]|>)(?:[ \t]+|$))+)", re.M)
_MARKER = re.compile(r"[-*+]|[0-9]{1,9}[.)]|>")


def too_deep(text: str) -> tuple[int, int] | None:
    """(offset, depth) of the first line whose lists and quotes nest deeper than ``MAX_NESTING``: the markers
    at its start, and its indentation (two spaces or a tab a level)."""
    for match in _NESTING.finditer(text):
        indent = match.group(1).replace("\t", "    ")
        depth = len(_MARKER.findall(match.group(2))) + len(indent) // 2
        if depth > MAX_NESTING:
            return match.start(), depth
    for match in re.finditer(rf"^([ \t]{{{2 * MAX_NESTING + 2},}})\S", text, re.M):
        return match.start(), len(match.group(1).replace("\t", "    ")) // 2
    return None


# Python-Markdown looks for the end of a link from every "[" that has none: a paragraph with many unclosed
# brackets takes time growing with their number times its length (5,000 "<![" took 100 s). Any paragraph with
# more than this many unclosed or nested brackets is refused by the check and never converted.
MAX_OPEN_BRACKETS = 20


def too_many_brackets(text: str) -> tuple[int, int] | None:
    """(offset, count) of the first paragraph with more than ``MAX_OPEN_BRACKETS`` "[" left unclosed or open
    at once."""
    start, open_at, unclosed, deepest = 0, [], 0, 0
    for match in re.finditer(r"\[|\]|\n[ \t]*\n|\Z", text):
        mark = match.group()
        if mark == "[":
            open_at.append(match.start())
            deepest = max(deepest, len(open_at))
        elif mark == "]":
            if open_at:
                open_at.pop()
        else:  # the paragraph ends
            unclosed = len(open_at)
            if max(unclosed, deepest) > MAX_OPEN_BRACKETS:
                return start, max(unclosed, deepest)
            start, open_at, deepest = match.end(), [], 0
    return None


class SafeMarkdown:
    """One converter, reset between documents (building it is the costly part)."""

    def __init__(self) -> None:
        self._rendered = [Rendered("")]
        self._id_prefix = ["section"]
        self._md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._tree = _SafeTree(self._md, self._rendered, "section")
        self._md.treeprocessors.register(self._tree, "notices_safe", 0)

    def convert(self, text: str, id_prefix: str = "section", shift_headings: int = 0) -> Rendered:
        """HTML of ``text``; ``shift_headings`` moves every heading down (a body inside a page's h2).

        Text nested too deeply or with too many open brackets (``too_deep``, ``too_many_brackets``; the check
        refuses both) is shown as the escaped text it is."""
        rendered = Rendered("")
        if too_deep(text) or too_many_brackets(text):
            rendered.html = "".join(f"<p>{escape(block.strip())}</p>\n" for block in re.split(r"\n\s*\n", text)
                                    if block.strip())
            return rendered
        self._rendered[0] = rendered
        self._tree.id_prefix = id_prefix
        self._md.reset()
        html = self._md.convert(text)
        if shift_headings:
            html, rendered.headings = _shift(html, rendered.headings, shift_headings)
        rendered.html = html
        return rendered


def _shift(html: str, headings: list[Heading], by: int) -> tuple[str, list[Heading]]:
    def move(match: re.Match) -> str:
        return f"<{match.group(1)}h{min(6, int(match.group(2)) + by)}"

    shifted = re.sub(r"<(/?)h([1-6])", move, html)
    return shifted, [Heading(min(6, h.level + by), h.id, h.text) for h in headings]


_CONVERTER: SafeMarkdown | None = None


def convert(text: str, id_prefix: str = "section", shift_headings: int = 0) -> Rendered:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = SafeMarkdown()
    return _CONVERTER.convert(text, id_prefix, shift_headings)


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees in ``html``: tags gone, entities resolved."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def headings_html(headings: list[Heading]) -> list[tuple[int, str, str]]:
    """(level, id, title as HTML) for an engine's table of contents."""
    return [(h.level, h.id, escape(h.text)) for h in headings]


def marker_lines(text: str, marker: str) -> list[tuple[int, bool]]:
    """Where ``marker`` is written in ``text``: (offset, whether it is a line of its own, as the
    converter renders it: a paragraph holding only the marker)."""
    found = []
    start = text.find(marker)
    while start >= 0:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        found.append((start, line.strip() == marker and not line.startswith(("    ", "\t"))))
        start = text.find(marker, start + len(marker))
    return found


def split_at_marker(html: str, marker: str) -> tuple[str, str | None]:
    """``html`` before and after the first paragraph that is only ``marker``; ``None`` after it
    when there is no such paragraph."""
    before, found, after = html.partition(f"<p>{marker}</p>")
    return (before, after) if found else (html, None)
