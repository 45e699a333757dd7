"""The search index as `mkdocs build` writes it: where Pagefind comes from, and an index in shards."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, GOOD, ROOT, mkdocs_build, set_shard_size, write
from generator.model import vocabulary
from generator.read.collection import Collection
from generator.read.notices import load_notices
from generator.search.pagefind import (
    DEFAULT_SHARD_SIZE,
    FACETS,
    IndexPage,
    SearchIndexError,
    _read_cbor,
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


def test_one_index_for_a_site_of_at_most_a_shard_of_notices(sample_site):
    bundle = sample_site / "pagefind"
    assert json.loads((bundle / "shards.json").read_text(encoding="utf-8")) == {"shards": []}
    assert not list(bundle.glob("shard-*"))


def test_a_bigger_site_is_indexed_in_equal_shards_of_at_most_a_thousand_notices_alike(tmp_path):
    # Pagefind needs about 2 MB of memory per notice of an index: shards bound the build's memory.
    assert DEFAULT_SHARD_SIZE == 1000
    pages = []
    for number in range(2500):
        html = tmp_path / "site" / "notices" / f"n{number}" / "index.html"
        html.parent.mkdir(parents=True)
        html.write_text("x" * (1000 + number % 7), encoding="utf-8")
        notice = SimpleNamespace(region=f"地区{number % 36}", domain=f"领域{number % 30}")
        pages.append(IndexPage(html, SimpleNamespace(notice=notice)))  # type: ignore[arg-type]
    shards = shard_pages(pages, DEFAULT_SHARD_SIZE)
    assert [len(shard) for shard in shards] == [834, 833, 833]
    assert sorted(page.html_path for shard in shards for page in shard) == sorted(page.html_path for page in pages)
    assert shard_pages(list(reversed(pages)), DEFAULT_SHARD_SIZE) == shards  # the same in every build
    # Each shard has its share of every region (36 of them: 23 or 24 pages of each in every shard).
    for shard in shards:
        regions = Counter(page.entry.notice.region for page in shard)
        assert len(regions) == 36 and set(regions.values()) <= {23, 24}, regions
    assert shard_pages(pages[:1000], DEFAULT_SHARD_SIZE) == [pages[:1000]]
    assert shard_pages(pages, 0) == [pages]  # search_shard_size: 0, one index


def test_shards_hold_every_notice_once_and_only_their_own_data(sharded_sample_site):
    bundle = sharded_sample_site / "pagefind"
    assert json.loads((bundle / "shards.json").read_text(encoding="utf-8")) == {"shards": ["shard-1/"]}
    shard = bundle / "shard-1"
    # The search code and WebAssembly come from the first shard: a shard has its index data only.
    assert sorted(p.name for p in shard.iterdir() if p.is_dir()) == ["filter", "fragment", "index"]
    assert not list(shard.glob("*.js")) and not list(shard.glob("wasm.*"))
    counts = [json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["zh"]["page_count"]
              for folder in (bundle, shard)]
    assert counts == [1, 1]
    assert len(list(bundle.glob("fragment/*.pf_fragment"))) == len(list(shard.glob("fragment/*.pf_fragment"))) == 1


def test_every_shard_knows_every_word_of_the_site_and_only_its_own_pages(sharded_sample_site):
    bundle = sharded_sample_site / "pagefind"
    indexes = []
    for folder in (bundle, bundle / "shard-1"):
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        meta = _read_cbor(folder / f"pagefind.{entry['languages']['zh']['hash']}.pf_meta")
        chunks = [_read_cbor(folder / "index" / f"{chunk[2]}.pf_index")[0] for chunk in meta[2]]
        indexes.append({word[0]: word[1] for chunk in chunks for word in chunk})
    assert indexes[0].keys() == indexes[1].keys()
    assert "苗木" in indexes[0] and "东湖" in indexes[0]
    assert [bool(index["苗木"]) for index in indexes].count(True) == 1  # pages in one shard, none in the other
    assert [bool(index["东湖"]) for index in indexes].count(True) == 1


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
