"""The JSON Schema editors' tools use is generated from the model and committed in sync; slugs."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT
from generator.text.slug import slugify


def test_committed_schema_matches_the_model():
    result = subprocess.run([sys.executable, "-m", "generator.cli", "schema", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "schema/notice.schema.json: JSON Schema 是最新的")


def test_schema_carries_the_vocabularies_and_chinese_descriptions():
    schema = json.loads((ROOT / "schema" / "notice.schema.json").read_text(encoding="utf-8"))
    status = schema["$defs"]["Problem"]["properties"]["status"]
    assert status["enum"] == ["已完成", "基本完成", "正在整改", "未完成", "长期坚持", "未载明"]
    assert schema["properties"]["title"]["description"] == "通报标题，与原文一致"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"title", "kind", "publisher", "region"}


def test_stale_schema_is_reported(tmp_path):
    stale = tmp_path / "notice.schema.json"
    stale.write_text("{}", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.cli", "schema", "--check", "--output", str(stale)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.strip() == (f"{stale.as_posix()}: error: JSON Schema 不是最新的：请运行 notices schema "
                                     "重新生成并提交")


def test_every_sample_notice_points_editors_at_the_schema():
    for path in (ROOT / "notices").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/notice.schema.json"


def test_slugs_are_lowercase_pinyin_and_stable():
    assert slugify("关于2024年PPP项目") == "guan-yu-2024-nian-ppp-xiang-mu"
    assert slugify("城市绿化") == "cheng-shi-lv-hua"
    progress = slugify("中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报")
    final = slugify("中共大观区委关于城市绿化工程领域专项巡察整改情况的通报")
    assert progress != final and progress.endswith("jin-zhan-qing-kuang-de-tong-bao")
    long = slugify("通报" * 80)
    assert len(long) <= 200 and long.endswith("bao") and not long.endswith("-")
    assert slugify("！？") == "tongbao"


def test_a_remembered_segment_gives_the_syllables_pypinyin_gives():
    """The slug converts each segment once per process (titles share their words): the same syllables as
    pypinyin's own lazy_pinyin, for titles, heteronyms and any mix of characters, the first time and after."""
    import random

    from pypinyin import Style, lazy_pinyin

    from generator.text.slug import _syllables

    rng = random.Random(14)
    alphabet = [chr(c) for c in range(0x4E00, 0xA000, 7)] + list("行长重乐了和的地得说 PPPab019-，。、（）《》·ü\n")
    texts = ["中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报", "银行行长重新长大", "关于2024年PPP项目",
             *("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(2000))]
    for text in texts + texts:
        assert _syllables(text) == lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: chars), text
