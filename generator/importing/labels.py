"""Labelled facts inside a problem's text: 责任单位、责任领导、整改时限、整改状态."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from generator.importing.numerals import arabic_dates, make_date
from generator.model import vocabulary

_LABELS = {
    "responsible_unit": r"责任单位|牵头单位|责任部门",
    "responsible_leader": r"责任领导|牵头领导|责任人",
    "due": r"整改时限|完成时限|整改期限|时限要求",
    "status": r"整改状态|完成情况|整改进度|整改进展|进展情况",
}
_LABEL = re.compile(
    r"[（(【\[]?\s*(" + "|".join(_LABELS.values()) + r")\s*[:：]\s*([^；;。)）】\]\n]{1,40})[；;。]?\s*[)）】\]]?"
)

_STATUS_GAP = "。，,；;：:（(、 "


@cache
def status_words() -> tuple[tuple[str, str], ...]:
    """(word, status) for every way of writing a stated status (``value`` and ``words`` in
    generator/data/statuses.yml), longest word first."""
    pairs = [(word, status.value) for status in vocabulary.statuses() if status.stated
             for word in (status.value, *status.words)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _status_tag() -> re.Pattern:
    """A stated status in brackets, as in ``（已完成）``."""
    values = "|".join(re.escape(s.value) for s in vocabulary.statuses() if s.stated)
    return re.compile(r"[（(【\[]\s*(" + values + r")\s*[)）】\]]")


def unstated_status() -> str:
    """The status a draft gets where the text states none (``stated: false`` in statuses.yml)."""
    return next(s.value for s in vocabulary.statuses() if not s.stated)


def status_of(lines: list[str]) -> tuple[str | None, str]:
    """(status, the rest of the text) for a 完成情况 cell or label; (None, the whole text) if no status word
    leads it."""
    first = re.sub(r"\s", "", lines[0]) if lines else ""
    others = "".join(lines[1:])
    for word, value in status_words():
        if first.rstrip("。.；;！!") == word:
            return value, others
        if first.startswith(word) and first[len(word)] in _STATUS_GAP:
            rest = first[len(word):].lstrip(_STATUS_GAP)
            if first[len(word)] in "（(":
                rest = first[len(word):]
            return value, rest + others
    return None, "".join(lines)


def take_labels(text: str) -> tuple[str, dict, list[str]]:
    """Remove labelled facts from ``text``; return the rest, the facts (model keys) and notes."""
    found: dict = {}
    notes: list[str] = []

    def keep(match: re.Match) -> str:
        key = next(k for k, names in _LABELS.items() if re.fullmatch(names, match.group(1)))
        value = match.group(2).strip()
        converted = _convert(key, value, notes)
        if converted is None:
            return match.group(0)
        found.setdefault(key, converted)
        return ""

    rest = _LABEL.sub(keep, text)
    tag = _status_tag().search(rest)
    if tag and "status" not in found:
        found["status"] = tag.group(1)
        rest = rest[: tag.start()] + rest[tag.end():]
    return rest.strip(), found, notes


def status_word(text: str) -> str | None:
    return status_of([text])[0]


def _convert(key: str, value: str, notes: list[str]):
    if key == "status":
        return status_word(value)
    if key == "due":
        due = due_date(value)
        if due is None:
            notes.append(f"整改时限“{value}”不是具体日期，未填入 due")
        return due
    return value


def due_date(text: str) -> dt.date | None:
    """``2024年6月30日`` → 2024-06-30; ``2024年6月底``/``2024年6月`` → the month's last day."""
    text = arabic_dates(text)
    full = re.search(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})", text)
    if full:
        return make_date(*(int(g) for g in full.groups()))
    month = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)?", text)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if 1 <= number <= 12:
            return make_date(year, number, calendar.monthrange(year, number)[1])
    return None
