"""The spam check of this checkout against that of another commit (default ``main``): the same findings?

    .venv/bin/python scripts/compare_spam.py                      # every case below; exit 1 on any difference
    .venv/bin/python scripts/compare_spam.py --random 3000        # more random edits
    .venv/bin/python scripts/compare_spam.py --captured FILE      # also the texts in FILE (JSON lines: text, allow),
                                                                  # e.g. written by capture_spam_texts.py in a test run

The old ``normalize.py``, ``spam_model.py`` and ``spam.py`` are read with ``git show REV:…`` into a package of
their own, with the data files of this checkout (the vocabulary and the model are the same for both). Cases: every
DEV record of the spam corpus (its run alone, with its page context, inside an official sentence) and every official
paragraph, the sample notices and seeds, 30 texts of the speed benchmark, and random edits of these (runs put into
official text, characters removed, spacing, entities, markup, invisible, full-width, traditional and beyond-BMP
characters, line breaks, keyword-list marks, links) — each also checked with an allow-list. Both checks see the
same texts; a finding differs if its start, end, text or message differs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from generator.check import spam as new_spam  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "spam_corpus"
MODULES = ("normalize", "spam_model", "spam")


def old_spam(rev: str) -> types.ModuleType:
    """``generator.check.spam`` as it is at ``rev``, its imports of normalize and spam_model pointed at ``rev``'s."""
    package = types.ModuleType("_old_spam")
    package.__path__ = []
    sys.modules["_old_spam"] = package
    module = None
    for name in MODULES:
        source = subprocess.run(["git", "show", f"{rev}:generator/check/{name}.py"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout
        for other in MODULES:
            source = source.replace(f"generator.check.{other} ", f"_old_spam.{other} ")
        spec = importlib.util.spec_from_loader(f"_old_spam.{name}", loader=None)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        exec(compile(source, f"{rev}:generator/check/{name}.py", "exec"), module.__dict__)
    assert module is not None
    return module


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


BEFORE = "按照巡察整改工作要求，区住建局建立问题清单、任务清单、责任清单，"
AFTER = "确保整改措施落实到位。"
NOISE = [" ", "  ", "\u3000", "\t", ".", "·", "*", "**", "\u200b", "\u00ad", "&amp;", "&#x4e00;", "&nbsp;", "<b>",
         "</b>", "<span style=\"display:none\">", "\n", "\n\n", "_", "|", "@", "-", " i ", "(fā)", "（", "）", "，",
         "。", "！", "；", "Ａ", "ｖｐｎ", "澳門", "娛樂", "𠀀", "\U0001f600", "\u346e", "ꜱ", "а", "www.example.com",
         "https://x.gov.cn/a", "qq:12345678", "微信：abcdef1", "400-123-4567", "user12 2023-01-02", "a b c d",
         "v p n", "百 家 乐", "博.彩", "Word", "WiFi", "shadowrocket", "bet365", "资金", "费用", "贷款", "办理"]


def cases(limit_texts: int, random_edits: int, seed: int) -> list[tuple[str, tuple[str, ...]]]:
    import benchmark_spam

    # the DEV split only: the held-out split is read once, by benchmark_spam.py, never here
    runs = [r for r in read_jsonl(CORPUS / "spam_runs.jsonl") if r["split"] == "dev"]
    official = [r for r in read_jsonl(CORPUS / "official.jsonl") if r["split"] == "dev"]
    texts: list[str] = []
    for r in runs:
        texts += [r["run"], r["before"] + r["run"] + r["after"], BEFORE + r["run"] + AFTER]
    texts += [r["text"] for r in official]
    for path in sorted((ROOT / "notices").rglob("*")) + sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*")):
        if path.suffix in {".yml", ".md", ".txt"}:
            texts.append(path.read_text(encoding="utf-8"))
    texts += benchmark_spam.notice_texts(limit_texts)
    rng = random.Random(seed)
    pieces = [r["run"] for r in runs] + [r["text"] for r in official] + [BEFORE, AFTER]
    for _ in range(random_edits):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for _ in range(rng.randint(0, 8)):
            at = rng.randint(0, len(text))
            action = rng.random()
            if action < 0.5:
                text = text[:at] + rng.choice(NOISE) + text[at:]
            elif action < 0.7:
                text = text[:at] + text[at + rng.randint(1, 5):]
            elif action < 0.85:
                text = text[:at] + rng.choice(pieces) + text[at:]
            else:
                text = text[:at] + rng.choice(pieces)[: rng.randint(1, 20)] + text[at:]
        texts.append(text)
    allows = [(), ("制作小火箭模型",), ("澳门", "www.example.com")]
    return [(t, ()) for t in texts] + [(t, allows[1 + i % 2]) for i, t in enumerate(texts[::7])]


def key(findings) -> list[tuple[int, int, str, str]]:
    return [(f.start, f.end, f.text, f.reason) for f in findings]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="main", help="the commit to compare with (default main)")
    parser.add_argument("--texts", type=int, default=30, help="benchmark texts among the cases")
    parser.add_argument("--random", type=int, default=2000, help="random edits among the cases")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--captured", type=Path, help="JSON lines of texts (and allow lists) to add")
    args = parser.parse_args()
    old = old_spam(args.rev)
    todo = cases(args.texts, args.random, args.seed)
    if args.captured:
        todo += [(r["text"], tuple(r.get("allow") or ())) for r in read_jsonl(args.captured)]
    different = 0
    for i, (text, allow) in enumerate(todo):
        before = key(old.find_spam(text, allow))
        after = key(new_spam.find_spam(text, allow))
        reference = key(new_spam.reference_detect(text, allow))
        if not before == after == reference:
            different += 1
            if different <= 5:
                print(f"DIFFERENT #{i}: {text[:120]!r} allow={allow}\n  {args.rev}: {before}\n  now: {after}\n"
                      f"  reference: {reference}")
    flagged = sum(1 for text, allow in todo if new_spam.find_spam(text, allow))
    print(f"{len(todo)} texts ({flagged} with a finding), {different} with different findings "
          f"({args.rev} against this checkout, fast and reference).")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
