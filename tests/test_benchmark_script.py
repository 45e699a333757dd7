"""The benchmark script keeps working (its figures are read by people, not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import BUILD_ENV, ROOT


def test_benchmark_builds_generated_notices_and_prints_its_table():
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "--sizes", "3", "--full-only", "--no-warmup"],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| full | 3 |")]
    assert len(rows) == 1
    html_files = int(rows[0].split("|")[-2])
    assert html_files >= 3 + 5  # the 3 notices, home, archive index, about, how to read, 404 and archives


def test_search_benchmark_measures_every_query_in_chromium():
    result = subprocess.run([sys.executable, "scripts/benchmark_search.py", "--sizes", "4"],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = [line.split("|")[1:-1] for line in result.stdout.splitlines() if line.startswith("| N=4 |")]
    queries = ["城市绿化", "农民工工资", "补栽苗木", "竣工验收", "大观区", "lvhua", "xczg"]
    assert [row[1].strip() for row in rows] == queries
    for row in rows:
        kb, requests, open_ms, query_ms, again_ms = (float(cell) for cell in row[2:7])
        assert kb > 0 and requests > 0 and open_ms >= query_ms > 0 and again_ms > 0, row
    # The first result's title; the generated notices' text has every Chinese query's words.
    firsts = dict((row[1].strip(), row[7].strip()) for row in rows)
    chinese = ["城市绿化", "农民工工资", "补栽苗木", "竣工验收", "xczg"]
    assert all("巡察整改" in firsts[query] for query in chinese), firsts


def test_search_benchmark_compares_one_pagefind_run_with_runs_merged_into_one_index():
    result = subprocess.run([sys.executable, "scripts/benchmark_search.py", "--sizes", "4", "--compare-runs", "2"],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert "N=4, one run: pagefind/: " in result.stdout and "N=4, runs of 2: pagefind/: " in result.stdout
    verdict = ("N=4: one run against runs of 2: pagefind/ is the same index, page by page, and the same files "
               "(names, and contents after gzip)")
    assert verdict in lines
    rows = [line.split("|")[1:-1] for line in lines[lines.index(verdict):]
            if line.startswith("| ") and not line.startswith("| query") and not line.startswith("| ---")]
    queries = ["城市绿化", "农民工工资", "补栽苗木", "竣工验收", "大观区", "lvhua", "xczg"]
    assert [row[0].strip() for row in rows] == queries
    assert all(row[1].strip() == "same, in the same order" for row in rows), rows
    # Each index's first page's scores, the same in both (lvhua finds nothing in these four notices).
    assert all(row[2] == row[3] for row in rows) and all(float(row[2].split(",")[0].split()[0]) > 0
                                                         for row in rows if row[0].strip() != "lvhua"), rows


def test_spam_benchmark_prints_recall_precision_false_alarms_and_timing():
    # dev only, by default: the held-out split (test13) is read once, at the end of a round, never by a test
    result = subprocess.run([sys.executable, "scripts/benchmark_spam.py", "--limit", "6", "--texts", "3", "--cv", "2"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    for heading in ("## dev (6 spam runs, 6 official paragraphs)", "## dev, 2-fold cross-validation"):
        assert heading in out, out
    assert "## test13" not in out
    for row in ("| vpn |", "| gambling |", "| adult |", "| fake_documents |", "| loan |", "| all |"):
        assert out.count(row) >= 2, (row, out)
    assert "| crime_notice |" in out and "false-alarm rate" in out and "precision" in out
    assert "Checked 3 notice-sized texts" in out


def test_spam_benchmark_leaves_one_collection_out():
    result = subprocess.run([sys.executable, "scripts/benchmark_spam.py", "--split", "dev", "--loco", "--texts", "0"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    for heading in ("## collection 4 (former test2): 86 runs, 258 paragraphs, checked by a model trained without it",
                    "## collection 5 (former test3): 62 runs, 214 paragraphs, checked by a model trained without it",
                    "## collection 6 (former test4): 91 runs, 253 paragraphs, checked by a model trained without it",
                    "## collection 7 (former test5): 75 runs, 218 paragraphs, checked by a model trained without it",
                    "## collection 8 (former test6): 122 runs, 282 paragraphs, checked by a model trained without it",
                    "## collection 9 (former test7): 91 runs, 255 paragraphs, checked by a model trained without it",
                    "## collection 10 (former test8): 108 runs, 270 paragraphs, checked by a model trained without it",
                    "## collection 11 (former test9): 44 runs, 178 paragraphs, checked by a model trained without it",
                    "## collection 12 (former test10): 51 runs, 207 paragraphs, checked by a model trained without it",
                    "## collection 13 (former test11): 40 runs, 145 paragraphs, checked by a model trained without it",
                    "## collection 14 (former test12): 65 runs, 270 paragraphs, checked by a model trained without it",
                    "## dev, leave one collection out"):
        assert heading in out, out
    total = out.split("## dev, leave one collection out")[1]
    assert "| all | 835 |" in total and "| all | 2550 |" in total, total


def test_spam_benchmark_scores_another_commits_check_side_by_side():
    result = subprocess.run([sys.executable, "scripts/benchmark_spam.py", "--split", "dev", "--limit", "6", "--cv", "2",
                             "--texts", "0", "--before", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    assert "## dev, 2-fold cross-validation: HEAD and this checkout" in out, out
    assert "| category | runs | blocked (HEAD) | blocked (this checkout) |" in out
    assert "| genre | paragraphs | with an error (HEAD) | with an error (this checkout) |" in out


def test_benchmark_builds_with_another_commits_code_right_after_each_build():
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "--sizes", "2", "--no-warmup", "--build-against",
                             "HEAD"], cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = result.stdout.splitlines()
    variants = [line.split("|")[1].strip() for line in lines if line.startswith("| ") and "| 2 |" in line[:40]]
    assert variants[:5] == ["full", "full at HEAD", "no search", "no search at HEAD", "plain"], variants
    ratios = [line.split("|")[3].strip() for line in lines if line.startswith("| 2 |") and "×" in line]
    assert ratios == ["full", "full at HEAD", "no search", "no search at HEAD"], ratios


def test_benchmark_times_only_the_check_without_building_a_site():
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "--sizes", "2", "--check-only"],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert [line for line in rows if line.startswith("| check | 2 |")]
    assert not [line for line in rows if line.startswith(("| full |", "| no search |", "| plain |"))]
    assert "warm-up" not in result.stderr
    # The machine facts name the Pagefind binary the builds run (npm's), not a Python package of that name.
    versions = next(line for line in result.stdout.splitlines() if line.startswith("- mkdocs "))
    assert re.search(r", Pagefind \d+\.\d+\.\d+$", versions), versions


def test_benchmark_compares_with_a_plain_material_build_and_times_the_check():
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "--sizes", "2", "--no-warmup", "--check"],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = result.stdout.splitlines()
    plain = [line for line in lines if line.startswith("| plain | 2 |")]
    assert len(plain) == 1 and int(plain[0].split("|")[-2]) >= 2 + 1  # the 2 notices' pages and the home page
    assert [line for line in lines if line.startswith("| check | 2 |")]
    assert "Against a plain Material build of the same text (one Markdown page per notice, no plugin):" in lines
    assert [line for line in lines if line.startswith("| 2 |") and "| full |" in line and "×" in line]


def test_readers_benchmark_prints_the_slow_3g_first_paint_and_writes_the_phone_screenshot(sample_site, tmp_path):
    """Its figures are read by people (README); here only that each encoding is measured and the PNG is a phone's."""
    shot = tmp_path / "phone.png"
    result = subprocess.run([sys.executable, "scripts/benchmark_readers.py", "--site", str(sample_site), "--runs", "1",
                             "--skip-lighthouse", "--screenshot", str(shot)],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = [line.split("|")[1:-1] for line in result.stdout.splitlines() if line.startswith("| greening")]
    assert [row[1].strip() for row in rows] == ["br", "gzip", "none"]
    assert all(row[2].strip().endswith(" s") for row in rows)
    from PIL import Image

    assert Image.open(shot).size == (360, 900) and shot.stat().st_size < 100_000


def test_benchmark_times_an_edit_in_mkdocs_serve_until_the_page_shows_it():
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "--sizes", "3", "--full-only", "--no-warmup",
                             "--serve"], cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert ("`mkdocs serve`: from saving a notice (its narrative, or its YAML) to its page served with the edit:"
            in result.stdout)
    rows = [line.split("|")[1:-1] for line in result.stdout.splitlines() if line.startswith("| 3 | ")]
    serve = [row for row in rows if len(row) == 7]  # N, first build, three narratives, the YAML, load averages
    assert len(serve) == 1 and all(float(cell) > 0 for cell in serve[0][1:6]), rows
    assert result.stderr.count("(serve): edit") == 4


def test_merge_benchmark_times_merging_two_pagefind_runs(sample_site, tmp_path):
    from generator.read.collection import Collection
    from generator.read.notices import load_notices
    from generator.search.merge import by_url
    from generator.search.pagefind import IndexPage, _run_pagefind, find_pagefind

    collection = Collection.from_sources(load_notices(ROOT / "notices", ROOT).sources, None)
    pages = [IndexPage(sample_site / entry.url / "index.html", entry) for entry in collection.listed]
    runs, source = [], tmp_path / "source"
    for page in pages:  # the notices' folders, where each run writes its copies
        (source / page.html_path.relative_to(sample_site)).parent.mkdir(parents=True)
    for number, page in enumerate(pages):
        runs.append(tmp_path / f"index-{number}")
        _run_pagefind(find_pagefind([ROOT]), tmp_path / f"run-{number}", source, sample_site, [page], runs[-1], "zh")
    result = subprocess.run([sys.executable, "scripts/benchmark_merge.py", str(ROOT), *map(str, runs),
                             str(tmp_path / "merged")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("merged 2 runs: 2 pages, "), result.stdout
    assert " s CPU, " in result.stdout and "peak RSS of the process " in result.stdout
    assert by_url(tmp_path / "merged") == by_url(sample_site / "pagefind")


def test_compression_benchmark_prints_every_setting_against_the_best(tmp_path):
    (tmp_path / "index.html").write_text("<p>巡察整改进展情况</p>" * 400, encoding="utf-8")
    (tmp_path / "style.css").write_text("body { color: black; }\n" * 50, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG not text")
    result = subprocess.run([sys.executable, "scripts/benchmark_compression.py", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 text files, ")
    settings = [line.split("|")[1].strip() for line in result.stdout.splitlines() if line.startswith("| brotli")
                or line.startswith("| gzip")]
    assert settings == [f"brotli {q}" for q in range(11, 3, -1)] + ["gzip 9", "gzip 6"]
    best = next(line for line in result.stdout.splitlines() if line.startswith("| brotli 11 |"))
    assert best.endswith("| 1.000 |")


def test_compression_benchmark_says_when_the_folder_holds_no_built_site(tmp_path):
    result = subprocess.run([sys.executable, "scripts/benchmark_compression.py", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"no text files under {tmp_path}: build the site first\n"


def test_the_training_script_says_what_it_needs_without_scikit_learn():
    blocked = ("import runpy, sys; sys.modules['sklearn'] = None; sys.argv = ['train_spam_model.py', '--check']; "
               "runpy.run_path('scripts/train_spam_model.py', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr == "训练垃圾内容检查的线性模型需要 scikit-learn：.venv/bin/pip install -e '.[train]'\n"
    assert result.stdout == ""


def test_the_linear_classifier_experiment_says_what_it_needs_without_scikit_learn():
    # the check does not use scikit-learn (only its training script does); without it the experiment says how to get it
    blocked = ("import runpy, sys; sys.modules['sklearn'] = None; "
               "runpy.run_path('scripts/experiments/spam_linear_loco.py', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "这个实验需要 scikit-learn：.venv/bin/pip install scikit-learn\n"
    assert result.stdout == ""


def test_import_benchmark_scores_another_commits_importer_side_by_side(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("anqing-jiaotong-2025\nchangge-binzang-xuncha-2025\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/benchmark_import.py", "--names", str(names), "--against", "HEAD"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    out = result.stdout
    assert "split dev: 2 texts, the importer of HEAD and of this checkout" in out, out
    assert "| field | right (HEAD) | right (this checkout) |" in out
    # the same importer twice: the same counts, and no text with a field that one gets right and the other not
    rows = dict(line.split(" | ", 1) for line in out.splitlines() if line.startswith("| ") and "---" not in line)
    counts = rows["| all fields"].strip(" |").split(" | ")
    assert counts[0] == counts[1] and counts[0].endswith("/28"), out
    assert "now right" not in out and "now wrong" not in out


def test_import_benchmark_says_so_when_the_other_commit_does_not_exist():
    result = subprocess.run([sys.executable, "scripts/benchmark_import.py", "--against", "no-such-commit"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 2
    assert result.stdout.startswith("--against: 读不到提交“no-such-commit”的 generator/："), result.stdout


def test_import_benchmark_against_another_commit_names_an_unknown_text(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("anqing-jiaotong-2025\nno-such-text\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/benchmark_import.py", "--names", str(names), "--against", "HEAD"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 2
    assert result.stdout == "--names: 语料中没有这些文本：no-such-text\n", result.stdout
