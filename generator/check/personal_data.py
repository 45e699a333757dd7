"""Personal data an editor should look at before publishing: ID numbers and mobile numbers.

These are warnings: a unit's own published mobile number is fine (pass it in ``allow``), a
citizen's number is not. Offsets are Python ``str`` indexes into the text as given; full-width
digits are recognised too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from generator.check.spam import Finding, normalize

# 18-digit resident ID: 6-digit region, birth date YYYYMMDD, 3-digit sequence, check character.
_ID = re.compile(r"(?<![0-9])[1-6][0-9]{5}(?:18|19|20)[0-9]{2}[01][0-9][0-3][0-9][0-9]{3}[0-9Xx](?![0-9])")
_PROVINCE_CODES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
_PROVINCE_CODES |= {50, 51, 52, 53, 54, 61, 62, 63, 64, 65}
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

# Mainland mobile: 1[3-9] and 9 more digits, optionally written 138-1234-5678 or 138 1234 5678,
# never part of a longer run of digits (landlines, filing numbers, ID numbers).
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])")

# The characters that normalize (NFKC, one for one) to an ASCII digit, and to "-" or " " (Unicode 14, Python
# 3.11; tests/test_personal_data.py computes both again over every code point). Both patterns above need 11 of
# them in a row, starting with a digit: a text without such a run is not normalized and searched at all.
DIGIT_LIKE = (r"\u0030-\u0039\u00b2-\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u24ea"
              r"\uff10-\uff19\U0001d7ce-\U0001d7ff\U0001fbf0-\U0001fbf9")
SEPARATOR_LIKE = r"\u0020\u002d\u00a0\u2000-\u200a\u202f\u205f\u3000\ufe63\uff0d"
_DIGIT_RUN = re.compile(f"[{DIGIT_LIKE}][{DIGIT_LIKE}{SEPARATOR_LIKE}]{{10,}}")


def digit_run_starts(text: str) -> Iterator[int]:
    """Where ``text`` has a run of digit-like characters long enough for a number :func:`find_personal_data`
    reports (one search, for many texts joined by line breaks: a line break ends a run, so each run lies in one
    text, and every text with a run has one here)."""
    return (match.start() for match in _DIGIT_RUN.finditer(text))


def find_personal_data(text: str, allow: Iterable[str] = ()) -> list[Finding]:
    """ID numbers and mobile numbers in ``text``, sorted by start."""
    if not _DIGIT_RUN.search(text):
        return []
    normal = normalize(text)
    allowed = {_key(a) for a in allow} - {""}
    hits = [(m.start(), m.end(), _id_reason) for m in _ID.finditer(normal) if is_valid_id(m.group())]
    hits += [(m.start(), m.end(), _mobile_reason) for m in _MOBILE.finditer(normal) if not _overlaps(m, hits)]
    findings = [Finding(s, e, text[s:e], why(text[s:e])) for s, e, why in sorted(hits)]
    return [f for f in findings if _key(f.text) not in allowed]


def is_valid_id(number: str) -> bool:
    """An 18-character resident ID with a real province code, a past birth date and the right check."""
    number = number.upper()
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number) or int(number[:2]) not in _PROVINCE_CODES:
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today() and number[17] == id_check_char(number[:17])


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS))
    return "10X98765432"[total % 11]


def _id_reason(number: str) -> str:
    masked = number[:6] + "*" * 8 + number[14:]
    return f"疑似居民身份证号码“{number}”（个人信息）：公开前请删除，或隐去出生日期，写成“{masked}”"


def _mobile_reason(number: str) -> str:
    return f"疑似个人手机号码“{number}”（个人信息）：个人号码公开前请删除；如是单位对外公开的联系电话，请加入允许列表"


def _overlaps(match: re.Match, hits: list) -> bool:
    return any(match.start() < end and start < match.end() for start, end, _ in hits)


def _key(value: str) -> str:
    """Digits (and X) only, so 138-1234-5678 in the allow-list also allows 13812345678."""
    return re.sub(r"[^0-9X]", "", normalize(value).upper())
