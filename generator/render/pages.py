"""Rendering notices and listings to finished HTML pages with Jinja templates (``generator/templates``).

Every plain-text field is escaped (autoescape), the editor's narrative is converted by the safe Markdown
converter (:mod:`generator.render.markdown`), and each page's HTML goes through :func:`sanitize_html`, the
second line of defence. An engine receives :class:`Page` objects and only places them in its theme.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser

import nh3
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.model import vocabulary
from generator.read.collection import AXES, NOTICE_URL_DIR, Collection, Group, NoticeEntry
from generator.render import markdown as safe_markdown
from generator.render.markdown import Heading

_CHINESE_DIGITS = "零一二三四五六七八九"


def cn_date(value: dt.date | None) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def cn_number(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (ordinals of aspects and measures)."""
    if number < 10:
        return _CHINESE_DIGITS[number]
    tens, units = divmod(number, 10)
    if number < 100:
        return f"{'' if tens == 1 else _CHINESE_DIGITS[tens]}十{_CHINESE_DIGITS[units] if units else ''}"
    return str(number)


def percent(value: Decimal | None) -> str:
    return f"{value}%" if value is not None else "未载明"


def phone_href(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


@dataclass(frozen=True)
class Page:
    """A finished page for an engine to place in its theme: everything in it is already HTML-safe."""

    url: str  # relative to the site root, ending in "/" ("notices/x/", "archive/year/2024/")
    title: str  # plain text (the engine escapes it for <title> and meta tags)
    html: str  # the page body, sanitised
    headings: tuple[Heading, ...] = ()  # for the table of contents
    description: str | None = None  # plain text
    updated: dt.date | None = None  # the page's own date, for the sitemap
    redirect_to: str | None = None  # a page left at an earlier URL: where the page is now (relative)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "render/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(cn_date=cn_date, cn_number=cn_number, percent=percent, phone_href=phone_href)
    env.globals.update(axes=AXES, status_css=lambda value: vocabulary.status(value).css)
    return env


def _render(template: str, **values) -> str:
    return sanitize_html(environment().get_template(template).render(**values))


def render_notice(entry: NoticeEntry) -> Page:
    notice = entry.notice
    body = entry.source.body
    narrative = safe_markdown.convert(body, "section", shift_headings=_body_shift(body)).html if body.strip() else ""
    html = _render("notice.html.j2", entry=entry, notice=notice, body_html=Markup(narrative))
    return Page(entry.url, notice.title, html, page_headings(html), f"{notice.publisher}：{notice.title}",
                entry.last_changed)


def render_moved(entry: NoticeEntry, previous_slug: str) -> Page:
    """The page at a notice's earlier URL (``previous_slugs``), pointing to the notice."""
    html = _render("moved.html.j2", entry=entry, notice=entry.notice)
    return Page(f"{NOTICE_URL_DIR}/{previous_slug}/", entry.notice.title, html, (), None, entry.last_changed,
                redirect_to=f"../{entry.slug}/")


def _body_shift(body: str) -> int:
    """How far the narrative's headings move down to sit under the page's 通报正文 (an h2)."""
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6})\s", body, re.M)]
    return max(0, 3 - min(levels)) if levels else 0


def render_home_sections(collection: Collection, newest: int = 10) -> str:
    return _render("home.html.j2", collection=collection, newest=collection.newest(newest), totals=collection.totals)


def render_statuses() -> str:
    return _render("statuses.html.j2", statuses=vocabulary.statuses())


def render_snippets(collection: Collection) -> dict[str, str]:
    """Generated blocks (HTML) that hand-written pages place with ``<!-- notices:NAME -->``."""
    return {"home": render_home_sections(collection), "statuses": render_statuses()}


def render_archive_index(collection: Collection, groups: dict[str, list[Group]]) -> Page:
    html = _render("archive_index.html.j2", collection=collection, groups=groups)
    return Page("archive/", "通报归档", html, page_headings(html))


def render_group(group: Group) -> Page:
    html = _render("archive_group.html.j2", group=group)
    return Page(group.url, f"{AXES[group.axis]}：{group.label}", html, page_headings(html))


SNIPPET = re.compile(r"^[ \t]*<!--\s*notices:([a-z-]+)\s*-->[ \t]*$", re.M)


def render_content_page(markdown_text: str, snippets: dict[str, str]) -> tuple[str, tuple[Heading, ...], list[str]]:
    """A hand-written page (Markdown without its front matter) as safe HTML, with the generated blocks
    placed where it writes ``<!-- notices:NAME -->`` on a line of its own; returns (html, headings,
    unknown placeholder names)."""
    unknown, pieces, last = [], [], 0
    for match in SNIPPET.finditer(markdown_text):
        pieces.append(markdown_text[last:match.start()])
        name = match.group(1)
        if name not in snippets:
            unknown.append(name)
        pieces.append(snippets.get(name, ""))
        last = match.end()
    pieces.append(markdown_text[last:])
    parts = []
    for index, piece in enumerate(pieces):
        if index % 2:
            parts.append(piece)  # generated HTML
        elif piece.strip():
            parts.append(safe_markdown.convert(piece, "section" if not index else f"section{index // 2 + 1}").html)
    html = sanitize_html("\n".join(parts))
    return html, page_headings(html), unknown


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Heading] = []
        self._open: tuple[int, str] | None = None
        self._text: list[str] = []
        self._in_link = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in safe_markdown.HEADING_TAGS and values.get("id"):
            self._open, self._text = (int(tag[1]), values["id"] or ""), []
        elif tag == "a" and self._open and values.get("class") == "headerlink":
            self._in_link += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._in_link:
            self._in_link -= 1
        elif self._open and tag == f"h{self._open[0]}":
            self.found.append(Heading(self._open[0], self._open[1], "".join(self._text).strip()))
            self._open = None

    def handle_data(self, data):
        if self._open and not self._in_link:
            self._text.append(data)


def page_headings(html: str) -> tuple[Heading, ...]:
    """The headings with an id in a finished page (h2 and below: the h1 is the page's title)."""
    parser = _Headings()
    parser.feed(html)
    parser.close()
    return tuple(h for h in parser.found if h.level > 1)


# ---------------------------------------------------------------------------------------------
# The second line of defence: whatever HTML a page ends up with, only these tags and attributes.

ALLOWED_TAGS = {
    "a", "abbr", "address", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "mark", "nav", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "nav": {"aria-label", "data-pagefind-ignore"},  # the breadcrumb and a notice's contents list
    "p": {"data-pagefind-ignore"},  # 返回一览表
    "td": {"colspan", "rowspan", "data-label"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}


def sanitize_html(html: str) -> str:
    """Strip anything that could run script or load content (nh3, the Ammonia sanitiser)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )
