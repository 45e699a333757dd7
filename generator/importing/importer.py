"""``notices import FILE``: a published notice (text, saved web page, Word or PDF file) → a draft to review.

The draft is honest rather than complete: what the text states is filled in, what it lacks is left
out or marked with :data:`PLACEHOLDER` (``notices check`` must reject any value starting with it),
and every doubt is listed in ``ImportResult.unplaced`` for the editor. Bad input raises
:class:`ImportFailed`, never a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from generator.check.spam import find_spam
from generator.importing import draft, gazetteer
from generator.importing.facts import (
    Notes,
    check_overall_status,
    declared_figures,
    find_contact,
    find_inspection,
    same_team,
    team_in_title,
    team_with_its_place,
)
from generator.importing.html import html_to_text, looks_like_html, markup_note
from generator.importing.identity import (
    bare_town,
    city_of_a_zone,
    domain_from,
    in_full,
    kind_from,
    known_place_in,
    level_of_the_inspection,
    meta_value,
    place_in_the_news,
    place_of_the_meeting,
    place_of_the_ordering_committee,
    place_of_the_sending_committee,
    province_of,
    publisher_from,
    publisher_from_signature,
    publisher_from_text,
    region_from,
    region_from_inspected,
    region_from_name,
    region_from_text,
    region_of_level,
    subject_after_the_preamble,
    the_one_county,
    titled_unit,
    town_in_the_news,
    with_its_city,
    with_its_county,
)
from generator.importing.labels import unstated_status
from generator.importing.numerals import ordinal, parse_date
from generator.importing.outline import Outline, build_outline
from generator.importing.page import SIGNATURE_DATE, Page, clean_lines, front_matter_chrome, split_page
from generator.importing.reading import ReadError, read_text
from generator.importing.review import report_outline, report_page, report_problems
from generator.importing.word import Document, read_document
from generator.model import vocabulary
from generator.model.notice import PLACEHOLDER, SLUG_PATTERN, Figures, Notice
from generator.model.settings import FILING_LABELS


class ImportFailed(Exception):
    """The file cannot be imported; ``str(e)`` is a message for the editor that names the file."""


@dataclass
class ImportResult:
    notice: dict  # data in the model's shape, ready to dump as YAML
    body_markdown: str  # the narrative body (.md file)
    site_footer: dict  # suggested footer, keys present only when found
    spam_removed: list  # spam findings left out of the draft (text, reason, offsets)
    unplaced: list[str]  # what the editor must decide, in Chinese
    source: Path | None = None
    page_metadata: dict = field(default_factory=dict)  # 作者、发布时间、来源、点击、索引号… as found
    chrome_removed: list[str] = field(default_factory=list)  # page furniture that was dropped
    written: tuple[Path, Path] | None = None  # set by write_draft
    spam_positions: list = field(default_factory=list)  # (line, column) in the imported text of each spam finding


def import_notice(source: Path) -> ImportResult:
    source = Path(source)
    try:
        return _import(source)
    except ImportFailed:
        raise
    except ReadError as exc:
        raise ImportFailed(f"无法导入“{source}”：{exc}") from None
    except RecursionError:
        raise ImportFailed(f"无法导入“{source}”：文件结构嵌套过深，无法解析；请复制正文另存为 .txt 再导入") from None
    except MemoryError:
        raise ImportFailed(f"无法导入“{source}”：文件太大，内存不足") from None
    except Exception as exc:  # a bug of ours must still reach the editor as a message
        raise ImportFailed(
            f"无法导入“{source}”：导入程序内部出错（{type(exc).__name__}: {exc}），请把这个文件交给网站维护人员"
        ) from exc


def _import(source: Path) -> ImportResult:
    document = read_document(source)  # Word and PDF files; None for text and saved web pages
    text = document.text if document else read_text(source)
    html_meta: dict[str, str] = {}
    hidden: list[str] = []
    notes: list[str] = []
    if not document and looks_like_html(text):  # a Word paragraph may quote "<p>"; it is still text
        if source.suffix.lower() not in (".html", ".htm", ".xhtml"):  # a saved page's markup goes without saying
            notes.append(markup_note(text))
        page_html = html_to_text(text)
        text, html_meta, hidden = page_html.text, page_html.meta, page_html.hidden
    positions: list = []
    text, spam = _remove_spam(text, positions)
    if document:
        spam = document.spam + spam
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        raise ReadError("文件里没有中文正文，不像一份巡察整改通报")
    page = split_page(clean_lines(text), html_meta)
    if not page.paragraphs:
        raise ReadError("去掉网页的页眉、页脚后没有剩下正文")
    result = _assemble(page, spam, source, document)
    result.unplaced += notes
    result.unplaced += _script_note([page.title or "", *page.paragraphs])
    result.spam_positions = positions
    result.unplaced += [f"网页中有被样式隐藏的文字（常见的垃圾信息手法），未写入草稿：“{h[:60]}”" for h in hidden]
    if document:
        result.unplaced += document.report(page)
    return result


def _script_note(texts: list[str]) -> list[str]:
    """A notice in traditional characters is drafted in its own characters, and the editor is told so."""
    import opencc

    text = "".join(texts)
    converted = opencc.OpenCC("t2s").convert(text)
    changed = [a for a, b in zip(text, converted) if a != b] if len(converted) == len(text) else []
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if len(changed) < 10 or len(changed) * 20 < han:
        return []
    examples = "".join(list(dict.fromkeys(changed))[:6])
    return [f"原文是繁体字（{len(changed)} 个字与简体不同，如“{examples}”）：草稿保留原文的繁体字，没有转换为简体；"
            "如网站须用简体，请编辑转换后逐字核对"]


def _remove_spam(text: str, positions: list) -> tuple[str, list]:
    chrome = front_matter_chrome(text)  # (the slug's hash, the site's address: the file's, no spam; not its title)
    findings = [f for f in find_spam(text)  # sorted by start, non-overlapping
                if not any(start <= f.start and f.end <= end for start, end in chrome)]
    for finding in findings:
        line = text.count("\n", 0, finding.start) + 1
        positions.append((line, finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1))
    kept, last = [], 0
    for finding in findings:
        kept.append(text[last:finding.start])
        last = finding.end
    kept.append(text[last:])
    return "".join(kept), findings


# ---------------------------------------------------------------------------------------------
# the draft notice

def _assemble(page: Page, spam: list, source: Path, document: Document | None = None) -> ImportResult:
    notes = Notes()
    paragraphs = page.paragraphs
    contact, contact_block = find_contact(paragraphs, notes)
    rest = [p for i, p in enumerate(paragraphs) if i not in contact_block]

    # Totals help to tell which numbering is the problem list; once the list is known, the figures
    # are read again from the narrative only (a measure's "发现问题5个" is not a declared total).
    first_guess = declared_figures(rest, Notes())
    outline = build_outline(rest, first_guess.get("problems"), first_guess.get("aspects"))
    if document:
        outline = document.outline(rest, outline)  # a 整改台账 table's problems; Word's headings
    figures = declared_figures(outline.narrative, notes)
    inspection_notes = Notes()  # the team can name the region; its notes follow the identity's
    inspection = find_inspection(outline.narrative or rest, inspection_notes, _published(page.meta))
    if contact_block and not (inspection or {}).get("start"):
        # a 公告 of one paragraph (…巡察组从5月17日至8月7日对…开展巡察…值班电话…) is its own contact block
        kept = set(outline.narrative or rest) | {paragraphs[i] for i in contact_block}
        again_notes = Notes()
        again = find_inspection([p for p in paragraphs if p in kept], again_notes, _published(page.meta))
        if (again or {}).get("start"):
            inspection, inspection_notes = again, again_notes
    titled = team_in_title(page.title)
    if titled and inspection and inspection.get("team") != titled and same_team(titled, inspection.get("team", "")):
        notes.add(f"巡察组名称取自标题“{page.title}”（正文写作“{inspection['team']}”），请核对")
        inspection["team"] = titled
    team = (inspection or {}).get("team")
    notice = _identity(page, contact, notes, signed=bool(document and document.signed),
                       team=team_with_its_place(outline.narrative or rest) or team)
    for line in inspection_notes.lines:
        notes.add(line)
    if inspection:
        notice["inspection"] = inspection
    notice["figures"] = {key: figures[key] for key in Figures.model_fields if key in figures}
    notice["aspects"] = _aspects(outline, figures, notes)
    notice["problems"] = _problems(outline, figures, notes)
    if contact:
        notice["contact"] = contact
    if not (page.title or inspection or outline.problems or any(re.search("巡[察视視]", p) for p in rest[:5])):
        raise ReadError("没有找到通报标题、巡察情况或问题清单，不像一份巡察整改通报")
    check_overall_status(outline.narrative, notes)
    report_outline(outline, notes)
    report_page(page, notes)
    if contact_block:  # what the contact fields leave out of the paragraph stays visible
        notes.add("联系方式取自原文这一段，已写入 contact，其余文字请按需写入说明（intro）："
                  f"“{paragraphs[contact_block[0]]}”")
    if len(contact_block) > 1:
        lines = "”“".join(paragraphs[i] for i in sorted(contact_block[1:]))
        notes.add(f"联系方式还取自相邻的这几行，已写入 contact：“{lines}”")
    _validate(notice, source)
    return ImportResult(
        notice=notice,
        body_markdown=draft.markdown_body(outline.narrative, outline.headings,
                                          outline.list_at if outline.problems else None),
        site_footer=page.footer,
        spam_removed=spam,
        unplaced=notes.lines,
        source=source,
        page_metadata=page.meta,
        chrome_removed=page.chrome_removed,
    )


def _identity(page: Page, contact: dict | None, notes: Notes, signed: bool = False,
              team: str | None = None) -> dict:
    notice: dict = {}
    notice["title"] = page.title or _placeholder("title", "原文标题缺失", notes, "没有找到通报标题")
    kind, from_title = kind_from(page.title, page.paragraphs, contact=bool(contact))
    notice["kind"] = kind
    if not from_title:
        notes.add(f"通报类别（kind）是根据正文推断的“{kind}”，请核对")
    # (a 巡察公告 is the team's: the unit it inspects is no publisher of it)
    notice["publisher"] = _publisher(page, notes, news=kind == _fallback_kind(), announcement="公告" in kind)
    # a news item has no publisher of its own: its region is the one of the unit it is about
    unit = notice["publisher"] if not notice["publisher"].startswith(PLACEHOLDER) else publisher_from_text(
        page.paragraphs)
    named = region_from_name(publisher_from(page.title, {})) or region_from_name(unit)
    sourced = _region_from_source(page.meta)
    if sourced and (not named or (sourced.startswith(named) and sourced != named)):
        named = sourced  # 来源：中山市横栏镇人民政府 names the place the title's 市委 leaves open
    region = region_from(page.footer, contact)
    if region and (not named or region.endswith(named)):  # the footer's 安徽省安庆市大观区 is 大观区 in full
        notes.add(f"地区（region）是根据页脚的备案号和主办单位推断的“{region}”，请核对")
    elif named:
        region = named
        zone = next((name for name in (page.title, unit, *page.meta.values()) if city_of_a_zone(name) == named
                     and named not in (name or "")), None)
        notes.add(f"地区（region）“{region}”是“{zone}”所在的市（开发区以所在的市命名），请核对是否应写到区、县"
                  if zone else f"地区（region）取自标题或发布机构中的地名“{region}”，请核对是否完整")
    elif region_from_text(page.paragraphs + list(page.meta.values())):
        region, unit = region_from_text(page.paragraphs + list(page.meta.values())) or ("", "")
        notes.add(f"地区（region）取自正文中的单位名称“{unit}”里的地名“{region}”，请核对")
    else:
        region = _region_elsewhere(page, unit, team, notes, news=kind == _fallback_kind(), contact=contact)
    texts = [page.title or "", *page.paragraphs]
    if region and with_its_county(region, texts) != region:
        notes.add(f"地区（region）“{region}”按正文的写法加上了所在的县市：“{with_its_county(region, texts)}”，请核对")
        region = with_its_county(region, texts)
    if region and with_its_city(region, texts) != region:
        notes.add(f"地区（region）“{region}”按正文的写法加上了所在的市：“{with_its_city(region, texts)}”，请核对")
        region = with_its_city(region, texts)
    if bare_town(region):  # 郊尾镇 alone: the county whose committee sent the team, or (a notice's own town) nothing
        county = place_of_the_sending_committee(texts)
        if county or kind != _fallback_kind():  # the note that took the town says no more than the one below
            notes.lines = [line for line in notes.lines
                           if not (line.startswith("地区（region）") and f"“{region}”" in line)]
        if county:
            notes.add(f"地区（region）只找到镇名“{region}”（原文没有把它和所在的县市写在一起），取了派出巡察组或部署巡察的"
                      f"县市“{county}”，请核对")
            region = county
        elif kind != _fallback_kind():
            notes.add(f"地区（region）只找到镇名“{region}”，原文没有写它所在的县、市（各地有同名的镇）：没有填写，"
                      f"请编辑填写（如“某某县{region}”）")
            region = None
    notice["region"] = region or _placeholder("region", "地区", notes, "没有找到地区")
    domain = domain_from(page.title, page.paragraphs)
    if domain:
        notice["domain"] = domain
    # a document (Word, PDF), or a whole document copied onto a page (特此公告 / 中共××委第六巡察组 / 2020年10月28日),
    # is published on the day it is signed when the page gives no date
    signed = signed or _closes_as_a_document(page.paragraphs) or _signed_by_its_publisher(
        page.paragraphs, publisher_from(page.title, page.meta))
    published = _published(page.meta) or (_signed_on(page.paragraphs, notes) if signed else None)
    used = next((entry for entry in vocabulary.page_metadata()
                 if entry.fills == "published" and page.meta.get(entry.key)), None)
    if published and used is not None and used.stand_in:
        notes.add(f"发布日期（published）取自网页的“{used.key}：{page.meta[used.key]}”（网页上没有发布日期），"
                  f"{used.key}可能晚于发布日期，请核对")
    if published:
        notice["published"] = published
    else:
        notes.add("没有找到发布日期：published 未填写" + _signature_hint(page.paragraphs))
    for key in ("source", "index_number"):
        value = meta_value(page.meta, key)
        if value:
            notice[key] = value
    issued = meta_value(page.meta, "publisher")
    if issued and "source" not in notice and titled_unit(page.title) and issued != notice["publisher"]:
        # 发布机构:区卫健局 over 兴城社区卫生服务中心关于…的通报: the site's department that put it online
        notice["source"] = issued
        notes.add(f"发布机构（publisher）取自标题中的单位“{notice['publisher']}”；网页的发布机构“{issued}”"
                  "是发布这篇通报的部门，写入了来源（source），请核对")
    return notice



def _region_elsewhere(page: Page, publisher: str | None, team: str | None, notes: Notes,
                      news: bool = False, contact: dict | None = None) -> str | None:
    """A publisher that names no place (市卫健委党委, 区委): the place of the unit inspected (对通川区委进行了巡视),
    of the inspecting team if it is a city's or a county's (宿迁市委第六巡察组), the place of the publisher's level
    the text names (宿迁市), and last the province of a provincial team (四川省委第五巡视组). A title that starts with
    a place the gazetteer knows (歙县召开巡察整改工作推进会) names it before all these."""
    titled = known_place_in(page.title)
    if titled:
        notes.add(f"地区（region）取自标题开头的地名“{titled}”，请核对")
        return titled
    town = town_in_the_news([page.title]) if page.title else None  # 大桥镇召开巡察整改推进会: the headline says it
    if town:
        notes.add(f"地区（region）取自标题开头召开会议的“{town}”，请核对是否应加上所在的县、区")
        return town
    town = town_in_the_news(page.paragraphs)
    if town:
        notes.add(f"地区（region）取自正文开头召开会议的“{town}”，请核对是否应加上所在的县、区")
        return town
    opening = place_in_the_news(page.paragraphs)  # 近日,福建省莆田市启动…巡察: the news is about that place
    if opening:
        notes.add(f"地区（region）取自正文开头启动或召开会议的“{opening}”，请核对")
        return opening
    meeting = place_of_the_meeting([page.title or "", *page.paragraphs[:1]])
    if meeting:
        notes.add(f"地区（region）取自召开会议的单位“{meeting[1]}”里的地名“{meeting[0]}”，请核对")
        return meeting[0]
    inspected = region_from_inspected([page.title or "", *page.paragraphs])
    if inspected:
        notes.add(f"地区（region）取自正文中被巡察的单位“{inspected[1]}”里的地名“{inspected[0]}”，请核对")
        return inspected[0]
    ordering = place_of_the_ordering_committee(page.paragraphs)
    if ordering and not ordering[0].endswith(("省", "自治区", "自治區")):
        notes.add(f"地区（region）取自部署巡察的“{ordering[1]}”里的地名“{ordering[0]}”，请核对")
        return ordering[0]
    by_team = known_place_in(team)
    if by_team and not by_team.endswith(("省", "自治区", "自治區")):
        notes.add(f"地区（region）取自巡察组名称“{team}”里的地名“{by_team}”，请核对")
        return by_team
    # the site's own name, removed as chrome (欢迎进入山西省临汾市中心医院官方网站), also names the place
    sites = [line for line in page.chrome_removed if re.search(r"网站|網站|门户|門戶|官网|官網", line)]
    named = region_of_level(publisher, [page.title or "", *page.paragraphs, *sites])
    if named and publisher:
        notes.add(f"地区（region）是正文中提到最多的{publisher.removeprefix('中共')[0]}名“{named}”"
                  f"（发布机构“{publisher}”没有写地名），请核对")
        return named
    if by_team:
        notes.add(f"地区（region）取自巡视组名称“{team}”里的省名“{by_team}”（发布机构没有写地名），请核对是否应写到市、县")
        return by_team
    # (the site named in the metadata line too: 2025-06-17 09:00 浙江省纪委省监委网站)
    province = province_of(team, [page.title or "", *page.paragraphs, *page.meta.values()])
    if province:
        notes.add(f"地区（region）是省级单位的巡察组“{team}”和正文中唯一提到的省名“{province}”，请核对")
        return province
    # no unit named with its place: the place of the committee's level (区委第二巡察组 → the 区 the text names most);
    # not in a news item, which another place's site may write about a unit it names only as 市第二人民医院
    # (unless the team's own address is in that place: 宿迁市人民大道7号市委第三巡察组)
    level = level_of_the_inspection(team, page.paragraphs)
    named = region_of_level(level, [page.title or "", *page.paragraphs, *sites]) if level else None
    if news and named and not (contact or {}).get("address", "").startswith(named):
        named = None
    if named:
        notes.add(f"地区（region）是正文中提到最多的{level}名“{named}”（由{level}委部署巡察，发布机构没有写地名），请核对")
        return named
    # 呈贡区纪委监委充分发挥巡察利剑作用…: the one place the whole text names, more than once
    places = gazetteer.named_in([page.title or "", *page.paragraphs])
    if len(set(places)) == 1 and len(places) >= 2 and not places[0].endswith(("省", "自治区", "自治區")):
        notes.add(f"地区（region）是正文中唯一提到的地名“{places[0]}”（共{len(places)}处），请核对")
        return places[0]
    county = the_one_county([page.title or "", *page.paragraphs])
    if county:
        notes.add(f"地区（region）是正文中反复提到的唯一一个区县（另外只提到它所在的市、省），按原文最完整的写法取“{county}”，请核对")
        return county
    return None


def _region_from_source(meta: dict[str, str]) -> str | None:
    """The place the page's 来源 / 发布机构 names (广州市住房和城乡建设局 → 广州市), if any."""
    for key in vocabulary.page_metadata_filling("source") + vocabulary.page_metadata_filling("publisher"):
        if re.search(r"(?:网站|網站|网|網)$", meta.get(key) or ""):
            continue  # 来源：某某市纪委监委网站 names the site that reprinted it, not the unit
        place = region_from_name(meta.get(key))
        if place:
            return place
    return None


def _fallback_kind() -> str:
    return next(kind.value for kind in vocabulary.kinds() if kind.fallback)


def _publisher(page: Page, notes: Notes, news: bool = False, announcement: bool = False) -> str:
    """The title's unit, the page's 发布机构, the signature, and in a notice (not a news item about a meeting) the
    unit the text says was inspected."""
    publisher = publisher_from(page.title, page.meta)
    if publisher:
        return publisher
    signed = publisher_from_signature(page.paragraphs)
    if signed:
        notes.add(f"发布机构（publisher）取自文末落款“{signed}”，请核对")
        return signed
    team = team_in_title(page.title)
    if team:  # a 巡察公告 is issued by the team that the title names
        notes.add(f"发布机构（publisher）取自标题中的巡察组“{team}”，请核对")
        return team
    answered = None if news or announcement else publisher_from_text(page.paragraphs)
    full = in_full(answered, page.paragraphs) if answered else None
    if answered and full:
        notes.add(f"发布机构（publisher）是正文中接受巡察反馈的“{answered}”，按正文另一处的全称写作“{full}”，请核对")
        return full
    if answered:
        notes.add(f"发布机构（publisher）取自正文中接受巡察反馈的单位“{answered}”，请核对")
        return answered
    subject = None if news or announcement else subject_after_the_preamble(page.paragraphs)
    if subject:  # 中共玉环市民政局党组坚持把巡察整改…: the body that tells what it did
        notes.add(f"发布机构（publisher）取自正文开头作主语的“{subject}”，请核对")
        return subject
    return _placeholder("publisher", "发布机构", notes,
                        "没有找到发布机构（标题中“关于”之前的单位、政务公开信息或落款）")


def _placeholder(key: str, what: str, notes: Notes, why: str) -> str:
    notes.add(f"{why}：{key} 暂填“{PLACEHOLDER}{what}”，检查不会通过，请编辑按原文填写")
    return f"{PLACEHOLDER}{what}"


def _signature_hint(paragraphs: list[str]) -> str:
    dates = [p for p in paragraphs[-4:] if SIGNATURE_DATE.fullmatch(p.strip())]
    if dates:
        return f"（落款日期“{dates[-1]}”是成文日期，不一定是发布日期，请按原网页核对后填写）"
    return "（不要用落款或成文日期代替，除非确认相同）"


def _closes_as_a_document(paragraphs: list[str]) -> bool:
    """特此公告。/ the issuing body / the date: the text ends as a signed document does."""
    return len(paragraphs) >= 3 and bool(re.match(r"特此(?:公告|通报|公示|通告|通知)", paragraphs[-3].strip())) \
        and bool(SIGNATURE_DATE.fullmatch(paragraphs[-1].strip())) and not SIGNATURE_DATE.fullmatch(paragraphs[-2])


def _signed_by_its_publisher(paragraphs: list[str], publisher: str | None) -> bool:
    """中共南开大学委员会关于…的通报 / … / 中共南开大学委员会 / 2022年4月16日: the text ends with the name its title (or
    the page) gives its publisher, over a date, as the document it is, copied whole (a signature alone, naming the
    publisher nothing else names, is no publication date)."""
    return bool(publisher) and len(paragraphs) >= 3 and paragraphs[-2].strip() == publisher \
        and bool(SIGNATURE_DATE.fullmatch(paragraphs[-1].strip()))


def _signed_on(paragraphs: list[str], notes: Notes):
    """A document (Word, PDF) has no page date: its signature date (成文日期) is the one it states."""
    dates = [p for p in paragraphs[-4:] if SIGNATURE_DATE.fullmatch(p.strip())]
    if not dates or parse_date(dates[-1]) is None:
        return None
    notes.add(f"发布日期（published）取自文末落款日期“{dates[-1]}”（成文日期）；如网站上的发布日期不同，请改正")
    return parse_date(dates[-1])


def _published(meta: dict[str, str]):
    for key in vocabulary.page_metadata_filling("published"):
        if meta.get(key):
            return parse_date(meta[key])
    return None


def _aspects(outline: Outline, figures: dict, notes: Notes) -> list[dict]:
    aspects: dict[int, dict] = {}
    for aspect in outline.aspects:
        aspects.setdefault(
            aspect.number, {"number": aspect.number, **({"title": aspect.title} if aspect.title else {})}
        )
    declared = figures.get("aspects")
    if declared and not outline.problems:
        notes.add(f"通报载明{declared}个方面，但没有找到问题清单：aspects 未填写，请编辑按原文补填")
    elif declared and len(aspects) < declared:  # never padded with untitled aspects: the editor adds them
        missing = "、".join(str(n) for n in range(1, declared + 1) if n not in aspects)
        found = "、".join(f"（{ordinal(n)}）" for n in sorted(a.number for a in outline.aspects))
        notes.add(f"通报载明{declared}个方面，原文只找到方面标题{found}；"
                  f"方面{missing}没有写入 aspects，请编辑按原文补填" if found
                  else f"通报载明{declared}个方面，原文没有方面标题：aspects 未填写，请编辑按原文补填")
    elif declared and len(aspects) > declared:
        notes.add(f"通报载明{declared}个方面，草稿中找到{len(aspects)}个，请核对")
    return [aspects[n] for n in sorted(aspects)]


def _problems(outline: Outline, figures: dict, notes: Notes) -> list[dict]:
    problems = []
    for index, found in enumerate(outline.problems, start=1):
        problem: dict = {"number": index}
        if found.aspect is not None:
            problem["aspect"] = found.aspect
        if found.title:
            problem["title"] = found.title
        if found.description:
            problem["description"] = found.description
        for key in ("responsible_unit", "responsible_leader", "due"):
            if found.labels.get(key):
                problem[key] = found.labels[key]
        problem["status"] = found.labels.get("status", unstated_status())
        problem["measures"] = list(found.measures)
        problems.append(problem)
    report_problems(outline, figures, notes)
    return problems


def _validate(notice: dict, source: Path) -> None:
    try:
        Notice.model_validate(notice)
    except ValidationError as exc:
        raise ImportFailed(f"无法导入“{source}”：生成的草稿不符合通报格式（{exc.error_count()} 处），"
                           "请把这个文件交给网站维护人员") from exc


# ---------------------------------------------------------------------------------------------
# files and report

def write_draft(
    result: ImportResult, out_dir: Path, name: str | None = None, *, overwrite: bool = False
) -> tuple[Path, Path]:
    """Write ``<name>.yml`` and ``<name>.md`` into ``out_dir``; never overwrite unless asked."""
    from generator.text.slug import slugify

    out_dir = Path(out_dir)
    title = str(result.notice.get("title", ""))
    if name is None:
        stem = result.source.stem if result.source else "daoru"
        name = slugify(stem if title.startswith(PLACEHOLDER) else title)
    elif not re.match(SLUG_PATTERN, name):
        raise ImportFailed(f"草稿名称“{name}”不可用：只能用小写字母、数字和连字符（-），如 daguan-lvhua-zhenggai；"
                           "草稿写在 --out 指定的文件夹里")
    yml, md = out_dir / f"{name}.yml", out_dir / f"{name}.md"
    existing = [p for p in (yml, md) if p.exists()]
    if existing and not overwrite:
        raise ImportFailed(f"草稿文件已存在：{existing[0]}；为免覆盖编辑的修改，未写入。请换一个名称或先移走旧文件")
    _validate(result.notice, result.source or yml)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        yml.write_text(draft.dump_notice(result.notice, _header_comments(result)), encoding="utf-8")
        md.write_text(result.body_markdown, encoding="utf-8")
    except OSError as exc:
        raise ImportFailed(f"无法写入草稿到“{out_dir}”：{exc.strerror or exc}") from None
    result.written = (yml, md)
    return yml, md


def _header_comments(result: ImportResult) -> list[str]:
    origin = f"“{result.source.name}”" if result.source else "原文"
    lines = [f"导入草稿：由 notices import 从{origin}自动生成，尚未经人工核对。"
             "发布前请逐项对照原文检查，并处理下面列出的事项。"]
    meta = "；".join(f"{k}：{v}" if v else f"{k}：（空）" for k, v in result.page_metadata.items())
    if meta:
        lines.append(f"原网页信息：{meta}")
    if result.spam_removed:
        lines.append(f"已删除原文中夹带的垃圾信息 {len(result.spam_removed)} 处（不属于通报正文）。")
    if result.unplaced:
        lines.append("待编辑核对或决定：")
        lines += [f"  - {line}" for line in result.unplaced]
    return lines


_FOOTER_LABELS = tuple((key, label) for key, label in FILING_LABELS.items() if key != "site_code")


def format_report(result: ImportResult) -> str:
    lines = [f"导入：{result.source}" if result.source else "导入结果"]
    if result.written:
        lines += ["草稿已写入：", *(f"  {path}" for path in result.written)]
    else:
        lines.append("草稿尚未写入文件。")
    lines.append(_summary(result.notice))
    if result.spam_removed:
        lines.append(f"已删除的垃圾信息（{len(result.spam_removed)} 处，未写入草稿）：")
        at = result.spam_positions if len(result.spam_positions) == len(result.spam_removed) else []
        lines += [f"  {i}. {_spam_line(f)}" + (f"（原文第 {at[i - 1][0]} 行第 {at[i - 1][1]} 列）" if at else "")
                  for i, f in enumerate(result.spam_removed, 1)]
    else:
        lines.append("没有发现垃圾信息。")
    if result.chrome_removed:
        lines.append(f"已去掉的网页元素（{len(result.chrome_removed)} 处：导航、分享、字号等，不属于通报正文）：")
        lines += [f"  {i}. {text}" for i, text in enumerate(result.chrome_removed, 1)]
    if result.site_footer:
        lines.append("建议的网站页脚（属于网站而不是通报，请交给网站维护人员写入站点配置）：")
        lines += [f"  {label}：{result.site_footer[key]}" for key, label in _FOOTER_LABELS if key in result.site_footer]
    if result.unplaced:
        lines.append(f"需要编辑核对或决定的事项（{len(result.unplaced)} 条）：")
        lines += [f"  {i}. {line}" for i, line in enumerate(result.unplaced, 1)]
    return "\n".join(lines)


def _spam_line(finding) -> str:
    return finding.reason if finding.text in finding.reason else f"“{finding.text}”：{finding.reason}"


def _summary(notice: dict) -> str:
    problems = notice.get("problems", [])
    measures = sum(len(p.get("measures", [])) for p in problems)
    return (f"识别结果：标题“{notice.get('title')}”；{len(notice.get('aspects', []))} 个方面，"
            f"{len(problems)} 个问题，{measures} 条措施")
