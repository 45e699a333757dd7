"""The fast path of the YAML reader (libyaml's events in C, the data built in Python) gives exactly what the
checked path gives: the same data, of the same types, or, where it does not take a file, the checked path's
messages and places (which the hostile tests spell out)."""

from __future__ import annotations

import datetime as dt
import importlib
import random
from pathlib import Path

import pytest

from conftest import GOOD, ROOT
from generator.read import yaml_source
from generator.read.yaml_source import (
    _NOT_PLAIN,
    _checked_parse,
    _directive,
    _first_indenting_tab,
    _plain_data,
    parse_yaml,
)

HOSTILE_MODULES = ("test_hostile_yaml", "test_hostile_yaml_constructs", "test_hostile_invisible_characters",
                   "test_hostile_plain_text_fields", "test_check")


def _texts_of_the_hostile_tests() -> list[str]:
    """Every text the hostile tests write into a notice: their parameters as written, and GOOD with each
    (old, new) replacement they make."""
    texts: list[str] = []
    for name in HOSTILE_MODULES:
        module = importlib.import_module(name)
        for test in vars(module).values():
            for mark in getattr(test, "pytestmark", []):
                if mark.name != "parametrize":
                    continue
                for case in mark.args[1]:
                    values = case.values if hasattr(case, "values") else case
                    values = values if isinstance(values, tuple) else (values,)
                    strings = [v.decode("utf-8", "replace") if isinstance(v, bytes) else v
                               for v in values if isinstance(v, (str, bytes))]
                    texts += strings
                    if len(strings) >= 2 and strings[0] in GOOD:
                        texts.append(GOOD.replace(strings[0], strings[1]))
    return texts


CORPUS = ([GOOD] + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "notices").rglob("*.yml"))]
          + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.yml"))])
SCALARS = ["1", "0", "-1", "+1", "012", "0x1F", "0o17", "0b101", "1_000", "1.5", "1e3", ".inf", "-.inf", ".nan",
           "true", "false", "True", "FALSE", "yes", "no", "on", "null", "Null", "~", "", "2024-12-24",
           "2024-02-30", "2024-1-5", "2024-12-24 10:00:00", "2024-12-24T10:00:00+08:00", "20241224", "=", "<<",
           "'<<'", '"2024-12-24"', "'1'", "１２", "٣", "9" * 5000, "1:30", "-", "--", "- x", "? x", "x: y: z"]


def _same(text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    if _first_indenting_tab(text) or ("%" in text and _directive(text, "notices/x.yml")):
        return  # refused before either path (parse_yaml)
    fast = _plain_data(text)
    checked = _checked_parse(text, "notices/x.yml")
    if fast is not _NOT_PLAIN:
        assert not checked.diagnostics, (text, checked.diagnostics)
        assert repr(fast) == repr(checked.data), text
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    whole = parse_yaml(raw, "notices/x.yml")
    if not whole.diagnostics and fast is _NOT_PLAIN and checked.diagnostics:
        pytest.fail(f"parse_yaml took what the checked path refuses: {text!r}")


@pytest.mark.parametrize("text", CORPUS + _texts_of_the_hostile_tests())
def test_the_fast_path_agrees_with_the_checked_path_on_the_notices_and_the_hostile_corpus(text):
    _same(text)


@pytest.mark.parametrize("value", SCALARS)
@pytest.mark.parametrize("place", ["value", "key", "item", "flow"])
def test_every_kind_of_scalar_is_made_as_the_checked_path_makes_it(value, place):
    text = {"value": f"title: 标题\nx: {value}\n", "key": f"{value}: 1\ntitle: 标题\n",
            "item": f"x:\n  - {value}\n  - 2\n", "flow": f"x: [{value}, {{a: {value}}}]\n"}[place]
    _same(text)


def test_duplicate_keys_are_left_to_the_checked_path():
    for text in ("a: 1\na: 2\n", "1: x\ntrue: y\n", "x: {a: 1, a: 1}\n", "2024-01-01: a\n2024-01-01: b\n"):
        assert _plain_data(text) is _NOT_PLAIN
        assert parse_yaml(text.encode(), "notices/x.yml").diagnostics


def test_random_edits_of_a_notice_read_the_same_both_ways():
    """Characters that mean something in YAML, put at random places in the sample notice (seeded)."""
    rng = random.Random(20261201)
    pieces = [":", " ", "\n", "- ", "'", '"', "[", "]", "{", "}", ",", "#", "&a", "*a", "!x", "<<: ", "|", ">",
              "? ", "---\n", "...\n", "  ", "\t", "%", "@", "`", "2024-13-01", "1_0", "0x", "~", "\\", "\u2028"]
    for _ in range(400):
        text = GOOD
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(pieces) + text[at:]
        _same(text)


def test_a_notice_takes_the_fast_path(monkeypatch):
    """The sample notices do not go through the checked path (the point of the fast one)."""
    def refuse(text, path):
        raise AssertionError(f"{path} took the checked path")

    monkeypatch.setattr(yaml_source, "_checked_parse", refuse)
    for path in sorted((ROOT / "notices").rglob("*.yml")):
        assert parse_yaml(path.read_bytes(), str(path)).data


def test_without_the_c_parser_every_file_takes_the_checked_path(monkeypatch):
    monkeypatch.setattr(yaml_source, "CParser", None)
    parsed = parse_yaml(GOOD.encode(), "notices/x.yml")
    assert parsed.data == _checked_parse(GOOD, "notices/x.yml").data
    assert not parsed.diagnostics


def test_the_corpus_is_not_empty():
    assert len(_texts_of_the_hostile_tests()) > 50
    assert Path(ROOT / "notices").is_dir()


def test_scalars_made_once_serve_every_later_file_the_same():
    """Plain scalars are made once and kept by their text (yaml_source._MADE): a file read with them kept
    gives what it gives with none kept, and what the checked path gives; two NaN keys are still two keys."""
    for text in CORPUS[:20] + ["a: .nan\n.nan: 1\n.NaN: 2\nb: [1, 1, true, 2024-12-24, 2024-12-24]\n",
                               ".nan: 1\n.nan: 2\n"]:
        yaml_source._MADE.clear()
        first = _plain_data(text)
        again = _plain_data(text)
        assert repr(first) == repr(again), text
        _same(text)


def test_the_kept_scalars_are_bounded(monkeypatch):
    monkeypatch.setattr(yaml_source, "_MADE_LIMIT", 3)
    yaml_source._MADE.clear()
    data = _plain_data("a: 1\nb: 2\nc: 3\nd: 4\ne: 2024-12-24\n")
    assert data == {"a": 1, "b": 2, "c": 3, "d": 4, "e": dt.date(2024, 12, 24)}
    assert len(yaml_source._MADE) <= 3
