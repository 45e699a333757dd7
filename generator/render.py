"""Rendering notices and listings to Markdown pages with Jinja templates (``generator/templates``).

Plain-text fields are escaped for the context they land in; the editor's narrative Markdown is
inserted as written and the HTML an engine makes of it goes through :func:`sanitize_html`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from functools import cache

import nh3
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import vocabulary
from .collection import AXES, Collection, Group, NoticeEntry

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
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


def md_text(value: object) -> Markup:
    """Plain text for a Markdown context (headings): Markdown syntax and HTML both neutralised."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(str(value)))))


def yaml_string(value: object) -> Markup:
    """A double-quoted YAML scalar for page front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


def phone_href(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids are written {#id}: Jinja comments use {## … ##} instead.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(cn_date=cn_date, cn_number=cn_number, percent=percent, md=md_text,
                       yaml_string=yaml_string, phone_href=phone_href)
    env.globals.update(axes=AXES, status_css=lambda value: vocabulary.status(value).css)
    return env


def render_notice(entry: NoticeEntry) -> str:
    return environment().get_template("notice.md.j2").render(entry=entry, notice=entry.notice)


def render_home_sections(collection: Collection, newest: int = 10) -> str:
    return environment().get_template("home.md.j2").render(
        collection=collection, newest=collection.newest(newest), totals=collection.totals
    )


def render_statuses() -> str:
    return environment().get_template("statuses.md.j2").render(statuses=vocabulary.statuses())


def render_snippets(collection: Collection) -> dict[str, str]:
    """Generated blocks that hand-written pages place with ``<!-- notices:NAME -->``."""
    return {"home": render_home_sections(collection), "statuses": render_statuses()}


def render_archive_index(collection: Collection, groups: dict[str, list[Group]]) -> str:
    return environment().get_template("archive_index.md.j2").render(collection=collection, groups=groups)


def render_group(group: Group) -> str:
    return environment().get_template("archive_group.md.j2").render(group=group)


# ---------------------------------------------------------------------------------------------
# The second line of defence: whatever HTML a page ends up with, only these tags and attributes.

ALLOWED_TAGS = {
    "a", "abbr", "address", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "mark", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
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
