"""Both cores for the work that is one notice at a time: loading a notice file and its own checks;
and a cache of that work by the files' contents, so a rebuild (``mkdocs serve``) redoes only what changed.

The notices are cut into consecutive batches, in the folder's order; worker processes load and check a
batch each and send back the validated notices and their findings, which are put together in the same
order as a serial run. The output never depends on the number of workers (a test builds both ways and
compares bytes). ``NOTICES_WORKERS`` sets the number (1: everything in this process, as for small sites).

The cache holds, for each notice loaded without an error, what loading and checking it gave, keyed by its
path, the SHA-256 of its YAML and narrative files and the site's default contact: a changed byte, a
renamed file or a changed contact is a new key. A file is hashed again only when its size, times, inode or device
changed since it was last hashed. It lives in this process only (a rebuild of
``mkdocs serve``); a new ``mkdocs build`` or ``notices check`` starts empty.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from generator.check.rules import check_notice
from generator.model.notice import Contact
from generator.read.collection import NoticeEntry
from generator.read.diagnostics import Diagnostic
from generator.read.files import display_path, read_regular
from generator.read.notices import NoticeJob, NoticeSource, load_jobs
from generator.read.yaml_source import MAX_BYTES

WORKERS_ENV = "NOTICES_WORKERS"
# Below this many notices the workers' start and the transfer cost more than they save.
MIN_PARALLEL = 200
BATCHES_PER_WORKER = 4  # smaller batches even out a worker that is slowed by other work on the machine

Loaded = tuple[NoticeSource | None, list[Diagnostic]]
Checked = tuple[NoticeSource | None, list[Diagnostic], list[Diagnostic]]

_LOADED: dict[tuple, Checked] = {}
CACHE_LIMIT = 50_000


def clear_cache() -> None:
    """Forget every loaded notice and file digest (tests compare a build with and without the cache)."""
    _LOADED.clear()
    _DIGESTS.clear()


def _digest(data: bytes | None) -> bytes | None:
    return None if data is None else hashlib.sha256(data).digest()


# A file's SHA-256 by its path, with the file's size, times, inode and device when it was hashed: a file whose stat
# says the same is not read and hashed again (a rebuild of mkdocs serve stats every notice, reads the edited one).
_DIGESTS: dict[str, tuple[tuple[int, ...], bytes]] = {}


def _file_digest(path: Path, shown: Callable[[], str]) -> bytes | None:
    """The SHA-256 of a regular file as it is now; None if it cannot be read."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)
    known = _DIGESTS.get(str(path))
    if known is not None and known[0] == stamp:
        return known[1]
    raw, _ = read_regular(path, shown(), MAX_BYTES)
    if raw is None:
        return None
    digest = hashlib.sha256(raw).digest()
    if len(_DIGESTS) >= CACHE_LIMIT:
        _DIGESTS.clear()
    _DIGESTS[str(path)] = (stamp, digest)
    return digest


def _cache_key(job: NoticeJob, root: Path, contact: str) -> tuple | None:
    """The key of a notice's files as they are now (``contact``: the site's default contact, as ``repr``); None if
    one cannot be read (loading will say why)."""
    path, shown, body = job
    digest = _file_digest(path, lambda: shown)
    if digest is None:
        return None
    body_digest = None
    if body is not None:
        body_digest = _file_digest(body, lambda: display_path(body, root))
        if body_digest is None:
            return None
    return shown, digest, body_digest, contact


def _matches(key: tuple, result: Checked) -> bool:
    """Whether what was loaded is what the key was made from (a file may change in between)."""
    source = result[0]
    if source is None:
        return False
    body = source.body.encode("utf-8") if source.body_path else None
    return key[1] == _digest(source.text.encode("utf-8")) and key[2] == _digest(body)


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


def _load_and_check(jobs: list[NoticeJob], root: Path, default_contact: Contact | None) -> list[Checked]:
    results = []
    for (source, diagnostics) in load_jobs(jobs, root):
        checked = check_notice(NoticeEntry(source, default_contact)) if source is not None else []
        results.append((source, diagnostics, checked))
    return results


class LoadAndCheck:
    """A ``load_notices`` mapper that also runs each notice's own checks, in ``workers`` processes;
    ``checked`` then holds each loaded notice's findings by its path (for ``check_collection``)."""

    def __init__(self, root: Path, default_contact: Contact | None, workers: int | None = None) -> None:
        self.root = root
        self.default_contact = default_contact
        self.workers = workers
        self.checked: dict[str, list[Diagnostic]] = {}

    def __call__(self, jobs: list[NoticeJob]) -> list[Loaded]:
        contact = repr(self.default_contact)
        keys = [_cache_key(job, self.root, contact) for job in jobs]
        missing = [number for number, key in enumerate(keys) if key is None or key not in _LOADED]
        fresh = dict(zip(missing, self._load([jobs[number] for number in missing]), strict=True))
        if len(_LOADED) + len(fresh) > CACHE_LIMIT:
            _LOADED.clear()
        loaded: list[Loaded] = []
        for number, key in enumerate(keys):
            result = fresh[number] if number in fresh or key is None else _LOADED[key]
            if number in fresh and key is not None and _matches(key, result):
                _LOADED[key] = result
            source, diagnostics, checked = result
            if source is not None:
                self.checked[source.path] = list(checked)
            loaded.append((source, list(diagnostics)))
        return loaded

    def _load(self, jobs: list[NoticeJob]) -> list[Checked]:
        workers = self.workers or worker_count(len(jobs))
        if workers <= 1:
            return _load_and_check(jobs, self.root, self.default_contact)
        size = max(1, -(-len(jobs) // (workers * BATCHES_PER_WORKER)))
        batches = [jobs[start:start + size] for start in range(0, len(jobs), size)]
        # fork: the workers start with this process's imports and caches, nothing is imported again
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            done = pool.map(_load_and_check, batches, [self.root] * len(batches),
                            [self.default_contact] * len(batches))
            return [result for batch in done for result in batch]
