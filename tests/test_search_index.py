"""The search index as `mkdocs build` writes it: where Pagefind comes from, and an index in shards."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, GOOD, ROOT, mkdocs_build, set_shard_size, write
from generator.model import vocabulary
from generator.read.collection import Collection
from generator.read.notices import load_notices
from generator.search.merge import _decode as _read_cbor
from generator.search.merge import by_url
from generator.search.pagefind import (
    DEFAULT_SHARD_SIZE,
    FACETS,
    IndexPage,
    SearchIndexError,
    find_pagefind,
    index_block,
    shard_pages,
)


def test_missing_pagefind_is_reported_with_what_to_run(tmp_path):
    with pytest.raises(SearchIndexError) as error:
        find_pagefind([tmp_path / "a", tmp_path / "b"])
    assert str(error.value) == ("找不到 Pagefind（node_modules/@pagefind/linux-x64/bin/pagefind_extended）："
                                "请先运行 bash scripts/setup（其中执行 npm ci）")


def test_pagefind_comes_from_npm_next_to_the_site(tmp_path):
    binary = tmp_path / "node_modules" / "@pagefind" / "linux-x64" / "bin" / "pagefind_extended"
    binary.parent.mkdir(parents=True)
    binary.write_text("#!/bin/sh\n", encoding="utf-8")
    (binary.parent / "pagefind_extended-v1.6.0-x86_64-unknown-linux-musl.tar.gz.sha256").write_text("x")
    assert find_pagefind([tmp_path / "elsewhere", tmp_path]) == binary


def test_a_negative_shard_size_fails_the_build_before_anything_is_written(project, tmp_path):
    write(project, "good.yml", GOOD)
    set_shard_size(project, "-1")
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "mkdocs.yml: plugins.notices.search_shard_size 须为 0（不分片）或正整数，现为 -1" in result.stderr
    assert "Traceback" not in result.stderr
    assert not site.exists()


def _files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def test_notices_indexed_in_several_runs_make_the_same_index_as_one_run(sample_site, sharded_sample_site):
    # search_shard_size: 1 indexes each notice in a Pagefind run of its own (to bound Pagefind's memory);
    # the runs are merged into one index holding, page by page, what one run over both notices holds.
    one, runs = sample_site / "pagefind", sharded_sample_site / "pagefind"
    assert not list(runs.glob("shard-*")) and not (runs / "shards.json").exists()
    assert by_url(runs) == by_url(one)
    words, filters, sorts, pages, _, _ = by_url(runs)
    assert len(pages) == 2 and "苗木" in words and "东湖" in words
    assert [len(found) for found in (words["苗木"][0], words["东湖"][0], words["整改"][0])] == [1, 1, 2]
    assert {value: len(found) for value, found in filters["年份"].items()} == {"2024": 1, "未载明": 1}
    assert filters["年份"]["2024"] == [url for url in pages if "lv-hua" in url]
    entry = json.loads((runs / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _read_cbor(runs / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta")
    urls = [json.loads(gzip.decompress((runs / "fragment" / f"{page[0]}.pf_fragment").read_bytes())[12:])["url"]
            for page in meta[1]]
    assert urls == [url for url in pages]  # the runs' pages in run order, as by_url lists them


def test_the_merged_index_downloads_at_most_one_percent_more_than_at_pagefinds_gzip_level(sharded_sample_site):
    # The merge compresses the files it writes at a lower gzip level than Pagefind's 9, for less CPU; a reader's
    # browser downloads them, so together they stay within 1 % of their size at level 9.
    files = [path for path in sorted((sharded_sample_site / "pagefind").rglob("*"))
             if path.suffix in (".pf_index", ".pf_filter", ".pf_meta")]
    assert len(files) >= 3
    written = sum(path.stat().st_size for path in files)
    best = sum(len(gzip.compress(gzip.decompress(path.read_bytes()), compresslevel=9, mtime=0)) for path in files)
    assert written <= best * 1.01


def test_a_bigger_site_is_indexed_in_equal_runs_of_at_most_a_thousand_notices(tmp_path):
    # Pagefind needs about 2 MB of memory per notice it indexes at once: runs bound the build's memory.
    assert DEFAULT_SHARD_SIZE == 1000
    pages = [IndexPage(tmp_path / f"n{number}" / "index.html", None) for number in range(2500)]  # type: ignore[arg-type]
    shards = shard_pages(pages, DEFAULT_SHARD_SIZE)
    assert [len(shard) for shard in shards] == [834, 833, 833]
    assert [page for shard in shards for page in shard] == pages
    assert shard_pages(pages[:1000], DEFAULT_SHARD_SIZE) == [pages[:1000]]
    assert shard_pages(pages, 0) == [pages]  # search_shard_size: 0, one run


def test_the_search_box_gets_the_stop_characters_from_their_data_file(page):
    box = page("")  # the home page's header
    assert box.select_one("#pf-search")["data-stop"] == vocabulary.search_stop_characters()
    assert vocabulary.search_stop_characters().startswith("区县市")


def test_the_search_box_lists_the_facets_in_the_order_of_their_python_definition(page, sample_site):
    box = page("")
    assert box.select_one("#pf-search")["data-facets"].split(" ") == list(FACETS)
    script = (sample_site / "assets" / "javascripts" / "pagefind-search.js").read_text(encoding="utf-8")
    assert not any(f'"{name}"' in script for name in FACETS)  # the script has no list of its own


def test_a_search_result_summary_says_what_its_completion_rate_counts():
    collection = Collection.from_sources(load_notices(ROOT / "notices", ROOT).sources, None)
    blocks = [BeautifulSoup(index_block(entry), "html.parser") for entry in collection.entries]
    summaries = [block.select_one('[data-pagefind-meta="summary"]').get_text() for block in blocks]
    assert summaries[0] == ("中共大观区委 · 2024年12月24日 · 安徽省安庆市大观区 · "
                            "整改完成率 未载明（原通报未载明各问题的整改状态，本站不推算完成率）")
    assert summaries[1].endswith("整改完成率 100%（12 个问题中 12 个已完成）")


def test_a_stop_character_entry_of_more_than_one_character_is_refused(monkeypatch):
    monkeypatch.setattr(vocabulary, "_load", lambda name: ["区", "区委", "县", "的话"])
    vocabulary.search_stop_characters.cache_clear()
    try:
        with pytest.raises(ValueError) as error:
            vocabulary.search_stop_characters()
        assert str(error.value) == "generator/data/search_stop_characters.yml: 每行只能写一个字，这些不是：区委、的话"
    finally:
        monkeypatch.undo()
        vocabulary.search_stop_characters.cache_clear()


def test_setup_says_what_to_install_when_npm_is_missing(tmp_path):
    # A machine with bash and coreutils but no Node.js: setup stops before installing anything.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "dirname").symlink_to(shutil.which("dirname"))
    result = subprocess.run([shutil.which("bash"), str(ROOT / "scripts" / "setup")], capture_output=True,
                            text=True, env={"PATH": str(bin_dir), "HOME": str(tmp_path)})
    assert result.returncode == 1
    assert result.stderr == ("缺少 Node.js 和 npm：网站的检索索引（Pagefind）由 npm 安装。请先安装 Node.js（含 npm），"
                             "例如 apt-get install nodejs npm\n")


def test_build_with_a_relative_config_path(tmp_path):
    """`mkdocs build -f mkdocs.yml` (a relative path, as CI scripts write it) finds Pagefind too."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, env=BUILD_ENV, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()


def test_runs_merge_into_one_index_across_many_chunks_whatever_the_split(sample_site, tmp_path, monkeypatch):
    # Small chunks, so the merged words fall across many chunk boundaries (Pagefind cuts after 20,000
    # locations; the two sample notices fill one): two runs, in either order, hold every word, location,
    # filter value, sort and page that Pagefind's own one run holds.
    from generator.search import merge
    from generator.search.pagefind import index_notices

    monkeypatch.setattr(merge, "CHUNK_SIZE", 300)
    collection = Collection.from_sources(load_notices(ROOT / "notices", ROOT).sources, None)
    bundles = []
    for number, (order, size) in enumerate([(1, 0), (1, 1), (-1, 1)]):
        site = tmp_path / f"site-{number}"
        shutil.copytree(sample_site / "notices", site / "notices")
        pages = [IndexPage(site / entry.url / "index.html", entry) for entry in collection.listed][::order]
        assert index_notices(site, pages, find_pagefind([ROOT]), shard_size=size) == 2
        bundles.append(site / "pagefind")
    assert by_url(bundles[1]) == by_url(bundles[0]) and by_url(bundles[2]) == by_url(bundles[0])
    entry = json.loads((bundles[1] / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _read_cbor(bundles[1] / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta")
    assert len(meta[2]) > 20
    words = [word[0] for chunk in meta[2] for word in _read_cbor(bundles[1] / "index" / f"{chunk[2]}.pf_index")[0]]
    assert words == sorted(words) and len(words) == len(set(words))
    # Each chunk's range holds its words and lies between its neighbours' (the browser picks a chunk by range).
    for (start, end, name), after in zip(meta[2], meta[2][1:] + [None]):
        chunk = [word[0] for word in _read_cbor(bundles[1] / "index" / f"{name}.pf_index")[0]]
        assert start <= chunk[0] and chunk[-1][:len(end)] <= end
        if after:
            assert end < after[0]


def test_an_index_the_merge_does_not_know_stops_the_build_with_what_to_do(tmp_path):
    # Another Pagefind than package.json's (here, one that writes metadata of another layout): the build
    # stops, and no bundle is published half understood.
    fake = tmp_path / "pagefind_extended"
    fake.write_text(f"""#!{sys.executable}
import cbor2, gzip, json, pathlib
out = pathlib.Path(json.loads(pathlib.Path("pagefind.json").read_text())["output_path"])
out.mkdir(parents=True)
(out / "pagefind-entry.json").write_text(json.dumps({{"version": "9.0.0", "languages": {{"zh": {{
    "hash": "zh_1234567890", "wasm": None, "page_count": 1}}}}}}))
(out / "pagefind.zh_1234567890.pf_meta").write_bytes(gzip.compress(b"pagefind_dcd" + cbor2.dumps(["9.0.0", []])))
""", encoding="utf-8")
    fake.chmod(0o755)
    collection = Collection.from_sources(load_notices(ROOT / "notices", ROOT).sources, None)
    site = tmp_path / "site"
    pages = []
    for entry in collection.listed:
        (site / entry.url).mkdir(parents=True)
        (site / entry.url / "index.html").write_text(
            "<html><body><div data-pagefind-body>通报</div><!-- end of data-pagefind-body --></body></html>",
            encoding="utf-8")
        pages.append(IndexPage(site / entry.url / "index.html", entry))
    from generator.search.pagefind import index_notices

    with pytest.raises(SearchIndexError) as error:
        index_notices(site, pages, fake, shard_size=1)
    assert str(error.value) == ("Pagefind 各次运行的检索索引未能合并为一个（index-0: unexpected metadata layout）："
                                "请确认 Pagefind 的版本是 package.json 所写的版本（bash scripts/setup 会安装它）")
    assert not (site / "pagefind").exists()


def test_runs_that_cannot_be_one_index_are_refused_with_the_reason(sample_site, tmp_path):
    from generator.search.merge import MergeError, merge_runs

    run = sample_site / "pagefind"
    with pytest.raises(MergeError) as error:  # the same pages in two runs
        merge_runs([run, run], tmp_path / "twice", lambda url: {})
    assert str(error.value) == f"{_urls(run)[0]}: indexed twice"
    other = tmp_path / "other"
    shutil.copytree(run, other)
    entry = json.loads((other / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_file = other / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta"
    meta = _read_cbor(meta_file)
    meta[0] = "1.5.2"  # a run written by another Pagefind
    import cbor2

    meta_file.write_bytes(gzip.compress(b"pagefind_dcd" + cbor2.dumps(meta)))
    with pytest.raises(MergeError) as error:
        merge_runs([run, other], tmp_path / "versions", lambda url: {})
    assert str(error.value) == "other: another language, version or list of meta fields than pagefind"
    assert not (tmp_path / "twice").exists() and not (tmp_path / "versions").exists()


def _urls(bundle):
    return sorted(by_url(bundle)[3])


def test_pagefind_reads_the_search_region_of_a_notice_page_and_not_the_header_or_footer(sample_site):
    from generator.search.pagefind import page_for_index

    collection = Collection.from_sources(load_notices(ROOT / "notices", ROOT).sources, None)
    entry = next(e for e in collection.listed if "城市绿化" in e.notice.title)
    built = sample_site / entry.url / "index.html"
    read = BeautifulSoup(page_for_index(IndexPage(built, entry)), "html.parser")
    page = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    heading = page.select_one("[data-pagefind-body] h1").get_text()
    assert read.select_one("[data-pagefind-body] h1").get_text() == heading
    assert read.select_one("[data-pagefind-filter]") is not None  # the facets block the index gets
    assert read.title.string == page.title.string
    assert page.select_one("footer.gov-footer") is not None and read.select_one("footer") is None
    assert page.select_one("header") is not None and read.select_one("header") is None
    assert read.select_one("[data-pagefind-body]").get_text(" ", strip=True).endswith(
        page.select_one("[data-pagefind-body]").get_text(" ", strip=True))


def test_a_notice_page_without_the_end_of_its_search_region_is_refused_by_name(tmp_path):
    from generator.search.pagefind import page_for_index

    collection = Collection.from_sources(load_notices(ROOT / "notices", ROOT).sources, None)
    built = tmp_path / "index.html"
    built.write_text("<html><body><div data-pagefind-body>通报</div></body></html>", encoding="utf-8")
    with pytest.raises(SearchIndexError) as error:
        page_for_index(IndexPage(built, collection.listed[0]))
    assert str(error.value) == (f"{built}: 页面缺少检索区域标记 <div data-pagefind-body> 或 "
                                "</div><!-- end of data-pagefind-body -->（theme_overrides/main.html）")


def test_runs_number_the_pages_as_one_run_so_the_merged_index_is_one_runs_index(generated_sites):
    # Pagefind numbers a run's pages in the order it walks the folder, and ranks equal scores in an order that
    # follows the numbers: the runs take the pages in that walk's order, so the merged index of runs of two
    # notices holds the same files as Pagefind's one run over the seven (after gzip: the merge's level is 8).
    one, runs = (site / "pagefind" for site in generated_sites)

    def contents(bundle):
        return {path.relative_to(bundle).as_posix(): gzip.decompress(path.read_bytes()) if path.suffix.startswith(
            ".pf_") else path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}

    assert contents(runs) == contents(one)
    entry = json.loads((runs / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["zh"]["page_count"] == 7


def _sample_pages_three_times(sample_site, site):
    """The two sample notices' built pages, each at three URLs (site/notices/…, site/a/notices/…, site/b/notices/…):
    six pages, two by two of exactly equal scores, so the index's order of ties shows."""
    collection = Collection.from_sources(load_notices(ROOT / "notices", ROOT).sources, None)
    pages = []
    for prefix in ("", "a/", "b/"):
        shutil.copytree(sample_site / "notices", site / prefix / "notices")
        pages += [IndexPage(site / prefix / entry.url / "index.html", entry) for entry in collection.listed]
    return pages


def test_runs_at_the_same_time_write_the_index_byte_for_byte_as_runs_one_after_another(sample_site, tmp_path,
                                                                                      monkeypatch):
    # Six runs of one notice: one at a time, then two at a time (each run in a scratch folder no other run uses
    # meanwhile, so the two folders serve three runs each). Pagefind numbers a run's pages in its walk's order,
    # the same in both folders: the same files, byte for byte, and a search finds the same pages in the same order.
    from generator.search import pagefind

    sources: list[tuple[str, str]] = []
    real_run = pagefind._run_pagefind

    def run(binary, work, source, *args):
        sources.append((work.name, source.name))
        real_run(binary, work, source, *args)

    monkeypatch.setattr(pagefind, "_run_pagefind", run)
    monkeypatch.setattr(pagefind.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)  # two cores, anywhere
    bundles = []
    for parallel in (1, 2):
        site = tmp_path / f"site-{parallel}"
        pages = _sample_pages_three_times(sample_site, site)
        assert pagefind.index_notices(site, pages, find_pagefind([ROOT]), shard_size=1, parallel=parallel) == 6
        bundles.append(site / "pagefind")
    one_at_a_time, at_once = sources[:6], sources[6:]
    assert {source for _, source in one_at_a_time} == {"site-0"}
    assert {source for _, source in at_once} == {"site-0", "site-1"}  # tmp_path's file system lists both alike
    assert sorted(work for work, _ in at_once) == [f"run-{number}" for number in range(6)]
    assert _files(bundles[1]) == _files(bundles[0])
    words, filters, _, pages, _, _ = by_url(bundles[1])
    assert len(pages) == 6
    assert [len(found) for found in (words["苗木"][0], words["东湖"][0], words["整改"][0])] == [3, 3, 6]
    assert by_url(bundles[1]) == by_url(bundles[0])
    entry = json.loads((bundles[1] / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["zh"]["page_count"] == 6


def test_runs_at_the_same_time_make_the_index_of_one_run_over_all_the_notices(sample_site, tmp_path):
    # What a visitor's search finds: the words' pages and locations, the filters and sorts, as Pagefind's one run
    # over the six pages has them, in the same page numbering.
    from generator.search.pagefind import index_notices

    bundles = []
    for size, parallel in ((0, 1), (2, 2)):
        site = tmp_path / f"site-{size}"
        pages = _sample_pages_three_times(sample_site, site)
        assert index_notices(site, pages, find_pagefind([ROOT]), shard_size=size, parallel=parallel) == 6
        bundles.append(site / "pagefind")
    assert by_url(bundles[1]) == by_url(bundles[0])
    words = by_url(bundles[1])[0]
    assert words["苗木"] == by_url(bundles[0])[0]["苗木"] and words["苗木"][0]


def _failing_pagefind(tmp_path):
    fake = tmp_path / "pagefind_extended"
    fake.write_text(f"""#!{sys.executable}
import sys
sys.stderr.write("Error: 页面读不出\\n")
sys.exit(3)
""", encoding="utf-8")
    fake.chmod(0o755)
    return fake


@pytest.mark.parametrize("parallel", [1, 2])
def test_a_failed_pagefind_run_is_reported_by_its_error_and_leaves_no_scratch_folder(sample_site, tmp_path,
                                                                                    monkeypatch, parallel):
    import tempfile

    from generator.search.pagefind import index_notices

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    site = tmp_path / "site"
    pages = _sample_pages_three_times(sample_site, site)
    with pytest.raises(SearchIndexError) as error:
        index_notices(site, pages, _failing_pagefind(tmp_path), shard_size=1, parallel=parallel)
    assert str(error.value) == "Pagefind 退出码 3：Error: 页面读不出"
    assert not (site / "pagefind").exists()
    assert not list(scratch.iterdir())
    assert index_notices(site, pages, find_pagefind([ROOT]), shard_size=2, parallel=parallel) == 6
    assert not list(scratch.iterdir())


def test_the_number_of_runs_at_the_same_time_is_one_unless_set(project, tmp_path):
    from generator.search.pagefind import parallel_runs, parallel_runs_problem

    assert parallel_runs(None) == 1  # two runs of 1,000 notices need about 4 GB: a machine with the memory opts in
    cores = len(os.sched_getaffinity(0))
    assert parallel_runs(1) == 1 and parallel_runs(2) == min(2, cores) and parallel_runs(50) == cores
    assert parallel_runs_problem(None) is None and parallel_runs_problem(3) is None
    write(project, "good.yml", GOOD)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      notices_dir: notices\n",
                                   "      notices_dir: notices\n      search_parallel_runs: 0\n"), encoding="utf-8")
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert ("mkdocs.yml: plugins.notices.search_parallel_runs 须为正整数（同时运行的 Pagefind 个数），现为 0"
            in result.stderr)
    assert "Traceback" not in result.stderr
    assert not site.exists()
