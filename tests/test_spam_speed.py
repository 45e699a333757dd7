"""The shortcuts of the spam check (a fast normalisation, reading only the lines that may hold a run) change no
finding: the check with them and without them (``reference_detect``: the general normalisation, every line read)
give the same spans and messages on the whole corpus, the notices, the seeds and random edits of them.

``scripts/compare_spam.py`` does the same against the code of another commit (``main`` by default)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from generator.check.normalize import for_matching
from generator.check.spam import detect, reference_detect
from generator.check.spam_model import model

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "spam_corpus"
# the DEV split only: the held-out split is read once, by scripts/benchmark_spam.py, never by a test
RUNS = [r for r in map(json.loads, (CORPUS / "spam_runs.jsonl").read_text(encoding="utf-8").splitlines())
        if r["split"] == "dev"]
OFFICIAL = [r for r in map(json.loads, (CORPUS / "official.jsonl").read_text(encoding="utf-8").splitlines())
            if r["split"] == "dev"]
BEFORE = "按照巡察整改工作要求，区住建局建立问题清单、任务清单、责任清单，"
AFTER = "确保整改措施落实到位。"
NOISE = [" ", "  ", "\u3000", ".", "·", "**", "\u200b", "&amp;", "<b>", "\n", "\n\n", "_", "|", "@", " i ", "(fā)",
         "，", "。", "ｖｐｎ", "澳門", "𠀀", "\u346e", "а", "www.example.com", "qq:12345678", "400-123-4567",
         "user12 2023-01-02", "v p n", "百 家 乐", "博.彩", "shadowrocket", "bet365", "资金", "办理"]


def findings(check, text: str, allow=()) -> list[tuple[int, int, str, str]]:
    return [(f.start, f.end, f.text, f.reason) for f in check(text, allow)]


def corpus_texts() -> list[str]:
    texts = []
    for r in RUNS:
        texts += [r["run"], r["before"] + r["run"] + r["after"], BEFORE + r["run"] + AFTER]
    texts += [r["text"] for r in OFFICIAL]
    # several records in one text: the lines read and the lines skipped alternate
    texts += ["\n".join(texts[i : i + 9]) for i in range(0, len(texts), 4)]
    return texts


def test_the_corpus_gets_the_same_findings_with_and_without_the_shortcuts():
    texts = corpus_texts()
    different = [t for t in texts if findings(detect, t) != findings(reference_detect, t)]
    assert different == []
    assert sum(bool(detect(t)) for t in texts) > len(RUNS)  # the runs are found (and the comparison is not empty)


def test_the_notices_and_seeds_get_the_same_findings_with_and_without_the_shortcuts():
    paths = sorted((ROOT / "notices").rglob("*")) + sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*"))
    paths = [p for p in paths if p.suffix in {".yml", ".md", ".txt"}]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert findings(detect, text) == findings(reference_detect, text), path
        assert findings(detect, text, ["制作小火箭模型"]) == findings(reference_detect, text, ["制作小火箭模型"]), path


@pytest.mark.parametrize("seed", range(4))
def test_random_edits_get_the_same_findings_with_and_without_the_shortcuts(seed):
    rng = random.Random(seed)
    pieces = [r["run"] for r in RUNS] + [r["text"] for r in OFFICIAL] + [BEFORE, AFTER]
    for _ in range(150):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for _ in range(rng.randint(0, 8)):
            at = rng.randint(0, len(text))
            if rng.random() < 0.6:
                text = text[:at] + rng.choice(NOISE) + text[at:]
            else:
                text = text[:at] + text[at + rng.randint(1, 5) :]
        allow = ("澳门", "www.example.com") if rng.random() < 0.2 else ()
        assert findings(detect, text, allow) == findings(reference_detect, text, allow), text


@pytest.mark.parametrize("text", ["百 家 乐 与 v p n 及 a b", "x y z w 与 1 2", "博.彩·网", "发(fā)财 **加粗**",
                                  "<b>标签</b>", "甲\u200b乙", "繁體與ＦＵＬＬ　ｗｉｄｔｈ", "\ud800孤立", "𠀀超出",
                                  "\u346e字", "a b c"])
def test_the_fast_normalisation_reads_what_the_general_one_reads(text):
    fast, general = for_matching(text), for_matching(text, fast=False)
    assert (fast.text, fast.folded, fast.beyond_bmp) == (general.text, general.folded, general.beyond_bmp)
    assert np.array_equal(fast.index, general.index) and np.array_equal(fast.points, general.points)
    assert fast.points.dtype == general.points.dtype


def test_the_models_float64_scores_are_its_scores():
    scorer = model()
    for text in corpus_texts()[::5] + ["", "a", "𠀀甲", "\n\n"]:
        norm = for_matching(text)
        slow = scorer.scores_of(norm.points, norm.beyond_bmp).astype(np.float64)
        assert scorer.scores64(norm.points, norm.beyond_bmp).tobytes() == slow.tobytes(), text



def test_a_long_lines_best_stretch_is_the_same_integers_as_summed_one_by_one():
    import math

    from generator.check.spam import _SCALE, _stretch_bound

    def one_by_one(values: list[float]) -> float:
        best = running = 0
        for value in values:
            running = max(running, 0) + math.ceil(value * _SCALE)
            best = max(best, running)
        return best / _SCALE

    rng = np.random.default_rng(11)
    for trial in range(400):
        values = rng.normal(rng.normal(-1, 1), rng.uniform(0.1, 5), int(rng.integers(0, 300)))
        values = values.astype(np.float32 if trial % 2 else np.float64)
        assert _stretch_bound(values) == one_by_one(values.tolist()), trial

def test_two_ads_with_an_official_line_between_them_are_two_findings():
    # read without the quiet line between them, the two ad lines were neighbours and one finding took all three
    # lines, the official one included: deleting it would have deleted the official sentence
    text = ("低门槛、无抵押、快速放款\n为了丰富党员干部职工文化生活，区工会在“三余书屋”组织开展喜迎中秋系列活动。\n"
            "在线午夜_久久爆操_久久高清免费视频_久久精品_中文字幕免费观看")
    expected = [(0, 12, "低门槛、无抵押、快速放款"),
                (52, 84, "在线午夜_久久爆操_久久高清免费视频_久久精品_中文字幕免费观看")]
    assert [(f.start, f.end, f.text) for f in detect(text)] == expected
    assert [(f.start, f.end, f.text) for f in reference_detect(text)] == expected


@pytest.mark.parametrize("text", ["a1官网" * 2000, "官网bat365" * 2000, "老虎机体验金洗码的" * 2000])
def test_thousands_of_repeated_ad_words_are_one_finding(text):
    # each repetition once grew over the whole run (and each hint searched the whole text for its clause): a pull
    # request of 10 KB of them took minutes; now the run is read once
    assert [(f.start, f.end) for f in detect(text)] == [(0, len(text))]


def test_a_line_is_measured_without_its_line_break_at_the_end_of_the_text_too():
    """A line reads as spam as a whole only from 20 characters on, its line break not counted: the 19 characters of
    a dev fake-documents run are the same line whether the text ends after its line break (what the shortcuts read
    of a longer text) or another line follows (found by random edits: the last line used to count its break)."""
    line = "志愿者证!保真!如图!大学生,你懂的来"
    assert len(line) == 19 and any(r["run"] == line and r["split"] == "dev" for r in RUNS)
    alone, followed = line + "\n", line + "\n" + AFTER
    assert findings(reference_detect, alone) == findings(reference_detect, followed) == findings(detect, followed)
    assert findings(detect, alone) == findings(reference_detect, alone)
