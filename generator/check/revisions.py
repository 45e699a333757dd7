"""What was published stays published: compared with a git revision (``notices check --base``).

Every URL a notice had at the base (its slug and its ``previous_slugs``) must still lead to that notice; a
published notice file is never deleted (``withdrawn:`` keeps its page); revision notes are a permanent record:
a published note is never edited or removed, a new one is not dated before the notice's publication or the
newest published note, and a changed notice adds one. The base's notices come from one ``git archive`` of the
notices folder, read as it streams; everything is compared in Python.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import tarfile
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from generator.read.collection import NOTICE_URL_DIR, Collection, NoticeEntry
from generator.read.diagnostics import Diagnostic
from generator.read.notices import BODY_SUFFIX, NOTICE_SUFFIX
from generator.read.yaml_source import MAX_BYTES, parse_yaml
from generator.text.slug import slugify

Note = tuple[dt.date, str]  # a revision note: its date and what it says was corrected


@dataclass(frozen=True)
class Published:
    """A notice file as it is at the base: what must survive."""

    path: str
    digest: bytes
    slug: str | None
    previous_slugs: tuple[str, ...]
    notes: tuple[Note, ...]
    published: dt.date | None

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(((self.slug,) if self.slug else ()) + self.previous_slugs))


def check_revision_notes(collection: Collection, root: Path, notices_dir: str, base: str) -> list[Diagnostic]:
    """Everything an edit must keep of the notices published at ``base``."""
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    if commit is None:
        return [Diagnostic(base, 0, 0, "error", f"无法读取 git 版本“{base}”：请先 git fetch，或检查 --base 的写法")]
    entries = {entry.source.path: entry for entry in collection.entries}
    notices: list[Published] = []
    bodies: dict[str, bytes] = {}

    def visit(path: str, raw: bytes) -> None:
        if path.endswith(NOTICE_SUFFIX):
            notices.append(_published(path, raw, entries.get(path)))
        elif path.endswith(BODY_SUFFIX):
            bodies[path] = _digest(raw)

    if not _read_tree(root, commit.strip(), notices_dir, visit):
        return [Diagnostic(base, 0, 0, "error",
                           f"无法读取 git 版本“{base}”中的通报（{notices_dir}）："
                           "仓库可能不完整，请先 git fetch 再检查")]
    holders: dict[str, list[NoticeEntry]] = defaultdict(list)
    for entry in collection.entries:
        for url in dict.fromkeys((entry.slug, *entry.source.facts.previous_slugs)):
            holders[url].append(entry)
    base_paths = {notice.path for notice in notices}
    found: list[Diagnostic] = []
    for notice in sorted(notices, key=lambda n: n.path):
        if notice.path not in entries and os.path.lexists(root / notice.path):
            continue  # still there, but it does not load: its own messages say why
        now = _continuation(notice, entries, holders, base_paths)
        if now is None:
            found.append(Diagnostic(notice.path, 0, 0, "error",
                                    f"这份通报已经发布（{base} 上已有），不能删除："
                                    "撤回请保留文件并写 withdrawn（日期和原因）"))
            continue
        found += _kept_urls(notice, now, holders, base)
        found += _kept_notes(notice, now, base, bodies)
    return found


def _continuation(notice: Published, entries: dict[str, NoticeEntry], holders: dict[str, list[NoticeEntry]],
                  base_paths: set[str]) -> NoticeEntry | None:
    """The notice as it is now: the file at the same path, else a file new since the base that holds its URL
    (the file was moved); None when it was deleted."""
    same = entries.get(notice.path)
    if same is not None or notice.slug is None:
        return same
    return next((e for e in holders.get(notice.slug, ()) if e.source.path not in base_paths), None)


def _kept_urls(notice: Published, entry: NoticeEntry, holders: dict[str, list[NoticeEntry]],
               base: str) -> Iterator[Diagnostic]:
    data = entry.source.data
    name_loc = ("slug",) if "slug" in data else ("title",)
    for url in notice.urls:
        owners = holders.get(url, [])
        if any(owner is entry for owner in owners):
            continue
        primary = url == notice.slug
        loc = name_loc if primary or "previous_slugs" not in data else ("previous_slugs",)
        if owners:
            other = owners[0].source.path
            message = (f"这份通报已经发布（{base} 上已有），网址 {NOTICE_URL_DIR}/{url}/ 现在却是 {other} 的网址："
                       f"已发布的网址不能改给别的通报。请为 {other} 另写一个 slug，"
                       f"并在这份通报中写回 slug: {url} 或 previous_slugs: [{url}]")
        elif primary:
            message = (f"这份通报已经发布（{base} 上已有），网址 {NOTICE_URL_DIR}/{url}/ 不能失效：请写回 slug: {url}，"
                       f"或把旧的网址名称写进 previous_slugs，如 previous_slugs: [{url}]（旧网址会跳转到本页）")
        else:
            message = (f"旧网址 {NOTICE_URL_DIR}/{url}/ 已经发布（{base} 上这份通报的 previous_slugs 中有 {url}），"
                       f"不能删去：请在 previous_slugs 中保留 {url}")
        yield _at(entry, loc, message)


def _kept_notes(notice: Published, entry: NoticeEntry, base: str, bodies: dict[str, bytes]) -> Iterator[Diagnostic]:
    source = entry.source
    revisions_loc = ("revisions",) if "revisions" in source.data else ()
    published_left = Counter(notice.notes)
    newest = max((date for date, _ in notice.notes), default=None)
    added = False
    facts = source.facts
    for index, key in enumerate(facts.revisions):
        if published_left[key] > 0:
            published_left[key] -= 1
            continue
        added = True
        date, now_published = key[0], facts.published
        if now_published and date < now_published:
            continue  # the check without --base reports it
        if notice.published and date < notice.published:
            yield _at(entry, ("revisions", index, "date"),
                      f"新增的更正记录日期（{date}）早于这份通报的发布日期（{base} 上是 {notice.published}）："
                      "更正只能在通报发布之后，请写更正当天的日期")
        elif newest and date < newest:
            yield _at(entry, ("revisions", index, "date"),
                      f"新增的更正记录日期（{date}）早于已发布的最新一条更正记录（{newest}）：更正记录不能倒签，请写更正当天的日期")
    for (date, change), count in sorted(published_left.items()):
        for _ in range(count):
            yield _at(entry, revisions_loc,
                      f"已发布的更正记录不能修改或删除：{base} 上有一条“{date}：{change}”，现在没有了。"
                      "请原样恢复这条记录；新的更正请另加一条")
    if not added and _changed(notice, entry, bodies):
        yield _at(entry, revisions_loc,
                  f"这份通报已经发布（{base} 上已有），修改后必须在 revisions 中增加一条更正记录，"
                  "写明日期和更正内容，如：revisions: [{date: 2025-01-10, change: 更正第 3 个问题的责任单位}]")


def _at(entry: NoticeEntry, loc: tuple, message: str) -> Diagnostic:
    line, column = entry.source.locate(loc) if loc else (1, 1)
    return Diagnostic(entry.source.path, line, column, "error", message)


def _changed(notice: Published, entry: NoticeEntry, bodies: dict[str, bytes]) -> bool:
    source = entry.source
    if source.digest != notice.digest:
        return True
    body_then = bodies.get(PurePosixPath(notice.path).with_suffix(BODY_SUFFIX).as_posix())
    return body_then != source.body_digest


def _published(path: str, raw: bytes, entry: NoticeEntry | None) -> Published:
    """What the base's file published; taken from the loaded notice when the file is unchanged."""
    digest = _digest(raw)
    if entry is not None and digest == entry.source.digest:
        facts = entry.source.facts
        return Published(path, digest, entry.slug, facts.previous_slugs, facts.revisions, facts.published)
    parsed = parse_yaml(raw, path)
    data: Any = parsed.data if not parsed.diagnostics else None
    if not isinstance(data, dict):
        return Published(path, digest, None, (), (), None)  # never on the site: nothing but the file to keep
    title, slug = _text(data.get("title")), _text(data.get("slug"))
    previous = data.get("previous_slugs")
    previous_slugs = tuple(s for s in map(_text, previous) if s) if isinstance(previous, list) else ()
    revisions = data.get("revisions")
    written: list[tuple[dt.date, str]] = []
    for item in revisions if isinstance(revisions, list) else ():
        if isinstance(item, dict) and (date := _date(item.get("date"))) and (change := _text(item.get("change"))):
            written.append((date, change))
    return Published(path, digest, slug or (slugify(title) if title else None), previous_slugs, tuple(written),
                     _date(data.get("published")))


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def _digest(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()


def _read_tree(root: Path, commit: str, folder: str, visit: Callable[[str, bytes], None]) -> bool:
    """``visit(path, content)`` for each regular file under ``folder`` at ``commit``, from one ``git archive``
    read as it streams; False when git cannot produce it. A folder missing at the commit is empty."""
    command = ["git", "--literal-pathspecs", "archive", "--format=tar", commit, "--", folder]
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(command, cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=errors, env={**os.environ, "LC_ALL": "C", "LANGUAGE": "C"})
        except OSError:
            return False
        stdout = process.stdout
        assert stdout is not None  # stdout=PIPE
        complete = True
        try:
            with tarfile.open(fileobj=stdout, mode="r|", encoding="utf-8") as archive:
                for member in archive:
                    content = archive.extractfile(member) if member.isfile() and member.size <= MAX_BYTES else None
                    if content is not None:
                        visit(member.name, content.read())
        except tarfile.TarError:
            complete = False
        finally:
            while stdout.read(1 << 16):
                pass  # the padding after the archive's end: git exits with an error if it cannot write it
            stdout.close()
            code = process.wait()
        if code == 0 and complete:
            return True
        errors.seek(0)
        return code != 0 and f"pathspec '{folder}' did not match any files".encode() in errors.read()


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return result.stdout if result.returncode == 0 else None
