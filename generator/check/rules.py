"""Checks that need more than one field: dates in order, numbering, declared figures, uniqueness.

Each check yields located diagnostics; they run on validated notices (types are already right).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from generator.check.content import check_content
from generator.model import vocabulary
from generator.read.collection import Collection, NoticeEntry
from generator.read.diagnostics import Diagnostic
from generator.render.pages import cn_date


def check_collection(collection: Collection, today: dt.date | None = None) -> list[Diagnostic]:
    today = today or dt.date.today()
    found: list[Diagnostic] = []
    for entry in collection.entries:
        found += check_notice(entry, today)
    found += _unique(collection.entries, lambda e: e.slug, "slug",
                     "网址名称（slug）“{value}”与 {other} 重复：请在其中一份通报里写一个不同的 slug")
    found += _unique(collection.entries, lambda e: e.notice.title, "title", "标题与 {other} 完全相同：同一通报不要重复提交；如确是两份通报，请核对标题")
    found += _previous_slugs(collection.entries)
    return found


def check_notice(entry: NoticeEntry, today: dt.date) -> list[Diagnostic]:
    return (list(_dates(entry)) + list(_revisions(entry)) + list(_problems(entry, today)) + list(_figures(entry))
            + check_content(entry))


def _at(entry: NoticeEntry, loc: tuple, severity: str, message: str) -> Diagnostic:
    line, column = entry.source.locate(loc)
    return Diagnostic(entry.source.path, line, column, severity, message)


def _dates(entry: NoticeEntry) -> Iterator[Diagnostic]:
    notice = entry.notice
    inspection = notice.inspection
    chain = []
    if inspection:
        chain = [(("inspection", "start"), "巡察开始日期", inspection.start),
                 (("inspection", "end"), "巡察结束日期", inspection.end),
                 (("inspection", "feedback"), "反馈日期", inspection.feedback)]
    chain.append((("published",), "发布日期", notice.published))
    known = [item for item in chain if item[2] is not None]
    for (_, earlier_name, earlier), (loc, later_name, later) in zip(known, known[1:]):
        if later < earlier:
            yield _at(entry, loc, "error",
                      f"{later_name}（{later}）早于{earlier_name}（{earlier}）：顺序应为 巡察开始 ≤ 巡察结束 ≤ 反馈 ≤ 发布")


def _revisions(entry: NoticeEntry) -> Iterator[Diagnostic]:
    published = entry.notice.published
    for index, revision in enumerate(entry.notice.revisions):
        if published and revision.date < published:
            yield _at(entry, ("revisions", index, "date"), "error",
                      f"更正记录的日期（{revision.date}）早于发布日期（{published}）：更正只能在通报发布之后，请核对日期")


def _previous_slugs(entries: list[NoticeEntry]) -> Iterator[Diagnostic]:
    """Each old URL name becomes a redirect page: it must not be a notice's page, nor redirect twice."""
    by_path = sorted(entries, key=lambda e: e.source.path)
    pages: dict[str, NoticeEntry] = {}
    for entry in by_path:
        pages.setdefault(entry.slug, entry)
    first: dict[str, NoticeEntry] = {}
    for entry in by_path:
        for index, slug in enumerate(entry.notice.previous_slugs):
            loc = ("previous_slugs", index)
            owner = pages.get(slug)
            if owner is entry:
                yield _at(entry, loc, "error", f"旧网址名称“{slug}”就是这份通报现在的网址名称：previous_slugs 只写以前用过、"
                                               "现在不用的网址名称，请删去这一项")
            elif owner is not None:
                yield _at(entry, loc, "error", f"旧网址名称“{slug}”是 {owner.source.path} 的网址名称（slug）：一个网址不能既是"
                                               "跳转又是通报页面，请删去这一项，或为其中一份通报另写 slug")
            elif slug in first and first[slug] is entry:
                yield _at(entry, loc, "error", f"旧网址名称“{slug}”在 previous_slugs 中重复：请删去一处")
            elif slug in first:
                yield _at(entry, loc, "error", f"旧网址名称“{slug}”也写在 {first[slug].source.path} 的 previous_slugs 中："
                                               "一个旧网址只能跳转到一份通报，请删去其中一处")
            else:
                first[slug] = entry


def _problems(entry: NoticeEntry, today: dt.date) -> Iterator[Diagnostic]:
    notice = entry.notice
    aspects = {a.number for a in notice.aspects}
    feedback = notice.inspection.feedback if notice.inspection else None
    yield from _aspect_numbers(entry)
    seen: dict[int, int] = {}
    expected = 1
    for index, problem in enumerate(notice.problems):
        here = ("problems", index)
        if problem.number in seen:
            yield _at(entry, here + ("number",), "error",
                      f"问题序号 {problem.number} 重复（第 {seen[problem.number] + 1} 个问题已用过）")
        elif problem.number != expected:
            yield _at(entry, here + ("number",), "error",
                      f"问题序号应按顺序连续编号：这里应是 {expected}，写的是 {problem.number}")
        seen.setdefault(problem.number, index)
        expected = problem.number + 1
        if problem.aspect is not None and problem.aspect not in aspects:
            listed = "、".join(str(n) for n in sorted(aspects)) or "（aspects 为空）"
            yield _at(entry, here + ("aspect",), "error",
                      f"问题 {problem.number} 所属方面 {problem.aspect} 不存在：aspects 中只有 {listed}")
        status = vocabulary.status(problem.status)
        if problem.completed and feedback and problem.completed < feedback:
            yield _at(entry, here + ("completed",), "error",
                      f"问题 {problem.number} 的完成日期（{problem.completed}）早于反馈日期（{feedback}）")
        if problem.completed and not status.done:
            yield _at(entry, here + ("completed",), "error",
                      f"问题 {problem.number} 写了完成日期，但状态是“{problem.status}”：已完成的请把 status 改为 已完成")
        if status.needs_due and problem.due is None:
            yield _at(entry, here + ("status",), "error",
                      f"问题 {problem.number} 尚未完成（{problem.status}），必须写整改时限 due，如 due: 2025-06-30")
        if problem.due and not status.done and status.stated and problem.due < today:
            yield _at(entry, here + ("due",), "warning",
                      f"问题 {problem.number} 已超过整改时限（{cn_date(problem.due)}）仍未完成：请核实状态或在正文说明")


def _aspect_numbers(entry: NoticeEntry) -> Iterator[Diagnostic]:
    """Aspects are numbered 1, 2, 3 … as the notice's (一)(二)(三): an import that took another
    numbering for the aspects (a section 二、, a 一是 run) shows as a list not starting at 1."""
    expected = 1
    for index, aspect in enumerate(entry.notice.aspects):
        if aspect.number != expected:
            yield _at(entry, ("aspects", index, "number"), "error",
                      f"方面序号应从 1 开始按顺序连续编号：这里应是 {expected}，写的是 {aspect.number}")
            return
        expected += 1


def _figures(entry: NoticeEntry) -> Iterator[Diagnostic]:
    notice = entry.notice
    figures = notice.figures
    if figures.problems is not None and notice.problems and figures.problems != len(notice.problems):
        yield _at(entry, ("figures", "problems"), "error",
                  f"通报称有 {figures.problems} 个问题，problems 中列了 {len(notice.problems)} 个：请补齐或核对数字")
    if figures.aspects is not None and notice.aspects and figures.aspects != len(notice.aspects):
        yield _at(entry, ("figures", "aspects"), "error",
                  f"通报称有 {figures.aspects} 个方面，aspects 中列了 {len(notice.aspects)} 个")
    if figures.problems_done is not None and entry.stated_count == len(entry.problems) and entry.problems:
        if figures.problems_done != entry.done_count:
            yield _at(entry, ("figures", "problems_done"), "error",
                      f"通报称已完成整改 {figures.problems_done} 个问题，状态为“已完成”的问题有 {entry.done_count} 个")


def _unique(entries: Iterable[NoticeEntry], key, field: str, template: str) -> Iterator[Diagnostic]:
    by_value: dict[str, list[NoticeEntry]] = defaultdict(list)
    for entry in entries:
        by_value[key(entry)].append(entry)
    for value, group in sorted(by_value.items()):
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda e: e.source.path)
        for entry in group[1:]:
            other = group[0].source.path
            loc = (field,) if field in entry.source.data else ("title",)
            yield _at(entry, loc, "error", template.format(value=value, other=other))
