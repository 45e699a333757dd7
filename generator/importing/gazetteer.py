"""China's provinces, prefecture-level cities and counties (区/县/旗/县级市), to read the place a notice names.

Data: ``generator/data/divisions.txt`` (maintainers edit it; the provinces come from ``provinces.yml``), the 2020
administrative division codes as shipped in cpca 0.5.5 (resources/adcodes.csv, MIT licence, from the National
Bureau of Statistics' code list), reduced to names. One line per province (``32 江苏省``) and per city
(``3213 宿迁市 宿城区 宿豫区 …``: the city, then its counties; ``-`` for a province's directly administered
counties, ``+`` for a continuation line). Only whole names are used (宿迁市, not 宿迁): a short name is too often
a word of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.model import vocabulary


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
    return found


# Districts whose names are also common words (阳泉市城区, 本溪市矿区…): never read from running text.
_WORDS = frozenset({"城区", "郊区", "矿区", "市中区", "新区"})


@cache
def _names_pattern():
    import re

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
        read = simplified(text)
        end = 0
        for match in _names_pattern().finditer(read):
            start = match.start()
            before = read[start - 1] if start else ""
            if len(match.group(0)) == 2 and start != end and _is_han(before) and before not in _BEFORE_A_PLACE:
                continue
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
