"""Bytes on disk → text, or a clear refusal (size, binary, unknown encoding).

Word (.docx, .doc) and PDF files never reach ``read_text``: ``word.read_document`` reads or refuses them
first, with ``read_bytes`` (the same size and path checks).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # a saved notice page is well under 1 MB

# Signatures of files editors commonly pick by mistake, with what to do instead.
_KNOWN_BINARIES = (
    (b"{\\rtf", "RTF 文件：请在 Word/WPS 中另存为 .docx 后再导入"),
    (b"\x89PNG", "PNG 图片：图片里的文字无法导入，请提供文字版"),
    (b"\xff\xd8\xff", "JPEG 图片：图片里的文字无法导入，请提供文字版"),
    (b"GIF8", "GIF 图片：图片里的文字无法导入，请提供文字版"),
)

_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_GB_NAMES = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80"}


class ReadError(Exception):
    """A reason, in Chinese, why the file cannot be imported (the caller adds the file name)."""


def read_text(path: Path) -> str:
    """The file's text, decoded; raises :class:`ReadError` with a message for the editor."""
    raw = read_bytes(path)
    _reject_binary(raw)
    text = _decode(raw)
    if not text.strip():
        raise ReadError("文件里没有文字（只有空白）")
    return text


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; raises :class:`ReadError` for a missing path, a folder, an empty or oversized file."""
    if not path.exists():
        raise ReadError("文件不存在，请检查路径")
    if not path.is_file():
        raise ReadError("这不是一个文件（可能是文件夹）：请指定一份通报的文本或网页文件")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("文件是空的")
    if size > limit:
        raise ReadError(f"文件过大（{size:,} 字节，上限 {limit:,} 字节）：一份通报不会这么大，请检查是否选错了文件")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法读取文件（{exc.strerror or exc}）") from None


def _reject_binary(raw: bytes) -> None:
    for magic, advice in _KNOWN_BINARIES:
        if raw.startswith(magic):
            raise ReadError(f"这是{advice}")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 text is full of NUL bytes, but it is text
    head = raw[:65536]
    if b"\x00" in head:
        raise ReadError("这是二进制文件，不是文本或网页：请提供通报的 .txt 或 .html 文件")
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\v\x1b")
    if controls > max(8, len(head) // 100):
        raise ReadError("这是二进制文件，不是文本或网页：请提供通报的 .txt 或 .html 文件")


def _decode(raw: bytes) -> str:
    """BOM first, then a declared charset, then UTF-8, then GB18030 (a superset of GBK/GB2312)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return _strict(raw, codec) or _fail()
    declared = _declared_charset(raw)
    order = ("gb18030", "utf-8") if declared in _GB_NAMES else ("utf-8", "gb18030")
    for codec in order:
        text = _strict(raw, codec)
        if text is not None:
            return text
    return _fail()


def _declared_charset(raw: bytes) -> str | None:
    match = _CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _fail() -> str:
    raise ReadError("文件编码无法识别（不是 UTF-8，也不是 GBK/GB18030）：请在编辑器中另存为“UTF-8”后再导入")
