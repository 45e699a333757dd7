"""Chinese numerals and dates: one definition for the pages, the search index and the importer."""

from __future__ import annotations

import datetime as dt

from generator.importing import numerals
from generator.render.pages import environment
from generator.text.chinese import cn_date, ordinal


def test_ordinals_as_chinese_writes_them():
    assert [ordinal(n) for n in (1, 10, 12, 20, 23, 99)] == ["一", "十", "十二", "二十", "二十三", "九十九"]
    assert ordinal(100) == "一百"
    assert [ordinal(n) for n in (101, 110, 115, 1001, 2024)] == [
        "一百零一", "一百一十", "一百一十五", "一千零一", "二千零二十四"]


def test_pages_and_importer_share_the_one_ordinal_and_the_one_date():
    assert numerals.ordinal is ordinal
    assert environment().filters["cn_number"] is ordinal and environment().filters["cn_date"] is cn_date
    assert numerals.cn_to_int(ordinal(133)) == 133
    assert all(numerals.cn_to_int(ordinal(n)) == n for n in range(1, 1200))
    assert cn_date(dt.date(2024, 12, 24)) == "2024年12月24日"


def test_declared_figures_have_one_label_and_unit_for_page_schema_and_importer():
    from generator.model.notice import DECLARED_FIGURES, Figures, json_schema

    assert list(DECLARED_FIGURES) == [name for name in Figures.model_fields if name != "other"]
    properties = json_schema()["$defs"]["Figures"]["properties"]
    assert properties["causes"]["description"] == "通报载明的梳理原因（条）"
    assert Figures(causes=73, measures=133).declared() == [("梳理原因", 73, "条"), ("整改措施", 133, "项")]
