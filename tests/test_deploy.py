"""scripts/deploy: builds, then copies site/ with rsync; publishes nothing when the build failed or
site/ is missing, stale or incomplete, and refuses a target whose folder it could wipe. Tested with
rsync to a local folder (no network, no ssh): the same rsync call, only the target differs."""

from __future__ import annotations

import filecmp
import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def rsync() -> str:
    found = shutil.which("rsync")
    if not found and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "rsync"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("rsync")
    if not found:
        pytest.skip("没有 rsync，且不是 root 无法安装：请执行 sudo apt-get install rsync")
    return found


@pytest.fixture
def checkout(tmp_path, sample_site, rsync) -> Path:
    """A project folder with the deploy script, sources, and a stand-in for scripts/serve build that
    copies the sample site (a real build is what the other tests check)."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "deploy", project / "scripts" / "deploy")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("notices", "content"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "scripts" / "serve").write_text(
        f'#!/usr/bin/env bash\nset -e\n[ "$1" = build ]\necho "$SOURCE_DATE_EPOCH" > build-ran\n'
        f'rm -rf site && cp -r {sample_site} site\n', encoding="utf-8")
    return project


def deploy(project: Path, *args: str, target: str | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("DEPLOY_TARGET", "SOURCE_DATE_EPOCH")}
    if target is not None:
        env["DEPLOY_TARGET"] = target
    return subprocess.run(["bash", str(project / "scripts" / "deploy"), *args], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL)


def same_tree(left: Path, right: Path) -> bool:
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False
    return all(same_tree(left / sub, right / sub) for sub in comparison.common_dirs)


def test_builds_then_publishes_replacing_the_old_site(checkout, tmp_path, sample_site):
    target = tmp_path / "www"
    (target / "old-notice").mkdir(parents=True)
    (target / "old-notice" / "index.html").write_text("旧网页", encoding="utf-8")
    (target / ".well-known" / "acme-challenge").mkdir(parents=True)
    (target / ".well-known" / "acme-challenge" / "token").write_text("t", encoding="utf-8")
    result = deploy(checkout, target=str(target))
    assert result.returncode == 0, result.stderr
    assert (checkout / "build-ran").exists()
    assert result.stdout.strip().splitlines()[-1] == f"已发布到 {target}。"
    # The site exactly, the removed page gone, the certificate challenge kept.
    assert not (target / "old-notice").exists()
    assert (target / ".well-known" / "acme-challenge" / "token").read_text(encoding="utf-8") == "t"
    shutil.rmtree(target / ".well-known")
    assert same_tree(sample_site, target)
    # Readable by the web server whatever the builder's umask.
    assert stat.S_IMODE((target / "index.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((target / "pagefind").stat().st_mode) == 0o755


def test_a_failed_build_publishes_nothing(checkout, tmp_path):
    (checkout / "scripts" / "serve").write_text("#!/usr/bin/env bash\necho 'notices/x.yml:1:1: error: …' >&2\nexit 1\n",
                                                encoding="utf-8")
    target = tmp_path / "www"
    target.mkdir()
    (target / "index.html").write_text("线上网站", encoding="utf-8")
    result = deploy(checkout, target=str(target))
    assert result.returncode == 1
    assert "构建失败，没有发布" in result.stderr
    assert [p.name for p in target.iterdir()] == ["index.html"]
    assert (target / "index.html").read_text(encoding="utf-8") == "线上网站"


def test_no_build_publishes_the_built_site(checkout, tmp_path, sample_site):
    shutil.copytree(sample_site, checkout / "site", copy_function=shutil.copy)  # built now
    result = deploy(checkout, "--no-build", target=str(tmp_path / "www"))
    assert result.returncode == 0, result.stderr
    assert not (checkout / "build-ran").exists()
    assert same_tree(sample_site, tmp_path / "www")


def test_no_build_refuses_a_missing_incomplete_or_stale_site(checkout, tmp_path, sample_site):
    target = tmp_path / "www"
    result = deploy(checkout, "--no-build", target=str(target))
    assert result.returncode == 1 and "site/ 不存在或不完整" in result.stderr
    shutil.copytree(sample_site, checkout / "site", copy_function=shutil.copy)  # built now
    (checkout / "site" / "404.html").unlink()
    result = deploy(checkout, "--no-build", target=str(target))
    assert result.returncode == 1 and "site/ 不存在或不完整" in result.stderr
    shutil.copy(sample_site / "404.html", checkout / "site" / "404.html")
    # A notice changed after the build: site/ is what a build before it left (perhaps a failed one).
    notice = next((checkout / "notices").rglob("*.yml"))
    later = time.time() + 60
    os.utime(notice, (later, later))
    result = deploy(checkout, "--no-build", target=str(target))
    assert result.returncode == 1 and "比 site/ 新" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("target", ["", "deploy@www.example.gov.cn:", "deploy@www.example.gov.cn:/",
                                    "deploy@www.example.gov.cn:www", "deploy@www.example.gov.cn://", "/", "."])
def test_targets_it_could_wipe_are_refused(checkout, target):
    result = deploy(checkout, target=target)
    assert result.returncode == 2, result.stderr
    assert "没有发布" in result.stderr
    assert not (checkout / "build-ran").exists()


def test_unknown_option(checkout, tmp_path):
    result = deploy(checkout, "--force", target=str(tmp_path / "www"))
    assert result.returncode == 2 and result.stderr.startswith("用法：")
