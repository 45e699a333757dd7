"""What the text of a notice may not carry: injected spam, script-capable HTML, personal data.

Every string field of the YAML and the Markdown body is scanned; each finding is located at the
exact line and column of its span.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterator


from .collection import NoticeEntry
from .diagnostics import Diagnostic
from .model import PLACEHOLDER
from .personal_data import find_personal_data
from .spam import find_spam

UNSAFE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "form", "input", "button",
               "textarea", "select", "style", "link", "meta", "base", "svg", "math", "applet"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_MAYBE_HTML = re.compile(r"<[A-Za-z!/?]")  # cheap pre-filter: only text with a tag is parsed
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster"}


def check_content(entry: NoticeEntry) -> list[Diagnostic]:
    source = entry.source
    allow = tuple(entry.notice.allow)
    contact = entry.contact
    allowed_numbers = allow + tuple(n for n in ((contact.phone,) if contact and contact.phone else ()))
    found: list[Diagnostic] = []
    for loc, text in _strings(source.data):
        if text.startswith(PLACEHOLDER):
            line, column = source.locate(loc)
            found.append(Diagnostic(source.path, line, column, "error",
                                    f"这是导入时留下的占位文字“{text}”：请按原文填写；原文没有的内容不要自拟"))
            continue
        is_contact = loc[:1] == ("contact",)
        for severity, start, message in _findings(text, allow, allowed_numbers, personal=not is_contact):
            line, column = _yaml_position(source, loc, text, start)
            found.append(Diagnostic(source.path, line, column, severity, message))
    if source.body_path:
        for severity, start, message in _findings(source.body, allow, allowed_numbers, personal=True):
            at_line, at_column = _text_position(source.body, start)
            found.append(Diagnostic(source.body_path, at_line, at_column, severity, message))
    return found


def _findings(text: str, allow, allowed_numbers, personal: bool) -> Iterator[tuple[str, int, str]]:
    for finding in find_spam(text, allow):
        advice = "" if "请" in finding.reason else "：这不是通报原文，请删除这段文字"
        yield "error", finding.start, finding.reason + advice
    for start, message in unsafe_html(text):
        yield "error", start, message
    if personal:
        for finding in find_personal_data(text, allowed_numbers):
            yield "warning", finding.start, finding.reason


# A start tag as HTML5 reads one (name, then attributes with optional values, then ">"). Possessive
# quantifiers: a tag that never closes fails in one pass, without backtracking.
_VALUE = r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+("[^"]*+"|'[^']*+'|[^\t\n\f\r >"'][^\t\n\f\r >]*+))?+"""
_ATTRIBUTE = re.compile(r"([^\t\n\f\r />][^\t\n\f\r /=>]*+)" + _VALUE)
_START_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*+)((?:[\t\n\f\r /]++|[^\t\n\f\r />][^\t\n\f\r /=>]*+"
                        + _VALUE.replace("(\"", "(?:\"") + ")*+)>")

_RAW_TEXT_END = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in ("script", "style")}


def _start_tags(text: str) -> Iterator[tuple[int, str, list[tuple[str, str]]]]:
    """(offset, name, attributes) of each start tag, in one pass over ``text``.

    Comments, declarations (``<!x``, ``<![CDATA[``), processing instructions, end tags and the text of a
    <script> or <style> up to its end tag are skipped. What is never closed is text, and the scan goes on
    after its "<": Python-Markdown does the same (an unclosed ``<!--`` or ``<a href='x`` becomes &lt;…, and a
    <script> after it is live). Python's html.parser, used before, took quadratic time on such text ("<a b"
    repeated: minutes for 100 KB) and raised AssertionError on "<![" without a keyword."""
    last_close = text.rfind(">")  # nothing after it can be markup
    last_comment_close = text.rfind("-->")
    last_end: dict[str, int] = {}  # where the last </script>, </style> starts
    at = text.find("<")
    while 0 <= at < last_close:
        if text.startswith("<!--", at):
            if text.startswith(("<!-->", "<!--->"), at):
                at = text.find("<", text.index(">", at + 4))
            elif at + 4 <= last_comment_close:
                at = text.find("<", text.index("-->", at + 4) + 3)
            else:
                at = text.find("<", at + 4)
            continue
        if text.startswith(("<!", "<?", "</"), at):
            at = text.find("<", text.index(">", at + 2))
            continue
        tag = _START_TAG.match(text, at)
        if tag is None:
            at = text.find("<", at + 1)
            continue
        attributes = [(attribute.group(1).lower(), _unquoted(attribute.group(2) or ""))
                      for attribute in _ATTRIBUTE.finditer(text, tag.start(2), tag.end(2))]
        name = tag.group(1).lower()
        yield at, name, attributes
        at = text.find("<", tag.end())
        if name in _RAW_TEXT_END and at >= 0:  # script and style hold text, not markup, up to their end tag
            if name not in last_end:
                last_end[name] = max((end.start() for end in _RAW_TEXT_END[name].finditer(text)), default=-1)
            if at <= last_end[name]:
                at = _RAW_TEXT_END[name].search(text, at).start()


def _unquoted(value: str) -> str:
    """An attribute's value as a browser reads it: without its quotes, character references replaced."""
    return html.unescape(value[1:-1] if value[:1] in "\"'" else value)


def unsafe_html(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each piece of raw HTML that could run script or load content."""
    if not _MAYBE_HTML.search(text) and "](" not in text:
        return []
    found = []
    for offset, tag, attributes in _start_tags(text):
        if tag in UNSAFE_TAGS:
            found.append((offset, f"不允许的 HTML 标签 <{tag}>：通报中不能嵌入脚本、框架、表单或样式，请删除"))
        for name, value in attributes:
            if name.startswith("on"):
                shown = name if len(name) <= 40 else name[:40] + "…"
                found.append((offset, f"不允许的 HTML 属性 {shown}（事件处理程序，可运行脚本）：请删除"))
            elif name == "style" and value:
                continue  # hidden-text styles are reported by the spam check
            elif name in URL_ATTRIBUTES and value and value.strip().lower().startswith(UNSAFE_SCHEMES):
                scheme = value.strip().split(":", 1)[0].lower()
                found.append((offset, f"不允许的链接 {scheme}:（可运行脚本或嵌入内容）：请删除"))
    for scheme in UNSAFE_SCHEMES[:2]:  # Markdown links: [text](javascript:...)
        start = text.lower().find("](" + scheme)
        if start >= 0:
            found.append((start + 2, f"不允许的链接 {scheme}（可运行脚本）：请删除"))
    return sorted(found)


def _strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(loc, text) for every string value in plain YAML data."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if isinstance(value, str):
            yield loc + (key,), value
        else:
            yield from _strings(value, loc + (key,))


def _yaml_position(source, loc: tuple, text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``text[offset]``, the string value at ``loc`` in the file."""
    line, column = source.locate(loc)
    if not line:
        return 0, 0
    if "\n" in text[:offset]:  # a block scalar: count lines inside it (indentation unknown: column 1)
        return line + 1 + text[:offset].count("\n"), offset - text.rfind("\n", 0, offset)
    quoted = _is_quoted(_value_at(source.located, loc))
    return line, column + offset + (1 if quoted else 0)


def _value_at(data: Any, loc: tuple) -> Any:
    try:
        for part in loc:
            data = data[part]
    except (KeyError, IndexError, TypeError):
        return None
    return data


def _is_quoted(value: Any) -> bool:
    return type(value).__name__ in {"DoubleQuotedScalarString", "SingleQuotedScalarString"}


def _text_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
