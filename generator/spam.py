"""Text that must never be published: injected spam on hacked government pages.

A vocabulary matcher, not a parser. The vocabulary lives in ``generator/data/spam_terms.yml``,
which editors extend without touching Python. Rules, in order of priority when findings overlap (invisible characters are
:mod:`generator.check.characters`'s):

1. spam words from the vocabulary, grown to the whole glued-on run (Latin letters, digits, and
   vocabulary fragments) around them;
2. links to outside sites (``http(s)://`` addresses and bare domains), except ``gov.cn``;
3. inline styles that hide text (``display:none``, ``visibility:hidden``, ``font-size:0``);
4. a lower- or mixed-case Latin word of 4+ letters glued to Han characters.

Offsets are Python ``str`` indexes into the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import urlsplit

from ruamel.yaml import YAML


@dataclass(frozen=True)
class Finding:
    start: int  # character offset in the text (Python str index)
    end: int  # exclusive
    text: str  # text[start:end]
    reason: str  # Chinese, for an editor


@dataclass(frozen=True)
class Vocabulary:
    labels: dict[str, str]  # folded term -> category label
    pieces: tuple[str, ...]  # terms and fragments, longest first
    terms: re.Pattern
    allow: tuple[str, ...]


# A hit is (start, end, why): ``why`` turns the hit's final text into the reason an editor reads.
Why = Callable[[str], str]
Hit = tuple[int, int, Why]


# ---------------------------------------------------------------- normalising


def normalize(text: str) -> str:
    """NFKC one character at a time, so that offsets stay those of ``text``.

    Full-width letters, digits and punctuation become ASCII; a character whose NFKC form is
    longer than one character is kept as it is.
    """
    return text if text.isascii() else "".join(map(_normalized_char, text))


def fold(text: str) -> str:
    """``normalize`` and lower case, with the same offsets as ``text``."""
    return "".join(map(_folded_char, text))


@lru_cache(maxsize=65536)  # per character: a notice has a few thousand distinct ones
def _normalized_char(char: str) -> str:
    return _one_char(unicodedata.normalize("NFKC", char), char)


@lru_cache(maxsize=65536)
def _folded_char(char: str) -> str:
    normal = _normalized_char(char)
    return _one_char(normal.lower(), normal)


def _one_char(new: str, old: str) -> str:
    return new if len(new) == 1 else old


@cache
def vocabulary() -> Vocabulary:
    source = resources.files("generator").joinpath("data", "spam_terms.yml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(source)
    labels = {fold(term): cat["label"] for cat in data["categories"].values() for term in cat["terms"]}
    pieces = sorted(set(labels) | {fold(f) for f in data.get("fragments") or ()}, key=len, reverse=True)
    terms = re.compile("|".join(re.escape(t) for t in sorted(labels, key=len, reverse=True)))
    return Vocabulary(labels, tuple(pieces), terms, tuple(fold(a) for a in data.get("allow") or ()))


# ---------------------------------------------------------------- public API


def find_spam(text: str, allow: Iterable[str] = ()) -> list[Finding]:
    """Spans of ``text`` that must not be published, sorted by start and non-overlapping."""
    voc = vocabulary()
    low = fold(text)
    allowed = tuple(a for a in (fold(a).strip() for a in allow) if a) + voc.allow
    rules = (
        _keyword_runs(low, voc),
        _links(low, allowed),
        _hidden_styles(low),
        _glued_latin(text, low),
    )
    hits = [(*hit, rank) for rank, rule in enumerate(rules) for hit in _drop_allowed(rule, low, allowed)]
    return [Finding(s, e, text[s:e], why(text[s:e])) for s, e, why, _ in _merge(hits)]


# ---------------------------------------------------------------- 1. vocabulary


def _keyword_runs(low: str, voc: Vocabulary) -> list[Hit]:
    runs: list[tuple[int, int, list[str]]] = []
    for match in voc.terms.finditer(low):
        start, end = _grow(low, match.start(), match.end(), voc.pieces)
        label = voc.labels[match.group()]
        if runs and start <= runs[-1][1]:  # touches the previous run: one finding
            first, last_end, labels = runs.pop()
            start, end = min(first, start), max(last_end, end)
            label_list = labels if label in labels else labels + [label]
        else:
            label_list = [label]
        runs.append((start, end, label_list))
    return [(start, end, _spam_reason("、".join(labels))) for start, end, labels in runs]


def _spam_reason(labels: str) -> Why:
    return lambda run: f"疑似植入的广告文字“{run}”（{labels}）"


def _grow(low: str, start: int, end: int, pieces: tuple[str, ...]) -> tuple[int, int]:
    """Widen [start, end) over glued-on Latin letters, digits and vocabulary pieces."""
    while True:
        new_start, new_end = _step_left(low, start, pieces), _step_right(low, end, pieces)
        if (new_start, new_end) == (start, end):
            return start, end
        start, end = new_start, new_end


def _step_left(low: str, pos: int, pieces: tuple[str, ...]) -> int:
    if pos > 0 and _is_latin(low[pos - 1]):
        while pos > 0 and _is_latin(low[pos - 1]):
            pos -= 1
        return pos
    return next((pos - len(p) for p in pieces if low.endswith(p, 0, pos)), pos)


def _step_right(low: str, pos: int, pieces: tuple[str, ...]) -> int:
    if pos < len(low) and _is_latin(low[pos]):
        while pos < len(low) and _is_latin(low[pos]):
            pos += 1
        return pos
    return next((pos + len(p) for p in pieces if low.startswith(p, pos)), pos)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


# ---------------------------------------------------------------- 2. links

_URL = re.compile(r"https?://[a-z0-9\-._~:/?#\[\]@$&+=%]+")
_DOMAIN = re.compile(
    r"(?<![a-z0-9@._\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+"
    r"(?:com|net|org|cn|cc|top|xyz|vip|me|io|info|biz|co|tv|app|site|club|online|shop|"
    r"live|fun|icu|ink|pro|win|bet|casino|link|asia|hk|tw|mo|ru|xxx)"
    r"(?![a-z0-9\-@])(?:[/?#][a-z0-9\-._~:/?#@$&+=%]*)?"
)
_EMAIL = re.compile(r"(?<![a-z0-9._%+\-])[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}")
_TRAILING = ".,;:!?'\")]"


def _links(low: str, allowed: tuple[str, ...]) -> list[Hit]:
    hits = []
    for match in [*_URL.finditer(low), *_DOMAIN.finditer(low)]:
        address = match.group().rstrip(_TRAILING)
        if address and not _is_gov_or_allowed(address, allowed):
            hits.append((match.start(), match.start() + len(address), _link_reason))
    return hits


def _link_reason(address: str) -> str:
    return f"外部网站链接“{address}”：通报中不应出现政府网站（gov.cn）以外的地址，疑似植入的广告；如确需保留，请加入允许列表"


def _host(address: str) -> str:
    try:
        return urlsplit(address if "://" in address else "http://" + address).hostname or ""
    except ValueError:
        return ""


def _is_gov_or_allowed(address: str, allowed: tuple[str, ...]) -> bool:
    host = _host(address)
    sites = ["gov.cn"] + [_host(a) for a in allowed if "." in a]
    if any(site and (host == site or host.endswith("." + site)) for site in sites):
        return True
    return any(address.startswith(a) for a in allowed if "/" in a)


def _addresses(low: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses and links, flagged or not: no glued-Latin findings inside."""
    return [m.span() for pattern in (_EMAIL, _URL, _DOMAIN) for m in pattern.finditer(low)]


# ---------------------------------------------------------------- 3. hidden text

_HIDDEN = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0+(?:\.0+)?(?:px|pt|em|rem|%)?(?![0-9a-z.])"
)


def _hidden_styles(low: str) -> list[Hit]:
    return [(m.start(), m.end(), _hidden_reason) for m in _HIDDEN.finditer(low)]


def _hidden_reason(style: str) -> str:
    return f"隐藏文字的样式“{style}”：读者看不见的内容常用于植入广告，请删除这段内容"


# ---------------------------------------------------------------- 4. Latin words glued to Chinese

_LATIN_RUN = re.compile(r"[a-z0-9]+", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _glued_latin(text: str, low: str) -> list[Hit]:
    normal = normalize(text)
    protected = _addresses(low)
    return [
        (m.start(), m.end(), _latin_reason)
        for m in _LATIN_RUN.finditer(normal)
        if _is_glued_word(normal, m.start(), m.end()) and not _inside(m.start(), m.end(), protected)
    ]


def _is_glued_word(normal: str, start: int, end: int) -> bool:
    letters = [c for c in normal[start:end] if c.isalpha()]
    if len(letters) < 4 or all(c.isupper() for c in letters):
        return False
    before = normal[start - 1 : start]
    after = normal[end : end + 1]
    return bool(_HAN.fullmatch(before) or _HAN.fullmatch(after))


def _latin_reason(word: str) -> str:
    return f"中文句子中夹杂英文“{word}”，疑似植入的广告文字；如确属正文用语，请加入允许列表"


# ---------------------------------------------------------------- helpers


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _drop_allowed(hits: list[Hit], low: str, allowed: tuple[str, ...]) -> list[Hit]:
    """Hits not lying wholly inside an occurrence of an allowed string."""
    if not hits:
        return hits
    spans = [m.span() for a in allowed for m in re.finditer(re.escape(a), low)]
    return [hit for hit in hits if not _inside(hit[0], hit[1], spans)]


def _merge(hits: list[tuple[int, int, Why, int]]) -> list[tuple[int, int, Why, int]]:
    """Overlapping hits become one covering both, explained by the rule listed first."""
    merged: list[tuple[int, int, Why, int]] = []
    for start, end, why, rank in sorted(hits, key=lambda h: (h[0], h[3])):
        if merged and start < merged[-1][1]:
            first, last_end, last_why, last_rank = merged.pop()
            best_why, best_rank = (last_why, last_rank) if last_rank <= rank else (why, rank)
            merged.append((first, max(last_end, end), best_why, best_rank))
        else:
            merged.append((start, end, why, rank))
    return merged
