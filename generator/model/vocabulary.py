"""Controlled vocabularies kept as data files in ``generator/data``.

Editors and maintainers change the YAML files (statuses, kinds, provinces, the page-metadata keys
that ``notices import`` reads, the times of day of news openings); the model, the JSON
Schema, the checks and the pages all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ruamel.yaml import YAML


@dataclass(frozen=True)
class Status:
    value: str
    done: bool
    needs_due: bool
    css: str
    description: str
    stated: bool = True
    words: tuple[str, ...] = ()  # other ways notices write this status (notices import reads them)
    scaffold_example: bool = False  # the status `notices new` writes as the example


@dataclass(frozen=True)
class Kind:
    value: str
    description: str
    scaffold_example: bool = False  # the kind `notices new` writes as the example
    words: tuple[str, ...] = ()  # other ways a title or text names this kind (notices import reads them)
    fallback: bool = False  # the kind notices import writes when it recognises none
    # words of an entry announcement (进驻, 举报, a phone or a mailbox) that, near a preamble's 公告如下, make a text
    # this kind in notices import
    entry_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageMetadataKey:
    """A name of a web page's metadata (来源：…, 发布日期：…) that ``notices import`` reads."""

    key: str
    fills: str | None = None  # the notice field it fills (the first key with a value, in the file's order)
    glued: bool = False  # sites glue it to the previous value with no space (来源:X发布日期:Y)
    html: str | None = None  # its <meta name=…> (政府网站发展指引)
    in_text: bool = True  # false: read from <meta> only, not from the page's metadata lines
    stand_in: bool = False  # it fills ``fills`` for want of the field's own key: the import report asks to check it


@dataclass(frozen=True)
class Province:
    abbr: str
    name: str
    code: str


def _load(name: str) -> list:
    text = resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    return YAML(typ="safe").load(text) or []


@cache
def statuses() -> tuple[Status, ...]:
    return tuple(Status(**{**entry, "words": tuple(entry.get("words") or ())}) for entry in _load("statuses.yml"))


@cache
def kinds() -> tuple[Kind, ...]:
    return tuple(Kind(**{**entry, "words": tuple(entry.get("words") or ()),
                         "entry_words": tuple(entry.get("entry_words") or ())}) for entry in _load("kinds.yml"))


@cache
def provinces() -> tuple[Province, ...]:
    return tuple(Province(abbr=e["abbr"], name=e["name"], code=str(e["code"])) for e in _load("provinces.yml"))


@cache
def news_times() -> tuple[str, ...]:
    """The times of day between a date of news and its subject (上午, 下午 …: news_times.yml), longest first."""
    return tuple(sorted({str(t) for t in _load("news_times.yml") if t}, key=lambda t: (-len(t), t)))


@cache
def page_metadata() -> tuple[PageMetadataKey, ...]:
    return tuple(PageMetadataKey(**entry) for entry in _load("page_metadata.yml"))


def page_metadata_filling(field: str) -> tuple[str, ...]:
    """The metadata keys that fill the notice's ``field``, the first with a value winning."""
    return tuple(entry.key for entry in page_metadata() if entry.fills == field)


@cache
def search_stop_characters() -> str:
    """Single characters the search box leaves out of a query that has other words (大观区 → 大观)."""
    characters = [str(entry) for entry in _load("search_stop_characters.yml")]
    wrong = [c for c in characters if len(c) != 1]
    if wrong:
        raise ValueError(f"generator/data/search_stop_characters.yml: 每行只能写一个字，这些不是：{'、'.join(wrong)}")
    return "".join(dict.fromkeys(characters))


def scaffold_example(entries: tuple):
    """The one entry of a vocabulary marked ``scaffold_example: true``."""
    marked = [entry for entry in entries if entry.scaffold_example]
    if len(marked) != 1:
        raise ValueError(f"词表中应有且只有一项写 scaffold_example: true，现在有 {len(marked)} 项")
    return marked[0]


def done_status() -> Status:
    """The status that counts as done (``done: true``; the first, if several)."""
    return next(entry for entry in statuses() if entry.done)


def status(value: str) -> Status:
    for entry in statuses():
        if entry.value == value:
            return entry
    raise KeyError(value)
