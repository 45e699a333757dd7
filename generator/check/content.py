"""What the text of a notice may not carry: injected spam, script-capable HTML, personal data.

Every string field of the YAML and the Markdown body is scanned; each finding is located at the
exact line and column of its span.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.check.characters import find_forbidden_characters, forbidden_character_starts
from generator.check.personal_data import digit_run_starts, find_personal_data
from generator.check.spam import find_spam
from generator.model.notice import PLACEHOLDER
from generator.read.collection import NoticeEntry
from generator.read.diagnostics import Diagnostic, Severity
from generator.read.files import display_path, folder_problem, read_regular, scan_folder
from generator.read.yaml_source import MAX_BYTES, decode_text, locate
from generator.render import markdown as safe_markdown
from generator.render.pages import SNIPPET

UNSAFE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "form", "input", "button",
               "textarea", "select", "style", "link", "meta", "base", "svg", "math", "applet"}
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_MAYBE_HTML = re.compile(r"<[A-Za-z!/?]")  # cheap pre-filter: only text with a tag is parsed
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster"}


# The text checks are a pure function of the notice's files and its contact (its allow-list and phone):
# ``mkdocs serve`` rebuilds in the same process, and an unchanged notice is not scanned again.
_CHECKED: dict[tuple, tuple[Diagnostic, ...]] = {}
CHECKED_CACHE_LIMIT = 50_000


def check_content(entry: NoticeEntry) -> list[Diagnostic]:
    source = entry.source
    key = (source.path, source.text, source.body_path, source.body, repr(entry.contact))
    if key not in _CHECKED:
        if len(_CHECKED) >= CHECKED_CACHE_LIMIT:
            _CHECKED.clear()
        _CHECKED[key] = tuple(_check_content(entry))
    return list(_CHECKED[key])


def clear_caches() -> None:
    """Forget every checked notice (tests compare a build with and without the cache)."""
    _CHECKED.clear()


def _check_content(entry: NoticeEntry) -> list[Diagnostic]:
    source = entry.source
    allow = tuple(entry.notice.allow)
    contact = entry.contact
    allowed_numbers = allow + tuple(n for n in ((contact.phone,) if contact and contact.phone else ()))
    found: list[Diagnostic] = []
    # URL names are left out: their pattern (lowercase letters, digits, hyphens) is checked by the model
    strings, contact_span = _field_texts(source.data)
    every = "\n".join(strings)
    kept: Sequence[int] = range(len(strings))  # the places of the texts that are not placeholders, in ``strings``
    if PLACEHOLDER in every:
        kept = [i for i, text in enumerate(strings) if not text.startswith(PLACEHOLDER)]
    texts = strings if len(kept) == len(strings) else [strings[i] for i in kept]
    joined = every if texts is strings else "\n".join(texts)
    starts = _starts(texts)
    body = [source.body] if source.body_path else []
    spam = _spam_per_text(texts + body, allow, "\n".join([joined, *body]) if texts else "\n".join(body),
                          starts + [len(joined) + 1] * len(body) if texts else [0] * len(body))
    # what text_findings could find something in: the rest is skipped without a look
    looked = _suspect_texts(joined, starts) | _places(joined, starts, "<")
    looked.update(number for number, runs in enumerate(spam[:len(texts)]) if runs)
    placeholders = sorted(set(range(len(strings))) - set(kept)) if texts is not strings else []
    todo = sorted([*placeholders, *(kept[number] for number in looked)])
    numbers = {place: number for number, place in enumerate(kept)} if todo else {}
    locs: list[tuple] = []  # the place in the data of each text, made for the first finding to place
    for place in todo:
        text = strings[place]
        if place not in numbers:
            locs = locs or _field_locs(source.data)
            line, column = source.locate(locs[place])
            found.append(Diagnostic(source.path, line, column, "error",
                                    f"这是导入时留下的占位文字“{text}”：请按原文填写；原文没有的内容不要自拟"))
            continue
        is_contact = contact_span[0] <= place < contact_span[1]
        for severity, start, message in text_findings(text, allow, allowed_numbers, personal=not is_contact,
                                                      plain=True, spam=spam[numbers[place]]):
            locs = locs or _field_locs(source.data)
            line, column = _yaml_position(source, locs[place], text, start)
            found.append(Diagnostic(source.path, line, column, severity, message))
    if source.body_path:
        found += check_markdown(source.body, source.body_path, allow, allowed_numbers, spam=spam[-1])
    return found


def _field_texts(data: Any) -> tuple[list[str], tuple[int, int]]:
    """Every string value of a notice's data but those of the URL names, in the data's order (as
    :func:`_field_locs` places them), and the span of the contact's strings among them."""
    texts: list[str] = []
    contact = (0, 0)
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if key in URL_NAME_FIELDS:
            continue
        first = len(texts)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, (dict, list)):
            _collect_texts(value, texts)
        if key == "contact":
            contact = (first, len(texts))
    return texts, contact


def _collect_texts(data: dict | list, found: list[str]) -> None:
    for value in data.values() if isinstance(data, dict) else data:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, (dict, list)):
            _collect_texts(value, found)


def _field_locs(data: Any) -> list[tuple]:
    """The place in the data of each text :func:`_field_texts` gives, in its order (made only when a text has a
    finding to place)."""
    return [loc for loc, _ in _strings(data) if loc[0] not in URL_NAME_FIELDS]


def _starts(texts: list[str]) -> list[int]:
    """Where each text begins in the texts joined by line breaks."""
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return starts


def _places(joined: str, starts: list[int], character: str) -> set[int]:
    """The places of the texts (joined by line breaks, beginning at ``starts``) that hold ``character``."""
    found: set[int] = set()
    at = joined.find(character)
    while at >= 0:
        number = bisect.bisect_right(starts, at) - 1
        found.add(number)
        following = starts[number + 1] if number + 1 < len(starts) else len(joined)
        at = joined.find(character, following)
    return found


def _suspect_texts(joined: str, starts: list[int]) -> set[int]:
    """The places of the texts that may hold forbidden characters or personal data: one search each over all
    the texts joined by line breaks (which neither kind of run crosses) instead of one per text. Most fields have
    neither; the contact's phone number, in nearly every notice, then sends only its own field to the full check."""
    runs = [*forbidden_character_starts(joined), *digit_run_starts(joined)]
    return {bisect.bisect_right(starts, start) - 1 for start in runs}


def _spam_per_text(texts: list[str], allow, joined: str, starts: list[int]) -> list[list]:
    """The spam findings of each text, checked in one call (the check has a fixed cost per call).

    The texts are joined by line breaks (``joined``, each beginning at its place in ``starts``), which no run
    crosses; each finding goes back to its text."""
    per_text: list[list] = [[] for _ in texts]
    for finding in find_spam(joined, allow) if joined.strip() else ():
        i = bisect.bisect_right(starts, finding.start) - 1
        start = finding.start - starts[i]
        end = min(finding.end - starts[i], len(texts[i]))
        per_text[i].append(replace(finding, start=start, end=end, text=texts[i][start:end]))
    return per_text


# What content/ may hold: pages and what they show. An .html, .js or .svg file would be published as it
# is, script and all; anything else is not a page's.
CONTENT_SUFFIXES = (".md", ".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".pdf")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)


def check_content_folder(folder: Path, root: Path) -> list[Diagnostic]:
    """Every file of the hand-written pages' folder: only pages and their assets, as regular files, and
    every page's text checked like a notice's (front matter included)."""
    problem = folder_problem(folder, root, "页面目录")
    if problem:
        return [problem]
    scan = scan_folder(folder, root, looks_like_file=(".md",))
    found = list(scan.diagnostics)
    for path in scan.files:
        shown = display_path(path, root)
        if not path.name.lower().endswith(CONTENT_SUFFIXES):
            found.append(Diagnostic(shown, 0, 0, "error",
                                    "页面目录里只能放 Markdown 页面（.md）、样式表（.css）和图片："
                                    f"{path.suffix or '这种'}文件会原样发布到网站上，可能带有脚本，请移走"))
            continue
        if path.suffix != ".md":
            continue
        raw, problems = read_regular(path, shown, MAX_BYTES)
        text, decoding = decode_text(raw, shown) if raw is not None else (None, [])
        found += problems + decoding
        if text is None:
            continue
        front = _FRONT_MATTER.match(text)
        if front:
            for line_number, line in enumerate(front.group(1).splitlines(), start=2):
                for severity, start, message in text_findings(line, (), (), personal=False, plain=True):
                    found.append(Diagnostic(shown, line_number, start + 1, severity, message))
        body = text[front.end():] if front else text
        offset = text[:front.end()].count("\n") if front else 0
        found += check_markdown(_without_placeholders(body), shown, line_offset=offset)
    return found


def _without_placeholders(text: str) -> str:
    """A content page with its ``<!-- notices:NAME -->`` lines blanked (they are the site's, not markup)."""
    return SNIPPET.sub(lambda match: " " * len(match.group()), text)


def check_settings_text(data: dict, config_data: Any, config_path: str) -> list[Diagnostic]:
    """The texts of the site's settings, as the notices' texts: they are on every page."""
    found = []
    for loc, text in _strings(data):
        if loc[:2] == ("extra", "cms"):
            continue  # the editor's backend settings (addresses, names) are not shown on any page
        for severity, start, message in text_findings(text, (), (), personal=False, plain=True):
            line, column = locate(config_data, loc) if config_data is not None else (0, 0)
            found.append(Diagnostic(config_path, line, column + start if line else 0, severity, message))
    return found


def check_markdown(text: str, path: str, allow: tuple[str, ...] = (), allowed_numbers: tuple[str, ...] = (),
                   line_offset: int = 0, spam: list | None = None) -> list[Diagnostic]:
    """A Markdown text (a notice's narrative, a content page) as written and as a reader sees it."""
    found: list[Diagnostic] = []

    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def at(severity: Severity, offset: int, message: str) -> None:
        line = bisect.bisect_right(line_starts, offset)
        column = offset - line_starts[line - 1] + 1
        found.append(Diagnostic(path, line + line_offset, column, severity, message))

    for severity, start, message in text_findings(text, allow, allowed_numbers or allow, personal=True, plain=False,
                                                  spam=spam):
        at(severity, start, message)
    deep = safe_markdown.too_deep(text)
    if deep:
        at("error", deep[0], f"列表或引用嵌套太深（{deep[1]} 层）：正文最多嵌套 {safe_markdown.MAX_NESTING} 层，"
                             "请改成分段的文字或编号“（一）”“1.”")
        return found
    brackets = safe_markdown.too_many_brackets(text)
    if brackets:
        at("error", brackets[0], f"这一段有 {brackets[1]} 个不成对或层层嵌套的方括号“[”"
                                 f"（最多 {safe_markdown.MAX_OPEN_BRACKETS} 个）："
                                 "不是链接的方括号请改为【】，链接请写成 [文字](网址)")
        return found
    # Links and images come only from "[" (links, images, references) and "<" (autolinks): without either the
    # conversion, the longest part of the check, would find none.
    rendered = safe_markdown.convert(text) if "[" in text or "<" in text else safe_markdown.Rendered("")
    cursor = 0
    for link in rendered.links:
        offset = text.find("(" + link.href, cursor)
        offset = offset + 1 if offset >= 0 else text.find(link.href)
        cursor = max(cursor, offset)
        if link.verdict == "refused":
            at("error", max(offset, 0), f"不允许的链接“{link.href}”：{link.reason}；这个链接不会发布")
        elif link.verdict == "external":
            at("warning", max(offset, 0), f"链接到本站以外的网站“{link.href}”：请核实确是原文的链接")
    for source in rendered.images:
        offset = text.find(source)
        at("error", max(offset, 0), f"正文中不能插入图片（“{source}”）：本站通报只发布文字；图片不会发布，请删除")
    seen = {d.message for d in found}  # what the text as written already showed
    for start, block in _blocks(text):
        if not _MARKUP_CHARACTERS.search(block):
            continue  # the reader sees the block as written: checked above
        shown = safe_markdown.visible_text(safe_markdown.convert(block).html).replace("¶", "")
        for finding in find_spam(shown, allow):
            if finding.text.strip() in block:
                continue  # written as it shows: the check of the text as written judged it
            message = f"{finding.reason}：这段文字经 Markdown 标记或 HTML 实体拼接后才显示出来{SPAM_ADVICE}"
            if not any(message.startswith(finding.reason) for message in seen):
                at("error", start, message)
    return found


URL_NAME_FIELDS = ("slug", "previous_slugs", "follows")
SPAM_ADVICE = "：这不是通报原文，请删除这段文字"
_MARKUP_CHARACTERS = re.compile(r"[*_`\\[\]&<>~]")


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, block) for each blank-line separated block of a Markdown text."""
    start = None  # where the current block began
    offset = 0
    for line in text.splitlines(keepends=True) + [""]:
        if line.strip():
            start = offset if start is None else start
        elif start is not None:
            yield start, text[start:offset]
            start = None
        offset += len(line)


def text_findings(text: str, allow, allowed_numbers, personal: bool, plain: bool,
                  spam: list | None = None) -> Iterator[tuple[Severity, int, str]]:
    """Findings in one text: (severity, offset, message). ``plain``: a one-line field, never markup;
    ``spam``: the text's spam findings when already found (several texts are checked in one call)."""
    for character in find_forbidden_characters(text):
        yield "error", character.start, character.reason
    for run in find_spam(text, allow) if spam is None else spam:
        advice = "" if "请" in run.reason else SPAM_ADVICE
        yield "error", run.start, run.reason + advice
    for start, message in markup(text, plain):
        yield "error", start, message
    if personal:
        for number in find_personal_data(text, allowed_numbers):
            yield "warning", number.start, number.reason


_MARKUP = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>]*>)[A-Za-z!?]")  # an opening tag, a comment


def markup(text: str, plain: bool) -> list[tuple[int, str]]:
    """Every piece of HTML in ``text``: an editor never needs HTML (a notice's text is published as the
    text it is). In a one-line field each tag is named as such; in Markdown, script-capable pieces by
    what they could do, and any other opening tag or comment too."""
    if "<" not in text:
        return []
    if plain:
        return [(match.start(), f"纯文字项里不能写 HTML（“{_snippet(text, match.start())}…”）："
                 "标题、单位、措施等都按文字发布；表示大小请写“小于”“大于”，书名请用《》")
                for match in _PLAIN_MARKUP.finditer(text)]
    found = unsafe_html(text)
    named = {start for start, _ in found}
    for match in _MARKUP.finditer(text):
        if match.start() in named:
            continue
        snippet = _snippet(text, match.start())
        if snippet.startswith("<!"):
            message = f"正文中不能写 HTML 注释（“{snippet}…”）：读者看不到注释，注释常被用来藏匿内容；请删除"
        else:
            message = (f"正文中不能写 HTML 标签（“{snippet}…”）：正文只能用 Markdown，"
                       "加粗写 **文字**，链接写 [文字](https://…)；HTML 会原样显示为文字")
        found.append((match.start(), message))
    return sorted(found)


_PLAIN_MARKUP = re.compile(r"<[A-Za-z!/?]")


def _snippet(text: str, start: int) -> str:
    return text[start:start + 12].split(">")[0].split("\n")[0]


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
                end = _RAW_TEXT_END[name].search(text, at)
                assert end is not None  # last_end[name] >= at: an end tag at or after ``at``
                at = end.start()


def _unquoted(value: str) -> str:
    """An attribute's value as a browser reads it: without its quotes, character references replaced."""
    return html.unescape(value[1:-1] if value[:1] in "\"'" else value)


def unsafe_html(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each piece of raw HTML that could run script or load content."""
    if not _MAYBE_HTML.search(text):
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
    return sorted(found)


def _strings(data: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """(loc, text) for every string value in plain YAML data, in the data's order."""
    found: list[tuple[tuple, str]] = []
    _collect_strings(data, loc, found)
    return found


def _collect_strings(data: Any, loc: tuple, found: list[tuple[tuple, str]]) -> None:
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if isinstance(value, str):
            found.append((loc + (key,), value))
        elif isinstance(value, (dict, list)):
            _collect_strings(value, loc + (key,), found)


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
