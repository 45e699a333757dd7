"""Loading notice files: ``notices/**/NAME.yml`` plus an optional ``NAME.md`` narrative."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.model.notice import Notice
from generator.read.diagnostics import Diagnostic
from generator.read.files import display_path, folder_problem, read_regular, scan_folder
from generator.read.messages import validation_diagnostics
from generator.read.yaml_source import MAX_BYTES, decode_text, locate, located, parse_yaml

NOTICE_SUFFIX = ".yml"
BODY_SUFFIX = ".md"
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}  # placeholders and operating-system litter

# One notice file to load: (the .yml file, its path as shown, its narrative file or None).
NoticeJob = tuple[Path, str, Path | None]
# Loads a list of jobs, returning one result per job, in order (serially here; the site's build may use both cores).
JobMapper = Callable[[list[NoticeJob]], list[tuple["NoticeSource | None", list[Diagnostic]]]]


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

    def __getstate__(self) -> dict:
        """Sent between processes without the line-numbered copy (parsed again where it is needed)."""
        state = dict(self.__dict__)
        state.pop("located", None)
        return state


@dataclass
class LoadResult:
    sources: list[NoticeSource] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_jobs(jobs: list[NoticeJob], root: Path) -> list[tuple[NoticeSource | None, list[Diagnostic]]]:
    return [load_notice_file(path, shown, root, body) for path, shown, body in jobs]


def load_notices(notices_dir: Path, root: Path, mapper: JobMapper | None = None) -> LoadResult:
    """Read every file under ``notices_dir``; every file is either loaded or reported, never skipped.

    Only regular files are read (see :mod:`generator.read.files`): a link, a FIFO or a device in the folder is
    reported, never followed or opened. ``mapper`` loads the notice files (default: one after another here);
    whatever it does, the result is the same, in the same order."""
    result = LoadResult()
    problem = folder_problem(notices_dir, root, "通报目录")
    if problem:
        if problem.message == "通报目录不存在":
            problem = Diagnostic(problem.path, 0, 0, "error", "通报目录不存在")
        result.diagnostics.append(problem)
        return result
    scan = scan_folder(notices_dir, root, looks_like_file=(NOTICE_SUFFIX, BODY_SUFFIX))
    result.diagnostics += scan.diagnostics
    files = set(scan.files)
    yml_stems = {p.with_suffix("") for p in files if p.suffix == NOTICE_SUFFIX}
    reported = {d.path for d in scan.diagnostics}
    # In the folder's order: a diagnostic about a file, or the index of a notice file to load.
    items: list[Diagnostic | int] = []
    jobs: list[NoticeJob] = []
    for path in scan.files:
        shown = display_path(path, root)
        if path.name in IGNORED_NAMES:
            continue
        if path.suffix == NOTICE_SUFFIX:
            body = path.with_suffix(BODY_SUFFIX)
            if display_path(body, root) in reported:
                continue  # its body is a link or not a file: reported, and the notice is not published
            items.append(len(jobs))
            jobs.append((path, shown, body if body in files else None))
        elif path.suffix == BODY_SUFFIX:
            if path.with_suffix("") not in yml_stems:
                items.append(Diagnostic(
                    shown, 0, 0, "error",
                    f"正文文件没有同名的通报文件：应有 {path.with_suffix(NOTICE_SUFFIX).name}，否则这段正文不会发布",
                ))
        else:
            hint = "通报文件的扩展名应为 .yml" if path.suffix.lower() in {".yaml", ".yml"} else (
                "通报目录里只能放 .yml（通报）和同名的 .md（正文）文件")
            items.append(Diagnostic(
                shown, 0, 0, "error", f"{hint}：这个文件不会被发布，请改名或移出 notices/"
            ))
    loaded = (mapper or (lambda batch: load_jobs(batch, root)))(jobs)
    for item in items:
        if isinstance(item, Diagnostic):
            result.diagnostics.append(item)
            continue
        source, diagnostics = loaded[item]
        result.diagnostics += diagnostics
        if source:
            result.sources.append(source)
    return result


class _Beside:
    """The default of ``body_file``: the same-name ``.md`` beside the notice, if there is one."""


_BESIDE = _Beside()


def load_notice_file(path: Path, shown: str, root: Path,
                     body_file: Path | None | _Beside = _BESIDE) -> tuple[NoticeSource | None, list[Diagnostic]]:
    """One notice; ``body_file`` is its narrative as found by the folder scan (default: the same-name
    ``.md`` beside it, if there is one; a link or a FIFO there is refused when read)."""
    if isinstance(body_file, _Beside):
        beside = path.with_suffix(BODY_SUFFIX)
        body_file = beside if os.path.lexists(beside) else None
    raw, problems = read_regular(path, shown, MAX_BYTES)
    if raw is None:
        return None, problems
    parsed = parse_yaml(raw, shown)
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
    body, body_shown = "", None
    if body_file is not None:
        body_shown = display_path(body_file, root)
        raw_body, problems = read_regular(body_file, body_shown, MAX_BYTES)
        if raw_body is None:
            return None, problems
        text, problems = decode_text(raw_body, body_shown)
        if problems:
            return None, problems
        body = text or ""
    return NoticeSource(shown, notice, body, body_shown, parsed.data, parsed.text), []
