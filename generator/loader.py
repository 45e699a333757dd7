"""Loading notice files: ``notices/**/NAME.yml`` plus an optional ``NAME.md`` narrative."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic
from .model import Notice
from .yamlfile import decode_text, locate, located, parse_yaml

NOTICE_SUFFIX = ".yml"
BODY_SUFFIX = ".md"
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}  # placeholders and operating-system litter


@dataclass
class NoticeSource:
    """One notice as read from disk: the validated model, its body and where each part came from."""

    path: str  # as shown to editors, relative to the project root, with forward slashes
    notice: Notice
    body: str
    body_path: str | None
    data: Any  # the file's plain data, as validated
    text: str  # the file's text

    @cached_property
    def located(self) -> Any:
        """The data with line numbers: parsed only when a message needs a place."""
        return located(self.text)

    def locate(self, loc: tuple, *, key: bool = False) -> tuple[int, int]:
        return locate(self.located, loc, key=key)


@dataclass
class LoadResult:
    sources: list[NoticeSource] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_notices(notices_dir: Path, root: Path) -> LoadResult:
    """Read every file under ``notices_dir``; every file is either loaded or reported, never skipped."""
    result = LoadResult()
    if not notices_dir.is_dir():
        result.diagnostics.append(
            Diagnostic(display_path(notices_dir, root), 0, 0, "error", "通报目录不存在")
        )
        return result
    files = sorted(p for p in notices_dir.rglob("*") if p.is_file())
    yml_stems = {p.with_suffix("") for p in files if p.suffix == NOTICE_SUFFIX}
    for path in files:
        shown = display_path(path, root)
        if path.name in IGNORED_NAMES:
            continue
        if path.suffix == NOTICE_SUFFIX:
            loaded = load_notice_file(path, shown, root)
            result.diagnostics += loaded[1]
            if loaded[0]:
                result.sources.append(loaded[0])
        elif path.suffix == BODY_SUFFIX:
            if path.with_suffix("") not in yml_stems:
                result.diagnostics.append(Diagnostic(
                    shown, 0, 0, "error",
                    f"正文文件没有同名的通报文件：应有 {path.with_suffix(NOTICE_SUFFIX).name}，否则这段正文不会发布",
                ))
        else:
            hint = "通报文件的扩展名应为 .yml" if path.suffix.lower() in {".yaml", ".yml"} else (
                "通报目录里只能放 .yml（通报）和同名的 .md（正文）文件")
            result.diagnostics.append(Diagnostic(
                shown, 0, 0, "error", f"{hint}：这个文件不会被发布，请改名或移出 notices/"
            ))
    return result


def load_notice_file(path: Path, shown: str, root: Path) -> tuple[NoticeSource | None, list[Diagnostic]]:
    parsed = parse_yaml(path.read_bytes(), shown)
    if parsed.diagnostics:
        return None, parsed.diagnostics
    if parsed.data is None:
        return None, [Diagnostic(shown, 1, 1, "error", "文件是空的：请参照 notices new 生成的模板填写")]
    if not isinstance(parsed.data, dict):
        return None, [Diagnostic(shown, 1, 1, "error", "文件的最外层应是若干“键: 值”（如 title: 通报标题）")]
    try:
        notice = Notice.model_validate(parsed.data)
    except ValidationError as exc:
        return None, validation_diagnostics(exc, located(parsed.text), shown, Notice)
    body_file = path.with_suffix(BODY_SUFFIX)
    body, body_shown, problems = "", None, []
    if body_file.exists():
        body_shown = display_path(body_file, root)
        text, problems = decode_text(body_file.read_bytes(), body_shown)
        body = text or ""
    if problems:
        return None, problems
    return NoticeSource(shown, notice, body, body_shown, parsed.data, parsed.text), []


# ---------------------------------------------------------------------------------------------
# pydantic errors in words an editor can act on

def validation_diagnostics(
    exc: ValidationError, data: Any, shown: str, model: type[BaseModel], prefix: tuple = ()
) -> list[Diagnostic]:
    """One located Chinese message per pydantic error; ``prefix`` is where the model sits in ``data``."""
    diagnostics = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        is_key = error["type"] == "extra_forbidden"
        line, column = locate(data, prefix + loc, key=is_key)
        diagnostics.append(Diagnostic(shown, line, column, "error", _message(error, loc, model)))
    return diagnostics


def _field_info(model: type[BaseModel], loc: tuple):
    """The pydantic FieldInfo at ``loc`` (list indexes skipped), or None."""
    info, current = None, model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        info = fields[part]
        current = _inner_model(info.annotation)
    return info


def _inner_model(annotation):
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        for arg in getattr(candidate, "__args__", ()):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None


def _name(loc: tuple) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"第 {part + 1} 项")
        else:
            parts.append(str(part))
    return " → ".join(parts)


def _message(error: dict, loc: tuple, model: type[BaseModel]) -> str:
    kind = error["type"]
    name = _name(loc)
    info = _field_info(model, loc)
    about = f"（{info.description}）" if info is not None and info.description else ""
    value = error.get("input")
    shown_value = f"“{value}”" if isinstance(value, (str, int, float)) else ""
    if kind == "missing":
        return f"缺少必填项 {loc[-1]}{about}"
    if kind == "extra_forbidden":
        return _unknown_key_message(loc, model)
    if kind == "value_error":
        reason = str(error.get("ctx", {}).get("error", ""))
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
    if kind.startswith("int") or kind.startswith("decimal") or kind.startswith("float"):
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
    return f"{name}：{error.get('msg', kind)}"


def _unknown_key_message(loc: tuple, model: type[BaseModel]) -> str:
    key = str(loc[-1])
    parent = _field_info(model, loc[:-1]) if len(loc) > 1 else None
    owner = _inner_model(parent.annotation) if parent is not None else model
    known = list(owner.model_fields) if owner else []
    where = f"{_name(loc[:-1])} 下" if len(loc) > 1 else ""
    message = f"{where}未知的项“{key}”"
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"{message}：是不是要写 `{close[0]}`？"
    return f"{message}：可以写的项有 {', '.join(known)}"
