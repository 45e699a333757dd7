"""Reading editor-written YAML safely, keeping line numbers.

Every failure becomes a :class:`Diagnostic` naming file, line and column, in Chinese, with what to
write instead where that helps. Nothing here raises for bad input.
"""

from __future__ import annotations

import ast
import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

try:
    from _ruamel_yaml import CParser  # ruamel.yaml.clib: libyaml's reader, scanner and parser, in C
except ImportError:  # pragma: no cover - the clib is a dependency; without it every file takes the checked path
    CParser = None

from generator.read.diagnostics import Diagnostic

MAX_BYTES = 1_000_000  # a notice is ~30 KB; anything this large is not a notice
# Deepest nesting a notice has is 4 (problems → item → measures → item); anything far deeper is not a
# notice, and would exhaust the parsers' recursion.
MAX_DEPTH = 12
# Characters without which a document can carry no tag (!), anchor (&), alias (*) or merge key (<<).
_CONSTRUCT_MARKS = ("!", "&", "*", "<<")

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what ruamel counts as the end of a line
_UNUSUAL_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_ENCODING_GUESSES = (("gb18030", "GBK/GB18030"), ("big5", "Big5"), ("utf-16", "UTF-16"))


@dataclass
class ParsedYaml:
    data: Any = None  # plain dicts, lists and scalars
    text: str = ""  # the decoded file, for :func:`located` when a message needs a line number
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _fast_loader() -> YAML:
    """The C-accelerated safe loader (ruamel.yaml.clib): ~8x faster than the round-trip loader."""
    return YAML(typ="safe", pure=False)


def located(text: str) -> Any:
    """The same document with line numbers (ruamel's round-trip loader), parsed only when needed; None when
    the round-trip parser cannot read what the C loader did (then messages name the whole file, line 0).

    The pure-Python parser refuses a few things libyaml reads, mostly a tab where a space would do
    (``kind: 整改情况<Tab>``, ``|-<Tab># 说明``); a tab there is only a separator, so it is read again with
    each tab as one space: same lines and columns, same data."""
    for attempt in (text, text.replace("\t", " ")):
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True  # so findings inside "quoted" text are located to the character
        try:
            return yaml.load(attempt)
        except (YAMLError, ValueError):
            if "\t" not in text:
                break
    return None


def decode_text(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text without a BOM, or a located error naming the likely encoding."""
    if raw.startswith(codecs.BOM_UTF8):
        return None, [
            Diagnostic(path, 1, 1, "error", "文件开头有 BOM（字节顺序标记）：请在编辑器中另存为“UTF-8（无 BOM）”")
        ]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Diagnostic(path, 1, 1, "error", "文件是 UTF-16 编码：请另存为“UTF-8（无 BOM）”")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        # Almost any even number of bytes decodes as UTF-16; only text with NUL bytes (its ASCII letters) is it.
        likely = next((label for codec, label in _ENCODING_GUESSES
                       if (codec != "utf-16" or b"\x00" in raw) and _decodes(raw, codec)), None)
        hint = f"看起来是 {likely} 编码（Windows 记事本、WPS 常用）" if likely else "编码无法识别"
        return None, [
            Diagnostic(path, line, column, "error", f"文件不是 UTF-8 编码，{hint}：请另存为“UTF-8（无 BOM）”")
        ]


def _decodes(raw: bytes, codec: str) -> bool:
    try:
        raw.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def parse_yaml(raw: bytes, path: str) -> ParsedYaml:
    """Parse one file's bytes (read with a size limit, :mod:`generator.read.files`) into plain data, or located
    diagnostics.

    A plain notice takes the fast path (:func:`_plain_data`: libyaml's events, built into data here); anything
    it does not take for certain, it leaves to the checked path (:func:`_checked_parse`), which gives every
    refusal its message and place. The fast path's data is the checked path's (a test compares both)."""
    text, problems = decode_text(raw, path)
    if text is None:
        return ParsedYaml(diagnostics=problems)
    tab = _first_indenting_tab(text)
    if tab:
        return ParsedYaml(diagnostics=[
            Diagnostic(path, tab[0], tab[1], "error",
                       "缩进里有制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成两个空格")
        ])
    if "%" in text and (directive := _directive(text, path)):
        return ParsedYaml(diagnostics=[directive])
    data = _plain_data(text)
    if data is not _NOT_PLAIN:
        return ParsedYaml(data=data, text=text)
    return _checked_parse(text, path)


class _NotPlain(Exception):
    """The document holds something the fast path leaves to the checked one."""


_NOT_PLAIN: Any = object()
_NULL = "tag:yaml.org,2002:null"
# The implicit types (YAML 1.2, as ruamel.yaml resolves a plain scalar) and their constructors: ruamel's own,
# so a number or a date is exactly the checked path's. Any other resolved type (merge ``<<``, value ``=``)
# goes to the checked path.
_RESOLVED: dict[Any, list[tuple[str, Any]]] = VersionedResolver().versioned_resolver


def _compiled(pattern: Any) -> Any:
    """A resolver's pattern itself: ruamel wraps each in a lazy proxy whose every attribute is a Python call."""
    lazy = getattr(pattern, "lazy_self", None)
    return lazy() if callable(lazy) else pattern


# For each first character, the (type, pattern) pairs ruamel tries on a plain scalar, in its order.
_RESOLVERS = {first: [(tag, _compiled(pattern)) for tag, pattern in _RESOLVED[first] + _RESOLVED.get(None, [])]
              for first in _RESOLVED if first is not None}
_ANY_FIRST = [(tag, _compiled(pattern)) for tag, pattern in _RESOLVED.get(None, [])]


class _Loader:
    """What ruamel's constructors ask of their loader: the resolver (for the YAML version, 1.2)."""

    _resolver = VersionedResolver()


_CONSTRUCTOR = SafeConstructor(loader=_Loader())
_CONSTRUCTORS = {tag: SafeConstructor.yaml_constructors[tag] for tag in (
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")}
_INT, _TIMESTAMP = "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp"
_DIGITS = re.compile(r"[0-9]+\Z")  # an int ruamel makes with int(value) (YAML 1.2: a leading 0 is decimal)
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")  # a date ruamel makes with datetime.date
# Plain scalars already made (keys, numbers, dates, true …, repeated in every notice), by their text: each value
# is immutable (text, an integer, a date, None, a boolean), so one object serves every occurrence (a float, which
# may be NaN, is made each time).
_MADE: dict[str, Any] = {}
_MADE_LIMIT = 20_000


def _plain_scalar(value: str) -> Any:
    """A plain (unquoted) scalar's value, as ruamel's safe loader makes it."""
    for tag, pattern in _RESOLVERS.get(value[:1], _ANY_FIRST):
        if pattern.match(value):
            if tag == _NULL:
                return None
            if tag == _INT and _DIGITS.match(value):
                return int(value)
            if tag == _TIMESTAMP and (day := _DAY.match(value)):
                return dt.date(int(day[1]), int(day[2]), int(day[3]))
            construct = _CONSTRUCTORS.get(tag)
            if construct is None:
                raise _NotPlain
            return construct(_CONSTRUCTOR, ScalarNode(tag, value, None, None))
    return value


def _plain_data(text: str) -> Any:
    """The document's data from libyaml's event stream (C), built here without recursion; ``_NOT_PLAIN`` for
    anything but plain data, read without a doubt: a syntax error, a tag, an anchor, an alias, a merge key, a
    duplicate or non-scalar key, nesting deeper than ``MAX_DEPTH``, a value that cannot be made (2024-02-30),
    a second document. The checked path then says what and where."""
    if CParser is None:
        return _NOT_PLAIN
    get_event = CParser(text).get_event
    made, resolvers = _MADE, _RESOLVERS
    # Without "!" or "&" the document can carry no tag and no anchor: each event need not be asked.
    marked = "!" in text or "&" in text
    # The open collection, the key in it waiting for its value (mappings; _NO_KEY: none), whether it is a list,
    # and the same of each collection around it.
    container: Any = None
    key: Any = _NO_KEY
    is_list = False
    around: list[tuple[Any, Any, bool]] = []
    root: Any = None
    documents = 0
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                if marked and (event.anchor is not None or event.ctag is not None):
                    raise _NotPlain
                value = event.value
                if event.implicit[0] and value[:1] in resolvers:  # plain; any other first character: text
                    if value in made:
                        value = made[value]
                    else:
                        if value == "<<":
                            raise _NotPlain
                        scalar = _plain_scalar(value)
                        if type(scalar) is not float:  # not NaN: one object would equal itself as a key
                            if len(made) >= _MADE_LIMIT:
                                made.clear()
                            made[value] = scalar
                        value = scalar
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if (marked and (event.anchor is not None or event.ctag is not None)) or len(around) >= MAX_DEPTH:
                    raise _NotPlain
                around.append((container, key, is_list))
                is_list = kind is SequenceStartEvent
                container, key = ([] if is_list else {}), _NO_KEY
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value = container
                container, key, is_list = around.pop()
            elif kind is StreamStartEvent or kind is DocumentEndEvent:
                continue
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _NotPlain
                continue
            elif kind is StreamEndEvent:
                return root
            else:  # an alias
                raise _NotPlain
            if container is None:
                root = value
            elif is_list:
                container.append(value)
            elif key is not _NO_KEY:
                container[key] = value
                key = _NO_KEY
            else:
                if type(value) in (dict, list) or value in container:
                    raise _NotPlain
                key = value
    except (_NotPlain, YAMLError, ValueError, OverflowError, TypeError, RecursionError):
        return _NOT_PLAIN


_NO_KEY: Any = object()


def _checked_parse(text: str, path: str) -> ParsedYaml:
    """The document read with every check, for its refusals' messages and places (and for anything the fast
    path did not take)."""
    if any(mark in text for mark in _CONSTRUCT_MARKS) and (problems := _data_only_problems(text, path)):
        return ParsedYaml(diagnostics=problems)
    try:
        data = _fast_loader().load(text)
    except RecursionError:
        return ParsedYaml(diagnostics=_data_only_problems(text, path) or [_too_deep(path, 0, 0)])
    except (YAMLError, ValueError) as exc:
        refused = exc
    else:
        if _depth(data) > MAX_DEPTH:
            return ParsedYaml(diagnostics=_data_only_problems(text, path) or [_too_deep(path, 0, 0)])
        return ParsedYaml(data=data, text=text)
    # Something is wrong: read it again with the round-trip parser for its precise message and place.
    yaml = YAML(typ="rt")
    try:
        yaml.load(text)
    except RecursionError:
        return ParsedYaml(diagnostics=[_too_deep(path, 0, 0)])
    except MarkedYAMLError as exc:
        return ParsedYaml(diagnostics=[_syntax_error(exc, path)])
    except ValueError:  # an impossible date such as 2024-02-30 fails in the date constructor
        if found := _impossible_values(text, path):
            return ParsedYaml(diagnostics=found)
        if isinstance(refused, MarkedYAMLError):  # the pure scanner fails on "\U00110000", libyaml explains it
            return ParsedYaml(diagnostics=[_syntax_error(refused, path)])
        return ParsedYaml(diagnostics=[Diagnostic(path, 0, 0, "error", "YAML 无法读取：含有无法识别的值")])
    except ReaderError as exc:
        return ParsedYaml(diagnostics=[_unprintable(exc, text, path)])
    except YAMLError:
        return ParsedYaml(diagnostics=[Diagnostic(path, 0, 0, "error", "YAML 无法读取：请检查格式")])
    # The round-trip parser read what the C loader refused (an escape such as "\ud800", a key that is itself
    # a mapping): the C loader's data is the one checked and published, so its reason is the one to give.
    if (unusual := _UNUSUAL_LINE_BREAK.search(text)) is not None:
        # libyaml ends a line at U+0085, U+2028 and U+2029 (text copied from web pages), editors do not
        line = text.count("\n", 0, unusual.start()) + 1
        column = unusual.start() - (text.rfind("\n", 0, unusual.start()) + 1) + 1
        message = f"含有特殊的换行符 U+{ord(unusual.group()):04X}（常见于从网页复制的文字）：请删除它，或换成普通的换行"
        return ParsedYaml(diagnostics=[Diagnostic(path, line, column, "error", message)])
    if isinstance(refused, MarkedYAMLError):
        return ParsedYaml(diagnostics=[_syntax_error(refused, path)])
    return ParsedYaml(diagnostics=[Diagnostic(path, 0, 0, "error", "YAML 无法读取：请检查格式")])


def _data_only_problems(text: str, path: str) -> list[Diagnostic]:
    """Each YAML construct that is not plain data, located: a tag (``!!binary``, ``!x``: YAML would
    decode or build something else than the text written), an alias or an anchor (a tiny file can expand
    without end; an anchor that an alias uses is reported at the alias), a merge key (``<<``), or nesting
    deeper than any notice has. Read from the parser's event stream, which does not recurse, so even
    absurd nesting gets its message."""
    found: list[Diagnostic] = []
    anchors: dict[str, Diagnostic] = {}
    used: set[str] = set()
    depth = 0
    try:
        for event in YAML(typ="rt").parse(text):
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1)
            if isinstance(event, AliasEvent):
                used.add(event.anchor)
                found.append(Diagnostic(path, *where, "error", "不允许使用 YAML 别名（*名称）：请把内容直接写出来"))
                continue
            if getattr(event, "anchor", None) is not None:
                anchors[event.anchor] = Diagnostic(path, *where, "error",
                                                   f"不允许使用 YAML 锚点（&{event.anchor}）：请把内容直接写出来")
            if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.tag is not None:
                found.append(Diagnostic(path, *where, "error", f"不允许使用 YAML 标签（{_tag_name(event.tag)}）："
                                        "标签会把文字变成别的内容；请直接写文字、数字或日期"))
            if isinstance(event, ScalarEvent) and event.value == "<<" and event.style is None:
                found.append(Diagnostic(path, *where, "error", "不允许使用 YAML 合并键（<<）：请把各项直接写出来"))
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    found.append(_too_deep(path, *where))
                    break
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        pass  # a syntax error: reported by the parse that follows
    found += [diagnostic for name, diagnostic in anchors.items() if name not in used]
    return sorted(found)


def _directive(text: str, path: str) -> Diagnostic | None:
    """A directive line (``%YAML 1.1``, ``%TAG ! tag:…``) before a document. A notice needs none, and they change
    how the file is read: the C loader ignores ``%YAML 1.1`` where the round-trip parser applies it, and the
    round-trip parser fails outright on a version it does not know (``%YAML 1.3``)."""
    in_document = False
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line.startswith("%") and not in_document:
            return Diagnostic(path, number, 1, "error",
                              f"不允许使用 YAML 指令（{one_line(line.strip())}）：通报不需要这一行，请删除")
        if line.startswith("...") and line[3:4] in ("", " ", "\t"):
            in_document = False  # the end of a document: directives may follow
        elif line.strip() and not line.lstrip().startswith("#"):
            in_document = True
    return None


def _too_deep(path: str, line: int, column: int) -> Diagnostic:
    return Diagnostic(path, line, column, "error",
                      f"嵌套层次太深（超过 {MAX_DEPTH} 层）：通报最多只有“问题 → 措施”几层，请检查缩进和括号")


def _depth(data: Any) -> int:
    """How deeply lists and mappings nest in loaded data (without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        children: Iterable[Any]
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def _impossible_values(text: str, path: str) -> list[Diagnostic]:
    """The scalars YAML reads as a date, a time or a number but cannot make one of, with their places: a date
    that does not exist (2024-02-30), a time out of range (25:00, +25:00), a number of more than 4,300 digits."""
    yaml = YAML(typ="rt")
    try:
        root = yaml.compose(text)
    except (YAMLError, ValueError, RecursionError):
        return []
    found = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node.value, list):
            for item in node.value:
                stack.extend(item if isinstance(item, tuple) else (item,))
            continue
        try:
            yaml.constructor.construct_object(node)
        except (ValueError, OverflowError):
            found.append(_impossible_value(node, path))
    return sorted(found)


def _impossible_value(node: Any, path: str) -> Diagnostic:
    mark, value = node.start_mark, str(node.value)
    shown = one_line(value)
    if node.tag.endswith(":timestamp"):
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            message = f"日期“{shown}”不存在：请核对年、月、日（写成 2024-12-24 的形式）"
        else:
            message = f"日期和时间“{shown}”不存在：通报里的日期只写年、月、日，写成 2024-12-24 的形式"
    elif node.tag.endswith(":int"):
        message = f"数字太长（{len(value):,} 位）：请核对这个值；如果是文字，请用引号括起来"
    else:
        message = f"“{shown}”无法读取：请核对这个值；如果是文字，请用引号括起来"
    return Diagnostic(path, mark.line + 1, mark.column + 1, "error", message)


def _unprintable(exc: ReaderError, text: str, path: str) -> Diagnostic:
    """A character YAML does not allow in a file (a control character, U+FFFE …), located: the pure reader's
    position is the index of the character in ``text``."""
    position = exc.position if isinstance(exc.position, int) and 0 <= exc.position < len(text) else 0
    code = exc.character if isinstance(exc.character, int) else ord(text[position]) if text else 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Diagnostic(path, line, column, "error",
                      f"含有不可见的特殊字符 U+{code:04X}：YAML 文件里不能有这个字符，请删除它"
                      "（常见于从网页、Word 或 PDF 复制的文字）")


def one_line(text: str, limit: int = 40) -> str:
    """``text`` for a message: up to its first line break or control character, at most ``limit`` characters."""
    cut = next((i for i, c in enumerate(text[:limit + 1]) if unicodedata.category(c) in {"Cc", "Zl", "Zp"}), len(text))
    cut = min(cut, limit)
    return text[:cut] + ("…" if cut < len(text) else "")


def _first_indenting_tab(text: str) -> tuple[int, int] | None:
    if "\t" not in text:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" -")
        if stripped.startswith("\t"):
            return number, len(line) - len(stripped) + 1
    return None


def _syntax_error(exc: MarkedYAMLError, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    name = type(exc).__name__
    if name == "DuplicateKeyError":
        key = one_line(_duplicate_key_name(exc))
        first = exc.context_mark.line + 1 if exc.context_mark else 0
        return Diagnostic(path, line, column, "error",
                          f"重复的项“{key}”：同一层里只能写一次（所在的块从第 {first} 行开始），请删除或合并重复的一行")
    explanation = _explain((exc.problem or "").strip(), (exc.context or "").strip())
    return Diagnostic(path, line, column, "error", f"YAML 格式错误：{explanation}")


# What the parsers name in "but found …": their tokens, and characters that print as nothing.
_FOUND = {
    "<stream end>": "文件结尾", "\x00": "文件结尾", "<document end>": "文档结束标记“...”",
    "<document start>": "文档分隔线“---”", "<block end>": "缩进的结束", "<block mapping start>": "“键: 值”",
    "<block sequence start>": "列表项“- ”", "-": "列表项“- ”", "<scalar>": "文字", "<alias>": "别名“*”",
    "<anchor>": "锚点“&”", "<tag>": "标签“!”", "<directive>": "指令“%”", ",": "逗号“,”", ":": "冒号“:”",
    "?": "问号“?”", "\t": "制表符（Tab）", " ": "空格", "\n": "换行", "\r": "换行",
}
_TAG = "“!”开头的写法是 YAML 标签，通报里不允许使用：以“!”开头的文字请用引号括起来"
_BACKSLASH = "要写反斜杠“\\”本身请写成“\\\\”，或改用单引号"
_INDENT = "缩进不一致：这一行应与上面同一层的项对齐（或者上一行缺少冒号、引号）"
_BLOCK_SCALAR = "“|”或“>”（多行文字）后面应直接换行，文字从下一行开始并缩进：如果文字本身以“|”或“>”开头，请用引号括起来"


def _found(problem: str) -> tuple[str, str]:
    """What a parser found instead of what it expected, as written and in words: ("@", "“@”")."""
    quoted = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    match = re.search(r"(?:but found|but got|found character|escape character) " + quoted, problem)
    if not match:
        return "", "这里的内容"
    try:
        value = ast.literal_eval(match.group(1))
    except (ValueError, SyntaxError):
        return "", "这里的内容"
    if value in _FOUND:
        return value, _FOUND[value]
    if len(value) == 1 and not value.isprintable():
        return value, f"不可见的字符 U+{ord(value):04X}"
    return value, f"“{value}”"


def _explain(problem: str, context: str) -> str:
    """ruamel's (and libyaml's) English problem, in Chinese, with what to write instead."""
    value, found = _found(problem)
    if "tab character" in problem or (value == "\t" and "cannot start any token" in problem):
        return "出现了制表符（Tab）：YAML 只能用空格"
    if "directive" in context or "directive" in problem:
        return "不允许使用 YAML 指令（以“%”开头的行）：请删除这一行"
    if "tag" in context or "tag handle" in problem:
        return _TAG
    if "anchor" in context or "alias" in context:
        return "“&”或“*”开头的写法是 YAML 锚点或别名，通报里不允许使用：以“&”或“*”开头的文字请用引号括起来"
    if "block scalar" in context or "block scalar" in problem:
        if "indented follow up line" in problem:
            return "多行文字（“|”或“>”）的缩进不一致：请删除开头空行里的空格，并让各行缩进相同"
        return _BLOCK_SCALAR
    if "escape" in problem or "hexdecimal" in problem:
        if "unknown escape character" in problem:
            if value.isprintable() and value.strip():
                return f"双引号里的“\\{value}”不是有效的转义：{_BACKSLASH}"
            return f"双引号里的反斜杠“\\”后面缺少转义的字符：{_BACKSLASH}"
        if "invalid Unicode" in problem:
            return "双引号里的转义（\\u…）不是有效的字符：请直接写出文字"
        return f"双引号里“\\x”“\\u”“\\U”后面应是十六进制数字（\\x 两位、\\u 四位、\\U 八位）：{_BACKSLASH}"
    if "quoted scalar" in context:
        if "document separator" in problem or "document indicator" in problem:
            return "引号没有闭合：引号里的文字遇到了以“---”或“...”开头的行"
        return "引号没有闭合：请检查是否缺少结尾的引号"
    if "cannot start any token" in problem:
        if value:
            return f"{found}不能用在一项的开头（它在 YAML 里有特殊作用）：以它开头的文字请用引号括起来"
        return "这里有一个字符不能用在一项的开头（它在 YAML 里有特殊作用）：以它开头的文字请用引号括起来"
    if problem.startswith("mapping values are not allowed"):
        return "这里不能再写“键: 值”：请检查上一行是否缺少引号，或冒号后是否少了空格"
    if problem.startswith("mapping keys are not allowed"):
        return "这里不能用“? ”开始一项：请删除“?”，或把以“?”开头的文字用引号括起来"
    if "sequence entries are not allowed" in problem:
        return "这里不能开始列表项“- ”：列表项应另起一行，与同级的项对齐；以“- ”开头的文字请用引号括起来"
    if "could not find expected ':'" in problem:
        return "缺少冒号“:”：每一项应写成“键: 值”"
    if "found unexpected ':'" in problem:
        return "方括号或花括号里的文字含有冒号“:”：请给这段文字加引号"
    if "expected ',' or ']'" in problem:
        return "方括号 [ ] 没有闭合：请检查是否缺少“]”或逗号"
    if "expected ',' or '}'" in problem:
        return "花括号 { } 没有闭合：请检查是否缺少“}”或逗号"
    if "unclosed '[' or '{'" in problem:
        return "缩进不对，或方括号“[”、花括号“{”没有闭合"
    if "expected <block end>" in problem or "did not find expected key" in problem or "'-' indicator" in problem:
        if value in ("]", "}"):
            return f"多了一个{found}：请检查括号是否成对"
        if "block collection" in context or value == "<block sequence start>" or "'-' indicator" in problem:
            return "缩进不一致：列表项“- ”应与同级的项对齐"
        return _INDENT
    if "node content" in problem:
        if value in ("<stream end>", "\x00"):
            return "文件在这里意外结束：请检查方括号、花括号和引号是否成对"
        return f"这里缺少一个值，却遇到了{found}：请检查是否多写了逗号、冒号或括号；以这些符号开头的文字请用引号括起来"
    if "<document start>" in problem:
        return "这里多出了内容：前面的内容已经完整，请检查引号、括号是否提前闭合，以及缩进是否正确"
    if "after document end marker" in problem:
        return "“...”（文档结束标记）之后不能再写内容：请删除“...”这一行"
    if "another document" in problem:
        return "一个文件只能写一份通报：这里出现了第二个“---”（文档分隔线），请删除它，或把后面的内容移到另一个文件"
    if "undefined alias" in problem:
        return "不允许使用 YAML 别名（*名称）：请把内容直接写出来"
    if "unhashable key" in problem:
        return "项名（冒号前面的部分）不能是列表或“键: 值”：请写成一个英文项名，如 title"
    return "这里的写法无法识别：请检查缩进、冒号和引号；含有特殊符号的文字请用引号括起来"


def _duplicate_key_name(exc: MarkedYAMLError) -> str:
    match = re.search(r'duplicate key "(.*?)" with value', exc.problem or "")
    return match.group(1) if match else "?"


def locate(data: Any, loc: tuple, *, key: bool = False) -> tuple[int, int]:
    """1-based line and column of the node at ``loc`` in ruamel data (the nearest existing parent).

    With ``key=True`` the position of the last key itself, not its value (for unknown keys).
    """
    if not isinstance(data, (CommentedMap, CommentedSeq)):
        return 0, 0  # not located (see :func:`located`): the message is about the whole file
    line, column = 1, 1
    node = data
    for depth, part in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(node, CommentedMap) and part in node:
            position = node.lc.key(part) if (last and key) else node.lc.value(part)
            line, column = position[0] + 1, position[1] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            position = node.lc.item(part)
            line, column = position[0] + 1, position[1] + 1
            node = node[part]
        else:
            if isinstance(node, (CommentedMap, CommentedSeq)) and depth == 0:
                line, column = node.lc.line + 1, node.lc.col + 1
            break
    return line, column


def _tag_name(tag: str) -> str:
    """``tag:yaml.org,2002:binary`` as written in the file: ``!!binary``."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
