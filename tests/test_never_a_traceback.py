"""Never a traceback: `notices check` (the loader and every check, in-process) answers random and mutated YAML
and Markdown with located Chinese messages or with success, never with an exception.

Property-based (hypothesis). The suite runs a few hundred examples per test; a longer run:

    HYPOTHESIS_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_never_a_traceback.py

The suite's run is derandomized (the same examples on every run, so CI judges the commit, not the luck of a
seed); setting HYPOTHESIS_EXAMPLES explores new random inputs. A failure prints the smallest input hypothesis
found; when exploring, it is kept in .hypothesis/ and tried first next time.
Every bug found this way also gets a regular test with its exact message (tests/test_hostile_yaml.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase
from ruamel.yaml import YAML

from conftest import GOOD, ROOT
from generator.model.notice import Notice, nested_model
from generator.publish.site import check_site
from generator.read.config import read_config
from generator.read.diagnostics import Diagnostic

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "200"))
EXPLORE = "HYPOTHESIS_EXAMPLES" in os.environ
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=not EXPLORE,
    deadline=None,
    database=DirectoryBasedExampleDatabase(str(ROOT / ".hypothesis" / "examples")) if EXPLORE else None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
                           HealthCheck.filter_too_much],
    print_blob=True,
)
TODAY = dt.date(2025, 1, 1)  # the check's warnings about overdue problems depend on the day

# ---------------------------------------------------------------------------------------------------------
# Running the check and judging its answer
# ---------------------------------------------------------------------------------------------------------

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Three English words in a row, outside the quoted input (“…”, `…`) a message may repeat: an untranslated
# message from ruamel.yaml or pydantic ("Input should be a finite number", "expected the node content").
ENGLISH = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}")
QUOTED = re.compile(r"“[^”]*”|`[^`]*`")
LINE_BREAKS = "\n\r\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e"  # every character some reader counts as a line end


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A project like conftest's ``project``, made once: examples rewrite its notices/ folder."""
    project = tmp_path_factory.mktemp("fuzz-project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "theme_overrides", project / "theme_overrides")
    return project


@lru_cache(maxsize=1)
def _config() -> Any:
    config, problems = read_config(ROOT / "mkdocs.yml")
    assert config is not None, problems
    return config


def run_check(project: Path, files: dict[str, bytes]) -> list[Diagnostic]:
    """``notices check`` in-process on exactly these files in notices/: the loader and every check."""
    notices = project / "notices"
    shutil.rmtree(notices, ignore_errors=True)
    notices.mkdir()
    for name, content in files.items():
        (notices / name).write_bytes(content)
    config = _config()
    build = check_site(project, notices, config, "mkdocs.yml", config)
    return build.diagnostics


def _line_count(content: bytes) -> int:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return content.count(b"\n") + 1
    return 1 + sum(text.count(mark) for mark in LINE_BREAKS)


def assert_located(diagnostics: list[Diagnostic], files: dict[str, bytes], invalid: bool) -> None:
    """Each message names one of the files, a place in it (or 0), error or warning, and says in Chinese, on one
    line, what is wrong; an input known to be invalid gets at least one error."""
    shown = {f"notices/{name}": content for name, content in files.items()}
    for diagnostic in diagnostics:
        where = diagnostic.format()[:300]
        assert diagnostic.path in shown, where
        assert isinstance(diagnostic.line, int) and isinstance(diagnostic.column, int), where
        assert 0 <= diagnostic.line <= _line_count(shown[diagnostic.path]), where
        assert diagnostic.column >= 0 and (diagnostic.line > 0 or diagnostic.column == 0), where
        assert diagnostic.severity in {"error", "warning"}, where
        message = diagnostic.message
        assert message and CJK.search(message), where
        assert not ENGLISH.search(QUOTED.sub("", message)), where
        assert "\n" not in message and "\r" not in message, where
    if invalid:
        assert any(d.severity == "error" for d in diagnostics), [d.format()[:300] for d in diagnostics]


# ---------------------------------------------------------------------------------------------------------
# The valid notices to start from, as data, and a YAML writer that can write them in every style
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Map:
    """A mapping as written: pairs in order, so a key may repeat and be of any type."""
    pairs: tuple[tuple[Any, Any], ...]


@dataclass(frozen=True)
class Raw:
    """A YAML fragment written as it is (a tag, an anchor, an alias, .nan …): one line, valid in flow context."""
    text: str


def _as_written(data: Any) -> Any:
    if isinstance(data, dict):
        return Map(tuple((key, _as_written(value)) for key, value in data.items()))
    if isinstance(data, list):
        return [_as_written(item) for item in data]
    return data


def _bases() -> list[tuple[str, Any, bytes | None]]:
    """(name, data, body) of GOOD and of the sample notices in notices/."""
    bases = [("good", _as_written(YAML(typ="safe").load(GOOD)), None)]
    for path in sorted((ROOT / "notices").rglob("*.yml")):
        body = path.with_suffix(".md")
        bases.append((path.stem, _as_written(YAML(typ="safe").load(path.read_text(encoding="utf-8"))),
                      body.read_bytes() if body.exists() else None))
    return bases


BASES = _bases()
FIELD_NAMES: set[str] = set()


def _collect_field_names(model) -> None:
    for name, info in model.model_fields.items():
        FIELD_NAMES.add(name)
        inner = nested_model(info.annotation)
        if inner is not None and inner is not model:
            _collect_field_names(inner)


_collect_field_names(Notice)

NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``."""
    quoted = json.dumps(text, ensure_ascii=False)
    return NON_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000
                             else f"\\U{ord(m.group()):08x}", quoted)


@lru_cache(maxsize=4096)
def _plain_is_safe(text: str) -> bool:
    """Whether ``text`` written plain (unquoted) in a block mapping reads back as the same string."""
    if not text or text != text.strip() or NON_PRINTABLE.search(text) or "\n" in text or "\t" in text:
        return False
    try:
        return YAML(typ="safe").load(f"k: {text}\n") == {"k": text}
    except Exception:  # noqa: BLE001 - any failure means: quote it
        return False


@dataclass
class Style:
    """How one document is written. Hypothesis draws the rates and a seed (and shrinks them to 0: plain block
    style); the choice at each node follows from the seed, so a big notice costs a handful of draws."""
    rng: random.Random
    flow: float  # a nested collection in flow style ([a, b], {k: v})
    block_scalar: float  # a string as |- or >-
    compact: float  # a mapping in a list starting on the dash's line ("- number: 1")
    comment: float  # a comment after a line
    blank: float  # a blank line after a line

    def chance(self, rate: float) -> bool:
        return self.rng.random() < rate

    def comment_text(self) -> str:
        ranges = [(0x20, 0x7E), (0x4E00, 0x9FFF), (0xA0, 0xD7FF), (0x1F300, 0x1FAFF)]
        text = "".join(chr(self.rng.randint(*self.rng.choice(ranges))) for _ in range(self.rng.randint(0, 20)))
        return NON_PRINTABLE.sub("", text)


def _scalar(value: Any, style: Style, flow: bool) -> str:
    choice = style.rng.choice
    if isinstance(value, Raw):
        return value.text
    if value is None:
        return choice(["null", "~", "Null", "NULL"] + ([] if flow else [""]))
    if isinstance(value, bool):
        return choice(["true", "True", "TRUE"] if value else ["false", "False", "FALSE"])
    if isinstance(value, float):
        if value != value:
            return choice([".nan", ".NaN", ".NAN"])
        if value in (float("inf"), float("-inf")):
            return ("-" if value < 0 else choice(["", "+"])) + choice([".inf", ".Inf", ".INF"])
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    styles = ["double"]
    if not NON_PRINTABLE.search(text) and "\n" not in text and "\r" not in text and text == text.strip():
        styles.append("single")
    if not flow and _plain_is_safe(text):
        styles.append("plain")
    written = choice(styles)
    if written == "plain":
        return text
    if written == "single":
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text)


def _flow(node: Any, style: Style) -> str:
    if isinstance(node, Map):
        pairs = (f"{_key(key, style, flow=True)}: {_flow(value, style)}" for key, value in node.pairs)
        return "{" + ", ".join(pairs) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(_flow(item, style) for item in node) + "]"
    return _scalar(node, style, flow=True)


def _key(key: Any, style: Style, flow: bool) -> str:
    if isinstance(key, str) and key in FIELD_NAMES:
        return key
    if isinstance(key, (Map, list)):
        return _flow(key, style)
    if isinstance(key, str):
        return double_quoted(key)  # exactly this key, whatever it contains
    return _scalar(key, style, flow)


Line = tuple[str, bool]  # (text, whether a comment or a blank line may follow)


def _block(node: Any, style: Style, indent: int) -> list[Line]:
    pad = " " * indent
    lines: list[Line] = []
    if isinstance(node, Map):
        for key, value in node.pairs:
            if isinstance(key, (Map, list)):  # a complex key: "? key" then ": value"
                lines.append((f"{pad}? {_flow(key, style)}", True))
                lines.append((f"{pad}: {_flow(value, style)}", True))
                continue
            lines += _value_lines(f"{pad}{_key(key, style, flow=False)}:", value, style, indent)
    else:
        for item in node:
            lines += _value_lines(f"{pad}-", item, style, indent, in_sequence=True)
    return lines


def _value_lines(head: str, value: Any, style: Style, indent: int, in_sequence: bool = False) -> list[Line]:
    """``head`` (``key:`` or ``-``) with its value: on the same line, in flow style, or as a nested block."""
    if isinstance(value, (Map, list)) and (value.pairs if isinstance(value, Map) else value):
        if style.chance(style.flow):
            return [(f"{head} {_flow(value, style)}", True)]
        child = indent + 2
        nested = _block(value, style, child)
        if in_sequence and style.chance(style.compact):
            # compact: the first line of the nested block on the dash's line ("- title: …", "- - a")
            first, commentable = nested[0]
            return [(f"{head} {first[child:]}", commentable)] + nested[1:]
        return [(head, True)] + nested
    if isinstance(value, str) and style.chance(style.block_scalar) and _plain_is_safe(value):
        return [(f"{head} {style.rng.choice(['|-', '>-'])}", False), (" " * (indent + 2) + value, False)]
    written = _flow(value, style) if isinstance(value, (Map, list)) else _scalar(value, style, flow=False)
    return [(f"{head} {written}".rstrip(), True)]


RATES = st.sampled_from([0.0, 0.1, 0.3, 1.0])


@st.composite
def written(draw, node: Any) -> str:
    """``node`` as a YAML document, in styles hypothesis picks: block or flow, plain, single- or double-quoted,
    block scalars, comments after lines and between them, blank lines, document markers."""
    style = Style(random.Random(draw(st.integers(0, 2 ** 32 - 1))), flow=draw(RATES), block_scalar=draw(RATES),
                  compact=draw(st.sampled_from([1.0, 0.7, 0.0])), comment=draw(RATES),
                  blank=draw(st.sampled_from([0.0, 0.05, 0.3])))
    if isinstance(node, Map) and node.pairs and not draw(st.integers(0, 9)) == 9:
        lines = _block(node, style, 0)
    else:
        lines = [(_flow(node, style), True)]
    out = ["# " + style.comment_text()] if style.chance(style.comment) else []
    for text, commentable in lines:
        if commentable and style.chance(style.comment):
            text += " # " + style.comment_text()
        out.append(text)
        if commentable and style.chance(style.blank):
            out.append("")
    document = "\n".join(out) + "\n"
    if draw(st.integers(0, 5)) == 5:
        document = "---\n" + document
    if draw(st.integers(0, 7)) == 7:
        document += "...\n"
    return document


# ---------------------------------------------------------------------------------------------------------
# Mutations of a valid notice. Each says whether the result is certainly invalid.
# ---------------------------------------------------------------------------------------------------------


def _paths(node: Any, here: tuple = ()) -> list[tuple]:
    """Every place in ``node``: (index of a pair or item, …); the root is ()."""
    found = [here]
    if isinstance(node, Map):
        for index, (_, value) in enumerate(node.pairs):
            found += _paths(value, here + (index,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += _paths(item, here + (index,))
    return found


def _get(node: Any, path: tuple) -> Any:
    for index in path:
        node = node.pairs[index][1] if isinstance(node, Map) else node[index]
    return node


def _replace(node: Any, path: tuple, change) -> Any:
    """``node`` with the container at ``path`` replaced by ``change(container)``."""
    if not path:
        return change(node)
    index, rest = path[0], path[1:]
    if isinstance(node, Map):
        pairs = list(node.pairs)
        key, value = pairs[index]
        pairs[index] = (key, _replace(value, rest, change))
        return Map(tuple(pairs))
    items = list(node)
    items[index] = _replace(items[index], rest, change)
    return items


def _set(node: Any, path: tuple, new: Any) -> Any:
    return _replace(node, path, lambda _: new)


UNICODE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
CJK_TEXT = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=20)
SHORT_SCALARS = st.one_of(UNICODE, CJK_TEXT, st.integers(), st.none(), st.booleans(), st.dates())


@st.composite
def deep(draw) -> tuple[Any, bool]:
    """Nesting far deeper than a notice has: data (block style, up to 60) or a flow fragment (up to 5000)."""
    depth = draw(st.integers(2, 60) | st.integers(13, 5000))
    kind = draw(st.sampled_from(["list", "map", "mixed"]))
    if depth <= 60 and draw(st.booleans()):
        node: Any = draw(SHORT_SCALARS)
        for level in range(depth):
            node = [node] if kind == "list" or (kind == "mixed" and level % 2) else Map((("a", node),))
        return node, True
    opens, closes = ("[", "]") if kind == "list" else ("{a: ", "}")
    return Raw(opens * depth + "x" + closes * depth), True


@st.composite
def huge(draw) -> Any:
    """A long scalar: one character repeated, or a random chunk repeated (up to 300,000 characters)."""
    unit = draw(st.sampled_from(["a", "某", " ", "1", "-", ".", "<", "&", "[", "零", "\u200b", "🙂", "\\", "ab", "1a"])
                | st.text(min_size=1, max_size=5))
    length = draw(st.sampled_from([1_000, 10_000, 100_000, 300_000]))
    return (unit * (length // len(unit) + 1))[:length]


CONSTRUCTS = st.sampled_from([
    "!!binary AAAA", "!!python/object:os.system {}", "!!python/object/apply:os.system [ls]", "!x y", "! y",
    "!!str 2", "!!int '3'", "!!set {a, b}", "!!omap [a: 1]", "!<tag:yaml.org,2002:str> s", "&a x", "&a [1, 2]",
    "*a", "*undefined", '"\\ud800"', '"\\x00"', '"\\U0010ffff"', "'' ''", ".nan", ".inf", "-.inf", ".NaN",
    "0x1F", "0o17", "1_000", "1e400", "-0", "2024-02-30", "2024-13-01", "0000-01-01", "2024-12-24 10:00:00",
    "2024-12-24T10:00:00+25:00", "9" * 5000, "1:30", "yes", "off", "<<", "=", "@x", "`x`", "%x", "? x",
])


@st.composite
def replacement(draw) -> tuple[Any, bool]:
    """A new value for a scalar, and whether it can never be valid there (no scalar field takes a list,
    a mapping, a boolean, .nan or .inf)."""
    choice = draw(st.integers(0, 11))
    if choice == 0:
        return draw(UNICODE), False
    if choice == 1:
        return draw(st.lists(SHORT_SCALARS, max_size=4)), True
    if choice == 2:
        return Map(tuple(draw(st.lists(st.tuples(st.text(max_size=8), SHORT_SCALARS), max_size=3)))), True
    if choice == 3:
        return draw(st.integers() | st.floats(allow_nan=False, allow_infinity=False)), False
    if choice == 4:
        return draw(st.dates()), False
    if choice == 5:
        return None, False
    if choice == 6:
        return draw(st.booleans()), True
    if choice == 7:
        return draw(st.sampled_from([float("nan"), float("inf"), float("-inf")])), True
    if choice == 8:
        return draw(huge()), False
    if choice == 9:
        return draw(deep())
    if choice == 10:
        return Raw(draw(CONSTRUCTS)), False  # mostly invalid; `0x1F` for a count is fine
    return draw(CJK_TEXT), False


NON_STRING_KEYS = st.one_of(st.integers(), st.none(), st.booleans(), st.dates(),
                            st.floats(allow_nan=False, allow_infinity=False),
                            st.lists(st.integers(), min_size=1, max_size=2), st.just(Map((("a", 1),))))


@st.composite
def mutated_data(draw) -> tuple[str, Any, bytes | None, bool]:
    """A valid notice with one change to its data: (name, data, body, certainly invalid). One, so that the
    verdict is sure: a second change could undo the first (delete the duplicated key, the aliased value …)."""
    name, data, body = draw(st.sampled_from(BASES))
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    node = _get(data, path)
    action = draw(st.sampled_from(["replace", "rename", "delete", "duplicate", "insert", "anchor"]))
    is_map = isinstance(node, Map)
    items = list(node.pairs if is_map else node) if isinstance(node, (Map, list)) else []
    if path and (action == "replace" or not isinstance(node, (Map, list))):
        new, never_valid = draw(replacement())
        # every scalar of a sample notice is a non-null string, number or date in a typed field
        return name, _set(data, path, new), body, never_valid and not isinstance(node, (Map, list))
    if action == "rename" and is_map and items:
        index = draw(st.integers(0, len(items) - 1))
        key = draw(UNICODE | st.sampled_from(sorted(FIELD_NAMES)) | st.just("<<"))
        items[index] = (key, items[index][1])
        return name, _set(data, path, Map(tuple(items))), body, key not in FIELD_NAMES
    if action == "delete" and items:
        del items[draw(st.integers(0, len(items) - 1))]
        return name, _set(data, path, Map(tuple(items)) if is_map else items), body, False
    if action == "duplicate" and is_map and items:
        return name, _set(data, path, Map(node.pairs + (draw(st.sampled_from(node.pairs)),))), body, True
    if action == "insert" and is_map:
        key = draw(NON_STRING_KEYS | UNICODE.filter(lambda k: k not in FIELD_NAMES) | st.just(Raw("<<")))
        return name, _set(data, path, Map(node.pairs + ((key, draw(SHORT_SCALARS)),))), body, True
    if action == "insert" and isinstance(node, list):
        return name, _set(data, path, node + [draw(SHORT_SCALARS)]), body, False
    if action == "anchor" and len(paths) > 1:
        anchored = draw(st.sampled_from(paths[1:]))
        data = _set(data, anchored, Raw("&a " + json.dumps(str(_get(data, anchored)), ensure_ascii=False)))
        if draw(st.booleans()):
            data = _set(data, draw(st.sampled_from(_paths(data)[1:])), Raw("*a"))
        return name, data, body, True
    return name, data, body, False


# Text-level changes: (text, certainly invalid, keeps the meaning). Byte-level ones say it by failing to decode.
CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\x7f",
                           "\x80", "\x9f", "\ufffe", "\uffff"])
DIRECTIVES = st.sampled_from(["%YAML 1.2", "%YAML 1.1", "%YAML 1.3", "%YAML 2.0", "%YAML 1.2.3", "%YAML x",
                              "%TAG ! tag:example.com,2000:", "%TAG !e! tag:e.com:", "%FOO bar", "%"])
BAD_BYTES = st.sampled_from([b"\xff", b"\xfe", b"\x80", b"\xc0\x80", b"\xe4\xb8", b"\xed\xa0\x80", b"\xed\xbf\xbf",
                             b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", "测试".encode("gbk"), b"\xa1\xa1"])


@st.composite
def text_change(draw, text: str) -> tuple[str | bytes, bool, bool]:
    lines = text.split("\n")
    choice = draw(st.integers(0, 14))
    at = draw(st.integers(0, len(text)))
    ended = text if text.endswith(("\n", "\r")) else text + "\n"
    if choice == 0:
        return text.replace("\n", "\r\n"), False, True
    if choice == 1:
        return "\ufeff" + text, True, True
    if choice == 2:
        return draw(DIRECTIVES) + "\n---\n" + text, True, True
    if choice == 3:
        return ended + draw(st.sampled_from(["---\n", "--- \n", "---\n" + GOOD, "...\n---\n", "--- x\n"])), True, True
    if choice == 4:
        return text[:at] + draw(CONTROL) + text[at:], True, True
    if choice == 5:
        indented = [i for i, line in enumerate(lines) if line.startswith(" ")]
        if indented:
            i = draw(st.sampled_from(indented))
            lines[i] = "\t" + lines[i].lstrip(" ")
            return "\n".join(lines), True, True
        return text, False, True
    if choice == 6:
        i = draw(st.integers(0, len(lines) - 1))
        lines[i] += draw(st.sampled_from(["\t", " \t# x", "\t:", " #", "#", " # \t"]))
        return "\n".join(lines), False, False
    if choice == 7:
        inserted = draw(UNICODE | CONTROL | st.sampled_from(["\n", "\r", "\x85", "\u2028", ": ", "- ",
                                                             "#", "'", '"', "[", "{", "|", ">"]))
        return text[:at] + inserted + text[at:], False, False
    if choice == 8:
        return text[:at], False, False  # truncated
    if choice == 9:
        end = draw(st.integers(at, min(len(text), at + 200)))
        return text[:at] + text[end:], False, False
    if choice == 10:
        i = draw(st.integers(0, len(lines) - 1))
        lines.insert(i, lines[i])
        return "\n".join(lines), False, False
    if choice == 11:
        raw = text.encode("utf-8")
        cut = draw(st.integers(0, len(raw)))
        return raw[:cut] + draw(BAD_BYTES) + raw[cut:], False, False
    if choice == 12:
        return text.encode(draw(st.sampled_from(["gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-32"])),
                           errors="replace"), False, False
    if choice == 13:
        return text.replace("\n", "\r"), False, False
    return ended + "\n".join(draw(st.lists(st.sampled_from(YAML_TOKENS), max_size=12))), False, False


YAML_TOKENS = ["title:", "kind: 整改情况", "problems:", "- ", "  ", "    ", "? ", ": ", "[", "]", "{", "}", ",",
               "&a", "*a", "!!binary", "!x", "<<:", "|", ">", "|-", ">+2", "'", '"', "#", "%YAML 1.2", "---",
               "...", "\t", "\\", "2024-02-30", ".nan", "~", "null", "true", "1e400", "某", "\u3000", "\x85",
               "\u2028", "\ufeff", "\x00", "- - - -", "a: b: c", "\"\\u", "\"\\x", "\"\\", "@", "`", "0o8"]


def _encoded(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8", errors="surrogatepass")


def _undecodable(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return content.startswith(b"\xef\xbb\xbf")


# ---------------------------------------------------------------------------------------------------------
# Markdown bodies
# ---------------------------------------------------------------------------------------------------------

MD_TOKENS = [
    "\n", "\n\n", "# ", "### 一、", "- ", "* ", "1. ", "> ", "    ", "```", "`", "**", "_", "[链接](https://x.gov.cn/)",
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "<script>alert(1)</script>", "<script", "</script>",
    "<a href=\"javascript:x\">", "<a href='&#106;avascript:x'>", "<img src=x onerror=alert(1)>", "<iframe",
    "<!--", "-->", "<!-- x -->", "<![CDATA[", "]]>", "<![", "<![ x", "<!DOCTYPE html [", "<!x", "<?php ?>", "<?",
    "</", "</a", "<a", "<a b", "<a b='", '<a b="', "<a\n", "<div style=\"display:none\">", "</div>", "<p>", "<br/>",
    "&amp;", "&lt;", "&#0;", "&#x110000;", "&#99999999999999;", "&nosuch;", "&#xD800;", "&", "&#", "http://example.com",
    "www.x.com", "13800138000", "11010519491231002X", "shadowrocket节点", "翻墙", "\u200b", "\u202e", "\ufeff",
    "\x00", "\x02", "\x03", "\x85", "\u2028", "|", "| a | b |\n|---|---|\n", "\\", "$$", "[^1]", "{: #id}", "某",
]


@st.composite
def markdown_body(draw) -> bytes:
    parts = draw(st.lists(st.one_of(
        st.sampled_from(MD_TOKENS),
        UNICODE,
        st.integers(1, 1000).map(lambda n: "> " * n + "引用\n"),  # deep quotes
        st.integers(1, 300).map(lambda n: "".join("  " * i + "- 项\n" for i in range(n))),  # deep lists
        st.tuples(st.sampled_from(MD_TOKENS + ["某", "a", " "]), st.integers(1, 100_000)).map(lambda t: t[0] * t[1]),
    ), max_size=20))
    body = "".join(parts).encode("utf-8", errors="surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(body)))
        body = body[:cut] + draw(BAD_BYTES) + body[cut:]
    if draw(st.integers(0, 19)) == 0:
        body = b"\xef\xbb\xbf" + body
    return body


# ---------------------------------------------------------------------------------------------------------
# The properties
# ---------------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_a_valid_notice_in_any_yaml_style_passes(scratch, data):
    name, node, body = data.draw(st.sampled_from(BASES))
    text = data.draw(written(node))
    if data.draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    files = {"x.yml": text.encode("utf-8")}
    if body is not None:
        files["x.md"] = body
    diagnostics = run_check(scratch, files)
    assert_located(diagnostics, files, invalid=False)
    assert not diagnostics, [d.format() for d in diagnostics]


@FUZZ
@given(data=st.data())
def test_mutated_values_and_keys_get_located_messages(scratch, data):
    _, node, body, invalid = data.draw(mutated_data())
    files = {"x.yml": data.draw(written(node)).encode("utf-8", errors="surrogatepass")}
    if body is not None:
        files["x.md"] = body
    assert_located(run_check(scratch, files), files, invalid)


@FUZZ
@given(data=st.data())
def test_yaml_constructs_encodings_and_damage_get_located_messages(scratch, data):
    _, node, body, invalid = data.draw(st.sampled_from(BASES).map(lambda b: (*b[:2], b[2], False))
                                       | mutated_data())
    text: str | bytes = data.draw(written(node))
    for _ in range(data.draw(st.integers(1, 3))):
        if isinstance(text, bytes):
            break
        changed, never_valid, keeps_meaning = data.draw(text_change(text))
        if isinstance(changed, bytes):
            invalid = _undecodable(changed) or (invalid and changed == text.encode("utf-8", errors="surrogatepass"))
        else:
            invalid = never_valid or (invalid and keeps_meaning)
        text = changed
    content = _encoded(text)
    files = {"x.yml": content}
    if body is not None:
        files["x.md"] = body
    assert_located(run_check(scratch, files), files, invalid)


@FUZZ
@given(content=st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=3000).map(_encoded),
    st.lists(st.sampled_from(YAML_TOKENS + ["\n"]) | UNICODE, max_size=60).map(lambda parts: _encoded("".join(parts))),
))
def test_random_bytes_and_text_get_located_messages(scratch, content):
    files = {"x.yml": content}
    assert_located(run_check(scratch, files), files, _undecodable(content))


@FUZZ
@given(body=markdown_body())
def test_random_markdown_bodies_get_located_messages(scratch, body):
    files = {"x.yml": GOOD.encode("utf-8"), "x.md": body}
    assert_located(run_check(scratch, files), files, _undecodable(body))
