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
from generator.read.notices import NoticeFacts

CACHE_ENV = "NOTICES_CACHE_DIR"
DEFAULT_CACHE_DIR = ".cache/notices"
CACHE_FILE = "check.jsonl"
# The SHA-256 of each notice file by its path, with the file's size, times, inode and device when it was hashed, so
# that a new check reads and hashes only the files whose stat changed. A stamp is kept only for a file last changed
# more than SETTLED_NS before the run that hashed it began: a later change gives it a newer ctime, whatever the
# clock's granularity.
FILES_FILE = "files.json"
FILES_FORMAT = "notices-check-files"
SETTLED_NS = 2_000_000_000
FORMAT = "notices-check-cache"
VERSION = 2  # 2: the data as JSON text in the entry, the notice's facts beside it
OFF = {"off", "none", "no", "0", "false"}
MAX_CACHE_BYTES = 2 << 30  # far above 10,000 notices (about 70 MB); a larger file is not read
# The libraries whose behaviour can change what loading and checking a notice gives.
LIBRARIES = ("pydantic", "pydantic-core", "ruamel.yaml", "ruamel.yaml.clib", "Markdown", "nh3", "pypinyin",
             "opencc", "numpy", "Jinja2", "MarkupSafe")
DATE = "$date"
SEVERITIES = ("error", "warning")
WRITE_BUFFER = 1 << 20  # the cache file is written in pieces of about this size

_FINGERPRINT: list[str] = []
# The entries this process last wrote to each cache folder (mkdocs serve: a rebuild that changed nothing does not
# write the file again, without reading it).
_SAVED: dict[str, dict[str, bytes]] = {}


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
    if kind is list:  # a text, most items, is itself
        return [item if type(item) is str else encode_data(item) for item in value]
    if kind is dict:
        if DATE in value:
            raise NotCacheable
        encoded = {}
        for key, item in value.items():
            if type(key) is not str:
                raise NotCacheable
            encoded[key] = item if type(item) is str else encode_data(item)
        return encoded
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
FACTS = ("title", "slug", "previous_slugs", "follows", "published", "withdrawn", "revisions")
ENTRY = {"key", "path", "body_path", "facts", "findings", "slug", "data"}


@dataclass
class Entry:
    key: str
    data_json: bytes  # the notice's plain data as JSON in a JSON string, decoded only when asked for (decode_data)
    facts: NoticeFacts
    findings: list[Diagnostic]
    slug: str | None  # the slug made from the notice's title, when the notice has no slug of its own

    @property
    def data(self) -> Any:
        return decode_data(self.data_json)


def decode_data(literal: bytes) -> Any:
    """The data of an entry from its JSON string (ValueError when it is not one, or does not hold JSON)."""
    text = json.loads(literal)
    if type(text) is not str:
        raise ValueError("data")
    return json.loads(text, object_hook=_decode_object)


# Where an entry's data starts in its line as encode_entry writes it (the data last, a JSON string): the rest of the
# line is decoded without it (a quote inside a JSON string is escaped, so this never occurs inside one).
DATA_MARK = b',"data":"'



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


def _text(value: Any, pattern: re.Pattern | None = None) -> str:
    if type(value) is not str or not value or (pattern is not None and not pattern.fullmatch(value)):
        raise ValueError("text")
    return value


def _facts(value: Any) -> NoticeFacts:
    """The facts of an entry, every one checked for its type (they are believed without the model)."""
    if type(value) is not dict or set(value) != set(FACTS):
        raise ValueError("facts")
    slug, follows, published, withdrawn = value["slug"], value["follows"], value["published"], value["withdrawn"]
    previous, revisions = value["previous_slugs"], value["revisions"]
    if type(previous) is not list or type(revisions) is not list or type(withdrawn) is not bool:
        raise ValueError("facts")
    if published is not None and type(published) is not dt.date:
        raise ValueError("facts")
    notes = []
    for note in revisions:
        if type(note) is not list or len(note) != 2 or type(note[0]) is not dt.date:
            raise ValueError("facts")
        notes.append((note[0], _text(note[1])))
    return NoticeFacts(_text(value["title"]), None if slug is None else _text(slug, SLUG),
                       tuple(_text(item, SLUG) for item in previous), None if follows is None else _text(follows, SLUG),
                       published, withdrawn, tuple(notes))


def decode_entry(line: bytes | str) -> tuple[str, bytes, Entry]:
    """One line of the cache file: (path, its raw line, the entry); ValueError when it is not a sound entry.
    The data stays JSON text (a string in the line) until its model is asked for."""
    raw = line.encode("utf-8") if isinstance(line, str) else line
    at = raw.find(DATA_MARK)
    if at > 0 and raw.endswith(b'"}'):
        item = json.loads(raw[:at] + b"}", object_hook=_decode_object)
        if type(item) is not dict or "data" in item:
            raise ValueError("entry")
        item["data"] = raw[at + len(DATA_MARK) - 1:-1]  # the string, its quotes included
    else:  # not as encode_entry writes it (written by hand?): decoded whole
        item = json.loads(raw, object_hook=_decode_object)
        if type(item) is not dict or type(item.get("data")) is not str:
            raise ValueError("entry")
        item["data"] = json.dumps(item["data"], ensure_ascii=False).encode("utf-8")
    if set(item) != ENTRY:
        raise ValueError("entry")
    key, path, body_path, slug, data = item["key"], item["path"], item["body_path"], item["slug"], item["data"]
    if type(key) is not str or len(key) != 64 or type(path) is not str:
        raise ValueError("entry")
    if body_path is not None and type(body_path) is not str:
        raise ValueError("entry")
    if slug is not None and (type(slug) is not str or not SLUG.fullmatch(slug)):
        raise ValueError("entry")
    paths = (path,) if body_path is None else (path, body_path)
    facts = _facts(item["facts"])
    if (slug is None) == (facts.slug is None):
        raise ValueError("entry")  # a title's slug exactly when the notice has no slug of its own
    return path, raw, Entry(key, data, facts, _findings(item["findings"], paths), slug)


def entry_data(line: bytes) -> bytes | None:
    """The data of a line that :func:`encode_entry` wrote, as the JSON string :func:`decode_data` reads."""
    at = line.find(DATA_MARK)
    return line[at + len(DATA_MARK) - 1:-1] if at > 0 and line.endswith(b'"}') else None


def encode_facts(facts: NoticeFacts) -> dict:
    return {"title": facts.title, "slug": facts.slug, "previous_slugs": list(facts.previous_slugs),
            "follows": facts.follows, "published": encode_data(facts.published), "withdrawn": facts.withdrawn,
            "revisions": [[encode_data(date), change] for date, change in facts.revisions]}


def data_text(data: Any) -> str:
    """The notice's plain data as JSON (raises :class:`NotCacheable`)."""
    return json.dumps(encode_data(data), ensure_ascii=False, separators=(",", ":"))


def data_literal(data: Any) -> bytes:
    """The notice's plain data as a JSON string holding its JSON, as :func:`decode_data` reads it."""
    return json.dumps(data_text(data), ensure_ascii=False).encode("utf-8")


def encode_entry(key: str, path: str, body_path: str | None, data: Any, findings: list[Diagnostic],
                 slug: str | None = None, facts: NoticeFacts | None = None) -> bytes:
    """One line of the cache file (raises :class:`NotCacheable`). ``facts``: the notice's (default: from its data
    validated by the model); ``slug``: its title's, when it has no slug of its own (default: made here)."""
    if facts is None:
        from generator.model.notice import Notice
        from generator.read.collection import title_slug

        try:
            notice = Notice.model_validate(data)
        except ValueError as error:
            raise NotCacheable from error
        facts = NoticeFacts.of(notice)
        slug = title_slug(notice.title) if notice.slug is None else None
    data_json = data_text(data)
    item = {"key": key, "path": path, "body_path": body_path, "facts": encode_facts(facts),
            "findings": [[d.path, d.line, d.column, d.severity, d.message] for d in findings], "slug": slug,
            "data": data_json}
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _header() -> str:
    return json.dumps({"format": FORMAT, "version": VERSION, "fingerprint": fingerprint()})


@dataclass
class DiskCache:
    """The cache file in ``folder``: read once (:meth:`load`), looked up by path, written once (:meth:`save`)."""

    folder: Path
    shown: str  # the folder as shown in messages
    lines: dict[str, bytes] = field(default_factory=dict)  # path → its line as read
    entries: dict[str, Entry] = field(default_factory=dict)
    written: dict[str, bytes] = field(default_factory=dict)  # path → its line for this run's file
    problems: list[str] = field(default_factory=list)  # why the cache could not be used or written, for the log
    # absolute path → (size, mtime_ns, ctime_ns, inode, device) and SHA-256, as read and for this run's file
    digests: dict[str, tuple[tuple[int, ...], bytes]] = field(default_factory=dict)
    digests_written: dict[str, tuple[tuple[int, ...], bytes]] = field(default_factory=dict)
    hits: int = 0
    loaded = False

    def load(self) -> None:
        self.loaded = True
        raw = self._read(CACHE_FILE)
        if raw is None:
            return
        self.digests = _digests(self._read(FILES_FILE))
        lines = raw.split(b"\n")
        if lines[0] != _header().encode("utf-8"):
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

    def _read(self, name: str) -> bytes | None:
        path = self.folder / name
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
            self.problems.append(f"缓存文件 {self.shown}/{name} 无法读取（{error.strerror}），全部通报重新检查")
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
        return raw

    def get(self, path: str, key: str) -> Entry | None:
        if not self.loaded:
            self.load()
        entry = self.entries.get(path)
        if entry is None or entry.key != key:
            return None
        return entry

    def keep(self, path: str) -> bytes:
        """This run's file keeps the entry read for ``path`` (it was used); its line."""
        line = self.written[path] = self.lines[path]
        self.hits += 1
        return line

    def put(self, key: str, path: str, body_path: str | None, data: Any, findings: list[Diagnostic],
            slug: str | None = None, facts: NoticeFacts | None = None) -> bytes | None:
        """This run's file holds this entry; its line (None: the data cannot be cached as plain JSON)."""
        try:
            line = self.written[path] = encode_entry(key, path, body_path, data, findings, slug, facts)
        except (NotCacheable, ValueError, RecursionError):
            self.written.pop(path, None)
            return None
        return line

    def save(self) -> None:
        """Writes this run's entries (only the notices of this run), unless the file already holds exactly them, and
        the digests of this run's files, unless they are those read."""
        target = self.folder / CACHE_FILE
        previous = self.lines if self.loaded else _SAVED.get(str(self.folder))
        if self.written != previous or not target.is_file() or target.is_symlink():
            # each line written as it is, not joined first (at 10,000 notices the file is about 150 MB)
            lines = [_header().encode("utf-8"), *(self.written[path] for path in sorted(self.written))]
            if not self._write(CACHE_FILE, *(part for line in lines for part in (line, b"\n"))):
                return
            _SAVED[str(self.folder)] = dict(self.written)
        if self.digests_written != self.digests and self._write(FILES_FILE, _digests_text(self.digests_written)):
            self.digests = dict(self.digests_written)

    def _write(self, name: str, *parts: bytes) -> bool:
        """Replaces the file ``name`` of the folder by ``parts`` one after the other, at once; False (and a problem)
        when it could not."""
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
                with os.fdopen(handle, "wb", buffering=WRITE_BUFFER) as stream:
                    stream.writelines(parts)
                os.replace(temporary, self.folder / name)
            except BaseException:
                os.unlink(temporary)
                raise
            return True
        except _Refused as refused:
            self.problems.append(f"缓存文件夹 {self.shown} {refused}，缓存没有写入（检查结果不受影响）")
        except OSError as error:
            self.problems.append(f"缓存没有写入 {self.shown}（{error.strerror}）：下次检查将重新检查全部通报，"
                                 "结果不受影响")
        return False


def _digests(text: bytes | None) -> dict[str, tuple[tuple[int, ...], bytes]]:
    """The files' digests as :func:`_digests_text` wrote them; nothing when the file is not exactly that."""
    try:
        item = json.loads(text) if text else None
        if type(item) is not dict or item.get("format") != FILES_FORMAT or item.get("version") != VERSION:
            return {}
        found = {}
        for path, value in item["files"].items():
            if (type(value) is not list or len(value) != 6 or any(type(n) is not int or n < 0 for n in value[:5])
                    or type(value[5]) is not str or len(value[5]) != 64):
                return {}
            found[path] = (tuple(value[:5]), bytes.fromhex(value[5]))
        return found
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
        return {}


def _digests_text(digests: dict[str, tuple[tuple[int, ...], bytes]]) -> bytes:
    files = {path: [*stamp, digest.hex()] for path, (stamp, digest) in sorted(digests.items())}
    text = json.dumps({"format": FILES_FORMAT, "version": VERSION, "files": files}, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


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
