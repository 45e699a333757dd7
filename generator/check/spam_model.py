"""The character evidence of the spam check: a generative bigram model of official prose against one of spam
(``data/official_ngrams.json.gz``) and a discriminative linear model over characters and pairs
(``data/spam_linear.json.gz``); ``scripts/train_spam_model.py`` rebuilds both.

The first file holds counts only: how often each character and each pair of characters occurs in official text
(notices, government reports, police reports …) and in spam, per category; its log likelihood ratio
``log P_spam(c | previous) − log P_official(c | previous)`` is above 0 where the text reads more like spam than like
official prose. The second holds the weights of a logistic regression that tells spam runs from official paragraphs
by the share of each symbol and pair in a text (``bias`` + Σ weight × count / length is the log odds of spam):
each character gets the bias, half its own weight and a quarter of each neighbour's, and half the weight of each
pair it belongs to, so that the mean over a text is about its log odds (:meth:`Model.linear_scores64`). Both are
above 0 where the text reads more like spam than like official prose; :meth:`Model.scores` gives the first
(``spam.py`` combines them).

Characters are read as classes: all digits are one symbol, all Latin letters another (product names
and spam handles alike are words of the vocabulary, not of the model), so are all spaces and each kind
of punctuation (full- and half-width alike); Chinese characters are themselves.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import numpy as np

from generator.check.normalize import BMP, codes

MODEL_FILE = ("data", "official_ngrams.json.gz")
LINEAR_FILE = ("data", "spam_linear.json.gz")
CATEGORIES = ("vpn", "gambling", "adult", "fake_documents", "loan")
BOUNDARY = "\n"

# Smoothing (Witten-Bell): a pair seen n times out of m after its first character h weighs
# (n + w·P(c)) / (m + w), w = ALPHA × the number of distinct characters seen after h; a character weighs
# (count + b·P_both(c)) / (total + b), b = BETA × total, P_both from official and spam counts together, so that
# a character neither side has seen is no evidence either way.
ALPHA = 1.0
BETA = 3.0
CLIP = 3.0  # no single character moves the score by more than this

_PUNCTUATION = {
    "，": ",", ",": ",", "、": ",", "。": ".", ".": ".", "；": ";", ";": ";", "：": ":", ":": ":",
    "？": "?", "?": "?", "！": "!", "!": "!", "“": '"', "”": '"', '"': '"', "'": '"', "‘": '"', "’": '"',
    "「": '"', "」": '"', "『": '"', "』": '"', "（": "(", "(": "(", "【": "(", "[": "(", "〔": "(",
    "《": "(", "<": "(", "〈": "(", "）": ")", ")": ")", "】": ")", "]": ")", "〕": ")", "》": ")",
    ">": ")", "〉": ")", "_": "_", "-": "-", "—": "-", "–": "-", "~": "-", "～": "-", "|": "|", "/": "|",
    "\\": "|", "…": ".", "·": "-", "•": "-",
}


def symbol(char: str) -> str:
    """The class of a character of normalised text."""
    if char.isascii() and char.isalnum():
        return "0" if char.isdigit() else "a"
    if char in "\n\r\u2028\u2029":
        return BOUNDARY
    if char.isspace():
        return " "
    return _PUNCTUATION.get(char, char)


def symbols(text: str) -> str:
    return "".join(map(symbol, text))


def count(texts: Iterable[str]) -> dict:
    """Character and pair counts of ``texts`` (normalised), each read between two boundaries."""
    unigrams: dict[str, int] = {}
    bigrams: dict[str, int] = {}
    for text in texts:
        seq = BOUNDARY + symbols(text) + BOUNDARY
        for i in range(1, len(seq)):
            unigrams[seq[i]] = unigrams.get(seq[i], 0) + 1
            pair = seq[i - 1 : i + 1]
            bigrams[pair] = bigrams.get(pair, 0) + 1
    return {"unigrams": dict(sorted(unigrams.items())), "bigrams": dict(sorted(bigrams.items()))}


@dataclass
class _Side:
    unigram: dict[str, float]  # log P(c)
    history: dict[str, int]  # how often a character is followed by anything
    bigrams: dict[str, int]
    weight: dict[str, float]  # the Witten-Bell weight of each history

    def logp(self, prev: str, char: str) -> float:
        pair, seen, w = prev + char, self.history.get(prev, 0), self.weight.get(prev, 1.0)
        return math.log((self.bigrams.get(pair, 0) + w * math.exp(self.unigram[char])) / (seen + w))


class Model:
    """Per-character log likelihood ratios of spam against official prose."""

    def __init__(self, data: dict, alpha: float = ALPHA, beta: float = BETA, clip: float = CLIP):
        """``data``: the counts, and under ``linear`` the linear model's weights (none: its evidence is 0)."""
        self.alpha, self.beta, self.clip = alpha, beta, clip
        self._linear_data = data.get("linear")
        official = data["official"]
        spam = {cat: data["spam"][cat] for cat in CATEGORIES}
        pooled = _pool(spam.values())
        both = _pool([official, pooled])
        # the most frequent symbols first: the pairs of a text are then read from a small corner of the pair table
        frequency = both["unigrams"]
        # characters beyond the BMP (emoji of vendor pages) stay out: the tables are indexed by BMP code points
        seen = {c for c in set(official["unigrams"]) | set(pooled["unigrams"]) if ord(c) < BMP}
        vocab = sorted(seen | {BOUNDARY, " "}, key=lambda c: (-frequency.get(c, 0), c))
        self.ids = {c: i + 1 for i, c in enumerate(vocab)}  # 0: a character neither side has seen
        total = sum(both["unigrams"].values()) + len(vocab) + 1
        background = {c: (both["unigrams"].get(c, 0) + 1) / total for c in vocab}
        self.official = _side(official, background, alpha, beta)
        self.spam = _side(pooled, background, alpha, beta)
        self._category_counts, self._background = spam, background
        self._tables()

    @cached_property
    def categories(self) -> dict[str, _Side]:
        """Each category's own model (only the label of a run needs them: built on first use)."""
        return {cat: _side(counts, self._background, self.alpha, self.beta)
                for cat, counts in self._category_counts.items()}

    def _tables(self) -> None:
        size = len(self.ids) + 1
        char_llr = np.zeros(size, dtype=np.float32)
        backoff = np.zeros(size, dtype=np.float32)  # log of the history weights for an unseen pair
        for c, i in self.ids.items():
            char_llr[i] = self.spam.unigram[c] - self.official.unigram[c]
            backoff[i] = _unseen(self.spam, c) - _unseen(self.official, c)
        # each pair once; their order does not matter (every key is written once)
        pairs = [p for p in self.official.bigrams.keys() | self.spam.bigrams.keys()
                 if p[0] in self.ids and p[1] in self.ids]
        first = np.array([self.ids[p[0]] for p in pairs], dtype=np.intp)
        second = np.array([self.ids[p[1]] for p in pairs], dtype=np.intp)
        keys = (first * size + second).astype(np.int32)
        llrs = (self._logp(self.spam, pairs, first, second, size)
                - self._logp(self.official, pairs, first, second, size)).astype(np.float32)
        # every pair of symbols (a few MB): the pair's own ratio where one side has seen it, else the backed-off
        # one; clipped and halved, since a pair's evidence goes half to each of its characters
        dense = (backoff[:, None] + char_llr[None, :]).ravel()
        dense[keys] = llrs
        np.clip(dense, -self.clip, self.clip, out=dense)
        dense *= 0.5
        self.linear_pairs = self._linear_pairs(size) if self._linear_data else np.zeros(size * size, np.float32)
        self._sum_tables: dict[float, np.ndarray] = {}
        self.char_llr, self.backoff, self.size = char_llr, backoff, size
        self.pairs = dense
        sym = np.zeros(BMP, dtype=np.intp)
        for c, i in self.ids.items():
            if len(c) == 1:
                sym[ord(c)] = i
        for char, cls in _PUNCTUATION.items():
            sym[ord(char)] = self.ids.get(cls, 0)
        for cp in (*range(0x30, 0x3A), *range(0x61, 0x7B), *range(0x41, 0x5B)):
            sym[cp] = self.ids.get(symbol(chr(cp)), 0)
        for char in " \t\u00a0\u3000\n\r\u2028\u2029":
            sym[ord(char)] = self.ids.get(symbol(char), 0)
        self.sym_ids = sym
        self._sym16 = sym.astype(np.uint16 if size <= 1 << 16 else np.int32)
        self.boundary_row = self.ids[BOUNDARY] * size

    def _linear_pairs(self, size: int) -> np.ndarray:
        """The linear model's evidence as a table of pairs, read as the generative one is (a character gets the
        entries of the pair it ends and of the pair it starts): half of each pair's weight, and half of the bias and
        of each of its two characters' weights (a character's own weight thus counts once). A symbol the generative
        model has not seen (id 0) has no weights of its own."""
        data = self._linear_data or {}
        unigram = np.zeros(size, dtype=np.float64)
        for c, w in data["unigrams"].items():
            if c in self.ids:
                unigram[self.ids[c]] = w
        own = (unigram + float(data["bias"])) / 2
        table = (own[:, None] + own[None, :]) / 2
        for pair, w in data["bigrams"].items():
            if pair[0] in self.ids and pair[1] in self.ids:
                table[self.ids[pair[0]], self.ids[pair[1]]] += w / 2
        return table.ravel().astype(np.float32)

    def _logp(self, side: _Side, pairs: list[str], first: np.ndarray, second: np.ndarray, size: int) -> np.ndarray:
        """``side.logp`` of every pair, at once."""
        seen = np.zeros(size)
        weight = np.ones(size)
        unigram = np.zeros(size)
        for c, i in self.ids.items():
            seen[i] = side.history.get(c, 0)
            weight[i] = side.weight.get(c, 1.0)
            unigram[i] = math.exp(side.unigram[c])
        counts = np.array([side.bigrams.get(p, 0) for p in pairs], dtype=np.float64)
        w = weight[first]
        return np.log((counts + w * unigram[second]) / (seen[first] + w))

    def scores(self, text: str) -> np.ndarray:
        """The evidence of each character of ``text`` for spam, in nats: half of the log likelihood ratio of the
        pair it ends and half of the pair it starts."""
        return self.scores_of(codes(text))

    def scores_of(self, points: np.ndarray, beyond_bmp: bool = True) -> np.ndarray:
        """``scores`` of the code points ``points``; ``beyond_bmp`` False: the caller knows all are in the BMP."""
        if not len(points):
            return np.zeros(0, dtype=np.float32)
        if beyond_bmp and points.max() >= BMP:
            points = np.minimum(points, BMP - 1)
        ids = self.sym_ids[points]
        keys = np.empty(len(ids), dtype=np.intp)  # first symbol's row + second symbol
        keys[0] = self.boundary_row
        np.multiply(ids[:-1], self.size, out=keys[1:])
        keys += ids
        half = self.pairs[keys]  # half of each pair's evidence, clipped, to the character that ends it …
        shared = half.copy()
        shared[:-1] += half[1:]  # … and half to the character that starts it
        shared[-1] += half[-1]
        return shared

    def scores64(self, points: np.ndarray, beyond_bmp: bool = True) -> np.ndarray:
        """``scores_of`` as float64 numbers (the same values), in fewer passes: 16-bit symbols, the two halves added
        straight into the result."""
        if not len(points):
            return np.zeros(0, dtype=np.float64)
        return _shared64(self.pairs, self._pair_keys(points, beyond_bmp))

    def _pair_keys(self, points: np.ndarray, beyond_bmp: bool) -> np.ndarray:
        """The row of each character's pair with the one before it (the first with the text's boundary) in the
        pair tables ``pairs`` and ``linear_pairs``; ``points`` is not empty."""
        n = len(points)
        if beyond_bmp and points.max() >= BMP:
            points = np.minimum(points, BMP - 1)
        ids = np.take(self._sym16, points)
        keys = np.empty(n, dtype=np.intp)
        keys[0] = self.boundary_row
        np.multiply(ids[:-1], self.size, out=keys[1:], dtype=np.intp)
        keys += ids
        return keys

    def scores_and_sums(self, points: np.ndarray, beyond_bmp: bool, shift: float) -> tuple[np.ndarray, np.ndarray]:
        """``scores64`` of ``points`` and, in float32 (to about 1e-6 a character), the sum of each character's two
        scores (``scores64`` + ``linear_scores64``) less ``shift``: the pairs are looked up once."""
        n = len(points)
        if not n:
            return np.zeros(0, dtype=np.float64), np.zeros(0, dtype=np.float32)
        if shift not in self._sum_tables:
            self._sum_tables[shift] = (self.pairs + self.linear_pairs - np.float32(shift / 2)).astype(np.float32)
        keys = self._pair_keys(points, beyond_bmp)
        shared = _shared64(self.pairs, keys)
        half = np.take(self._sum_tables[shift], keys)
        summed = np.empty(n, dtype=np.float32)
        np.add(half[:-1], half[1:], out=summed[:-1])
        summed[-1] = half[-1] + half[-1]
        return shared, summed

    def linear_scores64(self, points: np.ndarray, beyond_bmp: bool = True) -> np.ndarray:
        """The linear model's evidence of each character of the code points ``points`` for spam (float64): its
        bias, its weight (half of it, and a quarter to each neighbour) and half the weight of each pair it belongs
        to; the mean over a text is the text's log odds of spam."""
        if not len(points):
            return np.zeros(0, dtype=np.float64)
        return _shared64(self.linear_pairs, self._pair_keys(points, beyond_bmp))

    def category_scores(self, text: str) -> dict[str, float]:
        """Summed evidence of ``text`` for each category against official prose."""
        seq = BOUNDARY + symbols(text)
        result = {}
        for cat, side in self.categories.items():
            total = 0.0
            for i in range(1, len(seq)):
                prev, char = seq[i - 1], seq[i]
                if char not in self.ids:
                    continue
                prev = prev if prev in self.ids else BOUNDARY
                total += max(-self.clip, min(self.clip, side.logp(prev, char) - self.official.logp(prev, char)))
            result[cat] = total
        return result


def _unseen(side: _Side, prev: str) -> float:
    """log of the weight left for pairs never seen after ``prev``."""
    w = side.weight.get(prev, 1.0)
    return math.log(w / (side.history.get(prev, 0) + w))


def _pool(sides: Iterable[dict]) -> dict:
    unigrams: dict[str, int] = {}
    bigrams: dict[str, int] = {}
    for side in sides:
        for c, n in side["unigrams"].items():
            unigrams[c] = unigrams.get(c, 0) + n
        for p, n in side["bigrams"].items():
            bigrams[p] = bigrams.get(p, 0) + n
    return {"unigrams": unigrams, "bigrams": bigrams}


def _side(counts: dict, background: dict[str, float], alpha: float, beta: float) -> _Side:
    total = sum(counts["unigrams"].values())
    b = beta * total
    unigram = {c: math.log((counts["unigrams"].get(c, 0) + b * p) / (total + b)) for c, p in background.items()}
    history: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for pair, n in counts["bigrams"].items():
        history[pair[0]] = history.get(pair[0], 0) + n
        kinds[pair[0]] = kinds.get(pair[0], 0) + 1
    weight = {h: max(1.0, alpha * k) for h, k in kinds.items()}
    return _Side(unigram, history, counts["bigrams"], weight)


@cache
def model() -> Model:
    data = _read(MODEL_FILE)
    data["linear"] = _read(LINEAR_FILE)
    return Model(data)


def _read(name: tuple[str, str]) -> dict:
    raw = resources.files("generator").joinpath(*name).read_bytes()
    return json.loads(gzip.decompress(raw).decode("utf-8"))


def _shared64(table: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Each character's score as float64: the halves of the two pairs it belongs to, looked up in ``table`` by
    ``keys`` and added in float32 (as in ``Model.scores_of``); the last character counts its one pair twice."""
    half = np.take(table, keys)
    shared = np.empty(len(keys), dtype=np.float64)
    np.add(half[:-1], half[1:], out=shared[:-1], dtype=np.float32)
    shared[-1] = half[-1] + half[-1]
    return shared
