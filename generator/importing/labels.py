"""Labelled facts inside a problem's text: 责任单位、责任领导、整改时限、整改状态."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from generator.importing.numerals import arabic_dates, make_date

_LABELS = {
    "responsible_unit": r"责任单位|牵头单位|责任部门",
    "responsible_leader": r"责任领导|牵头领导|责任人",
    "due": r"整改时限|完成时限|整改期限|时限要求",
    "status": r"整改状态|完成情况|整改进度|整改进展|进展情况",
}
_LABEL = re.compile(
    r"[（(【\[]?\s*(" + "|".join(_LABELS.values()) + r")\s*[:：]\s*([^；;。)）】\]\n]{1,40})[；;。]?\s*[)）】\]]?"
)

# Status words as notices write them → the vocabulary in data/statuses.yml.
_STATUS_WORDS = (
    (r"基本完成|取得阶段性成果", "基本完成"),
    (r"未完成|尚未完成", "未完成"),
    (r"已完成|已整改|整改完成|已办结|已销号", "已完成"),
    (r"正在整改|整改中|正在推进|推进中", "正在整改"),
    (r"长期坚持|持续整改|长期整改|持续推进", "长期坚持"),
)
_STATUS_TAG = re.compile(r"[（(【\[]\s*(已完成|基本完成|正在整改|未完成|长期坚持)\s*[)）】\]]")


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
    tag = _STATUS_TAG.search(rest)
    if tag and "status" not in found:
        found["status"] = tag.group(1)
        rest = rest[: tag.start()] + rest[tag.end():]
    return rest.strip(), found, notes


def status_word(text: str) -> str | None:
    for pattern, value in _STATUS_WORDS:
        if re.search(pattern, text):
            return value
    return None


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
