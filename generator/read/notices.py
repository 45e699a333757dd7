"""Loading notice files: ``notices/**/NAME.yml`` plus an optional ``NAME.md`` narrative."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.model.notice import Notice
from generator.read.diagnostics import Diagnostic
from generator.read.files import display_path, folder_problem, read_regular, scan_folder
from generator.read.messages import validation_diagnostics
from generator.read.yaml_source import MAX_BYTES, decode_text, locate, located, parse_yaml
from generator.text.slug import slugify

NOTICE_SUFFIX = ".yml"
BODY_SUFFIX = ".md"
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}  # placeholders and operating-system litter

# One notice file to load: (the .yml file, its path as shown, its narrative file or None).
NoticeJob = tuple[Path, str, Path | None]
# Loads a list of jobs, returning one result per job, in order (serially here; the site's build may use both cores).
JobMapper = Callable[[list[NoticeJob]], list[tuple["NoticeSource | None", list[Diagnostic]]]]


@dataclass(frozen=True)
class NoticeFacts:
    """What the checks across notices (slugs, titles, old URLs, ``follows``), the collection's order and ``--base``
    read of every notice: kept beside each entry of the check cache, so that checking an unchanged notice needs
    neither its YAML nor its model."""

    title: str
    slug: str | None
    previous_slugs: tuple[str, ...]
    follows: str | None
    published: dt.date | None
    withdrawn: bool
    revisions: tuple[tuple[dt.date, str], ...]  # (date, change) of each revision note, in order

    @classmethod
    def of(cls, notice: Notice) -> NoticeFacts:
        return cls(notice.title, notice.slug, tuple(notice.previous_slugs), notice.follows, notice.published,
                   notice.withdrawn is not None, tuple((r.date, r.change) for r in notice.revisions))


_UNSET: Any = object()


class CacheMismatch(RuntimeError):
    """A notice taken from the check cache whose data gives no notice, and whose file gives none either: the cache
    was made by hand, not by a check."""


class NoticeSource:
    """One notice as read from disk: the validated model, its body and where each part came from.

    A notice taken from the check cache (:meth:`cached`) holds its files' bytes, its facts and its data as JSON: the
    texts are decoded, the data decoded and the model validated only when something asks for them (a check of
    unchanged notices asks for none of them; a build asks for all)."""

    def __init__(self, path: str, notice: Notice, body: str, body_path: str | None, data: Any, text: str) -> None:
        self.path = path  # as shown to editors, relative to the project root, with forward slashes
        self.body_path = body_path
        self._notice: Notice | None = notice
        self._body: str | None = body
        self._data: Any = data  # the file's plain data, as validated
        self._text: str | None = text  # the file's text
        self._facts: NoticeFacts | None = None
        self._title_slug: str | None = None  # a cache entry's slug of the title (when the notice sets none)
        self._raw: bytes | None = None
        self._raw_body: bytes | None = None
        self._data_json: bytes | None = None
        self._decode: Callable[[bytes], Any] | None = None
        self._digest: bytes | None = None
        self._body_digest: bytes | None = None
        self._files: tuple[Path, Path | None] | None = None
        self._located: Any = _UNSET

    @classmethod
    def cached(cls, path: str, body_path: str | None, facts: NoticeFacts, files: tuple[Path, Path | None],
               raw: bytes | None, raw_body: bytes | None, data_json: bytes, decode: Callable[[bytes], Any],
               digest: bytes, body_digest: bytes | None, title_slug: str | None = None) -> NoticeSource:
        """A notice from its check cache entry: ``files`` are its YAML and narrative files, ``raw``/``raw_body`` their
        bytes if they were read for their SHA-256 (``digest``, ``body_digest``: those of the entry's key; None: read
        when the text is asked for, and compared with the key), ``data_json`` its data as ``decode`` reads it."""
        source = cls.__new__(cls)
        source.path, source.body_path = path, body_path
        source._notice = source._body = source._text = None
        source._data = _UNSET
        source._facts, source._raw, source._raw_body = facts, raw, raw_body
        source._title_slug = title_slug
        source._data_json, source._decode = data_json, decode
        source._digest, source._body_digest = digest, body_digest
        source._files = files
        source._located = _UNSET
        return source

    @property
    def text(self) -> str:
        if self._text is None:
            raw = self._raw
            if raw is None:
                assert self._files is not None
                raw = self._read(self._files[0], self.path, self._digest)
            self._text = self._decoded(raw)
        return self._text

    @property
    def body(self) -> str:
        if self._body is None:
            raw = self._raw_body
            if raw is None and self.body_path is not None:
                assert self._files is not None and self._files[1] is not None
                raw = self._read(self._files[1], self.body_path, self._body_digest)
            self._body = self._decoded(raw) if raw is not None else ""
        return self._body

    def _read(self, file: Path, shown: str, digest: bytes | None) -> bytes:
        """A file of a cached notice, read when its text is first asked for: still the bytes of the entry's key."""
        raw, _ = read_regular(file, shown, MAX_BYTES)
        if raw is None or hashlib.sha256(raw).digest() != digest:
            raise CacheMismatch(f"{shown} 在检查过程中被修改或删除了：请重新运行检查")
        return raw

    def _decoded(self, raw: bytes) -> str:
        """A file's bytes whose SHA-256 is that of an entry: they decoded when the entry was made."""
        try:
            if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise ValueError("BOM")
            return raw.decode("utf-8")
        except ValueError as error:
            raise self._mismatch() from error

    def _mismatch(self) -> CacheMismatch:
        return CacheMismatch(f"检查缓存中 {self.path} 的记录与文件不符：请删除缓存文件夹（默认 .cache/notices）"
                             "后重新检查")

    @property
    def data(self) -> Any:
        if self._data is _UNSET:
            assert self._data_json is not None and self._decode is not None
            try:
                self._data = self._decode(self._data_json)
            except (ValueError, TypeError, RecursionError):
                self._data = self._from_file()[1]
        return self._data

    @property
    def notice(self) -> Notice:
        if self._notice is None:
            try:
                notice = Notice.model_validate(self.data)
            except (ValidationError, ValueError, TypeError, RecursionError):
                notice, self._data = self._from_file()
            # the facts an entry keeps beside its data (slug, title, withdrawn …) and its title's slug are those of
            # its notice, or the entry was not made by a check: a build, which asks every notice for its model, never
            # publishes what a forged entry says
            if self._facts is not None and self._facts != NoticeFacts.of(notice):
                raise self._mismatch()
            if self._title_slug is not None and (notice.slug is not None or self._title_slug != slugify(notice.title)):
                raise self._mismatch()  # the address the entry gives the notice is not its title's
            self._notice = notice
        return self._notice

    def _from_file(self) -> tuple[Notice, Any]:
        """The notice and its data read from its text, as loading reads them (a cache entry that gives none)."""
        parsed = parse_yaml(self.text.encode("utf-8"), self.path)
        try:
            if parsed.diagnostics or not isinstance(parsed.data, dict):
                raise ValueError(self.path)
            return Notice.model_validate(parsed.data), parsed.data
        except (ValidationError, ValueError) as error:
            raise self._mismatch() from error

    @property
    def facts(self) -> NoticeFacts:
        if self._facts is None:
            self._facts = NoticeFacts.of(self.notice)
        return self._facts

    @property
    def digest(self) -> bytes:
        """The SHA-256 of the text as UTF-8."""
        if self._digest is None:
            self._digest = hashlib.sha256(self.text.encode("utf-8")).digest()
        return self._digest

    @property
    def body_digest(self) -> bytes | None:
        """The SHA-256 of the body as UTF-8; None without a body file."""
        if self._body_digest is None and self.body_path:
            self._body_digest = hashlib.sha256(self.body.encode("utf-8")).digest()
        return self._body_digest

    @property
    def located(self) -> Any:
        """The data with line numbers: parsed only when a message needs a place."""
        if self._located is _UNSET:
            self._located = located(self.text)
        return self._located

    def locate(self, loc: tuple, *, key: bool = False) -> tuple[int, int]:
        return locate(self.located, loc, key=key)

    def __getstate__(self) -> dict:
        """Sent between processes whole, without the line-numbered copy (parsed again where it is needed)."""
        for name in ("text", "body", "notice", "facts"):
            getattr(self, name)
        state = dict(self.__dict__)
        state.update(_located=None, _raw=None, _raw_body=None, _data_json=None, _decode=None, _files=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._located = _UNSET


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
            if reported and display_path(body, root) in reported:
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
