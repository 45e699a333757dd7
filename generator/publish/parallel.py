"""Both cores for the work that is one notice at a time: loading a notice file and its own checks;
and a cache of that work by the files' contents, so a rebuild (``mkdocs serve``) redoes only what changed.

The notices are cut into consecutive batches, in the folder's order; worker processes load and check a
batch each and send back the validated notices and their findings, which are put together in the same
order as a serial run. The output never depends on the number of workers (a test builds both ways and
compares bytes). ``NOTICES_WORKERS`` sets the number (1: everything in this process, as for small sites).

The cache holds, for each notice loaded without an error, what loading and checking it gave, keyed by its
path, the SHA-256 of its YAML and narrative files and the site's default contact: a changed byte, a
renamed file or a changed contact is a new key. A file is hashed again only when its size, times, inode or device
changed since it was last hashed. It lives in this process (a rebuild of ``mkdocs serve``); a new ``mkdocs build``
or ``notices check`` finds what an earlier one left in the cache on disk (:mod:`generator.publish.cache`): the
notice's data and findings, its model validated again from that data.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.check.rules import check_notice
from generator.model.notice import Contact
from generator.publish.cache import (
    SETTLED_NS,
    DiskCache,
    Entry,
    NotCacheable,
    data_literal,
    decode_data,
    encode_entry,
    entry_data,
    entry_key,
    fingerprint,
)
from generator.read.collection import NoticeEntry, remember_title_slug, title_slug
from generator.read.diagnostics import Diagnostic
from generator.read.files import display_path, read_regular
from generator.read.notices import NoticeFacts, NoticeJob, NoticeSource, load_jobs
from generator.read.yaml_source import MAX_BYTES
from generator.text.slug import slugify

WORKERS_ENV = "NOTICES_WORKERS"
# Below this many notices the workers' start and the transfer cost more than they save.
MIN_PARALLEL = 200
# Smaller batches even out a worker that is slowed by other work on the machine: the other takes over sooner, and
# the last batch, which one worker runs alone, is shorter (at 10,000 notices on two cores: about 0.4 s).
BATCHES_PER_WORKER = 16

Loaded = tuple[NoticeSource | None, list[Diagnostic]]
Checked = tuple[NoticeSource | None, list[Diagnostic], list[Diagnostic]]

_LOADED: dict[tuple, Checked] = {}
CACHE_LIMIT = 50_000
# The disk cache's line of each notice in _LOADED (by the same key), so a rebuild writes the cache file without
# encoding the unchanged notices again.
_LINES: dict[tuple, bytes] = {}


def clear_cache() -> None:
    """Forget every loaded notice and file digest (tests compare a build with and without the cache)."""
    _LOADED.clear()
    _DIGESTS.clear()
    _LINES.clear()


def _digest(data: bytes | None) -> bytes | None:
    return None if data is None else hashlib.sha256(data).digest()


# A file's SHA-256 by its path, with the file's size, times, inode and device when it was hashed: a file whose stat
# says the same is not read and hashed again (a rebuild of mkdocs serve stats every notice, reads the edited one).
_DIGESTS: dict[str, tuple[tuple[int, ...], bytes]] = {}


def _file_digest(path: Path, shown: Callable[[], str], read: dict[str, bytes] | None = None) -> bytes | None:
    """The SHA-256 of a regular file as it is now; None if it cannot be read. The bytes read for it, if it was read,
    are put in ``read`` (by the path as a string)."""
    stamp = _stamp(path)
    if stamp is None:
        return None
    known = _DIGESTS.get(str(path))
    if known is not None and known[0] == stamp:
        return known[1]
    raw, _ = read_regular(path, shown(), MAX_BYTES)
    if raw is None:
        return None
    digest = hashlib.sha256(raw).digest()
    if read is not None:
        read[str(path)] = raw
    _remember_digest(path, stamp, digest)
    return digest


def _stamp(path: Path) -> tuple[int, ...] | None:
    """A regular file's size, times, inode and device, as :data:`_DIGESTS` keeps them; None for anything else."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev


def _remember_digest(path: Path, stamp: tuple[int, ...], digest: bytes) -> None:
    """The SHA-256 of the bytes read from ``path`` when its stat said ``stamp`` (taken before the read: a later
    change gives the file another stamp)."""
    if len(_DIGESTS) >= CACHE_LIMIT:
        _DIGESTS.clear()
    _DIGESTS[str(path)] = (stamp, digest)


def _cache_key(job: NoticeJob, root: Path, contact: str, read: dict[str, bytes] | None = None) -> tuple | None:
    """The key of a notice's files as they are now (``contact``: the site's default contact, as ``repr``); None if
    one cannot be read (loading will say why). ``read``: see :func:`_file_digest`."""
    path, shown, body = job
    digest = _file_digest(path, lambda: shown, read)
    if digest is None:
        return None
    body_digest = None
    if body is not None:
        body_digest = _file_digest(body, lambda: display_path(body, root), read)
        if body_digest is None:
            return None
    return shown, digest, body_digest, contact


def _stamps(job: NoticeJob) -> tuple[tuple[int, ...], tuple[int, ...] | None] | None:
    """The stamps of a job's files (see :func:`_stamp`); None when one is not a regular file."""
    path, _, body = job
    stamp = _stamp(path)
    body_stamp = _stamp(body) if body is not None else None
    if stamp is None or (body is not None and body_stamp is None):
        return None
    return stamp, body_stamp


def _matches(key: tuple, result: Checked) -> bool:
    """Whether what was loaded is what the key was made from (a file may change in between)."""
    source = result[0]
    if source is None:
        return False
    return key[1] == source.digest and key[2] == source.body_digest


def worker_count(jobs: int, environ: Any = None) -> int:
    """Processes to use for ``jobs`` notices: ``NOTICES_WORKERS`` if set, else every core for a large site
    (one in a process that runs other threads)."""
    environ = os.environ if environ is None else environ
    setting = environ.get(WORKERS_ENV, "").strip()
    if setting.isdigit() and int(setting) > 0:
        return min(int(setting), max(jobs, 1))
    if jobs < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:  # a rebuild in mkdocs serve, beside its server: forking there is unsafe
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


# A loaded notice as a worker sends it back: its facts, its narrative's bytes, its data as JSON (see data_literal; b""
# when the cache entry sent beside it holds the data, see entry_data) and the SHA-256 of its files, so that this
# process neither unpickles nor validates its model (about 1 ms a notice, in the one process that puts the results
# together) unless something asks for it. The YAML's bytes (None in their place) are not sent: a build and a check ask
# for that text only to place a message, so it is read again then and compared with its SHA-256.
Sent = tuple[NoticeFacts, bytes | None, bytes | None, bytes, bytes, bytes | None]


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collection off while notices are loaded and checked: that makes millions of small objects
    that all stay alive to the end, and each collection walked them again (about a tenth of a cold check, and
    a third of importing pypinyin's dictionaries). It makes next to no cycles; the collection is back on, as it
    was, at the end (nested: the outermost puts it back)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_and_check(jobs: list[NoticeJob], root: Path, default_contact: Contact | None, encode: bool = False,
                    send: bool = False) -> list[tuple[Checked, str | None, tuple[str, bytes] | None, Sent | None]]:
    with collection_paused():
        return _loaded_and_checked(jobs, root, default_contact, encode, send)


def _loaded_and_checked(jobs: list[NoticeJob], root: Path, default_contact: Contact | None, encode: bool,
                        send: bool) -> list[tuple[Checked, str | None, tuple[str, bytes] | None, Sent | None]]:
    """Each notice loaded and checked, with the slug of its title when it has no slug of its own (made here, in
    the worker, since it costs about as much as a check) and, with ``encode``, its entry for the cache on disk
    (key and line, the key made from what was loaded); with ``send``, a notice that loaded is sent back as
    :data:`Sent` instead of the source (None in its place) where its data is plain JSON."""
    results: list[tuple[Checked, str | None, tuple[str, bytes] | None, Sent | None]] = []
    contact = repr(default_contact)
    for (source, diagnostics) in load_jobs(jobs, root):
        checked = check_notice(NoticeEntry(source, default_contact)) if source is not None else []
        slug = title_slug(source.notice.title) if source is not None and source.notice.slug is None else None
        encoded, sent = None, None
        if source is not None and not diagnostics and (encode or send):
            raw = source.text.encode("utf-8")
            raw_body = source.body.encode("utf-8") if source.body_path else None
            digest, body = hashlib.sha256(raw).digest(), _digest(raw_body)
            try:
                if encode:
                    key = entry_key(source.path, digest.hex(), source.body_path, body.hex() if body else None,
                                    contact)
                    encoded = key, encode_entry(key, source.path, source.body_path, source.data, checked, slug,
                                                source.facts)
                if send:
                    # data the entry holds is taken from it there (b""): one copy less through the pipe
                    in_entry = encoded is not None and entry_data(encoded[1]) is not None
                    sent = source.facts, None, raw_body, b"" if in_entry else data_literal(source.data), digest, body
                    source = None
            except (NotCacheable, ValueError, RecursionError):
                pass
        results.append(((source, diagnostics, checked), slug, encoded, sent))
    return results


def _received(job: NoticeJob, root: Path, sent: Sent) -> NoticeSource:
    """The source of a notice a worker sent as :data:`Sent`."""
    path, shown, body = job
    facts, raw, raw_body, literal, digest, body_digest = sent
    body_shown = display_path(body, root) if body is not None else None
    return NoticeSource.cached(shown, body_shown, facts, (path, body), raw, raw_body, literal, decode_data, digest,
                               body_digest)


class LoadAndCheck:
    """A ``load_notices`` mapper that also runs each notice's own checks, in ``workers`` processes;
    ``checked`` then holds each loaded notice's findings by its path (for ``check_collection``). With ``disk``,
    a notice whose files and code are those of an entry there is taken from it, and this run's entries are kept
    for :meth:`DiskCache.save`."""

    def __init__(self, root: Path, default_contact: Contact | None, workers: int | None = None,
                 disk: DiskCache | None = None) -> None:
        self.root = root
        self.default_contact = default_contact
        self.workers = workers
        self.disk = disk
        self.checked: dict[str, list[Diagnostic]] = {}
        self.reused = 0  # notices taken from a cache (this process's or the disk's)
        self.fresh = 0  # notices loaded and checked
        self.encoded: dict[str, tuple[str, bytes]] = {}  # path → the cache entry a worker made (key, line)

    def __call__(self, jobs: list[NoticeJob]) -> list[Loaded]:
        with collection_paused():
            return self._loaded(jobs)

    def _loaded(self, jobs: list[NoticeJob]) -> list[Loaded]:
        contact = repr(self.default_contact)
        started = time.time_ns()
        if self.disk is not None:
            if not self.disk.loaded:
                self.disk.load()
            for name, known in self.disk.digests.items():  # a file whose stat is the same is not read and hashed
                _DIGESTS.setdefault(name, known)
        keys: list[tuple | None] = []
        missing: list[int] = []
        from_disk: dict[int, Checked] = {}
        read: dict[str, bytes] = {}  # the files just read for their digests, used once more for an entry on disk
        # a notice no cache can hold (a cold check: nothing in this process, no entry on disk for its path) is not
        # read here for its key: the key is made from the digests of what loading it read (stamps taken before)
        unknown: dict[int, tuple[tuple[int, ...], tuple[int, ...] | None]] = {}
        for number, job in enumerate(jobs):
            if self._unknown(job) and (stamps := _stamps(job)) is not None:
                unknown[number] = stamps
                keys.append(None)
                missing.append(number)
                continue
            read.clear()
            key = _cache_key(job, self.root, contact, read if self.disk is not None else None)
            keys.append(key)
            if self.disk is not None and key is not None:
                self._keep_digests(job, started)
            if key is not None and key in _LOADED:
                continue
            if self.disk is not None and key is not None and (result := self._from_disk(job, key, read)) is not None:
                from_disk[number] = result
            else:
                missing.append(number)
        fresh = dict(zip(missing, self._load([jobs[number] for number in missing]), strict=True))
        self.fresh += len(missing)
        self.reused += len(jobs) - len(missing)
        for number, stamps in unknown.items():
            keys[number] = self._key_of_loaded(jobs[number], stamps, fresh[number], contact, started)
        fresh.update(from_disk)
        if len(_LOADED) + len(fresh) > CACHE_LIMIT:
            _LOADED.clear()
            _LINES.clear()
        loaded: list[Loaded] = []
        for number, key in enumerate(keys):
            result = fresh[number] if number in fresh or key is None else _LOADED[key]
            if number in fresh and key is not None and _matches(key, result):
                _LOADED[key] = result
                if self.disk is not None and number not in from_disk:
                    self._to_disk(key, result)
            source, diagnostics, checked = result
            if source is not None:
                self.checked[source.path] = list(checked)
                if self.disk is not None and key is not None and (line := _LINES.get(key)) is not None:
                    self.disk.written[source.path] = line
            loaded.append((source, list(diagnostics)))
        return loaded

    def _unknown(self, job: NoticeJob) -> bool:
        """Whether no cache can hold the notice of ``job``, whatever its files' contents: nothing is loaded in this
        process, and the cache on disk (if any) has no entry for its path."""
        return not _LOADED and (self.disk is None or job[1] not in self.disk.entries)

    def _key_of_loaded(self, job: NoticeJob, stamps: tuple[tuple[int, ...], tuple[int, ...] | None],
                       result: Checked, contact: str, started: int) -> tuple | None:
        """The key of a notice that was loaded without one, from the SHA-256 of the files it was loaded from (None
        if it did not load); their digests are kept with the stamps the files had before."""
        source = result[0]
        if source is None:
            return None
        path, shown, body = job
        _remember_digest(path, stamps[0], source.digest)
        if body is not None and stamps[1] is not None and source.body_digest is not None:
            _remember_digest(body, stamps[1], source.body_digest)
        if self.disk is not None:
            self._keep_digests(job, started)
        return shown, source.digest, source.body_digest, contact

    def _keep_digests(self, job: NoticeJob, started: int) -> None:
        """The cache on disk keeps the digests of the job's files, those that had settled before this run began."""
        assert self.disk is not None
        for file in (job[0], job[2]):
            known = _DIGESTS.get(str(file)) if file is not None else None
            if known is not None and max(known[0][1], known[0][2]) < started - SETTLED_NS:
                self.disk.digests_written[str(file)] = known

    def _disk_key(self, key: tuple, body_shown: str | None) -> str:
        shown, digest, body_digest, contact = key
        return entry_key(shown, digest.hex(), body_shown, body_digest.hex() if body_digest else None, contact)

    def _from_disk(self, job: NoticeJob, key: tuple, read: dict[str, bytes]) -> Checked | None:
        """The notice from its entry on disk, if that was made from these files by this code; else None."""
        assert self.disk is not None
        path, shown, body = job
        body_shown = display_path(body, self.root) if body is not None else None
        disk_key = self._disk_key(key, body_shown)
        entry = self.disk.get(shown, disk_key)
        if entry is None:
            return None
        source = _source(job, body_shown, key, entry, read)
        if entry.slug is not None:
            remember_title_slug(entry.facts.title, entry.slug)
        _LINES[key] = self.disk.keep(shown)
        return source, [], list(entry.findings)

    def _to_disk(self, key: tuple, result: Checked) -> None:
        assert self.disk is not None
        source, diagnostics, checked = result
        if source is None or diagnostics:
            return
        disk_key = self._disk_key(key, source.body_path)
        encoded = self.encoded.pop(source.path, None)
        line: bytes | None
        if encoded is not None and encoded[0] == disk_key:  # made by the worker from these files
            line = self.disk.written[source.path] = encoded[1]
        else:
            facts = source.facts
            slug = title_slug(facts.title) if facts.slug is None else None
            line = self.disk.put(disk_key, source.path, source.body_path, source.data, checked, slug, facts)
        if line is not None:
            _LINES[key] = line

    def _load(self, jobs: list[NoticeJob]) -> list[Checked]:
        if not jobs:
            return []
        workers = self.workers or worker_count(len(jobs))
        if workers <= 1:
            results = _load_and_check(jobs, self.root, self.default_contact)
        else:
            encode = self.disk is not None
            if encode:
                fingerprint()  # once, before the workers start
            _before_fork()
            size = max(1, -(-len(jobs) // (workers * BATCHES_PER_WORKER)))
            batches = [jobs[start:start + size] for start in range(0, len(jobs), size)]
            # fork: the workers start with this process's imports and caches, nothing is imported again
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                done = pool.map(_load_and_check, batches, [self.root] * len(batches),
                                [self.default_contact] * len(batches), [encode] * len(batches),
                                [True] * len(batches))
                results = [result for batch in done for result in batch]
        loaded: list[Checked] = []
        for job, ((source, diagnostics, checked), slug, encoded, sent) in zip(jobs, results, strict=True):
            if sent is not None:
                if not sent[3] and encoded is not None and (literal := entry_data(encoded[1])) is not None:
                    facts, raw, raw_body, _, digest, body_digest = sent
                    sent = facts, raw, raw_body, literal, digest, body_digest
                source = _received(job, self.root, sent)
            if source is not None and slug is not None:
                remember_title_slug(source.facts.title, slug)
            if source is not None and encoded is not None:
                self.encoded[source.path] = encoded
            loaded.append((source, diagnostics, checked))
        return loaded


def _before_fork() -> None:
    """What every worker needs, made once here and shared by the fork: pypinyin's dictionaries (about 1 s each)."""
    slugify("整改")


def _source(job: NoticeJob, body_shown: str | None, key: tuple, entry: Entry,
            read: dict[str, bytes]) -> NoticeSource:
    """The notice as loading would give it, from the entry's facts and data and the files' bytes (those hashed for
    the key; a file whose SHA-256 was known by its stat is read, and compared with the key, when its text is asked
    for): decoded and validated only when they are asked for."""
    path, shown, body = job
    return NoticeSource.cached(shown, body_shown, entry.facts, (path, body), read.get(str(path)),
                               read.get(str(body)) if body is not None else None, entry.data_json, decode_data,
                               key[1], key[2], entry.slug)
