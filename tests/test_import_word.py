"""`notices import` of Word documents (and PDF files): the draft an editor gets, and the messages for
files it cannot read.

Every .docx here is built in the test with python-docx, the way a unit's Word file looks: typed
numbering, Word's automatic numbering (written into numbering.xml, for which python-docx has no API),
a 整改台账 table, bold headings and the signature block at the end.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from ruamel.yaml import YAML

from conftest import BUILD_ENV, check
from generator.cli import main
from generator.importing.importer import ImportFailed, format_report, import_notice, write_draft
from generator.importing.word import format_number, read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OPENING = ("根据区委统一部署，2024年3月1日至4月28日，区委第二巡察组对区住建局党组开展了常规巡察。"
           "6月12日，巡察组向区住建局党组反馈了巡察意见，指出3个方面4个问题。现将整改情况予以公布。")
CONTACT = "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0556-5502613；电子邮箱：zjjzg@163.com。"


# ---------------------------------------------------------------------------------------------
# building Word files

def new_document(*title_lines: str) -> docx.Document:
    """A document opening with its title, centred (two lines when Word wraps it by hand)."""
    document = docx.Document()
    for line in title_lines:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    return document


def bold(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def sign(document, unit: str = "中共××委员会", date: str = "2024年12月24日") -> None:
    for line in (unit, date):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def set_numbering(document, xml: str) -> None:
    """Word's list definitions (numbering.xml): python-docx has no API for them, so the test writes the part."""
    document.part.numbering_part._element = parse_xml(f"<w:numbering {W}>{xml}</w:numbering>")


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, suffix: str = "nothing", extra: str = "") -> str:
    """One level of a Word list: number format, the text around the number (%1 …), start value, what follows it."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>{extra}<w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>')


def numbered(document, text: str, num: int, level: int = 0, style: str | None = None):
    """A paragraph in Word's list ``num`` at ``level``: the number is not in the text."""
    paragraph = document.add_paragraph(text, style=style)
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num
    return paragraph


def numbering_style(document, style_id: str, num: int):
    """A paragraph style that carries list ``num`` (the level comes from the list's pStyle)."""
    style = document.styles.add_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num
    return style


def table(document, rows: list[list[str]]):
    """A table; a cell text with "\\n" holds several paragraphs."""
    made = document.add_table(rows=len(rows), cols=len(rows[0]))
    made.style = "Table Grid"
    for row, values in zip(made.rows, rows):
        for cell, value in zip(row.cells, values):
            paragraphs = value.split("\n")
            cell.text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    return made


def save(document, path: Path) -> Path:
    document.save(path)
    return path


def notices_import(project: Path, source: Path, *extra: str) -> tuple[int, list[str]]:
    done = subprocess.run([sys.executable, "-m", "generator.cli", "import", str(source), *extra], cwd=project,
                          capture_output=True, text=True, env=BUILD_ENV)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout.splitlines()


def draft(project: Path, name: str) -> tuple[dict, str, str]:
    """The draft as the editor opens it: the YAML's data, the YAML text, the Markdown body."""
    yml = next((project / "notices").rglob(f"{name}.yml"))
    text = yml.read_text(encoding="utf-8")
    return YAML(typ="safe").load(text), text, yml.with_suffix(".md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# numbering typed into the text, bold headings, the signature block

def typed_notice(path: Path) -> Path:
    document = new_document("关于区委第二巡察组巡察反馈意见", "整改进展情况的通报")
    document.add_paragraph(OPENING)
    bold(document, "一、整改工作开展情况")
    document.add_paragraph("局党组召开专题会议5次，研究部署整改工作。")
    bold(document, "二、整改落实情况")
    bold(document, "（一）政治建设方面")
    document.add_paragraph("1.学习贯彻不深入。一是制定学习计划。二是开展专题研讨3次。")
    document.add_paragraph("2.项目推进缓慢。责任单位：规划股；整改时限：2025年6月30日；整改状态：正在整改。一是建立周调度机制。")
    bold(document, "（二）作风建设方面")
    document.add_paragraph("1.公务接待不规范。整改状态：已完成。一是修订公务接待办法。")
    bold(document, "（三）管党治党方面")
    document.add_paragraph("1.“三重一大”执行不到位。整改状态：已完成。一是修订决策制度。")
    bold(document, "三、下一步工作打算")
    bold(document, "巩固整改成果")
    document.add_paragraph("持续巩固整改成果，建立长效机制。")
    document.add_paragraph(CONTACT)
    sign(document)
    return save(document, path)


def test_typed_numbering_bold_headings_and_signature(project, tmp_path):
    code, lines = notices_import(project, typed_notice(tmp_path / "通报.docx"), "--name", "zhujian")
    assert code == 0
    assert "识别结果：标题“关于区委第二巡察组巡察反馈意见整改进展情况的通报”；3 个方面，4 个问题，5 条措施" in lines
    data, text, body = draft(project, "zhujian")
    assert (data["publisher"], data["published"]) == ("中共××委员会", dt.date(2024, 12, 24))
    assert data["inspection"] == {"team": "区委第二巡察组", "start": dt.date(2024, 3, 1), "end": dt.date(2024, 4, 28),
                                  "feedback": dt.date(2024, 6, 12)}
    assert [a["title"] for a in data["aspects"]] == ["政治建设方面", "作风建设方面", "管党治党方面"]
    assert [(p["aspect"], p["title"], p["status"]) for p in data["problems"]] == [
        (1, "学习贯彻不深入", "未载明"), (1, "项目推进缓慢", "正在整改"),
        (2, "公务接待不规范", "已完成"), (3, "“三重一大”执行不到位", "已完成")]
    assert data["problems"][1]["due"] == dt.date(2025, 6, 30)
    assert "### 巩固整改成果" in body  # a bold line is a heading of the body
    assert "### 三、下一步工作打算" in body
    assert body.rstrip().endswith("中共××委员会\n\n2024年12月24日")
    assert "  1. 发布机构（publisher）取自文末落款“中共××委员会”，请核对" in lines
    assert any(line.endswith("发布日期（published）取自文末落款日期“2024年12月24日”（成文日期）；"
                             "如网站上的发布日期不同，请改正")
               for line in lines)
    assert any("标题在 Word 中分为 2 行（“关于区委第二巡察组巡察反馈意见”“整改进展情况的通报”），"
               "已合并为一行，请核对" in line
               for line in lines)


# ---------------------------------------------------------------------------------------------
# Word's automatic numbering: the numbers live in numbering.xml, not in the text

NOTICE_LIST = (  # 一、 sections, （一） aspects, 1. problems (the ProblemTitle style's level), （1） measures
    '<w:abstractNum w:abstractNumId="10">'
    + lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
    + lvl(2, "decimal", "%3.", suffix="tab", extra='<w:pStyle w:val="ProblemTitle"/>') + lvl(3, "decimal", "（%4）")
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
)


def auto_numbered_notice(path: Path) -> Path:
    document = new_document("中共某某区委关于区委第二轮巡察整改进展情况的通报")
    set_numbering(document, NOTICE_LIST)
    numbering_style(document, "ProblemTitle", 1)  # problem titles: numbered by their style
    document.add_paragraph(OPENING)
    numbered(document, "整改工作开展情况", 1, 0)
    document.add_paragraph("局党组召开专题会议5次，研究部署整改工作。")
    numbered(document, "整改落实情况", 1, 0)
    numbered(document, "政治建设方面", 1, 1)
    document.add_paragraph("学习贯彻不深入", style="ProblemTitle")
    numbered(document, "制定党组理论学习中心组学习计划。", 1, 3)
    numbered(document, "开展专题研讨3次。", 1, 3)
    document.add_paragraph("项目推进缓慢", style="ProblemTitle")
    numbered(document, "建立项目周调度机制。", 1, 3)
    numbered(document, "作风建设方面", 1, 1)
    document.add_paragraph("公务接待不规范", style="ProblemTitle")
    numbered(document, "修订《公务接待管理办法》。", 1, 3)
    numbered(document, "管党治党方面", 1, 1)
    document.add_paragraph("“三重一大”制度执行不到位", style="ProblemTitle")
    numbered(document, "修订“三重一大”事项决策制度。", 1, 3)
    numbered(document, "对近三年决策事项开展自查。", 1, 3)
    numbered(document, "下一步工作打算", 1, 0)
    document.add_paragraph("持续巩固整改成果。")
    sign(document, "中共某某区委")
    return save(document, path)


def test_automatic_numbering_is_read_as_word_shows_it(tmp_path):
    document = read_document(auto_numbered_notice(tmp_path / "auto.docx"))
    assert document.lines[2:] == [
        "一、整改工作开展情况",
        "局党组召开专题会议5次，研究部署整改工作。",
        "二、整改落实情况",
        "（一）政治建设方面",
        "1.学习贯彻不深入",  # the tab Word puts after the number is left out
        "（1）制定党组理论学习中心组学习计划。",
        "（2）开展专题研讨3次。",
        "2.项目推进缓慢",
        "（1）建立项目周调度机制。",
        "（二）作风建设方面",
        "1.公务接待不规范",  # a level restarts after a higher level
        "（1）修订《公务接待管理办法》。",
        "（三）管党治党方面",
        "1.“三重一大”制度执行不到位",
        "（1）修订“三重一大”事项决策制度。",
        "（2）对近三年决策事项开展自查。",
        "三、下一步工作打算",
        "持续巩固整改成果。",
        "中共某某区委",
        "2024年12月24日",
    ]


def test_automatic_numbering_makes_the_outline_of_the_draft(project, tmp_path):
    code, lines = notices_import(project, auto_numbered_notice(tmp_path / "auto.docx"), "--name", "auto")
    assert code == 0
    assert "识别结果：标题“中共某某区委关于区委第二轮巡察整改进展情况的通报”；3 个方面，4 个问题，6 条措施" in lines
    data, _, body = draft(project, "auto")
    assert data["publisher"] == "中共某某区委"
    assert [(p["number"], p["aspect"], p["title"], len(p["measures"])) for p in data["problems"]] == [
        (1, 1, "学习贯彻不深入", 2), (2, 1, "项目推进缓慢", 1), (3, 2, "公务接待不规范", 1),
        (4, 3, "“三重一大”制度执行不到位", 2)]
    assert data["problems"][3]["measures"] == ["修订“三重一大”事项决策制度。", "对近三年决策事项开展自查。"]
    assert body.startswith(OPENING + "\n\n### 一、整改工作开展情况\n\n局党组召开专题会议5次")
    assert "### 三、下一步工作打算" in body


def test_start_values_overrides_restarts_and_legal_numbering(tmp_path):
    document = new_document()
    set_numbering(document, (
        '<w:abstractNum w:abstractNumId="1">'  # starts at 5; its second level never restarts
        + lvl(0, "decimal", "%1.", start=5)
        + lvl(1, "decimal", "%1.%2", suffix="space", extra='<w:lvlRestart w:val="0"/>')
        + '</w:abstractNum><w:abstractNum w:abstractNumId="2">'  # legal numbering: 1.1 under 第一条
        + lvl(0, "chineseCounting", "第%1条", suffix="space")
        + lvl(1, "decimal", "%1.%2", suffix="space", extra="<w:isLgl/>")
        + '</w:abstractNum><w:abstractNum w:abstractNumId="3">'
        + lvl(0, "ideographTraditional", "%1、")
        + '</w:abstractNum>'
        '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/>'  # 重新开始编号: the same list, started again at 1
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>'
    ))
    numbering_style(document, "Listed", 7)
    for text, num, level in [("甲", 4, 0), ("甲一", 4, 1), ("乙", 4, 0), ("乙一", 4, 1), ("丙", 4, 0),
                             ("重新编号", 5, 0), ("续编", 5, 0), ("条", 6, 0), ("款", 6, 1), ("款", 6, 1)]:
        numbered(document, text, num, level)
    document.add_paragraph("样式编号", style="Listed")
    document.add_paragraph("样式编号", style="Listed")
    unnumbered = document.add_paragraph("去掉样式的编号", style="Listed")
    unnumbered._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 0
    document.add_paragraph("", style="Listed")  # an empty numbered paragraph counts, but has no text
    document.add_paragraph("样式编号", style="Listed")
    lines = read_document(save(document, tmp_path / "lists.docx")).lines
    assert lines == ["5.甲", "5.1 甲一", "6.乙", "6.2 乙一", "7.丙", "1.重新编号", "2.续编", "第一条 条",
                     "1.1 款", "1.2 款", "甲、样式编号", "乙、样式编号", "去掉样式的编号", "丁、样式编号"]


@pytest.mark.parametrize("number, fmt, shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (99, "chineseCounting", "九十九"), (100, "chineseCounting", "一〇〇"),
    (105, "chineseCountingThousand", "一百零五"), (110, "chineseCountingThousand", "一百一十"),
    (12, "chineseLegalSimplified", "壹拾贰"), (3, "ideographTraditional", "丙"), (2, "ideographZodiac", "丑"),
    (3, "decimalEnclosedCircle", "③"), (3, "decimalEnclosedCircleChinese", "③"), (12, "decimalFullWidth", "１２"),
    (4, "lowerRoman", "iv"), (27, "upperLetter", "AA"), (7, "decimalZero", "07"), (3, "none", ""),
])
def test_number_formats(number, fmt, shown):
    assert format_number(number, fmt) == shown


# ---------------------------------------------------------------------------------------------
# a 整改台账 table

def ledger_notice(path: Path) -> Path:
    document = new_document("关于区委第二巡察组反馈意见整改情况的通报")
    document.add_paragraph(OPENING.replace("3个方面", "2个方面"))
    bold(document, "一、整改落实情况")
    document.add_paragraph("对照巡察反馈的问题，逐项制定整改措施，具体见下表。")
    ledger = table(document, [
        ["区住建局巡察反馈问题整改台账", "", "", "", "", "", "", ""],
        ["编号", "责任部门", "反馈问题", "整改举措", "完成时限", "整改进展", "责任人", "备注"],
        ["一、政治建设方面", "", "", "", "", "", "", ""],
        ["1", "办公室", "学习贯彻不深入。党组理论学习中心组学习不系统。", "1.制定学习计划。\n2.开展专题研讨3次。",
         "2024年6月底", "已完成", "张某", ""],
        ["2", "规划股\n建设股", "项目推进缓慢", "建立项目周调度机制。", "2025年6月30日", "整改中", "李某", "跨年度"],
        ["", "", "", "约谈施工单位5家。", "", "", "", ""],
        ["二、作风建设方面", "", "", "", "", "", "", ""],
        ["3", "财务股", "公务接待不规范", "修订公务接待办法。", "长期坚持", "持续整改", "王某", ""],
        ["4", "机关党委", "“三重一大”执行不到位", "修订决策制度。", "2024年12月", "已完成。已修订《决策规则》",
         "赵某", ""],
    ])
    ledger.cell(0, 0).merge(ledger.cell(0, 7))  # the table's title row
    ledger.cell(2, 0).merge(ledger.cell(2, 7))  # an aspect heading across the table
    ledger.cell(6, 0).merge(ledger.cell(6, 7))
    for column in (0, 1, 2, 4, 5, 6, 7):  # problem 2 spans two rows: a second measure in its own row
        ledger.cell(4, column).merge(ledger.cell(5, column))
    document.add_paragraph(CONTACT)
    sign(document)
    return save(document, path)


def test_ledger_table_rows_become_the_problems(project, tmp_path):
    code, lines = notices_import(project, ledger_notice(tmp_path / "台账.docx"), "--name", "taizhang")
    assert code == 0
    assert "识别结果：标题“关于区委第二巡察组反馈意见整改情况的通报”；2 个方面，4 个问题，7 条措施" in lines
    data, _, body = draft(project, "taizhang")
    assert data["aspects"] == [{"number": 1, "title": "政治建设方面"}, {"number": 2, "title": "作风建设方面"}]
    assert data["problems"] == [
        {"number": 1, "aspect": 1, "title": "学习贯彻不深入", "description": "党组理论学习中心组学习不系统。",
         "responsible_unit": "办公室", "responsible_leader": "张某", "due": dt.date(2024, 6, 30), "status": "已完成",
         "measures": ["制定学习计划。", "开展专题研讨3次。"]},
        {"number": 2, "aspect": 1, "title": "项目推进缓慢", "responsible_unit": "规划股、建设股",
         "responsible_leader": "李某", "due": dt.date(2025, 6, 30), "status": "正在整改",
         "measures": ["建立项目周调度机制。", "约谈施工单位5家。"]},
        {"number": 3, "aspect": 2, "title": "公务接待不规范", "responsible_unit": "财务股",
         "responsible_leader": "王某", "status": "正在整改", "measures": ["修订公务接待办法。"]},
        {"number": 4, "aspect": 2, "title": "“三重一大”执行不到位", "responsible_unit": "机关党委",
         "responsible_leader": "赵某", "due": dt.date(2024, 12, 31), "status": "已完成",
         "measures": ["修订决策制度。", "已修订《决策规则》"]},
    ]
    assert ("### 一、整改落实情况\n\n对照巡察反馈的问题，逐项制定整改措施，具体见下表。\n\n"
            "区住建局巡察反馈问题整改台账\n\n") in body
    report = "\n".join(lines)
    for note in [
        "问题清单取自文档中的第1个表格（整改台账，表头“编号、责任部门、反馈问题、整改举措、完成时限、整改进展、责任人、备注”），"
        "共4个问题，请对照原表核对",
        "第1个问题的整改时限“2024年6月底”按当月最后一天填入 due（2024-06-30），请核对",
        "第2个问题的“备注”栏（“跨年度”）在草稿中没有对应的项目，未写入草稿，请编辑决定",
        "第3个问题的整改时限“长期坚持”不是具体日期，due 未填写",
        "第3个问题尚未完成，但原文没有写整改时限：请按原件填写 due，检查才能通过",
        "第4个问题的整改时限“2024年12月”按当月最后一天填入 due（2024-12-31），请核对",
        "第4个问题完成情况栏中“已完成”以外的文字（“已修订《决策规则》…”）作为最后一条措施写入，请核对",
    ]:
        assert note in report


@pytest.mark.parametrize("written, status", [
    ("已完成", "已完成"), ("已整改", "已完成"), ("完成", "已完成"), ("基本完成", "基本完成"),
    ("正在整改", "正在整改"), ("整改中", "正在整改"), ("持续整改", "正在整改"), ("未完成", "未完成"),
    ("长期坚持", "长期坚持"), ("完成80%", "未载明"),
])
def test_ledger_status_words(tmp_path, written, status):
    document = new_document("关于某某巡察整改情况的通报")
    document.add_paragraph(OPENING)
    table(document, [["序号", "问题", "整改措施", "完成情况"], ["1", "学习贯彻不深入", "制定学习计划。", written]])
    result = import_notice(save(document, tmp_path / "status.docx"))
    assert result.notice["problems"][0]["status"] == status
    if status == "未载明":
        assert (f"第1个问题的完成情况“{written}”不是状态词表中的写法：status 填“未载明”，请编辑按原文决定"
                in result.unplaced)


def test_ledger_with_an_aspect_column(tmp_path):
    document = new_document("关于某某巡察整改情况的通报")
    document.add_paragraph(OPENING.replace("3个方面", "2个方面"))
    ledger = table(document, [
        ["序号", "问题类别", "问题描述", "整改措施", "牵头单位", "整改时限"],
        ["1", "（一）政治建设方面", "学习贯彻不深入", "制定学习计划。", "办公室", "2024年底"],
        ["2", "", "项目推进缓慢", "建立周调度机制。", "规划股", "2024-09-30"],
        ["3", "（二）作风建设方面", "公务接待不规范", "修订接待办法。", "财务股", "立行立改"],
    ])
    ledger.cell(1, 1).merge(ledger.cell(2, 1))
    result = import_notice(save(document, tmp_path / "aspects.docx"))
    assert result.notice["aspects"] == [{"number": 1, "title": "政治建设方面"}, {"number": 2, "title": "作风建设方面"}]
    assert [(p["aspect"], p["title"], p.get("due")) for p in result.notice["problems"]] == [
        (1, "学习贯彻不深入", dt.date(2024, 12, 31)), (1, "项目推进缓慢", dt.date(2024, 9, 30)),
        (2, "公务接待不规范", None)]
    assert "第1个问题的整改时限“2024年底”按当年最后一天填入 due（2024-12-31），请核对" in result.unplaced
    assert "第3个问题的整改时限“立行立改”不是具体日期，due 未填写" in result.unplaced


def test_nothing_in_the_document_is_lost(tmp_path):
    """Every clause of every paragraph and table cell is in the YAML, the body or the report."""
    source = ledger_notice(tmp_path / "台账.docx")
    result = import_notice(source)
    yml, md = write_draft(result, tmp_path / "out")
    seen = yml.read_text(encoding="utf-8") + md.read_text(encoding="utf-8") + format_report(result)
    # What the draft writes in its own way: labels become keys, dates ISO dates, status words the vocabulary's.
    written_as = {"联系电话": "phone:", "电子邮箱": "email:", "2025年6月30日": "2025-06-30", "整改中": "正在整改",
                  "持续整改": "正在整改"}
    header = {"编号", "责任部门", "反馈问题", "整改举措", "完成时限", "整改进展", "责任人", "备注"}
    word = docx.Document(str(source))
    texts = [p.text for p in word.paragraphs] + [cell.text for t in word.tables for row in t.rows for cell in row.cells]
    clauses = {re.sub(r"^\d+\.", "", clause) for text in texts for clause in re.split(r"[\n。；，、：]", text)}
    missing = [c for c in clauses - header if c and c not in seen and written_as.get(c, "\0") not in seen]
    assert missing == []


def test_spam_in_a_ledger_cell_is_removed_and_reported(tmp_path):
    document = new_document("关于某某巡察整改情况的通报")
    document.add_paragraph(OPENING)
    table(document, [["序号", "问题", "整改措施", "完成情况"],
                      ["1", "学习贯彻不深入", "制定学习计划shadowrocket节点都没有了。", "已完成"]])
    result = import_notice(save(document, tmp_path / "spam.docx"))
    assert result.notice["problems"][0]["measures"] == ["制定学习计划。"]
    assert [f.text for f in result.spam_removed] == ["shadowrocket节点都没有了"]


def test_hidden_text_and_tracked_changes_are_reported(tmp_path):
    document = new_document("关于某某巡察整改情况的通报")
    paragraph = document.add_paragraph(OPENING)
    paragraph.add_run("赌场网址").font.hidden = True
    revised = document.add_paragraph()
    revised._p.append(parse_xml(f'<w:ins {W} w:id="1" w:author="编辑">'
                                '<w:r><w:t>修订后加入的文字。</w:t></w:r></w:ins>'))
    revised._p.append(parse_xml(f'<w:del {W} w:id="2" w:author="编辑">'
                                '<w:r><w:delText>删掉的文字。</w:delText></w:r></w:del>'))
    result = import_notice(save(document, tmp_path / "hidden.docx"))
    assert "赌场" not in result.body_markdown
    assert "修订后加入的文字。" in result.body_markdown and "删掉的文字" not in result.body_markdown
    assert "Word 文档中有隐藏的文字（不显示、不打印），未写入草稿：“赌场网址”" in result.unplaced
    assert "文档中有修订标记：按接受全部修订后的文字导入（删除的文字未写入），请核对" in result.unplaced


def test_page_header_and_footer_text_is_listed(tmp_path):
    document = new_document("关于某某巡察整改情况的通报")
    document.add_paragraph(OPENING)
    document.sections[0].header.paragraphs[0].text = "某某区住房和城乡建设局"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"  # a page number: not worth a note
    result = import_notice(save(document, tmp_path / "header.docx"))
    assert "Word 文档页眉中的文字未写入草稿，如属通报内容请补入：“某某区住房和城乡建设局”" in result.unplaced
    assert not any("页脚" in line for line in result.unplaced)


def test_an_ordinary_table_is_read_cell_by_cell(tmp_path):
    document = new_document("关于某某巡察整改情况的通报")
    document.add_paragraph(OPENING)
    table(document, [["会议", "次数"], ["专题民主生活会", "1次"]])
    document.add_paragraph("以上会议均形成了会议纪要。")
    result = import_notice(save(document, tmp_path / "table.docx"))
    assert "专题民主生活会\n\n1次" in result.body_markdown


def test_word_draft_passes_the_check_once_the_region_is_filled_in(project, tmp_path):
    code, _ = notices_import(project, auto_numbered_notice(tmp_path / "auto.docx"), "--name", "auto")
    assert code == 0
    yml = next((project / "notices").rglob("auto.yml"))
    yml.write_text(yml.read_text(encoding="utf-8").replace("待编辑填写：地区", "安徽省安庆市大观区"), encoding="utf-8")
    assert check(project) == (0, ["检查通过：1 篇通报，0 个警告。"])


# ---------------------------------------------------------------------------------------------
# files that cannot be read: the exact message, exit code 1, no traceback

def zip_file(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def with_part(source: Path, path: Path, name: str, data: bytes) -> Path:
    """A copy of ``source`` with one part replaced."""
    with zipfile.ZipFile(source) as original:
        members = {info.filename: original.read(info) for info in original.infolist()}
    members[name] = data
    return zip_file(path, members)


def plain_docx(path: Path) -> Path:
    document = new_document("关于某某巡察整改情况的通报")
    document.add_paragraph(OPENING)
    return save(document, path)


def ole_file(path: Path, *streams: str) -> Path:
    """An OLE compound file (old Office format) whose directory names ``streams``."""
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + bytes(64) for name in ("Root Entry", *streams))
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + directory + bytes(1024))
    return path


def minimal_pdf(path: Path, lines: list[tuple[int, int, str]]) -> Path:
    """A one-page PDF whose text layer holds ``lines`` (x, y, text) in a standard Chinese font (no picture)."""
    shown = [f"BT /F1 12 Tf {x} {y} Td <{text.encode('utf-16-be').hex()}> Tj ET" for x, y, text in lines]
    stream = "\n".join(shown).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


HOSTILE = {
    "not-a-zip": (lambda tmp: _write(tmp / "坏文件.docx", b"PK\x03\x04" + b"\x00" * 300),
                  "文件以 .docx 的文件头开始，但不是完整的 Word 文档（压缩包已损坏或不完整，可能没有下载完）："
                  "请在 Word/WPS 中打开，另存为 .docx 后再导入"),
    "zip-bomb": (lambda tmp: zip_file(tmp / "炸弹.docx", {"[Content_Types].xml": b"<Types/>",
                                                          "word/document.xml": b"\0" * (40 * 1024 * 1024)}),
                 "压缩包中的“word/document.xml”解压后有 41,943,040 字节，远超一份通报的大小（疑似“压缩炸弹”），未解压："
                 "请确认文件来源；如确是通报，请在 Word/WPS 中打开后另存为 .docx 再导入"),
    "zip-bomb-by-ratio": (lambda tmp: zip_file(tmp / "炸弹2.docx",
                                               {"word/media/image1.png": b"\0" * (5 * 1024 * 1024)}),
                          "压缩包中的“word/media/image1.png”解压后有 5,242,880 字节，"
                          "远超一份通报的大小（疑似“压缩炸弹”），未解压："
                          "请确认文件来源；如确是通报，请在 Word/WPS 中打开后另存为 .docx 再导入"),
    "no-text": (lambda tmp: save(new_document(), tmp / "空白.docx"), "这份 Word 文档里没有文字：请确认选对了文件"),
    "malformed-xml": (lambda tmp: with_part(plain_docx(tmp / "a.docx"), tmp / "损坏.docx", "word/document.xml",
                                            b"<?xml version='1.0'?>\n<w:document " + W.encode() + b"><w:body><w:p>"),
                      "Word 文档的内容（word/document.xml）已损坏，XML 格式错误（第 2 行）："
                      "请在 Word/WPS 中打开，另存为 .docx 后再导入"),
    "entity-bomb": (lambda tmp: with_part(plain_docx(tmp / "a.docx"), tmp / "实体.docx", "word/document.xml",
                                          b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                                          b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'),
                    "Word 文档中的“word/document.xml”含有 XML 实体声明"
                    "（Word 不会写出这种内容，可能是恶意文件），未读取："
                    "请确认文件来源，或在 Word/WPS 中另存为 .docx 后再导入"),
    "encrypted": (lambda tmp: ole_file(tmp / "加密.docx", "EncryptionInfo", "EncryptedPackage"),
                  "这份 Word 文档设有打开密码（已加密），无法读取："
                  "请在 Word/WPS 中打开，取消密码后另存为 .docx 再导入"),
    "old-doc": (lambda tmp: ole_file(tmp / "旧版.doc", "WordDocument", "1Table"),
                "这是旧版 Word 文档（.doc），无法直接读取：请在 Word/WPS 中另存为 .docx 后再导入"),
    "excel": (lambda tmp: zip_file(tmp / "台账.xlsx", {"[Content_Types].xml": b"<Types/>",
                                                      "xl/workbook.xml": b"<workbook/>"}),
              "这是 Excel 表格（.xlsx），不是 Word 文档：请把通报正文和整改台账放在 Word 文档（.docx）里再导入"),
    "scanned-pdf": (lambda tmp: minimal_pdf(tmp / "扫描件.pdf", []),
                    "这份 PDF 没有文字层（可能是扫描件，只有图片）：图片里的文字无法导入，请提供 Word 或文字版的通报"),
    "broken-pdf": (lambda tmp: _write(tmp / "坏.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50),
                   "这份 PDF 已损坏，无法读取（PdfminerException）：请重新下载，或提供 Word、文字版的通报"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", HOSTILE)
def test_files_that_cannot_be_read_get_a_clear_message(project, tmp_path, case, capsys, monkeypatch):
    make, message = HOSTILE[case]
    source = make(tmp_path)
    monkeypatch.chdir(project)
    assert main(["import", str(source)]) == 1  # in this process: an exception would fail the test
    assert capsys.readouterr().out.splitlines() == [f"error: 无法导入“{source}”：{message}"]
    assert not list((project / "notices").rglob("*.yml"))


def test_the_command_prints_the_message_without_a_traceback(project, tmp_path):
    source = HOSTILE["old-doc"][0](tmp_path)
    assert notices_import(project, source) == (1, [f"error: 无法导入“{source}”：{HOSTILE['old-doc'][1]}"])


def test_the_bomb_is_refused_before_anything_is_extracted(tmp_path, monkeypatch):
    source = HOSTILE["zip-bomb"][0](tmp_path)
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("a part was extracted"))
    with pytest.raises(ImportFailed, match="疑似“压缩炸弹”"):
        import_notice(source)


def test_a_part_bigger_than_its_header_says_is_not_read_past_the_cap(tmp_path, monkeypatch):
    from generator.importing import word

    monkeypatch.setattr(word, "MAX_PART_BYTES", 1000)
    monkeypatch.setattr(word, "MAX_TOTAL_BYTES", 10**9)
    source = plain_docx(tmp_path / "big.docx")
    with zipfile.ZipFile(source) as archive:
        sizes = [info.file_size for info in archive.infolist()]
    assert max(sizes) > 1000
    with pytest.raises(ImportFailed, match="疑似“压缩炸弹”"):
        import_notice(source)


def test_pdf_with_a_text_layer_is_imported(tmp_path):
    source = minimal_pdf(tmp_path / "通报.pdf", [
        (72, 780, "关于某某巡察整改情况的通报"),
        (96, 750, "根据区委统一部署，2024年3月1日至4月28日，区委第二巡"),  # a paragraph over two lines
        (72, 735, "察组对区住建局党组开展了常规巡察。"),
        (96, 720, "一、学习贯彻不深入。一是制定学习计划。"),
        (280, 60, "- 1 -"),
    ])
    result = import_notice(source)
    assert result.notice["title"] == "关于某某巡察整改情况的通报"
    assert result.notice["inspection"]["team"] == "区委第二巡察组"
    assert result.notice["problems"][0]["title"] == "学习贯彻不深入"
    assert "PDF 中的页码（- 1 -）未写入草稿" in result.unplaced
    assert any(line.startswith("正文取自 PDF 的文字层") for line in result.unplaced)
