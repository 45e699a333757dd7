"""How well does `notices import` read real published notices? Per-field accuracy on the import corpus.

Run (from the repository root, after `bash scripts/setup`):

    .venv/bin/python scripts/benchmark_import.py              # dev split (tune on this one only)
    .venv/bin/python scripts/benchmark_import.py --split test  # the held-out split: report it, do not tune on it
    .venv/bin/python scripts/benchmark_import.py -v            # also every wrong field of every text

The corpus is tests/fixtures/import_corpus/: NAME.txt (the text as published, most truncated at ~660
characters) and NAME.expected.yml (hand-labelled values; see INDEX.md there). Each text is imported in
process with `import_notice`; each field is compared with the expected value. A field the labels leave out
is expected to be absent (a value starting with the draft placeholder counts as absent). Fields:
title, publisher, region, published, source, kind, inspection.team/start/end/feedback, figures (the
numeric totals; `other` is not compared), aspects (numbers and titles), problems (numbers, titles, aspects:
the whole list must match), contact (phone, email, address). Also counted: tracebacks (an ImportFailed
caused by an exception of ours), failed imports, and fake problems (problems found in a text whose
labels say it has no problem list).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "import_corpus"
sys.path.insert(0, str(ROOT))

from generator.importing.importer import ImportFailed, import_notice  # noqa: E402
from generator.model.notice import PLACEHOLDER  # noqa: E402

FIELDS = ("title", "publisher", "region", "published", "source", "kind", "inspection.team", "inspection.start",
          "inspection.end", "inspection.feedback", "figures", "aspects", "problems", "contact")
FIGURE_KEYS = ("problems", "aspects", "problems_done", "measures")


def load_expected(name: str) -> dict:
    return YAML(typ="safe").load((CORPUS / f"{name}.expected.yml").read_text(encoding="utf-8"))


def names(split: str | None = None) -> list[str]:
    found = sorted(p.name.removesuffix(".expected.yml") for p in CORPUS.glob("*.expected.yml"))
    return [n for n in found if split is None or load_expected(n).get("split") == split]


def _clean(value):
    if isinstance(value, str) and value.startswith(PLACEHOLDER):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value if value not in ("", [], {}) else None


def field_value(data: dict, field: str):
    """The comparable value of ``field`` in a notice (expected labels or imported draft)."""
    if field.startswith("inspection."):
        return _clean((data.get("inspection") or {}).get(field.split(".", 1)[1]))
    if field == "figures":
        figures = data.get("figures") or {}
        return _clean({k: figures[k] for k in FIGURE_KEYS if figures.get(k) is not None})
    if field == "aspects":
        return _clean([(a.get("number"), a.get("title")) for a in data.get("aspects") or []])
    if field == "problems":
        return _clean([(p.get("number"), p.get("title"), p.get("aspect")) for p in data.get("problems") or []])
    if field == "contact":
        contact = data.get("contact") or {}
        return _clean({k: str(contact[k]) for k in ("phone", "email", "address") if contact.get(k)})
    return _clean(data.get(field))


def compare(name: str) -> dict:
    """{field: (expected, got)} for every field, plus '_error' when the import failed."""
    expected = load_expected(name)
    try:
        notice = import_notice(CORPUS / f"{name}.txt").notice
        error = None
    except ImportFailed as exc:
        notice, error = {}, exc
    result = {f: (field_value(expected, f), field_value(notice, f)) for f in FIELDS}
    result["_error"] = error
    result["_fake_problems"] = not expected.get("has_problem_list") and bool(notice.get("problems"))
    return result


def run(split: str, verbose: bool) -> int:
    chosen = names(split)
    right = dict.fromkeys(FIELDS, 0)
    tracebacks = failed = fake = exact = with_list = 0
    for name in chosen:
        result = compare(name)
        error = result["_error"]
        if error is not None:
            failed += 1
            tracebacks += error.__cause__ is not None and not isinstance(error.__cause__, ImportFailed)
            print(f"{name}: 导入失败：{error}")
        fake += result["_fake_problems"]
        for f in FIELDS:
            want, got = result[f]
            if want == got:
                right[f] += 1
            elif verbose:
                print(f"{name}: {f}: expected {want!r}, got {got!r}")
        if load_expected(name).get("has_problem_list"):
            with_list += 1
            exact += result["problems"][0] == result["problems"][1]
    total = len(chosen)
    print(f"split {split}: {total} texts")
    for f in FIELDS:
        print(f"  {f:<22} {right[f]:>3}/{total}  {100 * right[f] / total:5.1f}%")
    all_right = sum(right.values())
    print(f"  {'all fields':<22} {all_right:>3}/{total * len(FIELDS)}  {100 * all_right / (total * len(FIELDS)):5.1f}%")
    print(f"  problem list exact     {exact}/{with_list} (texts with a problem list)")
    print(f"  fake problems          {fake} (texts without a problem list that got problems)")
    print(f"  failed imports         {failed}, tracebacks {tracebacks}")
    return 1 if tracebacks else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    return run(args.split, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
