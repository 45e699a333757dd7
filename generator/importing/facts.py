"""Facts stated in the narrative: the inspection, the declared figures, the contact block."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from generator.importing import gazetteer
from generator.importing.labels import status_words, unstated_status
from generator.importing.numerals import TERM, arabic_dates, cn_to_int, make_date
from generator.importing.outline import names_a_fault
from generator.importing.page import CONTACT_LINE, without_glosses
from generator.model import vocabulary
from generator.model.notice import DECLARED_FIGURES, EMAIL_PATTERN, PHONE_PATTERN, PLACEHOLDER

NUM = r"(?<![每各逐])(\d+|[零〇两一二三四五六七八九十百千]+)"  # not 每一项整改措施

_RANGE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—+|－|-|~|～)\s*"  # 3月5日起至5月10日
    r"(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*日"
)
_DAY = re.compile(r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# 市委第六巡察组, 区委巡察四组, 县委巡察第二组, 市委巡察小组, 市委巡察机动组, 市委第三專項巡察組 (traditional);
# not 巡察组织
_TEAM_NUMBER = r"(?:机动|機動|联动|聯動)?(?:第?[一二三四五六七八九十\d]{1,3})?小?[组組](?![织織])"
# 市委第一巡察組、第六巡察組: two teams of one inspection, named together
_MORE_TEAMS = r"(?:、第[一二三四五六七八九十\d]{1,3}巡[察视視][组組])*"
_TEAM = rf"[^\s,，。；;、“”：:（）()…]{{2,30}}?巡[察视視]{_TEAM_NUMBER}{_MORE_TEAMS}"
_TEAM_WORD = rf"巡[察视視]{_TEAM_NUMBER}"
# 县委第三巡组: a numbered team whose 察 was lost in the copy
_LOST_TEAM = r"[委会]第?[一二三四五六七八九十\d]{1,3}巡[组組]"
_NUMBERED_TEAM = r"(?:第|[一二三四五六七八九十\d]\s*小?[组組]|机动|機動)"
# A second period of the same inspection: 3月17日至3月22日、5月5日至7月12日 (the end is the last day).
_MORE_RANGE = re.compile(r"\s*[、，,和及]\s*(?:(\d{4})\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:至|到|—+|－|-|~|～)\s*"
                         r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass
class Notes:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        if line not in self.lines:
            self.lines.append(line)


# ---------------------------------------------------------------------------------------------
# the inspection: team, dates, feedback

def find_inspection(paragraphs: list[str], notes: Notes, page_date: dt.date | None = None) -> dict | None:
    """The team, the inspection's dates and the feedback date the opening states. A news item may tell the
    feedback first and the inspection in a later paragraph: the dates of the inspection and the feedback date are
    looked for in the other paragraphs too. A date without its year takes the year of the inspection, or else
    of the page's date."""
    repaired = [_repair_dates(_dotted_dates(arabic_dates(without_glosses(p)))) for p in paragraphs[:8]]
    texts = [p for p, _ in repaired]
    named = [(p, fixes) for p, fixes in repaired if re.search(_TEAM_WORD, p) or re.search(_LOST_TEAM, p)]
    opening = next(((p, fixes) for p, fixes in named if _DAY.search(p)), None)
    if opening is None:
        # 近日，市委第一巡察组向崇礼区反馈了…: a team named by its number that gave the feedback, and no dates
        # (县委巡察组 is any team)
        # 普陀区委巡察组分别向…反馈, 市委第一巡察組、第六巡察組分別對…開展: a team named by its number or its place
        teams = [match.group(1) for p, _ in named
                 for match in re.finditer(rf"({_TEAM})\s*(?:分别|分別)?\s*(?:向[^，,。；;]{{2,40}}?反[馈饋]|"
                                          rf"在?[对對][^。；;]{{2,200}}?(?:开展|開展|进行|進行)了?[^，,。；;]{{0,8}}巡[察视視])",
                                          p)]
        # (大同市委派出6个巡察组对16个单位…: several teams, none of them named)
        teams = [_tidy_team(team, texts) for team in teams if not _COUNTED_TEAMS.search(team)]
        team = next((team for team in teams if re.search(_NUMBERED_TEAM, team) or _named_with_a_place(team)), None)
        team = _whole_team(team, texts, notes) if team else None
        if team and any(_sent_by_the_round(team, t) for t in texts):
            team = None  # 市委第十四轮巡察组建4个巡察组: the round's teams, counted
        if team and _named_with_another_team(team, texts, notes):
            return None
        if team:
            notes.add("开头没有找到巡察日期：inspection 只填写了巡察组名称，请编辑补充 start、end、feedback")
            return {"team": team}
        team = _the_one_committee_team(texts) or _the_one_unit_team(texts)
        if team and not re.search(_NUMBERED_TEAM, team.split("委")[-1]) and any(map(_COUNTED_TEAMS.search, texts)):
            team = None  # 市委3个巡察组分别进驻… / 市委巡察组坚持问题导向: the teams of the round, not one team
        team = _tidy_team(team, texts) if team else None
        if team and any(_sent_by_the_round(team, t) for t in texts):
            team = None
        if team and _named_with_another_team(team, texts, notes):
            return None
        if team:
            notes.add("没有找到巡察日期，也没有写明哪个巡察组对谁开展巡察或反馈："
                      f"inspection 只填写了全文唯一提到的巡察组“{team}”，请核对，并补充 start、end、feedback")
            return {"team": team}
        notes.add("开头没有找到巡察组和巡察日期：inspection 未填写，请编辑补充")
        return None
    text, fixes = opening
    for lost, read in fixes:
        missing = "“日”" if read == lost + "日" else "“年”“月”" if "日" in lost else \
            "“年”“月”“日”" if re.match(r"\d{5}", lost) else "“月”“日”"
        notes.add(f"原文日期“{lost}”缺少{missing}字（复制网页时丢失），按“{read}”读取，请核对")
    found: dict = {}
    text, year_before = _year_of_a_range(text)
    if year_before:
        notes.add(f"巡察起止日期没有写年份，按前文的“{year_before}年”读取，请核对")
    span = _RANGE.search(text)
    if span:
        found["start"], found["end"] = _range_dates(span)
        more = _MORE_RANGE.match(text, span.end())
        if more and found["start"]:
            year = int(more.group(2) or more.group(1) or found["start"].year)
            last = make_date(year, int(more.group(3)), int(more.group(4)))
            if last and last > (found["end"] or last):
                found["end"] = last
                notes.add(f"巡察分两段进行（“{text[span.start():more.end()]}”）：start、end 取首尾两天，请核对")
            span = more
    team = _team(text, span)
    team = _tidy_team(team, texts) if team else team
    for other, _ in named if not span else []:
        later = _RANGE.search(_year_of_a_range(other)[0])
        if later and other != opening[0]:  # 2021年1月15日，巡察组反馈… / 2020年9月15日至11月20日，巡察组对…开展了巡察
            found["start"], found["end"] = _range_dates(later)
            break
    base = found.get("end") or found.get("start") or page_date
    ended = found.get("end") or found.get("start")  # a feedback without its year comes after the inspection
    feedback = _feedback_date(text, span, base, after=ended)
    for given in (True, False):  # a paragraph where the team gives the feedback before one that only mentions it
        for other, _ in repaired:
            if not feedback and other != text:
                feedback = _feedback_date(other, None, base, given, after=ended)
    if feedback and ended and feedback.year > ended.year and not any(f"{feedback.year}年" in t for t in texts):
        notes.add(f"巡察反馈日期没有写年份，按巡察结束（{ended.isoformat()}）之后的“{feedback.year}年”读取，请核对")
    if feedback and page_date and feedback > page_date and not found:
        feedback = None  # a date of the year before the page's: not guessed
    if feedback:
        found["feedback"] = feedback
    if not found.get("start"):
        notes.add("开头没有找到“某年某月某日至某月某日”形式的巡察起止日期，请编辑补充 inspection 的 start、end")
    if not feedback:
        notes.add("开头没有找到巡察组反馈意见的日期：inspection 的 feedback 未填写，请按原文补充")
    team = _whole_team(team, texts, notes) if team else None
    if team and _sent_by_the_round(team, text):
        # 十二届县委第五轮巡察派出3个巡察组，其中县委第一巡察组对…开展了巡察: the one team the round's count names
        one = {_tidy_team(m.group(1), texts) for m in re.finditer(rf"其中\s*({_TEAM})\s*在?[对對向]", text)}
        if len(one) == 1 and re.search(_NUMBERED_TEAM, next(iter(one))):
            team = one.pop()
    if team and _sent_by_the_round(team, text) and found.get("start"):
        # 十二届昌吉州党委第五轮巡察派出7个巡察组对…7个乡镇…开展了巡察: the round's teams, none of them named
        notes.add(f"“{team}”是一轮巡察派出的几个巡察组，原文没有写明哪一个组：inspection 的 team 暂填"
                  f"“{PLACEHOLDER}巡察组”，检查不会通过，请编辑按原文填写")
        return {"team": f"{PLACEHOLDER}巡察组", **found}
    if team and _COUNTED_TEAMS.search(team) and not found.get("start"):
        team = None  # 二届党委第二轮巡察三个巡察组分别向…: several teams, and no inspection of one unit dated
    if team and _named_with_another_team(team, texts, notes):
        return None  # (the dates stay in the body, where the editor sees them)
    if team is None:
        notes.add("开头没有找到巡察组名称：inspection 未填写，请编辑补充")
        return None
    return {"team": team, **found}


def _named_with_another_team(team: str, texts: list[str], notes: Notes) -> bool:
    """中央第四巡视组和省委第八巡视组反馈问题: two teams, of two inspections, named as one; the notice's inspection is
    neither (said in a note)."""
    name = re.escape(team)
    other = rf"(?:中央|[省市区县州旗盟區縣]委)[^\s,，。；;、“”和与與及]{{0,10}}?{_TEAM_WORD}"  # (中央第四巡视组)
    joined = re.compile(rf"{other}\s*(?:和|与|與|及|以及)\s*{name}|{name}\s*(?:和|与|與|及|以及)\s*{other}")
    match = next((m for t in texts for m in [joined.search(t)] if m), None)
    if match is None:
        return False
    notes.add(f"正文同时提到两个巡视（巡察）组（“{match.group(0)}”）：inspection 没有填写巡察组，请编辑按原文决定")
    return True


# 县委第一巡察组, 市委巡视组, 省委巡視組, 市委第三轮巡察第二组: a team named by the committee that sent it
_COMMITTEE_TEAM = re.compile(rf"([省市区县州旗盟區縣])委((?:{TERM})?"
                             rf"(?:第[一二三四五六七八九十\d]{{1,3}}[轮輪])?(?:专项|專項|提级|提級|交叉|联动|聯動|机动|機動)?(?:第[一二三四五六七八九十\d]{{1,3}})?)"
                             rf"巡[察视視]{_TEAM_NUMBER}")
# 县委巡察组反馈的问题,已整改完成多少个?: a question states nothing
_QUESTION = re.compile(r"[^。！!？?；;]*[？?]")


def _the_one_committee_team(texts: list[str]) -> str | None:
    """The one team the text names by its committee, with the places before it that the gazetteer knows (平江县委第一
    巡察组): the inspection's team where no sentence says which team inspected or gave the feedback (not in a question).
    Named as well without its number (市委巡察组), it is still one team; two numbers are two teams: none is taken."""

    found: list[str] = []
    for text in texts:
        text = _QUESTION.sub(lambda question: "　" * len(question.group(0)), text)
        for match in _COMMITTEE_TEAM.finditer(text):
            before = text[max(0, match.start() - 12): match.start() + 1]
            places = [name for name in gazetteer.named_in([before]) if before.endswith(name)]
            found.append((places[0][:-1] if places else "") + match.group(0))
    teams = set(found)
    numbered = {team for team in teams if re.search(_NUMBERED_TEAM, team.split("委")[-1])}
    if len(numbered) > 1 or not teams:
        return None
    if numbered:
        return numbered.pop()
    return found[0] if len(teams) == 1 else None


# 近日,省交通运输厅党组第一巡察组巡察工作动员会…, 厅党组第一巡察组将对…: a team a unit's party group or committee sent,
# named from after a punctuation mark (the sentence's words before it are not cut: none is taken then)
_UNIT_TEAM = re.compile(r"(?:^|(?<=[\s,，。；;、“”：:（）()》]))"
                        r"([^\s,，。；;、“”：:（）()《》\d]{1,14}?(?:党组|黨組|党委|黨委)"
                        r"(?:第[一二三四五六七八九十\d]{1,3})?巡[察视視][组組])(?![织織])")


# 要积极配合厅党组第一巡察组, 各单位要配合…, 主动向…, 全力支持…, 自觉接受…, 服从…, 协助…: the sentence's words
# before a unit's team are no part of its name
_CLAUSE_WORDS = re.compile(r"要|配合|支持|接受|服从|服從|协助|協助|积极|積極|主动|主動|全力|自觉|自覺|认真|認真"
                           r"|落实|落實"
                           r"|按照|根据|根據|各单位|各單位|向|请|請|由|对|對|将|將|把|被|和|与|與|及|是|为|為|在|的")
# what a unit's name starts with or has: a level's place or unit word (省, 市, 厅, 局, 集团…), the party (中共), or a
# unit's kind (学习出版社, 研究生院)
_UNIT_START = re.compile(r"^(?:中共|省|市|县|縣|区|區|州|旗|盟|厅|廳|局|委|集团|集團|公司"
                         r"|学校|學校|学院|學院|大学|大學)")
_UNIT_KIND = re.compile(r"[厅廳局委院校社司团團部办辦所署站行会會]|中心")


def _names_a_unit(name: str) -> bool:
    """The words before 党组/党委 of a unit's team name a unit (or none: 党委巡察组), with no clause words."""
    if not name:
        return True
    if _CLAUSE_WORDS.search(name):
        return False
    return bool(_UNIT_START.search(name) or _UNIT_KIND.search(name) or gazetteer.named_in([name]))


def _the_one_unit_team(texts: list[str]) -> str | None:
    """The one team of a unit's own inspection (省交通运输厅党组第一巡察组, later 厅党组第一巡察组; 局党组巡察组) in a
    text that names no team of a level's committee (市委巡察组) and no count of teams: where every mention is the
    longest one or its end, that longest one."""
    if any(_COMMITTEE_TEAM.search(text) or _COUNTED_TEAMS.search(text) for text in texts):
        return None
    found = {match.group(1) for text in texts
             for match in _UNIT_TEAM.finditer(_QUESTION.sub(lambda q: "　" * len(q.group(0)), text))
             if _names_a_unit(re.split(r"党组|黨組|党委|黨委", match.group(1))[0])}
    longest = max(found, key=len, default=None)
    if longest is None or not all(longest.endswith(team) for team in found):
        return None
    # 局党组第一巡察组和局党组第二巡察组: any other number in the text is another team
    numbers = {match.group(0) for text in texts
               for match in re.finditer(r"第[一二三四五六七八九十\d]{1,3}(?=巡[察视視][组組])", text)}
    own = re.search(r"第[一二三四五六七八九十\d]{1,3}(?=巡[察视視][组組]$)", longest)
    return longest if numbers <= ({own.group(0)} if own else set()) else None


# (安排6个市委巡察组, 组建10个市委交叉巡察组: the committee and the kind between the count and the teams)
# A count of teams: 7个, 三個
_COUNT = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[个個]"
_COUNTED_TEAMS = re.compile(rf"{_COUNT}(?:[省市区县州旗盟區縣]委)?"
                            r"(?:专项|專項|提级|提級|交叉|联动|聯動|机动|機動)?巡[察视視][组組]")


# What a team's name says it belongs to: a body (区委, 党委, 党组), a level or a kind of inspection. 本网讯为了解巡察组
# (…工作的进展情况) is words run into 巡察组, not a name.
_TEAM_OWNER = re.compile(r"[委党黨组組省市县縣区區州旗镇鎮乡鄉央轮輪届屆]|专项|專項|联动|聯動|提级|提級|交叉|机动|機動")


def _whole_team(team: str, texts: list[str], notes: Notes) -> str | None:
    """The team as a name: None for words that only end in 巡察组; 县委第巡察组 (a number lost in the copy) as the text
    writes it in full elsewhere (县委第二巡察组), said in a note."""
    owner = re.split(r"巡[察视視]", team)[0]
    if not _TEAM_OWNER.search(owner) and not re.search(_NUMBERED_TEAM, team) and not _COUNTED_TEAMS.search(team):
        return None
    if re.search(r"巡[组組]$", team):
        whole = sorted({m.group(0) for t in texts for m in re.finditer(
            re.escape(team[:-2]) + r"巡[察视視]" + team[-1], t)})
        if len(whole) != 1:
            return None
        notes.add(f"原文巡察组名称“{team}”缺字（复制网页时丢失），按正文另一处的“{whole[0]}”填写，请核对")
        return whole[0]
    if re.search(r"第巡[察视視]", team):
        pattern = re.escape(team).replace("第", "第([一二三四五六七八九十]{1,3}|\\d{1,2})", 1)
        whole = sorted({m.group(0) for t in texts for m in re.finditer(pattern, t)})
        if len(whole) == 1:
            notes.add(f"原文巡察组名称“{team}”缺少序号（复制网页时丢失），按正文另一处的“{whole[0]}”填写，请核对")
            return whole[0]
    return team


# 2024.3.10—4.30 / 2024.5.20: dates written with dots, the end of a range without its year
_DOTTED = re.compile(r"(?<![\d.．])(\d{4})[.．](\d{1,2})[.．](\d{1,2})(?![\d.．])"
                     r"(?:\s*(至|到|—+|－|-|~|～)\s*(?:(\d{4})[.．])?(\d{1,2})[.．](\d{1,2})(?![\d.．]))?")


def _dotted_dates(text: str) -> str:
    def replace(match: re.Match) -> str:
        year, month, day, dash, end_year, end_month, end_day = match.groups()
        read = f"{year}年{int(month)}月{int(day)}日"
        if dash:
            read += f"至{end_year + '年' if end_year else ''}{int(end_month)}月{int(end_day)}日"
        return read

    return _DOTTED.sub(replace, text)


# 2024年，县委第三巡察组于3月10日至4月30日…: the range's year is written before it
_YEARLESS_RANGE = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—+|－|-|~|～)\s*"
                             r"(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日")


def _year_of_a_range(text: str) -> tuple[str, str | None]:
    """The text with the year written into a range that has none, when no range has one and a year is written
    before it in the same paragraph; and that year (None: nothing was changed)."""
    if _RANGE.search(text):
        return text, None
    span = _YEARLESS_RANGE.search(text)
    years = re.findall(r"(\d{4})\s*年", text[: span.start()]) if span else []
    if not span or not years:
        return text, None
    return text[: span.start()] + f"{years[-1]}年" + text[span.start():], years[-1]


# A scrape that lost 年 and 月 (a font's glyphs, an image): 2024717日至830日, 2025年1021日, 914日.
_RUN_DATE = re.compile(r"(?<![\d.．])(?:(\d{4})(年?))?(\d{3,4})日")


def _repair_dates(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Dates whose month and day ran together, written out again where only one reading is a date."""
    fixes: list[tuple[str, str]] = []

    def read(whole: str, year: str | None, digits: str) -> str:
        """The month and day a run of digits can only be read as (``731`` → 7月31日), or the run as it was."""
        readings = [(digits[:k], digits[k:]) for k in (1, 2)
                    if len(digits) - k <= 2 and digits[k] != "0" and 1 <= int(digits[:k]) <= 12
                    and 1 <= int(digits[k:]) <= 31]
        if len(readings) != 1:
            return whole
        month, day = readings[0]
        date = f"{year + '年' if year else ''}{int(month)}月{int(day)}日"
        fixes.append((whole, date))
        return date

    def replace(match: re.Match) -> str:
        return read(match.group(0), match.group(1), match.group(3))

    def day(match: re.Match) -> str:
        fixes.append((match.group(0), match.group(0) + "日"))
        return match.group(0) + "日"

    def bare(match: re.Match) -> str:
        return read(match.group(0), match.group("year"), match.group("digits"))

    text = _DAYLESS.sub(day, _RUN_DATE.sub(replace, text))
    return _BARE_RUN.sub(bare, text), fixes


# 2022年8月19日至2022年11月15市委第三巡察组: a date whose 日 was lost, run into the words after it
# (not a count: 1月2个问题)
_DAYLESS = re.compile(r"(?<![\d.．])(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:[12]\d|3[01]|0?[1-9])"
                      r"(?![\d日号號个個项項条條名人次余多])(?=[\u4e00-\u9fa5])")


# …统一部署2023731,区委第一巡察组向…反馈 / 2023年8月14日至1031县委第三巡察组 / 。1227县委巡察组向…: a date that
# lost 年, 月 and 日 all, where it opens a clause or ends a range (not a count: 1227人, not a number: 电话2023731)
_BARE_RUN = re.compile(r"(?:(?<=[\u4e00-\u9fa5])(?<!电话)(?<!热线)(?<!号码)(?<!传真)(?P<year>(?:19|20)\d{2})"
                       r"|(?:(?<=[至到。；;，,])|^))(?P<digits>\d{3,4})"
                       r"(?![\d.．:：\-年月日号號个個项項条條名人次余多万萬元%％])(?=[，,\u4e00-\u9fa5])")


def _range_dates(span: re.Match) -> tuple[dt.date | None, dt.date | None]:
    year, month, day, end_year, end_month, end_day = span.groups()
    start = make_date(int(year), int(month), int(day))
    end = make_date(int(end_year or year), int(end_month or month), int(end_day))
    if start and end and end < start and not end_year:
        end = make_date(int(year) + 1, int(end_month or month), int(end_day))  # 12月1日至1月15日
    return start, end


# Right after the dates the clause names the team, which may quote a campaign and list two purposes:
# 市委深化“最多跑一次”改革、优化营商环境专项巡察组.
_TEAM_AFTER_DATES = rf"(?:[^\s,，。；;：:（）()“”]|“[^”，,。]{{1,20}}”){{2,60}}?巡[察视視]{_TEAM_NUMBER}"


def _team(text: str, span: re.Match | None) -> str | None:
    if span:
        after = re.match(rf"\s*[,，、]*\s*(?:起\s*[,，]?)?\s*由?\s*({_TEAM_AFTER_DATES})", text[span.end():])
        if after:  # 区委组建4个巡察组: the verb is no part of the name (区委4个巡察组)
            return re.sub(r"(?<=[委会])(?:组建|組建|派出|抽调|抽調)(?=[\d一二三四五六七八九十]+个)", "", after.group(1))
        # 至10月31日县委第三巡组对…: 察 lost in the copy (the name is then looked for in full elsewhere)
        lost = re.match(rf"\s*[,，、]*\s*由?\s*([^\s,，。；;：:（）()“”]{{1,12}}?{_LOST_TEAM})(?=[对對向])",
                        text[span.end():])
        if lost:
            return lost.group(1)
    for match in re.finditer(_TEAM, text):
        if text.startswith(("全体", "全體"), match.end()) and not re.search(_NUMBERED_TEAM, match.group(0)):
            continue  # 党委巡察组全体成员…参加会议: the members of all the teams, among those at a meeting
        if not text[max(0, match.start() - 1): match.start()] == "向":
            # a date run into the name (5月20日县委第三巡察组向…) is not part of it, nor a word before it
            # (对四届市委第六巡察组巡察…)
            # and digits of a date that lost its 年月日 (1227县委巡察组向…反馈)
            name = re.sub(r"^[至到\s\d年月日]*\d\s*[年月日]?(?![\d个個])", "",
                          re.sub(r"^.*\d\s*日", "", match.group(0)))
            return re.sub(r"^(?:对|對|由|经|經)", "", name) or None
    return None


# The committee's term before a team's name: 十二届, 四屆
_TERM = re.compile(rf"^{TERM}(?=[\u4e00-\u9fa5]{{0,12}}?[省市区县州旗區縣]委)")
_PLACE_LEVEL = re.compile(r"(?<=[省市区县州旗區縣])(?=委)")
_TEAM_COUNT = re.compile(rf"(?<=委){_COUNT}(?=巡[察视視][组組])")


# (十四届县委二轮巡察, 县委新一轮巡察: a round written without 第, or the new one)
_ROUND_BEFORE_THE_TEAM = re.compile(r"^(?P<committee>.+?)(?:第?[一二三四五六七八九十\d]{1,3}|新一|新)?[轮輪]巡[察视視]"
                                    r"(?=(?:[\u4e00-\u9fa5]{0,10}?[省市区县州旗盟區縣]委)?"
                                    r"第[一二三四五六七八九十\d]{1,3}巡[察视視][组組]$)")
# 第五轮巡察派出7个巡察组, 第十四轮巡察共组建4个巡察组: the teams a round sent, counted, not one team
_ROUND_TEAMS = re.compile(r"[轮輪]巡[察视視](?:工作)?共?(?:派出|组建|組建|抽调|抽調)"
                          rf"{_COUNT}巡[察视視][组組]$")
_TERM_BEFORE = re.compile(f"^{TERM}")


def _sent_by_the_round(team: str, text: str) -> bool:
    """第五轮巡察派出7个巡察组, and 市委第十四轮巡察组建4个巡察组 (read as far as 巡察组, its 组建 without 共): the
    teams a round sent, counted."""
    if _ROUND_TEAMS.search(team):
        return True
    counted = re.search(re.escape(team) + rf"建\s*{_COUNT}巡[察视視][组組]", text)
    return counted is not None and _ROUND_TEAMS.search(team[:-1] + counted.group(0)) is not None


def _without_the_round(team: str, texts: list[str]) -> str:
    """十三届无棣县委第七轮巡察第五巡察组 → 第五巡察组: the round's inspection, then the round's team named in
    full; the team with its committee (縣委第八輪巡察第三巡察組 → 縣委第三巡察組, 十一届自治区党委第二轮巡视
    第十一巡视组 → 自治区党委第十一巡视组) where the text also names it so; 八屆區委第五輪巡察區委第四巡察組, whose
    team names its committee again, → 區委第四巡察組. Not 十五届县委第六轮巡察第二组 (第二组 names no team alone),
    nor 市委第四轮第五巡察组 (no 巡察 after the round)."""
    match = _ROUND_BEFORE_THE_TEAM.match(team)
    if match is None:
        return team
    rest = team[match.end():]
    committee = _TERM_BEFORE.sub("", match.group("committee"))
    named = committee + rest
    if committee and not rest.startswith(committee) and any(named in t for t in texts):
        return named
    return rest


def _tidy_team(team: str, texts: list[str]) -> str:
    """The team as the text names it on its own (below); a city's or a county's team written 巡视组 once where the text
    writes the same name with 巡察组 more often is that 巡察组 (a slip of the page: those committees send 巡察组). Only
    the whole name is compared, and only in this direction: 省委第二巡视组 is never made 巡察, nor 巡察 made 巡视."""
    team = _tidy_team_name(team, texts)
    if _LEVEL_XUNSHI.match(team):
        other = team[::-1].replace("视巡", "察巡", 1).replace("視巡", "察巡", 1)[::-1]
        mentions = sum(t.count(other) for t in texts)
        if mentions >= 2 and mentions > sum(t.count(team) for t in texts):
            return other
    return team


# 县委第五巡视组, 十二届市委第三巡视组: a team of a level below the province (not 省委, 自治区党委, 中央) called 巡视组
_LEVEL_XUNSHI = re.compile(rf"^(?:中共)?(?:{TERM})?[\u4e00-\u9fa5]{{0,10}}?[市区县旗區縣]委"
                           r"(?:第[一二三四五六七八九十\d]{1,3})?巡[视視](?:第?[一二三四五六七八九十\d]{1,3})?[组組]$")


def _tidy_team_name(team: str, texts: list[str]) -> str:
    """The team as the text names it on its own: without a clause run into it (根据区委要求和区委第一巡察组 →
    区委第一巡察组), and in its shorter form when the text also writes that one alone: without the committee's term
    if the text names it more often without (十二届市委第一巡察组 → 市委第一巡察组), the places before it
    (江蘇省鎮江市潤州區委巡察組 → 潤州區委巡察組, 天水市委第二巡察組 → 市委第二巡察組) or a count of teams
    (市委12個巡察組 → 市委巡察組)."""
    team = re.sub(r"^.*?(?:和|与|與|及)(?=[\u4e00-\u9fa5]{0,12}?[省市区县州旗區縣]委)", "", team)
    # 县委巡察工作领导小组办公室组织县委第二巡察组: the office that sent the team is no part of its name
    team = re.sub(r"^.*(?:组织|組織|派出|安排|抽调|抽調|会同|會同)(?=[\u4e00-\u9fa5]{0,12}?[省市区县州旗區縣]委)", "",
                  team)
    team = re.sub(r"^(?:根据|根據|按照)", "", team)
    team = _from_its_committee(team)
    team = _SENTENCE_VERB.sub("", team)
    team = _without_the_round(team, texts)

    def alone(short: str, longer: str) -> bool:
        return sum(t.count(short) for t in texts) > sum(t.count(longer) for t in texts)

    def mostly(short: str, longer: str) -> bool:  # named alone more often than in the longer form
        return sum(t.count(short) for t in texts) > 2 * sum(t.count(longer) for t in texts)

    term = _TERM.match(team)  # 十二届市委第一巡察组, named 市委第一巡察组 more often (八届… once and …once: kept)
    if term and mostly(team[term.end():], team):
        team = team[term.end():]
    at = _PLACE_LEVEL.search(team)
    if at:
        places = _leading_places(team[: at.start()])
        for dropped in range(len(places), 0, -1):  # the shortest form first
            cut = len("".join(places[:dropped])) - (1 if dropped == len(places) else 0)
            short, longer = team[cut:], team[len("".join(places[: dropped - 1])):]
            if cut > 0 and alone(short, longer):
                return short
        if len(places) >= 2 and places[0].endswith(("省", "自治区", "自治區")):
            return team[len(places[0]):]  # 江苏省常熟市委第四巡察组: the committee is 常熟市委, the province says where
    uncounted = _TEAM_COUNT.sub("", team)
    if uncounted != team and any(uncounted in t for t in texts):
        return uncounted
    return team


# What may stand before a level's committee in a team's name (十五届县委, 中共灤州市委, 经开区委): a count of
# teams (6个市委巡察组, counted: no one team), the party, a term, the places the gazetteer knows, a development zone
_BEFORE_THE_COMMITTEE = re.compile(rf"^(?:{_COUNT})?(?:中共)?"
                                   rf"(?:{TERM})?(?P<places>[\u4e00-\u9fa5]*?)"
                                   r"[省市区县州旗區縣]$")
_ZONE_NAME = re.compile(r"(?:开发|開發|高新|经开|經開|园|園|新)[区區]$")


# 认真落实集团党委第二巡察组反馈意见, 会议传达学习了学校党委第三巡察组…: the sentence's verb before a team whose
# committee is a unit's (集团党委), where no level's committee shows where the name starts
_CLEAR_VERBS = r"(?:落实|落實|传达学习|傳達學習|传达|傳達|配合|对照|對照|针对|針對|迎接|接受|听取|聽取|研究部署)"
# verbs that also start a unit's name (学习出版社党委, 研究生院党委, 支持中心): the sentence's only with 了 or an adverb
_WORD_VERBS = r"(?:学习|學習|支持|研究)"
_MEETING = r"会议|會議"
_ADVERB = r"认真|認真|全面|切实|切實|深入|积极|積極|专题|專題"
_SENTENCE_VERB = re.compile(rf"^(?:(?:{_MEETING})?(?:{_ADVERB})?(?:{_CLEAR_VERBS}了?|{_WORD_VERBS}了)"
                            rf"|(?:{_MEETING}|{_ADVERB})+{_WORD_VERBS})"
                            r"(?=[\u4e00-\u9fa5]{2,20}?(?:党委|党组|黨委|黨組|委员会|委員會|巡[察视視]))")


def _from_its_committee(team: str) -> str:
    """传达学习市委第四巡察组 → 市委第四巡察组, 会议传达了十五届县委第六轮巡察第二组 → 十五届县委第六轮巡察第二组: the
    words of the sentence before the committee that sent the team (a verb, a subject) are no part of its name; what
    stands before it is kept when it is the committee's term or its places (灤州市委第三巡察組, 江苏省常熟市委…)."""
    at = _PLACE_LEVEL.search(team)
    if not at:
        return team
    head = team[: at.start()]
    zone = _ZONE_NAME.search(head) is not None
    for start in range(len(head)):
        match = _BEFORE_THE_COMMITTEE.match(head[start:])
        if match is None:
            continue
        places = match.group("places")
        if head.startswith("中共", start) or zone:
            return team[start:]  # the party's name starts the committee's (中共泾县县委, 中共某某县委: kept whole)
        # the places with the level's character that ends them (灤州市委), or before the level's own 县 (泾县县委)
        if places and (_leading_places(head[start + match.start("places"):]) or _leading_places(places)):
            return team[start:]
        if not places:  # the level alone (市委): what stands before is the sentence's (传达学习, 热烈欢迎, 协助)
            return team[start:]
    return team


def team_in_title(title: str | None) -> str | None:
    """中共中央美术学院委员会第三巡察组巡察工作公告: the team that announces its inspection, named in full."""
    match = re.match(rf"^((?:中共|中國共產黨|中国共产党)?[^\s,，。；;“”：:]{{2,40}}?巡[察视視]{_TEAM_NUMBER})"
                     r"(?:[^\s]{0,12}?巡[察视視])?(?:工作)?(?:公告|公示|通告)$", title or "")
    return match.group(1) if match and re.search(_NUMBERED_TEAM, match.group(1)) else None


def same_team(one: str, other: str) -> bool:
    """学校党委第五轮巡察工作第三巡察组 and 中共中央美术学院委员会第三巡察组: the same numbered team."""
    number = re.compile(rf"{_TEAM_WORD}$")
    first, second = number.search(one), number.search(other)
    return bool(first and second) and first.group(0) == second.group(0)  # type: ignore[union-attr]


def team_with_its_place(paragraphs: list[str]) -> str | None:
    """The first mention of a team written with its place (天水市委第二巡察組), which the draft may name shorter."""
    for paragraph in paragraphs[:8]:
        for match in re.finditer(_TEAM, without_glosses(paragraph)):
            name = re.sub(r"^(?:对|對|由|经|經)", "", re.sub(r"^.*\d\s*日", "", match.group(0)))
            if _named_with_a_place(name):
                return name
    return None


def _leading_places(text: str) -> list[str]:
    """江蘇省鎮江市潤州區 → [江蘇省, 鎮江市, 潤州區]: the places the text is made of, or [] if it is not only places."""

    names = gazetteer.named_in([text])
    return names if names and "".join(names) == text else []


def _named_with_a_place(team: str) -> bool:
    """普陀区委巡察组: a team of a place the gazetteer knows (a bare 县委巡察组 is any county's)."""
    at = _PLACE_LEVEL.search(team)
    return bool(at and _leading_places(team[: at.start()]))


# 10月10日—13日,市委巡察組…反饋巡察情況: the team gives the feedback (not 市委书记…对巡察反馈…提出要求)
_TEAM_GIVES_FEEDBACK = re.compile(r"巡[察视視](?:[^，,。；;]{0,4})?[组組][^。；;]{0,60}?反[馈饋]")


def _feedback_date(text: str, span: re.Match | None, base: dt.date | None,
                   only_given: bool = False, after: dt.date | None = None) -> dt.date | None:
    """The date the team gave its feedback; without its year, the year of ``base``, or the next one when that day of
    the year would come before the inspection ended (``after``: 2022年10月8日至12月15日巡察…, 2月13日反馈 → 2023)."""
    begin = span.end() if span else 0
    days = list(_DAY.finditer(text, begin))
    clauses = [re.split(r"[。；;]", text[match.end():])[0] for match in days]
    given = [match for match, clause in zip(days, clauses) if _TEAM_GIVES_FEEDBACK.search(clause[:80])]
    for match in given if given or only_given else days:
        clause = re.split(r"[。；;]", text[match.end():])[0]
        before = text[max(begin, match.start() - 12): match.start()]
        if re.search("反[馈饋]", clause[:60] + " " + before):
            year = int(match.group(1)) if match.group(1) else (base.year if base else None)
            if year is None:
                return None
            day = make_date(year, int(match.group(2)), int(match.group(3)))
            if day and after and day < after and not match.group(1):
                return make_date(year + 1, int(match.group(2)), int(match.group(3)))
            return day
    return None


# ---------------------------------------------------------------------------------------------
# declared figures

_DONE = re.escape(vocabulary.done_status().value)  # 已完成 N 个
# Every way of writing the done status (statuses.yml), longest first: 整改完成28个, 已销号 3 项.
_DONE_WORDS = "|".join(re.escape(word) for word in sorted(vocabulary.done_status().words, key=len, reverse=True))
_KIND = "(?:主要|具体|突出|重点)?"  # 18个突出问题
_TOTAL = "(?:共计|合计|总计|共)?"  # 3个方面共计12个问题
# Traditional characters of the figure sentences (六個方面存在的56個具體問題), read as simplified for the
# figures only.
_FIGURE_CHARS = str.maketrans("個問題項條饋體專實處關於發現經過對進與為時責會議舉製"
                              "機構點將級區縣黨組織員導審計萬類後從擊視",
                              "个问题项条馈体专实处关于发现经过对进与为时责会议举制"
                              "机构点将级区县党组织员导审计万类后从击视")
_FIGURES = (
    # 三大方面的45项问题, not 3大方面、10大任务
    ("aspects", rf"{NUM}\s*(?:个?方面|大方面(?=[^、，,。；;]{{0,16}}问题))"),
    # 细化分解为20个具体问题, 包括61项具体问题、278项整改举措的整改方案: the count of the problems one by one
    ("problems", rf"(?:细化|分解|包括)(?:为|成)?(?:包括)?\s*{NUM}\s*(?:个|项|条)具体问题"),
    # 3个方面11类问题30项问题, 6方面巡查发现的14个问题 (巡查 for 巡察)
    ("problems", rf"{NUM}\s*个?大?方面\s*(?:存在的?)?(?:巡[察查视]|反馈|发现|指出)*[、，,的]?\s*"
                 rf"(?:{NUM}\s*(?:个|项|条|类|类问题)\s*[、，,]?\s*)?{_TOTAL}\s*{NUM}\s*(?:个|项|条){_KIND}"
                 r"(?:反馈|巡察)?问题"),  # 3个方面26个反馈问题
    # 反馈了4个方面的问题，共26个具体问题
    ("problems", rf"{NUM}\s*个?方面的?问题\s*[，,]\s*(?:共|共计|合计){NUM}\s*(?:个|项|条){_KIND}问题"),
    ("problems", rf"(?:反馈|指出|提出|交办|移交|列出|剖析|认领)(?:了|的)?[^。，,；;\d]{{0,12}}?"
                 rf"(?:{NUM}\s*大?类\s*[、，,]?\s*)?{NUM}\s*(?:个|项|条){_KIND}问题"),  # 反馈的4大类18个问题
    # 推进31个省委巡视反馈问题, 18个巡察反馈问题: the feedback named in the noun, the count before it
    # (not a part of them: 已完成整改5个反馈问题, 其中3个反馈问题)
    ("problems", rf"(?<!完成)(?<!整改)(?<!销号)(?<!其中)(?<!剩余){NUM}\s*(?:个|项|条)(?:[省市区县州旗]委)?(?:巡[察视])?"
                 rf"反馈的?{_KIND}问题"),
    # 16个问题已完成整改14个
    ("problems", rf"{NUM}\s*个问题(?:中)?[，,]?\s*已(?:{_DONE_WORDS}|{_DONE}|整改到位)\s*\d+\s*个"),
    ("problems", rf"(?<![的成中])(?:反馈|指出|提出|交办|移交)(?:了|的)?(?:巡察)?问题{_TOTAL}\s*{NUM}\s*"
                 r"(?:个|项|条)(?!方面)"),
    ("problems", rf"巡[察视]组?(?:共|还)?发现(?:了)?问题{_TOTAL}\s*{NUM}\s*(?:个|项|条)(?!方面)"),  # not 自查发现问题
    # the count after the noun, the aspects first: 指出3个方面问题15个, 反馈问题3个方面12条
    ("problems", rf"(?:{NUM}\s*个?方面\s*(?:的)?(?:巡察)?问题|问题\s*{NUM}\s*个?方面)\s*{_TOTAL}\s*{NUM}\s*"
                 r"(?:个|项|条)"),
    # 三个方面共发现反馈各类问题16个: the verbs and a kind between the aspects and the count after the noun
    ("problems", rf"{NUM}\s*个?方面\s*{_TOTAL}\s*(?:发现|反馈|指出|提出|交办){{1,3}}(?:了|的)?(?:各类|各项)?(?:巡察)?"
                 rf"问题\s*{NUM}\s*(?:个|项|条)"),
    ("causes", rf"(?:梳理|分析|查找|剖析|查摆)(?:出|了)?(?:问题)?(?:根源|原因){NUM}\s*(?:条|个|项)"),
    # 对应任务逐项建立支撑措施543条: the measures that support the tasks
    ("measures", rf"(?:制定|制订|细化|明确|提出|形成|建立)(?:了)?(?:具体|支撑|配套)?(?:整改)?(?:措施|举措){NUM}"
                 r"\s*(?:项|条|个)"),
    # 制订了86条措施
    ("measures", rf"(?:制定|制订|细化|明确|提出|形成)(?:了)?(?:具体)?{NUM}\s*(?:项|条)(?:具体)?(?:措施|举措)"),
    ("measures", rf"{NUM}\s*(?:项|条)(?:具体)?整改(?:措施|举措)"),
    # 制定有针对性和可操作性的整改措施14条: the count after the noun
    # (制定的整改措施共计109条)
    ("measures", rf"(?:制定|制订|细化|明确|提出|形成)[^。；;，,\d]{{0,16}}?整改(?:措施|举措)\s*{_TOTAL}\s*{NUM}"
                 r"\s*(?:项|条)"),
    ("systems", rf"(?:建立|健全|完善|制定|修订|出台)[^。，,；;\d]{{0,6}}?(?:制度|机制)[^。，,；;\d]{{0,4}}?"
                rf"{NUM}\s*(?:项|个|条|件|份)"),
    ("problems_done", rf"(?:已)?完成(?:[镇乡县区市]级)?(?:反馈)?(?:问题)?整改(?:问题)?\s*{NUM}\s*(?:个|项)"
                      rf"|{_DONE}(?:整改)?\s*{NUM}\s*(?:个|项)|(?:已整改到位|已整改落实)\s*{NUM}\s*(?:个|项|条)"
                      rf"|(?:{_DONE_WORDS})\s*(\d+)\s*(?:个|项)"  # digits: not 整改完成一项、销号一项
                      # the count before the noun: 41个问题中共30个问题已完成(含基本完成)整改
                      # (not 16个问题已完成整改14个: the done count after the verb)
                      rf"|(?<![\d第])(\d+)\s*(?:个|项)问题已(?:经)?(?:{_DONE_WORDS}|完成|整改到位)(?![^，,。；;]{{0,4}}?\d)"),
    ("completion_rate", r"完成(?:整改)?率(?:为|达到|达)?\s*(\d+(?:\.\d+)?)\s*[%％]"),
    ("funds_recovered", r"(?:追缴|挽回|收回|退还|清退|追回)[^。；;]{0,12}?(\d+(?:\.\d+)?)\s*万元"),
    ("people_held_accountable", r"(?:问责|组织处理|党纪政务处分|处分|诫勉)[^。；;\d]{0,8}?(\d+)\s*(?:人次|人|名)"),
    ("meetings", r"专题会议\s*(\d+)\s*次"),
)


def declared_figures(paragraphs: list[str], notes: Notes) -> dict:
    """The figures the narrative states, in the model's keys; disagreements become notes."""
    seen: dict[str, list] = {}
    # 3个巡察组分别进驻…6家单位 / 本轮巡察共发现问题144个: a round's count, over several units, is not one notice's
    several = any(_COUNTED_TEAMS.search(p) or _SEVERAL_UNITS.search(p) for p in paragraphs)
    for paragraph in paragraphs:
        paragraph = without_glosses(paragraph).translate(_FIGURE_CHARS)  # 65項(xiàng)問題
        for key, pattern in _FIGURES:
            for match in re.finditer(pattern, paragraph):
                if _OTHERS_FIGURE.search(re.split(r"[。；;]", paragraph[: match.start()])[-1]):
                    continue  # 村级反馈的289个问题已完成整改259个: the villages' figures, not the unit's
                if key == "problems" and several and _THE_ROUND.search(paragraph[: match.start()]):
                    continue
                if key == "problems_done" and _TASKS_BEFORE.search(paragraph[: match.start()]):
                    continue  # 177项整改任务,已完成174项: the tasks done, not the problems
                if key == "aspects" and _not_aspects(paragraph[: match.end() + 1]):
                    continue  # 一方面,…另一方面 / 从整改措施、牵头领导、责任人5个方面: not the feedback's aspects
                if key == "aspects" and _FOCUS_BEFORE.search(paragraph[: match.end()]) and _LIST_OPENS.match(
                        paragraph, match.end()):
                    # 主要聚焦四个方面:一是聚焦…: what the team will look at, not what it found
                    notes.add(f"“{match.group(0)}”之后列出的是巡察要了解的重点，不是反馈的方面数："
                              "没有写入 figures，请核对")
                    continue
                value = _figure_value(key, match)
                if value is not None and value not in seen.setdefault(key, []):
                    seen[key].append(value)
    figures = {key: values[0] for key, values in seen.items()}
    if figures.get("aspects") and figures.get("problems") and figures["aspects"] > figures["problems"]:
        # 共指出413个方面33个问题 (a digit run in from a lost character): aspects group problems, so fewer
        notes.add(f"通报中的方面数（{figures.pop('aspects')}）多于问题数（{figures['problems']}），不像方面数，"
                  "没有写入 figures，请核对原文")
        del seen["aspects"]
    for key, values in seen.items():
        if len(values) > 1:
            shown = "、".join(str(v) for v in values)
            label, unit = DECLARED_FIGURES[key]
            notes.add(f"通报中{label}（{unit}）有不同说法（{shown}），草稿取{values[0]}，请核对")
    other = _status_counts(paragraphs) + _meeting_list(paragraphs)
    if other:
        figures["other"] = other
    return figures


# 主要聚焦四个方面:一是…, 重点了解关注六方面内容:一是…: the focus of an inspection that is starting, listed after a
# colon (not 聚焦6个方面,制定186条措施, a plan's count of the aspects it answers; not 问题主要集中在三个方面:一是…, the
# findings)
_FOCUS_BEFORE = re.compile(r"(?:聚焦|关注|關注|重点了解|重點了解|着重了解|著重了解)(?:以下)?"
                           r"\s*[\d一二三四五六七八九十]+\s*[个個]?方面$")
_LIST_OPENS = re.compile(r"(?:的?内容|的?內容)?\s*[:：]")
# 一方面,… / 一方面要深刻分析…,另一方面…: "on the one hand", a count of one written without 个 (not 十一方面)
_THE_ROUND = re.compile(r"(?:本轮|本輪|这轮|這輪|此轮|此輪)$")
_SEVERAL_UNITS = re.compile(r"(?:\d{1,3}|[二三四五六七八九十]{1,3})\s*[家个個](?:单位|單位)")
_TASKS_BEFORE = re.compile(r"\d+\s*[项个条](?:整改)?任务\s*[，,]?\s*(?:其中)?\s*$")
_ON_ONE_HAND = re.compile(r"(?:^|[^\d一二三四五六七八九十百])(?:另)?一方面[^问存的]$")
_LISTED = re.compile(r"([^，,。；;、]{1,16}(?:、[^，,。；;、]{1,16}){2,})(?:等)?\s*[\d一二三四五六七八九十]+\s*个?方面"
                     r".$")


# 重点做好以下四个方面:一是…: the tasks ahead the text goes on to list, not the feedback's aspects
# (以下四个方面的问题 are)
_WHAT_FOLLOWS = re.compile(r"(?:以下|如下)[\d一二三四五六七八九十]+\s*个?方面[^的问存]$")


def _not_aspects(before: str) -> bool:
    """``before``: the text up to a count of aspects and the character after it. 一方面,… says "on the one hand";
    从整改措施、牵头领导、责任人、整改时限5个方面 counts the things it lists, most of which name no fault
    (…不够有力、…不够深入等10个方面 lists the aspects themselves)."""
    listed = _LISTED.search(before[-200:])  # (the list just before the count: a long paragraph is not searched whole)
    items = listed.group(1).split("、") if listed else []
    # (从及时报告问题、主要领导批示、交办整改任务…10个方面: the steps of a procedure, one with a word of a fault)
    return bool(_ON_ONE_HAND.search(before) or _WHAT_FOLLOWS.search(before)) or bool(
        items and sum(map(names_a_fault, items)) * 2 < len(items))


_OTHERS_FIGURE = re.compile(r"村级|村（社区）级|村\(社区\)级|下级|下属")


def _figure_value(key: str, match: re.Match):
    token = [group for group in match.groups() if group][-1]
    if key in ("completion_rate", "funds_recovered"):
        number = float(token)
        return int(number) if number.is_integer() else number
    return cn_to_int(token)


@cache
def _open_status_words() -> str:
    """The ways of writing a stated status that is not done (statuses.yml), as a regex alternation."""
    words = [word for word, value in status_words() if not vocabulary.status(value).done]
    return "|".join(re.escape(word) for word in words)


def _status_counts(paragraphs: list[str]) -> list[dict]:
    """``正在整改6个``、``基本完成4个``、``未完成5个`` → other figures (已完成 is ``problems_done``)."""
    items = []
    for paragraph in paragraphs:
        for match in re.finditer(rf"({_open_status_words()})(?:整改)?\s*{NUM}\s*(个|项)", paragraph):
            item = {"label": match.group(1), "value": f"{cn_to_int(match.group(2))}{match.group(3)}"}
            if item not in items:
                items.append(item)
    return items


def _meeting_list(paragraphs: list[str]) -> list[dict]:
    """``召开专题民主生活会1次,党委会议1次、专题会议16次`` → other figures (专题会议 is ``meetings``)."""
    items = []
    for paragraph in paragraphs:
        for sentence in re.split(r"[。；;]", paragraph):
            at = sentence.find("召开")
            if at < 0:
                continue
            for clause in re.split(r"[、，,]", sentence[at:]):
                match = re.fullmatch(r"(?:召开|共|累计)?\s*([^\d\s]{2,14}?)\s*(\d+)\s*(次|场)", clause.strip())
                if match and match.group(1) != "专题会议":
                    item = {"label": match.group(1), "value": f"{match.group(2)}{match.group(3)}"}
                    if item not in items:
                        items.append(item)
    return items


def check_overall_status(paragraphs: list[str], notes: Notes) -> None:
    for paragraph in paragraphs:
        match = re.search(r"完成了整改目标|全部完成整改|整改任务全部完成|已全部整改到位|全面完成(?:了)?整改", paragraph)
        if match:
            done = vocabulary.done_status().value
            notes.add(f"通报称“{match.group(0)}”，但没有逐个问题载明整改状态："
                      f"各问题的 status 暂填“{unstated_status()}”，"
                      f"请编辑决定是否改为“{done}”")
            return


# ---------------------------------------------------------------------------------------------
# the contact block

_PHONE = re.compile(
    r"(?:联系电话|举报电话|监督电话|电\s?话|热线|联系方式(?=\s*[:：]\s*\d))\s*[:：]?\s*"  # 联系方式:7673067(8:30-17:30)
    r"((?:\d[\d\-－—()（）转 ]{4,}\d)(?:\s*[、/或]\s*\d[\d\-－—()（）转 ]{4,}\d)*)"
)
_ADDRESS = re.compile(r"(?:邮政地址|通信地址|通讯地址|来信地址|邮政信箱|地址|受理信访地点|信访接待地点|接访地点)"
                      r"\s*[:：]\s*"
                      r"([^;；。，,\n]+)"
                      # 巡察期间在科创中心北门西侧设置了巡察组信箱: where the team's letter box is
                      r"|在([^，,。；;]{2,30}?)(?:设置|设立|设)了?(?:巡察组|巡视组)?(?:意见箱|信箱|举报箱)"
                      r"|(?:来信|信件)[^。；;]{0,6}?(?:请?寄(?:至|到)?|邮寄(?:至|到))\s*[:：]?\s*([^。；;\n]+)")
_EMAIL = re.compile(r"(?:电子邮箱|电子邮件|电子信箱|邮箱|E-?mail)\s*[:：]?\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
                    re.IGNORECASE)
_CONTACT_START = re.compile(r"联系方式|联系电话|举报电话|监督电话|电话|热线|邮政地址|通信地址|邮政信箱|电子邮箱|"
                            r"电子信箱|邮箱")


def find_contact(paragraphs: list[str], notes: Notes) -> tuple[dict | None, list[int]]:
    """The contact block near the end: (fields in the model's keys, indexes of its paragraphs, the one that
    says it is the contact first). A block of one field a line (邮政信箱：… / 邮政编码：… / 电子邮箱：… /
    联系电话：…) is read whole; a postal code is written after the address, as the text writes it."""
    for index in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 8), -1):
        paragraph = paragraphs[index]
        contact = _contact_fields(paragraph)
        if contact and (re.search(r"联系|欢迎|监督|反映|举报|来信|来电", paragraph)
                        or _under_contact_heading(paragraphs, index)):
            block = [index]
            for step in (-1, 1):
                at = index + step
                while 0 <= at < len(paragraphs) and _is_contact_line(paragraphs[at]):
                    block.append(at)
                    at += step
            postal = []
            for at in sorted(block[1:]):
                if _POSTAL_CODE.fullmatch(paragraphs[at].strip()):
                    postal.append(paragraphs[at].strip())
                for key, value in _contact_fields(paragraphs[at]).items():
                    contact.setdefault(key, value)
            if postal and contact.get("address"):
                contact["address"] += "".join(f"({code})" for code in postal)  # …转市委第六巡察组(邮政编码:710018)
            return _model_contact(contact, notes), block
    return None, []




def _under_contact_heading(paragraphs: list[str], index: int) -> bool:
    """三、反映问题联系方式 / 电 话:… / 电子邮箱:… / 邮政信箱:…: a line of a run of contact lines under a heading that
    names the contact."""
    if not _is_contact_line(paragraphs[index]):
        return False
    at = index - 1
    while at >= 0 and _is_contact_line(paragraphs[at]):
        at -= 1
    return at >= 0 and len(paragraphs[at]) <= 30 and bool(re.search(r"联系方式|联系电话|举报方式|反映问题",
                                                                    paragraphs[at]))


def _is_contact_line(line: str) -> bool:
    return len(line) <= 60 and bool(CONTACT_LINE.match(line))


_POSTAL_CODE = re.compile(r"(?:邮政编码|邮编)\s*[:：]\s*\d{6}")


def _model_contact(contact: dict, notes: Notes) -> dict:
    """The contact as the model takes it: one phone number (the first the model accepts; 0731－… with a
    full-width dash is read as 0731-…) and an e-mail address it accepts; the rest is left to the editor."""
    if "phone" in contact:
        numbers = [re.sub(r"[\s()（）]", "", n).replace("－", "-").replace("—", "-")
                   for n in re.split(r"\s*[、/或]\s*", contact["phone"])]
        valid = [n for n in numbers if PHONE_PATTERN.match(n)]
        if valid:
            contact["phone"] = valid[0]
        else:
            del contact["phone"]
        others = [n for n in numbers if n not in valid[:1]]
        if others and not valid:  # 7673067: a local number without its area code
            notes.add(f"原文的联系电话“{'、'.join(others)}”不是草稿能写入的号码格式"
                      "（固定电话须带区号，如 0335-7673067）：没有写入 phone，"
                      "请编辑补上区号，或写在联系方式说明（intro）里")
        elif others:
            notes.add(f"联系电话只写入了{'“' + valid[0] + '”' if valid else '空白'}（草稿只能写一个号码）；"
                      f"原文还有：{'、'.join(others)}，请编辑决定写在联系方式说明（intro）里还是删去")
    empty = re.search(r"[（(]\s*(?:邮政编码|邮编)\s*[:：]?\s*[)）]$", contact.get("address", ""))
    if empty:  # 宿迁市人民大道7号市委第三巡察组(邮政编码:): the code is missing in the text
        contact["address"] = contact["address"][: empty.start()].rstrip()
        notes.add(f"原文地址后的“{empty.group(0)}”没有写出邮编，草稿的地址没有保留它，请按原网页核对")
    if "email" in contact and not EMAIL_PATTERN.match(contact["email"]):
        notes.add(f"原文的电子邮箱“{contact.pop('email')}”格式不对，没有写入草稿，请编辑核对")
    return contact


# 7673067(8:30-17:30): the hours the phone is answered, no part of the number
_HOURS = re.compile(r"[（(]\s*\d{1,2}\s*[:：]\s*\d{2}\s*[-－—~～至到]\s*\d{1,2}\s*[:：]\s*\d{2}\s*[)）]")


def _contact_fields(paragraph: str) -> dict:
    found = {}
    for key, pattern in (("phone", _PHONE), ("address", _ADDRESS), ("email", _EMAIL)):
        hours_out = _HOURS.sub(lambda hours: "；" + " " * (len(hours.group(0)) - 1), paragraph)  # the same length
        match = pattern.search(hours_out if key == "phone" else paragraph)
        if match:
            found[key] = next(group for group in match.groups() if group).strip(" ;；,，。")
            postal = _POSTAL_CODE.match(paragraph, match.end() + 1) if key == "address" else None
            if postal and paragraph[match.end()] in "，,":  # 邮政信箱:……第一组,邮政编码:215004。(not after a ；)
                found[key] += f"({postal.group(0)})"
    if not found:
        return {}
    start = _CONTACT_START.search(paragraph)
    intro = paragraph[: start.start()] if start else ""
    intro = intro[: intro.rfind("。") + 1] if "。" in intro else intro.strip(" ：:,，")
    if intro and not intro.endswith("。") and re.search("[，,]", intro):  # whole clauses only: not …设专门值班
        intro = re.split("[，,][^，,]*$", intro)[0]
    return ({"intro": intro} if intro else {}) | found
