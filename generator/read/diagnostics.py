"""Located messages for editors: ``notices/2024/x.yml:17:5: error: 说明``; also as GitHub workflow
commands and as a GitLab Code Quality report, so a merge request shows them on the changed lines."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int  # 1-based; 0 when the message is about the whole file
    column: int  # 1-based; 0 when unknown
    severity: Severity
    message: str

    def __post_init__(self) -> None:
        # A message is one line whatever it quotes: text quoted from a notice may hold line breaks.
        lines = self.message.splitlines()
        if len(lines) > 1 or self.message != (lines[0] if lines else ""):
            object.__setattr__(self, "message", " ".join(line.strip() for line in lines if line.strip()))

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"

    def github_command(self) -> str:
        """A GitHub Actions workflow command, so the message shows on the pull request's line."""
        level = "error" if self.severity == "error" else "warning"
        props = [f"file={self.path}"]
        if self.line:
            props.append(f"line={self.line}")
        if self.column:
            props.append(f"col={self.column}")
        text = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} {','.join(props)}::{text}"

    def code_quality(self) -> dict:
        """One issue of a GitLab Code Quality report (a subset of Code Climate's format).

        The fingerprint is stable across pipelines (SHA-256 of path, line and message), so GitLab can
        tell which findings a merge request introduces or resolves. A message about a whole file is
        placed on its first line: GitLab needs a line."""
        fingerprint = hashlib.sha256(f"{self.path}\0{self.line}\0{self.message}".encode()).hexdigest()
        return {
            "description": self.message,
            "check_name": "notices-check",
            "fingerprint": fingerprint,
            "severity": "major" if self.severity == "error" else "minor",
            "location": {"path": self.path, "lines": {"begin": max(self.line, 1)}},
        }


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def report(diagnostics: Iterable[Diagnostic], github: bool | None = None) -> str:
    """All messages, one a line, sorted by file and line; then GitHub workflow commands when ``github``
    (by default: when running under GitHub Actions)."""
    items = sorted(diagnostics)
    lines = [d.format() for d in items]
    if github is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
    if github:
        lines += [d.github_command() for d in items]
    return "\n".join(lines)


def code_quality_report(diagnostics: Iterable[Diagnostic]) -> str:
    """A GitLab Code Quality report: a JSON list of issues, sorted by file and line."""
    issues: dict[str, dict] = {}
    for diagnostic in sorted(diagnostics):
        issue = diagnostic.code_quality()
        # The same message twice on one line: one issue (GitLab would show one of them anyway).
        issues.setdefault(issue["fingerprint"], issue)
    return json.dumps(list(issues.values()), ensure_ascii=False, indent=2) + "\n"

