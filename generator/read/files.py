"""Reading only what is meant to be read: regular files inside the project's own folders.

A pull request can carry a symbolic link (git stores them), and a build machine has FIFOs, devices and
files an editor must never publish (``/proc/self/environ``, ``.git/config`` with a CI token). Every
folder is walked without following links; anything that is not a regular file of a known kind gets a
located Chinese message naming it, and reads are bounded in size.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.read.diagnostics import Diagnostic

MAX_FOLDER_DEPTH = 8  # notices/<year>/<name>.yml is two levels; a deep tree is a mistake or an attack


@dataclass
class Scan:
    files: list[Path] = field(default_factory=list)  # regular files, sorted
    diagnostics: list[Diagnostic] = field(default_factory=list)


def display_path(path: Path, root: Path) -> str:
    """The path as editors see it: relative to the project root, with forward slashes."""
    absolute, project = _absolute(path), _absolute(root)
    if os.sep == "/":  # string operations, as pathlib's below but without its objects (a rebuild asks thousands)
        if absolute == project:
            return "."
        inside = project if project.endswith("/") else project + "/"
        return absolute[len(inside):] if absolute.startswith(inside) else path.as_posix()
    try:
        return Path(absolute).relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def _absolute(path: Path) -> str:
    """``os.path.abspath``, without its normalisation for a path that needs none (an absolute path from a folder
    scan: no empty, ``.`` or ``..`` part; a check asks for tens of thousands)."""
    text = os.fspath(path)
    if os.sep == "/" and text.startswith("/") and "//" not in text and "/." not in text and not text.endswith("/"):
        return text
    return os.path.abspath(text)


def folder_problem(folder: Path, root: Path, what: str) -> Diagnostic | None:
    """Why ``folder`` (notices/, content/) cannot be read: missing, a link, or outside the project."""
    shown = display_path(folder, root)
    if folder.is_symlink():
        return Diagnostic(shown, 0, 0, "error",
                          f"{what}是一个符号链接（symlink）：只能是本项目里的普通文件夹，请改为真实的文件夹")
    if not folder.is_dir():
        return Diagnostic(shown, 0, 0, "error", f"{what}不存在")
    resolved, project = folder.resolve(), root.resolve()
    if resolved != project and project not in resolved.parents:
        return Diagnostic(shown, 0, 0, "error", f"{what}不在本项目的文件夹里：只读取项目内的文件")
    return None


def scan_folder(folder: Path, root: Path, looks_like_file: tuple[str, ...] = ()) -> Scan:
    """Every regular file under ``folder``, never following a link; a message for everything else.

    ``looks_like_file``: suffixes of the files this folder holds, so that a folder named ``x.md`` is
    reported rather than walked into."""
    scan = Scan()
    stack = [(folder, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            scan.diagnostics.append(_error(Path(current), root, f"文件夹无法读取（{_reason(exc)}）"))
            continue
        for entry in entries:
            path = Path(entry.path)
            problem = _entry_problem(entry, depth, looks_like_file)
            if problem:
                scan.diagnostics.append(_error(path, root, problem))
            elif entry.is_dir(follow_symlinks=False):
                stack.append((path, depth + 1))
            else:
                scan.files.append(path)
    scan.files.sort()
    return scan


def _entry_problem(entry: os.DirEntry, depth: int, looks_like_file: tuple[str, ...]) -> str | None:
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as exc:
        return f"无法读取（{_reason(exc)}）"
    if stat.S_ISLNK(mode):
        return "是符号链接（symlink）：只发布本项目里的普通文件，不跟随链接读取其他位置的文件；请放入文件本身"
    if stat.S_ISDIR(mode):
        if entry.name.endswith(looks_like_file):
            return "这是一个文件夹，名字却像通报文件：请改名或移走"
        if depth + 1 > MAX_FOLDER_DEPTH:
            return f"文件夹层次太深（超过 {MAX_FOLDER_DEPTH} 层）：通报应放在 notices/<年份>/ 下"
        return None
    if not stat.S_ISREG(mode):
        kind = "管道（FIFO）" if stat.S_ISFIFO(mode) else "设备文件" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else \
            "套接字" if stat.S_ISSOCK(mode) else "特殊文件"
        return f"不是普通文件（{kind}）：只能放文本文件，请删除"
    return None


def read_regular(path: Path, shown: str, limit: int) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of a regular file of at most ``limit`` bytes, opened without following a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        return None, [Diagnostic(shown, 0, 0, "error", f"文件无法读取（{_reason(exc)}）")]
    with os.fdopen(descriptor, "rb", buffering=0) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, [Diagnostic(shown, 0, 0, "error", "不是普通文件：只能放文本文件，请删除")]
        if info.st_size > limit:
            return None, [_too_large(shown, info.st_size, limit)]
        try:
            data = read_bounded(descriptor, info.st_size, limit)
        except OSError as exc:
            return None, [Diagnostic(shown, 0, 0, "error", f"文件无法读取（{_reason(exc)}）")]
    if len(data) > limit:
        return None, [_too_large(shown, len(data), limit)]
    return data, []


def read_bounded(descriptor: int, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes from an open file whose size was ``size`` (it may have grown or shrunk since):
    asks for the size it had, not for the limit (a read of the limit's size allocates that much each time, about
    40 times the cost of reading a notice)."""
    data = b""
    ask = min(size, limit) + 1
    while len(data) <= limit:
        chunk = os.read(descriptor, min(ask, limit + 1 - len(data)))
        if not chunk:
            break
        data += chunk
        ask = 1 << 16
    return data


def _too_large(shown: str, size: int, limit: int) -> Diagnostic:
    return Diagnostic(shown, 0, 0, "error",
                      f"文件过大（{size:,} 字节，上限 {limit:,} 字节）：一份通报不会这么大，请检查是否误放了其他文件")


def _error(path: Path, root: Path, message: str) -> Diagnostic:
    return Diagnostic(display_path(path, root), 0, 0, "error", message)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    return exc.strerror or type(exc).__name__
