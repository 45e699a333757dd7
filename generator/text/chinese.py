"""Chinese numerals and dates as the site writes them: the one definition the pages, the search index
and the importer share."""

from __future__ import annotations

import datetime as dt

DIGITS = "零一二三四五六七八九"
_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def ordinal(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 100 → 一百, 105 → 一百零五, 110 → 一百一十, 2024 → 二千零二十四.

    For aspects（一）, measures 一是/二是 and the importer's markers; from 10,000 on, Arabic digits.
    """
    if number < 0 or number >= 10000:
        return str(number)
    if number < 10:
        return DIGITS[number]
    if number < 20:  # 十二, not 一十二
        return "十" + (DIGITS[number - 10] if number > 10 else "")
    parts: list[str] = []
    gap = False
    for value, place in _PLACES:
        digit = number // value % 10
        if digit == 0:
            gap = bool(parts)
            continue
        if gap:
            parts.append("零")
            gap = False
        parts.append(DIGITS[digit] + place)
    return "".join(parts)


def cn_date(value: dt.date | None) -> str:
    """2024-12-24 → 2024年12月24日 (empty when the date is unknown)."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""
