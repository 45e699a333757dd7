"""The one model of a notice.

Validation, the JSON Schema for editors (``schema/notice.schema.json``), the pages and any export
all derive from these classes. Keys are English (short, typo-checkable); values and descriptions are
Chinese, because editors read them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from generator.model import vocabulary

StatusValue = Literal[tuple(s.value for s in vocabulary.statuses())]  # type: ignore[valid-type]
KindValue = Literal[tuple(k.value for k in vocabulary.kinds())]  # type: ignore[valid-type]

# Text a person types: one line, no surrounding spaces; empty means "not filled in".
Text = str

FIRST_YEAR, LAST_YEAR = 1949, 2100  # a date outside these years is a typo, not a notice's date


def _date_only(value):
    """A calendar date as YAML writes it (2024-12-24), nothing else: pydantic alone would read an
    integer as a Unix timestamp (``published: 0`` → 1970-01-01) and accept a time of day."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("not_a_date") from None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValueError("not_a_date")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"year_out_of_range:{value.year}")
    return value


# A date written 2024-12-24; anything else (a number, a time, year 0001) is an error.
Date = Annotated[dt.date, BeforeValidator(_date_only)]

# A value starting with this was left by `notices import` for a person to decide; never publishable.
PLACEHOLDER = "待编辑填写："

# A line of the Markdown body, alone, saying where the problem list sits in the narrative (between
# 一、 and 三、 for a notice whose 二、 is the list). Without it the list follows the narrative.
PROBLEMS_MARKER = "【问题清单】"


class Strict(BaseModel):
    """Unknown keys are errors (a typo must never be dropped silently)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _empty_text_is_missing(cls, value):
        if isinstance(value, str) and not value.strip():
            raise ValueError("empty")
        return value

    @field_validator("*", mode="before")
    @classmethod
    def _true_is_not_a_number(cls, value, info: ValidationInfo):
        """YAML reads ``true`` and ``false`` as booleans, which pydantic would take for the numbers 1 and 0."""
        if not isinstance(value, bool) or info.field_name is None:  # first the cheap test: every field passes here
            return value
        annotation = cls.model_fields[info.field_name].annotation
        if int in (annotation, *get_args(annotation)):
            raise ValueError("not_a_number")
        return value


class Inspection(Strict):
    team: Text = Field(title="巡察组", description="巡察组名称，如：市委第十一专项巡察组")
    start: Date | None = Field(None, description="巡察进驻开始日期，写成 2023-07-11")
    end: Date | None = Field(None, description="巡察结束日期，写成 2023-09-15")
    feedback: Date | None = Field(None, title="反馈日期", description="巡察组反馈意见的日期，写成 2023-11-23")


class FigureItem(Strict):
    label: Text = Field(description="数字的名称，如：专题民主生活会")
    value: Text = Field(description="原文中的数字与单位，如：1次")


# The figures a notice may declare, once: key → (label on the page and in the importer's notes, unit),
# in the order the page lists them. The fields' descriptions (JSON Schema, `notices new`) come from here.
DECLARED_FIGURES: dict[str, tuple[str, str]] = {
    "aspects": ("方面", "个"), "problems": ("问题", "个"), "problems_done": ("已完成整改问题", "个"),
    "causes": ("梳理原因", "条"), "measures": ("整改措施", "项"), "systems": ("建立健全制度机制", "项"),
    "meetings": ("专题会议", "次"), "funds_recovered": ("追缴、挽回资金", "万元"),
    "people_held_accountable": ("问责、处理", "人次"), "completion_rate": ("自述整改完成率", "%"),
}


def _declared(key: str, note: str = "") -> str:
    label, unit = DECLARED_FIGURES[key]
    return f"通报载明的{label}（{unit}）{note}"


class Figures(Strict):
    """Figures the notice itself declares. The pages compare them with the problem list."""

    aspects: int | None = Field(None, ge=0, description=_declared("aspects"))
    problems: int | None = Field(None, ge=0, description=_declared("problems"))
    problems_done: int | None = Field(None, ge=0, description=_declared("problems_done"))
    causes: int | None = Field(None, ge=0, description=_declared("causes"))
    measures: int | None = Field(None, ge=0, description=_declared("measures"))
    systems: int | None = Field(None, ge=0, description=_declared("systems"))
    meetings: int | None = Field(None, ge=0, description=_declared("meetings"))
    funds_recovered: Decimal | None = Field(None, ge=0, description=_declared("funds_recovered"))
    people_held_accountable: int | None = Field(None, ge=0, description=_declared("people_held_accountable"))
    completion_rate: Decimal | None = Field(
        None, ge=0, le=100, description=_declared("completion_rate", "，写百分数的数字，如 76 或 98.71")
    )
    other: list[FigureItem] = Field(default_factory=list, description="原文中的其他数字")

    def declared(self) -> list[tuple[str, int | Decimal, str]]:
        """(label, value, unit) of each declared figure, in the page's order."""
        values = [(label, getattr(self, key), unit) for key, (label, unit) in DECLARED_FIGURES.items()]
        return [item for item in values if item[1] is not None]


class Aspect(Strict):
    number: int = Field(ge=1, description="方面序号：1 表示（一），2 表示（二）……")
    title: Text | None = Field(None, description="方面名称。原文缺失时不写，不要自拟")


class Problem(Strict):
    number: int = Field(ge=1, description="问题序号，从 1 开始连续编号")
    aspect: int | None = Field(
        None, ge=1, description="所属方面的序号（对应 aspects 中的 number）。原文无法确定时不写"
    )
    title: Text | None = Field(
        None, description="问题标题。原文缺失时不写此项，页面显示“原文未载明标题”，不要自拟"
    )
    description: Text | None = Field(None, description="问题表现（可选）")
    responsible_unit: Text | None = Field(None, title="责任单位", description="责任单位")
    responsible_leader: Text | None = Field(None, title="责任领导", description="责任领导（可选）")
    due: Date | None = Field(None, title="整改时限", description="整改时限，写成 2024-06-30")
    status: StatusValue = Field(title="状态", description="整改状态，只能写状态词表中的值")  # type: ignore[valid-type]
    completed: Date | None = Field(None, title="完成日期", description="完成日期，写成 2024-05-31")
    measures: list[Text] = Field(
        default_factory=list,
        description="整改措施，按原文顺序逐条列出（原文的“一是”“二是”不必写，页面自动加上）",
    )


SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # a notice's URL name, and a draft's file name
PHONE_PATTERN = re.compile(r"^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4}|12\d{3})$")
EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


class Contact(Strict):
    intro: Text | None = Field(None, description="联系方式前的说明文字")
    phone: Text | None = Field(None, title="电话", description="联系电话，如：0556-5502613（区号-号码）或 12388")
    address: Text | None = Field(None, title="邮政地址", description="邮政地址")
    email: Text | None = Field(None, title="电子邮箱", description="电子邮箱")

    @field_validator("phone")
    @classmethod
    def _phone_format(cls, value: str | None) -> str | None:
        if value is not None and not PHONE_PATTERN.match(value):
            raise ValueError("电话号码格式不对：固定电话写成 0556-5502613（区号-号码），也可以是 12388 这样的热线；"
                             "只写一个号码，不写文字")
        return value

    @field_validator("email")
    @classmethod
    def _email_format(cls, value: str | None) -> str | None:
        if value is not None and not EMAIL_PATTERN.match(value):
            raise ValueError("电子邮箱格式不对，应写成 aqdgzf@126.com 这样的地址")
        return value


class Revision(Strict):
    date: Date = Field(description="更正日期，写成 2025-01-10")
    change: Text = Field(description="更正了什么、为什么")


class Withdrawal(Strict):
    date: Date = Field(description="撤回日期，写成 2025-03-01")
    reason: Text = Field(description="撤回原因，如：内容有误，已另行发布更正后的通报")


class Notice(Strict):
    """One 巡察整改 notice, as an editor writes it in ``notices/<year>/<name>.yml``."""

    title: Text = Field(description="通报标题，与原文一致")
    slug: str | None = Field(
        None,
        pattern=SLUG_PATTERN,
        description="网址名称（可选，小写字母、数字和连字符）。不写时由标题的拼音生成",
    )
    kind: KindValue = Field(title="类别", description="通报类别")  # type: ignore[valid-type]
    publisher: Text = Field(title="发布机构", description="发布机构")
    region: Text = Field(title="地区", description="地区，如：安徽省安庆市大观区")
    domain: Text | None = Field(None, title="领域", description="专项领域，如：城市绿化工程")
    published: Date | None = Field(
        None, title="发布日期", description="发布日期，写成 2024-12-24。原文缺失时不写，不要自拟"
    )
    source: Text | None = Field(None, title="来源", description="来源，如：原创、区委巡察办")
    index_number: Text | None = Field(None, title="索引号", description="索引号（政务公开）")
    inspection: Inspection | None = Field(None, description="巡察情况")
    follows: str | None = Field(
        None,
        pattern=SLUG_PATTERN,
        description="同一次巡察的前一份通报的网址名称（slug），如整改情况通报写其整改进展通报的 slug。"
        "前一份通报须更早发布、巡察组和发布机构相同；问题序号在前后通报中保持一致",
    )
    figures: Figures = Field(default_factory=Figures, description="通报中载明的数字")
    aspects: list[Aspect] = Field(default_factory=list, description="反馈意见的方面")
    problems_heading: Text | None = Field(
        None, description="原文中问题清单一节的标题（可选），如：二、扛牢政治责任,确保整改举措真改实改。"
        f"问题清单在正文中的位置：在 .md 中单独写一行 {PROBLEMS_MARKER}"
    )
    problems: list[Problem] = Field(default_factory=list, description="问题及整改措施")
    contact: Contact | None = Field(None, description="联系方式；不写时使用全站默认联系方式")
    revisions: list[Revision] = Field(default_factory=list, description="发布后的更正记录")
    previous_slugs: list[str] = Field(
        default_factory=list,
        description="此前用过的网址名称（改过 slug 或标题时填写旧的网址名称）："
                    "旧网址保留为跳转到本页的页面，已发布的网址不会失效",
    )
    withdrawn: Withdrawal | None = Field(
        None, description="撤回通报时填写：页面只保留标题和撤回说明，不再列入首页、归档和统计"
    )
    allow: list[Text] = Field(
        default_factory=list,
        description="经核实确属原文、可以发布的文字（用于消除广告词或个人信息检查的误报），写出原样文字",
    )


    @field_validator("previous_slugs")
    @classmethod
    def _previous_slugs_are_slugs(cls, value: list[str]) -> list[str]:
        for slug in value:
            if not re.match(SLUG_PATTERN, slug):
                raise ValueError(f"旧网址名称“{slug}”只能由小写字母、数字和连字符组成")
        return value

    @field_validator("figures", mode="before")
    @classmethod
    def _figures_may_be_left_empty(cls, value):
        return {} if value is None else value


def nested_model(annotation) -> type[BaseModel] | None:
    """The model inside a field's type: ``Inspection`` in ``Optional[Inspection]`` or ``list[Problem]``."""
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        for inner in (candidate, *getattr(candidate, "__args__", ())):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def json_schema() -> dict:
    """The JSON Schema editors' tools use, derived from :class:`Notice`."""
    schema = Notice.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
