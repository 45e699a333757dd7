"""China's provinces, prefecture-level cities and counties (区/县/旗/县级市), to read the place a notice names.

Data: ``generator/data/divisions.txt`` (maintainers edit it; the provinces come from ``provinces.yml``), the 2020
administrative division codes as shipped in cpca 0.5.5 (resources/adcodes.csv, MIT licence, from the National
Bureau of Statistics' code list), reduced to names. One line per province (``32 江苏省``) and per city
(``3213 宿迁市 宿城区 宿豫区 …``: the city, then its counties; ``-`` for a province's directly administered
counties, ``+`` for a continuation line). Only whole names are used (宿迁市, not 宿迁): a short name is too often
a word of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.model import vocabulary

# A pinyin gloss a mirror site injects after a character: 衛(wèi)健委, 統(tǒng)一 (a syllable with its tone mark).
GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")


def without_glosses(text: str) -> str:
    """``省衛(wèi)生健康委黨組`` → ``省衛生健康委黨組``: the pinyin glosses of a mirror site taken out."""
    return GLOSS.sub("", text)


def _lines() -> list[str]:
    """The division lines: the 31 provinces of ``provinces.yml`` (``32 江苏省``), then ``data/divisions.txt``."""
    text = resources.files("generator").joinpath("data", "divisions.txt").read_text(encoding="utf-8")
    provinces = [f"{p.code} {p.name}" for p in vocabulary.provinces()]
    return provinces + [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Place:
    name: str
    level: str  # province, city or county
    city: str | None = None  # the city a county belongs to (None: a province's own county, a municipality's)
    province: str | None = None


@cache
def places() -> dict[str, list[Place]]:
    """Every place by its full name (a name can be in several provinces: 朝阳区, 通州区)."""
    found: dict[str, list[Place]] = {}
    provinces: dict[str, str] = {}
    cities: dict[str, str | None] = {}
    for line in _lines():
        code, name, *counties = line.split()
        if len(code) == 2:
            provinces[code] = name
            found.setdefault(name, []).append(Place(name, "province"))
            continue
        province = provinces[code[:2]]
        if name != "+":
            cities[code] = None if name == "-" else name
            if name != "-":
                found.setdefault(name, []).append(Place(name, "city", province=province))
        for county in counties:
            found.setdefault(county, []).append(Place(county, "county", city=cities[code], province=province))
    for name, entries in list(found.items()):  # 昌吉回族自治州 → 昌吉州, 木垒哈萨克自治县 → 木垒县
        short = short_form(name)
        if short and short not in found:
            found[short] = [Place(short, e.level, e.city, e.province) for e in entries]
    return found


# The peoples an autonomous prefecture's or county's name holds (昌吉回族自治州, 黔东南苗族侗族自治州,
# 木垒哈萨克自治县)
_PEOPLES = re.compile(r"(?:回|哈萨克|蒙古|柯尔克孜|藏|彝|壮|苗|土家|布依|侗|傣|景颇|白|哈尼|傈僳|朝鲜|羌|"
                      r"维吾尔|黎|畲|满|瑶|水|纳西|土|撒拉|保安|东乡|裕固|仡佬|达斡尔|鄂温克|鄂伦春|各|拉祜|"
                      r"佤|普米|独龙|怒|阿昌|德昂|仫佬|毛南|锡伯|塔吉克|京|门巴|珞巴|俄罗斯|乌孜别克|塔塔尔|"
                      r"赫哲|基诺|布朗)族?$")


def short_form(name: str) -> str | None:
    """The short name of an autonomous prefecture or county, as notices write it: the place's own name and its level
    (昌吉回族自治州 → 昌吉州, 黔东南苗族侗族自治州 → 黔东南州, 木垒哈萨克自治县 → 木垒县); None for other names."""
    match = re.fullmatch(r"(.+?)自治([州县])", name)
    if not match:
        return None
    own = match.group(1)
    while (people := _PEOPLES.search(own)) and people.start() >= 2:
        own = own[: people.start()]
    return own + match.group(2) if own != match.group(1) and len(own) >= 2 else None


# Districts whose names are also common words (阳泉市城区, 本溪市矿区…): never read from running text.
_WORDS = frozenset({"城区", "郊区", "矿区", "市中区", "新区"})


@cache
def _names_pattern():
    names = sorted((n for n in places() if n not in _WORDS), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified characters, character for character (a notice in traditional characters: 歙縣 → 歙县);
    unchanged where the conversion would change its length."""
    converted = _converter().convert(text)
    return converted if len(converted) == len(text) else text


# The characters a place named in running text can follow: a preposition or conjunction (对歙县, 市委和歙县),
# 中共/共青团.
_BEFORE_A_PLACE = frozenset("对對向在于於由与與和及至赴到经經从從全共团團据據即")


def named_in(texts: list[str]) -> list[str]:
    """The full place names in ``texts``, in order of appearance, longest match first (宿迁市, 沭阳县), each as the text
    writes it (宿遷市 in a notice in traditional characters). A two-character name is a place only where a word can
    start: 担任县委 (任县), 市委和县委 (和县), 创新县域 (新县), 云南县域 (南县) are the end of one word and a level's
    县; it must follow the start, a non-Chinese character, another place (黄山市歙县) or a preposition (对歙县)."""
    found = []
    for text in texts:
        text = without_glosses(text)  # 西藏自治區(qū)黨委: the place is read, and given, without its glosses
        read = simplified(text)
        end = 0
        for match in _names_pattern().finditer(read):
            start = match.start()
            before = read[start - 1] if start else ""
            if len(match.group(0)) == 2 and start != end and _is_han(before) and before not in _BEFORE_A_PLACE:
                continue
            if match.group(0).endswith("县") and read.startswith("域", match.end()):
                continue  # 河南县域经济: the counties of 河南, not 河南县 (a county in 青海)
            found.append(text[start:match.end()])
            end = match.end()
    return found


def _is_han(character: str) -> bool:
    return "\u4e00" <= character <= "\u9fff"


def is_place(name: str) -> bool:
    return simplified(name) in places()


def city_of(name: str) -> str | None:
    """The one city a county belongs to (None if the name is in several cities, or under a province directly),
    in simplified characters."""
    cities = {p.city for p in places().get(simplified(name), []) if p.level == "county"}
    return cities.pop() if len(cities) == 1 else None
