"""pydantic's validation errors in words an editor can act on, located in the YAML file."""

from __future__ import annotations

import datetime as dt
import difflib
import math
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.model.notice import FIRST_YEAR, LAST_YEAR, nested_model
from generator.read.diagnostics import Diagnostic
from generator.read.yaml_source import locate, one_line


def validation_diagnostics(
    exc: ValidationError, data: Any, shown: str, model: type[BaseModel], prefix: tuple = ()
) -> list[Diagnostic]:
    """One located Chinese message per pydantic error; ``prefix`` is where the model sits in ``data``."""
    diagnostics = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        if error["type"] == "invalid_key":  # pydantic names such a key by its repr ("None"); use the key itself
            loc = loc[:-1] + (error.get("input"),)
        is_key = error["type"] in {"extra_forbidden", "invalid_key"}
        line, column = locate(data, prefix + loc, key=is_key)
        diagnostics.append(Diagnostic(shown, line, column, "error", _message(error, loc, model)))
    return diagnostics


def _field_info(model: type[BaseModel], loc: tuple):
    """The pydantic FieldInfo at ``loc`` (list indexes skipped), or None."""
    info = None
    current_model: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current_model, "model_fields", None)
        if not fields or part not in fields:
            return None
        info = fields[part]
        current_model = nested_model(info.annotation)
    return info


def _name(loc: tuple) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"第 {part + 1} 项")
        else:
            parts.append(str(part))
    return " → ".join(parts)


def shown(value: Any) -> str:
    """A value as the editor wrote it, on one line and at most 40 characters: ``true``, ``.nan``, ``2024-02-30``."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    elif isinstance(value, float) and not math.isfinite(value):
        text = ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join(shown(item) for item in value) + "]"
    elif isinstance(value, (str, int, float, Decimal, dt.date)):
        text = str(value)
    else:
        text = "…"
    return one_line(text)


def _message(error: ErrorDetails, loc: tuple, model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "invalid_key":
        where = f"{_name(loc[:-1])} 下" if len(loc) > 1 else ""
        return (f"{where}的项名“{shown(loc[-1])}”不对：冒号前面应是英文项名（如 title），"
                "不能是数字、日期、true/false、null 或列表").removeprefix("的")
    name = _name(loc)
    info = _field_info(model, loc)
    about = f"（{info.description}）" if info is not None and info.description else ""
    value = error.get("input")
    shown_value = f"“{shown(value)}”" if isinstance(value, (str, int, float, Decimal, dt.date)) else ""
    if kind == "missing":
        return f"缺少必填项 {loc[-1]}{about}"
    if kind == "extra_forbidden":
        return _unknown_key_message(loc, model)
    if kind == "value_error":
        reason = str(error.get("ctx", {}).get("error", ""))
        if reason == "not_a_number":
            return f"{name} 应是数字（阿拉伯数字，不带单位），现在是{shown_value}"
        if reason == "not_a_date":
            return f"{name} 应是日期，写成 2024-12-24 的形式，现在是{shown_value or '其他内容'}"
        if reason.startswith("year_out_of_range:"):
            return (f"{name} 的年份 {reason.split(':')[1]} 不对：日期应在 {FIRST_YEAR} 年到 {LAST_YEAR} 年之间，"
                    "请核对，写成 2024-12-24 的形式")
        if reason == "empty":
            if info is not None and info.is_required():
                return f"{name} 必须填写，不能为空{about}"
            return f"{name} 不能为空{about}；不知道时请删除这一行"
        return f"{name}：{reason}"
    if kind == "literal_error":
        choices = "、".join(str(c) for c in error["ctx"]["expected"].replace("'", "").split(" or "))
        choices = choices.replace(", ", "、")
        return f"{name} 的值{shown_value}不在词表中，只能写：{choices}"
    if kind.startswith("date"):
        return f"{name} 应是日期，写成 2024-12-24 的形式，现在是{shown_value or '其他内容'}"
    if kind.startswith(("int", "decimal", "float")) or kind == "finite_number":
        return f"{name} 应是数字（阿拉伯数字，不带单位），现在是{shown_value or '其他内容'}"
    if kind in {"greater_than_equal", "less_than_equal"}:
        limit = error["ctx"].get("ge", error["ctx"].get("le"))
        relation = "不能小于" if kind == "greater_than_equal" else "不能大于"
        return f"{name} {relation} {limit}，现在是{shown_value}"
    if kind == "string_pattern_mismatch":
        return f"{name} 只能由小写字母、数字和连字符组成（如 daguan-lvhua-2024），现在是{shown_value}"
    if kind == "string_type":
        return f"{name} 应是一段文字{about}"
    if kind == "list_type":
        return f"{name} 应是列表：每一项另起一行，以“- ”开头{about}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"{name} 下面应是若干“键: 值”{about}"
    return f"{name} 的值{shown_value}不符合要求{about}：请对照 notices new 生成的模板填写"


def _unknown_key_message(loc: tuple, model: type[BaseModel]) -> str:
    key = shown(str(loc[-1]))
    parent = _field_info(model, loc[:-1]) if len(loc) > 1 else None
    owner = nested_model(parent.annotation) if parent is not None else model
    known = list(owner.model_fields) if owner else []
    where = f"{_name(loc[:-1])} 下" if len(loc) > 1 else ""
    message = f"{where}未知的项“{key}”"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"{message}：是不是要写 `{close[0]}`？"
    return f"{message}：可以写的项有 {', '.join(known)}"
