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
from html import unescape
from typing import Any

import nh3
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.model import labels, vocabulary
from generator.model.notice import PROBLEMS_MARKER
from generator.read.collection import (
    AXES,
    INSPECTION_URL_DIR,
    NOTICE_URL_DIR,
    Collection,
    Group,
    Inspection,
    NoticeEntry,
)
from generator.render import markdown as safe_markdown
from generator.render.charts import Chart, charts, group_charts, image_tag
from generator.render.markdown import Heading
from generator.text.chinese import cn_date, ordinal


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

    @property
    def searchable(self) -> bool:
        """Whether the search index holds this page: a notice's own page, not a page left at an old URL."""
        return self.url.startswith(f"{NOTICE_URL_DIR}/") and self.redirect_to is None


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
    env.filters.update(cn_date=cn_date, cn_number=ordinal, percent=percent, phone_href=phone_href)
    names = {"notice": labels.NOTICE, "problem": labels.PROBLEM, "contact": labels.CONTACT,
             "inspection": labels.INSPECTION, "axes": labels.AXES}
    env.globals.update(axes=AXES, labels=names, status_css=lambda value: vocabulary.status(value).css,
                       status_done=lambda value: vocabulary.status(value).done)
    return env


def completion_text(entry: NoticeEntry) -> str:
    """The completion rate of a notice in the words of the ``completion`` macro, as plain text."""
    macros: Any = environment().get_template("_macros.html.j2").module  # the template's macros, by name
    return str(macros.completion(entry.completion, html=False))


def _render(template: str, **values) -> str:
    return sanitize_html(environment().get_template(template).render(**values))


def render_notice(entry: NoticeEntry, collection: Collection | None = None) -> Page:
    notice = entry.notice
    body = entry.source.body
    rendered = safe_markdown.convert(_marker_alone(body), "section", shift_headings=_body_shift(body))
    narrative, narrative_after = safe_markdown.split_at_marker(rendered.html, PROBLEMS_MARKER)
    if narrative_after is not None and not (narrative.strip() or narrative_after.strip()):
        narrative_after = None  # only the marker (as `notices new` writes it): no narrative
    # The problem list placed by the editor's marker: its heading at the level of the narrative's sections.
    problems_level = min((h.level for h in rendered.headings), default=3)
    chain = collection.chain(entry) if collection is not None and notice.withdrawn is None else (entry,)
    latest = len(chain) > 1 and chain[-1] is entry

    def history(number: int) -> tuple:
        return collection.history(entry, number) if latest and collection is not None else ()

    inspection = collection.inspection(entry) if collection is not None else None
    inspection = inspection if inspection is not None and inspection.ever_followed else None  # has a page
    html = _render("notice.html.j2", entry=entry, notice=notice, body_html=Markup(narrative.strip()),
                   body_after=None if narrative_after is None else Markup(narrative_after.strip()),
                   problems_level=problems_level if narrative_after is not None else 2,
                   chain=tuple(reversed(chain)) if len(chain) > 1 else (), history=history, inspection=inspection)
    return Page(entry.url, notice.title, html, page_headings(html), f"{notice.publisher}：{notice.title}",
                entry.last_changed)


def render_moved(entry: NoticeEntry, previous_slug: str) -> Page:
    """The page at a notice's earlier URL (``previous_slugs``), pointing to the notice."""
    html = _render("moved.html.j2", entry=entry, notice=entry.notice)
    return Page(f"{NOTICE_URL_DIR}/{previous_slug}/", entry.notice.title, html, (), None, entry.last_changed,
                redirect_to=f"../{entry.slug}/")


def _marker_alone(body: str) -> str:
    """The body with a blank line around the problem-list marker: a paragraph of its own, whatever the
    lines next to it (a heading's next line would otherwise join it)."""
    return "\n".join(f"\n{line}\n" if line.strip() == PROBLEMS_MARKER and not line.startswith(("    ", "\t"))
                     else line for line in body.split("\n"))


def _body_shift(body: str) -> int:
    """How far the narrative's headings move down to sit under the page's 通报正文 (an h2)."""
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6})\s", body, re.M)]
    return max(0, 3 - min(levels)) if levels else 0


def render_home_sections(collection: Collection, as_of: dt.date | None = None, newest: int = 10) -> str:
    overdue = sum(len(items) for _, items in collection.overdue(as_of))
    found = charts(collection)
    html = _render("home.html.j2", collection=collection, newest=collection.newest(newest), totals=collection.totals,
                   overdue=overdue, charts=found)
    return place_charts(html, found, "")


def place_charts(html: str, found: list[Chart], base: str) -> str:
    """The sanitiser lets no image through; the charts' images, made by the build from its own figures, are
    placed after it, in the empty paragraphs _dashboard.html.j2 leaves for them (``base``: to the site root)."""
    for chart in found:
        slot = f'<p class="chart-image" id="chart-{chart.name}-image"></p>'
        html = html.replace(slot, slot.replace("></p>", f">{image_tag(chart, base)}</p>"))
    return html


def render_inspection(inspection: Inspection) -> Page:
    title = f"巡察整改全程：{inspection.first.notice.title}"
    html = _render("inspection.html.j2", inspection=inspection, title=title)
    return Page(inspection.url, title, html, page_headings(html), f"{inspection.latest.notice.publisher}：{title}",
                max((d for d in (r.last_changed for r in inspection.reports) if d), default=None))


def render_inspection_moved(inspection: Inspection, previous_slug: str) -> Page:
    """The inspection page at an earlier slug of its first report (``previous_slugs``), pointing to the page."""
    title = f"巡察整改全程：{inspection.first.notice.title}"
    html = _render("inspection_moved.html.j2", inspection=inspection, title=title)
    return Page(f"{INSPECTION_URL_DIR}/{previous_slug}/", title, html, (), None, None,
                redirect_to=f"../{inspection.key}/")


def render_inspections(collection: Collection) -> Page:
    html = _render("inspections.html.j2", inspections=collection.followed_inspections)
    return Page(f"{INSPECTION_URL_DIR}/", "巡察整改全程", html, page_headings(html))


def render_open_data(columns: tuple[tuple[str, str], ...], rows: int, counted: int = 0) -> Page:
    """``rows``: problem rows (one per problem per report); ``counted``: problems the site's figures count."""
    html = _render("open_data.html.j2", columns=columns, rows=rows, counted=counted)
    return Page("data/", "开放数据", html, page_headings(html))


def render_overdue(collection: Collection, as_of: dt.date | None) -> Page:
    groups = collection.overdue(as_of)
    html = _render("overdue.html.j2", groups=groups, as_of=as_of, count=sum(len(items) for _, items in groups))
    return Page("overdue/", "逾期未完成的问题", html, page_headings(html))


def render_statuses() -> str:
    return _render("statuses.html.j2", statuses=vocabulary.statuses())


def render_snippets(collection: Collection, as_of: dt.date | None = None) -> dict[str, str]:
    """Generated blocks (HTML) that hand-written pages place with ``<!-- notices:NAME -->``."""
    return {"home": render_home_sections(collection, as_of), "statuses": render_statuses()}


def render_archive_index(collection: Collection, groups: dict[str, list[Group]]) -> Page:
    found = charts(collection)
    html = _render("archive_index.html.j2", collection=collection, groups=groups, totals=collection.totals,
                   charts=found)
    return Page("archive/", "通报归档", place_charts(html, found, "../"), page_headings(html))


def render_group(group: Group, collection: Collection) -> Page:
    found = group_charts(collection, group)
    html = _render("archive_group.html.j2", group=group, totals=collection.group_totals(group), charts=found)
    html = place_charts(html, found, "../../../")
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
            parts.append(piece)  # generated HTML, sanitised when it was rendered
        elif piece.strip():
            section = "section" if not index else f"section{index // 2 + 1}"
            parts.append(sanitize_html(safe_markdown.convert(piece, section).html))
    html = "\n".join(parts)
    return html, page_headings(html), unknown


# A tag of sanitised HTML (nh3 writes every attribute value in double quotes; ``>`` may occur inside one).
_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=/>"]+(?:\s*=\s*"[^"]*")?)*)\s*/?>')
_HEADING_START = re.compile(r"<h([1-6])[\s>]")
_ATTRIBUTE = re.compile(r'([^\s=/>"]+)(?:\s*=\s*"([^"]*)")?')


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): unescape(value or "") for name, value in _ATTRIBUTE.findall(text)}


def page_headings(html: str) -> tuple[Heading, ...]:
    """The headings with an id in a finished page (h2 and below: the h1 is the page's title), with their
    text without the permalink sign. ``html`` is sanitised (:func:`sanitize_html`): no comments, every
    ``<`` of text escaped, headings not nested; only the headings are scanned, not the whole page."""
    found: list[Heading] = []
    position = 0
    while (start := _HEADING_START.search(html, position)) is not None:
        opening = _TAG.match(html, start.start())
        if opening is None:
            position = start.end()
            continue
        level, heading_id = int(start.group(1)), _attributes(opening.group(3)).get("id")
        parts: list[str] = []
        in_link, position = 0, opening.end()
        while (tag := _TAG.search(html, position)) is not None:
            if not in_link:
                parts.append(html[position:tag.start()])
            position = tag.end()
            closing, name = tag.group(1), tag.group(2).lower()
            if closing and name == f"h{level}":
                break
            if name == "a" and closing and in_link:
                in_link -= 1
            elif name == "a" and not closing and _attributes(tag.group(3)).get("class") == "headerlink":
                in_link += 1
        else:
            parts.append(html[position:])
            position = len(html)
        if heading_id and level > 1:
            found.append(Heading(level, heading_id, unescape("".join(parts)).strip()))
    return tuple(found)


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
