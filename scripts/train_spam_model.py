"""Rebuild generator/data/official_ngrams.json.gz, the character model of the spam check.

    .venv/bin/python scripts/train_spam_model.py          # write the model file
    .venv/bin/python scripts/train_spam_model.py --check  # exit 1 if the file is not what this script writes

Official side: the DEV split of tests/fixtures/spam_corpus/official.jsonl, the project's notices
(notices/**/*.yml string values and *.md) and the seed notices of tests/fixtures/seeds without their
injected spam. Spam side: the DEV split of spam_runs.jsonl, per category, and the words of
generator/data/spam_terms.yml. The TEST split is never read. The output is deterministic (sorted
keys, no timestamp in the gzip header).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ruamel.yaml import YAML  # noqa: E402

from generator.check.normalize import for_matching  # noqa: E402
from generator.check.spam_model import CATEGORIES, MODEL_FILE, count  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "spam_corpus"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
OUTPUT = ROOT / "generator" / Path(*MODEL_FILE)
# The runs injected into seed 000 (tests/test_spam.py), longest first.
SEED_SPAM = ("shadowrocketioshadowrocket节点都没有了s共享账号", "shadowrocket节点都没有了", "shadowrocketios共享账号")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def official_texts(exclude: set[str] = frozenset()) -> list[str]:
    texts = [r["text"] for r in read_jsonl(CORPUS / "official.jsonl") if r["split"] == "dev" and r["id"] not in exclude]
    for path in sorted((ROOT / "notices").rglob("*.yml")):
        texts += list(_strings(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))
    for path in sorted((ROOT / "notices").rglob("*.md")):
        texts += path.read_text(encoding="utf-8").splitlines()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for run in SEED_SPAM:
            text = text.replace(run, "")
        texts += text.splitlines()
    return [t for t in texts if t.strip()]


def spam_texts(exclude: set[str] = frozenset()) -> dict[str, list[str]]:
    by_category: dict[str, list[str]] = {cat: [] for cat in CATEGORIES}
    for r in read_jsonl(CORPUS / "spam_runs.jsonl"):
        if r["split"] == "dev" and r["id"] not in exclude:
            by_category[r["category"]].append(r["run"])
    vocabulary = YAML(typ="safe").load((ROOT / "generator" / "data" / "spam_terms.yml").read_text(encoding="utf-8"))
    for cat, data in vocabulary["categories"].items():
        by_category[cat] += [str(w) for w in (data.get("terms") or []) + (data.get("hints") or [])]
    return by_category


def train(exclude: set[str] = frozenset()) -> dict:
    """The model's counts; records whose id is in ``exclude`` are left out (cross-validation)."""
    normal = lambda texts: [for_matching(t).text for t in texts]  # noqa: E731
    return {
        "about": "character and pair counts of official prose and of spam; see scripts/train_spam_model.py",
        "official": count(normal(official_texts(exclude))),
        "spam": {cat: count(normal(texts)) for cat, texts in spam_texts(exclude).items()},
    }


def encode(data: dict) -> bytes:
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as out:
        out.write(raw)
    return buffer.getvalue()


def _strings(data) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = parser.parse_args()
    blob = encode(train())
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_bytes() == blob
        print("模型文件是最新的" if same else f"模型文件需要重新生成：{OUTPUT}")
        return 0 if same else 1
    OUTPUT.write_bytes(blob)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(blob) / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
