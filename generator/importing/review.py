"""What the editor must decide: the report lines of ``ImportResult.unplaced``, in Chinese.

Counts that disagree, titles and aspects the text lost, numbering gaps, text left in the body.
"""

from __future__ import annotations

from generator.importing.facts import Notes
from generator.importing.outline import Outline
from generator.importing.page import Page
from generator.model import vocabulary


def _numbers(items: list[int]) -> str:
    return "、".join(str(n) for n in items)


def report_problems(outline: Outline, figures: dict, notes: Notes) -> None:
    problems = outline.problems
    declared = figures.get("problems")
    if not problems:
        notes.add("没有找到问题清单（1. / 1、 / (一) 等编号的问题）：problems 为空，全文保留在正文中，请编辑整理")
    elif declared is not None and declared != len(problems):
        notes.add(f"通报载明{declared}个问题，草稿中找到{len(problems)}个，请核对是否漏掉或多出问题")
    elif declared is None:
        notes.add(f"通报没有载明问题总数；草稿中找到{len(problems)}个问题，请核对")
    untitled = [i for i, p in enumerate(problems, 1) if not p.title]
    if untitled:
        notes.add(f"第{_numbers(untitled)}个问题的标题原文缺失：title 未填写（页面显示“原文未载明标题”），"
                  "如有原件请补填")
    no_aspect = [i for i, p in enumerate(problems, 1) if p.aspect is None]
    if no_aspect and outline.aspects:
        notes.add(f"第{_numbers(no_aspect)}个问题所属方面无法确定（原文的方面标题缺失）：aspect 未填写，请编辑补填")
    undated = [i for i, p in enumerate(problems, 1)
               if "status" in p.labels and vocabulary.status(p.labels["status"]).needs_due and "due" not in p.labels]
    if undated:
        notes.add(f"第{_numbers(undated)}个问题尚未完成，但原文没有写整改时限：请按原件填写 due，检查才能通过")
    empty = [i for i, p in enumerate(problems, 1) if not p.measures]
    if empty:
        notes.add(f"第{_numbers(empty)}个问题没有找到整改措施，请核对")
    _report_numbering(problems, notes)
    total = sum(len(p.measures) for p in problems)
    if figures.get("measures") is not None and problems and figures["measures"] != total:
        notes.add(f"通报载明整改措施{figures['measures']}项，草稿按“一是、二是……”拆分出{total}条（原文计数口径可能不同），请核对")


def _report_numbering(problems, notes: Notes) -> None:
    previous_aspect, in_aspect = object(), 0
    for index, problem in enumerate(problems, start=1):
        if problem.aspect != previous_aspect:
            previous_aspect, in_aspect = problem.aspect, 0
        in_aspect += 1
        number = problem.number_in_text
        if number is not None and number not in (index, in_aspect):
            notes.add(f"原文编号为“{number}”的问题在草稿中是第{index}个，编号不连续，请核对是否漏掉或多出问题")


def report_outline(outline: Outline, notes: Notes) -> None:
    for line in outline.notes:
        notes.add(line)
    for heading in outline.left_out:
        notes.add(f"问题清单上方的标题“{heading}”没有写入正文（问题清单在页面上单独显示），如需保留请写入 .md")
    if outline.problems and outline.narrative:
        notes.add(f"有{len(outline.narrative)}段文字不属于问题清单，已按原顺序保留在正文（.md）中，请核对："
                  + _narrative_summary(outline))


def _narrative_summary(outline: Outline) -> str:
    parts, count, where = [], 0, "开头"
    for index, paragraph in enumerate(outline.narrative):
        if index == outline.list_at and index:
            if count:
                parts.append(f"{where}{count}段")
            where, count = "问题清单之后", 0
        if paragraph in outline.headings:
            if count:
                parts.append(f"{where}{count}段")
            where, count = f"“{paragraph[:20]}”下", 0
        else:
            count += 1
    if count:
        parts.append(f"{where}{count}段")
    return "；".join(parts)


def report_page(page: Page, notes: Notes) -> None:
    if page.unkeyed_meta:
        notes.add(f"发布日期和来源取自没有标注“发布时间”“来源”的一行“{page.unkeyed_meta}”，请核对")
    if page.footer_unparsed:
        notes.add("页脚中未识别的文字（未写入草稿）：" + " / ".join(page.footer_unparsed))
    fields = dict.fromkeys(entry.fills for entry in vocabulary.page_metadata() if entry.fills)
    used = {next((key for key in vocabulary.page_metadata_filling(name) if page.meta.get(key)), None)
            for name in fields}  # the key whose value fills the field (generator/data/page_metadata.yml)
    extra = {k: v for k, v in page.meta.items() if k not in used and v}
    if extra:
        notes.add("原网页的其他信息（未写入草稿，记在 YAML 开头的注释里）："
                  + "；".join(f"{k}：{v}" for k, v in extra.items()))
