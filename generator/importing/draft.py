"""The files an editor reviews: ``<name>.yml`` (written by generator/model/yaml_writer.py) and ``<name>.md``."""

from __future__ import annotations

import re

from generator.model import yaml_writer
from generator.model.notice import PROBLEMS_MARKER
from generator.model.scaffold import SCHEMA_COMMENT


def dump_notice(notice: dict, comments: list[str]) -> str:
    return yaml_writer.dump(notice, [SCHEMA_COMMENT, *comments])


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
