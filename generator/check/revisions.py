"""Edits to notices already published: compared with a git revision (``notices check --base``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from generator.read.collection import Collection
from generator.read.diagnostics import Diagnostic


def check_revision_notes(collection: Collection, root: Path, notices_dir: str, base: str) -> list[Diagnostic]:
    """A notice that exists at ``base`` and was changed must add a revision note."""
    probe = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    if probe is None:
        return [Diagnostic(base, 0, 0, "error", f"无法读取 git 版本“{base}”：请先 git fetch，或检查 --base 的写法")]
    found = _deleted(collection, root, notices_dir, base)
    for entry in collection.entries:
        source = entry.source
        before = _git(root, "show", f"{base}:./{source.path}")
        if before is None or not _changed(root, base, source.path, before, source.body_path):
            continue
        try:
            old = YAML(typ="safe").load(before) or {}
        except YAMLError:
            old = {}
        old_count = len(old.get("revisions") or []) if isinstance(old, dict) else 0
        if len(entry.notice.revisions) <= old_count:
            loc = ("revisions",) if "revisions" in source.data else ()
            line, column = source.locate(loc) if loc else (1, 1)
            found.append(Diagnostic(
                source.path, line, column, "error",
                f"这份通报已经发布（{base} 上已有），修改后必须在 revisions 中增加一条更正记录，"
                "写明日期和更正内容，如：revisions: [{date: 2025-01-10, change: 更正第 3 个问题的责任单位}]",
            ))
    return found


def _changed(root: Path, base: str, path: str, before: str, body_path: str | None) -> bool:
    if (root / path).read_text(encoding="utf-8") != before:
        return True
    body = Path(path).with_suffix(".md").as_posix()
    body_before = _git(root, "show", f"{base}:./{body}")
    body_now = (root / body_path).read_text(encoding="utf-8") if body_path else None
    return body_before != body_now


def _deleted(collection: Collection, root: Path, notices_dir: str, base: str) -> list[Diagnostic]:
    """Published notice files that are gone: a withdrawal must keep the page (``withdrawn:``)."""
    present = {entry.source.path for entry in collection.entries}
    listing = _git(root, "ls-tree", "-r", "--name-only", base, "--", notices_dir) or ""
    return [
        Diagnostic(path, 0, 0, "error", f"这份通报已经发布（{base} 上已有），不能删除：撤回请保留文件并写 withdrawn（日期和原因）")
        for path in listing.splitlines()
        if path.endswith(".yml") and path not in present
    ]


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return result.stdout if result.returncode == 0 else None
