"""Numbering → aspects and problems, whatever scheme the notice uses.

Paragraphs are classified by their leading marker (一、 / (一) / 1. / 1、 / (1) / ① / 一是). The
nesting of the schemes is learnt from the order they appear in; the scheme that numbers problems is
the one whose count matches the declared total, else the one that carries 一是… measures. Its parent
scheme numbers the aspects. Everything outside the problem list stays narrative (the Markdown body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importing.gazetteer import simplified
from generator.importing.labels import _LABELS, status_word, take_labels
from generator.importing.measures import ANSWER_WORDS, balanced, inside_balanced, split_measures, split_title
from generator.importing.numerals import cn_to_int, ordinal
from generator.importing.page import is_signature

_MARKERS = (
    ("cn_paren", re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*")),
    ("ar_paren", re.compile(r"^[（(]\s*(\d{1,3})\s*[)）]\s*")),
    ("shi", re.compile(r"^([一二三四五六七八九十]{1,3})是")),
    ("cn_dun", re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、．]\s*")),
    ("ar_dot", re.compile(r"^(\d{1,3})\s*[.．](?!\d)\s*")),
    ("ar_dun", re.compile(r"^(\d{1,3})\s*、\s*")),
    ("circled", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    ("wenti", re.compile(r"^问题\s*(\d{1,3})\s*[:：]\s*")),  # 问题1:无依据发放各类津补贴。
    # 反馈问题一:关于“…”的问题。 between an aspect and its numbered problems: a sub-heading of the feedback
    ("feedback", re.compile(r"^(?:反馈|巡察|巡视)?问题\s*([一二三四五六七八九十]{1,3})\s*[:：]\s*")),
)
# A problem numbered on two levels at once (1.(1)…, 1.①…): the second number is no part of its title
_SECOND_NUMBER = re.compile(r"^(?:[（(]\s*\d{1,3}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*(?=\S)")
_CLOSING = re.compile(r"^(下一步|今后|欢迎|特此|联系方式|附件)|欢迎.{0,30}监督|联系电话|电子邮箱|邮政地址|举报电话")
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_MAX_HEADING = 80
# 问题1: / 问题一 alone on the numbered line: a placeholder, not a title
_PLACEHOLDER_TITLE = re.compile(r"(?:反馈问题|存在问题|具体问题|主要问题|问题描述|问题表现|问题)\s*"
                                r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})?\s*[:：]?")
# 1.问题：…, 1.问题1:… (the number again, as a placeholder: the title is the words after it)
_PROBLEM_FRAME = re.compile(r"^(?:反馈问题|存在问题|具体问题|主要问题|问题描述|问题表现|问题)\s*"
                            r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})?\s*[:：]\s*(?=\S)")
_LABEL_LINE = re.compile(r"^[（(【\[]?\s*(?:" + "|".join(_LABELS.values()) + r")\s*[:：]")
_STATUS_LABEL = re.compile(r"(整改状态|完成情况|整改进度|整改进展|进展情况)\s*[:：]\s*[^。；;，,:：\s]{1,12}")


@dataclass(frozen=True)
class Marker:
    kind: str
    number: int
    rest: str


def _placeholder(marker: Marker) -> bool:
    """1.问题1: / 问题1: with nothing after it: the numbered line names no problem, its title follows."""
    rest = marker.rest.strip()
    return marker.kind != "shi" and (not rest or bool(_PLACEHOLDER_TITLE.fullmatch(rest)))


def read_marker(paragraph: str) -> Marker | None:
    for kind, pattern in _MARKERS:
        match = pattern.match(paragraph)
        if match:
            token = match.group(1)
            number = ord(token) - ord("①") + 1 if kind == "circled" else cn_to_int(token)
            rest = paragraph if kind == "shi" else paragraph[match.end():]
            # (问题1: alone on its line: a problem whose title follows on the next one)
            if number and (kind in ("shi", "wenti") or rest):
                return Marker(kind, number, rest)
    return None


def is_heading(text: str) -> bool:
    """A heading line: short, and no sentence inside it (a full stop at the very end is allowed)."""
    return len(text) <= _MAX_HEADING and not _SENTENCE_END.search(text.rstrip("。"))


@dataclass
class AspectDraft:
    number: int
    title: str | None


@dataclass
class ProblemDraft:
    number_in_text: int | None  # None when the numbered title line was lost
    title: str | None
    aspect: int | None
    measures: list[str] = field(default_factory=list)
    description: str | None = None
    labels: dict = field(default_factory=dict)
    next_ordinal: int = 1
    title_only: bool = False  # the numbered line held the title only; measures came in paragraphs
    placeholder: str | None = None  # the numbered line held only 问题1: and the title follows on the next line
    answered: bool = False  # a labelled paragraph (整改情况:…) answers it: a plain line after the answer goes on

    @property
    def implicit(self) -> bool:
        return self.number_in_text is None


@dataclass
class Outline:
    aspects: list[AspectDraft] = field(default_factory=list)
    problems: list[ProblemDraft] = field(default_factory=list)
    narrative: list[str] = field(default_factory=list)  # paragraphs for the body, in order
    headings: set[str] = field(default_factory=set)  # which narrative paragraphs are section headings
    left_out: list[str] = field(default_factory=list)  # headings of the problem list itself
    list_at: int | None = None  # how many narrative paragraphs come before the problem list
    notes: list[str] = field(default_factory=list)


# A section about how the unit organised the work (一、整改工作基本情况 / 巡察整改工作组织领导情况) is
# narrative, whatever its numbering; a section that reports on the problems is not.
_WORK_SECTION = re.compile(r"组织领导|基本情况|组织情况|工作开展情况|开展情况|工作情况|主要做法|主要措施|工作成效")
# who organised it (一、党委及主要负责人组织整改落实情况): about the work even when it says 整改落实情况
_ORGANISING_SECTION = re.compile(r"组织(?:开展|推进|实施)?整改|整改(?:工作)?的?组织|主要负责人")
_LIST_SECTION = re.compile(r"反馈(意见|问题)|问题(的)?整改|整改(?:任务)?(落实|进展|完成|实施)情况|问题清单|存在的?问题"
                           r"|发现的?(?:主要)?问题")
# A problem's or aspect's title says what was wrong; a title none of which does (提高政治站位,增强行动自觉 /
# 加强组织领导,压实整改责任) numbers measures of the unit, and the text has no problem list.
# (推动…高质量发展还需持续发力, 力度有待加强: what is still to be done is what fell short)
_FAULT = re.compile(r"不|差距|缺|欠|弱|滞后|偏差|短板|没有|未|无|难|少|低|松|虚|慢|漏|乱|空|假|违|差|问题(?!导向)"
                    r"|还需|仍需|有待|亟待|尚需")
# What follows a problem's title tells more of the fault (对基层指导不到位, 力度有待加强), not what was done
_DETAIL = _FAULT
# Words with 不/无/问题 in them that say how the work is done, not what was wrong (不断强化, 不折不扣, 聚焦突出问题)
_NOT_A_FAULT = re.compile(r"不断|不折不扣|不懈|不移|不动摇|不松劲|不停步|不放松|不手软|不走样|不漏项|不拖延|不留死角|"
                          r"不反弹|毫不|决不|绝不|无缝|突出问题|反馈问题|巡察问题|巡视问题|问题整改|整改问题|问题清单|问题台账|"
                          r"发现的?问题|解决问题|查摆问题|共性问题|防止问题|问题反弹|解决[^，,。；;]{0,12}问题|"
                          r"补齐[^，,。；;]{0,4}短板(?:弱项)?|补短板|堵塞[^，,。；;]{0,4}漏洞|查漏补缺|急难愁盼|攻坚克难|"
                          r"不放过|不松懈|不缺位|不越位|无死角|举一反三")


# A heading that groups the problems by how far their rectification has got (已整改完成的问题, 正在推进整改的问题,
# 尚未完成整改的问题, 需长期坚持整改的问题) names no fault: the problems are under it, or the text gives only counts.
# (集中整改期内已完成(含基本完成)的整改事项: the time and the words in brackets too)
_BY_PROGRESS = re.compile(r"^(?:[^，,。；;]{0,10}?(?:期内|期间|以来|目前)[,，]?)?"
                          r"(?:已经?|尚未|未|正在|基本|持续|需(?:要)?长期)"
                          r"[\u4e00-\u9fa5]{0,8}?(?:整改|完成|推进|坚持|到位|落实)[\u4e00-\u9fa5()（）]{0,8}?"
                          r"的?(?:问题|整改事项|事项|整改任务|任务)(?:[（(][^()（）]{1,12}[)）])?[。.:：]?$")  # (30个)


def _faulty(text: str) -> bool:
    """Whether ``text`` says what was wrong (落实……不到位, 违规发放), once words of the work's manner are left out."""
    return not _BY_PROGRESS.match(text) and bool(_FAULT.search(_NOT_A_FAULT.sub("", text)))


names_a_fault = _faulty


def build_outline(paragraphs: list[str], declared_problems: int | None = None,
                  declared_aspects: int | None = None) -> Outline:
    """The outline of ``paragraphs``. A notice in traditional characters (巡察組, 問題, 組織領導情況) is read in
    simplified characters, character for character, and what the outline keeps is given back as the notice writes it."""
    readings = [simplified(p) for p in paragraphs]
    if readings == paragraphs:
        return _build_outline(paragraphs, declared_problems, declared_aspects)
    return _as_written(_build_outline(readings, declared_problems, declared_aspects), paragraphs, readings)


def _as_written(outline: Outline, paragraphs: list[str], readings: list[str]) -> Outline:
    whole = dict(zip(readings, paragraphs))
    read, written = "\n".join(readings), "\n".join(paragraphs)  # the same length, line for line

    def back(text: str | None) -> str | None:
        if text is None:
            return None
        if text in whole:
            return whole[text]
        out, at = [], 0
        while at < len(text):  # the longest run of the text found in the reading, as written there
            found, end = read.find(text[at]), at + 1
            if found < 0:
                out.append(text[at])
                at += 1
                continue
            while end < len(text) and (longer := read.find(text[at:end + 1])) >= 0:
                found, end = longer, end + 1
            out.append(written[found:found + end - at])
            at = end
        return "".join(out)

    def quoted(note: str) -> str:  # the quotations in a note, not its own words; a quotation may quote in turn
        out, depth, start = [], 0, 0  # (标题取自原文“关于“…”问题的整改情况”)
        for at, char in enumerate(note):
            if char == "“":
                if depth == 0:
                    out.append(note[start: at + 1])
                    start = at + 1
                depth += 1
            elif char == "”" and depth:
                depth -= 1
                if depth == 0:
                    out.append(back(note[start:at]) or "")
                    start = at
        out.append(note[start:])
        return "".join(out)

    for aspect in outline.aspects:
        aspect.title = back(aspect.title)
    for problem in outline.problems:
        problem.title, problem.description = back(problem.title), back(problem.description)
        problem.measures = [back(m) or m for m in problem.measures]
        for key in ("responsible_unit", "responsible_leader"):
            if isinstance(problem.labels.get(key), str):
                problem.labels[key] = back(problem.labels[key])
    outline.narrative = [whole.get(p, p) for p in outline.narrative]
    outline.headings = {whole.get(p, p) for p in outline.headings}
    outline.left_out = [whole.get(p, p) for p in outline.left_out]
    outline.notes = [quoted(note) for note in outline.notes]
    return outline


def _build_outline(paragraphs: list[str], declared_problems: int | None,
                   declared_aspects: int | None, pairs: bool = True) -> Outline:
    numbered = [read_marker(p) for p in paragraphs]
    markers, work_headings = _mask_work_sections(numbered)
    markers, list_headings = _mask_list_sections(markers)
    markers = _feedback_sub_headings(markers)
    if pairs:
        markers = _labelled_pairs(paragraphs, markers, numbered)
    markers = _unnumbered_titles(paragraphs, markers)
    markers = _first_sentence_titles(paragraphs, markers)
    depth = _nesting(markers)
    paired = any(m and m.kind == "pair" for m in markers)
    problem_kind = "pair" if paired else _problem_kind(markers, depth, declared_problems)
    if problem_kind is not None:
        walker = _Walker(paragraphs, markers, depth, problem_kind)
        walker.aspect_offset = _sections_before_the_aspects(paragraphs, markers, walker.aspect_kinds, work_headings)
        walker.outline.headings |= {paragraphs[i] for i in list_headings}
        outline = walker.walk()
        answered = _answered(paragraphs, markers, problem_kind) and any(
            _faulty(p.title or "") or _faulty(_GOVERNED_PROBLEM.sub("", p.description or "")) for p in outline.problems)
        if paired and not _names_faults(outline):
            # 反馈问题:共15个。 / 整改情况:已整改14个: pairs whose titles name no fault are no problem list
            return _build_outline(paragraphs, declared_problems, declared_aspects, pairs=False)
        if paired or answered or _names_faults(outline, declared_problems) \
                or _under_a_problems_heading(outline, paragraphs, markers, list_headings):
            _settle_aspects(outline, declared_aspects)
            outline.headings |= {paragraphs[i] for i in work_headings}
            return outline
    outline = Outline(narrative=list(paragraphs))
    outline.headings = {p for p, m in zip(paragraphs, (read_marker(p) for p in paragraphs))
                        if m and m.kind == "cn_dun" and is_heading(m.rest)}
    outline.headings |= {paragraphs[i] for i in work_headings}
    return outline


def _sections_before_the_aspects(paragraphs: list[str], markers: list[Marker | None], aspect_kinds: set[str],
                                 work_headings: set[int]) -> int:
    """一、整改工作组织领导情况 / 二、政治建设方面存在的问题 / 三、…: the aspects go on with the numbers of the sections
    about the work before them; how many to take off so that the aspects are numbered from 1."""
    first = next((i for i, m in enumerate(markers) if m and m.kind in aspect_kinds and is_heading(m.rest)), None)
    if first is None or "cn_dun" not in aspect_kinds:
        return 0
    number = markers[first].number  # type: ignore[union-attr]
    before = [i for i in work_headings if i < first]
    return len(before) if number > 1 and len(before) == number - 1 else 0


def _mask_work_sections(markers: list[Marker | None]) -> tuple[list[Marker | None], set[int]]:
    """Markers inside a 一、 section about the work (not about the problems) are not numbering of the list."""
    inside = _inside_work_sections(markers)
    headings = {i for i in inside if (m := markers[i]) is not None and m.kind == "cn_dun" and is_heading(m.rest)}
    return [None if i in inside else m for i, m in enumerate(markers)], headings


def _inside_work_sections(markers: list[Marker | None]) -> set[int]:
    """The paragraphs under a 一、 heading about the work (一、整改工作开展情况; its heading too)."""
    inside: set[int] = set()
    in_work = False
    for index, marker in enumerate(markers):
        if marker and marker.kind == "cn_dun" and is_heading(marker.rest):
            in_work = bool(_ORGANISING_SECTION.search(marker.rest) and not _faulty(marker.rest)) or (
                bool(_WORK_SECTION.search(marker.rest)) and not _LIST_SECTION.search(marker.rest))
        if in_work:
            inside.add(index)
    return inside


def _mask_list_sections(markers: list[Marker | None]) -> tuple[list[Marker | None], set[int]]:
    """二、问题整改落实情况 heads the problem list: when numbered items follow it, the 一、 二、 三、 are the
    notice's sections (kind ``section``), not aspects; the aspects and problems are the levels under them."""
    sections = {i for i, m in enumerate(markers)  # 一、政治建设方面存在的问题 names an aspect, not a section
                if m and m.kind == "cn_dun" and is_heading(m.rest) and _LIST_SECTION.search(m.rest)
                and not _ASPECT_HEADING.search(m.rest) and not _ONE_PROBLEM.match(m.rest)}
    inner = any(m and m.kind not in ("cn_dun", "shi") for i, m in enumerate(markers) if sections and i > min(sections))
    if not inner:
        return markers, set()
    return [Marker("section", m.number, m.rest) if m and m.kind == "cn_dun" else m for m in markers], sections


# 一、关于“…不够深入”问题的整改情况: the heading quotes one problem (its measures are numbered under it), it is no
# section of the notice
_ONE_PROBLEM = re.compile(r"^关于[“\"「『][^”\"」』]+[”\"」』]的?问题(?:的?整改(?:情况|落实情况|进展情况)?)?[。:：]?$")


_NUMBERED_BELOW = ("ar_dot", "ar_dun", "ar_paren", "circled", "wenti")


def _feedback_sub_headings(markers: list[Marker | None]) -> list[Marker | None]:
    """反馈问题一:关于“…”的问题。 followed by 1.… 2.…: the feedback item heads numbered problems (kind ``subhead``,
    outside the nesting); without numbered items under it, 问题一:… is a problem's own numbering."""
    def heads_numbered(index: int) -> bool:
        following = next((m for m in markers[index + 1:] if m and m.kind != "shi"), None)
        return following is not None and following.kind in _NUMBERED_BELOW

    if not any(m and m.kind == "feedback" and heads_numbered(i) for i, m in enumerate(markers)):
        return markers
    return [Marker("subhead", m.number, m.rest) if m and m.kind == "feedback" else m for m in markers]


# The paragraph under a problem's title that reports what was done: 整改情况:… / 整改措施:一是… / 一是…
_MEASURES_START = re.compile(rf"^{ANSWER_WORDS}\s*[:：]|^一是")
# The label of a paragraph that reports what was done about the problem just above it (整改情况:… / 整改成效:… / 整改:…;
# 【整改】…, 【整改情况】:…: the label in brackets, its colon optional)
_MEASURES_LABEL = re.compile(rf"^(?:[【\[〔]\s*{ANSWER_WORDS}\s*[】\]〕]\s*[:：]?|{ANSWER_WORDS}\s*[:：])\s*")
# 反馈问题:… / 问题:… / 【问题】… without a number: the problem, when a 整改情况:… / 整改:… paragraph answers it
_PROBLEM_WORDS = r"(?:(?:巡察|巡视)?反馈的?问题|存在的?问题|主要问题|具体问题|问题描述|问题表现|问题)"
_PAIR_PROBLEM = re.compile(rf"^(?:[【\[〔]\s*{_PROBLEM_WORDS}\s*[】\]〕]\s*[:：]?|{_PROBLEM_WORDS}\s*[:：])"
                           r"\s*(?=\S)")
# 反馈问题:理论学习不深入。整改情况:… : the answer in the same paragraph, after the problem's sentence
_INLINE_ANSWER = re.compile(rf"(?<=[。；;！!])\s*(?:[【\[〔]\s*{ANSWER_WORDS}\s*[】\]〕]\s*[:：]?"
                            rf"|{ANSWER_WORDS}\s*[:：])")
_MIN_PAIRS = 2
# 针对理论学习不深入的问题, 反思存在的…等问题: a clause that names the problem a measure answers tells no fault of
# the item's own
_GOVERNED_PROBLEM = re.compile(r"(?:针对|对照|反思|聚焦|围绕|关于|就)[^。；;，,]{0,40}?问题")
# (一)政治站位不高的问题: the frame 的问题 is no part of a title that names the fault itself
_FRAMED_TITLE = re.compile(r"(?:关于(.{2,}?)的?|(.{2,}?)的)问题")  # (关于财务管理不规范问题 too)
_GOVERNED = re.compile(r"解决|整改|纠正|纠治|处理|查处|治理|关于|对于|针对|存在")
# A unit's name over its problems (一、木垒县东城镇党委): it groups the problems by unit, it is no aspect
_PARTY_BODY = re.compile(r"党委|党组|党工委|党支部|党总支|委员会")
_UNIT_NAME = re.compile(r"(?:党委|党组|党工委|党支部|党总支|总支部|支部|委员会)$")


def _labelled_pairs(paragraphs: list[str], markers: list[Marker | None],
                    numbered: list[Marker | None]) -> list[Marker | None]:
    """反馈问题:人才振兴问题突出。… / 整改情况:… and 问题:… / 整改:…, with no numbers: each labelled problem that a
    labelled answer follows is a problem (kind ``pair``, numbered by order). The heading over a group of them
    (一、木垒县东城镇党委, or a unit's headline 某某局党委:聚焦问题抓整改…) is a section, not an aspect, unless it
    is numbered and names a fault or a 方面. Not inside a section about the work (一、整改工作开展情况), and not
    when each pair follows a numbered item ((一)理论学习不深入 / 存在问题:… / 整改措施:…: the item is the problem,
    the 存在问题 line its description, the answer its measures)."""
    def answered(index: int) -> bool:
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        return bool(_MEASURES_LABEL.match(following) or _INLINE_ANSWER.search(paragraphs[index]))

    def after_an_item(index: int) -> bool:  # (a numbered unit's name, 一、东城镇党委, is the heading of a group)
        before = numbered[index - 1] if index > 0 else None
        return before is not None and before.kind != "shi" and not _UNIT_NAME.search(before.rest.rstrip("：:。 "))

    inside_work = _inside_work_sections(numbered)
    pairs = [i for i, p in enumerate(paragraphs) if markers[i] is None and i not in inside_work
             and _PAIR_PROBLEM.match(p) and answered(i)]
    if len(pairs) < _MIN_PAIRS or all(after_an_item(i) for i in pairs):
        return markers
    marked = list(markers)
    for count, index in enumerate(pairs, start=1):
        label = _PAIR_PROBLEM.match(paragraphs[index])
        marked[index] = Marker("pair", count, paragraphs[index][label.end():] if label else paragraphs[index])
        before = index - 1
        if before < 0 or before - 1 in pairs:
            continue
        heading, marker = paragraphs[before], markers[before]
        if marker is not None:
            if marker.kind == "shi" or not is_heading(marker.rest):
                continue
            if (_faulty(marker.rest) or _ASPECT_HEADING.search(marker.rest)) and not _UNIT_NAME.search(marker.rest):
                continue
            marked[before] = Marker("section", marker.number, marker.rest)
        elif len(heading) <= _MAX_HEADING and is_heading(heading) and not heading.endswith("。") \
                and not _CLOSING.search(heading) and not _LABEL_LINE.match(heading) \
                and not _MEASURES_LABEL.match(heading) and not take_labels(heading)[1] \
                and (count == 1 or _PARTY_BODY.search(heading)):
            # (after an answer, a line naming no party body goes on with the answer: 开展专题学习6次,…提升)
            marked[before] = Marker("section", 0, heading)
    return marked


def _answered(paragraphs: list[str], markers: list[Marker | None], kind: str) -> bool:
    """1、政治理论学习表面化。一是… / 整改成效:一是…: every numbered item of ``kind`` is answered by a labelled
    paragraph of what was done, so the items are the problems the inspection found, even where their titles use no
    word of a fault (the details that follow them do)."""
    items = [i for i, m in enumerate(markers) if m and m.kind == kind]
    return bool(items) and all(_answer_at(paragraphs, markers, i) is not None
                               and not _MEASURES_LABEL.match(markers[i].rest) for i in items)  # type: ignore[union-attr]


_MAX_DETAILS = 6


def _answer_at(paragraphs: list[str], markers: list[Marker | None], index: int) -> int | None:
    """Where the labelled answer (整改成效:…) to the item at ``index`` is: the next paragraph, or one after a few
    paragraphs of the feedback's details (一是… / 二是… on lines of their own), before any other numbered item."""
    for at in range(index + 1, min(len(paragraphs), index + 2 + _MAX_DETAILS)):
        label = _MEASURES_LABEL.match(paragraphs[at])
        if label and at > index + 1 and status_word(paragraphs[at][label.end():].strip()):
            return None  # 1.…。 / 一是… / 整改情况:已完成: the lines between were the measures, this their status
        if label:
            return at
        marker = markers[at]
        if (marker is not None and marker.kind != "shi") or _CLOSING.search(paragraphs[at]) \
                or is_signature(paragraphs[at]):
            return None
    return None


def _unnumbered_titles(paragraphs: list[str], markers: list[Marker | None]) -> list[Marker | None]:
    """(一)方面标题。 / 问题标题。 / 整改情况:一是…: a short line without a number between a numbered heading
    and the measures titles a problem (kind ``bare``, one level under that heading). Once a notice writes
    its problems so, every such line up to the next numbered heading does."""
    def titles_at(index: int) -> bool:
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        line = paragraphs[index]
        before = markers[index - 1] if index > 0 else None
        if before is not None and _placeholder(before):
            return False  # 1.问题1: / 预算执行进度偏慢。: the title of the numbered problem, not one of its own
        return (markers[index] is None and len(line) <= 40 and is_heading(line) and not re.search("[:：]", line)
                and not _CLOSING.search(line)
                and not _MEASURES_START.search(line) and bool(_MEASURES_START.search(following)))

    first = next((i + 1 for i, m in enumerate(markers[:-1]) if m and m.kind not in ("shi", "section", "subhead")
                  and is_heading(m.rest) and titles_at(i + 1)), None)
    if first is None:
        return markers
    marked = list(markers)
    for index in range(first, len(paragraphs)):
        if markers[index] and markers[index].kind == "section":  # type: ignore[union-attr]
            break
        if titles_at(index):
            marked[index] = Marker("bare", index, paragraphs[index])
    return marked


_MAX_FIRST_SENTENCE = 40


def _first_sentence_titles(paragraphs: list[str], markers: list[Marker | None]) -> list[Marker | None]:
    """(一)在…存在差距方面 / 组织建设滞后。2025年9月,召开… / 统筹…有欠缺。…: under 方面 headings with no numbered
    problems, each paragraph that opens with a short sentence naming a fault is a problem (kind ``bare``): that
    sentence is its title, the rest what was done. Only when the first paragraph under every such heading opens so."""
    kinds = {m.kind for m in markers if m and m.kind not in ("shi", "section", "subhead", "bare")}
    headed = [k for k in kinds if _mostly_aspect_headings(markers, k)]
    if len(headed) != 1 or len(kinds) != 1:
        return markers

    def titled(index: int) -> bool:
        paragraph = paragraphs[index]
        first = _SENTENCE_END.split(paragraph, maxsplit=1)[0]
        return (markers[index] is None and len(first) < len(paragraph) and len(first) <= _MAX_FIRST_SENTENCE
                and not re.search("[:：]", first) and not _CLOSING.search(paragraph) and not is_signature(paragraph)
                and _faulty(first))

    headings = [i for i, m in enumerate(markers) if m and m.kind == headed[0] and is_heading(m.rest)]
    if not headings or not all(i + 1 < len(paragraphs) and titled(i + 1) for i in headings):
        return markers
    marked = list(markers)
    for index in range(headings[0] + 1, len(paragraphs)):
        if _CLOSING.search(paragraphs[index]) or is_signature(paragraphs[index]):
            break
        if titled(index):  # not a paragraph that goes on with what was done
            marked[index] = Marker("bare", index, paragraphs[index])
    return marked


# A section heading that says the items under it are the inspection's problems (二、巡察反馈问题的整改情况), not only
# that it reports on the rectification (二、整改落实情况, which a unit may fill with its own measures).
_PROBLEMS_SECTION = re.compile(r"反馈(?:意见|问题)|问题(?:的)?整改|问题清单|发现的?(?:主要)?问题|存在的?问题")


def _under_a_problems_heading(outline: Outline, paragraphs: list[str], markers: list[Marker | None],
                              list_headings: set[int]) -> bool:
    """二、巡察反馈问题的整改情况 / (一)聚焦……工作要求方面 / 1.学懂弄通做实……: under a heading that names the problems,
    方面 headings over numbered items are the problem list even where no title names a fault in words."""
    named = any(_PROBLEMS_SECTION.search(paragraphs[i]) for i in list_headings)
    aspects = [m for m in markers
               if m and m.kind not in ("section", "shi", "subhead") and _ASPECT_HEADING.search(m.rest)]
    return named and bool(outline.problems) and len(aspects) >= len(outline.aspects) > 0


def _names_faults(outline: Outline, declared: int | None = None) -> bool:
    """Whether the titles read as problems (or, with none, as aspects) say what was wrong. At least half of them
    must: a list of goals and measures (深化思想认识,坚定整改决心 / 在…上下功夫 / 锲而不舍纠治“四风”) may have a word
    of a fault in a title or two, and is no problem list. Problems titled by their measures (强化理论学习 /
    杜绝违规开支招待用酒现象), as many as the text says it was given (反馈的28个问题), are the list all the same."""
    titles = [p.title for p in outline.problems if p.title] or [a.title for a in outline.aspects if a.title]
    if not titles:
        return True
    faults = sum(_faulty(t) for t in titles)  # (政治建设方面 names neither a fault nor a goal: problems' titles count)
    return faults * 2 >= len(titles) or (faults > 0 and len(outline.problems) == declared)


# ---------------------------------------------------------------------------------------------
# which scheme is which

def _nesting(markers: list[Marker | None]) -> dict[str, int]:
    """Depth of each numbering scheme, from the order they open and close (like an outline)."""
    depth: dict[str, int] = {}
    stack: list[str] = []
    for marker in markers:
        if marker is None or marker.kind in ("shi", "section", "subhead"):
            continue
        if marker.kind in stack:
            del stack[stack.index(marker.kind) + 1:]
        else:
            stack.append(marker.kind)
            depth.setdefault(marker.kind, len(stack) - 1)
    return depth


def _problem_kind(markers: list[Marker | None], depth: dict[str, int], declared: int | None) -> str | None:
    if not depth:
        return None
    counts = {kind: sum(1 for m in markers if m and m.kind == kind) for kind in depth}
    under_aspects = _kind_under_aspect_headings(markers, depth)
    if under_aspects:
        return under_aspects
    carrying = {kind: _items_with_measures(markers, kind) for kind in depth}
    if declared:
        exact = [kind for kind in depth if counts[kind] == declared]
        if exact:
            return max(exact, key=lambda k: (carrying[k], depth[k]))
    with_measures = [kind for kind in depth if carrying[kind]]
    if with_measures:
        return _under_the_aspects(markers, depth, max(with_measures, key=lambda k: (carrying[k], depth[k])))
    return _under_the_aspects(markers, depth, _problem_kind_by_shape(markers, depth, counts))


def _under_the_aspects(markers: list[Marker | None], depth: dict[str, int], kind: str) -> str:
    """(一)aspect。 / 1.problem。 / (1)关于…的问题。一是…: with two levels of title lines over it, the scheme that
    carries the measures numbers the items of a problem; the problems are the level right under the aspects."""
    if depth[kind] < 2:
        return kind
    above = [k for k, d in depth.items() if d == depth[kind] - 1]
    top = [k for k, d in depth.items() if d == depth[kind] - 2]
    if above and top and _mostly_titles(markers, above[0]) and _mostly_titles(markers, top[0]):
        return above[0]
    return kind


def _mostly_titles(markers: list[Marker | None], kind: str) -> bool:
    items = [m for m in markers if m and m.kind == kind]
    titles = sum(is_heading(m.rest) and not re.search(r"[一二]是", m.rest) for m in items)
    return bool(items) and titles * 2 > len(items)


_ASPECT_HEADING = re.compile(r"^在?[“\"「『].+[”\"」』]方面|方面(?:存在)?的?(?:问题)?[:：]?$")


def _kind_under_aspect_headings(markers: list[Marker | None], depth: dict[str, int]) -> str | None:
    """(一)在“…”方面 › 1.关于“…”问题 › (1)…: the scheme one level under 方面 headings numbers the problems;
    under two levels of 方面 headings ((一)关于…方面 › 1.关于“…”方面 › 问题1:…), the scheme under the second."""
    for kind, level in sorted(depth.items(), key=lambda item: item[1]):
        if _mostly_aspect_headings(markers, kind):
            deeper = [k for k, d in depth.items() if d == level + 1]
            if deeper and _mostly_aspect_headings(markers, deeper[0]):
                deepest = [k for k, d in depth.items() if d == level + 2]
                if deepest:
                    return deepest[0]
            return deeper[0] if deeper else None
    return None


def _mostly_aspect_headings(markers: list[Marker | None], kind: str) -> bool:
    items = [m for m in markers if m and m.kind == kind]
    return bool(items) and sum(bool(_ASPECT_HEADING.search(m.rest)) for m in items) * 2 > len(items)


def _items_with_measures(markers: list[Marker | None], kind: str) -> int:
    """Items of ``kind`` that hold 一是… or are followed by a 一是 paragraph."""
    total = 0
    for index, marker in enumerate(markers):
        if marker is None or marker.kind != kind:
            continue
        following = markers[index + 1] if index + 1 < len(markers) else None
        if re.search(r"[一二]是", marker.rest) or (following is not None and following.kind == "shi"):
            total += 1
    return total


# The verbs a measure opens with (开展全面排查…, 建立动态管理机制…)
_ACTION = re.compile(r"^(?:开展|建立|健全|完善|制定|修订|修改|加强|强化|召开|组织|落实|严格|推进|实行|实施|清退|清理|"
                     r"规范|印发|出台|举办|深化|压实|明确|细化|督促|对照|坚持|全面|认真|及时|立即)")


def _problem_kind_by_shape(markers: list[Marker | None], depth: dict[str, int], counts: dict[str, int]) -> str:
    """No 一是 anywhere: numbered sentences under numbered titles are measures under problems."""
    deepest = max(depth, key=lambda kind: depth[kind])
    parents = [kind for kind in depth if depth[kind] == depth[deepest] - 1]
    if parents:
        parent = parents[0]
        deep_items = [m for m in markers if m and m.kind == deepest]
        parent_items = [m for m in markers if m and m.kind == parent]
        sentences = sum(1 for m in deep_items if not is_heading(m.rest))
        titles = sum(1 for m in parent_items if is_heading(m.rest))
        # 1.为民服务意识不强。对…不到位: sentences that open by naming a fault are problems with their details
        faults = sum(1 for m in deep_items if _faulty(split_title(m.rest)[0] or ""))
        if sentences * 2 >= len(deep_items) and titles * 2 >= len(parent_items) and counts[deepest] > counts[parent] \
                and faults * 2 <= len(deep_items):
            return parent
        # (一)社会救助资金发放不精准 / 1.开展全面排查… 2.建立动态管理机制…: titles naming faults over numbered actions
        named = sum(1 for m in parent_items if _faulty(m.rest))
        actions = sum(1 for m in deep_items if _ACTION.match(m.rest))
        if named * 2 > len(parent_items) and actions * 2 > len(deep_items) and counts[deepest] >= counts[parent]:
            return parent
    return deepest


# ---------------------------------------------------------------------------------------------
# walking the paragraphs

class _Walker:
    def __init__(self, paragraphs, markers, depth, problem_kind):
        self.paragraphs = paragraphs
        self.markers = markers
        self.depth = depth
        self.problem_kind = problem_kind
        self.problem_depth = depth[problem_kind]
        self.aspect_kinds = {k for k, d in depth.items() if d == self.problem_depth - 1}
        # two levels of 方面 headings over the problems: the upper ones are the aspects, the lower ones sub-headings
        self.sub_kinds: set[str] = set()
        upper = {k for k, d in depth.items() if d == self.problem_depth - 2}
        if upper and any(_mostly_aspect_headings(markers, k) for k in upper) \
                and any(_mostly_aspect_headings(markers, k) for k in self.aspect_kinds):
            self.sub_kinds, self.aspect_kinds = self.aspect_kinds, upper
        self.outline = Outline()
        self.aspect_offset = 0  # 二、 is the first aspect after one section about the work: aspect 1
        self.in_list = False
        self.aspect: int | None = None
        self.current: ProblemDraft | None = None
        self.pending_sub_heading: str | None = None
        self.details_until: int | None = None  # the feedback's details run up to this paragraph (its answer)

    def walk(self) -> Outline:
        for index, (paragraph, marker) in enumerate(zip(self.paragraphs, self.markers)):
            self._step(index, paragraph, marker)
        self._sub_heading(None)
        return self.outline

    def _sub_heading(self, paragraph: str | None) -> None:
        """A sub-heading under an aspect waits for the problem it heads; one no problem follows is reported."""
        if self.pending_sub_heading:
            self.outline.notes.append(f"方面下的小标题“{self.pending_sub_heading}”之下没有找到问题（原文可能不完整）："
                                      "没有写入草稿，请编辑处理")
        self.current = None
        self.pending_sub_heading = paragraph

    def _step(self, index: int, paragraph: str, marker: Marker | None) -> None:
        if self.details_until is not None and index < self.details_until and self.current is not None:
            # between a problem and its answer: 存在问题:… and 一是… lines that state a fault tell the feedback;
            # label lines (整改时限:…, 责任领导:…) and 一是… measures are read as they are everywhere else
            label = _PAIR_PROBLEM.match(paragraph)
            if label or (marker is not None and marker.kind == "shi" and _faulty(paragraph)):
                self.current.description = _join(self.current.description,
                                                 paragraph[label.end():] if label else paragraph)
                return
        else:
            self.details_until = None
        if marker and marker.kind in ("cn_dun", "section") and _CLOSING.search(marker.rest):
            # 三、下一步工作打算 closes the list, whatever its level
            marker = Marker("section", marker.number, marker.rest)
        if marker and marker.kind == "section":
            self._sub_heading(None)
            self._end_list()
            self.aspect = None
            self.outline.narrative.append(paragraph)
            if is_heading(marker.rest):
                self.outline.headings.add(paragraph)
        elif marker and marker.kind in self.aspect_kinds and is_heading(marker.rest) and self._opens_list(index):
            self._start_aspect(marker)
        elif marker and (marker.kind in self.sub_kinds and is_heading(marker.rest) or marker.kind == "subhead") \
                and self.in_list:
            self._sub_heading(paragraph)
        elif marker and marker.kind == self.problem_kind and (self.in_list or not self.outline.aspects):
            self._start_problem(marker, index)
        elif not self.in_list:
            self._narrative(paragraph, marker)
        elif marker and marker.kind == "shi":
            self._measure_paragraph(paragraph, marker)
        elif marker and self.depth.get(marker.kind, -1) > self.problem_depth and self.current:
            self._add_measures(self.current, [marker.rest])
        elif marker or _CLOSING.search(paragraph) or is_signature(paragraph):
            self._end_list()
            self._narrative(paragraph, marker)
        else:
            self._plain_paragraph(paragraph)

    def _opens_list(self, index: int) -> bool:
        following = self.markers[index + 1] if index + 1 < len(self.markers) else None
        return following is not None and (following.kind in (self.problem_kind, "shi", "subhead", *self.sub_kinds))

    def _start_aspect(self, marker: Marker) -> None:
        self._sub_heading(None)
        if not self.in_list:
            self._leave_out_section_heading()
        self._enter_list()
        if _BY_PROGRESS.match(marker.rest.strip()):
            # (一)集中整改期内已完成的整改事项: the problems under it grouped by how far they got, in no aspect
            self.aspect, self.current = None, None
            self.outline.notes.append(f"“{marker.rest.strip()}”按整改进度给问题分组，不是方面：其下的问题没有写入方面"
                                      "（aspect），请核对")
            return
        number = marker.number - self.aspect_offset if marker.kind == "cn_dun" else marker.number
        if number != marker.number and not self.outline.aspects:
            self.outline.notes.append(f"方面接着前面讲整改工作的{self.aspect_offset}个章节编号（第一个方面是原文的"
                                      f"“{ordinal(marker.number)}、”）：草稿中的方面从 1 起编号，请核对")
        self.aspect = number
        self.current = None
        if any(a.number == number for a in self.outline.aspects):
            self.outline.notes.append(f"方面序号（{number}）重复出现，请核对方面的划分")
        title = clean_heading(marker.rest)
        if title != marker.rest.rstrip("。：:").strip():  # the frame taken off is in the report, not lost
            self.outline.notes.append(f"第{number}个方面的标题“{title}”取自原文“{marker.rest.strip()}”，请核对")
        self.outline.aspects.append(AspectDraft(number, title or None))

    def _leave_out_section_heading(self) -> None:
        """The heading over the problem list (二、…) is replaced by the list on the page."""
        narrative = self.outline.narrative
        if narrative and narrative[-1] in self.outline.headings:
            self.outline.left_out.append(narrative.pop())

    def _enter_list(self) -> None:
        self.in_list = True
        if self.outline.list_at is None:
            self.outline.list_at = len(self.outline.narrative)

    def _start_problem(self, marker: Marker, index: int) -> None:
        if not self.in_list and not self.outline.aspects:
            self._leave_out_section_heading()
        self._enter_list()
        written = marker.rest
        second = _SECOND_NUMBER.match(written)  # 1.(1)巡察整改责任未扛牢: the problem's number written twice
        if second:
            written = written[second.end():]
        framed = _PROBLEM_FRAME.match(written)  # 1.问题：落实“第一议题”制度不到位。
        title, rest = split_title(written[framed.end():] if framed else written)
        awaiting = _placeholder(Marker(marker.kind, marker.number, written))  # 1.问题1: / 问题1: (title: next line)
        if awaiting:
            title, rest = None, ""
        framed_title = _FRAMED_TITLE.fullmatch(title or "")
        fault = framed_title and (framed_title.group(1) or framed_title.group(2))
        if framed_title and fault and fault.endswith(("等", "方面")):
            # 关于…、…等问题, …不到位等方面的问题, …等的问题: 问题 is what 等 and 方面 stand for; only 关于 goes
            title = title[2:] if title and title.startswith("关于") else title
        elif framed_title and fault and _faulty(fault) and not _GOVERNED.search(fault):
            # (一)政治站位不高的问题 → 政治站位不高, 关于财务管理不规范的问题 → 财务管理不规范 (着力解决…不够的问题
            # keeps it: 问题 is what is solved)
            title = fault
        problem = ProblemDraft(number_in_text=marker.number, title=title, aspect=self.aspect)
        # (问题1: alone is a marker of its own, with nothing after it)
        problem.placeholder = (written.strip() or f"问题{marker.number}：") if awaiting else None
        self.outline.problems.append(problem)
        if second and title:
            self.outline.notes.append(f"第{len(self.outline.problems)}个问题的编号之后还有一级编号"
                                      f"“{second.group(0).strip()}”：标题没有保留它，请核对")
        if self.pending_sub_heading:
            number, heading = len(self.outline.problems), self.pending_sub_heading
            self.outline.notes.append(f"第{number}个问题在方面下的小标题“{heading}”之下：草稿的方面只有一级，"
                                      "小标题没有写入 aspects，请编辑决定是否写入问题说明（description）")
            self.pending_sub_heading = None
        if title and not written.startswith(title):  # 关于“…”问题 → the words inside the quotes
            heading = written[: len(written) - len(rest)].strip()
            self.outline.notes.append(f"第{len(self.outline.problems)}个问题的标题取自原文“{heading}”，请核对")
        elif title and rest and not _MEASURES_START.search(rest) and not re.match(r"[一二]是", rest) \
                and _DETAIL.search(re.split(r"[。；;]", rest)[0]):
            # 1.服务意识不强。对基层指导不到位…: what follows the title may be the problem's details, not measures
            heading = written[: len(written) - len(rest)].strip()
            self.outline.notes.append(f"第{len(self.outline.problems)}个问题的标题取自这一条的第一句“{heading}”，"
                                      "其后的文字写入了措施（measures）；如是问题的具体表现，请移入问题说明（description）")
        if framed_title and title != framed_title.group(0):
            dropped = "“关于”" if framed_title.group(0) == f"关于{title}" else "“关于”“的问题”"
            self.outline.notes.append(f"第{len(self.outline.problems)}个问题的标题“{title}”取自原文“{framed_title.group(0)}”"
                                      f"（去掉了{dropped}），请核对")
        self.current = problem
        answer = _answer_at(self.paragraphs, self.markers, index)
        following = self.paragraphs[answer] if answer is not None else ""
        problem.answered = answer is not None
        if answer is not None and answer > index + 1 and title:
            self.details_until = answer  # 1、…表面化。 / 一是… / 二是… / 整改成效:…: the lines between are details
        inline = _INLINE_ANSWER.search(rest) if marker.kind == "pair" else None
        if title and inline:  # 反馈问题:X。细节。整改情况:Y: the details, then what was done
            details, rest = rest[: inline.start()].strip(), rest[inline.start():].strip()
            if details:
                problem.description = details
                self.outline.notes.append(f"第{len(self.outline.problems)}个问题标题之后、“{inline.group(0).strip()}”"
                                          "之前的文字写入了问题说明（description），请核对")
        if title and _MEASURES_LABEL.match(following) and not _MEASURES_LABEL.match(rest):
            # 反馈问题:人才振兴问题突出。镇党委对… / 整改情况:…: the rest of the line tells the problem, the answer
            # below tells what was done
            label = _MEASURES_LABEL.match(following).group(0).strip()  # type: ignore[union-attr]
            if rest:
                problem.description, rest = rest, ""
                self.outline.notes.append(f"第{len(self.outline.problems)}个问题标题之后的文字写入了问题说明（description），"
                                          f"下一段“{label}”之后的文字写入了措施（measures），请核对")
            else:
                self.outline.notes.append(f"第{len(self.outline.problems)}个问题的措施取自下一段“{label}”之后的文字，请核对")
        if rest:
            self._fill(problem, rest)
        problem.title_only = not rest

    def _measure_paragraph(self, paragraph: str, marker: Marker) -> None:
        current = self.current
        if current is None or (marker.number == 1 and current.measures):
            current = self._implicit_problem()
        elif current.measures and marker.number != current.next_ordinal:
            self.outline.notes.append(
                f"第{len(self.outline.problems)}个问题的措施序号不连续（此段以“{paragraph[:6]}…”开头），已并入该问题，请核对")
        self._fill(current, paragraph)

    def _plain_paragraph(self, paragraph: str) -> None:
        current = self.current
        if current is not None and current.placeholder and not current.measures and not current.title \
                and not _MEASURES_START.search(paragraph) and not _LABEL_LINE.match(paragraph):
            title, rest = split_title(paragraph)  # 1.问题1: / 截至本轮巡视进驻,…未完成整改。: the title follows
            if title:
                current.title = title
                first = paragraph[: len(paragraph) - len(rest)].strip()
                self.outline.notes.append(f"第{len(self.outline.problems)}个问题的编号行只写了“{current.placeholder}”："
                                          f"标题取自下一段的第一句“{first}”，请核对")
                current.placeholder = None
                if rest:
                    self._fill(current, rest)
                current.title_only = not rest
                return
        if current is not None and current.measures and paragraph and (
                not take_labels(paragraph)[0].strip() or _LABEL_LINE.match(paragraph)):  # 完成时限：长期坚持 too
            self._fill(current, paragraph)  # 完成情况:已完成 after the measures: the problem's label, not a new problem
            return
        if current is not None and current.measures and not current.implicit and (
                _MEASURES_LABEL.match(paragraph) or current.answered):
            # 整改措施:… / 整改成效:…: a second answer to the same problem; 整改情况:… / 开展专题学习6次,…: one
            # more measure
            current.measures.append(paragraph)
            return
        if current is None or (current.measures and (current.title_only or current.implicit)):
            current = self._implicit_problem()
        elif current.measures:
            current.measures[-1] += paragraph
            self.outline.notes.append(
                f"第{len(self.outline.problems)}个问题中有一段没有序号的文字（“{paragraph[:12]}…”），已并入其最后一条措施，请核对")
            return
        self._fill(current, paragraph)

    def _implicit_problem(self) -> ProblemDraft:
        problem = ProblemDraft(number_in_text=None, title=None, aspect=self.aspect)
        self.outline.problems.append(problem)
        self.current = problem
        return problem

    def _fill(self, problem: ProblemDraft, text: str) -> None:
        before = text
        text, labels, notes = take_labels(text)
        for key, value in labels.items():
            problem.labels.setdefault(key, value)
        number = len(self.outline.problems)
        stated = _STATUS_LABEL.search(before)
        if "status" in labels and stated and labels["status"] != re.split(r"[:：]\s*", stated.group(0), maxsplit=1)[1]:
            notes.append(f"原文“{stated.group(0)}”写为 status: {labels['status']}，请核对")
        self.outline.notes.extend(f"第{number}个问题：{note}" for note in notes)
        split = split_measures(text, expected=problem.next_ordinal if problem.measures else 1)
        if split.preface:
            if problem.measures:
                problem.measures[-1] += split.preface
            elif split.items:
                problem.description = _join(problem.description, split.preface)
                self.outline.notes.append(f"第{number}个问题：措施前的文字“{split.preface[:20]}…”"
                                          "填入了 description，请核对")
            else:
                problem.measures.append(split.preface)
        self._add_measures(problem, split.items)
        if split.items:
            problem.next_ordinal = split.next_ordinal
        self.outline.notes.extend(f"第{number}个问题：{note}" for note in split.notes)

    def _add_measures(self, problem: ProblemDraft, items: list[str]) -> None:
        problem.measures.extend(item for item in items if item)

    def _end_list(self) -> None:
        self.in_list = False
        self.current = None

    def _narrative(self, paragraph: str, marker: Marker | None) -> None:
        self.outline.narrative.append(paragraph)
        if marker and marker.kind != "shi" and self.depth.get(marker.kind) == 0 and is_heading(marker.rest):
            self.outline.headings.add(paragraph)


_HEADING_WRAPPERS = (
    re.compile(r"^(?:反馈问题|存在问题|问题)\s*[:：]\s*"),
    # 在“X”方面, 关于“X”方面, 对于“X”方面存在的问题: the lead-in and the frame are no part of the aspect's words (X only
    # where its own quotes are balanced: 关于“三重一大”和“四风”方面 stays whole)
    re.compile(r"^(?:在|关于|对于|對於|關於)[“\"「『](.+?)[”\"」』]方面(?:存在的?问题)?$"),
    re.compile(r"^关于[“\"「『](.+?)[”\"」』](?:的)?(?:方面)?(?:的)?问题(?:的?整改(?:情况|落实情况|进展情况)?)?$"),
    # 关于上轮巡察反馈问题整改不彻底方面, 聚焦…工作要求方面, 关于…在法院落实方面的问题
    re.compile(r"^(?:关于|聚焦|围绕)([^“\"「『].+?)方面(?:存在)?的?(?:问题)?$"),
    re.compile(r"^((?!关于|聚焦|围绕)[^“\"「『].+?方面)(?:存在)?的?问题$"),  # 政治建设方面存在的问题 → 政治建设方面
)


def clean_heading(text: str) -> str:
    """An aspect's words without their frame: 反馈问题：X / 在“X”方面 / 关于“X”的问题 → X."""
    text = text.rstrip("。：:").strip()
    for pattern in _HEADING_WRAPPERS:
        match = pattern.match(text)
        if match and (not match.groups() or inside_balanced(text, match) or not balanced(text)):
            text = (match.group(1) if match.groups() else text[match.end():]).strip()
    # 在…存在差距方面, …有缺失,引领…作用不明显方面: words that say what was wrong, framed as an aspect (not a
    # topic such as 政治建设方面, which is the aspect's name)
    framed = re.fullmatch(r"在?(.+?)方面", text)
    if framed and _faulty(framed.group(1)):
        text = framed.group(1)
    return text


def _join(first: str | None, second: str) -> str:
    return f"{first}{second}" if first else second


def _settle_aspects(outline: Outline, declared: int | None) -> None:
    """Where aspect headings were lost, a problem after a lost title cannot be placed in an aspect."""
    numbers = [a.number for a in outline.aspects]
    headings_lost = bool(numbers) and (
        (declared is not None and len(set(numbers)) < declared)
        or sorted(set(numbers)) != list(range(1, max(numbers) + 1))
    )
    if not headings_lost:
        return
    segment, after_gap = object(), False
    for problem in outline.problems:
        if problem.aspect != segment:
            segment, after_gap = problem.aspect, False
        if problem.implicit:
            after_gap = True
        if after_gap:
            problem.aspect = None
