"""Loading notice files: ``notices/**/NAME.yml`` plus an optional ``NAME.md`` narrative."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .diagnostics import Diagnostic
from .model import Notice
from .validation import validation_diagnostics
from .yamlfile import decode_text, locate, located, parse_yaml

NOTICE_SUFFIX = ".yml"
BODY_SUFFIX = ".md"
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}  # placeholders and operating-system litter


@dataclass
class NoticeSource:
    """One notice as read from disk: the validated model, its body and where each part came from."""

    path: str  # as shown to editors, relative to the project root, with forward slashes
    notice: Notice
    body: str
    body_path: str | None
    data: Any  # the file's plain data, as validated
    text: str  # the file's text

    @cached_property
    def located(self) -> Any:
        """The data with line numbers: parsed only when a message needs a place."""
        return located(self.text)

    def locate(self, loc: tuple, *, key: bool = False) -> tuple[int, int]:
        return locate(self.located, loc, key=key)


@dataclass
class LoadResult:
    sources: list[NoticeSource] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_notices(notices_dir: Path, root: Path) -> LoadResult:
    """Read every file under ``notices_dir``; every file is either loaded or reported, never skipped."""
    result = LoadResult()
    if not notices_dir.is_dir():
        result.diagnostics.append(
            Diagnostic(display_path(notices_dir, root), 0, 0, "error", "通报目录不存在")
        )
        return result
    files = sorted(p for p in notices_dir.rglob("*") if p.is_file())
    yml_stems = {p.with_suffix("") for p in files if p.suffix == NOTICE_SUFFIX}
    for path in files:
        shown = display_path(path, root)
        if path.name in IGNORED_NAMES:
            continue
        if path.suffix == NOTICE_SUFFIX:
            loaded = load_notice_file(path, shown, root)
            result.diagnostics += loaded[1]
            if loaded[0]:
                result.sources.append(loaded[0])
        elif path.suffix == BODY_SUFFIX:
            if path.with_suffix("") not in yml_stems:
                result.diagnostics.append(Diagnostic(
                    shown, 0, 0, "error",
                    f"正文文件没有同名的通报文件：应有 {path.with_suffix(NOTICE_SUFFIX).name}，否则这段正文不会发布",
                ))
        else:
            hint = "通报文件的扩展名应为 .yml" if path.suffix.lower() in {".yaml", ".yml"} else (
                "通报目录里只能放 .yml（通报）和同名的 .md（正文）文件")
            result.diagnostics.append(Diagnostic(
                shown, 0, 0, "error", f"{hint}：这个文件不会被发布，请改名或移出 notices/"
            ))
    return result


def load_notice_file(path: Path, shown: str, root: Path) -> tuple[NoticeSource | None, list[Diagnostic]]:
    parsed = parse_yaml(path.read_bytes(), shown)
    if parsed.diagnostics:
        return None, parsed.diagnostics
    if parsed.data is None:
        return None, [Diagnostic(shown, 1, 1, "error", "文件是空的：请参照 notices new 生成的模板填写")]
    if not isinstance(parsed.data, dict):
        return None, [Diagnostic(shown, 1, 1, "error", "文件的最外层应是若干“键: 值”（如 title: 通报标题）")]
    try:
        notice = Notice.model_validate(parsed.data)
    except ValidationError as exc:
        return None, validation_diagnostics(exc, located(parsed.text), shown, Notice)
    body_file = path.with_suffix(BODY_SUFFIX)
    body, body_shown, problems = "", None, []
    if body_file.exists():
        body_shown = display_path(body_file, root)
        text, problems = decode_text(body_file.read_bytes(), body_shown)
        body = text or ""
    if problems:
        return None, problems
    return NoticeSource(shown, notice, body, body_shown, parsed.data, parsed.text), []
