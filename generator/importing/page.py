"""Strip a page's chrome: header, breadcrumb, metadata lines, share widgets, footer.

What is kept: the notice's title, its metadata (作者/发布时间/来源/点击, 政务公开 fields), the body
paragraphs in order, and the site footer's fields (a suggestion for the site's own footer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importing.gazetteer import GLOSS, simplified, without_glosses
from generator.importing.labels import _LABELS
from generator.model import vocabulary
from generator.model.settings import FILING_FIELDS

PROVINCES = "".join(province.abbr for province in vocabulary.provinces())  # generator/data/provinces.yml

# Whole lines that are page furniture wherever they appear (only short lines are tested; 您好!今天是 is a site's
# greeting whose date the copy lost).
_WIDGETS = re.compile(
    r"^(现在您的计算机时间为|当前时间|(?:[您你]好\s*[!！,，]?\s*)?今天是|(当前|您现在的|您的|当前所在|所在|[您你]所在的|[您你]当前的)位置|首页\s*[>＞»/›]|"
    r".{0,20}(门户网站|人民政府网|纪委监委网站?|网站首页)$|微信公众号$|"
    r"分享到|分享：|朗读|语音播报|【?\s*字[体号]\s*[:：]?\s*[【\[]?\s*大|【?\s*打印|打印本页|【?\s*关闭|关闭窗口|"
    r"收藏本页|加入收藏|设为首页|扫一扫|手机扫描|微信扫|上一篇|下一篇|上一条|下一条|返回顶部|返回首页|"
    r"视力保护|无障碍|长者模式|繁[體体]|简体版|网站地图|联系我们|关于我们|相关链接|相关文章|相关阅读|"
    r"友情链接|(?:欢迎|热烈欢迎)(?:您)?(?:来到|访问|光临|进入))"
)
_WIDGET_MAX_CHARS = 40
# A breadcrumb that ends with the article's title is longer than a widget: 首页 > 媒体中心 > 行业新闻 > (the title)
_BREADCRUMB = re.compile(r"^(?:.{0,12}(?:位置|当前页面|當前頁面)\s*[:：]?\s*)?首页\s*[>＞»/›]")
_BREADCRUMB_MAX_CHARS = 100

# What is left of a page's layout table or an image once the text is copied: ![]() |, a cell's bar alone.
_LAYOUT_RESIDUE = re.compile(r"(?:!\[[^\]]*\]\([^)]*\)|[|｜丨]|\s)+")
_TRAILING_BARS = re.compile(r"(?:\s*[|｜])+\s*$")  # 工委第二巡察组向教育分局党组反馈巡察情况 | |

# A pinyin gloss a mirror site injects after a character: 衛(wèi)健委, 統(tǒng)一 (in gazetteer, which reads place
# names without them); without_glosses takes them out.
_GLOSS = GLOSS


def reading(line: str) -> str:
    """The form a line is recognised in (its widgets, keys, title words): without pinyin glosses, in simplified
    characters. What is kept is always the line as written."""
    return simplified(without_glosses(line))

# Metadata keys: the author/date line above the text and the 政务公开 block (generator/data/page_metadata.yml).
_META_KEYS = tuple(entry.key for entry in vocabulary.page_metadata() if entry.in_text)
# Keys that sites glue to the previous value with no space (来源:X发布日期:Y).
_GLUED_KEYS = tuple(entry.key for entry in vocabulary.page_metadata() if entry.glued)
# A key starts a line, follows a space, or follows the digits of the previous value (发布日期:2026-02-26信息来源:…).
_META_KEY = re.compile(r"(?:(?:^|(?<=[\s\d]))(" + "|".join(sorted(_META_KEYS, key=len, reverse=True)) + r")|("
                       + "|".join(_GLUED_KEYS) + r"))\s*[:：]")

_TITLE_WORDS = re.compile(r"通报|公告|公示|公布|情况|报告|通知|整改|巡察|巡视")
_SENTENCE_END = re.compile(r"[。；;！!？?]")

_FOOTER_WORDS = re.compile(
    r"主办|协办|承办|技术支持|备案|ICP|公网安备|版权所有|Copyright|©|网站标识码|党政机关|地址\s*[:：]|"
    r"联系电话|电话\s*[:：]|传真|邮件\s*[:：]|邮箱\s*[:：]|E-?mail|建议使用|分辨率|浏览器",
    re.IGNORECASE,
)
_CONTENT_WORDS = re.compile(r"欢迎|监督|反映|举报|意见建议|整改")

_FOOTER_FIELDS = tuple((key, "|".join(words)) for key, (_, words) in FILING_FIELDS.items() if words)
_ICP = re.compile(rf"([{PROVINCES}])\s*ICP\s*备\s*(\d{{6,8}})\s*号(?:\s*[-－]\s*(\d+))?", re.IGNORECASE)
_POLICE = re.compile(rf"([{PROVINCES}])\s*公网安备\s*(\d{{14}})\s*号")
_FIELD_END = re.compile(r"\s{2,}|[;；|｜]|\n|$")


@dataclass
class Page:
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    footer: dict[str, str] = field(default_factory=dict)
    footer_unparsed: list[str] = field(default_factory=list)
    chrome_removed: list[str] = field(default_factory=list)
    unkeyed_meta: str | None = None  # a line of the date and the site with no key (2025-06-17 09:00 某某网站)


def clean_lines(text: str) -> list[str]:
    """Non-empty lines, with no-break and ideographic spaces made plain and the ends trimmed."""
    text = re.sub(r"[\u00a0\u2002-\u200a\u202f\u205f\u3000]", " ", text)
    text = re.sub(r"[\u200b-\u200d\u2060\ufeff]", "", text)
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_page(lines: list[str], html_meta: dict[str, str] | None = None) -> Page:
    page = Page(meta=dict(html_meta or {}))
    lines = _front_matter(lines, page)
    lines = [part for line in _unglued(lines) for part in _one_line_outline(line)]
    lines = _drop_widgets(lines, page)
    lines = _cut_footer(lines, page)
    lines = _take_meta(lines, page)
    lines = _take_title(lines, page)
    page.paragraphs = _source_credit(_drop_trailing_links(lines, page), page)
    return page


# A Markdown file's front matter (--- / title: … / date: … / tags: / - … / ---): the lines of a static site's
# generator, not the notice's. Its title names the page (南开大学->…的通报 | nankai.info: the site before an arrow,
# its address after a bar); its date is when the file was made, no publication date.
_FRONT_MATTER_LINE = re.compile(r"^(?:[A-Za-z_][\w-]*\s*:(?:\s.*)?|-(?:\s+.*)?)$")  # (- once a link is taken out)
_FRONT_MATTER_MAX_LINES = 40
_FRONT_MATTER_TITLE = re.compile(r"^title\s*:\s*[\"']?(.*?)[\"']?$")
_SITE_BEFORE_ARROW = re.compile(r"^[^\s>]{1,20}\s*(?:->|＞|>|»)\s*")
_SITE_AFTER_BAR = re.compile(r"\s+[|｜]\s+[^|｜\u4e00-\u9fff]{1,40}$")


def front_matter_chrome(text: str) -> list[tuple[int, int]]:
    """The (start, end) in ``text`` of the lines of a leading front matter block that are the file's, not the
    notice's ([] without one): its hashes, dates and the site's address, no words planted in the notice. Of its
    ``title:`` lines (the draft's title is taken from them) only the site's address after a bar is; the lines are
    split as :func:`clean_lines` splits them, so a block this takes is one :func:`_front_matter` takes too."""
    lines = text.splitlines(keepends=True)
    end = _front_matter_end([line.strip() for line in lines])
    if end is None:
        return []
    spans, at = [], 0
    for line in lines[:end + 1]:
        if not _FRONT_MATTER_TITLE.match(line.strip()):
            spans.append((at, at + len(line)))
        elif address := _SITE_AFTER_BAR.search(line.rstrip()):
            spans.append((at + address.start(), at + address.end()))
        at += len(line)
    return spans


def _front_matter_end(lines: list[str]) -> int | None:
    """Where the closing ``---`` of a leading front matter block is in ``lines`` (stripped; blank ones pass), None
    without one."""
    if not lines or lines[0] != "---":
        return None
    end = next((i for i, line in enumerate(lines[1:_FRONT_MATTER_MAX_LINES], 1) if line == "---"), None)
    if end is None or not all(_FRONT_MATTER_LINE.match(line) for line in lines[1:end] if line):
        return None
    return end


def _front_matter(lines: list[str], page: Page) -> list[str]:
    end = _front_matter_end(lines)
    if end is None:
        return lines
    for line in lines[1:end]:
        title = _FRONT_MATTER_TITLE.match(line)
        if title and title.group(1).strip():
            name = _SITE_AFTER_BAR.sub("", _SITE_BEFORE_ARROW.sub("", title.group(1).strip()))
            name = _TRAILING_BARS.sub("", name)  # (… | once the address was taken out as a link)
            page.meta.setdefault(vocabulary.page_metadata_filling("title")[0], name)
    page.chrome_removed.extend(lines[:end + 1])
    return lines[end + 1:]


# …由相关部门认真处理。(来源:广昌县残联): a news item's credit at the end of its text names its source
_SOURCE_CREDIT = re.compile(r"[（(]\s*(来源|來源|信息来源|信息來源)\s*[:：]\s*([^（()）:：]{2,30}?)\s*[)）]\s*$")


# …开展交叉巡察。(婁底市紀(jì)委宣傳部), …移交有关部门处理。(西藏自治區(qū)紀委監委): a publicity office or a discipline
# commission in brackets at the very end credits the news item without saying 来源 (its glosses, in brackets of their
# own, kept as written); (作者单位：玉环市纪委): the label is no part of the name
_CREDIT_LABEL = r"(?:(?:作者单位|作者單位|供稿单位|供稿單位|供稿)\s*[:：]\s*)?"
_OFFICE_CREDIT = re.compile(rf"[（(]\s*{_CREDIT_LABEL}((?:[^（()）\s:：]|\([a-zü\u00e0-\u01dc]+\))+?"
                            r"(?:宣传部|宣傳部|宣传科|宣傳科|宣教室|新闻中心|新聞中心|纪委监委|紀委監委|纪委|紀委))\s*[)）]\s*$")


def _source_credit(lines: list[str], page: Page) -> list[str]:
    for index in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        credit = _SOURCE_CREDIT.search(lines[index])
        office = _OFFICE_CREDIT.search(lines[index]) if index == len(lines) - 1 else None
        if office and not credit and len(office.group(1)) <= 40:
            key = vocabulary.page_metadata_filling("source")[0]
            if not any(page.meta.get(k) for k in vocabulary.page_metadata_filling("source")):
                page.meta[key] = office.group(1)
            page.chrome_removed.append(office.group(0).strip())
            kept = lines[index][: office.start()].rstrip()
            return lines[:index] + ([kept] if kept else [])
        if credit:
            key = reading(credit.group(1))
            if not page.meta.get(key):
                page.meta[key] = credit.group(2)
            page.chrome_removed.append(credit.group(0).strip())
            kept = lines[index][: credit.start()].rstrip()
            return lines[:index] + ([kept] if kept else []) + lines[index + 1:]
    return lines


# 党务公开中共泉州市妇联党组关于…的通报发布时间2023年7月28日 来源:泉州市妇联 阅读7695次根据市委…: the page as one
# line, the column label, the title, the metadata and the text run together
_GLUED_TITLE = re.compile(r"^(?:(党务公开|政务公开|黨務公開|政務公開)(?=中共|中國共產黨|中国共产党))?"
                          r"(.{6,80}?(?:通报|通報|报告|報告|公告|公示))(?=(?:发布时间|发布日期|發佈時間|發布時間)[:：]?\s*\d{4})")
_GLUED_DATE_KEY = re.compile(r"^((?:发布时间|发布日期|發佈時間|發布時間))(?=\d{4})")
_GLUED_COUNT_END = re.compile(r"(?:阅读|閱讀|浏览|瀏覽|点击|點擊)(?:次数|次數|量)?[:：]?\s*\d+\s*次(?=[\u4e00-\u9fa5])")


def _unglued(lines: list[str]) -> list[str]:
    """The first line of a page copied as one line cut where its parts meet: the column label, the title, the
    metadata (a colon put after 发布时间 written without one), the text."""
    if not lines:
        return lines
    glued = _GLUED_TITLE.match(lines[0])
    if not glued:
        return lines
    rest = lines[0][glued.end():]
    rest = _GLUED_DATE_KEY.sub(r"\1:", rest)
    count = _GLUED_COUNT_END.search(rest)
    if count:  # 阅读7695次 → 阅读:7695次, a key the metadata reader knows
        meta = re.sub(r"(阅读|閱讀|浏览|瀏覽|点击|點擊)(?=\d)", r"\1:", rest[: count.end()])
        parts = [glued.group(1), glued.group(2), meta, rest[count.end():]]
    else:
        parts = [glued.group(1), glued.group(2), rest]
    return [part for part in parts if part] + lines[1:]


# A page copied as one line: its numbered headings and items (一、 / (一) / 1. / (1)) follow the sentence before
# them, or a heading, after a space
_NUMBERED = (r"(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[)）]"
             r"|\d{1,3}\s*[.．、](?!\d))")
_OUTLINE_AFTER_SPACE = re.compile(rf"\s+(?={_NUMBERED}\s*\S)")
_LEADING_NUMBER = re.compile(rf"^{_NUMBERED}")
_SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])")
_ONE_LINE_PAGE = 300  # characters: a line this long that holds several numbered parts is a whole page
_HEADING_CHARS = 40


def _one_line_outline(line: str) -> list[str]:
    """``…予以公布。 一、整改工作组织领导情况 中心党委切实… 二、…``: a long line holding the numbered parts of a text,
    cut where each part starts (after a sentence's end or after a heading, at a space) and after each heading."""
    if len(line) < _ONE_LINE_PAGE:
        return [line]
    parts: list[str] = []
    start = 0
    for gap in _OUTLINE_AFTER_SPACE.finditer(line):
        before = line[start:gap.start()]
        if _SENTENCE_END.search(before[-1:]) or before.endswith(("”", "\"")) or _is_numbered_heading(before):
            parts.append(before)
            start = gap.end()
    parts.append(line[start:])
    # (a section heading among them: a paragraph's own (1)…(2)… run in after spaces is no page on one line)
    if len(parts) < 3 or not any(_SECTION_NUMBER.match(part) for part in parts[1:]):
        return [line]
    cut: list[str] = []
    for part in parts:
        space = re.search(r"\s+", part)
        head = part[: space.start()] if space else part
        if space and _LEADING_NUMBER.match(part) and _is_numbered_heading(head):
            cut += [head, part[space.end():]]  # 一、整改工作组织领导情况 / 中心党委切实履行…
        else:
            cut.append(part)
    return [part for part in cut if part.strip()]


def _is_numbered_heading(text: str) -> bool:
    return bool(_LEADING_NUMBER.match(text)) and len(text) <= _HEADING_CHARS \
        and not _SENTENCE_END.search(text.rstrip("。"))


def _drop_widgets(lines: list[str], page: Page) -> list[str]:
    kept = []
    crumb = False  # the line before was a breadcrumb (您现在的位置:首页), which may go on on this one
    for line in lines:
        read = reading(line)
        if _LAYOUT_RESIDUE.fullmatch(line) or len(read) <= _WIDGET_MAX_CHARS and _WIDGETS.match(read) \
                or len(read) <= _BREADCRUMB_MAX_CHARS and _BREADCRUMB.match(read) \
                or crumb and len(read) <= _BREADCRUMB_MAX_CHARS and _CRUMB_GOES_ON.match(read):
            page.chrome_removed.append(line)
            crumb = bool(_BREADCRUMB.match(read) or _CRUMB_GOES_ON.match(read) or re.search(r"位置\s*[:：]", read))
        else:
            kept.append(line)
            crumb = False
    return kept


# 您现在的位置:首页 / > 政府信息公开 > 综合政务 > 通知公告: the breadcrumb cut over two lines
_CRUMB_GOES_ON = re.compile(r"^[>＞»›]\s*\S")


# ---------------------------------------------------------------------------------------------
# metadata

def _take_meta(lines: list[str], page: Page) -> list[str]:
    kept: list[str] = []
    skip_next = inline = in_body = False  # in_body: a paragraph of the text was kept already
    lines_to_skip: set[int] = set()  # the rows of a table read with the row above
    for index, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if index in lines_to_skip:
            continue
        bare = line.lstrip(_BULLETS)  # • 发布机构: / - 信息来源:…, the 政务公开 block as a list
        read = reading(bare) if not in_body else ""
        unkeyed = _UNKEYED_META.match(read) if read else None
        if unkeyed and len(read) == len(bare):
            # 2025-06-17 09:00 浙江省纪委省监委网站 / 建湖日报数字报 2024-07-12: the date and the site, with no key
            first = bool(unkeyed.group("date"))  # the line as written (its reading has the same length)
            page.meta.setdefault(_UNNAMED_DATE, bare[slice(*unkeyed.span("date" if first else "date2"))])
            page.meta.setdefault(_UNNAMED_SOURCE, bare[slice(*unkeyed.span("site" if first else "site2"))])
            page.unkeyed_meta = page.unkeyed_meta or line
            continue
        table = _table_pairs(lines, index) if not skip_next else None
        if table is not None:
            # | 索引号 | … | 发布机构 | … |: the 政务公开 block as a table (Markdown, a mirror's copy), rows or columns
            pairs, used = table
            page.chrome_removed.extend(lines[index:index + used])
            for key, value in pairs:
                page.meta.setdefault(key, value)
            lines_to_skip.update(range(index + 1, index + used))
            continue
        dated = _LEADING_DATE.match(bare)  # 2023-12-08 15:12  稿件作者: … / • 2021-12-14 11:00, a date with no key
        rest = bare[dated.end():] if dated else bare
        pairs = _meta_pairs(rest)
        if pairs and rest.startswith("【"):
            page.chrome_removed.append(line)  # the brackets are taken off the fields: the line as written
        if not pairs and reading(rest) != rest:
            # 發(fā)布時間:2023-06-24 / 2017年08月31日 08:19  來源:中國新聞網(wǎng): the keys are read in simplified
            # characters, the values kept as written
            pairs = [(key, _as_written(value, rest)) for key, value in _meta_pairs(reading(rest))]
            if pairs:
                page.chrome_removed.append(line)  # the line as written, since the keys are kept simplified
        alone = dated and not bare[dated.end():].strip() and not in_body
        if dated and (pairs or alone):  # a date alone in the body (a signature) stays
            page.meta.setdefault(_UNNAMED_DATE, dated.group(1))
        elif not pairs:
            kept.append(line)
            in_body = in_body or _is_paragraph(line)
            continue
        if bare != line:
            page.chrome_removed.append(line[: len(line) - len(bare)].strip())
        page.chrome_removed.extend(widget.group(0).strip() for widget in _INLINE_WIDGET.finditer(bare))
        for key, value in pairs:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not value and following and not _meta_pairs(following) and len(pairs) == 1 and not inline \
                    and len(following) <= 60 and not _SENTENCE_END.search(following):
                value, skip_next = lines[index + 1], True  # a table cell on its own line
            # once a value stood beside its key, an empty key is an empty cell (主题词：), not one over two lines
            inline = inline or bool(value and not skip_next)
            value, widget = _without_widgets(value)
            if widget:
                page.chrome_removed.append(widget)
            page.meta.setdefault(key, value)
    return kept


# The page's buttons after a value on the metadata line (来源：县纪委监委 分享到：, 发布日期：2025-10-21 分享:,
# 阅读次数：字号 我要打印 关闭): where a value ends, after a space or before the button's colon or bracket
_VALUE_WIDGET = re.compile(r"(?<=[\s【\[［])(?:浏览字体|字体|字号|分享|我要打印|打印|关闭|收藏|扫一扫|朗读|语音播报|"
                           r"视力保护色|保护视力色)"
                           r"|(?:浏览字体|字体|字号|分享|打印|关闭|收藏)(?=\s*[:：【])")


def _without_widgets(value: str) -> tuple[str, str]:
    """(the value, the buttons after it): a value that starts with a button (字号：大 中 小) is left whole."""
    found = _VALUE_WIDGET.search(simplified(value))
    if not found or not value[: found.start()].strip(" 　-【[［"):
        return value, ""
    start = found.start()
    while start and value[start - 1] in " 　【[［":
        start -= 1
    return value[:start].rstrip(), value[start:].strip()


_BULLETS = "•·●▪■◆-–— "

_CELL_BAR = re.compile(r"\s*[|｜]\s*")
_RULE_ROW = re.compile(r"^[|｜]?(?:\s*:?-{2,}:?\s*[|｜])+\s*(?::?-{2,}:?\s*)?$")  # |---|:--:| under a header row


def _cells(line: str) -> list[str] | None:
    """The cells of a table row written with bars (| 索引号 | 1008… |), copied with tabs (索引号⇥1008…⇥发布机构⇥…) or
    with runs of spaces from a key on (索引号  1008…  发布机构  …), without the empty ones at its ends; None for a line
    that is no such row."""
    if "\t" in line.strip() and not re.search(r"[|｜]", line):
        cells = [cell.strip() for cell in line.strip().split("\t")]
    elif re.search(r"\S\s{2,}\S", line) and not re.search(r"[|｜]", line):  # 索引号  001/2024-00012  发布机构  …
        cells = re.split(r"\s{2,}", line.strip())
        if _metadata_key(cells[0]) is None:
            return None
    elif not re.match(r"^\s*[|｜]", line) or line.count("|") + line.count("｜") < 2:
        return None
    else:
        cells = _CELL_BAR.split(line.strip())
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return cells or None


def _metadata_key(cell: str) -> str | None:
    """A cell that is a key of the 政务公开 block (索 引 号, 發布機構 read in simplified characters)."""
    key = reading(re.sub(r"\s+", "", cell)).rstrip(":：")
    return key if key in _META_KEYS else None


def _table_pairs(lines: list[str], index: int) -> tuple[list[tuple[str, str]], int] | None:
    """The metadata in a table of bars at ``lines[index]``: (pairs, how many lines it takes). A row of keys and values
    side by side (| 组配分类 | 通知公告 | 发布机构 | 温州经济技术开发区管理委员会 |), or a row of keys over a row of
    values (| 索引号 | 发布机构 | / |---|---| / | 1008… | 某某局 |), or a key and its value in each cell
    (| 索引号：1008… |). Only when every key cell is a key the metadata
    reader knows: a table of the text (序号 | 问题 | 整改措施) stays text."""
    cells = _cells(lines[index])
    if not cells:
        return None
    keys = [_metadata_key(cell) for cell in cells]
    if all(keys) and len(cells) >= 2:  # a header row: the values are on the row below (after a rule row)
        below = index + 1
        if below < len(lines) and _RULE_ROW.match(lines[below].strip()):
            below += 1
        values = _cells(lines[below]) if below < len(lines) else None
        if values is not None and len(values) <= len(cells) and not any(_metadata_key(v) for v in values):
            return [(key, value) for key, value in zip(keys, values) if key], below + 1 - index
    in_cells = [_meta_pairs(reading(cell)) for cell in cells if cell]
    if all(in_cells):  # | 索引号：001/2024-00012 | 发布机构：某某县教育局 |: a key and its value in each cell
        return [(key, _as_written(value, cell)) for cell, found in zip([c for c in cells if c], in_cells)
                for key, value in found], 1
    pairs = []
    for at in range(0, len(cells), 2):
        key = _metadata_key(cells[at])
        value = cells[at + 1] if at + 1 < len(cells) else ""
        if key is None or _metadata_key(value):  # (keys in a row whose values are not below them)
            return None
        pairs.append((key, value))
    return pairs, 1
# A page date standing alone or before the keyed fields, with its time: 2021-02-23 12:42:06来源:…, 2024年05月06日 来源:…
_LEADING_DATE = re.compile(r"^((?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)"
                           r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)\s*")
_UNNAMED_DATE = vocabulary.page_metadata_filling("published")[0]  # the name it is reported under
_DATE_TIME = r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_SITE = r"[\u4e00-\u9fa5]{2,20}?(?:网站|网|报|电视台|广播电视台|融媒体中心|新闻中心)"
# A line of the date and the site that published the text, with no key: 2025-06-17 09:00 浙江省纪委省监委网站
_UNKEYED_META = re.compile(rf"^(?:(?P<date>{_DATE_TIME})\s+(?P<site>{_SITE})"
                           rf"|(?P<site2>{_SITE})\s+(?P<date2>{_DATE_TIME}))$")
# A source written with no key before the keyed fields: 本网 时间:2024-05-06 浏览:-
_BYLINE = re.compile(r"\s*(本网|本站|原创)\s+")
_UNNAMED_SOURCE = vocabulary.page_metadata_filling("source")[0]


# A key spread out to the width of the others in a 政务公开 table: 索 引 号： / 标　　题： / 主 题 词：
_SPACED_KEY = re.compile(r"(?:(?<=^)|(?<=\s))([\u4e00-\u9fa5](?:\s+[\u4e00-\u9fa5]){1,3})(?=\s*[:：])")


# Buttons on the metadata line: 【字号：大 中 小】 【打印】 【关闭】
_INLINE_WIDGET = re.compile(r"(?:【\s*字[体号]\s*[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}】?"
                            r"|[\[［]\s*字[体号]\s*[:：]?\s*(?:[大中小]\s*){3}[\]］]"
                            r"|字[体号]\s*[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}】?)"
                            r"|【\s*(?:打印|打印本页|关闭|关闭窗口|收藏|加入收藏|分享)\s*】|【\s*大\s*中\s*小\s*】")


def _as_written(value: str, line: str) -> str:
    """A value found in the line's reading (simplified, without glosses) as the line writes it, glosses included:
    中国新闻网 in ``來源:中國新聞網(wǎng)`` → 中國新聞網(wǎng)."""
    kept: list[str] = []  # the line without glosses
    where: list[int] = []  # where each of its characters is in the line
    at = 0
    for gloss in _GLOSS.finditer(line):
        kept.append(line[at:gloss.start()])
        where += range(at, gloss.start())
        at = gloss.end()
    kept.append(line[at:])
    where += range(at, len(line))
    start = simplified("".join(kept)).find(value)
    if not value or start < 0:
        return value
    end = where[start + len(value) - 1] + 1
    after = _GLOSS.match(line, end)
    return line[where[start]: after.end() if after else end]


def _meta_pairs(line: str) -> list[tuple[str, str]]:
    """``作者: 管理员  发布时间:2024-12-24`` → [(作者, 管理员), (发布时间, 2024-12-24)]; [] if not metadata."""
    if len(line) > 200 or _SENTENCE_END.search(line):
        return []
    line = _INLINE_WIDGET.sub(" ", line)
    if line.startswith("【"):  # 【信息时间:2026-02-13 阅读次数: 】【字号 】: fields in brackets
        line = re.sub("[【】]", " ", line)
    line = _SPACED_KEY.sub(lambda m: re.sub(r"\s+", "", m.group(1)), line)
    matches = list(_META_KEY.finditer(line))
    if not matches:
        return []
    pairs = []
    if matches[0].start() > 0 and not line[: matches[0].start()].isspace():
        byline = _BYLINE.fullmatch(line[: matches[0].start()])
        if not byline:
            return []
        pairs.append((_UNNAMED_SOURCE, byline.group(1)))  # 本网 时间:… : the site's own article
    for current, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(line)
        value = line[current.end():end].strip(" 　|｜")
        # 来源：县教育局 | 2024-05-06, 来源：县教育局  2024-05-06: the page's date after the value
        parts = re.split(r"\s*[|｜]\s*|\s+(?=(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日))", value)
        dates = [part for part in parts[1:] if _LEADING_DATE.fullmatch(part)]
        if dates:
            value = " | ".join(part for part in parts if part not in dates)
        pairs.append((current.group(1) or current.group(2), value))
        pairs += [(_UNNAMED_DATE, date) for date in dates]
    return pairs


# ---------------------------------------------------------------------------------------------
# title and header

def _take_title(lines: list[str], page: Page) -> list[str]:
    wanted = next((page.meta[key] for key in vocabulary.page_metadata_filling("title") if page.meta.get(key)), None)
    index = _find_line(lines, wanted) if wanted else None
    joined = _find_lines(lines, wanted) if wanted and index is None else None
    if joined:  # the page's own title, centred over two or three lines in the body
        page.title = wanted
        page.chrome_removed.extend(lines[:joined[0]])
        return lines[joined[1]:]
    if index is None:
        index = _title_candidate(lines)
        if index is not None and wanted and lines[index] not in wanted and wanted not in lines[index]:
            index = None  # the page names its title: another line is no title (城镇小区…的通知, half of it)
    if index is None:
        if wanted:
            page.title = wanted
        return _drop_leading_bullets(lines, page)
    index = _title_after_site_name(lines, index)
    title = _unspaced(lines[index])
    bars = _TRAILING_BARS.search(title)
    if bars and bars.start() > 0:  # the cells of a layout table after the title
        page.chrome_removed.append(bars.group(0).strip())
        title = title[:bars.start()]
    start = index
    while not _TITLE_END.search(title) and not _BRACKETED_DATE.search(title) and index + 1 < len(lines) \
            and _continues_title(lines[index + 1]):
        index += 1  # ……关于县委第二轮巡察 / 整改进展情况的通报: the title goes on on the next line
        title += lines[index]
    if reading(title).startswith("关于") and start > 0 and _is_unit_line(lines[start - 1]):
        start -= 1  # 中共××市××局党组 / 关于……的通报, the title over two lines
        title = lines[start] + title
    elif start > 0 and "关于" not in reading(title) and _opens_title(lines[start - 1]):
        start -= 1  # ××局党组关于第十四届 / 县委机动巡察整改进展情况的通报: cut after 关于
        title = lines[start] + title
    tag = _TITLE_TAG.match(title)
    if tag and _COLUMN_NAME.search(reading(tag.group(1) or tag.group(2))):
        page.chrome_removed.append(tag.group(0))  # a column tag: 【巡察整改】, [巡察整改]; not 【反馈】
        title = title[tag.end():]
    dated = _TITLE_DATE.search(title)
    if dated:
        date = dated.group(1) or dated.group(2)
        page.meta.setdefault("发布日期", date)  # the list page's date after the title
        page.chrome_removed.append(dated.group(0).strip())
        title = title[:dated.start()]
    page.title = title
    page.chrome_removed.extend(lines[:start])
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if re.fullmatch(_DATE_TIME, following.strip()) \
            and not any(page.meta.get(key) for key in vocabulary.page_metadata_filling("published")):
        # 陸4輪巡視 湖北遭查官最多 / 2014/11/7 18:29 (after the site's banners): the date under the headline
        page.meta[_UNNAMED_DATE] = following.strip()
        page.chrome_removed.append(following)
        index += 1
    return lines[index + 1:]


_TITLE_TAG = re.compile(r"^(?:【([^】]{1,10})】|\[([\u4e00-\u9fff]{2,10})\])\s*")
# a site's column: its 巡察 or 巡视 work (巡察整改, 巡视巡察), or a column of news (工作动态, 要闻, 专题专栏)
_COLUMN_NAME = re.compile(r"巡[察视]|整改|动态|要闻|新闻|专栏|专题|资讯|公告公示")
_TITLE_END = re.compile(r"(通报|通報|报告|報告|公告|公示|公布|情况|情況|通知)(\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?$")


def _continues_title(line: str) -> bool:
    """The second half of a title cut over two lines: short, no punctuation, ending as a title ends."""
    return len(line) <= 30 and not re.search(r"[，,。：:；;、！!？?]", line) and bool(_TITLE_END.search(line)) \
        and not _is_menu(line)
_DATE_IN_BRACKETS = r"[（(](\d{4}-\d{1,2}-\d{1,2})[)）]$"  # a list page's date after its headline: （2024-03-07）
_TITLE_DATE = re.compile(r"\s+(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$|\s*" + _DATE_IN_BRACKETS)
# 监狱管理局调研北新泾监狱工作 (2024-03-07): a list page's headline with its date in brackets, a title without
# title words
_BRACKETED_DATE = re.compile(r"^[^，,。；;！!？?：:]{6,60}?\s*" + _DATE_IN_BRACKETS)


def _opens_title(line: str) -> bool:
    """The first half of a title cut after its 关于: a unit, 关于 and the start of what it is about (read in simplified
    characters: 黨組關于, 黨組關於)."""
    return 6 <= len(line) <= 40 and bool(re.match(r"^[^，,。：:；;、！!？?\s]{2,30}关于", reading(line))) \
        and not re.search(r"[，,。：:；;、！!？?]", line) and not _TITLE_END.search(line)


def _title_after_site_name(lines: list[str], index: int) -> int:
    """A site's name and column before the title on one line (某某市人民政府门户网站 某某市交通运输局 政务公告
    中共…的通报) when the title stands again on a line of its own below: that line is the title."""
    for following in range(index + 1, min(index + 6, len(lines))):
        line = lines[following]
        if _is_paragraph(line):
            break
        if len(line) >= 8 and lines[index] != line and lines[index].endswith(" " + line):
            return following
    return index


def _is_unit_line(line: str) -> bool:
    return 4 <= len(line) <= 30 and bool(re.search(r"(党组|党委|委员会|局|委|办|院)$", line)) \
        and not re.search(r"[，,。：:；;、]", line)


def _drop_leading_bullets(lines: list[str], page: Page) -> list[str]:
    start = 0
    while start < len(lines) and len(lines[start]) <= _WIDGET_MAX_CHARS and lines[start][0] in "•·●▪■◆":
        start += 1
    page.chrome_removed.extend(lines[:start])
    return lines[start:]


def _find_lines(lines: list[str], wanted: str) -> tuple[int, int] | None:
    """(first, after last) of two to four lines that together read ``wanted``."""
    target = "".join(wanted.split())
    for start in range(min(len(lines), 60)):
        if not target.startswith("".join(lines[start].split())):
            continue
        for end in range(start + 2, min(start + 5, len(lines) + 1)):
            if "".join("".join(lines[start:end]).split()) == target:
                return start, end
    return None


def _find_line(lines: list[str], wanted: str) -> int | None:
    for index, line in enumerate(lines[:60]):
        if line == wanted:
            return index
    return None


def _is_menu(line: str) -> bool:
    """A site's name and menu on one line: three or more short words apart (某某县人民政府门户网站 政务公开 政务公告,
    清廉某某 巡察工作 首页 工作动态): their 公告、巡察 make no title."""
    words = line.split()
    spaced_title = re.search("关于|關於", line) and _TITLE_END.search(line)  # 中共××局党组 关于巡察整改 情况的通报
    return len(words) >= 3 and all(2 <= len(word) <= 12 for word in words) and not _SENTENCE_END.search(line) \
        and not spaced_title


def _headline_over_its_date(lines: list[str]) -> int | None:
    """本網站使用相關技術…(a site's banners in sentences) / 陸4輪巡視 湖北遭查官最多 / 2014/11/7 18:29: a news headline
    stands over the line of its date and time, even after sentences of the site's banners."""
    for index, line in enumerate(lines[:15]):
        if _headline_over(line, lines[index + 1] if index + 1 < len(lines) else ""):
            return index
    return None


def _headline_over(line: str, following: str) -> bool:
    return 6 <= len(line) <= 40 and not _SENTENCE_END.search(line) and not re.search(r"[，,：:]", line) \
        and bool(_TITLE_WORDS.search(reading(line))) and bool(re.fullmatch(_DATE_TIME, following.strip())) \
        and not _is_menu(line)


def _title_candidate(lines: list[str]) -> int | None:
    """The title line: short, no sentence punctuation, title words, before the first paragraph."""
    for index, line in enumerate(lines[:60]):
        read = reading(line)
        if _is_paragraph(line) and not _is_headline(read):
            return _headline_over_its_date(lines)
        if _is_menu(line):
            continue
        if _BRACKETED_DATE.search(line) and _real_title_follows(lines, index):
            continue  # 县纪委监委开展廉政教育活动（2024-02-28）: a list's headline in the sidebar over the real title
        if (
            (8 <= len(line) <= 80 and (_TITLE_WORDS.search(read) or _BRACKETED_DATE.search(line))
             or _SHORT_TITLE.fullmatch(_unspaced(line)))
            and not re.match(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]", line)
        ):
            return index
    return None


def _real_title_follows(lines: list[str], index: int) -> bool:
    """Within the next few lines before a paragraph, a title of its own (关于县委第三轮巡察整改进展情况的通报): title
    words and a title's start or end, no date in brackets."""
    for line in lines[index + 1:index + 5]:
        if _is_paragraph(line):
            return False
        read = reading(line)
        if 8 <= len(line) <= 80 and not _BRACKETED_DATE.search(line) and _TITLE_WORDS.search(read) \
                and (read.startswith("关于") or _TITLE_END.search(line)) \
                and not _is_menu(line):
            return True
    return False


# A title of a few characters: 巡察公告, 巡 察 公 告 (letter-spaced); not a column name (公示公告, 通知公告).
_SHORT_TITLE = re.compile(r"[\u4e00-\u9fa5]{0,4}巡[察视][\u4e00-\u9fa5]{0,2}(公告|通报|公示)")


def _is_headline(line: str) -> bool:
    """A news headline with an exclamation mark, no sentence: 处罚5569人!湖北省卫健委通报巡视整改进展."""
    return len(line) <= 40 and bool(re.search("[!！]", line)) and not re.search(r"[。；;？?，,]", line) \
        and bool(_TITLE_WORDS.search(line))


def _unspaced(line: str) -> str:
    """``巡 察 公 告`` → ``巡察公告``: spaces between single Chinese characters only spread a title out."""
    if re.fullmatch(r"[\u4e00-\u9fa5](?:\s+[\u4e00-\u9fa5])+", line):
        return re.sub(r"\s+", "", line)
    return line


def _is_paragraph(line: str) -> bool:
    return len(line) > 80 or bool(_SENTENCE_END.search(line))


# ---------------------------------------------------------------------------------------------
# footer

def _cut_footer(lines: list[str], page: Page) -> list[str]:
    start = len(lines)
    pending = 0  # short unrecognised lines inside the footer (e.g. a lone site name)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if _is_footer_line(line):
            start, pending = index, 0
        elif len(line) <= 20 and not _SENTENCE_END.search(line) and pending < 3 and start < len(lines):
            pending += 1
        else:
            break
    footer = lines[start:]
    if footer:
        page.footer, page.footer_unparsed = parse_footer(footer)
    return lines[:start]


def _is_footer_line(line: str) -> bool:
    if len(line) > 160 or "。" in line or _CONTENT_WORDS.search(line):  # sentences belong to the notice
        return False
    return bool(_FOOTER_WORDS.search(line))


def parse_footer(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Footer fields in the keys of ``ImportResult.site_footer``; leftover text, line by line."""
    found: dict[str, str] = {}
    leftovers = []
    for line in lines:
        rest = _take_filings(line, found)
        rest = _take_fields(rest, found)
        rest = re.sub(r"备案号\s*[:：]?|[;；|｜,，]", " ", rest).strip()
        if rest:
            leftovers.append(rest)
    return found, leftovers


def _take_filings(line: str, found: dict[str, str]) -> str:
    icp = _ICP.search(line)
    if icp:
        suffix = f"-{icp.group(3)}" if icp.group(3) else ""
        found.setdefault("icp", f"{icp.group(1)}ICP备{icp.group(2)}号{suffix}")
        line = line[: icp.start()] + " " + line[icp.end():]
    police = _POLICE.search(line)
    if police:
        found.setdefault("police_record", f"{police.group(1)}公网安备 {police.group(2)}号")
        line = line[: police.start()] + " " + line[police.end():]
    return line


def _take_fields(line: str, found: dict[str, str]) -> str:
    for key, names in _FOOTER_FIELDS:
        match = re.search(rf"(?:{names})\s*[:：]\s*", line)
        if not match:
            continue
        end = _FIELD_END.search(line, match.end())
        stop = end.start() if end else len(line)  # never the fallback: the pattern ends in `|$`
        value = line[match.end(): stop].strip(" ,，。")
        if value:
            found.setdefault(key, value)
        line = line[: match.start()] + "  " + line[stop:]
    return line


# A numbered heading (二、… / (一)…) or the start of a list of measures (整改情况:一是…) is text, not a link.
_OUTLINE_LINE = re.compile(r"^([一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])"
                           r"|[:：]\s*一是")


# A line of the contact block (邮政信箱：… / 电 话：… / 电子邮箱：…), never a link
CONTACT_LINE = re.compile(r"^(?:邮政信箱|通信地址|通讯地址|邮政地址|来信地址|地址|电子邮箱|电子邮件|电子信箱|邮箱|"
                          r"E-?mail|联系电话|举报电话|监督电话|电\s?话|邮政编码|邮编)\s*[:：]", re.IGNORECASE)


# A document's closing note in brackets, never a link: （此件公开发布） / （本文有删减）
_NOTE = re.compile(r"[（(][^（()）]{2,20}[)）]")


# 责任单位：财务股 / 完成时限：长期坚持 / 完成情况：正在整改 at the end of a page: the last problem's labels, not links
_PROBLEM_LABEL = re.compile(r"^(?:" + "|".join(_LABELS.values()) + r")\s*[:：]")
_NUMBERED_ITEM = re.compile(r"^(?:\d{1,3}\s*[.．、](?!\d)|[（(]\s*\d{1,3}\s*[)）])")


def _first_item_cut_short(lines: list[str], index: int) -> bool:
    """(一)…方面 / 1.学懂弄通做实…的重要: a numbered item right under a heading, or after an item that is a sentence, is
    the notice's list cut short (a page that ends mid-item), not a link."""
    if index == 0 or not _NUMBERED_ITEM.match(lines[index]):
        return False
    before = lines[index - 1]
    return bool(_OUTLINE_LINE.search(before)) or bool(_NUMBERED_ITEM.match(before) and _SENTENCE_END.search(before))


def _contact_run(lines: list[str], index: int) -> bool:
    """电子邮箱:…; / 邮政信箱:…: a contact line after another one ends the notice's contact block, it is no link (a
    lone 地址: line may be the site's footer)."""
    return index > 0 and bool(CONTACT_LINE.match(lines[index])) and bool(CONTACT_LINE.match(lines[index - 1]))


def _drop_trailing_links(lines: list[str], page: Page) -> list[str]:
    """Short link-like lines after the last sentence (related articles, link lists), not a signature."""
    end = len(lines)
    while (end > 0 and len(lines[end - 1]) <= 40 and not _SENTENCE_END.search(lines[end - 1])
           and not _OUTLINE_LINE.search(lines[end - 1]) and not _first_item_cut_short(lines, end - 1)
           and not _PROBLEM_LABEL.match(lines[end - 1]) and not _contact_run(lines, end - 1)):
        end -= 1
    tail = lines[end:]
    keep = [line for line in tail if is_signature(line) or _NOTE.fullmatch(line)]
    page.chrome_removed.extend(line for line in tail if line not in keep)
    return lines[:end] + keep


_SIGNATURE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|"
    r".{2,30}(委员会|党委|党组|党工委|委|局|政府|办公室|支部|办|院|厅|部|中心|巡[察视][一二三四五六七八九十]{0,3}组|专家组)"
)
SIGNATURE_DATE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
)


def is_signature(line: str) -> bool:
    """A line of the signature block (落款): the issuing body, or the date alone."""
    line = line.strip()
    return len(line) <= 40 and not _SENTENCE_END.search(line) and bool(_SIGNATURE.fullmatch(line))
