"""`notices check --format`: the findings as text, as GitHub workflow commands, or as a GitLab Code
Quality report (the merge request shows them on the changed lines)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import BUILD_ENV, GOOD, write

KIND_ERROR = "kind 的值“整改进”不在词表中，只能写：整改进展、整改情况、巡察公告、其他"


def run_check(project, *args, env=None):
    result = subprocess.run([sys.executable, "-m", "generator.cli", "check", *args], cwd=project,
                            capture_output=True, text=True, env={**BUILD_ENV, **(env or {})})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_code_quality_report_of_a_notice_with_one_error(project):
    write(project, "x.yml", GOOD.replace("kind: 整改情况", "kind: 整改进"))
    result = run_check(project, "--format", "codequality")
    assert result.returncode == 1
    # The exact report: the fingerprint is SHA-256 of path, line and message, stable from one
    # pipeline to the next (GitLab compares it with the target branch's report).
    assert json.loads(result.stdout) == [{
        "description": KIND_ERROR,
        "check_name": "notices-check",
        "fingerprint": "68e3c347b44ec58cf59a014fdb246554fb92a8a3a4ce532087c74c319695cbcb",
        "severity": "major",
        "location": {"path": "notices/x.yml", "lines": {"begin": 2}},
    }]
    # Only the report on standard output; the messages for the job's log on standard error.
    assert result.stderr.splitlines() == [f"notices/x.yml:2:7: error: {KIND_ERROR}",
                                          "检查未通过：1 个错误，0 个警告。请按上面的提示修改后再提交。"]


def test_code_quality_warnings_are_minor_and_whole_file_messages_sit_on_line_one(project):
    write(project, "2024/late.yml", GOOD.replace("due: 2099-12-31", "due: 2024-11-30"))
    write(project, "2024/orphan.md", "没有同名 yml 的正文。")
    result = run_check(project, "--format", "codequality")
    issues = json.loads(result.stdout)
    assert [(i["location"], i["severity"]) for i in issues] == [
        ({"path": "notices/2024/late.yml", "lines": {"begin": 27}}, "minor"),
        ({"path": "notices/2024/orphan.md", "lines": {"begin": 1}}, "major")]


def test_a_clean_site_gives_an_empty_report(project):
    write(project, "2024/good.yml", GOOD)
    result = run_check(project, "--format", "codequality")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    assert result.stderr.strip() == "检查通过：1 篇通报，0 个警告。"


def test_a_broken_config_is_a_report_too(project):
    (project / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    result = run_check(project, "--format", "codequality")
    assert result.returncode == 1
    assert [i["location"]["path"] for i in json.loads(result.stdout)] == ["mkdocs.yml"]


def test_github_format_adds_workflow_commands_outside_actions_too(project):
    write(project, "x.yml", GOOD.replace("kind: 整改情况", "kind: 整改进"))
    lines = run_check(project, "--format", "github", env={"GITHUB_ACTIONS": ""}).stdout.splitlines()
    assert lines == [f"notices/x.yml:2:7: error: {KIND_ERROR}",
                     f"::error file=notices/x.yml,line=2,col=7::{KIND_ERROR}",
                     "检查未通过：1 个错误，0 个警告。请按上面的提示修改后再提交。"]
    text = run_check(project, env={"GITHUB_ACTIONS": ""}).stdout.splitlines()
    assert text == [lines[0], lines[2]]


def test_an_unknown_format_is_a_usage_error(project):
    result = run_check(project, "--format", "xml")
    assert result.returncode == 2 and "invalid choice: 'xml'" in result.stderr
