"""Text as the spam detector reads it, with a map back to the offsets of the text as given.

``normalize`` and ``fold`` change characters one for one (offsets unchanged). ``for_matching``
also removes what can split a word without being seen: markup and entities, zero-width characters,
spacing between characters; its result carries ``index``, the original offset of each character.

Per character, in order: NFKC (full-width → ASCII; kept as it is when NFKC gives several
characters), common homoglyphs folded (Cyrillic ``а`` → ``a``, Greek ``ν`` → ``v`` …),
traditional → simplified (OpenCC ``t2s``, character by character), lower case.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

BMP = 0x10000

# Letters that look like Latin ones (Cyrillic, Greek, Latin small capitals and the like).
HOMOGLYPHS = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w", "γ": "y", "ɑ": "a", "ɡ": "g", "ı": "i", "ȷ": "j", "ʀ": "r", "ᴀ": "a",
    "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l",
    "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y",
    "ᴢ": "z", "〇": "0", "○": "0",
}

# Removed before matching: invisible characters (they can split a word without being seen).
INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
             "\u206a-\u206f\u3164\ufeff\uffa0")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_MARKUP = re.compile(r"<[A-Za-z!/?][^<>]{0,2000}>|\*\*+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
# Pinyin that converter sites put after a character: 發(fā)
_PINYIN = re.compile("\\([a-z\u00e0-\u00fc\u0101-\u01dc]{1,7}\\)")
_SPACES = " \t\u00a0\u3000"
_DOTS = ".·•*"

@dataclass(frozen=True)
class Normalized:
    text: str  # what the detector reads
    index: np.ndarray  # index[i]: offset in the original of text[i]; index[len(text)] = len(original)
    folded: str = ""  # ``fold`` of the original: same offsets as the original
    points: np.ndarray | None = None  # the code points of ``text``
    beyond_bmp: bool = False  # some are beyond the Basic Multilingual Plane

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]`` (end exclusive, start < end)."""
        return int(self.index[start]), int(self.index[end - 1]) + 1


def normalize(text: str) -> str:
    """NFKC one character at a time, so that offsets stay those of ``text``."""
    return text if text.isascii() else "".join(_nfkc(c) for c in text)


def fold(text: str) -> str:
    """Every one-for-one step (NFKC, homoglyphs, traditional → simplified, lower case); same offsets."""
    if text.isascii():
        return text.lower()
    return _decode(_folded(text))


def for_matching(text: str, fast: bool = True) -> Normalized:
    """``fold`` with markup, entities, invisible characters and spacing between characters removed. ``fast``
    False: always the general way (the same result; the tests compare the two)."""
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    if fast and len(units) == len(text):
        quick = _for_matching_bmp(units)
        if quick is not None:
            return quick
    return _for_matching_general(text, units)


def _for_matching_bmp(units: np.ndarray) -> Normalized | None:
    """``for_matching`` of a text of the Basic Multilingual Plane whose characters all fold to ones of it and that
    holds no entity: the same result as ``_for_matching_general`` with fewer passes (one lookup gives the folded
    character, whether it is spacing or needs the general case, and its classes). None: the general case."""
    both = _fast_table()[units.astype(np.intp)]  # the folded character, its flags and its classes
    special = np.flatnonzero((both & _FLAGS) != 0)  # spacing, dots, invisible characters, and the general case's
    if len(special) and (both[special] & (_GENERAL << 16)).any():
        return None
    folded16 = both.astype(np.uint16)
    folded_text = folded16.tobytes().decode("utf-16-le")
    if "&" in folded_text:
        return None
    n = len(folded16)
    drop: np.ndarray | None = None
    if len(special):
        drop = _spacing((both >> 24).astype(np.uint8).__getitem__, n, special)
    # the two kinds of markup one at a time (each found by its first characters): the same places dropped
    for mark, pattern in (("<", _TAG), ("**", _STARS)):
        if mark in folded_text:
            for match in pattern.finditer(folded_text):
                drop = _dropped(drop, n)
                drop[match.start() : match.end()] = True
    if "(" in folded_text:
        for match in _PINYIN.finditer(folded_text):
            if match.start() and _folded_classes()[units[match.start() - 1]] & HAN_CLASS:
                drop = _dropped(drop, n)
                drop[match.start() : match.end()] = True
    folded = folded16.astype(np.intp)
    if drop is not None and drop.any():
        kept = np.flatnonzero(~drop)
        points = folded[kept]
        return Normalized(_decode(points), np.append(kept, n), folded_text, points, False)
    return Normalized(folded_text, _identity(n + 1), folded_text, folded, False)


_IDENTITY = np.arange(0, dtype=np.intp)


def _identity(size: int) -> np.ndarray:
    """0, 1, … size − 1 (a read-only view of one array, grown when a longer text comes: a fresh ``np.arange`` of
    every text's length cost more than the rest of its normalisation on a loaded machine)."""
    global _IDENTITY
    if len(_IDENTITY) < size:
        _IDENTITY = np.arange(max(size, 2 * len(_IDENTITY), 1 << 16), dtype=np.intp)
        _IDENTITY.setflags(write=False)
    return _IDENTITY[:size]


_SPECIAL, _GENERAL = 1, 2
_FLAGS = (_SPECIAL | _GENERAL) << 16
_TAG, _STARS = (re.compile(part) for part in _MARKUP.pattern.split("|"))  # the two alternatives of _MARKUP


@cache
def _fast_table() -> np.ndarray:
    """By every character of the BMP: its folded character (16 bits), and above them the flags ``_SPECIAL`` where it
    is spacing, a dot or invisible, ``_GENERAL`` where the general case must read the text (a surrogate, a
    character that folds to one beyond the BMP), and from bit 24 the classes of the folded character."""
    table = _table()
    flags = np.zeros(BMP, dtype=np.uint32)
    flags[(_folded_classes() & (SPACE_CLASS | DOT_CLASS | INVISIBLE_CLASS)) != 0] = _SPECIAL
    flags[table >= BMP] = _GENERAL
    flags[0xD800:0xE000] = _GENERAL
    kind = _folded_classes().astype(np.uint32)
    return np.minimum(table, BMP - 1).astype(np.uint32) | (flags << 16) | (kind << 24)


def _for_matching_general(text: str, units: np.ndarray) -> Normalized:
    """``for_matching`` of any text (characters beyond the BMP, entities)."""
    beyond = len(units) != len(text)
    if beyond:  # characters beyond the BMP are kept as they are
        folded = _folded(text)
        kind = _classes()[np.minimum(folded, BMP - 1)]
    else:  # the usual case: one lookup each, by the original character
        index = units.astype(np.intp)
        folded, kind = _table()[index], _folded_classes()[index]
        beyond = bool(len(folded)) and int(folded.max()) >= BMP  # 804 characters simplify to one beyond the BMP
    folded_text = _decode(folded)
    n = len(folded)
    drop: np.ndarray | None = None
    special = np.flatnonzero(kind & (SPACE_CLASS | DOT_CLASS | INVISIBLE_CLASS))  # few: Chinese has no spaces
    if len(special):
        drop = _spacing(kind.__getitem__, len(kind), special)
    if "<" in folded_text or "**" in folded_text:
        for match in _MARKUP.finditer(folded_text):
            drop = _dropped(drop, n)
            drop[match.start() : match.end()] = True
    if "&" in folded_text:
        for match in _ENTITY.finditer(folded_text):
            drop = _dropped(drop, n)
            char = html.unescape(match.group())
            if len(char) == 1:  # the entity becomes its character
                folded[match.start()] = _table()[ord(char)] if ord(char) < BMP else ord(char)
                drop[match.start() + 1 : match.end()] = True
            else:
                drop[match.start() : match.end()] = True
    if "(" in folded_text:
        for match in _PINYIN.finditer(folded_text):
            if match.start() and kind[match.start() - 1] & HAN_CLASS:
                drop = _dropped(drop, n)
                drop[match.start() : match.end()] = True
    if drop is not None and drop.any():
        kept = np.flatnonzero(~drop)
        points = folded[kept]
        return Normalized(_decode(points), np.append(kept, n), folded_text, points, beyond)
    return Normalized(folded_text, _identity(n + 1), folded_text, folded, beyond)


def _dropped(drop: np.ndarray | None, n: int) -> np.ndarray:
    return np.zeros(n, dtype=bool) if drop is None else drop


HAN_CLASS, SPACE_CLASS, DOT_CLASS, INVISIBLE_CLASS, ALNUM_CLASS = 1, 2, 4, 8, 16


def _spacing(kind: Callable, n: int, special: np.ndarray) -> np.ndarray | None:
    """What to drop, given ``special``, the places of the invisible, spacing and dot characters: the invisible
    characters, spacing (up to three characters) or dots between two Chinese characters (百 家 乐, 博.彩), and the
    spaces of spaced-out letters or digits, three of them or more (v p n). None if nothing."""
    drop = np.zeros(n, dtype=bool)
    before, here, after = kind(np.concatenate((special - 1, special, special + 1)).clip(0, n - 1)).reshape(3, -1)
    invisible = special[(here & INVISIBLE_CLASS) != 0]
    drop[invisible] = True
    found = len(invisible) > 0
    if n < 3:
        return drop if found else None
    gap_of = SPACE_CLASS | DOT_CLASS
    for pos in special[(special > 0) & ((here & gap_of) != 0) & ((before & HAN_CLASS) != 0)].tolist():
        gap, end = kind(pos) & gap_of, pos
        while end < n and end - pos < 3 and kind(end) & gap_of == gap:
            end += 1
        if end < n and kind(end) & HAN_CLASS:
            drop[pos:end] = found = True
    spaced = special[(special > 0) & (special < n - 1) & ((here & SPACE_CLASS) != 0) & ((before & ALNUM_CLASS) != 0)
                     & ((after & ALNUM_CLASS) != 0)].tolist()
    if len(spaced) >= 2:  # spaces between single letters or digits, three of them or more: "v p n"
        # a space between two lone letters or digits (none before the first, none after the second) is a joint
        joints = np.array(spaced, dtype=np.intp)
        outer = kind(np.concatenate((joints - 2, joints + 2)).clip(0, n - 1)).reshape(2, -1)
        lone = ((outer[0] & ALNUM_CLASS) == 0) | (joints - 2 < 0)
        lone &= ((outer[1] & ALNUM_CLASS) == 0) | (joints + 2 > n - 1)
        joints = joints[lone]
        if len(joints) >= 2:  # joints of three lone characters or more
            chained = np.isin(joints - 2, joints) | np.isin(joints + 2, joints)
            if chained.any():
                drop[joints[chained]] = found = True
    return drop if found else None


@cache
def _classes() -> np.ndarray:
    """Per folded character: Chinese, spacing, dot, invisible, Latin letter or digit (bit flags)."""
    kind = np.zeros(BMP, dtype=np.uint8)
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        kind[lo : hi + 1] |= HAN_CLASS
    for c in _SPACES:
        kind[ord(c)] |= SPACE_CLASS
    for c in _DOTS:
        kind[ord(c)] |= DOT_CLASS
    for cp in range(BMP):
        if _INVISIBLE.match(chr(cp)):
            kind[cp] |= INVISIBLE_CLASS
    for c in "abcdefghijklmnopqrstuvwxyz0123456789":
        kind[ord(c)] |= ALNUM_CLASS
    return kind


@cache
def _folded_classes() -> np.ndarray:
    """``_classes`` of the folded character, by the original one."""
    return _classes()[np.minimum(_table(), BMP - 1)]


def codes(text: str) -> np.ndarray:
    """The code points of ``text`` (a read-only array)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _folded(text: str) -> np.ndarray:
    """The folded code points of ``text`` (``intp``, the fastest to index tables with)."""
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    if len(units) == len(text):  # no character beyond the BMP (the usual case): one lookup
        return _table()[units.astype(np.intp)]
    points = codes(text).astype(np.intp)  # characters beyond the BMP are kept as they are
    return np.where(points >= BMP, points, _table()[np.minimum(points, BMP - 1)])


def _decode(points: np.ndarray) -> str:
    return points.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def _nfkc(char: str) -> str:
    new = unicodedata.normalize("NFKC", char)
    return new if len(new) == 1 else char


@cache
def _table() -> np.ndarray:
    """The one-for-one mapping of every character of the Basic Multilingual Plane."""
    import opencc

    chars = [chr(c) for c in range(BMP)]
    chars[0xD800:0xE000] = ["\ufffd"] * 0x800  # surrogates cannot be encoded
    mapped = [_nfkc(c) for c in chars]
    mapped = [HOMOGLYPHS.get(c, c) for c in mapped]
    han = [i for i, c in enumerate(mapped) if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"]
    converted = opencc.OpenCC("t2s").convert("\n".join(mapped[i] for i in han)).split("\n")
    if len(converted) == len(han):
        for i, new in zip(han, converted):
            if len(new) == 1:
                mapped[i] = new
    mapped = [c.lower() if len(c.lower()) == 1 else c for c in mapped]
    table = np.array([ord(c) for c in mapped], dtype=np.intp)
    table[0xD800:0xE000] = np.arange(0xD800, 0xE000, dtype=np.intp)
    return table
