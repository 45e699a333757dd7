"""Text that must never be published: spam injected into government pages (VPN, gambling, adult,
fake documents and invoices, loans), links to outside sites, styles that hide text.

How a span is found (README "How spam is detected"):

1. The text is normalised (``normalize.for_matching``: NFKC, traditional → simplified, lower case,
   homoglyphs, markup, invisible characters and spacing between characters removed), keeping the
   original offset of every character.
2. Each character gets a score in nats: the character model (``model.py``) says how much more the pairs it
   belongs to read like spam than like official prose. Words of the vocabulary (``data/spam_terms.yml``) and
   structures of ads add to the score of their characters: a ``hint`` word, a keyword list (``a_b_c``), a user
   handle with a date, a messaging account, a 400 hotline, a Latin word glued to Chinese. A gambling site's name
   written as a code glued to a site word (``永利23411集团``, ``bat365在线登录入口网页版``: ``_brand_codes``) is a term.
   The linear model (``spam_model``: a logistic regression over the share of each symbol and pair, trained on spam
   runs against official text) gives each character a second score, its log odds of spam (``_linear_runs``).
3. A sentence whose score reaches ``UNIT_TOTAL`` (and ``UNIT_MEAN`` per character) is spam, and so is a paragraph
   (a line of ``LINE_LENGTH`` characters or more without a vocabulary term) reaching ``LINE_TOTAL`` (and
   ``LINE_MEAN``), less the clauses at their edges that read as official. Inside a sentence, the stretch with
   the best score minus ``ENTRY`` (a linear-time search on the lines worth it) is spam when it reaches
   ``LOCAL_TOTAL``. A clause with ``HINTED_WORDS`` different hints of one category, reading as spam elsewhere too,
   is spam with its sentence's end (``_hinted_clauses``). A stretch of a line without a term where the two scores
   less ``LINEAR_COST`` per character sum to ``LINEAR_TOTAL`` (minus ``LINEAR_ENTRY`` per stretch) is spam, from
   and to where the two scores together stop saying spam (``_linear_runs``). A ``term`` of
   the vocabulary is always reported, grown over glued-on Latin letters, digits and ``fragments``; its whole
   sentence or line when the model does not read the rest of it as official prose (``TERM_REST``). A ``frame``
   word (犯罪, 嫌疑人, 依法 …: official prose about spam) takes ``FRAME`` away, and the short quoted names and
   slogans of its sentence are read as allowed text.
4. A run holding a site's name found by its shape grows over the neighbours both models read as spam
   (``_grown_by_evidence``). A run covering most of its clause or sentence takes the rest unless the rest reads as
   official; a run that is a whole sentence takes its closing punctuation. Its category is that of its vocabulary
   words, else the category whose model explains it best.

Offsets are Python ``str`` indexes into the text as given. Invisible characters are not reported here
(another check reports them), but they cannot split a word.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

import numpy as np
from ruamel.yaml import YAML

from generator.check.hidden_text import HIDING_PROPERTIES, HIDING_STYLE
from generator.check.normalize import Normalized, codes, fold, for_matching, normalize
from generator.check.spam_model import CATEGORIES, Model, model, symbols
from generator.model.vocabulary import news_times

__all__ = ["Finding", "find_spam", "normalize", "fold"]

# ---------------------------------------------------------------- weights (tuned on the DEV split)

UNIT_TOTAL = 14.0  # a sentence is spam when its summed score reaches this …
UNIT_MEAN = 0.4  # … and its mean score per character this (nats)
LINE_TOTAL = 12.0  # a paragraph (line) is spam as a whole when its summed score reaches this …
LINE_MEAN = 0.2  # … and its mean score per character this …
LINE_LENGTH = 20  # … and it has this many characters (a short line is a title or a list item: the finer rules)
LOCAL_TOTAL = 35.0  # a run inside a sentence needs this much without a vocabulary term
ENTRY = 10.0  # the cost of opening a run inside a sentence: weaker evidence stays official text
PIECE = 3.0  # a clause at the edge of a run inside a sentence must bring this much
WORD_EDGE = 0.0  # words glued to a term at the edges of a spam sentence scoring −WORD_EDGE or less are official prose
EDGE = 12.0  # a clause at the edge of a spam sentence scoring −EDGE or less is official prose left out
CANDIDATE = 12.0  # a line is searched for runs inside sentences when a stretch of it scores this much
HINT = 4.0  # a hint word of the vocabulary
FRAME = 6.0  # a frame word of official prose about spam (犯罪, 嫌疑人, 依法 …) takes this much away
LIST_ITEM = 3.0  # each item of a keyword list after the second
HANDLE = 12.0  # a user handle followed by a date (forum and blog bylines of SEO pages)
CONTACT = 10.0  # 微信/QQ/telegram with an account or number (official contacts are phones and e-mail); a 400 hotline
GLUED = 2.0  # a Latin word glued to Chinese characters
SENTENCE_SHARE = 0.6  # a run covering this share of a sentence takes the whole sentence …
REST = -1.0  # … unless the rest scores below this (it reads as official prose)
TERM_REST = 0.0  # a sentence or line with a term whose other characters' model score averages this is spam whole …
TERM_UNIT = 8  # … when the sentence has this many characters
HINTED_WORDS = 2  # a clause (up to ,;: or a sentence's end) with this many different hint words of one category …
HINTED_REST = 0.3  # … whose other characters' model score averages this …
HINTED_TOTAL = 24.0  # … and whose score reaches this is spam
# the linear model (``spam_model.Model.linear_scores64``; tuned leaving one collection out, README)
LINEAR_COST = 3.0  # a stretch of a line where the two models' evidence, less this per character, …
LINEAR_TOTAL = 25.0  # … sums to this (each stretch costing LINEAR_ENTRY to open) is spam
LINEAR_ENTRY = 10.0
GROW_LINEAR = 2.0  # a run holding a site's name grows over neighbours both models read as spam, the linear this much …
GROW_MAX = 12  # … and at most this many characters on each side


@dataclass(frozen=True)
class Finding:
    start: int  # character offset in the text (Python str index)
    end: int  # exclusive
    text: str  # text[start:end]
    reason: str  # Chinese, for an editor


@dataclass(frozen=True)
class Vocabulary:
    labels: dict[str, str]  # category -> label an editor reads
    terms: dict[str, str]  # term -> category
    hints: dict[str, str]  # hint -> category
    pieces: tuple[str, ...]  # terms and fragments, longest first
    term_starts: dict[str, tuple[str, ...]]  # the first two characters of a term -> terms, longest first
    hint_starts: dict[str, tuple[str, ...]]
    starts: np.ndarray  # by ``_pair_key`` of two characters: _TERM if a term may start with them, _HINT a hint
    allow: tuple[str, ...]
    multiline: bool  # a word or piece holds a line break (``_loud_lines`` cannot be used)
    # the first two characters of the words, as ``_pair_code``s, sorted; and whether a hint of just these two
    # characters is the only word that starts with them
    pair_codes: np.ndarray
    lone_hint: np.ndarray
    pair_words: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # by pair code: (terms, hints), longest first
    short_hint: np.ndarray  # by pair code: a hint of just these two characters
    short_term: np.ndarray  # … a term
    triples: np.ndarray  # sorted: ``_pair_code(k, third character)`` of the words of three characters or more
    frames: tuple[str, ...]  # words of official prose about spam (犯罪, 嫌疑人, 依法 …), longest first
    # words a gambling site's name is made of besides its code (``site_words`` and the gambling terms and hints),
    # longest first (``starts`` marks where one may start, end, or a word of ``entries`` start)
    brand_words: tuple[str, ...]
    # ``site_entries``: what only a site calls itself (官网, 网页版 …), and ``site_entries_weak`` (游戏: official
    # names end with them too), longest first, each with the least score of the name before it (``_brand_names``)
    entries: tuple[tuple[str, float], ...]
    # ``unit_followers``: words that follow a unit's name where it is the subject of a sentence of news (召开, 举行,
    # 党委, 教工 …), longest first; ``name_tails``: words a name in a unit's place may end with (有限公司, 中文 …)
    followers: tuple[str, ...] = ()
    tails: tuple[str, ...] = ()
    # ``news_times.yml``: what may stand between a date's 日 and the comma before a sentence's subject (上午, 下午 …),
    # as a pattern of the text before a subject that follows a date of news (``_dated_places``)
    dated: re.Pattern[str] | None = None


_TERM, _HINT, _BRAND_START, _BRAND_END, _ENTRY = 1, 2, 4, 8, 16
_PAIR_HASH = (1 << 16) - 1  # 65,536 slots for a few hundred words: a table that stays in the processor's cache


def _pair_key(first, second):
    """A hash of two neighbouring characters' code points (numbers or arrays)."""
    return (first * 40503 + second) & _PAIR_HASH


def _word_starts(words: Iterable[str], bit: int, table: np.ndarray) -> dict[str, tuple[str, ...]]:
    by_start: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        if len(word) >= 2:
            by_start.setdefault(word[:2], []).append(word)
            table[_pair_key(ord(word[0]), ord(word[1]))] |= bit
    return {k: tuple(v) for k, v in by_start.items()}


Why = Callable[[str], str]
Hit = tuple[int, int, Why]


@cache
def vocabulary() -> Vocabulary:
    source = resources.files("generator").joinpath("data", "spam_terms.yml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(source)
    labels = {cat: body["label"] for cat, body in data["categories"].items()}
    terms: dict[str, str] = {}
    hints: dict[str, str] = {}
    for cat, body in data["categories"].items():
        for term in body.get("terms") or ():
            terms.setdefault(_norm(term), cat)
        for hint in body.get("hints") or ():
            hints.setdefault(_norm(hint), cat)
    pieces = sorted(set(terms) | {_norm(f) for f in data.get("fragments") or ()}, key=len, reverse=True)
    starts = np.zeros(_PAIR_HASH + 1, dtype=np.uint8)
    term_starts, hint_starts = _word_starts(terms, _TERM, starts), _word_starts(hints, _HINT, starts)
    allow = tuple(_norm(a) for a in data.get("allow") or ())
    multiline = any("\n" in w for w in (*terms, *hints, *pieces, *allow))
    firsts = sorted(set(term_starts) | set(hint_starts), key=lambda two: _pair_code(ord(two[0]), ord(two[1])))
    codes = np.array([_pair_code(ord(two[0]), ord(two[1])) for two in firsts], dtype=np.int64)
    lone = np.array([two not in term_starts and hint_starts[two] == (two,) for two in firsts], dtype=bool)
    words = tuple((term_starts.get(two, ()), hint_starts.get(two, ())) for two in firsts)
    short_hint = np.array([two in hint_starts[two] if two in hint_starts else False for two in firsts], dtype=bool)
    short_term = np.array([two in term_starts[two] if two in term_starts else False for two in firsts], dtype=bool)
    frames = tuple(sorted({_norm(f) for f in data.get("frames") or ()}, key=lambda w: (-len(w), w)))
    triples = np.array(sorted({_pair_code(k, ord(w[2])) for k, (ts, hs) in enumerate(words) for w in ts + hs
                               if len(w) > 2}), dtype=np.int64)
    gambling = data["categories"]["gambling"]
    strong = {w: BRAND_STEM for w in map(_norm, data.get("site_entries") or ())}
    weak = {w: WEAK_BRAND_STEM for w in map(_norm, data.get("site_entries_weak") or ()) if w not in strong}
    entries = tuple(sorted(((w, need) for w, need in {**strong, **weak}.items() if len(w) >= 2),
                           key=lambda entry: (-len(entry[0]), entry[0])))
    for word, _ in entries:
        starts[_pair_key(ord(word[0]), ord(word[1]))] |= _ENTRY
    # a site's name is made of its code and the words sites call themselves: ``site_words`` and the entry words
    site_words = (*(data.get("site_words") or ()), *(data.get("site_entries") or ()),
                  *(data.get("site_entries_weak") or ()), *(gambling.get("terms") or ()),
                  *(gambling.get("hints") or ()))
    brand_words = sorted({w for w in map(_norm, site_words) if len(w) >= 2}, key=lambda w: (-len(w), w))
    for word in brand_words:
        starts[_pair_key(ord(word[0]), ord(word[1]))] |= _BRAND_START
        starts[_pair_key(ord(word[-2]), ord(word[-1]))] |= _BRAND_END
    followers = tuple(sorted({w for w in map(_norm, data.get("unit_followers") or ()) if w},
                             key=lambda w: (-len(w), w)))
    tails = tuple(sorted({w for w in map(_norm, data.get("name_tails") or ()) if w} | set(brand_words),
                         key=lambda w: (-len(w), w)))
    times = sorted({w for w in map(_norm, news_times()) if w}, key=lambda w: (-len(w), w))
    dated = re.compile("[0-9]日(?:" + "|".join(map(re.escape, times)) + ")?[0-9:]*,$") if times else None
    return Vocabulary(labels, terms, hints, tuple(pieces), term_starts, hint_starts, starts, allow, multiline,
                      codes, lone, words, short_hint, short_term, triples, frames, tuple(brand_words), entries,
                      followers, tails, dated)


def _pair_code(first, second):
    """Two neighbouring characters' code points as one number (numbers or arrays; exact, unlike ``_pair_key``)."""
    return first * (1 << 21) + second


def _norm(word) -> str:
    return for_matching(str(word)).text.strip()


# ---------------------------------------------------------------- public API


def find_spam(text: str, allow: Iterable[str] = ()) -> list[Finding]:
    """Spans of ``text`` that must not be published, sorted by start and non-overlapping."""
    return detect(text, allow)


def detect(text: str, allow: Iterable[str] = (), scorer: Model | None = None) -> list[Finding]:
    return _detect(text, allow, scorer, fast=True)


def reference_detect(text: str, allow: Iterable[str] = (), scorer: Model | None = None) -> list[Finding]:
    """``detect`` without its shortcuts (the general normalisation, every line read): slower, and the same
    findings; the tests compare the two."""
    return _detect(text, allow, scorer, fast=False)


def _detect(text: str, allow: Iterable[str], scorer: Model | None, fast: bool) -> list[Finding]:
    voc = vocabulary()
    allowed = tuple(a for a in (_norm(a) for a in allow) if a) + voc.allow
    norm = for_matching(text, fast=fast)
    low = norm.folded
    hits: list[tuple[int, int, Why, int]] = []
    for start, end, why in _injected_runs(norm, voc, allowed, scorer or model(), fast):
        hits.append((start, end, why, 0))
    for rank, rule in enumerate((_links(low, allowed, text), _hidden_styles(low)), 1):
        hits += [(s, e, why, rank) for s, e, why in rule]
    return [Finding(s, e, text[s:e], why(text[s:e])) for s, e, why, _ in _merge(hits)]


# ---------------------------------------------------------------- injected runs

_UNIT_END, _LINE_END, _LIST_MARK, _CHINESE = 1, 2, 4, 8
_MARKS = np.zeros(0x10000, dtype=np.uint8)
_MARKS[0x4E00:0xA000] |= _CHINESE
for _c in "。!?;\n":
    _MARKS[ord(_c)] |= _UNIT_END
_MARKS[ord("\n")] |= _LINE_END
for _c in "_|@":
    _MARKS[ord(_c)] |= _LIST_MARK


def _injected_runs(norm: Normalized, voc: Vocabulary, allowed: tuple[str, ...], scorer: Model,
                   fast: bool = True) -> list[Hit]:
    """The runs of spam in ``norm``. ``fast``: only the lines that may hold one are read (``_loud_lines``); the
    same runs as reading every line (``fast`` False, the reference the tests compare with)."""
    text = norm.text
    if not text:
        return []
    points = norm.points if norm.points is not None else codes(text)
    if not fast or voc.multiline or any("\n" in a for a in allowed):
        model_scores = scorer.scores_of(points, norm.beyond_bmp).astype(np.float64)
        linear = scorer.linear_scores64(points, norm.beyond_bmp)
        return _runs(norm, points, model_scores, linear, voc, allowed, scorer)
    model_scores, both = scorer.scores_and_sums(points, norm.beyond_bmp, LINEAR_COST)
    loud = _loud_lines(text, points, model_scores, voc, both)
    if loud is None or len(loud) == 1 and loud[0] == (0, len(text)):
        linear = scorer.linear_scores64(points, norm.beyond_bmp)
        return _runs(norm, points, model_scores, linear, voc, allowed, scorer)
    if not loud:
        return []
    # each stretch of consecutive loud lines is read on its own: a run never reaches over the quiet lines between
    # two stretches (read together, the lines of two stretches would be neighbours, and one run could join them)
    stretches: list[list[tuple[int, int]]] = []
    for line in loud:
        if stretches and stretches[-1][-1][1] == line[0]:
            stretches[-1].append(line)
        else:
            stretches.append([line])
    runs: list[Hit] = []
    for lines in stretches:
        index = np.concatenate([np.arange(s, e) for s, e in lines])
        part = Normalized("".join(text[s:e] for s, e in lines), norm.index[index], norm.folded, points[index],
                          norm.beyond_bmp)
        # the linear scores of these lines, read with a character on either side: the same values as of the whole text
        first, last = max(lines[0][0] - 1, 0), min(lines[-1][1] + 1, len(points))
        linear = scorer.linear_scores64(points[first:last], norm.beyond_bmp)[index - first]
        runs += _runs(part, points[index], model_scores[index], linear, voc, allowed, scorer)
    return runs


_SCALE = float(1 << 20)  # the bound of ``_loud_lines`` counts in 2^-20 nats
_ROUNDING = 2.0**-53  # the relative rounding error of an addition of two float64 numbers
_BARRIER = 1e9  # what ``_candidate_lines`` puts at every line break


def _loud_lines(text: str, points: np.ndarray, model_scores: np.ndarray, voc: Vocabulary,
                both: np.ndarray) -> list[tuple[int, int]] | None:
    """The stretches of whole lines (each with its line break) that may hold a run; None: every line must be read.

    Every other line is *quiet*: reading every line finds nothing in it, and nothing found elsewhere reaches into it
    (runs and words stop at line breaks). A line is quiet when it holds no term of the vocabulary and the sum of its
    positive scores (the model's plus every hint word's, found at any place, overlapping ones too; its line break's
    included) stays below ``UNIT_TOTAL`` and ``LINE_TOTAL`` by more than the rounding of a float sum, and below
    ``CANDIDATE`` by more than the rounding of ``_candidate_lines`` (whose barriers of 1e9 make it coarse): then no
    sentence of it, not the line as a paragraph and no stretch of it reaches the score of a run, and it is no
    candidate line. A line that may be a candidate line, or that holds a keyword-list mark (``_|@``), is quiet when
    the same holds with the scores its structures of ads add and no stretch reaches ``LOCAL_TOTAL``
    (``_quiet_candidate``). The best stretch of a line is bounded in integers of 2^-20 nats, each score rounded up
    (``_stretch_bound``). Where the rounding of the two ways of reading could disagree on a candidate line with
    structures of ads, or the text is too long for the rounding bounds, None: every line is read. A line where
    ``_linear_runs`` may find a run is read too: one where a stretch of the linear scores plus the bound of the other
    scores, less ``LINEAR_COST`` per character, may reach ``LINEAR_TOTAL`` (frames and allowed text only take
    evidence away), and one where ``_slot_names`` may find a name (``_slot_lines``; after a date of news,
    ``_dated_lines``). ``both``: the two models' scores of each character less ``LINEAR_COST`` (float32)."""
    n = len(points)
    if HINT < 0 or LOCAL_TOTAL <= CANDIDATE or min(LIST_ITEM, HANDLE, CONTACT, GLUED) < 0:
        return None
    bound = model_scores.copy()
    hinted: list[np.ndarray] = []  # where a hint word adds to ``bound``
    termed: list[int] = []  # where a term of the vocabulary is
    hint_total = 0.0
    if n > 1:
        keys = points.astype(np.uint16)  # _pair_key modulo 2^16: the same slot
        pairs = np.take(voc.starts, keys[:-1] * np.uint16(40503) + keys[1:])
        places = np.flatnonzero(pairs != 0)
        if len(places) and len(voc.pair_codes):
            codes = _pair_code(points[places].astype(np.int64), points[places + 1])
            slot = np.minimum(np.searchsorted(voc.pair_codes, codes), len(voc.pair_codes) - 1)
            exact = voc.pair_codes[slot] == codes
            lone = exact & voc.lone_hint[slot]
            if lone.any():  # the only word there is a hint of these two characters (overlapping ones add up)
                at = places[lone]
                bound[at] += HINT / 2
                bound[at + 1] += HINT / 2
                hinted += [at, at + 1]
                hint_total += HINT * len(at)
            other = exact & ~lone
            at, slots = places[other], slot[other]
            two = voc.short_hint[slots]  # a hint of just these two characters (a longer one may match too)
            bound[at[two]] += HINT / 2
            bound[at[two] + 1] += HINT / 2
            hinted += [at[two], at[two] + 1]
            hint_total += HINT * int(two.sum())
            termed += at[voc.short_term[slots]].tolist()
            # the longer words, where the third character fits one of them
            third = _pair_code(slots, points[np.minimum(at + 2, n - 1)])
            fit = np.minimum(np.searchsorted(voc.triples, third), len(voc.triples) - 1)
            longer = (at + 2 < n) & (voc.triples[fit] == third) if len(voc.triples) else np.zeros(len(at), bool)
            for pos, k in zip(at[longer].tolist(), slots[longer].tolist()):
                terms, hints = voc.pair_words[k]
                for word in terms:
                    if len(word) > 2 and text.startswith(word, pos):
                        termed.append(pos)
                        break
                for word in hints:
                    if len(word) > 2 and text.startswith(word, pos):
                        bound[pos : pos + len(word)] += HINT / len(word)
                        hinted.append(np.arange(pos, pos + len(word)))
                        hint_total += HINT
                        break
        termed += [s for s, _ in _brand_codes(text, points, pairs, voc, places)
                   + _brand_names(text, pairs, model_scores, voc, places)
                   + _glued_names(text, points, model_scores, voc)]
    marked: list[int] = []  # where a keyword-list mark is
    if "_" in text or "|" in text or "@" in text:
        marks = _MARKS[np.minimum(points, 0xFFFF)] if points.dtype.itemsize > 2 else _MARKS[points]
        places = np.flatnonzero((marks & (_LINE_END | _LIST_MARK)) != 0)
        marked = places[(marks[places] & _LIST_MARK) != 0].tolist()
        breaks = places[(marks[places] & _LINE_END) != 0]
    else:
        breaks = np.flatnonzero(points == 10)
    starts = np.concatenate(([0], breaks + 1))
    if starts[-1] >= n:
        starts = starts[:-1]
    ends = np.append(breaks + 1, n)[: len(starts)]
    # the positive scores of a line, its line break's too, sum to at least its sentences', its own and any stretch's
    positive = np.add.reduceat(np.maximum(bound, 0.0), starts)
    positive_total = float(positive.sum())
    # the summed size of the scores, or more (those read when every line is read differ by the hints at most)
    absolute = 2 * positive_total - float(bound.sum()) + 2 * hint_total + 1e-6 * n
    candidate_error = 4 * n * _ROUNDING * (len(breaks) * _BARRIER + absolute) + 1e-9
    sum_error = 4 * n * _ROUNDING * absolute + 1e-9
    if candidate_error >= (LOCAL_TOTAL - CANDIDATE) / 4:
        return None  # too long a text for the rounding bound to be of use
    summed = min(UNIT_TOTAL, LINE_TOTAL)
    quiet = positive < min(summed - sum_error, CANDIDATE - candidate_error)
    with_term = _lines_of(starts, termed)
    with_mark = _lines_of(starts, marked)
    with_linear = _linear_lines(both, bound, model_scores, hinted, starts)
    with_linear |= _slot_lines(points, both, model_scores, starts)
    if voc.dated is not None:
        with_linear |= _dated_lines(text, points, both, model_scores, starts, voc)
    quiet[list(with_term | with_mark | with_linear)] = False
    if quiet.all():
        return []
    found: list[tuple[int, int]] = []
    for k in np.flatnonzero(~quiet).tolist():
        start, end = int(starts[k]), int(ends[k])
        if k not in with_term:
            line = float(positive[k])  # at least the best stretch's sum
            if line >= CANDIDATE - candidate_error:
                line = _line_bound(text, bound, start, end)
            line_break = max(0.0, float(model_scores[end - 1])) if text[end - 1] == "\n" else 0.0
            maybe_candidate = k in with_mark or line >= CANDIDATE - candidate_error
            if k in with_linear:
                pass  # read: the linear model may find a run in it
            elif maybe_candidate and line + line_break < summed:
                # a candidate line or not, with the scores its structures of ads add it may still be quiet
                if _quiet_candidate(text, bound, start, end, float(positive[k]), line_break, summed, sum_error):
                    continue
            elif not maybe_candidate and line + line_break < summed - sum_error:
                continue
            if maybe_candidate and k not in with_mark:
                # a candidate line or not, up to the rounding of reading every line at once: it matters only where
                # the structures of ads add to the scores
                if next(iter(_structures(text[start : end - (text[end - 1] == "\n")])), None) is not None:
                    return None
        if found and found[-1][1] == start:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    if not found:
        return []
    if found[-1][1] < n:  # the last line read ends with its line break, as it does in the whole text
        found[-1] = (found[-1][0], found[-1][1] + 1)
    return found


def _linear_lines(summed: np.ndarray, bound: np.ndarray, model_scores: np.ndarray, hinted: list[np.ndarray],
                  starts: np.ndarray) -> set[int]:
    """The lines (by number; they start at ``starts``) with a stretch that may sum to ``LINEAR_TOTAL`` or more, of
    ``summed`` (float32) with the hints' part of ``bound``: those whose positive values do, and then whose best
    stretch does (``_stretch_bound``); with room for the rounding of float32 (1e-5 a character)."""
    values = summed
    if hinted:
        values = summed.copy()
        at = np.concatenate(hinted)  # a place more than once: each time the same value written (no sort needed)
        values[at] += (bound[at] - model_scores[at]).astype(np.float32)
    lengths = np.diff(starts, append=len(values))
    slack = 1e-5 * lengths + 1e-6
    positive = np.add.reduceat(np.maximum(values, np.float32(0.0)), starts, dtype=np.float64)
    maybe = np.flatnonzero(positive >= LINEAR_TOTAL - slack - 1e-6 * positive).tolist()
    ends = [*starts[1:].tolist(), len(values)]
    return {k for k in maybe
            if _stretch_bound(values[starts[k] : ends[k]]) >= LINEAR_TOTAL - float(slack[k])}


def _slot_lines(points: np.ndarray, summed: np.ndarray, model_scores: np.ndarray, starts: np.ndarray) -> set[int]:
    """The lines (by number; they start at ``starts``) where ``_slot_names`` may find a name: where, after a clause's
    start, the two models' evidence (``summed`` + ``LINEAR_COST``, float32; the linear model's with frames and
    allowed text can only be lower) of the first ``SLOT_HEAD`` characters is positive and that of a stretch of
    ``SLOT_SHORTEST`` to ``SLOT_LONGEST`` without a clause's stop reaches ``SLOT_TOTAL`` and ``SLOT_MEAN`` a character,
    the character model's (``model_scores``) ``SLOT_MODEL`` and the rest ``SLOT_LINEAR`` (with room for the rounding
    of float32). The character model's condition is tried first, on every stretch from each place: in official text
    it rules out nearly every place, and the others are then not computed."""
    n = len(points)
    if n < max(SLOT_SHORTEST, SLOT_HEAD, 2):
        return set()
    # first a bound of the whole text, a few passes: a stretch that fits has evidence summing to SLOT_TOTAL and the
    # character model's SLOT_MODEL a character, so the positive parts of evidence + SLOT_GATE * (character model's
    # score - SLOT_MODEL) sum to SLOT_TOTAL in it, and it lies within two neighbouring blocks of SLOT_LONGEST
    # (in float32: the room for rounding, 1e-4 a character below and about 1e-5 here, is less than the 0.05 left)
    lifted = np.multiply(model_scores, np.float32(SLOT_GATE), dtype=np.float32, casting="same_kind")
    lifted += summed
    lifted += np.float32(LINEAR_COST - SLOT_GATE * SLOT_MODEL)
    np.maximum(lifted, np.float32(0.0), out=lifted)
    blocks = np.add.reduceat(lifted, np.arange(0, n, SLOT_LONGEST), dtype=np.float64)
    if float(blocks.max() if len(blocks) == 1 else (blocks[:-1] + blocks[1:]).max()) < SLOT_TOTAL - 0.05:
        return set()
    positive = summed > np.float32(-LINEAR_COST - 1e-4)
    head = positive[: n - SLOT_HEAD + 1].copy()
    for k in range(1, SLOT_HEAD):
        head &= positive[k : n - SLOT_HEAD + 1 + k]
    # a name that opens with digits (a code: 16877太阳集团) is judged by its first characters after them
    digit = (points >= 48) & (points <= 57)
    if digit.any():
        after_digits = _after_digits(digit)[: n - SLOT_HEAD + 1]
        ahead = after_digits < n - SLOT_HEAD + 1
        head = np.where(digit[: n - SLOT_HEAD + 1], ahead & head[np.minimum(after_digits, n - SLOT_HEAD)], head)
    slots = np.flatnonzero(head)
    if not len(slots):
        return set()
    after = np.take(_SLOT_TABLE, points[slots - 1], mode="clip")  # (a text's first place wraps to its last)
    after[0] |= slots[0] == 0
    slots = slots[after]
    if not len(slots):
        return set()
    # the character model's sums of the stretches after each slot (a row a size; past the text's end: not read)
    own = np.cumsum(np.take(model_scores, slots + _SLOT_STEPS, mode="clip"), axis=0)
    some = (own[SLOT_SHORTEST - 1 :] >= _SLOT_OWN[SLOT_SHORTEST - 1 :, None]).any(axis=0)
    if not some.any():
        return set()
    slots, own = slots[some], own[:, some].T
    at = slots[:, None] + _SLOT_SIZES[None, :] - 1  # the characters of the stretches after each slot
    inside = at < n
    at = np.minimum(at, n - 1)
    sizes = _SLOT_SIZES
    room = 1e-4 * sizes + 1e-6
    totals = np.cumsum(np.where(inside, summed[at].astype(np.float64) + LINEAR_COST, -1e9), axis=1)
    stopped = np.cumsum(_STOP_TABLE[np.minimum(points[at], 0xFFFF)], axis=1) > 0
    fit = (totals + room >= np.maximum(SLOT_TOTAL, SLOT_MEAN * sizes)) & (sizes >= SLOT_SHORTEST)
    fit &= (own >= _SLOT_OWN) & (totals - own + room >= SLOT_LINEAR * sizes) & ~stopped
    return _lines_of(starts, slots[fit.any(axis=1)].tolist())


_DAY = ord("日")
_DATED_WINDOW = 12  # characters before a subject that follows a date of news: 日, a time of day, a clock time, ","


def _dated_places(text: str, points: np.ndarray, dated: re.Pattern[str]) -> list[int]:
    """Where a sentence's subject follows a date of news (``6月6日下午,``: ``Vocabulary.dated``)."""
    commas = np.flatnonzero(points[1:] == 44) + 1
    if not len(commas):
        return []
    day = np.zeros(len(commas), dtype=bool)
    for k in range(2, _DATED_WINDOW):
        day |= np.take(points, np.maximum(commas - k, 0)) == _DAY
    return [i + 1 for i in commas[day].tolist()
            if i + 1 < len(text) and dated.search(text, max(0, i + 1 - _DATED_WINDOW), i + 1)]


def _dated_lines(text: str, points: np.ndarray, summed: np.ndarray, model_scores: np.ndarray, starts: np.ndarray,
                 voc: Vocabulary) -> set[int]:
    """The lines (by number) where ``_slot_names`` may find a name after a date of news (``DATED_MODEL``): the
    same conditions on the two models' evidence (``summed`` + ``LINEAR_COST``, float32), with room for its rounding."""
    assert voc.dated is not None
    values = summed.astype(np.float64) + LINEAR_COST
    linear = values - model_scores  # once for the text, not once a place (a text of many dates: found in review)
    places = [i for i in _dated_places(text, points, voc.dated)
              if _slot_name_end(text, i, values, linear, model_scores, voc.followers, True, 1e-3) is not None]
    return _lines_of(starts, places)


def _after_digits(digit: np.ndarray) -> np.ndarray:
    """For each place, the first place at or after it that is not a digit (``len(digit)`` past the end)."""
    n = len(digit)
    at = np.where(digit, n, np.arange(n))
    return np.minimum.accumulate(at[::-1])[::-1]


def _lines_of(starts: np.ndarray, places: list[int]) -> set[int]:
    """The lines (by number) of ``places``."""
    return set((np.searchsorted(starts, np.array(places), side="right") - 1).tolist()) if places else set()


def _line_bound(text: str, bound: np.ndarray, start: int, end: int) -> float:
    """An upper bound of the best sum of a stretch of the line [start, end) (without its line break)."""
    return _stretch_bound(bound[start : end - (text[end - 1] == "\n")])


def _stretch_bound(values: np.ndarray) -> float:
    """An upper bound of the best sum of a stretch of ``values`` (0 for none): summed in integers of 2^-20, each
    value rounded up, so that no rounding makes it too low. A long line's at once: the best stretch ending at each
    place is the running sum there less the lowest before it (or 0), the same integers as summing one by one."""
    if len(values) < _SHORT_STRETCH:
        best = running = 0
        for value in values.tolist():
            running = max(running, 0) + math.ceil(value * _SCALE)
            best = max(best, running)
        return best / _SCALE
    sums = np.cumsum(np.ceil(values.astype(np.float64) * _SCALE).astype(np.int64))
    lowest = np.minimum(np.minimum.accumulate(sums), 0)
    return max(0, int(sums[0]), int((sums[1:] - lowest[:-1]).max())) / _SCALE


_SHORT_STRETCH = 64  # characters: a shorter line's best stretch is summed one by one (fewer calls)


def _quiet_candidate(text: str, bound: np.ndarray, start: int, end: int, positive: float, line_break: float,
                     summed: float, sum_error: float) -> bool:
    """A line without a term that may be a candidate line (``_candidate_lines``) is quiet all the same when, with
    the scores its structures of ads add, it still reaches no sentence's or paragraph's total and no stretch of it
    reaches ``LOCAL_TOTAL`` (then the search for runs inside it stops at once). ``positive``: the sum of the
    line's positive scores, its line break's too."""
    stop = end - (text[end - 1] == "\n")
    structures = list(_structures(text[start:stop]))
    added = sum(bonus for _, _, bonus in structures)
    error = sum_error + 2 * (stop - start) * _ROUNDING * added + 1e-6
    if positive + added < min(summed, LOCAL_TOTAL - 1e-6) - error:
        return True
    values = bound[start:stop].copy()
    for s, e, bonus in structures:
        values[s:e] += bonus / (e - s)
    best = _stretch_bound(values)
    return best + line_break < summed - error and best < LOCAL_TOTAL - 1e-6 - error


def _runs(norm: Normalized, points: np.ndarray, model_scores: np.ndarray, linear: np.ndarray, voc: Vocabulary,
          allowed: tuple[str, ...], scorer: Model) -> list[Hit]:
    """The runs of spam in ``norm`` (every line read); ``model_scores``: the character model's scores of
    ``points``, the code points of ``norm.text`` (a copy is changed here); ``linear``: the linear model's."""
    text = norm.text
    score = model_scores.copy()
    marks = _MARKS[np.minimum(points, 0xFFFF)] if norm.beyond_bmp else _MARKS[points]
    unit_starts = _unit_starts(marks)
    unit_lengths = np.diff(unit_starts, append=len(points))
    _no_model_evidence_without_chinese(marks, score, unit_starts, unit_lengths)
    _no_model_evidence_inside_numbers(points, score)
    allowed_spans = _occurrences(text, allowed) if allowed else []
    if voc.frames:
        allowed_spans += _framed_quotes(text, voc.frames)
    pairs = voc.starts[_pair_key(points[:-1], points[1:])] if len(points) > 1 else np.zeros(0, dtype=np.uint8)

    def outside_allowed(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        return [(s, e, cat) for s, e, cat in found if not any(a <= s and e <= b for a, b in allowed_spans)]

    terms = [(s, e, voc.terms[w]) for s, e, w in _words(text, pairs, _TERM, voc.term_starts, allowed_spans)]
    terms = outside_allowed(_grown(text, terms, voc.pieces))
    # where the vocabulary's words start (a line holding one is left to the finer rules; a name found by its shape is
    # weaker evidence, and its line may still read as spam as a whole)
    vocabulary_starts = [s for s, _, _ in terms]
    names = (_brand_codes(text, points, pairs, voc) + _brand_names(text, pairs, model_scores, voc)
             + _glued_names(text, points, model_scores, voc))  # sites' names, found by their shape
    terms = sorted(terms + outside_allowed([(s, e, "gambling") for s, e in names]))
    words: list[tuple[int, int, str]] = list(terms)
    for s, e, word in _words(text, pairs, _HINT, voc.hint_starts, allowed_spans):
        score[s:e] += HINT / (e - s)
        words.append((s, e, voc.hints[word]))
    for s, e in _occurrences(text, voc.frames):
        score[s:e] -= FRAME / (e - s)
    for s, e in allowed_spans:
        score[s:e] = np.minimum(score[s:e], 0.0)
    lines = _candidate_lines(text, marks, score, [s for s, _, _ in terms])
    other = score.copy()  # the character model's evidence with the vocabulary's, without the structures of ads
    for line_start, line_end in lines:
        for s, e, bonus in _structures(text[line_start:line_end]):
            score[line_start + s : line_start + e] += bonus / (e - s)
    runs = [(s, e) for s, e, _ in terms]
    edges = {p for s, e, _ in terms for p in (s, e)
             if 0 < p < len(text) and _is_latin(text[p - 1]) != _is_latin(text[p])
             and _CHINESE_CHAR.match(text[p] if _is_latin(text[p - 1]) else text[p - 1])}
    hot = _units(unit_starts, unit_lengths, score) + _paragraphs(marks, score, vocabulary_starts)
    if terms:
        hot += _spam_around_terms(marks, model_scores, unit_starts, unit_lengths, terms)
    if len(words) > len(terms) + 1:
        hot += _hinted_clauses(text, score, model_scores, words[len(terms):])
    runs += [_trim_official_edges(text, score, s, e, edges) for s, e in hot]
    own_linear = _linear_evidence(text, linear, allowed_spans, voc.frames)
    together = own_linear + other  # the two models' evidence
    runs += _linear_runs(text, marks, together, [(s, e) for s, e, _ in terms])
    runs += _slot_names(text, points, model_scores, own_linear, voc)
    term_spans = [(s, e) for s, e, _ in terms]
    word_spans = [(s, e) for s, e, _ in words]  # the vocabulary's terms and hints, and the names found by shape
    for line_start, line_end in lines:
        if _best_stretch(score[line_start:line_end]) < LOCAL_TOTAL - 1e-6 and not any(
                s < line_end and line_start < e for s, e in term_spans):
            continue  # no run can reach LOCAL_TOTAL here (a run's sum is at most the best stretch's)
        for s, e in _best_segments(score, line_start, line_end):
            while s < e and score[s] <= 0:  # an edge character that brings nothing stays outside
                s += 1
            while e > s and score[e - 1] <= 0:
                e -= 1
            s, e = _trim_pieces(text, score, s, e)
            if e > s and score[s:e].sum() >= LOCAL_TOTAL:
                runs.append((s, e))
            elif e > s:  # weaker evidence only widens a vocabulary term, within its clause
                for ts, te in term_spans:
                    if ts < e and s < te:
                        left, right = max(s, _clause_start(text, ts)), min(e, _clause_end(text, te))
                        left = left if left >= ts or score[left:ts].sum() >= PIECE else ts
                        right = right if right <= te or score[te:right].sum() >= PIECE else te
                        runs.append((left, right))
    finished: list[tuple[int, int]] = []
    for s, e in _union(runs, text):
        if any(ns < e and s < ne for ns, ne in names):
            s, e = _grown_by_evidence(text, together, own_linear, s, e, edges)
        s, e = _finish(text, score, s, e, edges)
        s, e = _official_word_edges(text, s, e, scorer, word_spans)
        if e <= s or any(a <= s and e <= b for a, b in allowed_spans):
            continue
        if finished and 0 <= s - finished[-1][1] <= 1 and all(c in _JOINERS for c in text[finished[-1][1] : s]):
            s = finished.pop()[0]  # two runs with only a comma or a space between them are one ad (乐动手机版,乐动…)
        finished.append((s, e))
    return [(*norm.original(s, e), _spam_reason(_category(text, s, e, words, voc, scorer))) for s, e in finished]


_JOINERS = frozenset(",、 ")
FIRM_PAIR = 20  # a pair official prose holds firmly: this many times in the character model's official counts …
FIRM_RATIO = 10  # … and this many times as often (plus one) as the pair a run's edge would cut instead


def _official_word_edges(text: str, start: int, end: int, scorer: Model,
                         terms: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """Move a run's edge off a word official prose holds firmly: when the run ends on a Chinese character that forms
    such a pair with the official character after it (``确`` of ``确保``) and the pair before that character is weak
    in official prose (``人确``), the character goes back to the official sentence; so at the start (``何`` of
    ``任何``). The official sentence then resumes where its word does. A character of a vocabulary term or hint or of
    a name found by its shape (``terms``) stays in the run (``九牛娱乐城市民…`` keeps ``娱乐城``)."""
    official = scorer.official.bigrams

    def in_term(i: int) -> bool:
        return any(ts <= i < te for ts, te in terms)

    def firm(outer: str, inner: str) -> bool:  # the pair across the edge is firm, the one inside the run is weak
        firmness = official.get(outer, 0)
        return firmness >= FIRM_PAIR and firmness >= FIRM_RATIO * (official.get(inner, 0) + 1)

    while (end - start > 2 and end < len(text) and _CHINESE_CHAR.match(text[end - 1]) and _CHINESE_CHAR.match(text[end])
           and firm(text[end - 1 : end + 1], symbols(text[end - 2 : end])) and not in_term(end - 1)):
        end -= 1
    while (end - start > 2 and start > 0 and _CHINESE_CHAR.match(text[start - 1]) and _CHINESE_CHAR.match(text[start])
           and firm(text[start - 1 : start + 1], symbols(text[start : start + 2])) and not in_term(start)):
        start += 1
    return start, end


def _linear_evidence(text: str, linear: np.ndarray, allowed_spans: list[tuple[int, int]],
                     frames: tuple[str, ...]) -> np.ndarray:
    """The linear model's evidence of each character, less ``FRAME`` over a frame word and at most 0 over allowed
    text."""
    own = linear.copy()
    for s, e in _occurrences(text, frames) if frames else ():
        own[s:e] -= FRAME / (e - s)
    for s, e in allowed_spans:
        own[s:e] = np.minimum(own[s:e], 0.0)
    return own


_GROW_STOPS = frozenset(",;:。!?、\n“”「」『』《》")


def _grown_by_evidence(text: str, together: np.ndarray, linear: np.ndarray, start: int, end: int,
                       edges: set[int]) -> tuple[int, int]:
    """Widen a run holding a site's name within its clause over the characters next to it that both models read as
    spam: each with positive evidence of the two together (``together``) and ``GROW_LINEAR`` or more of the linear
    model alone, ``GROW_MAX`` at most on each side (``威斯尼斯人官网`` takes its ``版``). A run does not grow over the
    border of a term glued on in Latin letters (``edges``: ``_trim_official_words``), nor over a line break, not even
    one the run already ends or begins with."""
    def spam_like(j: int) -> bool:
        return text[j] not in _GROW_STOPS and together[j] > 0 and linear[j] >= GROW_LINEAR

    if start not in edges and text[start] != "\n":  # a run that begins or ends with a line break stops there
        first = start
        while first > 0 and start - first < GROW_MAX and spam_like(first - 1):
            first -= 1
        start = first
    if end not in edges and text[end - 1] != "\n":
        last = end
        while last < len(text) and last - end < GROW_MAX and spam_like(last):
            last += 1
        end = last
    return start, end




SLOT_TOTAL = 20.0  # a name in a unit's place found by the two models: their evidence sums to this …
SLOT_MEAN = 2.0  # … and averages this per character, …
SLOT_LINEAR = 1.0  # … the linear model's this …
SLOT_MODEL = 0.8  # … and the character model's this
SLOT_SHORTEST, SLOT_LONGEST = 3, 16  # characters
SLOT_GATE = 5.0  # ``_slot_lines``'s first bound: official text rarely reaches it (3 notice-sized texts in 300)
_SLOT_SIZES = np.arange(1, SLOT_LONGEST + 1)
_SLOT_STEPS = _SLOT_SIZES[:, None] - 1  # a stretch's characters after its first (a column)
_SLOT_OWN = SLOT_MODEL * _SLOT_SIZES - (1e-4 * _SLOT_SIZES + 1e-6)  # what ``_slot_lines`` asks of the character model


_STOP_TABLE = np.zeros(0x10000, dtype=np.int32)  # the characters a name does not reach over (``_GROW_STOPS``)
for _c in _GROW_STOPS:
    _STOP_TABLE[ord(_c)] = 1


def _slot_names(text: str, points: np.ndarray, model_scores: np.ndarray, linear: np.ndarray, voc: Vocabulary
                ) -> list[tuple[int, int]]:
    """Names in a unit's place that both models read as spam, with no vocabulary word: a stretch of
    ``SLOT_SHORTEST`` to ``SLOT_LONGEST`` characters without a clause's stop, standing where a clause starts
    (``_SLOT_BEFORE``) and followed by a word of ``unit_followers``, a line's end, a breadcrumb's ``>``, a title's
    ``》`` or a quotation mark (``_NAME_AFTER``), whose evidence of the two models sums to ``SLOT_TOTAL`` and averages
    ``SLOT_MEAN``, the linear model's ``SLOT_LINEAR`` and the character model's ``SLOT_MODEL`` a character
    (``DATED_MODEL`` where the stretch follows a date of news, ``6月6日下午,``: that is the place of the unit that
    held the event); of those from a place, the one with the most evidence, and not a whole line (a name alone is no
    ad) (``2016年11月28日下午,伟德国际1916备用网址第一届工会会员大会……``)."""
    n = len(text)
    values = model_scores + linear
    dated = set(_dated_places(text, points, voc.dated)) if voc.dated is not None and n > 1 else set()
    found = []
    for i in range(n):
        if i and text[i - 1] not in _SLOT_BEFORE or text[i] in _GROW_STOPS or text[i].isspace():
            continue
        end = _slot_name_end(text, i, values, linear, model_scores, voc.followers, i in dated)
        if end is not None:
            found.append((i, _official_tail(values, i, end)))
    return found


# The character model's least evidence a character of a name that follows a date of news (SLOT_MODEL elsewhere); at
# 0.4 or less a Latin brand's Chinese office after a time of day (6月6日下午，Nike中国召开…) read as a casino (review)
DATED_MODEL = 0.6


def _slot_name_end(text: str, i: int, values: np.ndarray, linear: np.ndarray, model_scores: np.ndarray,
                   followers: tuple[str, ...], dated: bool, room: float = 0.0) -> int | None:
    """Where the name in a unit's place that starts at ``i`` ends (``_slot_names``), or None; ``room``: a
    character's allowance for rounding (``_dated_lines``)."""
    n = len(text)
    first = i
    while first < n and "0" <= text[first] <= "9":
        first += 1  # a name that opens with digits (a code) is judged by its first characters after them
    if first + SLOT_HEAD > n or not (values[first : first + SLOT_HEAD] > -room).all():
        return None
    least_model = DATED_MODEL if dated else SLOT_MODEL
    total = own = model_total = 0.0
    best: tuple[float, int] | None = None  # the best total of a stretch that fits, and its end
    for j in range(i, min(n, i + SLOT_LONGEST)):
        if text[j] in _GROW_STOPS:
            break
        total += float(values[j])
        own += float(linear[j])
        model_total += float(model_scores[j])
        size = j + 1 - i
        slack = room * size
        if size < SLOT_SHORTEST or total + slack < max(SLOT_TOTAL, SLOT_MEAN * size) \
                or own + slack < SLOT_LINEAR * size or model_total + slack < least_model * size:
            continue
        end = j + 1
        whole_line = (i == 0 or text[i - 1] == "\n") and (end == n or text[end] == "\n")
        if not whole_line and (end == n or text[end] in _NAME_AFTER
                               or any(text.startswith(w, end) for w in followers)):
            if best is None or total > best[0]:
                best = (total, end)
    return best[1] if best is not None else None


SLOT_HEAD = 2
SLOT_TAIL = -6.0  # the words before the follower scoring this or less (together) read as official and stay out


def _official_tail(values: np.ndarray, start: int, end: int) -> int:
    """Where a name found by ``_slot_names`` ends: before the characters at its end that sum to ``SLOT_TAIL`` or less
    (the lowest such sum; ``…官网版职教园校区``: 职教园 is the unit's own name)."""
    tail = np.cumsum(values[start:end][::-1])
    lowest = int(np.argmin(tail))
    return end - lowest - 1 if tail[lowest] <= SLOT_TAIL else end


def _linear_runs(text: str, marks: np.ndarray, together: np.ndarray, terms: list[tuple[int, int]]
                 ) -> list[tuple[int, int]]:
    """Runs the two models find together: in each line, the stretches where the linear model's evidence and the
    other evidence (``score``: the character model's with the hints and frames, without the structures of ads), less
    ``LINEAR_COST`` per character, sum to ``LINEAR_TOTAL`` or more, each costing
    ``LINEAR_ENTRY`` to open (``_best_segments``), and that hold no vocabulary term (a term's own rules decide how
    far its run reaches). Its edges are where the two models' evidence together stops saying spam. Allowed text
    brings nothing, and a frame word takes ``FRAME`` away."""
    values = together - LINEAR_COST
    breaks = np.flatnonzero(marks & _LINE_END)
    found = []
    for line_start, line_end in zip(np.concatenate(([0], breaks + 1)).tolist(), [*breaks.tolist(), len(text)]):
        if line_end <= line_start or _best_stretch(values[line_start:line_end]) < LINEAR_TOTAL:
            continue
        for s, e in _best_segments(values, line_start, line_end, LINEAR_ENTRY):
            if values[s:e].sum() < LINEAR_TOTAL or any(ts < e and s < te for ts, te in terms):
                continue
            while s < e and together[s] <= 0:
                s += 1
            while e > s and together[e - 1] <= 0:
                e -= 1
            while s > line_start and together[s - 1] > 0:
                s -= 1
            while e < line_end and together[e] > 0:
                e += 1
            if e > s:
                found.append((s, e))
    return found


def _spam_around_terms(marks: np.ndarray, model_scores: np.ndarray, unit_starts: np.ndarray,
                       unit_lengths: np.ndarray, terms: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Sentences (of ``TERM_UNIT`` characters or more) and lines (of ``LINE_LENGTH`` or more) holding a vocabulary
    term whose other characters do not read as official prose: the character model's scores there average
    ``TERM_REST`` or more (hints, frames and structures left out). The term is then the ad's keyword, not a word
    injected into an official sentence (``在当今网络时代，科学上网成为了一个热门话题……``)."""
    outside = model_scores.copy()
    inside = np.zeros(len(model_scores), dtype=bool)
    for s, e, _ in terms:
        outside[s:e] = 0.0
        inside[s:e] = True
    found = []
    totals = np.add.reduceat(outside, unit_starts)
    has = np.logical_or.reduceat(inside, unit_starts)
    for i in np.flatnonzero(has & (totals >= TERM_REST * unit_lengths) & (unit_lengths >= TERM_UNIT)).tolist():
        found.append((int(unit_starts[i]), int(unit_starts[i] + unit_lengths[i])))
    starts = np.concatenate(([0], np.flatnonzero(marks & _LINE_END) + 1))
    starts = starts[starts < len(model_scores)]
    ends = np.append(starts[1:] - 1, len(model_scores))
    lengths = ends - starts
    totals = np.add.reduceat(outside, starts)
    has = np.logical_or.reduceat(inside, starts)
    for i in np.flatnonzero(has & (totals >= TERM_REST * lengths) & (lengths >= LINE_LENGTH)).tolist():
        found.append((int(starts[i]), int(ends[i])))
    return found


_HINTED_ENDS = ",;:。!?\n"


def _hinted_clauses(text: str, score: np.ndarray, model_scores: np.ndarray,
                    hints: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Clauses (up to ,;: or a sentence's end) holding ``HINTED_WORDS`` different hint words of one category whose
    other characters do not read as official prose (the character model's scores there average ``HINTED_REST`` or
    more) and whose score reaches ``HINTED_TOTAL``: a short ad injected as a clause of an official sentence
    (``……责任清单，2024年审核宽松、下款快的网贷。``), where one hint alone is no evidence."""
    # the clause ends, listed once: each hint's clause is looked up, not searched for (linear in the text)
    ends = [i for i, c in enumerate(text) if c in _HINTED_ENDS] if hints else []
    by_clause: dict[tuple[int, int], dict[str, set[str]]] = {}
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for s, e, cat in hints:
        before, after = bisect.bisect_left(ends, s), bisect.bisect_left(ends, e)
        clause = (ends[before - 1] + 1 if before else 0, ends[after] if after < len(ends) else len(text))
        by_clause.setdefault(clause, {}).setdefault(cat, set()).add(text[s:e])
        spans.setdefault(clause, []).append((s, e))
    found = []
    for (start, end), cats in by_clause.items():
        if max(len(w) for w in cats.values()) < HINTED_WORDS or score[start:end].sum() < HINTED_TOTAL:
            continue
        outside = model_scores[start:end].copy()
        for s, e in spans[(start, end)]:
            if start <= s and e <= end:
                outside[s - start : e - start] = 0.0
        if outside.sum() >= HINTED_REST * (end - start):
            found.append((start, end + (end < len(text) and text[end] in _CLAUSE_ENDS)))  # with a sentence's end
    return found


_QUOTES = {"“": "”", "「": "」", "‘": "’", "『": "』"}
QUOTED_LENGTH = 24  # the longest quoted name or slogan (in normalised characters) a frame word lets through


def _framed_quotes(text: str, frames: tuple[str, ...]) -> list[tuple[int, int]]:
    """The short quoted names and slogans (the quotation marks included) of the sentences that hold a frame word:
    official prose about spam names the game, the app or the ad it is about (``江苏淮安侦破“777真人娱乐场”网络赌博案，
    抓获……犯罪嫌疑人``, ``警方提醒：对“低息贷款、秒下款”的短信要提高警惕``); they are read as allowed text."""
    spans: list[tuple[int, int]] = []
    done = -1
    for frame_start, _ in sorted(_occurrences(text, frames)):
        if frame_start < done:
            continue  # this sentence was read
        first = max(text.rfind(c, 0, frame_start) for c in _ENDS) + 1
        found = [i for i in (text.find(c, frame_start) for c in _ENDS) if i >= 0]
        done = min(found) if found else len(text)
        pos = first
        while pos < done:
            opener = text[pos]
            if opener in _QUOTES:
                close = text.find(_QUOTES[opener], pos + 1, done)
                if close > pos and close - pos - 1 <= QUOTED_LENGTH:
                    spans.append((pos, close + 1))
                    pos = close
            pos += 1
    return spans


def _unit_starts(marks: np.ndarray) -> np.ndarray:
    """Where each sentence starts (after 。!?; or a line break)."""
    starts = np.flatnonzero(marks & _UNIT_END) + 1
    return np.concatenate(([0], starts[:-1] if len(starts) and starts[-1] == len(marks) else starts))


def _no_model_evidence_without_chinese(marks: np.ndarray, score: np.ndarray, starts: np.ndarray,
                                      lengths: np.ndarray) -> None:
    """The character model reads Chinese prose: in a sentence without a Chinese character (figures, codes,
    Latin words) its scores are no evidence of spam, only the vocabulary and the structures of ads are."""
    has_chinese = np.logical_or.reduceat(marks & _CHINESE, starts)
    if not has_chinese.all():
        np.minimum(score, 0.0, out=score, where=np.repeat(~has_chinese, lengths))


LONG_NUMBER = 7  # digits in a row


def _no_model_evidence_inside_numbers(points: np.ndarray, score: np.ndarray) -> None:
    """The digits of a long number (``LONG_NUMBER`` digits or more: a phone or ID number, a unit's credit code) are
    no evidence of spam: the model's small per-digit ratios would add up over them; only the structures of ads (a
    messaging account, a hotline) read them."""
    digit = (points >= 48) & (points <= 57)
    if not digit.any():
        return
    edges = np.flatnonzero(np.diff(np.concatenate(([0], digit.view(np.int8), [0]))))
    starts, ends = edges[::2], edges[1::2]
    long = ends - starts >= LONG_NUMBER
    for start, end in zip(starts[long].tolist(), ends[long].tolist()):
        np.minimum(score[start:end], 0.0, out=score[start:end])


def _units(starts: np.ndarray, lengths: np.ndarray, score: np.ndarray) -> list[tuple[int, int]]:
    """Sentences (up to and with their closing punctuation) whose score says spam."""
    totals = np.add.reduceat(score, starts)
    hot = np.flatnonzero((totals >= UNIT_TOTAL) & (totals >= UNIT_MEAN * lengths))
    return [(int(starts[i]), int(starts[i] + lengths[i])) for i in hot.tolist()]


def _paragraphs(marks: np.ndarray, score: np.ndarray, words: list[int]) -> list[tuple[int, int]]:
    """Lines (without their line break) without a vocabulary word that read as spam as a whole: soft ad copy whose
    sentences each stay below ``UNIT_TOTAL``; official prose sums far below 0 over a paragraph, even with a run
    injected. ``words``: where the vocabulary words start (their lines are left to the finer rules)."""
    starts = np.concatenate(([0], np.flatnonzero(marks & _LINE_END) + 1))
    starts = starts[starts < len(score)]
    if not len(starts):
        return []
    totals = np.add.reduceat(score, starts)
    # the line break of a line, or the text's end (the last line's own line break left out, as every other line's)
    ends = np.append(starts[1:] - 1, len(score) - int(bool(marks[-1] & _LINE_END)))
    lengths = ends - starts
    hot = (totals >= LINE_TOTAL) & (totals >= LINE_MEAN * np.maximum(lengths, 1)) & (lengths >= LINE_LENGTH)
    if words:
        hot[np.searchsorted(starts, np.array(words), side="right") - 1] = False
    return [(int(starts[i]), int(ends[i])) for i in np.flatnonzero(hot).tolist() if ends[i] > starts[i]]


_CLAUSE = ",;:。!?、"
_CLAUSE_ENDS = "。!?;"


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in _CLAUSE + "\n") + 1


def _clause_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _CLAUSE + "\n") if i >= 0]
    return min(ends) if ends else len(text)


def _trim_official_edges(text: str, score: np.ndarray, start: int, end: int, edges: set[int]) -> tuple[int, int]:
    """Leave out the clauses at the edges of a spam sentence that read as official prose (score ≤ −EDGE)."""
    cuts = [i for i in range(start, end) if text[i] in _CLAUSE]
    bounds = [start] + [c + 1 for c in cuts] + [end]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    while len(pieces) > 1 and score[pieces[0][0] : pieces[0][1]].sum() <= -EDGE:
        pieces.pop(0)
    while len(pieces) > 1 and score[pieces[-1][0] : pieces[-1][1]].sum() <= -EDGE:
        pieces.pop()
    first, end = pieces[0][0], pieces[-1][1]
    start, end = _trim_official_words(score, first, end, edges)
    if start > first:  # no longer the whole sentence: its closing punctuation stays too
        while end > start and text[end - 1] in _ENDS:
            end -= 1
    return start, end


def _trim_official_words(score: np.ndarray, start: int, end: int, edges: set[int]) -> tuple[int, int]:
    """Leave out the words before the first (after the last) vocabulary term of a spam sentence when they read as
    official prose, scoring ``WORD_EDGE`` or less (``工作`` before a glued-on ``shadowrocket``); ``edges``: where
    a term starts or ends between a Latin letter or digit and a Chinese character glued to it (a border of the ad's
    word; a quotation mark or a space before the term is no such border: ``欢迎光临“777真人娱乐场”`` stays whole)."""
    prefix = np.cumsum(score[start:end])
    cuts = [i for i in range(1, end - start) if start + i in edges and prefix[i - 1] <= -WORD_EDGE]
    new_start = start + cuts[0] if cuts else start
    suffix = np.cumsum(score[new_start:end][::-1])
    cuts = [i for i in range(1, end - new_start) if end - i in edges and suffix[i - 1] <= -WORD_EDGE]
    return new_start, (end - cuts[0] if cuts else end)


def _trim_pieces(text: str, score: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Drop the clauses at the edges of a run that bring less than ``PIECE``."""
    cuts = [i for i in range(start, end) if text[i] in _CLAUSE]
    bounds = [start] + [c + 1 for c in cuts] + [end]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    while len(pieces) > 1 and score[pieces[0][0] : pieces[0][1]].sum() < PIECE:
        pieces.pop(0)
    while len(pieces) > 1 and score[pieces[-1][0] : pieces[-1][1]].sum() < PIECE:
        pieces.pop()
    return (pieces[0][0], pieces[-1][1]) if pieces else (start, start)


def _spam_reason(labels: str) -> Why:
    return lambda run: f"疑似植入的广告文字“{' '.join(run.split())}”（{labels}）"


def _words(text: str, pairs: np.ndarray, bit: int, starts: dict[str, tuple[str, ...]],
           allowed_spans) -> list[tuple[int, int, str]]:
    """(start, end, word) of the vocabulary words in ``text``, longest at each place, left to right; ``pairs``:
    ``Vocabulary.starts`` of every two neighbouring characters, where ``bit`` marks a place a word may start."""
    found: list[tuple[int, int, str]] = []
    last_end = 0
    for pos in np.flatnonzero(pairs & bit).tolist():
        if pos < last_end:
            continue
        for word in starts.get(text[pos : pos + 2], ()):
            if text.startswith(word, pos):
                end = pos + len(word)
                if not allowed_spans or not any(a <= pos and end <= b for a, b in allowed_spans):
                    found.append((pos, end, word))
                    last_end = end
                break
    return found


def _grown(text: str, terms: list[tuple[int, int, str]], pieces: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Each term widened by ``_grow``; a term inside the span the term before it grew over takes that span
    (growing it again would walk the same span: quadratic on a run of repeated ad words)."""
    grown: list[tuple[int, int, str]] = []
    for start, end, category in terms:
        if grown and start < grown[-1][1] and end <= grown[-1][1]:
            grown.append((grown[-1][0], grown[-1][1], category))
        else:
            grown.append((*_grow(text, start, end, pieces), category))
    return grown


def _grown_spans(text: str, spans: Iterable[tuple[int, int]], pieces: tuple[str, ...]) -> list[tuple[int, int]]:
    """``_grown`` of bare spans, in their order."""
    return [(start, end) for start, end, _ in _grown(text, [(s, e, "") for s, e in spans], pieces)]


def _grow(text: str, start: int, end: int, pieces: tuple[str, ...]) -> tuple[int, int]:
    """Widen [start, end) over glued-on Latin letters, digits and vocabulary pieces."""
    while True:
        new_start, new_end = _step_left(text, start, pieces), _step_right(text, end, pieces)
        if (new_start, new_end) == (start, end):
            return start, end
        start, end = new_start, new_end


def _step_left(text: str, pos: int, pieces: tuple[str, ...]) -> int:
    if pos > 0 and _is_latin(text[pos - 1]):
        while pos > 0 and _is_latin(text[pos - 1]):
            pos -= 1
        return pos
    return next((pos - len(p) for p in pieces if text.endswith(p, 0, pos)), pos)


def _step_right(text: str, pos: int, pieces: tuple[str, ...]) -> int:
    if pos < len(text) and _is_latin(text[pos]):
        while pos < len(text) and _is_latin(text[pos]):
            pos += 1
        return pos
    return next((pos + len(p) for p in pieces if text.startswith(p, pos)), pos)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


# ---------------------------------------------------------------- gambling sites' names with a code

_KINDS = np.zeros(0x10000, dtype=np.uint8)  # 1: a Latin letter or digit (of normalised text), 2: a Chinese character
_KINDS[0x30:0x3A] = 1
_KINDS[0x61:0x7B] = 1
_KINDS[0x4E00:0xA000] = 2
def _kind(points: np.ndarray) -> np.ndarray:
    return np.take(_KINDS, points, mode="clip")  # beyond 0xFFFF: 0, as 0xFFFF's


_CHINESE_CHAR = re.compile("[\u4e00-\u9fff]")
_MEASURE = frozenset("余多个万亿千百元名人次件起条家所项年月日号时分秒岁届级期米吨亩套台辆"
                     "层室楼座间户批份篇页场轮位天周")


def _brand_codes(text: str, points: np.ndarray, pairs: np.ndarray, voc: Vocabulary,
                 marked: np.ndarray | None = None) -> list[tuple[int, int]]:
    """(start, end) of gambling sites' names written as a code glued to a site word or a gambling word of the
    vocabulary (``23411集团``, ``太阳集团1088vip``, ``beat365官网``): how casino pages put their brand in place of a
    unit's name in copied news. A code is Latin letters with digits, or three digits or more, but not a year (19xx,
    20xx), not a public service number (110, 12345: three or five digits starting with 1) and not a number followed
    by a measure word (``平台5100余个``). Each is grown over the glued-on site words, gambling words, Latin letters and
    digits. ``pairs``: ``Vocabulary.starts`` of every two neighbouring characters; ``marked``, if given, where they
    are not 0 (fewer to look at)."""
    n = len(points)
    if n < 3:
        return []
    places = np.flatnonzero(pairs >= _BRAND_START) if marked is None else marked[pairs[marked] >= _BRAND_START]
    flags = pairs[places]
    # a code ending at ``at`` before a word starting at at + 1; a word ending at ``at`` before a code at at + 1
    at = places[((flags & _BRAND_START) != 0) & (places > 0)] - 1
    right = at[(_kind(points[at]) == 1) & (_kind(points[at + 1]) == 2)]
    at = places[((flags & _BRAND_END) != 0) & (places + 2 < n)] + 1
    left = at[(_kind(points[at]) == 2) & (_kind(points[at + 1]) == 1)]
    if not len(right) and not len(left):
        return []
    codes: list[tuple[int, int]] = []
    for at, code_first in [(i, False) for i in right.tolist()] + [(i, True) for i in left.tolist()]:
        if code_first:  # the word ends at ``at``, the code starts after it
            end = at + 1
            while end < n and _is_latin(text[end]):
                end += 1
            code, word_ok = text[at + 1 : end], any(text.endswith(w, 0, at + 1) for w in voc.brand_words)
            after = text[end : end + 2]
        else:  # the code ends at ``at``, the word starts after it
            start = at
            while start > 0 and _is_latin(text[start - 1]):
                start -= 1
            code, word_ok = text[start : at + 1], any(text.startswith(w, at + 1) for w in voc.brand_words)
            after = ""
        if word_ok and _is_code(code, after):
            codes.append((at + 1, end) if code_first else (start, at + 1))
    # grown in order, each inside the span grown before it taking that span: a run of repeated codes is walked once
    return sorted(set(_grown_spans(text, sorted(set(codes)), voc.brand_words)))


BRAND_STEM = 0.5  # the least summed model score of the Chinese characters before a site's entry word …
WEAK_BRAND_STEM = 4.0  # … before one that official names also end with (``site_entries_weak``: 游戏) …
_SLOT_BEFORE = frozenset(",:、;。!?\n (“《》—->|日午晚")  # … which follow one of these (or start the text)
_SLOT_TABLE = np.zeros(0x10000, dtype=bool)  # the characters after which a clause starts (``_SLOT_BEFORE``)
for _c in _SLOT_BEFORE:
    _SLOT_TABLE[ord(_c)] = True


def _brand_names(text: str, pairs: np.ndarray, model_scores: np.ndarray, voc: Vocabulary,
                 marked: np.ndarray | None = None) -> list[tuple[int, int]]:
    """(start, end) of gambling sites' names without a code in a unit's place: 2 to 6 Chinese characters, each of
    which the character model does not read as official prose (scoring above 0, ``BRAND_STEM`` or more together), at
    the start of a clause, after a title, a dash or a breadcrumb's ``>``, or after a date's time
    (``6月17日上午，开云(中国)召开……``), followed by a word only a site calls itself (``site_entries``: 官网, 网页版,
    (中国) …); grown over the glued-on site words, letters and digits. ``marked``: as ``_brand_codes``'s."""
    if len(pairs) < 3 or not voc.entries:
        return []
    places = np.flatnonzero(pairs >= _ENTRY) if marked is None else marked[pairs[marked] >= _ENTRY]
    places = places[places >= 2]
    names: list[tuple[int, int]] = []
    for at in places.tolist():
        word, need = next(((w, need) for w, need in voc.entries if text.startswith(w, at)), ("", 0.0))
        if not word:
            continue
        best = 0
        for size in range(2, 7):
            first = at - size
            if first < 0 or not _CHINESE_CHAR.match(text[first]) or model_scores[first] <= 0:
                break
            if (first == 0 or text[first - 1] in _SLOT_BEFORE) and model_scores[first:at].sum() >= need:
                best = size
        if best:
            names.append((at - best, at + len(word)))
    return _grown_spans(text, names, voc.brand_words)


def _is_code(code: str, after: str) -> bool:
    digits = sum(c.isdigit() for c in code)
    if not digits or digits == len(code) and (
            digits < 3 or len(code) == 4 and code[:2] in ("19", "20") or len(code) in (3, 5) and code[0] == "1"
            or after[:1] in _MEASURE or len(after) == 2 and after[0] in ".:-/" and after[1].isdigit()):
        return False
    return True


# ---------------------------------------------------------------- structures of ads

_LIST_SEPARATOR = re.compile(r"\s*(?:_|\||-| i )\s*")
_LIST_ITEM = re.compile(f"[^_|\\-{_CLAUSE_ENDS}]{{2,30}}")
_HANDLE = re.compile(r"(?<![a-z0-9])[a-z][a-z_]*[0-9]{2,}\s+20[0-9]{2}-[0-9]{2}-[0-9]{2}(?:\s+[0-9:]+)?")
_CONTACT = re.compile(
    r"(?:微信|威信|薇信|v信|vx|wx|加v|qq|扣扣|q群|telegram|飞机|line)\s*(?:号|群)?\s*[:：]?\s*"
    r"(?:[a-z][a-z0-9_\-]{4,}|[0-9][0-9\- ]{5,}[0-9])"
)
_HOTLINE = re.compile(r"(?<![0-9])400-?[0-9]{3}-?[0-9]{4}(?![0-9])")
_GLUED_LATIN = re.compile("(?<=[\u4e00-\u9fff])[a-z][a-z0-9]{3,}|[a-z][a-z0-9]{3,}(?=[\u4e00-\u9fff])")


def _keyword_lists(text: str) -> Iterable[tuple[int, int, int]]:
    """(start, end, items) of runs of three or more short items with Chinese, one separator apart."""
    separators = list(_LIST_SEPARATOR.finditer(text))
    run: list[tuple[int, int]] = []  # the items of the current list
    last_end = 0
    for match in [*separators, None]:
        end = match.start() if match else len(text)
        item = text[last_end:end]
        ok = _LIST_ITEM.fullmatch(item) and any("\u4e00" <= c <= "\u9fff" for c in item)
        if ok:
            run.append((last_end, end))
        if not ok or match is None:
            if len(run) >= 3:
                yield run[0][0], run[-1][1], len(run)
            run = [(last_end, end)] if ok and match is not None else []
        last_end = match.end() if match else len(text)


def _structures(text: str) -> Iterable[tuple[int, int, float]]:
    if "_" in text or "|" in text or "-" in text or " i " in text:
        for start, end, items in _keyword_lists(text):
            yield start, end, LIST_ITEM * (items - 2)
    for match in _HANDLE.finditer(text):
        yield match.start(), match.end(), HANDLE
    for match in _CONTACT.finditer(text):
        yield match.start(), match.end(), CONTACT
    for match in _HOTLINE.finditer(text):
        yield match.start(), match.end(), CONTACT
    for match in _GLUED_LATIN.finditer(text):
        yield match.start(), match.end(), GLUED


# ---------------------------------------------------------------- finding the runs


def _candidate_lines(text: str, marks: np.ndarray, score: np.ndarray, positions: list[int]) -> list[tuple[int, int]]:
    """Lines worth the search for runs inside sentences: a term, a keyword-list mark, or a stretch scoring
    ``CANDIDATE`` (the best sum over a stretch, computed for every line at once)."""
    breaks = np.flatnonzero(marks & _LINE_END)  # line k runs from breaks[k - 1] + 1 to breaks[k]
    barrier = score.copy()
    barrier[breaks] = -1e9  # no stretch crosses a line break
    cumulative = np.cumsum(barrier)
    best_before = np.empty_like(cumulative)
    best_before[0] = 0.0
    np.minimum.accumulate(cumulative[:-1], out=best_before[1:])
    np.minimum(best_before, 0.0, out=best_before)
    cumulative -= best_before
    hot = cumulative >= CANDIDATE
    if "_" in text or "|" in text or "@" in text:
        hot |= (marks & _LIST_MARK) != 0
    line_starts = np.concatenate(([0], breaks + 1))
    if line_starts[-1] >= len(text):
        line_starts = line_starts[:-1]
    wanted = set(np.flatnonzero(np.logical_or.reduceat(hot, line_starts)).tolist()) if len(line_starts) else set()
    if positions:
        wanted.update(np.searchsorted(breaks, np.array(positions)).tolist())
    lines = []
    for k in sorted(wanted):
        start = int(breaks[k - 1]) + 1 if k else 0
        end = int(breaks[k]) if k < len(breaks) else len(text)
        if end > start:
            lines.append((start, end))
    return lines


def _best_stretch(values: np.ndarray) -> float:
    """The highest sum of a stretch of ``values`` (0 for none)."""
    cumulative = np.cumsum(values)
    lowest = np.minimum.accumulate(cumulative)
    return float(max(cumulative.max() if len(values) else 0.0, (cumulative[1:] - lowest[:-1]).max(initial=0.0)))


def _best_segments(score: np.ndarray, start: int, end: int, entry: float | None = None) -> list[tuple[int, int]]:
    """Disjoint spans of [start, end) maximising the sum over spans of (summed score − ``entry``, ``ENTRY`` by
    default)."""
    entry = ENTRY if entry is None else entry
    values = score[start:end].tolist()
    best_prev = 0.0  # best total for the prefix before position i
    open_total, open_start = -entry, 0  # best total of a span still open at i, and where it began
    best_before: list[float] = []
    choice: list[tuple[int, int] | None] = []
    for i, v in enumerate(values):
        if best_prev - entry > open_total:
            open_total, open_start = best_prev - entry, i
        open_total += v
        if open_total > best_prev:
            best_prev = open_total
            choice.append((open_start, i + 1))
        else:
            choice.append(None)
        best_before.append(best_prev)
    spans, i = [], len(values) - 1
    while i >= 0:  # walk back through the decisions
        chosen = choice[i]
        if chosen is not None and best_before[i] != (best_before[i - 1] if i else 0.0):
            s, e = chosen
            spans.append((start + s, start + e))
            i = s - 1
        else:
            i -= 1
    return spans[::-1]


def _union(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Overlapping runs as one; runs that only touch at a line break stay two (a finding is on one line)."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and (s < merged[-1][1] or s == merged[-1][1] and text[s - 1 : s] != "\n"):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


_ENDS = "。！？!?；;\n"
_OPENERS = "“‘\"'《（(【[「『〔<"
_CLOSERS = "”’\"'》）)】]」』〕>"
_SEPARATORS = " \t\u3000,，、:：_|-—~·"


def _finish(text: str, score: np.ndarray, start: int, end: int, edges: frozenset[int] | set[int] = frozenset()
            ) -> tuple[int, int]:
    """Snap a run to whole words, clauses and sentences; trim the separators at its ends. ``edges``: the borders
    of glued-on terms (``_trim_official_words``); the words beyond one that read as official prose stay out."""
    while start > 0 and _is_latin(text[start - 1]) and _is_latin(text[start]):
        start -= 1
    while end < len(text) and _is_latin(text[end]) and _is_latin(text[end - 1]):
        end += 1
    start, end, _ = _widen(text, score, start, end, _CLAUSE + "\n", edges)
    start, end, stop = _widen(text, score, start, end, _ENDS, edges)
    while start < end and text[start] in _SEPARATORS:
        start += 1
    while end > start and text[end - 1] in _SEPARATORS + "\n":
        end -= 1
    if stop is not None and end < len(text) and stop == end and text[stop] != "\n":
        end += 1  # the whole sentence is spam: its closing punctuation goes with it
    elif stop is None and _closes_cut_sentence(text, start, end):
        end += 1  # … and so does that of a run of whole clauses ending a sentence an official clause left at a comma
    if stop is not None:  # … and so does the punctuation that ends its line
        line_end = text.find("\n", end)
        tail = text[end : len(text) if line_end < 0 else line_end].rstrip()
        if tail and all(c in _SEPARATORS + _ENDS + _CLOSERS for c in tail):
            end += len(tail)
    if start > 0 and text[start - 1] in _OPENERS and _CLOSERS[_OPENERS.index(text[start - 1])] in text[start:end]:
        start -= 1
    if end < len(text) and text[end] in _CLOSERS and _OPENERS[_CLOSERS.index(text[end])] in text[start:end]:
        end += 1
    return start, end


_CUT_AT = ",，、;；:："


def _closes_cut_sentence(text: str, start: int, end: int) -> bool:
    """The run [start, end) is two clauses or more (a sentence of its own), starts right after an official
    clause's comma (``，、；：``) and ends right before its sentence's closing ``。！？``: the official sentence was
    left at the comma, and the ``。`` came with the run
    (``……责任清单，你好,我們是專業辦理上網文憑的,有需要請聯繫。确保……``: deleting the run without it would
    leave ``……责任清单，。确保……``). A single clause there may be the official sentence's last one
    (``……整改责任，访问evil.com获取小火箭节点。``): the ``。`` stays."""
    return (0 < start and end < len(text) and text[end] in "。！？!?" and text[start - 1] in _CUT_AT
            and text[end - 1] not in _CLAUSE + _SEPARATORS and any(c in _CUT_AT for c in text[start:end]))


def _widen(text: str, score: np.ndarray, start: int, end: int, stops: str,
           edges: frozenset[int] | set[int] = frozenset()) -> tuple[int, int, int | None]:
    """A run covering most of the stretch between two ``stops`` takes the rest unless it reads as official (its
    score is below ``REST``, or it is a word glued to the run's term scoring ``-WORD_EDGE`` or less).

    The third value is the position of the closing stop (or the text's end) when the run now covers the whole
    stretch."""
    first = max(text.rfind(c, 0, start) for c in stops) + 1
    found = [i for i in (text.find(c, max(start, end - 1)) for c in stops) if i >= 0]
    stop = min(found) if found else len(text)
    body_start, body_end = first, stop
    while body_start < body_end and text[body_start] in _SEPARATORS + stops:
        body_start += 1
    while body_end > body_start and text[body_end - 1] in _SEPARATORS + stops:
        body_end -= 1
    inside = min(end, body_end) - max(start, body_start)
    if inside >= SENTENCE_SHARE * max(1, body_end - body_start):
        before, after = score[body_start:start].sum(), score[end:body_end].sum()
        if start > body_start and before >= REST and not (start in edges and before <= -WORD_EDGE):
            start = body_start
        if end < body_end and after >= REST and not (end in edges and after <= -WORD_EDGE):
            end = body_end
    whole = start <= body_start and end >= body_end
    return start, end, (stop if whole else None)


def _category(text: str, start: int, end: int, words, voc: Vocabulary, scorer: Model) -> str:
    """The labels of the categories whose vocabulary words the run holds (a term counts 3, a hint 1; categories
    with a third of the top count or more, most first), else the model's best."""
    weights = {cat: 0.0 for cat in CATEGORIES}
    for s, e, cat in words:
        if s < end and start < e:
            weights[cat] += 3.0 if voc.terms.get(text[s:e]) == cat else 1.0
    if max(weights.values()) == 0:
        model_scores = scorer.category_scores(text[start:end])
        return voc.labels[max(CATEGORIES, key=lambda c: model_scores[c])]
    top = max(weights.values())
    ranked = sorted((c for c in CATEGORIES if weights[c] >= top / 3), key=lambda c: -weights[c])
    return "、".join(voc.labels[c] for c in ranked)


def _occurrences(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    return [m.span() for w in words if w in text for m in re.finditer(re.escape(w), text)]


# ---------------------------------------------------------------- links

_URL = re.compile(r"https?://[a-z0-9\-._~:/?#\[\]@$&+=%]+")
_DOMAIN = re.compile(
    r"(?<![a-z0-9@._\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+"
    r"(?:com|net|org|cn|cc|top|xyz|vip|me|io|info|biz|co|tv|app|site|club|online|shop|"
    r"live|fun|icu|ink|pro|win|bet|casino|link|asia|hk|tw|mo|ru|xxx)"
    r"(?![a-z0-9\-@])(?:[/?#][a-z0-9\-._~:/?#@$&+=%]*)?"
)
_TRAILING = ".,;:!?'\")]"
# a Hong Kong stock code as exchanges and company news write it (腾讯控股（00700.HK）): no address, though .hk is a
# domain; written in lower case (00700.hk) it is read as one
_STOCK_CODE = re.compile(r"[0-9]{4,5}\.HK")
# government sites: only government bodies can register under them. Education sites are not among them: hacked
# university hosts are a common home of gambling pages; a notice that must link to one puts it in its allow-list.
GOVERNMENT_SITES = ("gov.cn", "gov.hk", "gov.mo")


_DOT_LETTER = re.compile(r"\.[a-z]")
_MAYBE_LINK = re.compile(r"\.[a-z]")


def _links(low: str, allowed: tuple[str, ...], text: str) -> list[Hit]:
    """Addresses outside government sites in ``low`` (the folded ``text``, at the same places), but for Hong Kong stock
    codes as ``text`` writes them (``_STOCK_CODE``: the case the folding lost)."""
    if not _MAYBE_LINK.search(low):
        return []
    hits: list[Hit] = []
    matches = []
    last = -1
    for dot in _DOT_LETTER.finditer(low):
        if dot.start() < last:
            continue
        start, end = dot.start(), dot.end()
        while start > 0 and "!" <= low[start - 1] <= "~":
            start -= 1
        while end < len(low) and "!" <= low[end] <= "~":
            end += 1
        last = end
        matches += [*_URL.finditer(low, start, end), *_DOMAIN.finditer(low, start, end)]
    for match in matches:
        address = match.group().rstrip(_TRAILING)
        end = match.start() + len(address)
        if address and not _is_gov_or_allowed(address, allowed) and not _STOCK_CODE.fullmatch(text, match.start(), end):
            hits.append((match.start(), end, _link_reason))
    return hits


def _link_reason(address: str) -> str:
    return (f"外部网站链接“{address}”：通报中不应出现政府网站（gov.cn）以外的地址，疑似植入的广告；"
            "如确需保留，请加入允许列表")


def _host(address: str) -> str:
    try:
        return urlsplit(address if "://" in address else "http://" + address).hostname or ""
    except ValueError:
        return ""


def _is_gov_or_allowed(address: str, allowed: tuple[str, ...]) -> bool:
    host = _host(address)
    sites = list(GOVERNMENT_SITES) + [_host(a) for a in allowed if "." in a]
    if any(site and (host == site or host.endswith("." + site)) for site in sites):
        return True
    return any(address.startswith(a) for a in allowed if "/" in a)


# ---------------------------------------------------------------- hidden text

def _hidden_styles(low: str) -> list[Hit]:
    if ":" not in low or not any(name in low for name in HIDING_PROPERTIES):
        return []
    return [(m.start(), m.end(), _hidden_reason) for m in HIDING_STYLE.finditer(low)]


def _hidden_reason(style: str) -> str:
    return f"隐藏文字的样式“{style}”：读者看不见的内容常用于植入广告，请删除这段内容"


# ---------------------------------------------------------------- helpers


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


GLUED_STEM = 1.0  # the least summed model score of the Chinese characters glued to a code in a unit's place
_NAME_STEM = 6  # … of at most this many characters on each side of the code, which has fewer than …
LONG_CODE = 10  # … this many digits (a phone or an ID number is no site's code)
# a name in a unit's place is followed by a follower, a line's end, a breadcrumb's ``>``, a title's end or a quote
_NAME_AFTER = frozenset("\n>|》“")
_MEASURE_TABLE = np.zeros(0x10000, dtype=bool)
for _c in _MEASURE:
    _MEASURE_TABLE[ord(_c)] = True


def _glued_names(text: str, points: np.ndarray, model_scores: np.ndarray, voc: Vocabulary) -> list[tuple[int, int]]:
    """(start, end) of casino brands written in a unit's place in copied news, with no site word: a code (Latin
    letters, or digits as ``_is_code`` reads them) glued to Chinese characters the character model does not read as
    official prose (each above 0, ``GLUED_STEM`` or more together), the whole standing where a sentence's subject or
    a unit's name stands: after the start of a clause (``_SLOT_BEFORE``) and before a clause's end or a word of
    ``unit_followers`` (召开, 举行, 党委, 教工 …): ``2021年5月27日,威廉希尔williamhill中文教工一支部……``,
    ``1月20日,……,9778818威尼斯学子迎来了……``. Grown over the glued-on ``name_tails``, site words, letters and digits."""
    n = len(points)
    if n < 4 or not voc.followers:
        return []
    kinds = _kind(points)
    glued = np.flatnonzero(kinds[:-1] * kinds[1:] == 2)  # a code's character and a Chinese one, either way
    if not len(glued):
        return []
    # the Chinese side must not read as official, and a number before a measure word (2021年, 5月) is no code
    chinese = np.where(kinds[glued] == 2, glued, glued + 1)
    keep = model_scores[chinese] > 0
    digit_first = (kinds[glued] == 1) & (points[glued] <= 57)
    keep &= ~(digit_first & _MEASURE_TABLE[np.minimum(points[glued + 1], 0xFFFF)])
    names: list[tuple[int, int]] = []
    for at in glued[keep].tolist():
        code_left = kinds[at] == 1
        if code_left:
            code_start, code_end, stem_start = at, at + 1, at + 1
            while code_start > 0 and kinds[code_start - 1] == 1:
                code_start -= 1
        else:
            code_start = code_end = at + 1
            while code_end < n and kinds[code_end] == 1:
                code_end += 1
        code = text[code_start:code_end]
        letters = sum(c.isalpha() for c in code)
        if len(code) - letters >= LONG_CODE or not (
                letters >= 3 or _is_code(code, text[code_end : code_end + 2]) and (letters or len(code) >= 4)):
            continue  # a phone or ID number; a short code of digits alone
        # the Chinese stem on the glued side
        if code_left:
            stem_end = stem_start
            while (stem_end < n and stem_end - stem_start < _NAME_STEM and kinds[stem_end] == 2
                   and model_scores[stem_end] > 0):
                stem_end += 1
            stem = (stem_start, stem_end)
        else:
            stem_start = at + 1
            while stem_start > 0 and at + 1 - stem_start < _NAME_STEM and kinds[stem_start - 1] == 2 \
                    and model_scores[stem_start - 1] > 0:
                stem_start -= 1
            stem = (stem_start, at + 1)
        if stem[1] - stem[0] < 2 or model_scores[stem[0] : stem[1]].sum() < GLUED_STEM:
            continue
        start, end = min(stem[0], code_start), max(stem[1], code_end)
        if not (start == 0 or text[start - 1] in _SLOT_BEFORE):
            continue
        start, end = _grown_spans(text, [(start, end)], voc.tails)[0]
        if not (end == n or text[end] in _NAME_AFTER or any(text.startswith(w, end) for w in voc.followers)):
            continue
        names.append((start, end))
    return sorted(set(names))
