"""PDF files with a text layer → lines of text for the importer (via pdfplumber); the others refused.

A PDF lays text out line by line, not paragraph by paragraph: lines are joined back into paragraphs
where a line runs to the right margin and the next one is not indented; page numbers (— 1 —) are left
out and reported. A scanned PDF (pictures only), an encrypted or damaged one, or one whose fonts carry
no character codes gets a :class:`ReadError` saying what to provide instead.

pdfplumber runs in a child process with a memory and time limit: a PDF's compressed streams are not
checked before they are inflated, so a hostile file must not take the editor's machine down with it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from generator.importing.reading import ReadError, read_bytes

MAX_FILE_BYTES = 64 * 1024 * 1024  # a PDF may carry pictures
MAX_PAGES = 300
TIME_LIMIT = 120  # seconds for the child process
MEMORY_LIMIT = 2 * 1024 * 1024 * 1024  # bytes of address space for the child process

_PAGE_NUMBER = re.compile(r"^[—\-－–~～\s]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*\d{1,4})?[—\-－–~～\s]*$")
_SENTENCE_END = "。；;！!？?：:"


def read_pdf(path: Path):
    from generator.importing.word import Document

    read_bytes(path, MAX_FILE_BYTES)  # size and path checks
    pages = _extract(path)
    if not any(line["text"].strip() for page in pages for line in page["lines"]):
        raise ReadError("这份 PDF 没有文字层（可能是扫描件，只有图片）："
                        "图片里的文字无法导入，请提供 Word 或文字版的通报")
    text = "".join(line["text"] for page in pages for line in page["lines"])
    if len(re.findall(r"\(cid:\d+\)", text)) > 3:
        raise ReadError("这份 PDF 的文字无法正确提取（字体缺少编码信息）：请提供 Word 或文字版的通报")
    lines, dropped = paragraphs(pages)
    document = Document(lines=lines, kind="PDF 文件")
    document.notes.append("正文取自 PDF 的文字层：PDF 按版面排列文字，段落是按行距和缩进拼接的，"
                          "页眉页脚可能混入，请逐段对照原文核对")
    if dropped:
        document.notes.append(f"PDF 中的页码（{'、'.join(dropped[:10])}）未写入草稿")
    if any(page.get("tables") for page in pages):
        document.notes.append("PDF 中有表格：表格按文字逐行读入正文，没有按整改台账读取，请对照原文整理问题清单")
    return document


def _extract(path: Path) -> list[dict]:
    try:
        done = subprocess.run([sys.executable, "-m", "generator.importing.pdf", str(path)], capture_output=True,
                              timeout=TIME_LIMIT, preexec_fn=_limit, check=False)
    except subprocess.TimeoutExpired:
        raise ReadError(f"读取这份 PDF 超过 {TIME_LIMIT} 秒仍未完成（文件可能已损坏或结构异常）："
                        "请提供 Word 或文字版的通报") from None
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ReadError("读取这份 PDF 时内存不足或程序中止（文件可能已损坏或结构异常）："
                        "请提供 Word 或文字版的通报") from None
    error = answer.get("error")
    if error == "password":
        raise ReadError("这份 PDF 设有密码，无法读取：请提供未加密的 PDF，或 Word、文字版的通报")
    if error == "pages":
        raise ReadError(f"这份 PDF 有 {answer.get('count')} 页，超过 {MAX_PAGES} 页："
                        "一份通报不会这么长，请检查是否选错了文件")
    if error:
        raise ReadError(f"这份 PDF 已损坏，无法读取（{error}）：请重新下载，或提供 Word、文字版的通报")
    return answer["pages"]


def _limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def paragraphs(pages: list[dict]) -> tuple[list[str], list[str]]:
    """Lines of text, one paragraph a line, rebuilt from each page's lines and their positions."""
    out: list[str] = []
    dropped: list[str] = []
    continues = False  # the last line so far ran to the right margin
    for page in pages:
        lines = [line for line in page["lines"] if line["text"].strip()]
        kept = []
        for index, line in enumerate(lines):
            edge = index in (0, len(lines) - 1)
            if edge and _PAGE_NUMBER.fullmatch(line["text"].strip()):
                dropped.append(line["text"].strip())
            else:
                kept.append(line)
        if not kept:
            continue
        left = min(line["x0"] for line in kept)
        right = max(line["x1"] for line in kept)
        widths = sorted((line["x1"] - line["x0"]) / max(len(line["text"].strip()), 1) for line in kept)
        char = widths[len(widths) // 2] or 10
        for line in kept:
            text = line["text"].strip()
            indented = line["x0"] > left + char * 1.2
            if out and continues and not indented:
                out[-1] += text
            else:
                out.append(text)
            continues = line["x1"] >= right - char * 1.5 and text[-1] not in _SENTENCE_END
    return out, dropped


def _child(path: str) -> dict:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                return {"error": "pages", "count": len(pdf.pages)}
            pages = []
            for page in pdf.pages:
                lines = [{"text": line["text"], "x0": line["x0"], "x1": line["x1"]}
                         for line in page.extract_text_lines(strip=True, return_chars=False)]
                pages.append({"lines": lines, "tables": len(page.find_tables())})
            return {"pages": pages}
    except Exception as exc:  # pdfminer raises many kinds; the parent turns them into a message
        name = type(exc).__name__ + " " + " ".join(type(a).__name__ for a in getattr(exc, "args", ()))
        if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():
            return {"error": "password"}
        return {"error": type(exc).__name__}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(_child(sys.argv[1]), ensure_ascii=False))
