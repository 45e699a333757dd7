"""The test command (scripts/test, which CI runs) runs ruff and mypy after the tests and fails when they fail,
without hiding the tests' results. Here with stand-ins for setup, pytest, ruff and mypy."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT


def fake_project(tmp_path: Path, pytest_code: int, ruff_code: int, mypy_code: int) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "test", tmp_path / "scripts" / "test")
    (tmp_path / "scripts" / "setup").write_text("exit 0\n", encoding="utf-8")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, text, code in (("python", "3 passed", pytest_code), ("ruff", "ruff: E501", ruff_code),
                             ("mypy", "mypy: error", mypy_code)):
        (bin_dir / name).write_text(f"#!/bin/sh\necho '{text}' \"$@\"\nexit {code}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return tmp_path


@pytest.mark.parametrize(("codes", "status"), [
    ((0, 0, 0), 0),
    ((0, 1, 0), 1),
    ((0, 0, 1), 1),
    ((2, 1, 1), 2),  # the tests' own status when they fail
])
def test_the_test_command_runs_the_linters_after_the_tests(tmp_path, codes, status):
    project = fake_project(tmp_path, *codes)
    result = subprocess.run(["bash", "scripts/test", "-q"], cwd=project, capture_output=True, text=True)
    assert result.returncode == status, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "3 passed -m pytest -q",
        "ruff check generator tests scripts", "ruff: E501 check generator tests scripts",
        "mypy generator", "mypy: error generator"]
    assert ("ruff 或 mypy 有发现" in result.stderr) == (status == 1)
