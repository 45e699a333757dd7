"""How well does `notices import` read real published notices? Per-field accuracy on the import corpus.

Run (from the repository root, after `bash scripts/setup`):

    .venv/bin/python scripts/benchmark_import.py              # dev split (tune on this one only)
    .venv/bin/python scripts/benchmark_import.py --split test13 # held out: read it once, at the end of a round
    .venv/bin/python scripts/benchmark_import.py -v            # also every wrong field of every text
    .venv/bin/python scripts/benchmark_import.py --names FILE  # only the texts FILE names (one a line), e.g. the
                                                               # rows of INDEX.md marked "dev (former test4)"
    .venv/bin/python scripts/benchmark_import.py --split test12 --against main  # the importer of commit main too,
                                                               # on the same texts in the same run, side by side

The corpus is tests/fixtures/import_corpus/: NAME.txt (the text as published, most truncated at ~660
characters) and NAME.expected.yml (hand-labelled values; see INDEX.md there). Each text is imported in
process with `import_notice`; each field is compared with the expected value. A field the labels leave out
is expected to be absent (a value starting with the draft placeholder counts as absent). Fields:
title, publisher, region, published, source, kind, inspection.team/start/end/feedback, figures (the
numeric totals; `other` is not compared), aspects (numbers and titles), problems (numbers, titles, aspects:
the whole list must match), contact (phone, email, address). Also counted: tracebacks (an ImportFailed
caused by an exception of ours), failed imports, and fake problems (problems found in a text whose
labels say it has no problem list).

    .venv/bin/python scripts/benchmark_import.py --html   # body extraction from saved pages: ours against trafilatura

The HTML set is tests/fixtures/import_html/ (see README.md there): real saved pages with their 政务公开 block. The
body a reader should get is the text of the page's own content element (id UCAP-CONTENT, the site's CMS marks
it); each extractor's text is compared with it character by character (precision: how much of what it kept is
body, recall: how much of the body it kept) and paragraph by paragraph (the body's <p> that come out as a line
of their own: the outline reader needs them). trafilatura (pip install trafilatura) is measured when installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "import_corpus"
# --against REV runs this script again with REV's generator/ (from git archive) first on the path: CODE_ROOT
CODE_ROOT = os.environ.get("BENCHMARK_IMPORT_CODE", str(ROOT))
sys.path.insert(0, CODE_ROOT)

from generator.importing.importer import ImportFailed, import_notice  # noqa: E402
from generator.model.notice import PLACEHOLDER  # noqa: E402

# The held-out splits read once and since joined to dev (INDEX.md), and the one held out now
JOINED_SPLITS = ("test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10",
                 "test11", "test12")
HELD_OUT = "test13"
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


def chosen_texts(split: str, only: list[str] | None) -> list[str] | None:
    """The texts of ``split`` (those ``only`` names, with --names FILE), or None after saying why there are none."""
    chosen = names(split)
    if only is not None:  # --names FILE: the texts of the split that the file names
        unknown = sorted(set(only) - set(names()))
        if unknown:
            print(f"--names: 语料中没有这些文本：{'、'.join(unknown)}")
            return None
        chosen = [n for n in chosen if n in only]
        if not chosen:
            print(f"--names: 所列文本都不在 split {split} 中")
            return None
    return chosen


def score_row(name: str, result: dict) -> dict[str, bool]:
    """{field: right?, "problem list": exact? (texts with one), "fake problems": …, "failed": …} of one text."""
    row = {f: result[f][0] == result[f][1] for f in FIELDS}
    if load_expected(name).get("has_problem_list"):
        row["problem list"] = row["problems"]
    row["fake problems"] = result["_fake_problems"]
    row["failed"] = result["_error"] is not None
    return row


def run(split: str, verbose: bool, only: list[str] | None = None) -> int:
    chosen = chosen_texts(split, only)
    if chosen is None:
        return 2
    if not chosen:
        joined = split in JOINED_SPLITS
        print(f"split {split}: " + ("no texts (it joined dev after it was read)" if joined else "no texts yet"))
        return 0
    right = dict.fromkeys(FIELDS, 0)
    tracebacks = failed = fake = exact = with_list = 0
    for name in chosen:
        result = compare(name)
        row = score_row(name, result)
        error = result["_error"]
        if error is not None:
            tracebacks += error.__cause__ is not None and not isinstance(error.__cause__, ImportFailed)
            print(f"{name}: 导入失败：{error}")
        failed += row["failed"]
        fake += row["fake problems"]
        for f in FIELDS:
            right[f] += row[f]
            if verbose and not row[f]:
                print(f"{name}: {f}: expected {result[f][0]!r}, got {result[f][1]!r}")
        if "problem list" in row:
            with_list += 1
            exact += row["problem list"]
    total = len(chosen)
    print(f"split {split}: {total} texts" + (" (named in --names)" if only is not None else ""))
    for f in FIELDS:
        print(f"  {f:<22} {right[f]:>3}/{total}  {100 * right[f] / total:5.1f}%")
    all_right = sum(right.values())
    print(f"  {'all fields':<22} {all_right:>3}/{total * len(FIELDS)}  {100 * all_right / (total * len(FIELDS)):5.1f}%")
    print(f"  problem list exact     {exact}/{with_list} (texts with a problem list)")
    print(f"  fake problems          {fake} (texts without a problem list that got problems)")
    print(f"  failed imports         {failed}, tracebacks {tracebacks}")
    return 1 if tracebacks else 0


def scores(chosen: list[str]) -> dict[str, dict[str, bool]]:
    """{text: {field: right?, "problem list": exact?, "fake problems": …, "failed": …}} for each chosen text."""
    return {name: score_row(name, compare(name)) for name in chosen}


def against(rev: str, split: str, only: list[str] | None) -> int:
    """The importer of commit ``rev`` and this checkout's on the same texts, in the same run, side by side, and the
    fields of each text that one gets right and the other not."""
    chosen = chosen_texts(split, only)
    if chosen is None:
        return 2
    if not chosen:
        print(f"split {split}: no texts")
        return 0
    with tempfile.TemporaryDirectory() as code:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "generator"], capture_output=True)
        if archive.returncode != 0:
            print(f"--against: 读不到提交“{rev}”的 generator/：{archive.stderr.decode(errors='replace').strip()}")
            return 2
        subprocess.run(["tar", "-x", "-C", code], input=archive.stdout, check=True)
        theirs = subprocess.run([sys.executable, __file__, "--scores", *chosen], capture_output=True, text=True,
                                env={**os.environ, "BENCHMARK_IMPORT_CODE": code}, cwd=ROOT)
    if theirs.returncode != 0:
        print(f"--against: 提交“{rev}”的导入没有跑完：\n{theirs.stderr[-2000:]}")
        return 2
    before, after = json.loads(theirs.stdout), scores(chosen)
    print(f"split {split}: {len(chosen)} texts, the importer of {rev} and of this checkout")
    print(f"| field | right ({rev}) | right (this checkout) |")
    print("| --- | ---: | ---: |")
    for f in (*FIELDS, "problem list", "fake problems", "failed"):
        counted = [n for n in chosen if f in after[n]]
        print(f"| {f} | {sum(before[n].get(f, False) for n in counted)}/{len(counted)} "
              f"| {sum(after[n][f] for n in counted)}/{len(counted)} |")
    total = len(chosen) * len(FIELDS)
    print(f"| all fields | {sum(before[n][f] for n in chosen for f in FIELDS)}/{total} "
          f"| {sum(after[n][f] for n in chosen for f in FIELDS)}/{total} |")
    for name in chosen:
        gained = [f for f in FIELDS if after[name][f] and not before[name][f]]
        lost = [f for f in FIELDS if before[name][f] and not after[name][f]]
        if gained or lost:
            print(f"{name}: " + "; ".join(filter(None, [gained and "now right: " + " ".join(gained),
                                                        lost and "now wrong: " + " ".join(lost)])))
    return 0


HTML_SET = ROOT / "tests" / "fixtures" / "import_html"
BODY_ID = "UCAP-CONTENT"
META_FIELDS = (("索引号", "index_number"), ("发文机关", "publisher"), ("标题", "title"))


def _chars(text: str) -> Counter:
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def _squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def gold_body(markup: str) -> tuple[str, list[str]]:
    """(the body's text, its paragraphs) from the page's own content element."""
    from bs4 import BeautifulSoup

    body = BeautifulSoup(markup, "html.parser").find(id=BODY_ID)
    paragraphs = [_squeezed(p.get_text()) for p in body.find_all("p")] if body else []
    return (body.get_text("\n") if body else ""), [p for p in paragraphs if p]


def ours(markup: str) -> tuple[str, dict[str, str]]:
    """The text the importer keeps as the notice (title and paragraphs), and the page information it found."""
    from generator.importing.html import html_to_text
    from generator.importing.page import clean_lines, split_page

    html = html_to_text(markup)
    page = split_page(clean_lines(html.text), html.meta)
    return "\n".join(([page.title] if page.title else []) + page.paragraphs), page.meta


def _kept_whole(index: int, paragraphs: list[str], lines: list[str]) -> bool:
    """The body's paragraph ``index`` is a line of the output, or lines in a row join to it (the page's own <br>),
    or it and its neighbours in a row join to one line (a title over two <p> read as one); a paragraph cut off
    or run into the text around it is not kept whole."""
    paragraph = paragraphs[index]
    for start, line in enumerate(lines):
        if line == paragraph:
            return True
        if line and paragraph.startswith(line):
            joined = line
            for following in lines[start + 1:start + 6]:
                joined += following
                if joined == paragraph:
                    return True
                if not paragraph.startswith(joined):
                    break
        if paragraph in line:
            for first in range(max(0, index - 4), index + 1):
                for last in range(index + 1, min(len(paragraphs), first + 5) + 1):
                    if "".join(paragraphs[first:last]) == line:
                        return True
    return False


def extractors() -> dict:
    found = {"hand-written rules (generator/importing)": lambda markup: ours(markup)[0]}
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed: only the importer's own rules are measured")
        return found
    version = trafilatura.__version__
    for tables in (False, True):
        def run(markup: str, tables: bool = tables) -> str:
            return trafilatura.extract(markup, include_tables=tables, include_comments=False) or ""
        found[f"trafilatura {version}, include_tables={tables}"] = run
    return found


def run_html() -> int:
    pages = sorted(HTML_SET.glob("*.html"))
    print(f"HTML set: {len(pages)} saved pages ({HTML_SET.relative_to(ROOT)})")
    golds = {page: gold_body(page.read_text(encoding="utf-8")) for page in pages}
    for label, extract in extractors().items():
        kept = body = right = para_total = para_found = 0
        for page in pages:
            text, paragraphs = golds[page]
            got = extract(page.read_text(encoding="utf-8"))
            want, have = _chars(text), _chars(got)
            kept += sum(have.values())
            body += sum(want.values())
            right += sum((want & have).values())
            lines = [_squeezed(line) for line in got.splitlines()]
            para_total += len(paragraphs)
            para_found += sum(_kept_whole(i, paragraphs, lines) for i in range(len(paragraphs)))
        precision, recall = right / max(kept, 1), right / max(body, 1)
        print(f"  {label}")
        print(f"    characters: precision {100 * precision:5.1f}%  recall {100 * recall:5.1f}%  "
              f"(kept {kept:,}, body {body:,}, both {right:,})")
        print(f"    body paragraphs kept as a line of their own: {para_found}/{para_total}")
    right = dict.fromkeys((key for key, _ in META_FIELDS), 0)
    for page in pages:
        expected = YAML(typ="safe").load(page.with_suffix("").with_suffix(".expected.yml").read_text(encoding="utf-8"))
        meta = ours(page.read_text(encoding="utf-8"))[1]
        for key, field in META_FIELDS:
            right[key] += meta.get(key) == str(expected[field])
    print("  政务公开 block read by the importer: " + ", ".join(f"{k} {v}/{len(pages)}" for k, v in right.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", *JOINED_SPLITS, HELD_OUT), default="dev")
    parser.add_argument("--html", action="store_true",
                        help="body extraction from saved pages (tests/fixtures/import_html)")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--names", type=Path, metavar="FILE",
                        help="only the texts of the split named in FILE (one name a line, # starts a comment)")
    parser.add_argument("--against", metavar="REV",
                        help="also score the importer of commit REV on the same texts, side by side")
    parser.add_argument("--scores", nargs="+", metavar="NAME", help=argparse.SUPPRESS)  # --against's own call
    args = parser.parse_args(argv)
    if args.scores:
        print(json.dumps(scores(args.scores)))
        return 0
    only = None
    if args.names is not None:
        try:
            listed = args.names.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else "不是 UTF-8 文本"
            print(f"--names: 读不到文件“{args.names}”：{why}")
            return 2
        lines = (line.split("#", 1)[0].strip() for line in listed.splitlines())
        only = [line for line in lines if line]
    if args.against:
        return against(args.against, args.split, only)
    return run_html() if args.html else run(args.split, args.verbose, only)


if __name__ == "__main__":
    sys.exit(main())
