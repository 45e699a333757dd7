"""Loading and checking on both cores, and the cache of that work by the files' contents: the site and the
messages are the same whatever the number of workers, with or without the cache."""

from __future__ import annotations

import importlib.util
import random
import sys

from test_cache import build_in_process, differences

from conftest import ROOT, check, write
from generator.check import content
from generator.publish import parallel


def benchmark_module():
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("benchmark", module)
    spec.loader.exec_module(module)
    return module


def write_generated_notices(project, n: int) -> None:
    """``n`` notices as the benchmark makes them (the shapes of the two samples), and two bad ones."""
    bench = benchmark_module()
    samples, rng = bench.load_samples(), random.Random(bench.SEED)
    for seq in range(1, n + 1):
        year, yml, md = bench.make_notice(samples[(seq - 1) % 2], (seq - 1) % 2, seq, rng)
        write(project, f"{year}/gen-{seq:03d}.yml", yml)
        write(project, f"{year}/gen-{seq:03d}.md", md)


def forget_everything() -> None:
    parallel.clear_cache()
    content.clear_caches()


def test_check_on_two_cores_prints_exactly_what_one_core_prints(project, monkeypatch):
    write_generated_notices(project, 8)
    write(project, "2024/bad-yaml.yml", "title: [未闭合\n")
    write(project, "2024/phone.yml", """\
        title: 测试通报
        kind: 整改进展
        publisher: 测试单位
        region: 安徽省安庆市大观区
        problems:
          - number: 1
            title: 问题一
            status: 正在整改
            due: 2099-12-31
            measures: [联系人手机 13812345678。]
        """)
    outputs = []
    for workers in ("1", "2"):
        monkeypatch.setenv(parallel.WORKERS_ENV, workers)
        forget_everything()
        outputs.append(check(project))
    assert outputs[0] == outputs[1]
    code, lines = outputs[1]
    assert code != 0
    assert any("bad-yaml.yml" in line for line in lines)
    assert any("13812345678" in line for line in lines)


def test_a_site_built_on_two_cores_is_byte_for_byte_the_site_built_on_one(project, tmp_path, monkeypatch):
    write_generated_notices(project, 6)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    for workers in ("1", "2"):
        monkeypatch.setenv(parallel.WORKERS_ENV, workers)
        forget_everything()
        build_in_process(project, tmp_path / f"site-{workers}", monkeypatch)
    assert differences(tmp_path / "site-1", tmp_path / "site-2") == []


def test_the_cache_never_changes_what_check_reports_and_sees_every_edit(project, monkeypatch):
    write_generated_notices(project, 4)
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    forget_everything()
    first = check(project)
    assert first[0] == 0
    assert parallel._LOADED  # the second check reads these
    assert check(project) == first
    narrative = sorted((project / "notices").rglob("gen-002.md"))[0]
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\n联系人手机 13812345678。\n", encoding="utf-8")
    code, lines = check(project)
    assert any("gen-002.md" in line and "13812345678" in line for line in lines)
    forget_everything()
    assert check(project) == (code, lines)
    sorted((project / "notices").rglob("gen-002.yml"))[0].unlink()
    narrative.unlink()
    assert not any("gen-002" in line for line in check(project)[1])  # a deleted notice is not remembered
