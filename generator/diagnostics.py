"""Located messages for editors: ``notices/2024/x.yml:17:5: error: 说明``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int  # 1-based; 0 when the message is about the whole file
    column: int  # 1-based; 0 when unknown
    severity: Severity
    message: str

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


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def report(diagnostics: Iterable[Diagnostic]) -> str:
    """All messages, one a line, sorted by file and line; workflow commands too under GitHub Actions."""
    items = sorted(diagnostics)
    lines = [d.format() for d in items]
    if os.environ.get("GITHUB_ACTIONS") == "true":
        lines += [d.github_command() for d in items]
    return "\n".join(lines)
