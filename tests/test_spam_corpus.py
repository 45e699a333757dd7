"""The spam check on a fixed sample of the real corpus (tests/fixtures/spam_corpus) and on the seed notices.

The sample is taken from the DEV split, which the model is trained on: these tests pin behaviour (exact
spans an editor deletes, no error on official text); the held-out figures come from scripts/benchmark_spam.py.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check.spam import detect, find_spam
from generator.check.spam_model import Model

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "spam_corpus"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
RUNS = {r["id"]: r for r in map(json.loads, (CORPUS / "spam_runs.jsonl").read_text(encoding="utf-8").splitlines())}
OFFICIAL = {r["id"]: r for r in map(json.loads, (CORPUS / "official.jsonl").read_text(encoding="utf-8").splitlines())}

# An official sentence of a notice, cut where a run is injected (as in seed 000).
BEFORE = "按照巡察整改工作要求，区住建局建立问题清单、任务清单、责任清单，"
AFTER = "确保整改措施落实到位。"

LABELS = {"vpn": "VPN/翻墙推广", "gambling": "赌博推广", "adult": "色情推广",
          "fake_documents": "办证/代开发票推广", "loan": "贷款推广"}
SAMPLE = {
    "vpn": ["s014", "s039", "s045", "s103"],
    "gambling": ["s015", "s067", "s074", "s129"],
    "adult": ["s124", "s125", "s126"],
    "fake_documents": ["s037", "s086", "s163"],
    "loan": ["s057", "s064", "s132", "s174"],
}
SEED_000_RUNS = ["shadowrocket节点都没有了", "shadowrocketios共享账号",
                 "shadowrocketioshadowrocket节点都没有了s共享账号"]


def spans(findings) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.text) for f in findings]


def test_the_corpus_is_valid_and_split():
    result = subprocess.run([sys.executable, str(CORPUS / "validate.py")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip().endswith("VALID"), result.stdout + result.stderr
    # test2 and test3 joined dev (sixth round), test4 in the seventh, test5 in the eighth, test6 after the eighth,
    # test7 after the ninth, test8 after the tenth, test9 after the eleventh, test10 after the twelfth, test11 before
    # the thirteenth round, test12 after it; test13 is held out (empty until its collection is merged)
    assert {r["split"] for r in RUNS.values()} <= {"dev", "test13"}


# Runs the check misses today inside an official sentence. Strict: the test fails the day it finds them again.
KNOWN_MISSES = {
    # since the model was retrained on the larger dev (test4 joined it, 2026-12-02) this SEO title scores just under
    # LOCAL_TOTAL inside a sentence (on its own it is still flagged whole); a lower LOCAL_TOTAL raised the LOCO false
    # alarms (2.1 % → 2.9 % at 30) without blocking one more run, so the threshold stays. The two models' runs find it
    # whole at a LINEAR_TOTAL of 20, which raised the LOCO false alarms from 4.1 % to 4.8 % (2026-12-02).
    "s086": "an SEO title with no vocabulary word, inside an official sentence, scores under LOCAL_TOTAL",
}
# Official paragraphs the check raises an error on today. Strict: the test fails the day it stops.
KNOWN_FALSE_ALARMS = {
    # since the models learnt the thirteenth collection (test11 joined dev, 2026-12-03): the Macau gaming regulator's
    # 利用澳門娛樂場幸運博彩活動 is read as a casino's advertisement (the thirteenth round's clause rule mended it
    # and was taken out in review: it let ads injected beside 依法, 监管 through)
    "o001": "利用澳門娛樂場 of the Macau regulator's own sentence is flagged as gambling promotion",
}


@pytest.mark.parametrize("category,record", [
    pytest.param(c, r, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[r])) if r in KNOWN_MISSES else (c, r)
    for c, ids in SAMPLE.items() for r in ids])
def test_a_run_injected_into_an_official_sentence_is_flagged_exactly(category, record):
    run = RUNS[record]
    assert run["category"] == category and run["split"] == "dev"
    text = BEFORE + run["run"] + AFTER
    findings = find_spam(text)
    assert spans(findings) == [(len(BEFORE), len(BEFORE) + len(run["run"]), run["run"])]
    assert findings[0].reason.startswith(f"疑似植入的广告文字“{run['run']}”（{LABELS[category]}")
    # deleting exactly what the message names leaves the official sentence, and it is clean
    assert find_spam(text[: findings[0].start] + text[findings[0].end :]) == []


@pytest.mark.parametrize("record", [r for ids in SAMPLE.values() for r in ids])
def test_a_run_on_its_own_is_flagged_whole(record):
    run = RUNS[record]["run"]
    assert spans(find_spam(run)) == [(0, len(run), run)]


def test_a_run_with_its_page_context_is_covered():
    run = RUNS["s129"]  # a gambling footer right after copied police text
    text = run["before"] + run["run"] + run["after"]
    start = len(run["before"])
    [finding] = find_spam(text)
    assert finding.start == start and finding.end >= start + len(run["run"])
    assert text[finding.start : finding.end].startswith("Powered by 牌九游戏")


@pytest.mark.parametrize("record", [
    pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=KNOWN_FALSE_ALARMS[r]))
    if r in KNOWN_FALSE_ALARMS else r
    for r in ["o001", "o003", "o005", "o038", "o042", "o140", "o141", "o143", "o158", "o116", "o218", "o221", "o227",
              "o097", "o103", "o261"]])
def test_official_text_about_spam_topics_raises_nothing(record):
    """Police reports naming the game or the VPN as the crime, product names in Latin letters, contacts."""
    assert OFFICIAL[record]["split"] == "dev"
    assert find_spam(OFFICIAL[record]["text"]) == []


def test_the_seeds_official_text_raises_nothing():
    assert find_spam((SEEDS / "001_bef52ce6328c5e71.txt").read_text(encoding="utf-8")) == []
    text = (SEEDS / "000_eb92022e2d7c0fef.txt").read_text(encoding="utf-8")
    for run in sorted(SEED_000_RUNS, key=len, reverse=True):
        text = text.replace(run, "")
    assert find_spam(text) == []
    for path in sorted((ROOT / "notices").rglob("*")):
        if path.suffix in {".yml", ".md"}:
            assert find_spam(path.read_text(encoding="utf-8")) == [], path


def test_seed_000s_three_runs_are_each_flagged_whole():
    text = (SEEDS / "000_eb92022e2d7c0fef.txt").read_text(encoding="utf-8")
    flagged = [f.text for f in find_spam(text)]
    for run in SEED_000_RUNS:
        assert run in flagged
    assert len(flagged) == 4  # the first run occurs twice


def test_the_model_file_is_what_the_training_script_writes():
    result = subprocess.run([sys.executable, "scripts/train_spam_model.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "模型文件是最新的\n"
    assert (ROOT / "generator" / "data" / "official_ngrams.json.gz").stat().st_size < 1024 * 1024
    assert (ROOT / "generator" / "data" / "spam_linear.json.gz").stat().st_size < 256 * 1024


def test_the_check_of_the_linear_weights_allows_one_rounding_step_and_no_more():
    """Another processor's solver may end a digit apart: a weight one rounding step off, or one at the edge of KEEP
    missing, is still the script's file; a weight further off, or a different bias, is not."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_spam_model as train

    path = train.LINEAR_OUTPUT
    committed = json.loads(gzip.decompress(path.read_bytes()))
    gram, weight = next((g, w) for g, w in committed["bigrams"].items() if abs(w) > 0.2)
    edge = next(g for g, w in committed["unigrams"].items() if abs(w) <= train.KEEP + 1e-9)

    def changed(change) -> bytes:
        data = json.loads(json.dumps(committed))
        change(data)
        return train.encode(data)

    assert train._same(path, path.read_bytes())
    assert train._same(path, changed(lambda d: d["bigrams"].update({gram: round(weight + 0.01, 2)})))
    assert train._same(path, changed(lambda d: d["unigrams"].pop(edge)))
    assert not train._same(path, changed(lambda d: d["bigrams"].update({gram: round(weight + 0.03, 2)})))
    assert not train._same(path, changed(lambda d: d["bigrams"].pop(gram)))
    assert not train._same(path, changed(lambda d: d.update(bias=d["bias"] + 0.05)))
    assert not train._same(train.OUTPUT, train.encode({"unigrams": {}, "bigrams": {}}))


def test_soft_ad_copy_the_model_never_saw_is_flagged_as_a_paragraph():
    """A fake-documents ad written as advice, with no vocabulary word and no sentence scoring 14: checked by a model
    trained without it (as in cross-validation), the paragraph as a whole reads as spam."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_spam_model

    run = RUNS["s038"]["run"]
    assert run.startswith("在天津办理证件制作时") and RUNS["s038"]["split"] == "dev"
    scorer = Model(train_spam_model.train(exclude={"s038"}))
    findings = detect(run, scorer=scorer)
    assert spans(findings) == [(0, len(run), run)]
    assert detect(BEFORE + AFTER, scorer=scorer) == []


@pytest.mark.xfail(strict=True, reason="since test8 joined dev (2026-12-03) the model trained without s038 reads "
                   "无论是 as a site's name before the site word 官方, so the message adds 赌博推广")
def test_soft_ad_copys_message_names_only_its_category():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_spam_model

    run = RUNS["s038"]["run"]
    findings = detect(run, scorer=Model(train_spam_model.train(exclude={"s038"})))
    assert [f.reason for f in findings] == [f"疑似植入的广告文字“{run}”（{LABELS['fake_documents']}）"]


def test_the_model_learns_official_prose_from_the_import_corpus_but_not_its_hacked_mirrors():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_spam_model

    texts = set(train_spam_model.official_texts())
    imported = ROOT / "tests" / "fixtures" / "import_corpus"
    # a metadata line of an official page (the importer's spam pass once took it for an ad)
    assert "编辑:岳纪宣 发表时间:2021-11-05 10:56 来源:巴陵风纪网" in texts
    mirror = (imported / "lugang-xuncha-spam-mirror.txt").read_text(encoding="utf-8")
    assert "金沙js6666手机版下载" in mirror
    assert not any("金沙js6666手机版下载" in t for t in texts)


def test_a_sites_name_grows_over_the_neighbours_both_models_read_as_spam():
    """The entry word 官网 ends the name the vocabulary finds; the 版 after it, read as spam by both models (the linear
    one by 2 or more), joins it: the run s630 is covered whole, and the official 2022年10月13日上午 stays out."""
    run = RUNS["s630"]
    text = run["before"] + run["run"] + run["after"]
    start = len(run["before"])
    [finding] = find_spam(text)
    assert (finding.start, finding.end, finding.text) == (start, start + len("威斯尼斯人官网版"), "威斯尼斯人官网版")
    assert finding.reason == "疑似植入的广告文字“威斯尼斯人官网版”（赌博推广）"
    # a vocabulary term does not grow so: 制作, read as official by the linear model, stays outside
    assert [f.text for f in find_spam("科技馆开展制作小火箭模型科普活动")] == ["小火箭"]
