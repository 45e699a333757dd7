"""The check cache on disk (``.cache/notices/``): a new ``notices check`` or ``mkdocs build`` loads and checks again
only the notices whose files changed, and reports and builds exactly what it would without the cache."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_cache import differences

from conftest import BUILD_ENV, GOOD, ROOT, notices, write
from generator.check import content
from generator.publish import cache, parallel, site
from generator.read import collection
from generator.read.notices import load_notices

BAD = GOOD.replace("problems: 2\n", "problems: 3\n").replace("measures: [措施一。]",
                                                              "measures: [措施一，联系人手机13812345678。]")
BAD_BODY = "正文第一段，访问 [外站](https://example.com/x) 了解。\n"
BAD_FINDINGS = [
    "notices/2024/bad.md:1:15: error: 外部网站链接“https://example.com/x”：通报中不应出现政府网站（gov.cn）以外的地址，"
    "疑似植入的广告；如确需保留，请加入允许列表",
    "notices/2024/bad.md:1:15: warning: 链接到本站以外的网站“https://example.com/x”：请核实确是原文的链接",
    "notices/2024/bad.yml:12:13: error: 通报称有 3 个问题，problems 中列了 2 个：请补齐或核对数字",
    "notices/2024/bad.yml:22:25: warning: 疑似个人手机号码“13812345678”（个人信息）：个人号码公开前请删除；"
    "如是单位对外公开的联系电话，请加入允许列表",
    "检查未通过：2 个错误，2 个警告。请按上面的提示修改后再提交。",
]
CACHE_FILE = Path(".cache/notices/check.jsonl")


def new_process() -> None:
    """What a new ``notices check`` starts with: nothing in memory, only what is on disk."""
    parallel.clear_cache()
    content.clear_caches()
    site.clear_cache()
    collection._TITLE_SLUGS.clear()
    cache._SAVED.clear()


def checked(project: Path, *args: str) -> tuple[int, list[str], str]:
    new_process()
    return notices(project, "check", *args)


def recheck_fails(monkeypatch) -> None:
    """From now on, a notice that is loaded and checked again fails the test (it should come from the cache)."""
    def refuse(*args, **kwargs):
        raise AssertionError("loaded and checked again")
    monkeypatch.setattr(parallel, "load_jobs", refuse)


@pytest.fixture
def samples(project: Path) -> Path:
    """The project with the sample notices, one with errors and warnings, and one that passes."""
    shutil.rmtree(project / "notices")
    shutil.copytree(ROOT / "notices", project / "notices")
    write(project, "2024/bad.yml", BAD)
    write(project, "2024/bad.md", BAD_BODY)
    write(project, "2024/good.yml", GOOD.replace("某区委关于", "某区委关于另一"))
    return project


def entries(project: Path) -> dict[str, dict]:
    lines = (project / CACHE_FILE).read_text(encoding="utf-8").splitlines()
    return {item["path"]: item for item in map(json.loads, lines[1:])}


def test_check_says_the_same_with_a_cold_cache_a_warm_cache_and_none(samples, monkeypatch):
    cold = checked(samples)
    assert cold[0] == 1 and cold[1] == BAD_FINDINGS
    assert "检查缓存：0 篇通报沿用缓存的读取和检查结果，4 篇重新读取和检查（.cache/notices）" in cold[2]
    assert sorted(entries(samples)) == [
        "notices/2023/donghu-gongcheng-fangdichan-zhenggai-jinzhan.yml", "notices/2024/bad.yml",
        "notices/2024/daguan-chengshi-lvhua-zhenggai-jinzhan.yml", "notices/2024/good.yml"]
    with monkeypatch.context() as patched:
        recheck_fails(patched)
        warm = checked(samples)
    assert warm[:2] == cold[:2]
    assert "4 篇通报沿用缓存的读取和检查结果，0 篇重新读取和检查" in warm[2]
    written = (samples / CACHE_FILE).stat().st_mtime_ns
    assert checked(samples, "--no-cache")[:2] == cold[:2]
    assert (samples / CACHE_FILE).stat().st_mtime_ns == written  # --no-cache neither reads nor writes it
    for output_format in ("github", "codequality"):
        assert checked(samples, "--format", output_format)[:2] == checked(
            samples, "--format", output_format, "--no-cache")[:2]


def main_process_reads_fail(monkeypatch) -> None:
    """From now on, a notice file read by the main process for its cache key fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("read again for its key")
    monkeypatch.setattr(parallel, "read_regular", refuse)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_cold_check_reads_each_file_once_and_keeps_its_digest(samples, monkeypatch, workers):
    """A notice no cache holds is not read for its key: the key and the digest kept in files.json are those of
    what loading read; the next check neither reads nor loads the unchanged files."""
    monkeypatch.setenv(parallel.WORKERS_ENV, workers)
    monkeypatch.setattr(parallel, "SETTLED_NS", -(1 << 62))  # every file counts as settled before the run
    with monkeypatch.context() as patched:
        main_process_reads_fail(patched)
        cold = checked(samples)
    assert cold[0] == 1 and cold[1] == BAD_FINDINGS
    kept = json.loads((samples / CACHE_FILE.parent / cache.FILES_FILE).read_text(encoding="utf-8"))["files"]
    loaded = sorted(path for path in (samples / "notices").rglob("*") if path.is_file())
    assert sorted(kept) == [str(path) for path in loaded]
    for path in loaded:
        assert kept[str(path)][5] == hashlib.sha256(path.read_bytes()).hexdigest()
    with monkeypatch.context() as patched:
        recheck_fails(patched)
        main_process_reads_fail(patched)
        assert checked(samples)[:2] == cold[:2]


def test_an_edited_notice_is_checked_again_and_its_new_error_shown(samples, monkeypatch):
    checked(samples)
    write(samples, "2024/good.yml", GOOD.replace("某区委关于", "某区委关于另一").replace("published: 2024-12-24",
                                                                                      "published: 2024-02-30"))
    code, lines, errors = checked(samples)
    assert code == 1
    assert lines == [
        *BAD_FINDINGS[:-1],
        "notices/2024/good.yml:5:12: error: 日期“2024-02-30”不存在：请核对年、月、日（写成 2024-12-24 的形式）",
        "检查未通过：3 个错误，2 个警告。请按上面的提示修改后再提交。"]
    assert "3 篇通报沿用缓存的读取和检查结果，1 篇重新读取和检查" in errors
    assert "notices/2024/good.yml" not in entries(samples)  # it did not load: not cached, shown again next time
    assert checked(samples)[:2] == (code, lines)


def test_a_build_with_a_warm_cache_is_the_same_site_byte_for_byte(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "theme_overrides", "notices"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")

    def build(site_dir: Path, cache_dir: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)], cwd=project,
            capture_output=True, text=True, env={**BUILD_ENV, cache.CACHE_ENV: cache_dir})

    # notices check fills the cache that the build then reads (the same entries)
    subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=project, check=True, capture_output=True,
                   env={**BUILD_ENV, cache.CACHE_ENV: ""})
    warm = build(tmp_path / "warm", "")
    assert warm.returncode == 0, warm.stderr
    assert "检查缓存：2 篇通报沿用缓存的读取和检查结果，0 篇重新读取和检查（.cache/notices）" in warm.stderr
    without = build(tmp_path / "without", "off")
    assert without.returncode == 0, without.stderr
    assert "检查缓存" not in without.stderr
    assert differences(tmp_path / "warm", tmp_path / "without") == []
    assert not any(".cache" in str(path) or path.name == "check.jsonl" for path in (tmp_path / "warm").rglob("*"))


def test_a_forged_entry_whose_facts_are_not_its_notices_stops_the_build(tmp_path):
    """An entry with the right key whose kept facts give the notice another address: the build, which validates every
    notice, stops with the cache's message instead of publishing it under the forged slug."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "theme_overrides", "notices"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    env = {**BUILD_ENV, cache.CACHE_ENV: ""}
    subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=project, check=True, capture_output=True,
                   env=env)
    lines = (project / CACHE_FILE).read_bytes().split(b"\n")
    forged = []
    for line in lines:
        if line.strip():
            item = json.loads(line)
            if "facts" in item and item["facts"].get("title", "").startswith("中共大观区委"):
                assert item["facts"]["slug"] is None and item["slug"]  # its address is its title's slug
                item["slug"] = "forged-address"
                line = json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        forged.append(line)
    assert forged != lines
    (project / CACHE_FILE).write_bytes(b"\n".join(forged))
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                           cwd=project, capture_output=True, text=True, env=env)
    assert built.returncode != 0
    assert "检查缓存中 notices/2024/" in built.stderr
    assert "的记录与文件不符：请删除缓存文件夹（默认 .cache/notices）后重新检查" in built.stderr
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "site" / "notices" / "forged-address").exists()


def test_a_changed_vocabulary_or_spam_terms_file_is_a_new_cache(samples, tmp_path):
    """The cache's key holds the SHA-256 of every file of the generator package, its data files included."""
    code = tmp_path / "code"
    shutil.copytree(ROOT / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**BUILD_ENV, "PYTHONPATH": str(code), "PYTHONDONTWRITEBYTECODE": "1", cache.CACHE_ENV: ""}

    def run() -> list[str]:
        result = subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=samples, capture_output=True,
                                text=True, env=env)
        assert "检查缓存" in result.stderr, result.stderr
        return result.stdout.splitlines()

    assert run() == BAD_FINDINGS
    assert run() == BAD_FINDINGS  # from the cache
    terms = code / "generator" / "data" / "spam_terms.yml"
    text = terms.read_text(encoding="utf-8")
    assert "    terms:\n" in text
    terms.write_text(text.replace("    terms:\n", "    terms:\n      - 措施二\n", 1), encoding="utf-8")
    spam = [line for line in run() if "措施二" in line]
    assert spam and all("疑似植入的广告文字" in line for line in spam)
    kinds = code / "generator" / "data" / "kinds.yml"
    kinds.write_text(kinds.read_text(encoding="utf-8").replace("- value: 整改情况", "- value: 整改结果"),
                     encoding="utf-8")
    assert any(line.startswith("notices/2024/good.yml:2:7: error: ") for line in run())


def test_a_corrupt_cache_file_is_ignored_and_written_again(samples, monkeypatch):
    cold = checked(samples)
    good = (samples / CACHE_FILE).read_text(encoding="utf-8")
    header, first, *rest = good.splitlines()
    corruptions = [
        b"\x00\xff not even text",
        good[: len(good) // 2].encode(),  # cut off: its last line is not JSON
        "\n".join([header, first.replace('"findings":[]', '"findings":"none"'), *rest]).encode(),
        # another format
        "\n".join([header.replace(f'"version": {cache.VERSION}', '"version": 99'), first, *rest]).encode(),
        "\n".join([header, *(line.replace('{"$date":"', '{"$date":"x') for line in [first, *rest])]).encode(),
    ]
    for corrupt in corruptions:
        (samples / CACHE_FILE).write_bytes(corrupt)
        assert checked(samples)[:2] == cold[:2]
        with monkeypatch.context() as patched:  # written again: the next check is warm
            recheck_fails(patched)
            assert checked(samples)[:2] == cold[:2]


def test_an_entry_is_never_trusted_for_content_it_was_not_made_from(samples):
    checked(samples)
    items = entries(samples)
    good, bad = items["notices/2024/good.yml"], items["notices/2024/bad.yml"]
    assert good["findings"] == []
    # the entry of a notice without findings, given the bad notice's path: its key is not the bad files' key
    forged = {**good, "path": bad["path"], "body_path": bad["body_path"]}
    # the bad notice's own entry, its findings taken out but for one of another file
    emptied = {**bad, "findings": [["notices/2024/good.yml", 1, 1, "warning", "没有问题"]]}
    for entry in (forged, emptied):
        lines = (samples / CACHE_FILE).read_text(encoding="utf-8").splitlines()
        lines = [line for line in lines[1:] if json.loads(line)["path"] != bad["path"]]
        (samples / CACHE_FILE).write_text("\n".join([cache._header(), *lines, json.dumps(entry, ensure_ascii=False)]),
                                          encoding="utf-8")
        code, output, errors = checked(samples)
        assert (code, output) == (1, BAD_FINDINGS)
        assert "3 篇通报沿用缓存的读取和检查结果，1 篇重新读取和检查" in errors


def test_a_cache_folder_that_is_a_symlink_is_neither_read_nor_written(samples, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (samples / ".cache").mkdir()
    (samples / ".cache" / "notices").symlink_to(elsewhere)
    code, lines, errors = checked(samples)
    assert (code, lines) == (1, BAD_FINDINGS)
    assert "warning: 缓存文件夹 .cache/notices 是符号链接或在符号链接里，没有使用（检查结果不受影响）" in errors
    assert list(elsewhere.iterdir()) == []
    (samples / ".cache" / "notices").unlink()
    (samples / ".cache").rmdir()
    (samples / ".cache").symlink_to(elsewhere)  # a link further up: the same
    code, lines, errors = checked(samples)
    assert (code, lines) == (1, BAD_FINDINGS)
    assert "warning: 缓存文件夹 .cache/notices 是符号链接或在符号链接里，没有使用（检查结果不受影响）" in errors
    assert list(elsewhere.iterdir()) == []


def test_a_cache_committed_to_git_is_never_read(samples, monkeypatch):
    """A pull request could bring a cache of its own that says its notices have no findings."""
    checked(samples)
    lines = (samples / CACHE_FILE).read_text(encoding="utf-8").splitlines()
    bad = json.loads(next(line for line in lines if '"notices/2024/bad.yml"' in line))
    bad["findings"] = []  # forged: the right key, no findings
    (samples / CACHE_FILE).write_text("\n".join([line for line in lines if '"notices/2024/bad.yml"' not in line]
                                                + [json.dumps(bad, ensure_ascii=False)]) + "\n", encoding="utf-8")
    # Not committed, the folder is trusted like the code (README, "Threat model"): the forged entry is believed.
    assert checked(samples)[:2] == (0, ["检查通过：4 篇通报，0 个警告。"])
    subprocess.run(["git", "init", "-q"], cwd=samples, check=True)
    subprocess.run(["git", "add", "-f", str(CACHE_FILE)], cwd=samples, check=True)
    code, output, errors = checked(samples)
    assert (code, output) == (1, BAD_FINDINGS)
    assert ("warning: 缓存文件夹 .cache/notices 里有提交到 git 的文件，没有使用：缓存只能由本机或持续集成写入，"
            "请从仓库中删除（git rm -r --cached .cache/notices）") in errors


def test_a_cache_that_cannot_be_written_gives_a_warning_and_the_same_findings(samples):
    (samples / ".cache").write_text("不是文件夹", encoding="utf-8")
    code, lines, errors = checked(samples)
    assert (code, lines) == (1, BAD_FINDINGS)
    assert "warning: 缓存没有写入 .cache/notices（Not a directory）：下次检查将重新检查全部通报，结果不受影响" in errors


def test_the_cache_holds_only_the_notices_that_exist(samples):
    checked(samples)
    assert "notices/2024/good.yml" in entries(samples)
    (samples / "notices" / "2024" / "good.yml").unlink()
    checked(samples)
    assert "notices/2024/good.yml" not in entries(samples)
    assert len(entries(samples)) == 3
    assert (samples / ".cache" / "notices" / ".gitignore").read_text(encoding="utf-8").endswith("\n*\n")


def test_the_cache_folder_comes_from_the_environment_or_the_settings(samples, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "ci-cache"))
    checked(samples)
    assert (tmp_path / "ci-cache" / "check.jsonl").is_file() and not (samples / ".cache").exists()
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    code, lines, errors = checked(samples)
    assert (code, lines) == (1, BAD_FINDINGS) and "检查缓存" not in errors
    monkeypatch.delenv(cache.CACHE_ENV)
    config = samples / "mkdocs.yml"
    setting = "      notices_dir: notices\n      cache_dir: content/cache\n"
    config.write_text(config.read_text(encoding="utf-8").replace("      notices_dir: notices\n", setting),
                      encoding="utf-8")
    code, lines, errors = checked(samples)
    assert (code, lines) == (1, BAD_FINDINGS)
    assert ("warning: 缓存文件夹 content/cache 在 content/ 里面，没有使用：请放在网站和通报的文件夹之外"
            "（默认 .cache/notices）") in errors
    assert not (samples / "content" / "cache").exists()


def test_the_cached_data_is_the_data_read_from_the_yaml():
    for source in load_notices(ROOT / "notices", ROOT).sources:
        line = cache.encode_entry("0" * 64, source.path, source.body_path, source.data, [])
        _, _, entry = cache.decode_entry(line)
        assert entry.data == source.data
        assert repr(entry.data) == repr(source.data)  # the same types too (a date stays a date, 1 is not 1.0)
    for value in (float("nan"), {"$date": "2024-01-01"}, {1: "a"}, {"a": {"b": [object()]}}, {"a": "x", 2: "y"},
                  ["x", {"$date": "2024-01-01"}], ["x", float("inf")], {"a": dt.datetime(2024, 1, 1)}):
        with pytest.raises(cache.NotCacheable):
            cache.encode_data(value)


def test_the_project_never_commits_the_cache():
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    template = ROOT / "generator" / "site_template" / "_dot_gitignore"
    assert ".cache/" in template.read_text(encoding="utf-8").splitlines()


def test_check_in_a_git_work_tree_leaves_it_clean(samples):
    subprocess.run(["git", "init", "-q"], cwd=samples, check=True)
    (samples / ".gitignore").write_text(textwrap.dedent("site/\n"), encoding="utf-8")
    checked(samples)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=samples, check=True,
                            capture_output=True, text=True).stdout
    assert ".cache" not in status
    assert os.path.isfile(samples / CACHE_FILE)


@pytest.mark.parametrize("project_root", [ROOT, ROOT / "generator" / "site_template"], ids=["repository", "new site"])
def test_ci_keeps_the_check_cache_of_each_branch_apart(project_root):
    from ruamel.yaml import YAML

    dot = "." if project_root == ROOT else "_dot_"
    for name, job in (("check.yml", "check"), ("deploy.yml", "build")):
        workflow = YAML(typ="safe").load((project_root / f"{dot}github" / "workflows" / name).read_text("utf-8"))
        steps = workflow["jobs"][job]["steps"]
        [step] = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
        # a new entry each run (keys are immutable), found by its prefix; GitHub scopes it to the run's ref
        assert step["with"] == {"path": ".cache/notices", "key": "notices-check-${{ github.run_id }}",
                                "restore-keys": "notices-check-"}
        names = [entry.get("name", entry.get("uses")) for entry in steps]
        assert names.index(step["name"]) < min(index for index, entry in enumerate(steps)
                                               if "notices check" in entry.get("run", "")
                                               or "mkdocs build" in entry.get("run", ""))
        assert "pull_request_target" not in workflow["on"]  # that would run a pull request in main's cache scope
    gitlab = YAML(typ="safe").load((project_root / f"{dot}gitlab-ci.yml").read_text("utf-8"))
    # a branch's first pipeline falls back to the default branch's (which GitLab gives a merge request's job only
    # with the protected branches' caches not kept apart); every job uses the default's caches
    assert {"key": "notices-check-$CI_COMMIT_REF_SLUG", "fallback_keys": ["notices-check-$CI_DEFAULT_BRANCH"],
            "paths": [".cache/notices"]} in gitlab["default"]["cache"]
    reserved = {"workflow", "stages", "variables", "default", "include"}
    assert not [name for name, job in gitlab.items() if name not in reserved and "cache" in job]


def test_worker_processes_write_the_same_cache_and_read_it_alike(samples, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    one = checked(samples)
    written = (samples / CACHE_FILE).read_bytes()
    (samples / CACHE_FILE).unlink()
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")  # each worker makes its notices' entries
    assert checked(samples)[:2] == one[:2]
    assert (samples / CACHE_FILE).read_bytes() == written
    with monkeypatch.context() as patched:
        recheck_fails(patched)
        assert checked(samples)[:2] == one[:2]


def test_the_benchmark_times_the_check_with_a_cold_and_a_warm_cache():
    result = subprocess.run([sys.executable, "scripts/benchmark.py", "--sizes", "2", "--check-only", "--warm"],
                            cwd=ROOT, capture_output=True, text=True, env=BUILD_ENV, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| check")]
    assert [row.split("|")[1].strip() for row in rows] == ["check", "check (warm cache)"]


@pytest.fixture
def troubled(samples: Path) -> Path:
    """The samples with errors in several notices: their own (figures, a link, a phone number, a date that does
    not exist, YAML that does not parse) and across notices (the same title and slug twice, ``follows`` to a report
    of another inspection and unit, an old URL that is another notice's)."""
    twin = GOOD.replace("某区委关于", "某区委关于另一")
    write(samples, "2024/twin.yml", twin)  # the title (and so the slug) of good.yml
    daguan = "zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua-gong-cheng-ling-yu-zhuan-xiang-xun-cha-zheng-gai"
    donghu = "dong-hu-gao-xin-qu-jian-she-ju-guan-yu-gong-cheng-jian-she-he-fang-di-chan-ling-yu-zhuan-xiang-xun-cha"
    later = GOOD.replace("某区委关于", "某区委关于后来").replace(
        "published: 2024-12-24", f"published: 2025-03-01\nfollows: {daguan}-jin-zhan-qing-kuang-de-tong-bao\n"
                                 f"previous_slugs: [{donghu}-zheng-gai-jin-zhan-qing-kuang-de-gong-bu]")
    write(samples, "2025/later.yml", later)
    write(samples, "2025/broken.yml", "title: [未闭合\n")
    write(samples, "2023/dated.yml", GOOD.replace("某区委关于", "某区委关于日期").replace("2024-12-24", "2024-02-30"))
    return samples


def test_the_findings_are_the_same_with_and_without_the_cache_with_one_or_two_workers(troubled, monkeypatch):
    runs = {}
    for workers in ("1", "2"):
        monkeypatch.setenv(parallel.WORKERS_ENV, workers)
        shutil.rmtree(troubled / ".cache", ignore_errors=True)
        runs[workers, "no cache"] = checked(troubled, "--no-cache")
        runs[workers, "cold"] = checked(troubled)
        runs[workers, "warm"] = checked(troubled)  # the notices that loaded come from the cache, the others not
        assert "6 篇通报沿用缓存的读取和检查结果，2 篇重新读取和检查" in runs[workers, "warm"][2]
        runs[workers, "warm, github"] = checked(troubled, "--format", "github")
        runs[workers, "no cache, github"] = checked(troubled, "--format", "github", "--no-cache")
    code, lines, _ = runs["1", "no cache"]
    assert code == 1
    located = [line for line in lines if line.startswith("notices/")]
    assert {line.split(":")[0] for line in located} == {
        "notices/2024/bad.md", "notices/2024/bad.yml", "notices/2024/twin.yml", "notices/2025/later.yml",
        "notices/2025/broken.yml", "notices/2023/dated.yml"}
    assert all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in located)
    assert any("标题与 notices/2024/good.yml 完全相同" in line for line in located)
    assert any(line.startswith("notices/2025/later.yml:") and "巡察组与前一份通报" in line for line in located)
    assert any(line.startswith("notices/2025/later.yml:") and "旧网址名称“dong-hu" in line for line in located)
    for (workers, variant), run in runs.items():
        expected = runs["1", "no cache, github" if "github" in variant else "no cache"]
        assert run[:2] == expected[:2], (workers, variant)


def test_check_base_says_the_same_with_a_warm_cache(samples, monkeypatch):
    """--base reads every notice's URLs and revision notes: from the cache's facts when the notice is unchanged."""
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    subprocess.run(["git", "init", "-q"], cwd=samples, check=True)
    subprocess.run(["git", "add", "-A", "notices"], cwd=samples, check=True)
    subprocess.run(["git", "commit", "-qm", "published"], cwd=samples, check=True)
    good = samples / "notices" / "2024" / "good.yml"
    good.write_text(good.read_text(encoding="utf-8").replace("措施二。", "措施二，已改。"), encoding="utf-8")
    (samples / "notices" / "2023" / "donghu-gongcheng-fangdichan-zhenggai-jinzhan.yml").unlink()
    cold = checked(samples, "--base", "HEAD")
    assert any(line.startswith("notices/2024/good.yml:") and "修改后必须在 revisions 中增加一条更正记录" in line
               for line in cold[1])
    assert any(line.startswith("notices/2023/donghu-gongcheng-fangdichan-zhenggai-jinzhan.yml:") and "不能删除" in line
               for line in cold[1])
    with monkeypatch.context() as patched:
        recheck_fails(patched)
        warm = checked(samples, "--base", "HEAD")
    assert warm[:2] == cold[:2] == checked(samples, "--base", "HEAD", "--no-cache")[:2]


def test_a_cached_notice_whose_data_gives_no_notice_is_read_from_its_file(samples):
    """Its model is needed (it follows another report): the entry's data, made by hand, gives none; the file does."""
    follows = "zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua-gong-cheng-ling-yu-zhuan-xiang-xun-cha-zheng-gai"
    good = GOOD.replace("某区委关于", "某区委关于另一").replace(
        "published: 2024-12-24", f"published: 2024-12-24\nfollows: {follows}-jin-zhan-qing-kuang-de-tong-bao")
    write(samples, "2024/good.yml", good)
    cold = checked(samples)
    assert any(line.startswith("notices/2024/good.yml:") and "巡察组与前一份通报" in line for line in cold[1])
    lines = (samples / CACHE_FILE).read_bytes().split(b"\n")
    forged = [line.replace(line[line.index(b',"data":"'):], b',"data":"{}"}') if b'"notices/2024/good.yml"' in line
              else line for line in lines]
    assert forged != lines
    (samples / CACHE_FILE).write_bytes(b"\n".join(forged))
    assert checked(samples)[:2] == cold[:2]


def test_a_forged_entry_for_a_file_that_gives_no_notice_stops_the_check_with_a_message(samples):
    checked(samples)
    path = samples / "notices" / "2024" / "good.yml"
    lines = (samples / CACHE_FILE).read_bytes().split(b"\n")
    [line] = [line for line in lines if b'"notices/2024/good.yml"' in line]
    item = json.loads(line)
    broken = GOOD.replace("某区委关于", "某区委关于另一").replace("publisher: 某区委", "publisher: [未闭合")
    path.write_bytes(broken.encode("utf-8"))
    contact = repr(cache_contact(samples))
    item["key"] = cache.entry_key(item["path"], hashlib.sha256(broken.encode("utf-8")).hexdigest(), None, None,
                                  contact)
    item["data"] = "{}"
    item["facts"]["follows"] = "zhong-gong"  # the checks across notices then need its model
    (samples / CACHE_FILE).write_bytes(b"\n".join(
        [json.dumps(item, ensure_ascii=False).encode("utf-8") if other == line else other for other in lines]))
    code, output, errors = checked(samples)
    assert code == 1
    assert ("error: 检查缓存中 notices/2024/good.yml 的记录与文件不符：请删除缓存文件夹（默认 .cache/notices）"
            "后重新检查") in errors
    assert "Traceback" not in errors


def cache_contact(project: Path):
    from generator.read.config import load_settings, read_config

    config, _ = read_config(project / "mkdocs.yml")
    settings, _ = load_settings(config, "mkdocs.yml", config)
    return settings.contact if settings else None
