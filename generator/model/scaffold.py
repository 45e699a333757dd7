"""``notices new``: a notice file with every key, written from the model (never a hand-kept copy).

Required keys get a value to replace; optional keys are written as comments to uncomment. Each key
carries its Chinese description as a comment.
"""

from __future__ import annotations

import datetime as dt
import typing

from pydantic import BaseModel

from generator.model import vocabulary, yaml_writer
from generator.model.notice import PROBLEMS_MARKER, Notice, nested_model
from generator.text.slug import slugify

# The first line of every notice file the project writes (new, import): editors' tools validate against the schema.
SCHEMA_COMMENT = "yaml-language-server: $schema=../../schema/notice.schema.json"
HEADER = f"""\
# {SCHEMA_COMMENT}
# 新通报：请逐项填写。以“#”开头的行是说明或可选项，需要时删去行首的“# ”。
# 只写原文有的内容；原文缺失的项目不要自拟，删去或保持注释即可。填好后运行：notices check
"""


def scaffold(title: str, today: dt.date) -> str:
    kind = vocabulary.scaffold_example(vocabulary.kinds()).value
    values = {"title": title, "slug": slugify(title), "kind": kind, "published": today}
    return HEADER + "\n".join(_model_lines(Notice, values, indent="", in_list=False)) + "\n"


def scaffold_body() -> str:
    """The narrative beside a new notice: only the line placing the problem list, for the editor to
    write the notice's other sections around (a body of only this line shows as no narrative)."""
    return PROBLEMS_MARKER + "\n"


def _item_values() -> dict:
    return {"number": 1, "aspect": 1, "status": vocabulary.scaffold_example(vocabulary.statuses()).value}


# Written out to fill (lists with a first item); other optional lists and blocks as commented examples.
FILLED = {"inspection", "aspects", "problems"}


def _model_lines(model: type[BaseModel], values: dict, indent: str, in_list: bool) -> list[str]:
    """The keys of ``model`` as YAML lines; nested models and lists of models are written out."""
    lines = []
    for index, (name, info) in enumerate(model.model_fields.items()):
        key_indent = indent + ("  " if in_list else "")
        prefix = indent + ("- " if in_list and index == 0 else "  " if in_list else "")
        lines.append(f"{key_indent}# {info.description}")
        inner = nested_model(info.annotation)
        if inner is not None:
            is_list = typing.get_origin(info.annotation) is list
            nested = _model_lines(inner, _item_values(), key_indent + "  ", in_list=is_list)
            # Commented out: optional lists, and an optional block that must be complete once written
            # (withdrawn: date and reason), which left open would be an error.
            must_complete = not info.is_required() and any(f.is_required() for f in inner.model_fields.values())
            if name not in FILLED and (is_list or must_complete):
                lines.append(f"{key_indent}# {name}:")
                lines += [line if line.lstrip().startswith("#") else f"{key_indent}# {line[len(key_indent):]}"
                          for line in nested]
            else:
                lines.append(f"{prefix}{name}:")
                lines += nested
        elif typing.get_origin(info.annotation) is list:
            lines.append(f"{prefix}{name}: []")
        elif info.is_required() or name in values:
            lines.append(f"{prefix}{name}: {_value(values.get(name))}")
        else:
            lines.append(f"{key_indent}# {name}:")
    return lines


def _value(value) -> str:
    return yaml_writer.scalar("" if value is None else value)
