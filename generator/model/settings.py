"""The site's settings, typed: its name and description, and what editors keep under ``extra`` in
``mkdocs.yml`` (the footer's filing data, the default contact block). Read by :mod:`generator.read.config`,
so any engine gets the same checks."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from generator.model import vocabulary
from generator.model.notice import Contact, Strict, Text

_ABBRS = "".join(p.abbr for p in vocabulary.provinces())
ICP_PATTERN = re.compile(rf"^([{_ABBRS}])ICP备(\d{{8}})号(-\d+)?$")
POLICE_PATTERN = re.compile(rf"^([{_ABBRS}])公网安备 ?(\d{{14}})号$")

ICP_LINK = "https://beian.miit.gov.cn/"
POLICE_LINK = "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}"


# The footer's fields once: key → (the label the footer and the importer's report show, the ways a page's
# footer writes it, as regular expressions for notices import).
FILING_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "host": ("主办", ("主办单位", "主办")),
    "co_host": ("协办单位", ("协办单位", "协办", "承办单位", "承办")),
    "address": ("地址", ("地址",)),
    "phone": ("联系电话", ("联系电话", "电话")),
    "fax": ("传真", ("传真",)),
    "email": ("邮件", ("电子邮箱", "电子邮件", "邮件", "邮箱", "E-?mail")),
    "icp": ("ICP备案号", ()),
    "police_record": ("公安机关备案号", ()),
    "site_code": ("网站标识码", ()),
    "tech_support": ("技术支持", ("技术支持",)),
}
FILING_LABELS = {key: label for key, (label, _) in FILING_FIELDS.items()}


class Filing(Strict):
    """The footer of a Chinese government site."""

    host: Text = Field(description="主办单位")
    co_host: Text | None = Field(None, description="协办单位")
    address: Text | None = Field(None, description="地址")
    phone: Text | None = Field(None, description="联系电话")
    fax: Text | None = Field(None, description="传真")
    email: Text | None = Field(None, description="邮件")
    icp: Text = Field(description="ICP 备案号，如：皖ICP备17015173号-1")
    police_record: Text | None = Field(None, description="公安机关备案号，如：皖公网安备 34080202000367号")
    site_code: Text | None = Field(None, description="网站标识码（可选）")
    tech_support: Text | None = Field(None, description="技术支持")

    @field_validator("icp")
    @classmethod
    def _icp_format(cls, value: str) -> str:
        if not ICP_PATTERN.match(value):
            raise ValueError("ICP 备案号格式应为：省份简称 + ICP备 + 8 位数字 + 号（可带 -1 之类的网站序号），"
                             "如 皖ICP备17015173号-1")
        return value

    @field_validator("police_record")
    @classmethod
    def _police_format_and_province(cls, value: str | None, info: ValidationInfo) -> str | None:
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
            raise ValueError(f"备案号省份不一致：公网安备号前两位 {code} 是{province.name}（{province.abbr}），"
                             f"但{written}")
        return value

    @property
    def police_record_code(self) -> str | None:
        match = POLICE_PATTERN.match(self.police_record) if self.police_record else None
        return match.group(2) if match else None

    def links(self) -> dict[str, str]:
        links = {"icp": ICP_LINK}
        if self.police_record_code:
            links["police_record"] = POLICE_LINK.format(code=self.police_record_code)
        return links


class Extra(Strict):
    """What ``extra:`` in mkdocs.yml may hold. Anything else is refused: the theme reads many ``extra``
    keys (analytics, consent, alternate, scope …) that would load third-party scripts or change URLs."""

    generator: bool = Field(False, description="是否在页脚显示“由 MkDocs 生成”（应为 false）")
    filing: Filing = Field(description="网站底部备案信息")
    contact: Contact | None = Field(None, description="全站默认联系方式")
    cms: dict[str, Any] | None = Field(None, description="浏览器编辑（Decap CMS）的设置，由 generator.publish.cms 检查")


class SiteSettings(Strict):
    """The settings of a site the core uses, read once per build from the engine's configuration."""

    site_name: Text = Field(description="网站名称")
    site_description: Text | None = Field(None, description="网站简介")
    extra: Extra

    @property
    def filing(self) -> Filing:
        return self.extra.filing

    @property
    def contact(self) -> Contact | None:
        return self.extra.contact
