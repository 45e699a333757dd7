"""One problem's text → its title and its measures, split at 一是/二是/三是…"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importing.numerals import cn_to_int, ordinal

_SHI = re.compile(r"([一二三四五六七八九十]{1,3})是")
_BEFORE_MARKER = "。；;，,：:）)”\"！!？? "
_TITLE_END = re.compile(r"[。；;：:！!？?]")
_QUOTED_TITLE = re.compile(r"^关于[“\"「『](.+?)[”\"」』](?:的)?问题(?:的?整改(?:情况|落实情况|进展情况)?)?$")
# 对于“思想认识不足,理论学习流于形式。对学习…: the quotation opens the problem and runs on past its first
# sentence, whose words inside the quote are the title; 关于“X”, 对于“X”: the quotation closes at the title's end.
# The lead-in is no part of the title.
_LEAD_IN_TITLE = re.compile(r"^(?:关于|对于|對於|關於)[“\"「『](.+?)[”\"」』]?$")
# The labels of what was done about a problem (整改情况:…, 整改成效:…, 整改:…, 具体措施:…), in one place: the outline
# reads a paragraph they open as the answer to the problem above it, and a label alone is no measure.
ANSWER_WORDS = r"(?:整改(?:情况|措施|举措|落实情况|进展情况?|成效|成果|结果|完成情况)?|落实情况|具体措施|主要措施)"
_LABEL_ONLY = re.compile(rf"^{ANSWER_WORDS}[:：]?$")
_MAX_TITLE = 80
# Words that follow a numeral used as a number, not as an ordinal (六个、六次、六月…).
_COUNT_WORDS = set("个项次条名人年月日万千百十家处份批轮件类种户块台辆栋座米亩元")


@dataclass
class Measures:
    preface: str = ""  # text before the first marker (a measure of its own when 一是 is missing)
    items: list[str] = field(default_factory=list)
    next_ordinal: int = 1  # the 几是 expected next, for a paragraph that continues the list
    notes: list[str] = field(default_factory=list)


def split_title(text: str) -> tuple[str | None, str]:
    """``强化理论学习一是…`` → (强化理论学习, 一是…); ``加强…意识。一是…`` → (加强…意识, 一是…)."""
    first = _first_marker(text, allow_run_in=True)
    end = _TITLE_END.search(text)
    cut = min(first.start() if first else len(text), end.start() if end else len(text))
    title = text[:cut].strip(" ，,。：:；;")
    rest = text[cut:].lstrip(" 。：:；;，,")
    if not title or len(title) > _MAX_TITLE:
        return None, text.strip()
    quoted = _QUOTED_TITLE.match(title) or _LEAD_IN_TITLE.match(title)
    # 关于“三重一大”和“四风”的问题 stays whole: the quotes left inside stay balanced
    if quoted and (inside_balanced(title, quoted) or not balanced(title)):
        return quoted.group(1).strip(" ，,"), rest
    return title, rest


_PAIRS = {"“": "”", "「": "」", "『": "』"}


def balanced(text: str, opener: str = "") -> bool:
    """Every quote in ``text`` opens and closes inside it, in order (“如我在诉”、“如我在访”意识淡薄 is;
    三重一大”和“四风, the inside of “三重一大”和“四风”, is not). Straight quotes pair left to right, so inside a
    straight ``opener`` (关于"党的建设"和"全面从严治党"方面) the first straight quote closes it: not balanced."""
    if opener == '"' and '"' in text:
        return False
    open_quotes: list[str] = []
    for char in text:
        if char == '"' and open_quotes and open_quotes[-1] == '"':
            open_quotes.pop()
        elif char == '"':
            open_quotes.append('"')
        elif char in _PAIRS:
            open_quotes.append(_PAIRS[char])
        elif char in _PAIRS.values():
            if not open_quotes or open_quotes.pop() != char:
                return False
    return not open_quotes


def inside_balanced(text: str, match: re.Match[str]) -> bool:
    """The inside of a quoted group (``match.group(1)``), read with the quote that opens it in ``text``."""
    return balanced(match.group(1), text[match.start(1) - 1] if match.start(1) > 0 else "")


def split_measures(text: str, expected: int = 1) -> Measures:
    """Split ``text`` at 几是 markers counting on from ``expected`` (1 for a fresh list)."""
    result = Measures(next_ordinal=expected)
    first = _first_marker(text, allow_run_in=expected == 1, expected=expected)
    if first is None:
        result.preface = _drop_label(text.strip())
        return result
    result.preface = _drop_label(text[: first.start()].strip(" ，,"))
    number = cn_to_int(first.group(1)) or expected
    if result.preface and number == expected + 1:  # 一是 left out: the text before 二是 is the first measure
        result.items.append(result.preface)
        result.preface = ""
    start = first.end()
    while True:
        following = _next_marker(text, number + 1, start, result)
        end = following[0] if following else len(text)
        piece = text[start:end].strip(" ，,；;")
        if piece:
            result.items.append(piece)
        number += 1
        if not following:
            break
        start = following[1]
    result.next_ordinal = number
    return result


def _drop_label(text: str) -> str:
    return "" if _LABEL_ONLY.match(text) else text


def _first_marker(text: str, allow_run_in: bool, expected: int = 1) -> re.Match | None:
    """The first 几是 that opens a list: at the start, after punctuation, or (for 一是) run into a title."""
    for match in _SHI.finditer(text):
        number = cn_to_int(match.group(1))
        if number is None or number > 20:
            continue
        at_boundary = match.start() == 0 or text[match.start() - 1] in _BEFORE_MARKER
        if number in (expected, expected + 1) and at_boundary:
            return match
        if allow_run_in and number == 1 and match.start() <= _MAX_TITLE:
            return match
    return None


def _next_marker(text: str, number: int, start: int, result: Measures) -> tuple[int, int] | None:
    """(start of the marker, start of the measure) for ``number``是, or for ``。六对…`` missing its 是."""
    word = ordinal(number)
    for match in re.finditer(re.escape(word) + "是", text[start:]):
        at = start + match.start()
        if text[at - 1] in _BEFORE_MARKER:
            return at, start + match.end()
    for match in re.finditer("。" + re.escape(word), text[start:]):
        after = start + match.end()
        if after < len(text) and text[after] not in _COUNT_WORDS and text[after] not in "一二三四五六七八九十是":
            preview = text[after: after + 12]
            result.notes.append(f"原文“{word}{preview}…”缺少“是”字，已按第{word}条措施拆分")
            return start + match.start() + 1, after
    return None

