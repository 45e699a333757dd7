"""Site-wide settings editors keep in ``mkdocs.yml`` under ``extra``: the footer's filing data and
the default contact block. Validated here, in the core, so any engine gets the same checks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

from pydantic import Field, ValidationError, ValidationInfo, field_validator

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import vocabulary
from .diagnostics import Diagnostic
from .yamlfile import locate
from .spam import find_spam
from .model import Contact, Strict, Text
from .validation import validation_diagnostics

_ABBRS = "".join(p.abbr for p in vocabulary.provinces())
ICP_PATTERN = re.compile(rf"^([{_ABBRS}])ICP备(\d{{8}})号(-\d+)?$")
POLICE_PATTERN = re.compile(rf"^([{_ABBRS}])公网安备 ?(\d{{14}})号$")

ICP_LINK = "https://beian.miit.gov.cn/"
POLICE_LINK = "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}"


class Filing(Strict):
    """The footer of a Chinese government site."""

    host: Text = Field(description="主办单位")
    co_host: Optional[Text] = Field(None, description="协办单位")
    address: Optional[Text] = Field(None, description="地址")
    phone: Optional[Text] = Field(None, description="联系电话")
    fax: Optional[Text] = Field(None, description="传真")
    email: Optional[Text] = Field(None, description="邮件")
    icp: Text = Field(description="ICP 备案号，如：皖ICP备17015173号-1")
    police_record: Optional[Text] = Field(None, description="公安机关备案号，如：皖公网安备 34080202000367号")
    site_code: Optional[Text] = Field(None, description="网站标识码（可选）")
    tech_support: Optional[Text] = Field(None, description="技术支持")

    @field_validator("icp")
    @classmethod
    def _icp_format(cls, value: str) -> str:
        if not ICP_PATTERN.match(value):
            raise ValueError("ICP 备案号格式应为：省份简称 + ICP备 + 8 位数字 + 号（可带 -1 之类的网站序号），如 皖ICP备17015173号-1")
        return value

    @field_validator("police_record")
    @classmethod
    def _police_format_and_province(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        if value is None:
            return value
        police = POLICE_PATTERN.match(value)
        if not police:
            raise ValueError("公网安备号格式应为：省份简称 + 公网安备 + 14 位数字 + 号，如 皖公网安备 34080202000367号")
        code = police.group(2)[:2]
        province = next((p for p in vocabulary.provinces() if p.code == code), None)
        if province is None:
            raise ValueError(f"公网安备号前两位 {code} 不是省级行政区划代码")
        icp = ICP_PATTERN.match(info.data.get("icp") or "")
        abbreviations = {"公网安备号": police.group(1), **({"ICP 备案号": icp.group(1)} if icp else {})}
        if any(abbr != province.abbr for abbr in abbreviations.values()):
            written = "、".join(f"{name}是“{abbr}”" for name, abbr in abbreviations.items())
            raise ValueError(f"备案号省份不一致：公网安备号前两位 {code} 是{province.name}（{province.abbr}），但{written}")
        return value

    @property
    def police_record_code(self) -> Optional[str]:
        return POLICE_PATTERN.match(self.police_record).group(2) if self.police_record else None

    def links(self) -> dict[str, str]:
        links = {"icp": ICP_LINK}
        if self.police_record_code:
            links["police_record"] = POLICE_LINK.format(code=self.police_record_code)
        return links


class SiteSettings(Strict):
    site_name: Text
    filing: Filing
    contact: Optional[Contact] = Field(None, description="全站默认联系方式")


def load_settings(extra: dict[str, Any], site_name: str, config_path: str, config_data: Any = None) -> tuple[SiteSettings | None, list[Diagnostic]]:
    """Validate ``extra.filing`` and ``extra.contact``; errors are located in ``mkdocs.yml``.

    ``config_data`` is the config file as parsed by ruamel (for line numbers), when available.
    """
    data = {"site_name": site_name, "filing": extra.get("filing")}
    if extra.get("contact") is not None:
        data["contact"] = extra["contact"]
    try:
        settings = SiteSettings.model_validate(data)
    except ValidationError as exc:
        return None, validation_diagnostics(exc, config_data, config_path, SiteSettings, prefix=("extra",))
    return settings, _spam_in(data, config_data, config_path)


def _spam_in(data: dict[str, Any], config_data: Any, config_path: str) -> list[Diagnostic]:
    """The footer and the default contact are published on every page: the spam check reads them too."""
    found = []
    for key in ("filing", "contact"):
        for field, value in (data.get(key) or {}).items():
            if isinstance(value, str):
                line, column = locate(config_data, ("extra", key, field))
                found += [Diagnostic(config_path, line, column, "error", f"{f.reason}：这不是网站信息，请删除这段文字")
                          for f in find_spam(value)]
    return found


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
    if not isinstance(data, dict):
        return None, [Diagnostic(shown, 1, 1, "error", "网站配置文件的最外层应是若干“键: 值”")]
    if data.get("extra") is not None and not isinstance(data["extra"], dict):
        line, column = data.lc.value("extra")
        return None, [Diagnostic(shown, line + 1, column + 1, "error",
                                 "extra 下面应是若干“键: 值”（filing: 备案信息、contact: 联系方式等）")]
    return data, []
