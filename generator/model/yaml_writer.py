"""How the project writes notice YAML: one ruamel.yaml configuration for ``notices new`` and ``notices import``.

Strings are double-quoted (so a title with ``: ``, ``#``, ``"`` or a backslash stays one string), except
vocabulary words, written plain like hand-made notices; dates as 2024-12-24; long Chinese lines never folded.
"""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

PLAIN_KEYS = {"kind", "status", "slug"}  # vocabulary words and URL names, written without quotes


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long Chinese line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def dump(data: dict, start_comment: list[str], plain_keys: set[str] = PLAIN_KEYS) -> str:
    """``data`` as a YAML document opening with ``start_comment`` (one ``# `` line each)."""
    document = _commented(data, None, plain_keys)
    document.yaml_set_start_comment("\n".join(start_comment))
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


def scalar(value: str | int | object) -> str:
    """One value as the text after ``key: `` (a string always quoted), for lines written around comments."""
    stream = io.StringIO()
    _yaml().dump(CommentedMap(v=_commented(value, None, set())), stream)
    return stream.getvalue().removeprefix("v: ").rstrip("\n")


def _commented(value, key: str | None, plain_keys: set[str]):
    if isinstance(value, dict):
        mapping = CommentedMap()
        for name, item in value.items():
            mapping[name] = _commented(item, name, plain_keys)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_commented(item, key, plain_keys) for item in value)
    if isinstance(value, str) and key not in plain_keys:
        return DoubleQuotedScalarString(value)
    return value  # numbers and dates (written as 2024-12-24)
