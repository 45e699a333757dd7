"""Word documents (.docx) → what the importer already reads: lines of text, plus 整改台账 tables.

Editors most often hold a notice as a Word file. This module opens it safely and reads it the way
Word displays it:

- every paragraph in document order (content controls, tracked insertions and text boxes included,
  deleted text and the fallback copy of a text box left out, hidden text left out and reported);
- Word's automatic numbering rendered as text, from ``numbering.xml`` (abstractNum levels with their
  numFmt, lvlText, start values, level restarts, overrides; numbering given by a paragraph style
  too): a list that Word shows as 一、/（一）/1. reaches the outline reader as those characters;
- bold or heading-styled short paragraphs as headings, a title Word splits over two centred lines as
  one line, a bold numbered title run into its paragraph as a line of its own;
- tables: a 整改台账 (recognised by its header row, see ``ledger``) as rows of cells; any other table
  cell by cell as lines of text, so that nothing is lost.

Hostile files get a :class:`ReadError` with what to do, never a traceback: a broken zip, a zip bomb
(declared sizes and compression ratios are checked before anything is extracted, and no part is read
past its cap), XML with entity declarations or malformed XML, an encrypted document, an old binary
.doc, another Office format. PDF files are passed on to ``pdf``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.check.spam import find_spam
from generator.importing import ledger as ledger_reading
from generator.importing.numerals import ordinal
from generator.importing.outline import Outline, read_marker
from generator.importing.page import Page
from generator.importing.reading import ReadError, read_bytes

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF"

MAX_FILE_BYTES = 64 * 1024 * 1024  # a .docx may carry photos
MAX_MEMBERS = 5000  # a .docx has a few dozen parts
MAX_PART_BYTES = 32 * 1024 * 1024  # uncompressed size of one XML part (a long notice's document.xml: a few MB)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # uncompressed size of all parts together, pictures included
MAX_RATIO = 100  # XML compresses 5-30 times; a part larger than RATIO_FLOOR beyond this ratio is a bomb
RATIO_FLOOR = 4 * 1024 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


P, TBL, TR, TC, R, T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
PPR, RPR, NUMPR, PSTYLE, RSTYLE = _w("pPr"), _w("rPr"), _w("numPr"), _w("pStyle"), _w("rStyle")
VAL = _w("val")
TXBX = _w("txbxContent")
FALLBACK = f"{{{_MC}}}Fallback"
_CONTAINERS = {_w(n) for n in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")}
_SKIPPED = {_w(n) for n in ("del", "moveFrom", "rt", "pPr", "rPr")}
_BLOCK_CONTAINERS = {_w(n) for n in ("customXml", "ins", "moveTo")}
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_TITLE_WORDS = re.compile(r"通报|公告|公示|情况|报告|通知")
_PAGE_NUMBER = re.compile(r"[—\-－–~～\s]*(第\s*)?\d{0,4}\s*(页)?\s*([/共]\s*\d{0,4}\s*页?)?[—\-－–~～\s]*")
_DOC_NUMBER = re.compile(r"〔\s*\d{4}\s*〕|\[\s*\d{4}\s*\]|^附件")


@dataclass
class Document:
    """What was read from a Word or PDF file, for ``generator.importer``."""

    lines: list[str]
    headings: set[str] = field(default_factory=set)  # lines Word shows as headings (bold, heading style)
    ledger: ledger_reading.Ledger | None = None  # the 整改台账 table's rows as problems
    spam: list = field(default_factory=list)  # spam found in the ledger's cells (already removed)
    notes: list[str] = field(default_factory=list)  # for the editor, in Chinese
    signed: bool = True  # a document's signature date is the only date it has (成文日期)
    kind: str = "Word 文档"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def outline(self, paragraphs: list[str], found: Outline) -> Outline:
        """The outline of the draft: the ledger's problems if there is one; Word's headings in the body."""
        if self.ledger is not None:
            return self.ledger.outline(paragraphs, found, self.headings)
        found.headings |= {p for p in found.narrative if p in self.headings}
        return found

    def report(self, page: Page) -> list[str]:
        """Notes for the editor: what reading the file noticed, and any text that the page reader left out."""
        lines = list(self.notes)
        if page.chrome_removed:
            lines.append(f"{self.kind}中的这些文字被当作页眉、页脚或链接，未写入草稿，如属通报正文请补入："
                         f"“{'”“'.join(page.chrome_removed)}”")
        return lines


def read_document(path: Path) -> Document | None:
    """A Word or PDF file's content, or None for anything else (text and web pages: ``read_text``)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return None  # read_text says what is wrong with the path
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return read_docx(read_bytes(path, MAX_FILE_BYTES))
    if head.startswith(OLE_MAGIC[:4]):
        raise ReadError(_ole_advice(read_bytes(path, MAX_FILE_BYTES)))
    if head.startswith(PDF_MAGIC):
        from generator.importing.pdf import read_pdf

        return read_pdf(path)
    return None


def _ole_advice(raw: bytes) -> str:
    """An OLE compound file: an encrypted .docx, an old .doc, an old Excel or PowerPoint file."""
    if "EncryptedPackage".encode("utf-16-le") in raw or "EncryptionInfo".encode("utf-16-le") in raw:
        return "这份 Word 文档设有打开密码（已加密），无法读取：请在 Word/WPS 中打开，取消密码后另存为 .docx 再导入"
    if "WordDocument".encode("utf-16-le") in raw:
        return "这是旧版 Word 文档（.doc），无法直接读取：请在 Word/WPS 中另存为 .docx 后再导入"
    if "Workbook".encode("utf-16-le") in raw or "Book".encode("utf-16-le") in raw:
        return "这是旧版 Excel 表格（.xls），不是通报：请把通报正文放在 Word 文档（.docx）里再导入"
    if "PowerPoint Document".encode("utf-16-le") in raw:
        return "这是旧版 PowerPoint 演示文稿（.ppt），不是通报：请提供通报的 Word 文档（.docx）"
    return "这是旧版 Office 格式的文件，无法直接读取：如是 Word 或 WPS 文档，请在 Word/WPS 中另存为 .docx 后再导入"


# ---------------------------------------------------------------------------------------------
# the package: checked before anything is extracted

def read_docx(raw: bytes) -> Document:
    archive = _open_zip(raw)
    with archive:
        _check_sizes(archive)
        _check_kind(archive)
        _check_xml(archive)
    import docx  # python-docx; imported here so that text imports do not pay for it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError,
            OSError, RuntimeError):  # a part missing, or a picture's compressed data damaged
        raise ReadError("这份 Word 文档的结构不完整或已损坏，无法打开："
                        "请在 Word/WPS 中打开，另存为 .docx 后再导入") from None
    return _Reader(word).read()


def _open_zip(raw: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise ReadError("文件以 .docx 的文件头开始，但不是完整的 Word 文档（压缩包已损坏或不完整，可能没有下载完）："
                        "请在 Word/WPS 中打开，另存为 .docx 后再导入") from None


def _check_sizes(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"压缩包里有 {len(infos):,} 个文件，不像一份 Word 文档（疑似“压缩炸弹”），"
                        "未解压：请确认文件来源")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError("这个压缩包设有密码，无法读取：请提供没有加密的 Word 文档（.docx）")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ReadError("这个压缩包使用了 Word 不会使用的压缩方式，不像 Word 文档："
                            "请在 Word/WPS 中另存为 .docx 后再导入")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        xml = info.filename.endswith((".xml", ".rels"))
        if (xml and info.file_size > MAX_PART_BYTES) or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise ReadError(_bomb(f"压缩包中的“{info.filename}”解压后有 {info.file_size:,} 字节"))
    if total > MAX_TOTAL_BYTES:
        raise ReadError(_bomb(f"压缩包解压后共有 {total:,} 字节"))


def _bomb(what: str) -> str:
    return (f"{what}，远超一份通报的大小（疑似“压缩炸弹”），未解压：请确认文件来源；"
            "如确是通报，请在 Word/WPS 中打开后另存为 .docx 再导入")


def _check_kind(archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    types = _read_part(archive, "[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if b"wordprocessingml.document.main+xml" in types:
        return
    if b"wordprocessingml.template.main+xml" in types or b"ms-word.document.macroEnabled" in types \
            or b"ms-word.template.macroEnabled" in types:
        raise ReadError("这是 Word 模板或启用宏的文档（.dotx/.docm/.dotm），不是普通的 .docx："
                        "请在 Word/WPS 中另存为 .docx 后再导入")
    if "xl/workbook.xml" in names:
        raise ReadError("这是 Excel 表格（.xlsx），不是 Word 文档："
                        "请把通报正文和整改台账放在 Word 文档（.docx）里再导入")
    if "ppt/presentation.xml" in names:
        raise ReadError("这是 PowerPoint 演示文稿（.pptx），不是通报：请提供通报的 Word 文档（.docx）")
    if "mimetype" in names and b"opendocument" in _read_part(archive, "mimetype"):
        raise ReadError("这是 OpenDocument 文档（.odt 等），不是 .docx：请在 WPS/LibreOffice 中另存为 .docx 后再导入")
    raise ReadError("这是一个压缩包，不是 Word 文档（.docx）：请解压后导入其中的通报文件，或在 Word/WPS 中另存为 .docx")


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """One part, never more than MAX_PART_BYTES whatever its header declares."""
    try:
        with archive.open(name) as handle:
            data = handle.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError,
            RuntimeError):
        raise ReadError(f"Word 文档中的“{name}”已损坏，无法解压：请在 Word/WPS 中打开，另存为 .docx 后再导入") from None
    if len(data) > MAX_PART_BYTES:
        raise ReadError(_bomb(f"压缩包中的“{name}”解压后超过 {MAX_PART_BYTES:,} 字节"))
    return data


def _check_xml(archive: zipfile.ZipFile) -> None:
    """Every XML part: no DTD or entity declarations (Word never writes them), well-formed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")) or info.is_dir():
            continue
        data = _read_part(archive, info.filename)
        head = data.decode("utf-16", "replace") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data
        probe = head if isinstance(head, str) else head.decode("utf-8", "replace")
        if "<!DOCTYPE" in probe or "<!ENTITY" in probe:
            raise ReadError(f"Word 文档中的“{info.filename}”含有 XML 实体声明"
                            "（Word 不会写出这种内容，可能是恶意文件），"
                            "未读取：请确认文件来源，或在 Word/WPS 中另存为 .docx 后再导入")
        if not data.strip():
            continue
        try:
            etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise ReadError(f"Word 文档的内容（{info.filename}）已损坏，XML 格式错误（第 {exc.lineno} 行）："
                            "请在 Word/WPS 中打开，另存为 .docx 后再导入") from None


# ---------------------------------------------------------------------------------------------
# styles: bold, alignment, headings, numbering inherited through basedOn

class _Styles:
    def __init__(self, root):
        self.by_id = {}
        self.defaults_bold = False
        if root is None:
            return
        for style in root.iter(_w("style")):
            self.by_id[style.get(_w("styleId"))] = style
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{RPR}")
        self.defaults_bold = _flag(defaults, "b") or False

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(_w("basedOn"))
            style_id = based.get(VAL) if based is not None else None

    def run_bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            value = _flag(style.find(RPR), "b")
            if value is not None:
                return value
        return None

    def paragraph_property(self, style_id: str | None, name: str):
        for style in self.chain(style_id):
            ppr = style.find(PPR)
            found = ppr.find(_w(name)) if ppr is not None else None
            if found is not None:
                return found
        return None

    def is_heading(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            name = style.find(_w("name"))
            if re.match(r"(?i)^(heading\s*\d|title|标题)", name.get(VAL, "") if name is not None else ""):
                return True
        return _outline_level(self.paragraph_property(style_id, "outlineLvl"))


def _outline_level(element) -> bool:
    """A w:outlineLvl of 0-8 makes a paragraph a heading (9 is body text)."""
    value = element.get(VAL, "9") if element is not None else "9"
    level = _int(value, 9)
    return 0 <= level < 9


def _flag(rpr, name: str) -> bool | None:
    """A toggle property (w:b, w:vanish …): True, False, or None when not set here."""
    if rpr is None:
        return None
    element = rpr.find(_w(name))
    if element is None:
        return None
    return element.get(VAL, "true").lower() not in ("0", "false", "off")


# ---------------------------------------------------------------------------------------------
# automatic numbering (numbering.xml)

@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 0  # ECMA-376: a level without <w:start> starts at 0
    restart: int | None = None  # lvlRestart: restart after a level up to this (1-based); 0 never
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


def _level(element) -> _Level:
    def val(name, default=None):
        found = element.find(_w(name))
        return found.get(VAL, default) if found is not None else default

    start = val("start")
    restart = val("lvlRestart")
    return _Level(fmt=val("numFmt", "decimal") or "decimal", text=val("lvlText", "") or "",
                  start=_int(start, 0), restart=_int(restart, None),
                  legal=_flag(element, "isLgl") or False, suffix=val("suff", "tab") or "tab", style=val("pStyle"))


class _Numbering:
    def __init__(self, root, styles: _Styles):
        self.styles = styles
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum with numStyleLink → the numbering style's id
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[tuple[str, int]] = set()
        if root is None:
            return
        for abstract in root.iter(_w("abstractNum")):
            key = abstract.get(_w("abstractNumId"))
            levels = {}
            for lvl in abstract.iter(_w("lvl")):
                ilvl = _int(lvl.get(_w("ilvl")), None)
                if ilvl is not None:
                    levels[ilvl] = _level(lvl)
            self.abstracts[key] = levels
            link = abstract.find(_w("numStyleLink"))
            if link is not None:
                self.links[key] = link.get(VAL)
        for num in root.iter(_w("num")):
            abstract_id = num.find(_w("abstractNumId"))
            starts, levels = {}, {}
            for override in num.iter(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), None)
                if ilvl is None:
                    continue
                start = override.find(_w("startOverride"))
                if start is not None and _int(start.get(VAL), None) is not None:
                    starts[ilvl] = _int(start.get(VAL), 0)
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            if abstract_id is not None:
                self.nums[num.get(_w("numId"))] = (abstract_id.get(VAL), starts, levels)

    def _abstract(self, num_id: str, depth: int = 0) -> str | None:
        if num_id not in self.nums:
            return None
        abstract = self.nums[num_id][0]
        if abstract in self.links and depth < 3:  # the list lives in a numbering style
            ppr_num = self.styles.paragraph_property(self.links[abstract], "numPr")
            linked = ppr_num.find(_w("numId")) if ppr_num is not None else None
            if linked is not None and linked.get(VAL) != num_id:
                return self._abstract(linked.get(VAL), depth + 1) or abstract
        return abstract

    def _level_of(self, num_id: str, abstract: str, ilvl: int) -> _Level:
        overrides = self.nums.get(num_id, (None, {}, {}))[2]
        return overrides.get(ilvl) or self.abstracts.get(abstract, {}).get(ilvl) or _Level()

    def label(self, paragraph, style_id: str | None) -> str | None:
        """The number Word shows before ``paragraph`` (and the counters moved on), or None."""
        num_id, ilvl = self._num_pr(paragraph, style_id)
        if num_id is None or num_id == "0":
            return None
        abstract = self._abstract(num_id)
        if abstract is None:
            return None
        if ilvl is None:
            levels = self.abstracts.get(abstract, {}).items()
            ilvl = next((i for i, lvl in levels if style_id and lvl.style == style_id), 0)
        ilvl = min(max(ilvl, 0), 8)
        counters = self.counters.setdefault(abstract, [None] * 9)
        level = self._level_of(num_id, abstract, ilvl)
        starts = self.nums[num_id][1]
        if (num_id, ilvl) not in self.started and ilvl in starts:
            counters[ilvl] = None
            level = _Level(**{**level.__dict__, "start": starts[ilvl]})
        self.started.add((num_id, ilvl))
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = self._level_of(num_id, abstract, deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        return self._render(num_id, abstract, ilvl, level, counters)

    def _num_pr(self, paragraph, style_id: str | None) -> tuple[str | None, int | None]:
        ppr = paragraph.find(PPR)
        direct = ppr.find(NUMPR) if ppr is not None else None
        num_id = ilvl = None
        if direct is not None:
            num_id = _child_val(direct, "numId")
            ilvl = _child_val(direct, "ilvl")
        if num_id is None:
            styled = self.styles.paragraph_property(style_id, "numPr")
            if styled is not None:
                num_id = _child_val(styled, "numId")
                ilvl = ilvl if ilvl is not None else _child_val(styled, "ilvl")
        return num_id, _int(ilvl, None)

    def _render(self, num_id: str, abstract: str, ilvl: int, level: _Level, counters) -> str:
        if level.fmt == "bullet":
            return _bullet(level.text)

        def value(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            if index > ilvl:
                return ""
            lvl = level if index == ilvl else self._level_of(num_id, abstract, index)
            number = counters[index] if counters[index] is not None else lvl.start
            fmt = "decimal" if level.legal and lvl.fmt not in ("none",) and index < ilvl else lvl.fmt
            return format_number(number, fmt)

        text = re.sub(r"%([1-9])", value, level.text)
        if not text:
            return ""
        if level.suffix == "nothing" or not text[-1].isalnum():
            return text
        return text + " "


def _int(text: str | None, default):
    """An integer attribute as Word writes it (ASCII digits); ``default`` for anything else."""
    return int(text) if text and re.fullmatch(r"-?[0-9]{1,9}", text) else default


def _child_val(element, name: str) -> str | None:
    found = element.find(_w(name))
    return found.get(VAL) if found is not None else None


def _bullet(text: str) -> str:
    if not text or "\uf000" <= text[0] <= "\uf0ff" or text in ("o", "§", "l", "n", "q", "Ø", "ü"):
        return "• "  # symbol-font bullets in the private use area
    return text + " "


_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def format_number(number: int, fmt: str) -> str:
    """``number`` as Word writes it in the numbering format ``fmt`` (ECMA-376 ST_NumberFormat)."""
    if fmt == "none":
        return ""
    if number <= 0 or number > 99999:  # no list runs that far; formats like AAA… would grow without bound
        return str(number)
    if fmt in ("chineseCounting", "taiwaneseCounting"):
        if number < 100:
            return ordinal(number) if number >= 10 else _DIGITS[number]
        return "".join(_DIGITS[int(d)] for d in str(number))
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCounting"):
        return _counting(number, _DIGITS.replace("〇", "零"), "十百千")
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        units = "拾佰仟" if fmt == "chineseLegalSimplified" else "拾佰仟"
        return _counting(number, _LEGAL_DIGITS, units, short_ten=False)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_DIGITS[int(d)] for d in str(number))
    if fmt == "ideographTraditional":
        return _STEMS[number - 1] if number <= 10 else str(number)
    if fmt == "ideographZodiac":
        return _BRANCHES[number - 1] if number <= 12 else str(number)
    if fmt == "ideographZodiacTraditional":
        return _STEMS[(number - 1) % 10] + _BRANCHES[(number - 1) % 12] if number <= 60 else str(number)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + number - 1) if number <= 20 else str(number)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + number - 1) if number <= 20 else f"({number})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + number - 1) if number <= 20 else f"{number}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(number))
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)  # decimal, decimalHalfWidth, and formats of other scripts


def _counting(number: int, digits: str, units: str, short_ten: bool = True) -> str:
    """1-9999 in Chinese counting: 十一, 一百零五, 一千二百; larger numbers positional."""
    if number >= 10000:
        return "".join(_DIGITS[int(d)] for d in str(number))
    if short_ten and 10 <= number < 20:
        return units[0] + (digits[number - 10] if number > 10 else "")
    text, zero = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = number // power % 10
        if digit:
            text += (digits[0] if zero and text else "") + digits[digit] + unit
            zero = False
        elif text:
            zero = True
    return text


def _roman(number: int) -> str:
    out = ""
    for value, glyph in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + glyph, number - value
    return out


# ---------------------------------------------------------------------------------------------
# the body, in document order

@dataclass
class _Paragraph:
    label: str  # automatic number as Word shows it ("" when none)
    pieces: list[tuple[str, bool]]  # visible text runs with whether each is bold
    hidden: list[str]
    heading_style: bool
    centred: bool
    boxes: list  # paragraphs of text boxes anchored in this paragraph

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


class _Reader:
    def __init__(self, word):
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.word = word
        part = word.part
        self.styles = _Styles(_related(part, RT.STYLES))
        self.numbering = _Numbering(_related(part, RT.NUMBERING), self.styles)
        self.doc = Document(lines=[])
        self.pending_title: list[str] = []  # centred lines at the top, before the first body paragraph
        self.at_top = True
        self.tracked = False
        self.tables = 0
        self.cells = 0

    def read(self) -> Document:
        body = self.word.element.body
        self.tracked = any(True for _ in body.iter(_w("ins"), _w("del")))
        for block in _blocks(body):
            if block.tag == P:
                self._paragraph(self._parse(block))
            else:
                self._table(block)
        self._flush_title()
        if self.tracked:
            self.doc.notes.append("文档中有修订标记：按接受全部修订后的文字导入（删除的文字未写入），请核对")
        self._comments()
        self._margins()
        if not any(line.strip() for line in self.doc.lines) and self.doc.ledger is None:
            if any(name.startswith("media/") for name in self._part_names()):
                raise ReadError("这份 Word 文档里没有文字，只有图片（可能是扫描件）："
                                "图片里的文字无法导入，请提供文字版的 Word 文档")
            raise ReadError("这份 Word 文档里没有文字：请确认选对了文件")
        return self.doc

    def _part_names(self) -> list[str]:
        return [str(part.partname).split("/word/", 1)[-1] for part in self.word.part.package.iter_parts()]

    def _margins(self) -> None:
        """Text in the page headers and footers, footnotes and endnotes: not the notice's body, but listed."""
        kinds = (("header", "页眉"), ("footer", "页脚"), ("footnotes", "脚注"), ("endnotes", "尾注"))
        found: dict[str, list[str]] = {}
        for part in self.word.part.package.iter_parts():
            name = str(part.partname).rsplit("/", 1)[-1]
            label = next((label for kind, label in kinds if re.fullmatch(rf"{kind}\d*\.xml", name)), None)
            if label is None:
                continue
            element = getattr(part, "element", None)
            if element is None:  # a part python-docx keeps as bytes; checked well-formed by _check_xml
                from lxml import etree

                element = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
            for p in element.iter(P):
                text = "".join(t.text or "" for t in p.iter(T)).strip()
                if text and not _PAGE_NUMBER.fullmatch(text) and text not in found.setdefault(label, []):
                    found[label].append(text)
        for label, texts in found.items():
            if texts:
                self.doc.notes.append(f"Word 文档{label}中的文字未写入草稿，如属通报内容请补入："
                                      f"“{'”“'.join(texts)[:200]}”")

    def _comments(self) -> None:
        parts = self.word.part.package.iter_parts()
        comments = [part for part in parts if str(part.partname).endswith("/comments.xml")]
        count = sum(1 for part in comments for _ in part.element.iter(_w("comment"))) if comments else 0
        if count:
            self.doc.notes.append(f"文档中有 {count} 条批注，批注不是通报正文，未写入草稿")

    # -- paragraphs ------------------------------------------------------------------------------

    def _parse(self, p) -> _Paragraph:
        ppr = p.find(PPR)
        style_el = ppr.find(PSTYLE) if ppr is not None else None
        style_id = style_el.get(VAL) if style_el is not None else None
        label = self.numbering.label(p, style_id) or ""
        pieces: list[tuple[str, bool]] = []
        hidden: list[str] = []
        boxes: list = []  # lxml elements (lxml ships no type information)
        paragraph_bold = self.styles.run_bold(style_id)
        for run in _runs(p):
            rpr = run.find(RPR)
            text = _run_text(run, boxes)
            if not text:
                continue
            if _flag(rpr, "vanish") or _flag(rpr, "specVanish"):
                hidden.append(text)
                continue
            bold = _flag(rpr, "b")
            if bold is None:
                rstyle = rpr.find(RSTYLE) if rpr is not None else None
                bold = self.styles.run_bold(rstyle.get(VAL)) if rstyle is not None else None
            if bold is None:
                bold = paragraph_bold if paragraph_bold is not None else self.styles.defaults_bold
            pieces.append((text, bool(bold)))
        jc = ppr.find(_w("jc")) if ppr is not None else None
        if jc is None:
            jc = self.styles.paragraph_property(style_id, "jc")
        outline_level = ppr.find(_w("outlineLvl")) if ppr is not None else None
        heading = self.styles.is_heading(style_id) or _outline_level(outline_level)
        return _Paragraph(label, pieces, hidden, heading, jc is not None and jc.get(VAL) == "center", boxes)

    def _paragraph(self, para: _Paragraph) -> None:
        for text in para.hidden:
            if text.strip():
                self.doc.notes.append(f"Word 文档中有隐藏的文字（不显示、不打印），未写入草稿：“{text.strip()[:60]}”")
        text = para.text
        lines = [line.strip() for line in (para.label + text).split("\n")]
        content = [line for line in lines if line]
        if not text.strip():
            content = []  # a numbered empty paragraph shows its number only
        if self.at_top and content:
            if para.centred and len(content) == 1 and _title_part(content[0]):
                self.pending_title.append(content[0])
                self._boxes(para)
                return
            self._flush_title()
        for line in self._split_run_in(para, content):
            self.doc.lines.append(line)
        self._boxes(para)

    def _split_run_in(self, para: _Paragraph, content: list[str]) -> list[str]:
        """Headings: bold or heading-styled short lines; a bold numbered title run into its text."""
        if len(content) != 1:
            return content
        line = content[0]
        visible = [(t, b) for t, b in para.pieces if t.strip()]
        if not visible:
            return content
        if para.heading_style or all(b for _, b in visible):
            if _short_heading(line):
                self.doc.headings.add(line)
            return content
        lead = ""
        for text, bold in para.pieces:
            if not bold:
                break
            lead += text
        lead = (para.label + lead).strip()
        rest = line[len(lead):].strip() if line.startswith(lead) else ""
        marker = read_marker(lead) if lead else None
        numbered = bool(para.label) or (marker is not None and marker.kind != "shi")
        if numbered and rest and len(lead) >= 4 and _short_heading(lead) and not (marker and marker.kind == "shi"):
            self.doc.headings.add(lead)
            return [lead, rest]
        return content

    def _boxes(self, para: _Paragraph) -> None:
        for box in para.boxes:
            for block in _blocks(box):
                if block.tag == P:
                    self._paragraph(self._parse(block))
                else:
                    self._table(block)

    def _flush_title(self) -> None:
        if not self.at_top:
            return
        self.at_top = False
        pending, self.pending_title = self.pending_title, []
        if len(pending) >= 2 and _TITLE_WORDS.search(pending[-1]) and sum(map(len, pending)) <= 80:
            self.doc.lines.append("".join(pending))
            self.doc.notes.append(f"标题在 Word 中分为 {len(pending)} 行（“{'”“'.join(pending)}”），"
                                  "已合并为一行，请核对")
        else:
            self.doc.lines.extend(pending)

    # -- tables ----------------------------------------------------------------------------------

    def _table(self, tbl) -> None:
        self._flush_title()
        self.tables += 1
        grid = self._grid(tbl)
        found = ledger_reading.read_ledger(grid, self.tables)
        if found is None or self.doc.ledger is not None:
            if found is not None:
                self.doc.notes.append(f"文档中有不止一个整改台账表格：第 {self.tables} 个表格按文字逐格写入正文，"
                                      "请核对")
            for row in grid:
                for cell in _distinct(row):
                    self.doc.lines.extend(cell.lines)
            return
        self.doc.lines.extend(found.before)  # rows above the header (a table title)
        self.doc.ledger = found
        found.after_line = next((line for line in reversed(self.doc.lines) if line.strip()), None)

    def _grid(self, tbl) -> list[list[ledger_reading.Cell]]:
        """The table as rows of cells on its layout grid; merged cells appear once per position they cover."""
        rows: list[list[ledger_reading.Cell]] = []
        for tr in tbl.iter(TR):
            if _ancestor_table(tr) is not tbl:
                continue
            row: list[ledger_reading.Cell] = []
            trpr = tr.find(_w("trPr"))
            before = _int(_child_val(trpr, "gridBefore"), 0) if trpr is not None else 0
            row.extend(ledger_reading.Cell(key=None, lines=[]) for _ in range(min(before, 64)))
            for tc in tr.iterchildren(TC):
                tcpr = tc.find(_w("tcPr"))
                span = _int(_child_val(tcpr, "gridSpan"), 1) if tcpr is not None else 1
                merge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                continued = merge is not None and merge.get(VAL, "continue") == "continue"
                cell = None
                if continued and rows and len(rows[-1]) > len(row):
                    cell = rows[-1][len(row)]
                if cell is None:
                    self.cells += 1  # a key of our own: id() of an lxml element is not stable
                    cell = ledger_reading.Cell(key=self.cells, lines=self._cell_lines(tc))
                row.extend(cell for _ in range(min(max(span, 1), 64)))
            rows.append(row)
        return rows

    def _cell_lines(self, tc) -> list[str]:
        """A cell's text, paragraph by paragraph (nested tables flattened), spam removed."""
        saved, self.doc.lines = self.doc.lines, []
        for block in _blocks(tc):
            if block.tag == P:
                self._paragraph(self._parse(block))
            else:
                for row in self._grid(block):
                    for cell in _distinct(row):
                        self.doc.lines.extend(cell.lines)
        lines, self.doc.lines = self.doc.lines, saved
        return [self._clean(line) for line in lines if self._clean(line)]

    def _clean(self, line: str) -> str:
        findings = find_spam(line)
        if not findings:
            return line
        known = {(f.text, f.reason) for f in self.doc.spam}
        kept, last = [], 0
        for finding in findings:
            kept.append(line[last:finding.start])
            last = finding.end
            if (finding.text, finding.reason) not in known:
                self.doc.spam.append(finding)
        kept.append(line[last:])
        return "".join(kept).strip()


def _related(part, reltype):
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def _ancestor_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent


def _distinct(row: list[ledger_reading.Cell]) -> list[ledger_reading.Cell]:
    seen, cells = set(), []
    for cell in row:
        if cell.key is not None and cell.key not in seen:
            seen.add(cell.key)
            cells.append(cell)
    return cells


def _blocks(parent):
    """Paragraphs and tables under ``parent`` in display order, through content controls."""
    for child in parent.iterchildren():
        if child.tag in (P, TBL):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child)


def _runs(p):
    """The runs of a paragraph that Word displays, in order (not deleted or moved-away text)."""
    for child in p.iterchildren():
        if child.tag == R:
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _runs(content)
        elif child.tag == _w("ruby"):
            base = child.find(_w("rubyBase"))
            if base is not None:
                yield from _runs(base)
        elif child.tag in _CONTAINERS:
            yield from _runs(child)


def _run_text(run, boxes: list) -> str:
    out = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == T:
            out.append(child.text or "")
        elif tag == _w("tab"):
            out.append(" ")
        elif tag in (_w("br"), _w("cr")):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
        elif tag in (_w("drawing"), _w("pict"), f"{{{_MC}}}AlternateContent", _w("object")):
            boxes.extend(box for box in child.iter(TXBX) if not _inside(box, FALLBACK, child))
    return "".join(out)


def _inside(element, tag: str, stop) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _title_part(line: str) -> bool:
    return len(line) <= 40 and not _SENTENCE_END.search(line) and not _DOC_NUMBER.search(line)


def _short_heading(line: str) -> bool:
    return 2 <= len(line) <= 60 and not _SENTENCE_END.search(line.rstrip("。"))
