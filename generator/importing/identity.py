"""Who published the notice, where, about what, and of which kind."""

from __future__ import annotations

import re
from collections import Counter

from generator.importing import gazetteer
from generator.importing.numerals import TERM
from generator.importing.page import SIGNATURE_DATE, is_signature, without_glosses
from generator.model import vocabulary


def meta_value(meta: dict[str, str], field: str) -> str | None:
    """The first of the page's metadata names that fill ``field`` (page_metadata.yml) that the page has a value for."""
    return next((meta[name] for name in vocabulary.page_metadata_filling(field) if meta.get(name)), None)


def publisher_from(title: str | None, meta: dict[str, str]) -> str | None:
    """The party organisation the title names (中共××局党组关于…) issues the notice; the 政务公开 block's
    发布机构 is often the website's department (××局), taken only when the title names no party body."""
    title = without_glosses(title) if title else title  # 黨組關(guān)于
    # 中共××局党组 关于…: a space between the unit and 关于 (a title set over two lines) is no part of the unit
    match = re.match(r"^(.{2,30}?)\s*(?:关于|關於|關于)", title) if title else None
    if match and re.search(_ISSUING_BODY, match.group(1)):
        return match.group(1)
    # no 关于: 中共××县教育局党组巡察整改进展情况的通报, 中共××局党组落实市委巡察反馈意见整改情况的通报
    opening = re.match(rf"^((?:中共|中國共產黨|中国共产党).{{2,28}}?{_BODY})(?=落实|落實|巡[察视視]|对|對)",
                       title or "")
    if opening and not match:
        return opening.group(1)
    if match and titled_unit(title):
        return match.group(1)  # 兴城社区卫生服务中心关于…: the unit that writes it, not the site's 发布机构 (区卫健局)
    issued = meta_value(meta, "publisher")
    if issued:
        return issued
    if match and _FORWARDING.search(match.group(1)):  # 区卫健局转发区人民医院关于…: the unit that forwards it
        forwarding = _FORWARDING.split(match.group(1))[0]
        return forwarding if len(forwarding) >= 2 else None
    return match.group(1) if match else None


# A unit that is no party body but issues its own notice (兴城社区卫生服务中心关于…, 县人民医院关于…): a name of at
# least four characters ending with the kind of unit; not a place's committee (中共××县委关于…: the 政务公开 block names
# the office that issued it)
_TITLED_UNIT = re.compile(r"^[\u4e00-\u9fa5]{2,28}(?:中心|医院|卫生院|醫院|衛生院|学校|學校|学院|學院|大学|大學|公司|"
                          r"集团|集團|图书馆|圖書館|博物馆|博物館)\s*(?=关于|關於|關于)")


def titled_unit(title: str | None) -> str | None:
    """The unit a title opens with when it is no party body but a unit of its own (兴城社区卫生服务中心关于…)."""
    match = _TITLED_UNIT.match(without_glosses(title or ""))
    if match and _FORWARDING.search(match.group(0)):
        return None  # 区卫健局转发区人民医院关于…: a sentence (one unit forwards another's), not a unit's name
    return match.group(0).strip() if match else None


_FORWARDING = re.compile(r"转发|轉發|印发|印發|发布|發布|公布")


# A party body (中共××局党组, 黨組 in traditional characters) or a discipline commission (××县纪委监委); a 中共××县委
# is left to the 政务公开 block, which names the office that issued it (中共××县委巡察办).
_BODY = r"(?:党组|党委|委员会|党工委|党总支|党支部|黨組|黨委|委員會|黨工委|黨總支|黨支部|纪委监委|紀委監委)"
_ISSUING_BODY = _BODY + "$"


# The unit that answers an inspection: a party body, or a party committee of a place (广元市委, 中共达州市通川区委)
_ANSWERING = "(?:党组|党委|党总支|党支部|黨組|黨委|[省市州盟区县旗區縣]委)"
# 对交通运输部党组(以下简称部党组)开展了巡视: the short name the text will use
_SHORT_NAME = r"(?:[(（](?:以下简称|以下簡稱)[^()（）]{1,12}[)）])?"


def publisher_from_text(paragraphs: list[str]) -> str | None:
    """``巡察组向市文化和旅游局党组反馈了巡察意见`` → 市文化和旅游局党组 (the unit that answers), without the
    pinyin glosses a mirror site puts in words."""
    for paragraph in paragraphs[:3]:
        # 对中共中山市人民检察院党组(以下简称“市检察院党组”)开展巡察, 对区科学技术协会(以下简称区科协)开展了巡察:
        # the unit in full, before the short name the text goes on with
        match = re.search(r"[对對]([^，,。、“”对對（(]{2,30}?)[(（](?:以下简称|以下簡稱)[^()（）]{1,12}[)）]"
                          r"(?:开展|进行|開展|進行)了?", paragraph) \
            or re.search(rf"向([^，,。、“”向]{{2,30}}?{_ANSWERING})(?:进行了?|進行了?)?反[馈饋]", paragraph) \
            or re.search(rf"[对對]([^，,。、“”对對]{{2,30}}?{_ANSWERING}){_SHORT_NAME}(?:开展|进行|開展|進行)了?",
                         paragraph) \
            or re.search(r"[对對](我(?:单位|單位|[院局部委办辦厅廳]))(?:开展|进行|開展|進行)了?", paragraph) \
            or re.search(rf"[对對向]({_PEOPLES_BODY.pattern})(?:开展|进行|開展|進行)?了?[^，,。；;]{{0,10}}"
                         r"(?:巡[察视視]|反[馈饋])", paragraph) \
            or re.search(rf"[对對]([^，,。、“”对對（(]{{2,20}}?{_UNIT})(?:开展|进行|開展|進行)了?"
                         r"[^，,。；;]{0,10}巡[察视視]", paragraph) \
            or re.search(r"向([^，,。、“”向\d个個]{1,8}?[省市州盟区县旗區縣][^，,。、“”向\d个個]{1,24}?"
                         r"(?:党组织|黨組織))(?:进行了?|進行了?)?反[馈饋]", paragraph)
        # (对区审计局开展了巡察: no party body named; 向博羅縣融媒體中心黨組織反饋: a unit too small for a committee
        # answers as its party organisation, named with its place: 区文联党组织 names no unit on its own)
        unit = without_glosses(match.group(1)) if match else ""
        if unit.startswith("我"):  # 对我院党组开展了巡察 … 市法院党组严格落实…: the name the text gives itself
            unit = _self_named(paragraphs, unit) or ""
        if len(unit) > 3 or _PEOPLES_BODY.fullmatch(unit):
            return unit
    return None


# 中共玉环市民政局党组坚持把巡察整改作为…, 郑州市委高度重视…: a paragraph after the preamble that opens with the
# party body, named in full, as the subject of what it did
_SUBJECT = re.compile(r"^((?:中共|中國共產黨|中国共产党)[\u4e00-\u9fa5]{2,30}?(?:党组|党委|黨組|黨委|委员会|委員會)"
                      r"|[\u4e00-\u9fa5]{2,12}?[省市区县旗區縣]委)"
                      r"(?=高度重视|高度重視|坚持|堅持|坚决|堅決|始终|始終|深刻|切实|切實|认真|認真|把|将|將)")


def subject_after_the_preamble(paragraphs: list[str]) -> str | None:
    """The party body that opens one of the paragraphs after the preamble as their subject (中共玉环市民政局党组坚持…,
    郑州市委高度重视…), named in full: with 中共, or with a place the gazetteer knows (郑州市委, not 区委). It must name
    the unit the preamble says was inspected (对郑州市进行了巡视, 对市民政局等9个单位…): the committee that sent the
    team, or its secretary's (市委第二巡察组对中原区…。郑州市委始终坚持…), is no publisher; none when unsure."""
    inspected = _INSPECTED.search(gazetteer.simplified(without_glosses(paragraphs[0]))) if paragraphs else None
    if inspected is None:
        return None
    unit = re.sub(r"^(?:中共|中国共产党)", "", inspected.group(1))
    unit = re.sub(r"(?:党组|党委|党总支|党支部|委员会|委)$", "", unit)
    if len(unit) < 2:
        return None
    for paragraph in paragraphs[1:4]:
        match = _SUBJECT.match(without_glosses(paragraph).strip())
        if not match:
            continue
        body = match.group(1)
        if body.startswith(("中共", "中國共產黨", "中国共产党")) or known_place_in(body[:-1]) == body[:-1]:
            return body if unit in gazetteer.simplified(body) else None
    return None


# 对中原区开展了常规巡察: the unit the preamble says was inspected
# (the first of several: 对市民政局等9个单位、玉城街道等11个乡镇(街道)进行了…)
_INSPECTED = re.compile(r"对([^，,。；;、对等]{2,30})(?:[等、][^，,。；;]{0,60}?)?(?:开展|进行)")


# 中共盐城市疾病预防控制中心委员会 for 中心党委: a party body's full name, and the body words that mean the same
_FULL_PARTY_BODY = re.compile(r"(?:中共|中國共產黨|中国共产党)[\u4e00-\u9fa5]{2,30}?"
                              r"(?:委员会|委員會|党委|黨委|党组|黨組)"
                              r"(?=关于|關於|關于|[》〉，,。；;、（(]|$)")
_SAME_BODY = {"党委": ("委员会", "党委"), "黨委": ("委員會", "黨委"), "党组": ("党组",), "黨組": ("黨組",)}


def in_full(short: str, paragraphs: list[str]) -> str | None:
    """The full name of a party body the text names short (中心党委, 局党组) where the text writes it in full once
    (in the name of its plan: 《中共盐城市疾病预防控制中心委员会关于…整改方案》): one full name that ends with the
    short name's unit and an equivalent body (中心 + 委员会). None if the short name has a place, or there are two."""
    short = without_glosses(short)
    body = next((b for b in _SAME_BODY if short.endswith(b)), None)
    stem = short[: -len(body)] if body else ""
    if not body or not 1 <= len(stem) <= 4 or region_from_name(short):
        return None
    found = {match.group(0) for paragraph in paragraphs[:8]
             for match in _FULL_PARTY_BODY.finditer(without_glosses(paragraph))
             if any(match.group(0).endswith(stem + same) for same in _SAME_BODY[body])}
    return found.pop() if len(found) == 1 else None


# 区妇联, 县残联, 市文联, 区科协: a people's organisation of a level, named short (three characters are a name)
_PEOPLES_BODY = re.compile(r"[省市区县區縣](?:妇联|婦聯|残联|殘聯|文联|文聯|侨联|僑聯|科协|科協|工商联|工商聯|"
                           r"社科联|社科聯|总工会|總工會)")


_UNIT = (r"(?:局|委员会|委員會|办公室|辦公室|中心|医院|醫院|学院|學院|大学|大學|公司|集团|集團|协会|協會|联合会|聯合會|"
         r"法院|检察院|檢察院|妇联|婦聯|残联|殘聯|文联|文聯|侨联|僑聯|科协|科協|工商联|工商聯|社科联|社科聯|总工会|總工會)")


def _self_named(paragraphs: list[str], unit: str) -> str | None:
    """我院党组 / 我单位 → the unit as the text names it at the start of a clause (市法院党组接到…,
    县委宣传部高度重视…)."""
    any_unit = r"(?:院|局|部|委|办|辦|中心|厅|廳|所|馆|館|站)(?:党组|党委|黨組|黨委)?"
    ending = unit[1:] if unit[1:] not in ("单位", "單位") else any_unit
    # a name of its level (市法院党组, 县委宣传部), not a phrase that ends in the same word (形成了局班子统揽)
    pattern = re.compile(rf"(?:^|[，,。；;：:])\s*((?:中共)?[省市区县州旗镇乡區縣鎮鄉][\u4e00-\u9fa5]{{0,9}}?{ending})"
                         r"(?=高度重视|高度重視|坚持|堅持|严格|嚴格|认真|認真|切实|切實|立即|迅速|接到)")
    for paragraph in paragraphs[:6]:
        match = pattern.search(paragraph)
        if match:
            return match.group(1)
    return None


# 中共, and the Communist Youth League's 共青团 (共青团南县委员会: the place is 南县)
_PARTY = r"(?:中共|中国共产党|中國共產黨|共青团|共青團|中国共产主义青年团|中國共產主義青年團)"
_PLACE = re.compile(r"^" + _PARTY + r"?((?![市区县區縣])[\u4e00-\u9fa5]{2,6}?(?:省|自治区|自治區))?"
                    r"((?![市区县區縣])(?:[\u4e00-\u9fa5]{1,6}?市|[\u4e00-\u9fa5]{1,6}?[州盟](?!市)))?"  # 广州市
                    # 區、縣: traditional characters; 峨边彝族自治县
                    # (兴城社区, 某某小区, 某某景区: a community, a housing estate, a scenic area, no district)
                    r"((?![市区县區縣])(?:[\u4e00-\u9fa5]{2,6}?自治[县旗縣]|[\u4e00-\u9fa5]{1,5}?(?<![社小景])[区县旗區縣]))?"
                    # 中山市横栏镇, 歙县大桥乡 (a township is a town where its body follows: 大桥乡委员会, 鹤城乡党委,
                    # 大桥乡人民政府; not the 城乡 of 住房和城乡建设局, the 乡村 of 美丽乡村建设办公室, the 返乡 of
                    # 返乡创业服务中心)
                    r"((?![市区县區縣镇鎮乡鄉])[\u4e00-\u9fa5]{1,4}?(?:镇|街道|鎮|[乡鄉](?=党|黨|委|人民|政府|纪|紀|$)))?")


def region_from_text(paragraphs: list[str]) -> tuple[str, str] | None:
    """(place, the unit named) from a party body the opening names in full: 《中共汕头市卫生健康局党组关于…》."""
    for paragraph in paragraphs[:8]:
        for match in re.finditer(r"中共[\u4e00-\u9fa5]{2,24}?(?:党组|党委|黨組|黨委)", paragraph):
            place = region_from_name(match.group(0))
            if place:
                return place, match.group(0)
    return None


def region_from_name(name: str | None) -> str | None:
    """The place a unit's name starts with: 中共广州市海珠区水务局党组 → 广州市海珠区, 湖北省委… → 湖北省."""
    if not name:
        return None
    match = _PLACE.match(name)
    if not match or not re.sub("^" + _PARTY, "", match.group(0)):
        return city_of_a_zone(name)
    place = "".join(g for g in match.groups() if g)
    # a bare 区/县 ending inside a unit's name (市场监督管理局) is no place: the name must go on with a unit;
    # a two-character county is one the gazetteer knows (歙县纪委监委, 沛县人民政府)
    return place if len(place) >= 3 or gazetteer.is_place(place) else city_of_a_zone(name)


# 温州经济技术开发区管理委员会, 苏州工业园区: a development zone is named after its city, which it is in
_ZONE = re.compile(r"^" + _PARTY + r"?([\u4e00-\u9fa5]{2,3}?)(?:国家|國家)?"
                   r"(?:经济技术开发区|經濟技術開發區|经济开发区|經濟開發區|"
                   r"高新技术产业开发区|高新技術產業開發區|高新区|高新區|经开区|經開區|工业园区|工業園區|保税区|保稅區)")


def city_of_a_zone(name: str | None) -> str | None:
    """The city a development zone's name starts with (温州经济技术开发区 → 温州市), if the gazetteer knows it."""
    match = _ZONE.match(name or "")
    if not match:
        return None
    city = match.group(1) + "市"
    known = [p for p in gazetteer.places().get(gazetteer.simplified(city), []) if p.level == "city"]
    return city if known else None


# (十二届昌吉州党委: a prefecture's committee is its 党委)
_TERM_FIRST = re.compile(rf"^{TERM}"
                         r"(?=[\u4e00-\u9fa5]{1,6}?[省市州盟区县旗區縣](?:党|黨)?委)")


def known_place_in(name: str | None) -> str | None:
    """The place a unit's name starts with, when every part of it is a place the gazetteer knows: a name found in
    running text (对十四届市委…) has no clear start, so 十四届市 is not taken for a city. A committee's term before the
    place (十二届邵阳市委第六轮巡察启动) is no part of it."""
    name = _TERM_FIRST.sub("", name or "")
    place = region_from_name(name)
    match = _PLACE.match(name or "")
    if not place or not match:
        return None
    parts = [g for g in match.groups()[:3] if g]
    return place if parts and all(gazetteer.is_place(part) for part in parts) else None


def region_from_inspected(paragraphs: list[str]) -> tuple[str, str] | None:
    """(place, the unit) from the unit the opening says was inspected or answered: 对通川区委进行了巡视,
    向歙县纪委监委反馈 (the unit that publishes the notice, named with its place)."""
    for paragraph in paragraphs[:4]:
        for sentence in re.split(r"[。；;]", paragraph):
            if not re.search(r"巡[察视視]", sentence):
                continue
            sentence = without_glosses(sentence)
            units = [m.group(1) for m in re.finditer(
                r"[对向對]([^，,。、“”；;对向對]{2,30}?)(?:开展|进行|開展|進行|反[馈饋])", sentence)]
            # 巡察宣城市中心医院党委的反馈意见, 巡察歙县教育局党组工作动员会: the unit right after the verb, before the
            # feedback or the meeting that opens the inspection
            units += [m.group(1) for m in re.finditer(
                r"巡[察视視]([^，,。、“”；;<>《》〈〉巡]{2,30}?(?:党委|党组|黨委|黨組|党工委|黨工委|党总支|黨總支))"
                r"(?:的)?(?:工作|情况|情況)?(?:反[馈饋]|动员|動員|见面|見面)",
                sentence)]
            for unit in units:
                place = known_place_in(unit) or _town_of(unit)
                if place:
                    return place, unit
    return None


def _town_of(unit: str) -> str | None:
    """向徽城镇所辖村(社区)党组织反馈: a town (镇, 乡, 街道) whose parts the unit inspected is."""
    match = re.match(r"^([\u4e00-\u9fa5]{2,4}?(?:镇|鎮|乡|鄉|街道))(?=所辖|所轄|党委|黨委|党工委|黨工委|各村)", unit)
    return match.group(1) if match else None


def region_of_level(publisher: str | None, texts: list[str]) -> str | None:
    """The place an abbreviated publisher (市卫健委党委: the city's 卫健委) is in: the place of its level (市, 区, 县,
    旗) that the text names by its full name more often than any other (宿迁市)."""
    level = gazetteer.simplified((publisher or "").removeprefix("中共")[:1])
    if not level or level not in "省市区县旗":
        return None
    counts = Counter(n for n in gazetteer.named_in(texts) if gazetteer.simplified(n).endswith(level))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def level_of_the_inspection(team: str | None, paragraphs: list[str]) -> str | None:
    """The level (市, 区, 县, 旗) of the committee that sent the team (区委第二巡察组) or ordered the inspection
    (根据区委统一部署, 按照市委巡察工作部署): the inspected unit is of that place."""
    match = re.match(rf"^(?:中共)?(?:{TERM})?([市区县旗區縣])委", without_glosses(team or ""))
    for paragraph in paragraphs[:2] if not match else []:
        match = re.search(r"(?:根据|根據|按照)(?:中共)?([市区县旗區縣])委[^，,。；;]{0,12}?(?:部署|要求|安排)",
                          without_glosses(paragraph))
        if match:
            break
    return gazetteer.simplified(match.group(1)) if match else None


# 根据平江县委巡察工作要求, 按照中共某某市委统一部署: the committee that ordered the inspection, named with its place
_ORDERED_BY = re.compile(r"(?:根据|根據|按照)(?:中共)?([\u4e00-\u9fa5]{2,12}?[省市区县旗州盟區縣])委(?:员会|員會)?"
                         r"[^，,。；;]{0,12}?(?:部署|要求|安排)")


def place_of_the_ordering_committee(paragraphs: list[str]) -> tuple[str, str] | None:
    """(place, the words) of the committee the opening says ordered the inspection, when the gazetteer knows the place:
    the unit inspected is of that place."""
    for paragraph in paragraphs[:2]:
        for match in _ORDERED_BY.finditer(without_glosses(paragraph)):
            place = known_place_in(match.group(1))
            if place is not None and place == match.group(1):
                return place, match.group(0)
    return None


# 十三届无棣县委第七轮巡察第五巡察组, 仙游县委第二巡察组: a committee named with its place, then (within a few words:
# its term, its round) the team it sent; searched overlapping (a lookahead) and never across 和/与/及 or another 委
# (莆田市委组织部和仙游县委第二巡察组: the team is 仙游县委's)
_SENDING = re.compile(r"(?=委(?:员会|員會)?[^，,。；;、“”和与與及委]{0,12}?巡[察视視][组組])")


def place_of_the_sending_committee(texts: list[str]) -> str | None:
    """The city or county (not a province) whose committee ordered the inspection (根据仙游县委巡察工作统一部署) or sent
    the team (十三届无棣县委第七轮巡察第五巡察组), when the text names one such place only."""
    found = set()
    ordering = place_of_the_ordering_committee(texts)
    if ordering:
        found.add(ordering[0])
    for text in texts:
        text = without_glosses(text)
        for match in _SENDING.finditer(text):
            before = text[max(0, match.start() - 12): match.start()]
            for start in range(len(before)):  # the longest run of places right before 委: its last is the committee's
                tail = before[start:]
                named = gazetteer.named_in([tail])
                if named and "".join(named) == tail:
                    found.add(named[-1])
                    break
    found = {place for place in found if not place.endswith(("省", "自治区", "自治區"))}
    return found.pop() if len(found) == 1 else None


def bare_town(region: str | None) -> bool:
    """茂租镇, 郊尾镇: a town (镇, 乡, 街道) named without the county or city it is in (many towns share a name)."""
    return bool(region and re.fullmatch(r"[\u4e00-\u9fa5]{1,8}?(?:镇|鎮|乡|鄉|街道)", region)
                and not gazetteer.named_in([region])
                # 某某市横栏镇: written with a level's place the gazetteer may not know (新市镇, 市桥镇 are towns)
                and not re.search(r"[省市县区旗州盟縣區][\u4e00-\u9fa5]{2,}(?:镇|鎮|乡|鄉|街道)$", region))


# 学习借鉴湖州市安吉县经验, 赴安吉县考察学习: the clause that names a place the text learns from or goes to
_VISITED = re.compile(r"(?:学习借鉴|學習借鑒|借鉴|借鑒|考察|赴|前往|走进|走進)[^，,。；;、！!？?\n]*")


def the_one_county(texts: list[str]) -> str | None:
    """南潯區 named eight times, and only its own city and province besides (浙江省湖州市南潯區): the county the text is
    about, in the longest form the text writes it with them (浙江省湖州市南潯區), without glosses. The county must be
    named at least twice and more often than its city and its province. A place the text learns from or visits
    (学习借鉴湖州市安吉县经验, 赴安吉县考察) is not counted."""
    texts = [_VISITED.sub("", text) for text in texts]
    names = Counter(gazetteer.named_in(texts))
    counties = [n for n in names if any(p.level == "county" for p in gazetteer.places()[gazetteer.simplified(n)])]
    if len(counties) != 1 or names[counties[0]] < 2:
        return None
    county = counties[0]
    place = next(p for p in gazetteer.places()[gazetteer.simplified(county)] if p.level == "county")
    others = {gazetteer.simplified(n): c for n, c in names.items() if n != county}
    if set(others) - {place.city, place.province} or any(c >= names[county] for c in others.values()):
        return None
    pattern = re.compile(rf"(?:{re.escape(place.province or '')})?(?:{re.escape(place.city or '')})?"
                         rf"{re.escape(gazetteer.simplified(county))}")
    longest = county
    for text in texts:
        written = without_glosses(text)
        for match in pattern.finditer(gazetteer.simplified(written)):
            if match.end() - match.start() > len(longest):
                longest = written[match.start():match.end()]
    return longest


def with_its_city(region: str, texts: list[str]) -> str:
    """A county or district named alone is written with its city when the text names the two together
    (通川区 → 达州市通川区)."""
    city = gazetteer.city_of(region)
    if not city or gazetteer.simplified(region).startswith(city):
        return region
    both = city + gazetteer.simplified(region)
    for text in texts:
        at = gazetteer.simplified(text).find(both)
        if at >= 0:
            return text[at:at + len(both)]  # as the text writes it (達州市通川區)
    return region


def with_its_county(region: str, texts: list[str]) -> str:
    """A town named alone is written with the places before it when the text names them together (民和镇 →
    进贤县民和镇, from 《中共进贤县民和镇党委关于…》)."""
    if not re.search(r"(?:镇|鎮|乡|鄉|街道)$", region):
        return region
    for text in texts:
        for match in re.finditer(re.escape(region), text):
            before = text[max(0, match.start() - 12): match.start()]
            for start in range(len(before)):  # the longest run of places right before the town
                tail = before[start:]
                if "".join(gazetteer.named_in([tail])) == tail:
                    return tail + region
    return region


# The time and the purpose a news item opens with, before its subject: 9月12日上午, / 2023年9月12日, / 近日, /
# 为抓好巡察整改,
# (the times of day: news_times.yml, which the spam check reads too)
_NEWS_TIME = re.compile(r"^(?:(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:" + "|".join(map(re.escape, vocabulary.news_times()))
                        + r")?|近日|日前|近期|为了?[^，,。；;]{2,30})\s*[,，]\s*)+")


def town_in_the_news(paragraphs: list[str]) -> str | None:
    """4月29日,徐行镇召开巡察整改动员部署会议: the town a news item opens with (a town is in no gazetteer)."""
    match = re.match(r"^([\u4e00-\u9fa5]{2,4}?(?:镇|鎮|乡|鄉|街道))"
                     r"(?:党委|黨委|党工委|黨工委)?(?:召开|召開|组织|組織|举行|舉行)",
                     _NEWS_TIME.sub("", paragraphs[0]) if paragraphs else "")
    return match.group(1) if match else None


_NEWS_VERB = re.compile(r"(?:召开|召開|启动|啟動|举行|舉行)")


def place_in_the_news(paragraphs: list[str]) -> str | None:
    """近日,福建省莆田市启动八届市委第二轮巡察工作 / …推进。1月28日上午,鸠江区召开了…巡前沟通会: the city or county
    (not a province) that one of the opening paragraph's first sentences has start or hold something, named wholly by
    places the gazetteer knows (the last of them: the province before 莆田市 only says where it is)."""
    for sentence in re.split(r"[。！!？?]", without_glosses(paragraphs[0]) if paragraphs else "")[:3]:
        sentence = _NEWS_TIME.sub("", sentence.strip())
        verb = _NEWS_VERB.search(sentence, 0, 16)
        if not verb:
            continue
        head = sentence[: verb.start()]
        named = gazetteer.named_in([head])
        if named and "".join(named) == head and not named[-1].endswith(("省", "自治区", "自治區")):
            return named[-1]
    return None


def place_of_the_meeting(texts: list[str]) -> tuple[str, str] | None:
    """(place, the unit): 9月12日上午,株洲市天元区工商联召开…: the unit that holds the meeting a news item opens with,
    named with a place the gazetteer knows."""
    for text in texts:
        opening = _NEWS_TIME.sub("", without_glosses(text or ""))
        # (…巡察市工商联情况反馈会召开: the meeting is held, no unit holds it)
        match = re.match(r"^([^，,。；;：:“”]{2,30}?)(?<![会會])(?:召开|召開|组织|組織|举行|舉行)", opening)
        place = known_place_in(match.group(1)) if match else None
        if place:
            return place, match.group(1)  # type: ignore[union-attr]
    return None


def province_of(team: str | None, texts: list[str]) -> str | None:
    """省國資委黨委第一巡察組 … 江蘇省港口集團: a provincial body's team, and the one province the text names."""
    if not team or not re.match(r"^(?:中共)?省", team):
        return None
    provinces = {gazetteer.simplified(n) for n in gazetteer.named_in(texts)
                 if any(p.level == "province" for p in gazetteer.places().get(gazetteer.simplified(n), []))}
    if len(provinces) != 1:
        return None
    named = next(n for n in gazetteer.named_in(texts) if gazetteer.simplified(n) in provinces)
    return named


def publisher_from_signature(paragraphs: list[str]) -> str | None:
    """The issuing body in the signature block (落款) at the end, if there is one."""
    for paragraph in reversed(paragraphs[-3:]):
        if is_signature(paragraph) and not SIGNATURE_DATE.fullmatch(paragraph.strip()) \
                and not _CREDIT.match(paragraph.strip()) and not _CLAUSE_BREAK.search(paragraph):
            return paragraph.strip()
    return None


# 马卫要求,市建投公司党委 (a text cut after a speaker's words): a clause, where a signature names the body alone
_CLAUSE_BREAK = re.compile(r"[,，、：:]")
# 文:党委巡察工作领导小组办公室 / 图文:… at the end of a news item: who wrote it, not who issued a notice
_CREDIT = re.compile(r"^(?:文|图|圖|图文|圖文|摄影|攝影|撰稿|供稿|通讯员|通訊員)\s*[:：/／]")


def domain_from(title: str | None, paragraphs: list[str]) -> str | None:
    sources = ([title] if title else []) + paragraphs[:3]
    for text in sources:
        match = re.search(r"(?:关于|开展了?|进行了?)([^，,。、“”：:]{2,20}?)领域(?:的)?(?:专项)?巡[察视]", text)
        if match:
            return match.group(1)
    return None


def kind_from(title: str | None, paragraphs: list[str], contact: bool = True) -> tuple[str, bool]:
    """(kind, whether it was read from the title rather than guessed from the text): the title, the opening,
    then the section headings (二、整改落实情况). A team's entry (进驻) makes an announcement (巡察公告) only when the
    text says 公告 or gives the way to reach the team (a phone, a mailbox): without, it is news of the entry."""
    headings = [p for p in paragraphs[1:] if len(p) <= 40 and not re.search(r"[。；;，,！!？?]", p)]
    # The first paragraph (the preamble: the team arrives, 进驻) as written and, after it, only the sentence that says
    # what the text is (现将巡察整改进展情况予以公布), read in simplified characters (現將集中整改進展情況予以公布): a
    # news item that mentions 整改进展情况 further on is no progress report.
    # (報(bào)告如下: the glosses inside the words are no part of them)
    announcing = [read for p in paragraphs[:4] for s in re.split(r"[。；;！!]", p)
                  for read in [gazetteer.simplified(without_glosses(s))] if _ANNOUNCING.search(read)]
    title = gazetteer.simplified(without_glosses(title)) if title else title
    # 巡 察 公 告——十三届市委第一轮巡察: a letter-spaced title reads as its words
    title = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", title) if title else title
    # 召开巡察整改情况通报会: the name of a meeting says what the meeting was about, not what the text is
    title = _MEETING.sub("", title) if title else title
    # the preamble says what the text is when a team arrives in it (not 督查组进驻…), and not in a news item's
    # opening (本网讯…, (速新闻记者…)…): the news tells of an inspection, it is no announcement of it
    preamble = [_MEETING.sub("", p) for p in paragraphs[:1]
                if re.search(r"巡[察视視](?:[^，,。；;、\s]{0,6})?[组組]", p) and not _NEWS_OPENING.match(p)]
    announcement = next((kind for kind in vocabulary.kinds() if kind.entry_words), None)
    entry = announcement is not None and any(word in p for p in paragraphs[:12] for word in announcement.entry_words)
    for text, from_title in ([(title, True)] if title else []) + [(p, False) for p in
                                                                 preamble + announcing + headings]:
        for kind in vocabulary.kinds():
            if any(word in text for word in (kind.value, *kind.words)) and not kind.fallback:
                if "公告" in kind.value and not contact and not any("公告" in t for t in (title or "", text)):
                    continue
                return kind.value, from_title
        # 现将有关事项公告如下 says 巡察公告 only in an entry announcement (进驻, 举报, 来信来电来访, a phone,
        # a mailbox: the kind's entry_words in kinds.yml): 现将巡察整改有关情况公告如下 announces the
        # rectification, 反馈了巡察意见。现将有关情况公告如下 the feedback
        if announcement is not None and "公告如下" in text and (contact or entry):
            return announcement.value, from_title
    return next(kind.value for kind in vocabulary.kinds() if kind.fallback), False


# 召开巡察整改情况通报会 / 向全体教职工通报了巡察整改情况: a meeting, and what was reported at it (news of an event);
# 调研督促…整改落实情况: what a visit looked into
_MEETING = re.compile(r"[^，,。；;、\s]{0,12}?(?:通报会|汇报会|推进会|部署会|动员会|座谈会|反馈会|专题会|"
                      r"通報會|匯報會|推進會|部署會|動員會)|(?:通报|汇报|听取|传达|通報|匯報|聽取|傳達)了[^，,。；;]{0,20}"
                      # 来校调研指导督促中央巡视整改落实情况: a visit to look into the rectification, news of it
                      r"|(?:调研|督促|督导|调研指导|調研|督導)[^，,。；;\s]{0,20}")
_NEWS_OPENING = re.compile(r"^\s*(?:[（(【\[]?[^，,。；;）)】\]]{0,12}?(?:记者|記者|通讯员|通訊員)"
                           r"[^，,。；;）)】\]]{0,12}[）)】\]]|(?:本|我)?(?:网|網|报|報|台)(?:讯|訊)"
                           r"|[^，,。；;]{2,16}?[电電](?=[，,\s（(]))")  # (速新闻记者…), 本网讯, 新华社北京11月7日电
_ANNOUNCING = re.compile(r"现将|現將|予以公[布开佈開]|予以通[报報]|[报通][告报]如下|報告如下|特此")


def region_from(footer: dict[str, str], contact: dict | None) -> str | None:
    """``安徽省`` from the filing numbers, ``安庆市大观区`` from the footer's host or an address."""
    province = _province(footer)
    if province is None:
        return None
    texts = [
        footer.get("host", ""),
        footer.get("co_host", ""),
        (contact or {}).get("address", ""),
        footer.get("address", ""),
    ]
    for text in texts:
        # 主办：中共重庆市渝中区委: the party's name is no part of the place, and a municipality (重庆市) is its
        # province
        text = re.sub(_PARTY, "", text)
        match = re.search(r"([\u4e00-\u9fa5]{2,6}?[市州盟])([\u4e00-\u9fa5]{1,6}?[区县旗])?", text)
        if match and _in_another_province(match.group(1).removeprefix(province.name), province.name):
            return None  # a site filed in one province run by a unit of another: the footer says nothing sure
        if match:
            return province.name + match.group(0) if not match.group(0).startswith(province.name) else match.group(0)
    return province.name


def _in_another_province(city: str, province: str) -> bool:
    """苏州市 under 安徽省's filing number: a city the gazetteer knows only in other provinces."""
    known = [p for p in gazetteer.places().get(gazetteer.simplified(city), []) if p.level == "city"]
    return bool(known) and all(p.province != province for p in known)


def _province(footer: dict[str, str]):
    record = footer.get("police_record") or ""
    code = re.search(r"(\d{2})\d{12}", record)
    abbr = (footer.get("icp") or record or " ")[0]
    for province in vocabulary.provinces():
        if (code and province.code == code.group(1)) or (not code and province.abbr == abbr):
            return province
    return None
