"""The project's configuration as read: the engine's config file with line numbers, and the typed
settings (:class:`generator.model.settings.SiteSettings`) made from it once per build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from generator.model.settings import SiteSettings
from generator.read.diagnostics import Diagnostic
from generator.read.messages import validation_diagnostics


def load_settings(config: dict[str, Any], config_path: str,
                  config_data: Any = None) -> tuple[SiteSettings | None, list[Diagnostic]]:
    """Validate the site's settings (``site_name``, ``site_description``, ``extra``); errors are located
    in ``mkdocs.yml``, and every text is checked like a notice's (no markup, no hidden characters, no spam).

    ``config`` is the configuration as the engine read it; ``config_data`` the file as parsed by ruamel
    (for line numbers), when available.
    """
    from generator.check.content import check_settings_text  # the check reads settings too: imported late

    data = {key: config.get(key) for key in ("site_name", "site_description") if config.get(key) is not None}
    data["extra"] = {key: value for key, value in (config.get("extra") or {}).items() if value is not None}
    try:
        settings = SiteSettings.model_validate(data)
    except ValidationError as exc:
        return None, validation_diagnostics(exc, config_data, config_path, SiteSettings)
    problems = check_settings_text(data, config_data, config_path)
    return (None if any(d.severity == "error" for d in problems) else settings), problems


def read_config(path: Path) -> tuple[Any, list[Diagnostic]]:
    """The site configuration file with line numbers (ruamel), or a located error."""
    shown = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Diagnostic(shown, 0, 0, "error", "找不到网站配置文件：请在项目根目录运行，或用 --config 指定")]
    except IsADirectoryError:
        return None, [Diagnostic(shown, 0, 0, "error", "这是一个文件夹，不是网站配置文件：--config 应指向 mkdocs.yml")]
    except UnicodeDecodeError:
        return None, [Diagnostic(shown, 0, 0, "error", "网站配置文件不是 UTF-8 编码")]
    except OSError as exc:
        return None, [Diagnostic(shown, 0, 0, "error", f"网站配置文件无法打开（{exc.strerror}）")]
    try:
        data = YAML(typ="rt").load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return None, [Diagnostic(shown, line, column, "error", f"网站配置文件无法读取：{getattr(exc, 'problem', exc)}")]
    if not isinstance(data, CommentedMap):  # what the round-trip loader makes of every mapping
        return None, [Diagnostic(shown, 1, 1, "error", "网站配置文件的最外层应是若干“键: 值”")]
    if data.get("extra") is not None and not isinstance(data["extra"], dict):
        line, column = data.lc.value("extra")
        return None, [Diagnostic(shown, line + 1, column + 1, "error",
                                 "extra 下面应是若干“键: 值”（filing: 备案信息、contact: 联系方式等）")]
    return data, []
