"""What an editor sees from generator.check.personal_data: exact spans and reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.personal_data import find_personal_data, id_check_char, is_valid_id
from generator.check.spam import Finding

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seeds"

VALID_ID = "11010519491231002X"  # weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2: sum 167, 167 % 11 = 2 -> X
MOBILE_REASON = "疑似个人手机号码“{}”（个人信息）：个人号码公开前请删除；如是单位对外公开的联系电话，请加入允许列表"


def with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


def test_check_character():
    assert id_check_char("11010519491231002") == "X"
    assert with_check("34082219900307123") == "340822199003071236"


def test_valid_id_number_is_flagged():
    text = f"举报人身份证号{VALID_ID}，住址略"
    assert find_personal_data(text) == [
        Finding(7, 25, VALID_ID, f"疑似居民身份证号码“{VALID_ID}”（个人信息）：公开前请删除，或隐去出生日期，"
                                 "写成“110105********002X”")
    ]


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check digit
        with_check("99010519491231002"),  # no such province
        with_check("11010519490230002"),  # 30 February
        with_check("11010520991231002"),  # born in the future
    ],
)
def test_implausible_id_numbers_are_not_flagged(number):
    assert not is_valid_id(number)
    assert find_personal_data(f"编号{number}。") == []


def test_id_number_inside_a_longer_digit_run_is_not_flagged():
    assert find_personal_data(f"流水号9{VALID_ID[:-1]}0") == []


def test_mobile_numbers_are_flagged():
    text = "联系人手机13912345678，备用139-1234-5678。"
    assert find_personal_data(text) == [
        Finding(5, 16, "13912345678", MOBILE_REASON.format("13912345678")),
        Finding(19, 32, "139-1234-5678", MOBILE_REASON.format("139-1234-5678")),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "联系电话：0556-5502613；传真：0556-5586478",
        "皖公网安备 34080202000367号",
        "皖ICP备17015173号-1",
        "合同编号213912345678901",
        "共补栽1186棵，亩均税收不少于15万元/年",
    ],
)
def test_landlines_and_filing_numbers_are_not_flagged(text):
    assert find_personal_data(text) == []


def test_published_unit_number_can_be_allowed():
    assert find_personal_data("举报电话13912345678", allow=["139-1234-5678"]) == []


@pytest.mark.parametrize("name", ["000_eb92022e2d7c0fef.txt", "001_bef52ce6328c5e71.txt"])
def test_seeds_carry_no_personal_data(name):
    assert find_personal_data((FIXTURES / name).read_text(encoding="utf-8")) == []


def test_the_prefilter_knows_every_character_that_reads_as_a_digit_or_a_separator():
    """A text is searched only when it has 11 digit-like characters in a row: the prefilter's two classes are
    exactly the characters NFKC turns into an ASCII digit, or into "-" or " " (all of Unicode, this Python)."""
    import re
    import sys
    import unicodedata

    from generator.check.personal_data import DIGIT_LIKE, SEPARATOR_LIKE

    digit, separator = re.compile(f"[{DIGIT_LIKE}]"), re.compile(f"[{SEPARATOR_LIKE}]")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        normal = unicodedata.normalize("NFKC", char)
        reads_as = normal if len(normal) == 1 else char
        assert bool(digit.fullmatch(char)) == (reads_as in "0123456789"), hex(code)
        assert bool(separator.fullmatch(char)) == (reads_as in "- "), hex(code)


def test_full_width_digits_split_by_full_width_spaces_are_still_found():
    assert [f.text for f in find_personal_data("电话１３８\u3000１２３４\u3000５６７８。")] == [
        "１３８\u3000１２３４\u3000５６７８"]
