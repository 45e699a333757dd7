"""整改台账 tables → aspects and problems of the draft.

Many units publish their rectification ledger as a table: 序号 / 问题 / 整改措施 / 责任单位 / 时限 /
完成情况. The header row is recognised by its column names, in any order and with the usual variants;
each following row is a problem (a row merged across the table is an aspect heading, a row whose
problem cell is merged with the row above adds measures to that problem). Statuses are read with the
words of ``generator/data/statuses.yml``; dates such as 2024年6月底 become the month's last day, with a
note. Whatever a cell holds that the draft has no field for is listed for the editor, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.importing.labels import due_date, status_of, unstated_status
from generator.importing.measures import split_measures, split_title
from generator.importing.numerals import cn_to_int, make_date, parse_date
from generator.importing.outline import AspectDraft, Outline, ProblemDraft, is_heading, read_marker

# Column names as 整改台账 tables write them (after spaces and bracketed remarks are removed).
_COLUMNS = (
    ("number", ("序号", "编号")),
    ("aspect", ("方面", "所属方面", "问题类别", "问题类型", "类别")),
    ("problem", ("问题", "存在问题", "问题描述", "反馈问题", "问题表现", "问题清单", "问题内容")),
    ("measures", ("整改措施", "整改举措", "措施")),
    ("responsible_unit", ("责任单位", "责任部门", "牵头单位", "牵头部门", "责任主体")),
    ("responsible_leader", ("责任领导", "责任人", "牵头领导")),
    ("due", ("整改时限", "完成时限", "时限", "整改期限", "完成时间")),
    ("status", ("完成情况", "整改情况", "整改进展", "进展情况", "整改进度", "整改状态", "完成状态")),
)
_HEADER_ROWS = 4  # the header is one of the first rows (a title row may sit above it)
_MAX_HEADER_CELL = 16


@dataclass
class Cell:
    key: int | None  # the Word cell's identity (a merged cell covers several positions); None: no cell there
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.lines)


@dataclass
class Ledger:
    table: int  # which table of the document (1 = the first)
    header: list[str]  # the column names as written
    aspects: list[AspectDraft] = field(default_factory=list)
    problems: list[ProblemDraft] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # text of rows above the header (a table title)
    after_line: str | None = None  # the last line of text before the table

    def outline(self, paragraphs: list[str], from_text: Outline, headings: set[str]) -> Outline:
        """The draft's outline: problems from this table, every paragraph of text in the body."""
        outline = Outline(narrative=list(paragraphs), aspects=list(self.aspects), problems=list(self.problems))
        for paragraph in paragraphs:
            marker = read_marker(paragraph)
            if paragraph in headings or (marker and marker.kind == "cn_dun" and is_heading(marker.rest)):
                outline.headings.add(paragraph)
        where = [i for i, p in enumerate(paragraphs) if p == self.after_line]
        outline.list_at = where[-1] + 1 if where else 0
        outline.notes.append(f"问题清单取自文档中的第{self.table}个表格（整改台账，表头“{'、'.join(self.header)}”），"
                             f"共{len(self.problems)}个问题，请对照原表核对")
        numbered = [p for p in paragraphs if (m := read_marker(p)) and m.kind not in ("cn_dun", "shi")]
        if from_text.problems and len(numbered) >= 2:
            outline.notes.append(f"正文中也有编号的段落（{len(numbered)}段，如“{numbered[0][:12]}”），已按原文留在正文（.md）中；"
                                 "草稿的问题取自整改台账表格，请核对两者是否一致")
        outline.notes.extend(self.notes)
        return outline


def read_ledger(grid: list[list[Cell]], table: int) -> Ledger | None:
    """The ledger in ``grid`` (rows of cells on the table's layout grid), or None if it is not one."""
    for index, row in enumerate(grid[:_HEADER_ROWS]):
        columns = _columns(row)
        if columns is None:
            continue
        header = [cell.text for cell in _distinct(row) if cell.text]
        found = Ledger(table=table, header=header)
        for above in grid[:index]:
            for cell in _distinct(above):
                found.before.extend(cell.lines)
        _Rows(found, columns, row).read(grid[index + 1:], first_row=index + 2)
        return found
    return None


def _distinct(row: list[Cell]) -> list[Cell]:
    seen, cells = set(), []
    for cell in row:
        if cell.key is not None and cell.key not in seen:
            seen.add(cell.key)
            cells.append(cell)
    return cells


def _columns(row: list[Cell]) -> dict[str, list[int]] | None:
    """Field → grid positions, when ``row`` is a ledger's header row."""
    columns: dict[str, list[int]] = {}
    taken: dict[int, str] = {}  # cell key → field
    for position, cell in enumerate(row):
        if cell.key is None or not cell.text:
            continue
        if cell.key in taken:
            columns[taken[cell.key]].append(position)
            continue
        name = _column_name(cell.text)
        if len(cell.text) > _MAX_HEADER_CELL:
            return None
        if name is None or name in columns:
            name = f"other:{cell.text}"
        taken[cell.key] = name
        columns.setdefault(name, []).append(position)
    known = [name for name in columns if not name.startswith("other:")]
    if "problem" in known and len(known) >= 3:
        return columns
    return None


def _column_name(text: str) -> str | None:
    name = re.sub(r"[（(【\[].*?[)）】\]]|[\s*＊:：]", "", text)
    for key, names in _COLUMNS:
        if name in names:
            return key
    candidates = [(len(n), key) for key, names in _COLUMNS for n in names if len(n) >= 2 and name.endswith(n)]
    return max(candidates)[1] if candidates else None


# ---------------------------------------------------------------------------------------------
# rows

@dataclass
class _Item:
    row: int  # the row of the table where the problem starts (1 = the first row)
    aspect: int | None
    cells: dict[str, list[Cell]] = field(default_factory=dict)

    def add(self, name: str, cells: list[Cell]) -> None:
        have = self.cells.setdefault(name, [])
        keys = {cell.key for cell in have}
        have.extend(cell for cell in cells if cell.key not in keys and cell.lines)


class _Rows:
    def __init__(self, ledger: Ledger, columns: dict[str, list[int]], header: list[Cell]):
        self.ledger = ledger
        self.columns = columns
        self.header_keys = {cell.key for cell in header}
        self.header_texts = [cell.text for cell in header]
        self.items: list[_Item] = []
        self.aspect: int | None = None
        self.aspect_keys: dict[str, int] = {}

    def read(self, rows: list[list[Cell]], first_row: int) -> None:
        for offset, row in enumerate(rows):
            self._row(row, first_row + offset)
        for number, item in enumerate(self.items, start=1):
            self.ledger.problems.append(self._problem(item, number))

    def _cells(self, row: list[Cell], name: str) -> list[Cell]:
        cells = [row[p] for p in self.columns.get(name, []) if p < len(row)]
        return [cell for cell in _distinct(cells) if cell.key not in self.header_keys]

    def _row(self, row: list[Cell], row_number: int) -> None:
        filled = [cell for cell in _distinct(row) if cell.text and cell.key not in self.header_keys]
        if not filled or [cell.text for cell in row] == self.header_texts:
            return
        problem = [cell for cell in self._cells(row, "problem") if cell.text]
        if len(filled) == 1 and (not problem or self._spans_beyond_problem(row, filled[0])):
            self._aspect_row(filled[0])
            return
        previous = self.items[-1] if self.items else None
        numbered = any(cell.text for cell in self._cells(row, "number"))
        continued = previous is not None and (
            (problem and problem[0].key in {c.key for c in previous.cells.get("problem", [])})
            or (not problem and not numbered))
        if not continued and not problem:
            texts = "”“".join(cell.text for cell in filled)
            self.ledger.notes.append(f"整改台账第{row_number}行没有问题内容（“{texts[:60]}”），未作为问题写入草稿，请核对")
            return
        if continued and previous is not None:  # continued implies a previous item
            item = previous
        else:
            item = _Item(row=row_number, aspect=self._aspect_of(row))
            self.items.append(item)
        for name in self.columns:
            item.add(name, self._cells(row, name))

    def _spans_beyond_problem(self, row: list[Cell], cell: Cell) -> bool:
        """A cell merged across the table (an aspect heading), not a problem cell alone in its row."""
        positions = {p for p, other in enumerate(row) if other is cell}
        return not positions <= set(self.columns.get("problem", []))

    def _aspect_row(self, cell: Cell) -> None:
        marker = read_marker(cell.text)
        number = marker.number if marker and marker.kind in ("cn_paren", "cn_dun") else len(self.ledger.aspects) + 1
        title = (marker.rest if marker and marker.kind in ("cn_paren", "cn_dun") else cell.text).rstrip("。：:").strip()
        self.aspect = number
        self.ledger.aspects.append(AspectDraft(number, title or None))

    def _aspect_of(self, row: list[Cell]) -> int | None:
        cells = [cell for cell in self._cells(row, "aspect") if cell.text]
        if not cells:
            return self.aspect
        text = cells[0].text
        if text not in self.aspect_keys:
            marker = read_marker(text)
            number = marker.number if marker and marker.kind in ("cn_paren", "cn_dun") else len(self.ledger.aspects) + 1
            title = (marker.rest if marker and marker.kind in ("cn_paren", "cn_dun") else text).rstrip("。：:").strip()
            self.aspect_keys[text] = number
            self.ledger.aspects.append(AspectDraft(number, title or None))
        return self.aspect_keys[text]

    # -- one problem -----------------------------------------------------------------------------

    def _problem(self, item: _Item, number: int) -> ProblemDraft:
        notes = self.ledger.notes
        lines = [line for cell in item.cells.get("problem", []) for line in cell.lines]
        title, description = _title(lines)
        written = "".join(cell.text for cell in item.cells.get("number", []))
        draft = ProblemDraft(number_in_text=_number(written, number), title=title, aspect=item.aspect)
        if written and _number(written, None) is None:
            notes.append(f"第{number}个问题的序号栏“{written[:30]}”不是数字，未写入草稿，请核对")
        if description:
            draft.description = description
        draft.measures = _measures([line for cell in item.cells.get("measures", []) for line in cell.lines])
        for key in ("responsible_unit", "responsible_leader"):
            value = _joined(item.cells.get(key, []))
            if value:
                draft.labels[key] = value
        due_text = "；".join(cell.text for cell in item.cells.get("due", []))
        if due_text:
            due = _due(due_text, number, notes)
            if due:
                draft.labels["due"] = due
        status_lines = [line for cell in item.cells.get("status", []) for line in cell.lines]
        if status_lines:
            value, rest = status_of(status_lines)
            if value:
                draft.labels["status"] = value
            else:
                notes.append(f"第{number}个问题的完成情况“{'”“'.join(status_lines)[:60]}”不是状态词表中的写法："
                             f"status 填“{unstated_status()}”，请编辑按原文决定")
            if rest:
                draft.measures.append(rest)
                if value:
                    notes.append(f"第{number}个问题完成情况栏中“{value}”以外的文字（“{rest[:30]}…”）作为最后一条措施写入，请核对")
                else:
                    notes.append(f"第{number}个问题完成情况栏的文字作为最后一条措施写入，请核对")
        for name, cells in item.cells.items():
            if name.startswith("other:") and cells:
                text = "".join(cell.text for cell in cells)
                notes.append(f"第{number}个问题的“{name[6:]}”栏（“{text[:60]}”）在草稿中没有对应的项目，未写入草稿，请编辑决定")
        return draft


def _number(text: str, fallback: int | None) -> int | None:
    digits = re.sub(r"[\s.．、()（）]", "", text)
    value = cn_to_int(digits) if digits else None
    return value if value else fallback


def _title(lines: list[str]) -> tuple[str | None, str | None]:
    if not lines:
        return None, None
    first = lines[0]
    marker = read_marker(first)
    if marker and marker.kind != "shi":
        first = marker.rest
    title, rest = split_title(first)
    description = "".join(part for part in ([rest] if rest else []) + lines[1:]) or None
    return title, description


def _measures(lines: list[str]) -> list[str]:
    measures: list[str] = []
    expected = 1
    for line in lines:
        marker = read_marker(line)
        if marker and marker.kind != "shi":
            line = marker.rest
        split = split_measures(line, expected=expected)
        if split.preface:
            measures.append(split.preface)
        measures.extend(item for item in split.items if item)
        if split.items:
            expected = split.next_ordinal
    return measures


def _joined(cells: list[Cell]) -> str | None:
    parts = [line.strip(" ，,、；;。") for cell in cells for line in cell.lines]
    parts = [part for part in parts if part]
    return "、".join(dict.fromkeys(parts)) or None


# ---------------------------------------------------------------------------------------------
# statuses and dates

_YEAR_END = re.compile(r"(\d{4})\s*年\s*(?:年)?(?:底|末|年底)")


def _due(text: str, number: int, notes: list[str]) -> dt.date | None:
    exact = parse_date(text)
    if exact:
        return exact
    month = due_date(text)
    if month:
        notes.append(f"第{number}个问题的整改时限“{text}”按当月最后一天填入 due（{month.isoformat()}），请核对")
        return month
    year = _YEAR_END.search(text)
    end = make_date(int(year.group(1)), 12, 31) if year else None  # None for 0000年底, not a date
    if end:
        notes.append(f"第{number}个问题的整改时限“{text}”按当年最后一天填入 due（{end.isoformat()}），请核对")
        return end
    notes.append(f"第{number}个问题的整改时限“{text}”不是具体日期，due 未填写")
    return None
