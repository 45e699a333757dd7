"""Who published the notice, where, about what, and of which kind."""

from __future__ import annotations

import re

from generator.importing.page import SIGNATURE_DATE, is_signature
from generator.model import vocabulary


def publisher_from(title: str | None, meta: dict[str, str]) -> str | None:
    """The party organisation the title names (中共××局党组关于…) issues the notice; the 政务公开 block's
    发布机构 is often the website's department (××局), taken only when the title names no party body."""
    match = re.match(r"^(.{2,30}?)关于", title) if title else None
    if match and re.search(r"(党组|党委|委员会|党工委|党总支|党支部)$", match.group(1)):
        return match.group(1)
    for key in vocabulary.page_metadata_filling("publisher"):
        if meta.get(key):
            return meta[key]
    return match.group(1) if match else None


def publisher_from_text(paragraphs: list[str]) -> str | None:
    """``巡察组向市文化和旅游局党组反馈了巡察意见`` → 市文化和旅游局党组 (the unit that answers)."""
    for paragraph in paragraphs[:3]:
        match = re.search(r"向([^，,。、“”向]{2,30}?(?:党组|党委|党总支|党支部))(?:进行了?)?反馈", paragraph) \
            or re.search(r"对([^，,。、“”对]{2,30}?(?:党组|党委|党总支|党支部))(?:开展|进行)了?", paragraph)
        if match:
            return match.group(1)
    return None


_PLACE = re.compile(r"^(?:中共|中国共产党)?((?![市区县])[\u4e00-\u9fa5]{2,6}?(?:省|自治区))?"
                    r"((?![市区县])(?:[\u4e00-\u9fa5]{1,6}?市|[\u4e00-\u9fa5]{1,6}?[州盟](?!市)))?"  # 广州市, not 广州
                    r"((?![市区县])[\u4e00-\u9fa5]{1,5}?[区县旗])?"
                    r"((?![市区县镇])[\u4e00-\u9fa5]{1,4}?(?:镇|街道))?")  # 中山市横栏镇


def region_from_text(paragraphs: list[str]) -> tuple[str, str] | None:
    """(place, the unit named) from a party body the opening names in full: 《中共汕头市卫生健康局党组关于…》."""
    for paragraph in paragraphs[:8]:
        for match in re.finditer(r"中共[\u4e00-\u9fa5]{2,24}?(?:党组|党委)", paragraph):
            place = region_from_name(match.group(0))
            if place:
                return place, match.group(0)
    return None


def region_from_name(name: str | None) -> str | None:
    """The place a unit's name starts with: 中共广州市海珠区水务局党组 → 广州市海珠区, 湖北省委… → 湖北省."""
    if not name:
        return None
    match = _PLACE.match(name)
    if not match or not match.group(0).removeprefix("中共").removeprefix("中国共产党"):
        return None
    place = "".join(g for g in match.groups() if g)
    # a bare 区/县 ending inside a unit's name (市场监督管理局) is no place: the name must go on with a unit
    return place if len(place) >= 3 else None


def publisher_from_signature(paragraphs: list[str]) -> str | None:
    """The issuing body in the signature block (落款) at the end, if there is one."""
    for paragraph in reversed(paragraphs[-3:]):
        if is_signature(paragraph) and not SIGNATURE_DATE.fullmatch(paragraph.strip()):
            return paragraph.strip()
    return None


def domain_from(title: str | None, paragraphs: list[str]) -> str | None:
    sources = ([title] if title else []) + paragraphs[:3]
    for text in sources:
        match = re.search(r"(?:关于|开展了?|进行了?)([^，,。、“”：:]{2,20}?)领域(?:的)?(?:专项)?巡[察视]", text)
        if match:
            return match.group(1)
    return None


def kind_from(title: str | None, paragraphs: list[str]) -> tuple[str, bool]:
    """(kind, whether it was read from the title rather than guessed from the text): the title, the opening,
    then the section headings (二、整改落实情况)."""
    headings = [p for p in paragraphs[4:] if len(p) <= 40 and not re.search(r"[。；;，,！!？?]", p)]
    for text, from_title in ([(title, True)] if title else []) + [(p, False) for p in paragraphs[:4] + headings]:
        for kind in vocabulary.kinds():
            if any(word in text for word in (kind.value, *kind.words)) and not kind.fallback:
                return kind.value, from_title
    return next(kind.value for kind in vocabulary.kinds() if kind.fallback), False


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
        match = re.search(r"([\u4e00-\u9fa5]{2,6}?[市州盟])([\u4e00-\u9fa5]{1,6}?[区县旗])?", text)
        if match:
            return province.name + match.group(0) if not match.group(0).startswith(province.name) else match.group(0)
    return province.name


def _province(footer: dict[str, str]):
    record = footer.get("police_record") or ""
    code = re.search(r"(\d{2})\d{12}", record)
    abbr = (footer.get("icp") or record or " ")[0]
    for province in vocabulary.provinces():
        if (code and province.code == code.group(1)) or (not code and province.abbr == abbr):
            return province
    return None
