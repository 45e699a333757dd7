"""`notices import` end to end: a published notice becomes a draft that the check accepts, or
rejects only where a person must decide."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import BUILD_ENV, ROOT, check

SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def notices_import(project, source, *extra):
    result = subprocess.run([sys.executable, "-m", "generator.cli", "import", str(source), *extra], cwd=project,
                            capture_output=True, text=True, env=BUILD_ENV)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout.splitlines()


def test_seed_001_imports_into_a_draft_that_passes_the_check(project):
    code, lines = notices_import(project, SEEDS / "001_bef52ce6328c5e71.txt")
    assert code == 0
    assert ("识别结果：标题“中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报”；"
            "3 个方面，28 个问题，116 条措施") in lines
    assert "  ICP备案号：皖ICP备17015173号-1" in lines
    drafts = sorted(p.relative_to(project).as_posix() for p in (project / "notices").rglob("*.*"))
    stem = ("notices/2024/zhong-gong-da-guan-qu-wei-guan-yu-cheng-shi-lv-hua-gong-cheng-ling-yu-"
            "zhuan-xiang-xun-cha-zheng-gai-jin-zhan-qing-kuang-de-tong-bao")
    assert drafts == [f"{stem}.md", f"{stem}.yml"]
    assert check(project) == (0, ["检查通过：1 篇通报，0 个警告。"])


def test_seed_000_draft_fails_only_where_a_person_must_decide(project):
    code, lines = notices_import(
        project, SEEDS / "000_eb92022e2d7c0fef.txt", "--out", "notices/2023", "--name", "donghu"
    )
    assert code == 0
    assert "已删除的垃圾信息（4 处，未写入草稿）：" in lines
    draft = (project / "notices" / "2023" / "donghu.yml").read_text(encoding="utf-8") + \
        (project / "notices" / "2023" / "donghu.md").read_text(encoding="utf-8")
    for spam in ("shadowrocket", "节点都没有了", "共享账号"):
        assert spam not in draft
    code, lines = check(project)
    assert code == 1
    assert [line.split(": error: ")[1] for line in lines[:-1]] == [
        "这是导入时留下的占位文字“待编辑填写：原文标题缺失”：请按原文填写；原文没有的内容不要自拟",
        "这是导入时留下的占位文字“待编辑填写：发布机构”：请按原文填写；原文没有的内容不要自拟",
        "这是导入时留下的占位文字“待编辑填写：地区”：请按原文填写；原文没有的内容不要自拟",
        "通报称有 3 个方面，aspects 中列了 1 个",  # headings (二)(三) were lost: the editor adds them
    ]


def test_import_refuses_bad_input_with_a_message(project, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, lines = notices_import(project, empty)
    assert code == 1 and lines[0].startswith(f"error: 无法导入“{empty}”：")
    code, lines = notices_import(project, SEEDS / "001_bef52ce6328c5e71.txt")
    code, lines = notices_import(project, SEEDS / "001_bef52ce6328c5e71.txt")
    assert code == 1 and lines[0].startswith("error: 草稿文件已存在：")


@pytest.mark.parametrize("name", ["../outside", "sub/dir", "", "Daguan"])
def test_a_draft_name_that_is_not_a_plain_url_name_is_refused(project, name):
    code, lines = notices_import(project, SEEDS / "001_bef52ce6328c5e71.txt", "--name", name)
    assert (code, lines) == (1, [f"error: 草稿名称“{name}”不可用：只能用小写字母、数字和连字符（-），"
                                 "如 daguan-lvhua-zhenggai；草稿写在 --out 指定的文件夹里"])
    assert not list((project / "notices").rglob("*.yml")) and not (project / "outside.yml").exists()


def test_a_draft_without_a_found_date_waits_in_undated(project):
    source = ROOT / "tests" / "fixtures" / "import_corpus" / "anqing-jiaotong-2025.txt"
    code, lines = notices_import(project, source, "--name", "anqing")
    assert code == 0
    assert lines[1:4] == ["草稿已写入：", "  notices/undated/anqing.yml", "  notices/undated/anqing.md"]
    assert not any(path.parent.name.isdigit() for path in (project / "notices").rglob("*.yml"))
