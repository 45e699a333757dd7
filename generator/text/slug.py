"""Stable ASCII names for URLs, derived from Chinese text with pypinyin."""

from __future__ import annotations

import re
from typing import Any, cast

MAX_LENGTH = 200


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """``中共大观区委关于城市绿化…`` → ``zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua…``.

    Lowercase ASCII, syllables joined by ``-``, cut at a syllable boundary only past ``max_length``
    (long enough for a whole title, so that 整改进展 and 整改情况 reports of one inspection differ);
    the same text always gives the same slug. Uniqueness across the site is checked, not patched: a collision is
    an error that asks the editor to write ``slug`` by hand, so no URL ever changes because another notice was added.
    """
    syllables = _syllables(text)
    words = re.findall(r"[a-z0-9]+", "-".join(syllables).lower().replace("ü", "v"))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "tongbao"


_PINYIN: list = []  # pypinyin's converter of lazy_pinyin, each segment's result remembered (made when first needed)
KNOWN_LIMIT = 200_000


def _keep(chars: str) -> str:
    return chars


class _Remembered:
    """``lazy_pinyin``'s converter with each segment's syllables remembered: the words of titles recur (关于, 巡察,
    整改, 通报, the units' names), and converting a segment is most of a title's cost (about 2 ms a title)."""

    def __init__(self, converter) -> None:
        self.converter = converter
        self.known: dict[tuple, list[list[str]]] = {}

    def convert(self, words, style, heteronym, errors, strict=True, **kwargs):
        key = (words, style, heteronym, strict)
        found = self.known.get(key)
        if found is None:
            found = self.converter.convert(words, style, heteronym, errors, strict=strict, **kwargs)
            if len(self.known) >= KNOWN_LIMIT:
                self.known.clear()
            self.known[key] = found
        return [list(item) for item in found]


def _syllables(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text, style=Style.NORMAL, errors=<keep the characters>)``, segment by segment from
    what was converted before (pypinyin is imported when first needed: about 0.4 s, which a cached check skips)."""
    if not _PINYIN:
        from pypinyin import Style
        from pypinyin.converter import UltimateConverter
        from pypinyin.core import Pinyin

        converter = UltimateConverter(v_to_u=False, neutral_tone_with_five=False, tone_sandhi=False)
        _PINYIN.append((Pinyin(cast(Any, _Remembered(converter))), Style.NORMAL))
    pinyin, style = _PINYIN[0]
    return pinyin.lazy_pinyin(text, style=style, errors=_keep, strict=True)
