"""How well the spam check does on the labelled corpus, and how long it takes.

    .venv/bin/python scripts/benchmark_spam.py                 # dev figures, timing of 10,000 texts
    .venv/bin/python scripts/benchmark_spam.py --split test13 --texts 0 --list  # held out: once, at a round's end
    .venv/bin/python scripts/benchmark_spam.py --split dev --cv 5   # dev, each fold by a model trained without it
    .venv/bin/python scripts/benchmark_spam.py --texts 0 --list     # no timing; list every miss and false alarm (dev)
    .venv/bin/python scripts/benchmark_spam.py --split dev --loco --texts 0   # leave one collection out
    .venv/bin/python scripts/benchmark_spam.py --split dev --cv 5 --loco --texts 0 --before REV   # REV's check too

Per split: spam recall per category and overall (a run is blocked only if one error finding covers it
whole, from its first to its last non-space character, with the run put back between its ``before`` and
``after`` context), precision per category (findings labelled with a category that overlap a run of
that category, over all findings so labelled, false alarms on official text included), how much of the
surrounding official text the findings took, and the false-alarm rate on official paragraphs per genre
(a paragraph with any finding). Then the time to check N notice-sized texts (about 30 KB each) built
from the sample notices' text.

``--cv K`` folds DEV by page, and overstates what carries over to pages of new shapes: the vocabulary and the
weights were tuned by hand on the first three collections. ``--loco`` is the honest development measure: each of
the later collections of DEV (``COLLECTIONS``: the fourth to the fourteenth, read once as held-out sets before
they joined DEV) is checked by a model trained without it (the character model and the linear model, both from
``train_spam_model.train``), and the table sums them. ``--before REV`` also scores the
check of commit REV (its ``generator/check`` and its training script, read with ``git show``) on the same folds and
collections in the same run, and prints the two side by side.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.check import spam as spam_check  # noqa: E402
from generator.check.spam_model import CATEGORIES, Model  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "spam_corpus"
# dev (test2 and test3 joined it in issue 11's sixth round, test4 in the seventh, test5 in the eighth, test6 after the
# eighth, test7 after the ninth, test8 after the tenth, test9 after the eleventh, test10 after the twelfth, test11
# before the thirteenth, test12 after it, after each was read); test13: held out (the corpus README)
SPLITS = ("dev", "test13")
# The collections of DEV gathered after the vocabulary and the weights were tuned (the corpus README): id ranges of
# their spam runs and official paragraphs, both ends included.
COLLECTIONS = {
    "collection 4 (former test2)": (("s231", "s316"), ("o493", "o750")),
    "collection 5 (former test3)": (("s317", "s378"), ("o751", "o964")),
    "collection 6 (former test4)": (("s379", "s469"), ("o965", "o1217")),
    "collection 7 (former test5)": (("s470", "s544"), ("o1218", "o1435")),
    "collection 8 (former test6)": (("s545", "s666"), ("o1436", "o1717")),
    "collection 9 (former test7)": (("s667", "s757"), ("o1718", "o1972")),
    "collection 10 (former test8)": (("s758", "s865"), ("o1973", "o2242")),
    "collection 11 (former test9)": (("s866", "s909"), ("o2243", "o2420")),
    "collection 12 (former test10)": (("s910", "s960"), ("o2421", "o2627")),
    "collection 13 (former test11)": (("s961", "s1000"), ("o2628", "o2772")),
    "collection 14 (former test12)": (("s1001", "s1065"), ("o2773", "o3042")),
}
LABELS = {label: cat for cat, label in spam_check.vocabulary().labels.items()}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def category_of(finding) -> str | None:
    for label, cat in LABELS.items():
        if f"（{label}" in finding.reason or f"、{label}" in finding.reason:
            return cat
    return None  # a link or a hidden style


def spam_case(record: dict) -> tuple[str, int, int]:
    """The text to check and the [first, last] non-space characters of the run inside it."""
    before, run, after = record["before"], record["run"], record["after"]
    text = before + run + after
    first = len(before) + (len(run) - len(run.lstrip()))
    last = len(before) + len(run.rstrip()) - 1
    return text, first, last


class Arm:
    """A check to score: its ``detect``, its training script and its model class (this checkout's by default)."""

    def __init__(self, rev: str | None = None):
        sys.path.insert(0, str(ROOT / "scripts"))
        if rev is None:
            import train_spam_model

            self.detect, self.train, self.model = spam_check.detect, train_spam_model, Model
            return
        import importlib.util
        import subprocess
        import types

        from compare_spam import old_spam

        old = old_spam(rev)
        source = subprocess.run(["git", "show", f"{rev}:scripts/train_spam_model.py"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout
        spec = importlib.util.spec_from_loader("_old_train_spam_model", loader=None)
        assert spec is not None
        module: types.ModuleType = importlib.util.module_from_spec(spec)
        module.__file__ = str(ROOT / "scripts" / "train_spam_model.py")  # the corpus of this checkout
        exec(compile(source, f"{rev}:scripts/train_spam_model.py", "exec"), module.__dict__)
        self.detect, self.train, self.model = old.detect, module, sys.modules["_old_spam.spam_model"].Model


def evaluate(spam: list[dict], official: list[dict], scorer: Model | None = None, arm: Arm | None = None) -> dict:
    detect = arm.detect if arm else spam_check.detect
    result = {"runs": [], "official": [], "findings": []}
    for record in spam:
        text, first, last = spam_case(record)
        findings = detect(text, scorer=scorer)
        blocked = any(f.start <= first and f.end > last for f in findings)
        context = len(record["before"]) + len(record["after"])
        taken = sum(max(0, min(f.end, first) - f.start) + max(0, f.end - max(f.start, last + 1)) for f in findings)
        result["runs"].append({"id": record["id"], "category": record["category"], "blocked": blocked,
                               "context": context, "taken": taken, "findings": findings, "text": text})
        for f in findings:
            hit = f.start <= last and f.end > first
            result["findings"].append((category_of(f), hit and category_of(f) == record["category"]))
    for record in official:
        findings = detect(record["text"], scorer=scorer)
        result["official"].append({"id": record["id"], "genre": record["genre"], "findings": findings})
        result["findings"] += [(category_of(f), False) for f in findings]
    return result


def report(name: str, result: dict, listing: bool) -> None:
    runs, official = result["runs"], result["official"]
    print(f"\n## {name}\n")
    print("| category | runs | blocked | recall | findings | precision |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for cat in (*CATEGORIES, None):
        rows = [r for r in runs if cat is None or r["category"] == cat]
        # "all": every finding, links and hidden styles included
        found = [ok for c, ok in result["findings"] if cat is None or c == cat]
        blocked = sum(r["blocked"] for r in rows)
        precision = f"{100 * sum(found) / len(found):.1f} %" if found else "—"
        recall = f"{100 * blocked / len(rows):.1f} %" if rows else "—"
        print(f"| {cat or 'all'} | {len(rows)} | {blocked} | {recall} | {len(found)} | {precision} |")
    with_context = [r for r in runs if r["context"]]
    taken = sum(r["taken"] for r in with_context)
    context = sum(r["context"] for r in with_context)
    print(f"\nRuns with context: {len(with_context)}; findings took {taken} of their {context} context characters"
          f" ({100 * taken / max(1, context):.1f} %).\n")
    print("| genre | paragraphs | with an error | false-alarm rate |")
    print("| --- | ---: | ---: | ---: |")
    genres = sorted({r["genre"] for r in official})
    for genre in (*genres, None):
        rows = [r for r in official if genre is None or r["genre"] == genre]
        bad = sum(bool(r["findings"]) for r in rows)
        print(f"| {genre or 'all'} | {len(rows)} | {bad} | {100 * bad / max(1, len(rows)):.1f} % |")
    if listing:
        for r in runs:
            if not r["blocked"] or r["taken"]:
                spans = [(f.start, f.end, f.text) for f in r["findings"]]
                print(f"{'MISS' if not r['blocked'] else 'OVER'} {r['id']} {r['category']}: {r['text']!r} {spans}")
        for r in official:
            for f in r["findings"]:
                print(f"FALSE {r['id']} {r['genre']}: {f.text!r} {f.reason}")


def cross_validate(spam: list[dict], official: list[dict], folds: int, arm: Arm | None = None) -> dict:
    """Each fold of pages is checked by a model trained without it (the split is by URL)."""
    arm = arm or Arm()
    urls = sorted({r["url"] for r in spam + official})
    random.Random(0).shuffle(urls)
    fold_of = {url: i % folds for i, url in enumerate(urls)}
    merged = {"runs": [], "official": [], "findings": []}
    for k in range(folds):
        held = {r["id"] for r in spam + official if fold_of[r["url"]] == k}
        scorer = arm.model(arm.train.train(exclude=held))
        part = evaluate([r for r in spam if r["id"] in held], [r for r in official if r["id"] in held], scorer, arm)
        for key in merged:
            merged[key] += part[key]
    return merged


def in_range(record_id: str, bounds: tuple[str, str]) -> bool:
    first, last = bounds
    return record_id[0] == first[0] and int(first[1:]) <= int(record_id[1:]) <= int(last[1:])


def leave_collection_out(spam: list[dict], official: list[dict], parts: bool = True, arm: Arm | None = None) -> dict:
    """Each collection of ``COLLECTIONS`` checked by a model trained without it; the results summed (and each
    collection's table printed first when ``parts``)."""
    arm = arm or Arm()
    merged: dict = {"runs": [], "official": [], "findings": []}
    for name, (run_ids, paragraph_ids) in COLLECTIONS.items():
        runs = [r for r in spam if in_range(r["id"], run_ids)]
        paragraphs = [r for r in official if in_range(r["id"], paragraph_ids)]
        held = {r["id"] for r in runs + paragraphs}
        part = evaluate(runs, paragraphs, arm.model(arm.train.train(exclude=held)), arm)
        if parts:
            report(f"{name}: {len(runs)} runs, {len(paragraphs)} paragraphs, checked by a model trained without it",
                   part, False)
        for key in merged:
            merged[key] += part[key]
    return merged


def side_by_side(name: str, before: dict, after: dict, rev: str) -> None:
    """Runs blocked and paragraphs with an error, per category and genre, of two checks on the same records."""
    print(f"\n## {name}: {rev} and this checkout\n")
    print(f"| category | runs | blocked ({rev}) | blocked (this checkout) |")
    print("| --- | ---: | ---: | ---: |")
    for cat in (*CATEGORIES, None):
        rows = [[r for r in result["runs"] if cat is None or r["category"] == cat] for result in (before, after)]
        cells = [f"{sum(r['blocked'] for r in part)} "
                 f"({100 * sum(r['blocked'] for r in part) / max(1, len(part)):.1f} %)" for part in rows]
        print(f"| {cat or 'all'} | {len(rows[0])} | {cells[0]} | {cells[1]} |")
    print(f"\n| genre | paragraphs | with an error ({rev}) | with an error (this checkout) |")
    print("| --- | ---: | ---: | ---: |")
    for genre in (*sorted({r["genre"] for r in after["official"]}), None):
        rows = [[r for r in result["official"] if genre is None or r["genre"] == genre] for result in (before, after)]
        cells = [f"{sum(bool(r['findings']) for r in part)} "
                 f"({100 * sum(bool(r['findings']) for r in part) / max(1, len(part)):.1f} %)" for part in rows]
        print(f"| {genre or 'all'} | {len(rows[0])} | {cells[0]} | {cells[1]} |")


def notice_texts(count: int, size: int = 30_000) -> list[str]:
    """``count`` texts of about ``size`` UTF-8 bytes: the sample notices' paragraphs, shuffled."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_spam_model import SEED_SPAM

    paragraphs: list[str] = []
    for path in sorted((ROOT / "notices").rglob("*")) + sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")):
        if path.suffix in {".yml", ".md", ".txt"}:
            text = path.read_text(encoding="utf-8")
            for run in SEED_SPAM:  # official text only: seed 000 without its injected spam
                text = text.replace(run, "")
            paragraphs += [p for p in text.splitlines() if p.strip()]
    rng = random.Random(1)
    texts = []
    for _ in range(count):
        chosen, length = [], 0
        while length < size:
            paragraph = rng.choice(paragraphs)
            chosen.append(paragraph)
            length += len(paragraph.encode("utf-8")) + 1
        texts.append("\n".join(chosen))
    return texts


def timed(check, texts: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds ``check`` takes over ``texts`` (the vocabulary and the model loaded before), and how
    many texts have a finding."""
    check("预热")
    started, cpu = time.perf_counter(), time.process_time()
    flagged = sum(bool(check(t)) for t in texts)
    return time.perf_counter() - started, time.process_time() - cpu, flagged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "both"], default="dev",
                        help="dev (the default: the only split to tune on), the held-out one, or both")
    parser.add_argument("--cv", type=int, default=0, help="also score dev by K-fold cross-validation")
    parser.add_argument("--loco", action="store_true",
                        help="also score dev leaving one collection out (the fourth to the fourteenth: COLLECTIONS)")
    parser.add_argument("--before", metavar="REV",
                        help="also score commit REV's check by --cv and --loco, side by side")
    parser.add_argument("--texts", type=int, default=10_000, help="notice-sized texts to time (0: none)")
    parser.add_argument("--list", action="store_true", help="list misses, overreach and false alarms")
    parser.add_argument("--limit", type=int, default=0, help="only the first N records of each file (smoke test)")
    parser.add_argument("--against", metavar="REV", help="also time the check of commit REV (e.g. main), in turns")
    args = parser.parse_args()
    spam_records = read_jsonl(CORPUS / "spam_runs.jsonl")
    official_records = read_jsonl(CORPUS / "official.jsonl")
    splits = list(SPLITS) if args.split == "both" else [args.split]
    for split in splits:
        spam = [r for r in spam_records if r["split"] == split]
        official = [r for r in official_records if r["split"] == split]
        if not spam and not official:
            print(f"\n## {split}: no records yet")
            continue
        if args.limit:
            spam, official = spam[: args.limit], official[: args.limit]
        report(f"{split} ({len(spam)} spam runs, {len(official)} official paragraphs)",
               evaluate(spam, official), args.list)
        before = Arm(args.before) if args.before and split == "dev" else None
        if split == "dev" and args.cv:
            after_cv = cross_validate(spam, official, args.cv)
            report(f"dev, {args.cv}-fold cross-validation (each fold checked by a model trained without it)",
                   after_cv, args.list)
            if before:
                side_by_side(f"dev, {args.cv}-fold cross-validation", cross_validate(spam, official, args.cv, before),
                             after_cv, args.before)
        if split == "dev" and args.loco:
            after_loco = leave_collection_out(spam, official)
            numbers = " ".join(name.split()[1] for name in COLLECTIONS)
            report(f"dev, leave one collection out (collections {numbers}, each checked by a model trained without it)",
                   after_loco, args.list)
            if before:
                side_by_side("dev, leave one collection out", leave_collection_out(spam, official, False, before),
                             after_loco, args.before)
    if args.texts:
        texts = notice_texts(args.texts)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        if not args.against:
            elapsed, cpu, flagged = timed(spam_check.find_spam, texts)
            print(f"\nChecked {len(texts)} notice-sized texts ({mb:.0f} MB, {mb * 1e3 / len(texts):.0f} KB each) in "
                  f"{elapsed:.2f} s wall, {cpu:.2f} s CPU ({1e3 * elapsed / len(texts):.3f} ms per text); "
                  f"{flagged} with a finding.")
            print(f"Per 10,000 such texts: {elapsed * 1e4 / len(texts):.1f} s wall, "
                  f"{cpu * 1e4 / len(texts):.1f} s CPU.")
        else:
            from compare_spam import old_spam

            checks = {args.against: old_spam(args.against).find_spam, "this checkout": spam_check.find_spam}
            cpu = {name: 0.0 for name in checks}
            for check in checks.values():
                check("预热")
            # in turns, 10 texts at a time, each check first every other time: the other jobs of a shared machine
            # slow both alike
            for i in range(0, len(texts), 10):
                chunk = texts[i : i + 10]
                for name in list(checks)[:: 1 if i % 20 == 0 else -1]:
                    started = time.process_time()
                    for text in chunk:
                        checks[name](text)
                    cpu[name] += time.process_time() - started
            old_cpu, new_cpu = (v * 1e4 / len(texts) for v in cpu.values())
            print(f"\n{len(texts)} notice-sized texts ({mb:.0f} MB), both checks in turns, 10 texts at a time.")
            print(f"Per 10,000 such texts: {args.against} {old_cpu:.1f} s CPU, this checkout {new_cpu:.1f} s CPU: "
                  f"{old_cpu / new_cpu:.2f} times as fast.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
