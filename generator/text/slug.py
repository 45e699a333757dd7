"""Stable ASCII names for URLs, derived from Chinese text with pypinyin."""

from __future__ import annotations

import re

MAX_LENGTH = 200


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """``中共大观区委关于城市绿化…`` → ``zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua…``.

    Lowercase ASCII, syllables joined by ``-``, cut at a syllable boundary only past ``max_length``
    (long enough for a whole title, so that 整改进展 and 整改情况 reports of one inspection differ);
    the same text always gives the same slug. Uniqueness across the site is checked, not patched: a collision is
    an error that asks the editor to write ``slug`` by hand, so no URL ever changes because another notice was added.
    """
    from pypinyin import Style, lazy_pinyin  # imported when first needed: about 0.4 s, which a cached check skips

    syllables = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: chars)
    words = re.findall(r"[a-z0-9]+", "-".join(syllables).lower().replace("ü", "v"))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "tongbao"
