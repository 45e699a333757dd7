"""The check cache on disk: what loading and checking each notice gave, so a new ``notices check`` or ``mkdocs build``
loads and checks again only the notices whose files changed. An optimisation that never changes output.

One file, ``check.jsonl`` in the cache folder (``.cache/notices/`` in the project by default; ``cache_dir`` under the
notices plugin in ``mkdocs.yml``, ``NOTICES_CACHE_DIR``, ``notices check --no-cache``): a header line, then one JSON
line per notice that loaded without an error: its path, the SHA-256 of its YAML and narrative files, its plain data
(dates as ``{"$date": "2024-12-24"}``) and its own findings. An entry is used only when its key is the key of the
files as they are now: the files' SHA-256, their paths, the site's default contact and the fingerprint of the code
(every file of the ``generator`` package, its data and spam model included, and the versions of Python and of the
libraries that read, validate and check). Plain data only, never code (JSON, no pickle); every entry is checked on
reading (its shape, its findings' files and severities, its data validated by the model again) and anything
unreadable, corrupt or foreign is ignored: that notice is loaded and checked again. What is written replaces the
file at once (a temporary file renamed), and holds only the notices of this run, so it never grows beyond the
project. The checks across notices (duplicate titles and URLs, ``follows``, ``--base``) are never cached.

Who can write the cache decides what a build believes about the notices, as whoever can change the code: keep it
where only the runs that may publish write it (see the README's threat model: CI caches are per branch).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.read.diagnostics import Diagnostic
from generator.read.files import read_bounded

CACHE_ENV = "NOTICES_CACHE_DIR"
DEFAULT_CACHE_DIR = ".cache/notices"
CACHE_FILE = "check.jsonl"
FORMAT = "notices-check-cache"
VERSION = 1
OFF = {"off", "none", "no", "0", "false"}
MAX_CACHE_BYTES = 2 << 30  # far above 10,000 notices (about 70 MB); a larger file is not read
# The libraries whose behaviour can change what loading and checking a notice gives.
LIBRARIES = ("pydantic", "pydantic-core", "ruamel.yaml", "ruamel.yaml.clib", "Markdown", "nh3", "pypinyin",
             "opencc", "numpy", "Jinja2", "MarkupSafe")
DATE = "$date"
SEVERITIES = ("error", "warning")

_FINGERPRINT: list[str] = []
# The entries this process last wrote to each cache folder (mkdocs serve: a rebuild that changed nothing does not
# write the file again, without reading it).
_SAVED: dict[str, dict[str, str]] = {}


def fingerprint() -> str:
    """The SHA-256 of everything besides a notice's files that can change what loading and checking it gives."""
    if _FINGERPRINT:
        return _FINGERPRINT[0]
    digest = hashlib.sha256()
    digest.update(f"{FORMAT} {VERSION}\0{sys.implementation.name} {sys.version}\0".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\0".encode())
    package = Path(__file__).resolve().parents[1]
    for folder, folders, names in os.walk(package):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(names):
            path = Path(folder) / name
            if name.endswith((".pyc", ".pyo")) or path.is_symlink():
                continue
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    _FINGERPRINT.append(digest.hexdigest())
    return _FINGERPRINT[0]


class NotCacheable(Exception):
    """A value that plain JSON would not give back exactly as it is: such a notice is just not cached."""


def encode_data(value: Any) -> Any:
    """The notice's plain data as JSON values; dates as ``{"$date": "…"}``. Raises :class:`NotCacheable`."""
    kind = type(value)
    if kind is str or kind is bool or kind is int or value is None:
        return value
    if kind is float:
        if not math.isfinite(value):
            raise NotCacheable
        return value
    if kind is dt.date:
        return {DATE: value.isoformat()}
    if kind is list:
        return [encode_data(item) for item in value]
    if kind is dict:
        if DATE in value or any(type(key) is not str for key in value):
            raise NotCacheable
        return {key: encode_data(item) for key, item in value.items()}
    raise NotCacheable


def _decode_object(value: dict[str, Any]) -> Any:
    if DATE in value:
        text = value[DATE]
        if len(value) != 1 or type(text) is not str or len(text) != 10:
            raise ValueError("not a date")
        return dt.date.fromisoformat(text)
    return value


def entry_key(path: str, digest: str, body_path: str | None, body_digest: str | None, contact: str) -> str:
    """The key of a notice's entry: its files (paths and SHA-256), the default contact and the code's fingerprint."""
    parts = [fingerprint(), path, digest, body_path or "", body_digest or "", contact]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Entry:
    key: str
    data: dict
    findings: list[Diagnostic]
    slug: str | None  # the slug made from the notice's title, when the notice has no slug of its own


def _findings(value: Any, paths: tuple[str, ...]) -> list[Diagnostic]:
    if type(value) is not list:
        raise ValueError("findings")
    found = []
    for item in value:
        if type(item) is not list or len(item) != 5:
            raise ValueError("finding")
        path, line, column, severity, message = item
        if (path not in paths or type(line) is not int or type(column) is not int or line < 0 or column < 0
                or severity not in SEVERITIES or type(message) is not str):
            raise ValueError("finding")
        found.append(Diagnostic(path, line, column, severity, message))
    return found


def decode_entry(line: str) -> tuple[str, str, Entry]:
    """One line of the cache file: (path, its raw line, the entry); ValueError when it is not a sound entry."""
    item = json.loads(line, object_hook=_decode_object)
    if type(item) is not dict or set(item) != {"key", "path", "body_path", "data", "findings", "slug"}:
        raise ValueError("entry")
    key, path, body_path, data, slug = item["key"], item["path"], item["body_path"], item["data"], item["slug"]
    if type(key) is not str or len(key) != 64 or type(path) is not str or type(data) is not dict:
        raise ValueError("entry")
    if body_path is not None and type(body_path) is not str:
        raise ValueError("entry")
    if slug is not None and (type(slug) is not str or not SLUG.fullmatch(slug)):
        raise ValueError("entry")
    paths = (path,) if body_path is None else (path, body_path)
    return path, line, Entry(key, data, _findings(item["findings"], paths), slug)


def encode_entry(key: str, path: str, body_path: str | None, data: Any, findings: list[Diagnostic],
                 slug: str | None = None) -> str:
    """One line of the cache file (raises :class:`NotCacheable`)."""
    item = {"key": key, "path": path, "body_path": body_path, "data": encode_data(data),
            "findings": [[d.path, d.line, d.column, d.severity, d.message] for d in findings], "slug": slug}
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def _header() -> str:
    return json.dumps({"format": FORMAT, "version": VERSION, "fingerprint": fingerprint()})


@dataclass
class DiskCache:
    """The cache file in ``folder``: read once (:meth:`load`), looked up by path, written once (:meth:`save`)."""

    folder: Path
    shown: str  # the folder as shown in messages
    lines: dict[str, str] = field(default_factory=dict)  # path → its line as read
    entries: dict[str, Entry] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)  # path → its line for this run's file
    problems: list[str] = field(default_factory=list)  # why the cache could not be used or written, for the log
    hits: int = 0
    loaded = False

    def load(self) -> None:
        self.loaded = True
        raw = self._read()
        if raw is None:
            return
        lines = raw.split("\n")
        if lines[0] != _header():
            return  # another version, other code, another format: all of it is recomputed (and replaced)
        for line in lines[1:]:
            if not line:
                continue
            try:
                path, text, entry = decode_entry(line)
            except (ValueError, TypeError, RecursionError):
                continue
            self.lines[path] = text
            self.entries[path] = entry

    def _read(self) -> str | None:
        path = self.folder / CACHE_FILE
        try:
            folder = os.lstat(self.folder)
        except FileNotFoundError:
            return None
        except OSError as error:
            self.problems.append(f"缓存文件夹 {self.shown} 无法读取（{error.strerror}），全部通报重新检查")
            return None
        if not stat.S_ISDIR(folder.st_mode):
            self.problems.append(f"缓存文件夹 {self.shown} 是符号链接或不是文件夹，没有使用")
            return None
        try:
            handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except FileNotFoundError:
            return None
        except OSError as error:
            self.problems.append(f"缓存文件 {self.shown}/{CACHE_FILE} 无法读取（{error.strerror}），全部通报重新检查")
            return None
        try:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_CACHE_BYTES:
                return None
            raw = read_bounded(handle, status.st_size, MAX_CACHE_BYTES)
        except OSError:
            return None
        finally:
            os.close(handle)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def get(self, path: str, key: str) -> Entry | None:
        if not self.loaded:
            self.load()
        entry = self.entries.get(path)
        if entry is None or entry.key != key:
            return None
        return entry

    def keep(self, path: str) -> str:
        """This run's file keeps the entry read for ``path`` (it was used); its line."""
        line = self.written[path] = self.lines[path]
        self.hits += 1
        return line

    def put(self, key: str, path: str, body_path: str | None, data: Any, findings: list[Diagnostic],
            slug: str | None = None) -> str | None:
        """This run's file holds this entry; its line (None: the data cannot be cached as plain JSON)."""
        try:
            line = self.written[path] = encode_entry(key, path, body_path, data, findings, slug)
        except (NotCacheable, ValueError, RecursionError):
            self.written.pop(path, None)
            return None
        return line

    def save(self) -> None:
        """Writes this run's entries (only the notices of this run), unless the file already holds exactly them."""
        target = self.folder / CACHE_FILE
        previous = self.lines if self.loaded else _SAVED.get(str(self.folder))
        if self.written == previous and target.is_file() and not target.is_symlink():
            return
        text = "\n".join([_header(), *(self.written[path] for path in sorted(self.written))]) + "\n"
        try:
            if os.path.islink(self.folder):
                raise _Refused("是符号链接")
            self.folder.mkdir(parents=True, exist_ok=True)
            if not stat.S_ISDIR(os.lstat(self.folder).st_mode):
                raise _Refused("不是文件夹")
            ignore = self.folder / ".gitignore"
            if not os.path.lexists(ignore):  # the cache is never committed, whatever the project's .gitignore says
                ignore.write_text("# notices check 的缓存，不要提交\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(prefix=".check-", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
            _SAVED[str(self.folder)] = dict(self.written)
        except _Refused as refused:
            self.problems.append(f"缓存文件夹 {self.shown} {refused}，缓存没有写入（检查结果不受影响）")
        except OSError as error:
            self.problems.append(f"缓存没有写入 {self.shown}（{error.strerror}）：下次检查将重新检查全部通报，"
                                 "结果不受影响")


class _Refused(Exception):
    pass


def cache_folder(root: Path, setting: str | None, *, disabled: bool = False, environ: Any = None,
                 inside_refused: tuple[Path, ...] = ()) -> tuple[DiskCache | None, list[str]]:
    """The cache for a project at ``root``: ``--no-cache`` (``disabled``), else ``NOTICES_CACHE_DIR`` (``off``: none),
    else ``setting`` (``cache_dir`` of the notices plugin; empty: none), else ``.cache/notices``. A folder inside
    one of ``inside_refused`` (the notices, the pages, the built site) is refused: its files would be read or
    published as the site's. Returns the cache (or None) and why it is not used."""
    environ = os.environ if environ is None else environ
    if disabled:
        return None, []
    chosen = environ.get(CACHE_ENV, "").strip()
    if not chosen:
        chosen = DEFAULT_CACHE_DIR if setting is None else setting.strip()
    if not chosen or chosen.lower() in OFF:
        return None, []
    folder = Path(chosen)
    folder = Path(os.path.normpath(folder if folder.is_absolute() else root / folder))
    for refused in inside_refused:
        refused = Path(os.path.normpath(refused))
        if folder == refused or refused in folder.parents:
            return None, [f"缓存文件夹 {chosen} 在 {refused.name}/ 里面，没有使用：请放在网站和通报的文件夹之外"
                          f"（默认 {DEFAULT_CACHE_DIR}）"]
    try:
        shown = folder.relative_to(root).as_posix()
    except ValueError:
        shown = folder.as_posix()
    problem = _unsafe_folder(folder, root, shown)
    if problem:
        return None, [problem]
    return DiskCache(folder, shown), []


def _unsafe_folder(folder: Path, root: Path, shown: str) -> str | None:
    """Why the cache in ``folder`` must not be used: a symbolic link on the way (it would read and write elsewhere),
    or files of it committed to git (a pull request could bring its own cache into the checkout)."""
    for part in (folder, *folder.parents):
        if part == root or part == part.parent:
            break
        if os.path.islink(part):
            return f"缓存文件夹 {shown} 是符号链接或在符号链接里，没有使用（检查结果不受影响）"
    if not os.path.lexists(folder) or root not in folder.parents:
        return None
    try:
        tracked = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", str(folder.relative_to(root))],
                                 capture_output=True, timeout=60, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None  # no git here: nothing can be committed
    if tracked:
        return (f"缓存文件夹 {shown} 里有提交到 git 的文件，没有使用：缓存只能由本机或持续集成写入，"
                f"请从仓库中删除（git rm -r --cached {shown}）")
    return None
