"""Chinese numerals and dates as notices write them."""

from __future__ import annotations

import datetime as dt
import re

from generator.text.chinese import ordinal  # noqa: F401  (re-exported for the importer)

DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "[零〇○一二两三四五六七八九十百千]"
# A committee's term before its name (十二届市委, 四屆區委), written once for the importer's rules
TERM = r"[一二三四五六七八九十\d]{1,3}[届屆]"


def cn_to_int(text: str) -> int | None:
    """``二十八`` → 28, ``一百三十三`` → 133, ``十二`` → 12, ``28`` → 28; None if not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (current or 1) * UNITS[ch]
            current = 0
    return total + current


def _cn_year(text: str) -> str:
    return "".join(str(DIGITS[ch]) for ch in text)


_CN_DATE = re.compile(rf"([零〇○Ｏ一二三四五六七八九]{{4}})年|({CN_NUMERAL}{{1,3}})(月|日)")


def arabic_dates(text: str) -> str:
    """``二〇二三年七月十一日`` → ``2023年7月11日`` (other text unchanged, same meaning)."""

    def replace(match: re.Match) -> str:
        if match.group(1):
            return _cn_year(match.group(1)) + "年"
        value = cn_to_int(match.group(2))
        return f"{value}{match.group(3)}" if value else match.group(0)

    return _CN_DATE.sub(replace, text)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_PLAIN_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_date(text: str) -> dt.date | None:
    """The first full date in ``text``: 2024-12-24, 2024/12/24, 2024年12月24日, 二〇二四年十二月二十四日."""
    match = _PLAIN_DATE.search(arabic_dates(text or ""))
    if not match:
        return None
    return make_date(*(int(g) for g in match.groups()))
