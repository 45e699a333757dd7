"""The pre-commit hook runs `notices check` from the project's .venv without an activated environment:
in a fresh repository with the project's .venv (as `bash scripts/setup` leaves it), `pre-commit install`
then `git commit` runs the check and refuses a commit with an error in a notice."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import GOOD, ROOT

PRE_COMMIT = ROOT / ".venv" / "bin" / "pre-commit"


def test_hook_entry_is_the_projects_own_notices():
    [repo] = YAML(typ="safe").load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    [hook] = repo["hooks"]
    assert (repo["repo"], hook["language"], hook["entry"]) == ("local", "system", ".venv/bin/notices check")
    assert hook["pass_filenames"] is False


@pytest.fixture
def repository(tmp_path) -> tuple[Path, dict]:
    """A new git repository of the project whose .venv is this checkout's; an environment with no
    virtualenv activated (no .venv/bin on PATH, no VIRTUAL_ENV)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("mkdocs.yml", ".pre-commit-config.yaml", ".gitignore"):
        shutil.copy(ROOT / name, repo / name)
    for folder in ("notices", "content", "theme_overrides"):
        shutil.copytree(ROOT / folder, repo / folder)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    venv_bin = str(ROOT / ".venv" / "bin")
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p and Path(p) != Path(venv_bin))
    env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(PATH=path, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"), NO_MKDOCS_2_WARNING="1",
               GIT_AUTHOR_NAME="编辑", GIT_AUTHOR_EMAIL="editor@example.gov.cn",
               GIT_COMMITTER_NAME="编辑", GIT_COMMITTER_EMAIL="editor@example.gov.cn")
    on_path = shutil.which("notices", path=path)
    assert on_path is None or not Path(on_path).is_relative_to(ROOT)
    git = lambda *args: subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)  # noqa: E731
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "start", "--no-verify")
    return repo, env


def commit(repo: Path, env: dict, message: str) -> subprocess.CompletedProcess:
    subprocess.run(["git", "add", "-A"], cwd=repo, env=env, check=True)
    return subprocess.run(["git", "commit", "-m", message], cwd=repo, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


def test_installed_hook_checks_each_commit(repository):
    repo, env = repository
    install = subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    (repo / "notices" / "2024" / "new.yml").write_text(GOOD.replace("kind: 整改情况", "kind: 整改进"), encoding="utf-8")
    refused = commit(repo, env, "a notice with an error")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    output = refused.stdout + refused.stderr
    assert "检查通报（notices check）" in output and "Failed" in output
    assert "notices/2024/new.yml:2:7: error: kind 的值“整改进”不在词表中" in output
    (repo / "notices" / "2024" / "new.yml").write_text(GOOD.replace("title: 某区委关于", "title: 某县委关于"),
                                                       encoding="utf-8")
    accepted = commit(repo, env, "the notice corrected")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr


def test_hook_is_skipped_for_unrelated_files(repository):
    repo, env = repository
    subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env, check=True, capture_output=True)
    (repo / "content" / "about.md").write_text("关于本站（改）\n", encoding="utf-8")
    result = commit(repo, env, "a content page")
    assert result.returncode == 0 and "(no files to check)Skipped" in result.stdout + result.stderr
