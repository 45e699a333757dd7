"""The files an editor reviews: ``<name>.yml`` (ruamel, round-trip) and ``<name>.md``."""

from __future__ import annotations

import io
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator.model.notice import PROBLEMS_MARKER
from generator.model.scaffold import SCHEMA_COMMENT

_PLAIN_KEYS = {"kind", "status", "slug"}  # vocabulary words, written without quotes like hand-made notices


def dump_notice(notice: dict, comments: list[str]) -> str:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long Chinese line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    data = _commented(notice)
    data.yaml_set_start_comment("\n".join([SCHEMA_COMMENT, *comments]))
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _commented(value, key: str | None = None):
    if isinstance(value, dict):
        mapping = CommentedMap()
        for name, item in value.items():
            mapping[name] = _commented(item, name)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_commented(item, key) for item in value)
    if isinstance(value, str) and key not in _PLAIN_KEYS:
        return DoubleQuotedScalarString(value)
    return value  # numbers and dates (written as 2024-12-24)


# ---------------------------------------------------------------------------------------------
# Markdown

_BLOCK_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s?|=+\s*$|-{3,}\s*$|\|)")


def markdown_body(paragraphs: list[str], headings: set[str], list_at: int | None = None) -> str:
    """The narrative; ``list_at`` paragraphs in, the line placing the problem list (【问题清单】)."""
    blocks = [f"### {_escape(p)}" if p in headings else _escape_block(p) for p in paragraphs]
    if list_at is not None and blocks:
        blocks.insert(min(list_at, len(blocks)), PROBLEMS_MARKER)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("<", "\\<")


def _escape_block(text: str) -> str:
    text = _escape(text)
    match = _BLOCK_START.match(text)
    if match:
        token = match.group(0)
        at = next(i for i, ch in enumerate(token) if not ch.isdigit()) if token[0].isdigit() else 0
        text = text[:at] + "\\" + text[at:]
    return text
