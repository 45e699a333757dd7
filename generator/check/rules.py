"""Checks that need more than one field: dates in order, numbering, declared figures, uniqueness.

Each check yields located diagnostics; they run on validated notices (types are already right).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from generator.check.content import check_content
from generator.model import vocabulary
from generator.model.notice import PROBLEMS_MARKER
from generator.read.collection import Collection, NoticeEntry
from generator.read.diagnostics import Diagnostic, Severity
from generator.render.markdown import marker_lines
from generator.text.chinese import cn_date


def check_collection(collection: Collection, checked: Mapping[str, list[Diagnostic]] | None = None) -> list[Diagnostic]:
    """Every check; none depends on the day of the build (time passing never breaks a build).
    ``checked``: each notice's own findings (:func:`check_notice`) by its path, where already made."""
    found: list[Diagnostic] = []
    for entry in collection.entries:
        own = checked.get(entry.source.path) if checked is not None else None
        found += check_notice(entry) if own is None else own
    found += _unique(collection.entries, lambda e: e.slug, "slug",
                     "网址名称（slug）“{value}”与 {other} 重复：请在其中一份通报里写一个不同的 slug")
    found += _unique(collection.entries, lambda e: e.source.facts.title, "title",
                     "标题与 {other} 完全相同：同一通报不要重复提交；如确是两份通报，请核对标题")
    found += _previous_slugs(collection.entries)
    found += _follows(collection)
    return found


def check_notice(entry: NoticeEntry) -> list[Diagnostic]:
    return (list(_dates(entry)) + list(_revisions(entry)) + list(_problems(entry)) + list(_figures(entry))
            + list(_problems_marker(entry)) + check_content(entry))


def _at(entry: NoticeEntry, loc: tuple, severity: Severity, message: str) -> Diagnostic:
    line, column = entry.source.locate(loc)
    return Diagnostic(entry.source.path, line, column, severity, message)


def _dates(entry: NoticeEntry) -> Iterator[Diagnostic]:
    notice = entry.notice
    inspection = notice.inspection
    chain: list[tuple[tuple[str, ...], str, dt.date | None]] = []
    if inspection:
        chain = [(("inspection", "start"), "巡察开始日期", inspection.start),
                 (("inspection", "end"), "巡察结束日期", inspection.end),
                 (("inspection", "feedback"), "反馈日期", inspection.feedback)]
    chain.append((("published",), "发布日期", notice.published))
    known = [(loc, name, date) for loc, name, date in chain if date is not None]
    for (_, earlier_name, earlier), (loc, later_name, later) in zip(known, known[1:]):
        if later < earlier:
            yield _at(entry, loc, "error",
                      f"{later_name}（{later}）早于{earlier_name}（{earlier}）："
                      "顺序应为 巡察开始 ≤ 巡察结束 ≤ 反馈 ≤ 发布")


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
        for index, slug in enumerate(entry.source.facts.previous_slugs):
            loc = ("previous_slugs", index)
            owner = pages.get(slug)
            if owner is entry:
                yield _at(entry, loc, "error", f"旧网址名称“{slug}”就是这份通报现在的网址名称："
                                               "previous_slugs 只写以前用过、现在不用的网址名称，请删去这一项")
            elif owner is not None:
                yield _at(entry, loc, "error", f"旧网址名称“{slug}”是 {owner.source.path} 的网址名称（slug）："
                                               "一个网址不能既是跳转又是通报页面，"
                                               "请删去这一项，或为其中一份通报另写 slug")
            elif slug in first and first[slug] is entry:
                yield _at(entry, loc, "error", f"旧网址名称“{slug}”在 previous_slugs 中重复：请删去一处")
            elif slug in first:
                yield _at(entry, loc, "error",
                          f"旧网址名称“{slug}”也写在 {first[slug].source.path} 的 previous_slugs 中："
                          "一个旧网址只能跳转到一份通报，请删去其中一处")
            else:
                first[slug] = entry


def _follows(collection: Collection) -> Iterator[Diagnostic]:
    """``follows`` links a report to the earlier report of the same inspection."""
    for entry in sorted(collection.entries, key=lambda e: e.source.path):
        slug = entry.source.facts.follows
        if slug is None:
            continue
        notice = entry.notice
        loc = ("follows",)
        earlier = collection.by_slug.get(slug)
        if earlier is None:
            yield _at(entry, loc, "error",
                      f"follows 写的“{slug}”不是任何通报的网址名称（slug）：请写同一次巡察前一份通报的 slug")
            continue
        path = earlier.source.path
        if earlier is entry:
            yield _at(entry, loc, "error", f"follows 写的“{slug}”就是这份通报自己：请写同一次巡察前一份通报的 slug")
            continue
        cycle = _cycle(collection, entry)
        if cycle:
            yield _at(entry, loc, "error",
                      "follows 形成循环（" + " → ".join(cycle) + "）：每份通报只能接在更早的一份之后")
            continue
        if notice.published is None or earlier.notice.published is None:
            yield _at(entry, loc, "error", f"follows 连接的两份通报都须写发布日期 published（{path} 或本通报没有写）")
        elif earlier.notice.published >= notice.published:
            yield _at(entry, loc, "error", f"前一份通报 {path} 发布于 {cn_date(earlier.notice.published)}，不早于本通报"
                                           f"（{cn_date(notice.published)}）：follows 只能指向更早发布的通报")
        team = notice.inspection.team if notice.inspection else None
        earlier_team = earlier.notice.inspection.team if earlier.notice.inspection else None
        if team is None or team != earlier_team:
            yield _at(entry, loc, "error", f"巡察组与前一份通报 {path} 不同（本通报：{team or '未写'}；前一份："
                                           f"{earlier_team or '未写'}）：follows 只能连接同一次巡察的通报")
        if notice.publisher != earlier.notice.publisher:
            yield _at(entry, loc, "error", f"发布机构与前一份通报 {path} 不同（本通报：{notice.publisher}；前一份："
                                           f"{earlier.notice.publisher}）：follows 只能连接同一单位的通报")
        yield from _same_numbers(entry, earlier)


def _same_numbers(entry: NoticeEntry, earlier: NoticeEntry) -> Iterator[Diagnostic]:
    """A problem keeps its number across the reports of one inspection: the same number, the same title."""
    titles = {p.number: p.title for p in earlier.notice.problems if p.title}
    for index, problem in enumerate(entry.notice.problems):
        before = titles.get(problem.number)
        if problem.title and before and problem.title != before:
            yield _at(entry, ("problems", index, "title"), "warning",
                      f"问题 {problem.number} 的标题与前一份通报 {earlier.source.path} 中问题 {problem.number} 的标题"
                      f"“{before}”不同：同一次巡察的通报中问题序号应保持一致，请核对序号或标题")


def _cycle(collection: Collection, entry: NoticeEntry) -> list[str]:
    """The slugs of the ``follows`` loop that starts at ``entry``, if it returns to it."""
    path, current, seen = [entry.slug], entry, {entry.slug}
    while current.notice.follows:
        following = collection.by_slug.get(current.notice.follows)
        if following is None:
            return []
        path.append(following.slug)
        if following is entry:
            return path
        if following.slug in seen:
            return []
        seen.add(following.slug)
        current = following
    return []


def _problems(entry: NoticeEntry) -> Iterator[Diagnostic]:
    notice = entry.notice
    published = notice.published
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
        if problem.title and _ORGANISATIONAL.search(problem.title) and not _FAULT.search(problem.title):
            yield _at(entry, here + ("title",), "warning",
                      f"问题 {problem.number} 的标题“{problem.title}”像整改工作的组织措施"
                      "（如 提高政治站位、加强组织领导），不像巡察发现的问题：请核对它是否确是问题清单中的问题")
        status = vocabulary.status(problem.status)
        if problem.completed and feedback and problem.completed < feedback:
            yield _at(entry, here + ("completed",), "error",
                      f"问题 {problem.number} 的完成日期（{problem.completed}）早于反馈日期（{feedback}）")
        if problem.completed and not status.done:
            done = vocabulary.done_status().value
            yield _at(entry, here + ("completed",), "error",
                      f"问题 {problem.number} 写了完成日期，但状态是“{problem.status}”："
                      f"{done}的请把 status 改为 {done}")
        if status.needs_due and problem.due is None:
            yield _at(entry, here + ("status",), "error",
                      f"问题 {problem.number} 尚未完成（{problem.status}），必须写整改时限 due，如 due: 2025-06-30")
        # Relative to the notice's own date, never today's: a deadline passing after publication is a
        # public fact (shown on the overdue page), not the editor's mistake.
        if problem.due and published and not status.done and status.stated and problem.due < published:
            yield _at(entry, here + ("due",), "warning",
                      f"问题 {problem.number} 的整改时限（{cn_date(problem.due)}）"
                      f"早于通报发布日期（{cn_date(published)}），发布时却仍未完成：请核实状态或在正文说明")


# A heading of how the unit organised the rectification work itself (提高政治站位 / 加强组织领导,压实整改责任 /
# 坚持问题导向,强化跟踪问效), not a problem the inspection found (…不到位 / 缺乏…), nor a corrective
# heading (强化理论学习).
_ORGANISATIONAL = re.compile(r"组织领导|政治站位|思想认识|主体责任|整改(工作|责任|任务|成效|实效)|"
                             r"压[实紧].{0,4}责任|问题导向|跟踪问效|以上率下|统筹部署|督促检查|长效机制|"
                             r"举一反三|标本兼治")
_FAULT = re.compile(r"不|未|无|没有|缺|欠|差|弱|松|虚|慢|难|滞后|偏差|短板|漏洞|薄弱|违")


def _problems_marker(entry: NoticeEntry) -> Iterator[Diagnostic]:
    """The 【问题清单】 line of the body: once, alone on its line, in a notice that has problems."""
    source = entry.source
    if not source.body_path:
        return
    body, path, marker = source.body, source.body_path, PROBLEMS_MARKER
    placed: int | None = None
    for offset, alone in marker_lines(body, marker):
        line = body.count("\n", 0, offset) + 1
        column = offset - (body.rfind("\n", 0, offset) + 1) + 1
        if not alone:
            yield Diagnostic(path, line, column, "error",
                             f"{marker}须单独写一行（这一行不能有其他文字，行首不要缩进或写“-”“>”）："
                             "问题清单排在这一行的位置")
        elif placed is not None:
            yield Diagnostic(path, line, column, "error",
                             f"{marker}写了两次（第一次在第 {placed} 行）：问题清单只能排在一个位置，请删去多余的一行")
        else:
            placed = line
            if not entry.notice.problems:
                yield Diagnostic(path, line, column, "warning", f"正文写了{marker}，但 .yml 中没有问题（problems）："
                                 "请在 .yml 中填写问题，或删去这一行")


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
                      f"通报称已完成整改 {figures.problems_done} 个问题，"
                      f"状态为“{vocabulary.done_status().value}”的问题有 {entry.done_count} 个")


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
