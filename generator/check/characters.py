"""Characters no published text may carry: bidi overrides, control characters and invisible ones.

A bidi override (U+202E) makes a browser show text in another order than it is stored, so a reader and
a reviewer see different things; zero-width characters split a word so that no check finds it; control
characters have no business in a notice. Each run is an error located at its first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

NAMES = {
    "\u200b": "零宽空格", "\u200c": "零宽不连字", "\u200d": "零宽连字", "\u200e": "从左至右标记",
    "\u200f": "从右至左标记", "\u2060": "零宽不换行", "\ufeff": "零宽不换行空格", "\u00ad": "软连字符",
    "\u202a": "从左至右嵌入", "\u202b": "从右至左嵌入", "\u202c": "方向格式结束", "\u202d": "从左至右覆盖",
    "\u202e": "从右至左覆盖", "\u2066": "从左至右隔离", "\u2067": "从右至左隔离", "\u2068": "首字符方向隔离",
    "\u2069": "方向隔离结束", "\u061c": "阿拉伯字母标记", "\u2028": "行分隔符", "\u2029": "段分隔符",
    "\u180e": "蒙古文元音分隔符",
}
_BIDI = "\u202a-\u202e\u2066-\u2069\u061c"
_INVISIBLE = "\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e\u2028\u2029"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_FORBIDDEN = re.compile(f"[{_BIDI}{_INVISIBLE}{_CONTROL}]+")


@dataclass(frozen=True)
class CharacterFinding:
    start: int
    end: int
    reason: str


def forbidden_character_starts(text: str) -> Iterator[int]:
    """Where ``text`` holds a run of the characters :func:`find_forbidden_characters` looks at (one search, for
    many texts joined by line breaks: a line break is not one of them, so each run lies in one text)."""
    return (match.start() for match in _FORBIDDEN.finditer(text))


def find_forbidden_characters(text: str) -> list[CharacterFinding]:
    """Runs of bidi, control and invisible characters in ``text`` (a leading BOM is the file's, not text)."""
    found = []
    for match in _FORBIDDEN.finditer(text):
        start = match.start() + (match.start() == 0 and text[0] == "\ufeff")
        if start < match.end():
            found.append(CharacterFinding(start, match.end(), _reason(text[start:match.end()])))
    return found


def _reason(run: str) -> str:
    names = "、".join(dict.fromkeys(f"U+{ord(c):04X}（{_name(c)}）" for c in run))
    if re.search(f"[{_BIDI}]", run):
        why = "会让浏览器改变文字的显示顺序，读者看到的与审核的不同"
    elif re.search(f"[{_CONTROL}]", run):
        why = "是控制字符，不属于通报文字"
    else:
        why = "常用于隐藏或拆散植入的广告文字"
    return f"{len(run)}个不可见字符 {names}：{why}，请删除"


def _name(char: str) -> str:
    if char in NAMES:
        return NAMES[char]
    return "控制字符" if re.match(f"[{_CONTROL}]", char) else "不可见字符"
