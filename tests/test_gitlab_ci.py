""".gitlab-ci.yml: valid against GitLab's own CI schema (the copy check-jsonschema ships, from PyPI),
and doing what the README says: the check on merge requests with its findings as a Code Quality
report, tests, the strict build, and a pages job publishing public/ on the default branch. The check
and pages scripts are run here as the jobs would run them. The same for the pipeline ``notices init``
writes into a new site (no tests there: a new site has none)."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from conftest import BUILD_ENV, ROOT

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
MR = '$CI_PIPELINE_SOURCE == "merge_request_event"'
DEFAULT_BRANCH = "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"


def pipeline(project: Path = ROOT) -> dict:
    return YAML(typ="safe").load((project / ".gitlab-ci.yml").read_text(encoding="utf-8"))


def jobs(config: dict) -> dict[str, dict]:
    reserved = {"workflow", "stages", "variables", "default", "include", "image", "services", "cache",
                "before_script", "after_script"}
    return {name: job for name, job in config.items() if name not in reserved and not name.startswith(".")}


def validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.gitlab-ci", "--data-transform",
                           "gitlab-ci", str(path)], capture_output=True, text=True)


def test_valid_against_gitlabs_ci_schema():
    result = validate(ROOT / ".gitlab-ci.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "validation done" in result.stdout


def test_the_schema_really_validates(tmp_path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text("check:\n  stage: check\n  scirpt: [notices check]\n  when: sometimes\n", encoding="utf-8")
    result = validate(broken)
    assert result.returncode == 1
    assert "'scirpt' was unexpected" in result.stdout


def test_jobs_stages_and_rules():
    config = pipeline()
    assert config["stages"] == ["check", "build", "deploy"]
    found = jobs(config)
    assert {name: job["stage"] for name, job in found.items()} == {
        "check": "check", "test": "check", "build": "build", "pages": "deploy", "deploy-server": "deploy"}
    rules = {name: [rule["if"] for rule in job["rules"]] for name, job in found.items()}
    assert rules == {"check": [MR], "test": [MR], "build": [MR], "pages": [DEFAULT_BRANCH],
                     "deploy-server": [f"{DEFAULT_BRANCH} && $DEPLOY_TARGET"]}
    # No duplicate pipelines for a branch with an open merge request.
    assert config["workflow"]["rules"][1] == {"if": "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", "when": "never"}
    assert config["default"]["image"].startswith("python:3.11")
    assert config["default"]["before_script"][-1] == "bash scripts/setup"
    assert config["default"]["timeout"] == "30 minutes"


def test_the_code_quality_report_is_the_file_the_check_writes():
    check = jobs(pipeline())["check"]
    assert check["variables"]["GIT_DEPTH"] == "0"
    command = check["script"][-1]
    report = check["artifacts"]["reports"]["codequality"]
    assert command.endswith(f"--format codequality > {report}")
    assert check["script"][0] == 'target="${CI_MERGE_REQUEST_TARGET_BRANCH_NAME}"'
    assert '--base "origin/${target}"' in command
    assert check["artifacts"]["when"] == "always"


def test_the_strict_build_and_pages():
    found = jobs(pipeline())
    assert found["build"]["script"] == [".venv/bin/mkdocs build --strict"]
    assert found["build"]["artifacts"]["paths"] == ["site"]
    assert found["pages"]["artifacts"]["paths"] == ["public"]
    assert found["pages"]["script"][-1] == ".venv/bin/mkdocs build --strict -f mkdocs.pages.yml -d public"
    assert found["deploy-server"]["script"][-1].endswith("bash scripts/deploy")


def job_script(job: dict, replacements: dict[str, str]) -> str:
    script = "\n".join(job["script"])
    for old, new in replacements.items():
        script = script.replace(old, new)
    return script


def test_check_job_runs_as_in_a_merge_request(tmp_path):
    """The check job's script in a clone whose origin has the target branch, as GitLab checks it out."""
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(ROOT), str(origin)], check=True)
    subprocess.run(["git", "-C", str(origin), "branch", "-f", "target", "HEAD"], check=True)
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(origin), str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "checkout", "-q", "--detach", "origin/target"], check=True)
    subprocess.run(["git", "-C", str(work), "branch", "-q", "-D", "target"], check=False, capture_output=True)
    shutil.rmtree(work / "notices" / "2023")  # the merge request deletes a published notice
    notices = f"{shlex.quote(sys.executable)} -m generator.cli"
    script = job_script(jobs(pipeline())["check"], {".venv/bin/notices": notices})
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=work, capture_output=True, text=True,
                            env={**BUILD_ENV, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "target"})
    assert result.returncode == 1, result.stderr  # the job fails, and still leaves its report
    [issue] = json.loads((work / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issue["severity"] == "major" and issue["location"]["path"].startswith("notices/2023/")
    assert "不能删除" in issue["description"]
    assert "检查未通过：1 个错误" in result.stderr


def test_pages_job_builds_public_at_the_pages_address(tmp_path):
    project = tmp_path / "project"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(project)], check=True)
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # what scripts/setup's npm ci gives the job
    script = job_script(jobs(pipeline())["pages"], {".venv/bin/mkdocs": f"{shlex.quote(sys.executable)} -m mkdocs"})
    env = {**BUILD_ENV, "CI_PAGES_URL": "https://unit.gitlab.io/xuncha"}
    env.pop("PAGES_SITE_URL", None)
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=project, capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0, result.stderr
    assert 'href="/xuncha/assets/stylesheets/' in (project / "public" / "404.html").read_text(encoding="utf-8")
    assert (project / "public" / "pagefind" / "pagefind-entry.json").is_file()
    assert not os.path.exists(project / "site")


# --- the pipeline of a site made by notices init ----------------------------------------------------


def test_new_sites_pipeline_is_valid_against_gitlabs_ci_schema(new_site):
    result = validate(new_site / ".gitlab-ci.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "validation done" in result.stdout


def test_new_sites_jobs_stages_and_rules(new_site):
    config = pipeline(new_site)
    assert config["stages"] == ["check", "build", "deploy"]
    found = jobs(config)
    assert {name: job["stage"] for name, job in found.items()} == {"check": "check", "build": "build",
                                                                    "pages": "deploy"}
    rules = {name: [rule["if"] for rule in job["rules"]] for name, job in found.items()}
    assert rules == {"check": [MR], "build": [MR], "pages": [DEFAULT_BRANCH]}
    assert config["workflow"]["rules"][1] == {"if": "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", "when": "never"}
    assert config["default"]["before_script"][-2:] == ["pip install -r requirements.txt", "npm ci"]
    assert config["default"]["cache"][0]["key"]["files"] == ["requirements.txt", "package-lock.json"]
    assert config["default"]["timeout"] == "30 minutes"
    assert found["check"]["variables"]["GIT_DEPTH"] == "0"
    assert found["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert found["pages"]["script"][-1] == "mkdocs build --strict -f mkdocs.pages.yml -d public"


def test_new_sites_check_job_reports_on_the_merge_request(new_site, tmp_path):
    """The new site in git with its example notice published; a merge request deletes it."""
    origin = tmp_path / "origin"
    shutil.copytree(new_site, origin)
    for command in (["init", "-q", "-b", "target"], ["add", "-A"],
                    ["-c", "user.name=编辑", "-c", "user.email=e@example.gov.cn", "commit", "-q", "-m", "新网站"]):
        subprocess.run(["git", "-C", str(origin), *command], check=True)
    work = tmp_path / "work"
    subprocess.run(["git", "clone", "-q", str(origin), str(work)], check=True)
    (work / "notices" / "2024" / "shili-tongbao.yml").unlink()
    (work / "notices" / "2024" / "shili-tongbao.md").unlink()
    notices = f"{shlex.quote(sys.executable)} -m generator.cli"
    script = job_script(jobs(pipeline(new_site))["check"], {"notices check": f"{notices} check"})
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=work, capture_output=True, text=True,
                            env={**BUILD_ENV, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "target"})
    assert result.returncode == 1, result.stderr
    [issue] = json.loads((work / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issue["location"]["path"] == "notices/2024/shili-tongbao.yml" and "不能删除" in issue["description"]
