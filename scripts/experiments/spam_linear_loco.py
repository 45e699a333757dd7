"""Experiment (issue 11's next step, not part of the check): how well a linear classifier over character n-grams
tells spam runs from official paragraphs on pages of new shapes, leave one collection out.

    pip install scikit-learn   # the check does not use it (its training script does: the test and train extras)
    .venv/bin/python scripts/experiments/spam_linear_loco.py

Each of the later collections of DEV (``benchmark_spam.COLLECTIONS``) is scored by a logistic regression trained on
the rest of DEV: spam runs against official paragraphs and the official context around runs, all normalised as the
check normalises (``normalize.for_matching``; digits and Latin letters folded to one symbol each). A run counts as
flagged when its whole text scores at or above the threshold, a paragraph as a false alarm likewise. This is an
easier task than the benchmark's (there a run must be found and covered whole inside its page's text), so the
figures bound what the signal could bring; they are not the check's. The held-out split is never read.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

try:
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression
except ImportError:
    sys.exit("这个实验需要 scikit-learn：.venv/bin/pip install scikit-learn")

import numpy as np  # noqa: E402
from benchmark_spam import COLLECTIONS, CORPUS, read_jsonl  # noqa: E402

from generator.check.normalize import for_matching  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def folded(text: str) -> str:
    return re.sub(r"[a-z]", "a", re.sub(r"[0-9]", "0", for_matching(text).text))


def number(record_id: str) -> int:
    return int(record_id[1:])


def main() -> int:
    runs = [r for r in read_jsonl(CORPUS / "spam_runs.jsonl") if r["split"] == "dev"]
    paragraphs = [p for p in read_jsonl(CORPUS / "official.jsonl") if p["split"] == "dev"]
    run_text = {r["id"]: folded(r["run"]) for r in runs}
    context = {r["id"]: [folded(side) for side in (r.get("before", ""), r.get("after", "")) if len(side) >= 10]
               for r in runs}
    paragraph_text = {p["id"]: folded(p["text"]) for p in paragraphs}
    for ngrams in ((1, 3), (1, 4)):
        vectorizer = HashingVectorizer(analyzer="char", ngram_range=ngrams, n_features=2**20, alternate_sign=False)
        flagged = dict.fromkeys(THRESHOLDS, 0)
        alarms = dict.fromkeys(THRESHOLDS, 0)
        total_runs = total_paragraphs = 0
        for (first_run, last_run), (first_paragraph, last_paragraph) in COLLECTIONS.values():
            out_runs = [i for i in run_text if number(first_run) <= number(i) <= number(last_run)]
            out_paragraphs = [i for i in paragraph_text
                              if number(first_paragraph) <= number(i) <= number(last_paragraph)]
            train_runs = [run_text[i] for i in run_text if i not in out_runs]
            negatives = ([paragraph_text[i] for i in paragraph_text if i not in out_paragraphs]
                         + [side for i in run_text if i not in out_runs for side in context[i]])
            model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
            model.fit(vectorizer.transform(train_runs + negatives), [1] * len(train_runs) + [0] * len(negatives))
            run_scores = model.predict_proba(vectorizer.transform([run_text[i] for i in out_runs]))[:, 1]
            paragraph_scores = model.predict_proba(vectorizer.transform([paragraph_text[i] for i in out_paragraphs]))
            for threshold in THRESHOLDS:
                flagged[threshold] += int(np.sum(run_scores >= threshold))
                alarms[threshold] += int(np.sum(paragraph_scores[:, 1] >= threshold))
            total_runs += len(out_runs)
            total_paragraphs += len(out_paragraphs)
        print(f"character {ngrams[0]}-{ngrams[1]}-grams, leave one collection out ({len(COLLECTIONS)} collections, "
              f"{total_runs} runs, {total_paragraphs} paragraphs)")
        print("| threshold | runs flagged whole | paragraphs flagged |")
        print("| ---: | ---: | ---: |")
        for threshold in THRESHOLDS:
            print(f"| {threshold} | {100 * flagged[threshold] / total_runs:.1f} % | "
                  f"{100 * alarms[threshold] / total_paragraphs:.1f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
