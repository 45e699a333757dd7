"""The site's open data, as files: every notice as JSON, every problem as CSV and JSON, the notice schema
and an Atom feed of new and revised notices. Deterministic: the same sources give the same bytes (the
feed's timestamps are the notices' own dates, never the time of the build).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from feedgen.feed import FeedGenerator

from generator.model import labels
from generator.model.notice import json_schema
from generator.read.collection import Collection, NoticeEntry

SCHEMA_FILE = "data/notice.schema.json"
CSV_FILE = "data/problems.csv"
PROBLEMS_JSON_FILE = "data/problems.json"
NOTICES_JSON_FILE = "data/notices.json"
FEED_FILE = "feed.xml"
NOTICE_JSON = "notice.json"  # in each notice's folder: notices/<slug>/notice.json

# The columns of problems.csv and problems.json, with what the 开放数据 page says of each.
COLUMNS = (
    ("slug", "通报的网址名称，通报页面在 notices/<slug>/"),
    ("title", "通报标题"),
    ("publisher", labels.NOTICE["publisher"]),
    ("region", labels.NOTICE["region"]),
    ("published", f"{labels.NOTICE['published']}（YYYY-MM-DD，原文未载明时为空）"),
    ("number", "问题序号（同一次巡察的各份通报中序号相同）"),
    ("aspect", "所属方面的序号（未载明时为空）"),
    ("problem", "问题标题（原文未载明时为空）"),
    ("status", "整改状态（状态词表中的值）"),
    ("due", f"{labels.PROBLEM['due']}（YYYY-MM-DD）"),
    ("completed", f"{labels.PROBLEM['completed']}（YYYY-MM-DD）"),
    ("responsible_unit", labels.PROBLEM["responsible_unit"]),
    ("inspection", "所属巡察：本次巡察第一份通报的网址名称；有后续通报的巡察，汇总页在 inspections/<inspection>/"),
    ("latest", "1：本行所在通报是该次巡察最新一份通报；0：同一次巡察较早的通报。每份通报的每个问题各占一行，"
               "全站统计只计 latest 为 1 的行，每个问题只计一次"),
)
# What a withdrawn notice keeps in its notice.json: what its page still shows, and the withdrawal.
WITHDRAWN_FIELDS = {"title", "slug", "kind", "publisher", "region", "published", "revisions", "previous_slugs",
                    "withdrawn"}


def schema_text() -> str:
    """The JSON Schema of a notice, as ``notices schema`` writes it to schema/notice.schema.json."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _json(value) -> bytes:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` and a line break, byte for byte (a test compares),
    with texts written by json's C encoder: the Python one that ``indent`` takes was most of a rebuild."""
    return (_indented(value, "") + "\n").encode("utf-8")


_text = json.encoder.encode_basestring  # C, as json.dumps with ensure_ascii=False


def _indented(value, indent: str) -> str:
    kind = type(value)
    if kind is str:
        return _text(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    inner = indent + "  "
    if kind is dict and all(type(key) is str for key in value):
        if not value:
            return "{}"
        return ("{\n" + ",\n".join(f"{inner}{_text(key)}: {_indented(item, inner)}" for key, item in value.items())
                + "\n" + indent + "}")
    if kind is list:
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _indented(item, inner) for item in value) + "\n" + indent + "]"
    # anything else as json writes it (a JSON text holds no line break but those of its indentation)
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


# A notice's notice.json is a function of its YAML alone (its model): ``mkdocs serve`` rebuilds in the same
# process and takes an unchanged notice's from here.
_NOTICE_JSON: dict[tuple[str, str], bytes] = {}
NOTICE_JSON_LIMIT = 50_000


# A notice's rows of problems.csv and problems.json are a function of its YAML, its inspection's key and whether it
# is that inspection's latest report: kept here, with their CSV and JSON text, for a rebuild in the same process.
_ROWS: dict[tuple, tuple[list[dict], str, str]] = {}


def clear_cache() -> None:
    _NOTICE_JSON.clear()
    _ROWS.clear()


def notice_json(entry: NoticeEntry) -> bytes:
    key = (entry.source.path, entry.source.text)
    data = _NOTICE_JSON.get(key)
    if data is None:
        if len(_NOTICE_JSON) >= NOTICE_JSON_LIMIT:
            _NOTICE_JSON.clear()
        data = _NOTICE_JSON[key] = _json(notice_data(entry))
    return data


def notice_data(entry: NoticeEntry) -> dict:
    """The model's fields; a withdrawn notice keeps only what its page shows, with its withdrawal."""
    data = entry.notice.model_dump(mode="json")
    if entry.notice.withdrawn is not None:
        data = {key: value for key, value in data.items() if key in WITHDRAWN_FIELDS}
    return data


def problem_rows(collection: Collection) -> list[dict[str, str | int | None]]:
    """One row per problem of every listed notice (withdrawn ones are out, as from the totals); ``latest`` marks
    the rows the site's figures count (the latest report of each inspection)."""
    return [row for entry in collection.listed for row in _entry_rows(collection, entry)[0]]


def _entry_rows(collection: Collection, entry: NoticeEntry) -> tuple[list[dict], str, str]:
    """A listed notice's rows, their lines of problems.csv and their items of problems.json (as ``_json`` indents
    them in the list)."""
    inspection = collection.inspection(entry)
    key = (entry.source.path, entry.source.text, inspection.key if inspection else None,
           inspection is not None and inspection.latest is entry)
    found = _ROWS.get(key)
    if found is not None:
        return found
    notice = entry.notice
    rows: list[dict[str, str | int | None]] = []
    for problem in entry.problems:
        rows.append({
            "slug": entry.slug, "title": notice.title, "publisher": notice.publisher, "region": notice.region,
            "published": notice.published.isoformat() if notice.published else None,
            "number": problem.number, "aspect": problem.aspect, "problem": problem.title,
            "status": problem.status, "due": problem.due.isoformat() if problem.due else None,
            "completed": problem.completed.isoformat() if problem.completed else None,
            "responsible_unit": problem.responsible_unit,
            "inspection": inspection.key if inspection else None,
            "latest": int(inspection is not None and inspection.latest is entry),
        })
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if row[name] is None else row[name] for name, _ in COLUMNS])
    items = ",\n".join("  " + _indented(row, "  ") for row in rows)
    if len(_ROWS) >= NOTICE_JSON_LIMIT:
        _ROWS.clear()
    found = _ROWS[key] = (rows, out.getvalue(), items)
    return found


def _problem_files(collection: Collection) -> tuple[bytes, bytes]:
    """problems.csv and problems.json, from each notice's rows (the same bytes as ``problems_csv`` and ``_json``
    of ``problem_rows``: a test compares)."""
    parts = [_entry_rows(collection, entry) for entry in collection.listed]
    header = io.StringIO()
    csv.writer(header, lineterminator="\r\n").writerow([name for name, _ in COLUMNS])
    csv_text = "\ufeff" + header.getvalue() + "".join(lines for _, lines, _ in parts)
    items = [text for rows, _, text in parts if rows]
    json_text = "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
    return csv_text.encode("utf-8"), json_text.encode("utf-8")


def problems_csv(rows: list[dict]) -> bytes:
    """UTF-8 with a BOM, so that spreadsheet programs read the Chinese text right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in COLUMNS])
    for row in rows:
        writer.writerow(["" if row[name] is None else row[name] for name, _ in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def feed_xml(collection: Collection, site_name: str, site_url: str | None) -> bytes:
    """Atom: one entry per dated notice, its ``updated`` the latest revision (or withdrawal), its content
    the change notes; newest first."""
    base = (site_url or "").rstrip("/") + "/"
    generator = FeedGenerator()
    generator.id(base if site_url else "urn:notices:site")
    generator.title(site_name)
    generator.link(href=base, rel="alternate")
    generator.link(href=f"{base}{FEED_FILE}", rel="self")
    generator.language("zh")
    generator.generator("notices")
    dated = []
    for entry in collection.entries:
        withdrawn = entry.notice.withdrawn
        dates = [d for d in (entry.last_changed, withdrawn.date if withdrawn else None) if d]
        if dates:
            dated.append((max(dates), entry))
    dated.sort(key=lambda item: (-item[0].toordinal(), item[1].slug))
    newest = dated[0][0] if dated else dt.date(2000, 1, 1)
    generator.updated(_moment(newest))
    for updated, entry in dated:
        notice = entry.notice
        item = generator.add_entry(order="append")
        item.id(f"{base}{entry.url}" if site_url else f"urn:notices:{entry.slug}")
        item.title(notice.title)
        item.link(href=f"{base}{entry.url}")
        item.updated(_moment(updated))
        if notice.published:
            item.published(_moment(notice.published))
        item.author(name=notice.publisher)
        notes = [f"{r.date.isoformat()} 更正：{r.change}" for r in sorted(notice.revisions, key=lambda r: r.date)]
        if notice.withdrawn:
            notes.append(f"{notice.withdrawn.date.isoformat()} 撤回：{notice.withdrawn.reason}")
        summary = f"{notice.publisher}，{notice.region}，{notice.kind}"
        item.summary("\n".join([summary, *notes]))
    return generator.atom_str(pretty=True)


def open_data_files(collection: Collection, site_name: str, site_url: str | None) -> dict[str, bytes]:
    """Path in the site (relative to its root) → bytes."""
    files = {f"{entry.url}{NOTICE_JSON}": notice_json(entry) for entry in collection.entries}
    files[CSV_FILE], files[PROBLEMS_JSON_FILE] = _problem_files(collection)
    files[NOTICES_JSON_FILE] = _json([
        {"slug": entry.slug, "url": entry.url, "data": f"{entry.url}{NOTICE_JSON}", "title": entry.notice.title,
         "published": entry.notice.published.isoformat() if entry.notice.published else None,
         "withdrawn": entry.notice.withdrawn.model_dump(mode="json") if entry.notice.withdrawn else None}
        for entry in collection.entries])
    files[SCHEMA_FILE] = schema_text().encode("utf-8")
    files[FEED_FILE] = feed_xml(collection, site_name, site_url)
    return files
