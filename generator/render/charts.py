"""The home page's dashboard: static SVG bar charts made at build time (no JavaScript), each shown with a
title, a text alternative and a table of the same figures (see home.html.j2).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import escape

from generator.model import vocabulary
from generator.read.collection import Collection, completion_rate

CHART_DIR = "assets/charts"
WIDTH, BAR, GAP, LABEL, TOP = 640, 22, 10, 200, 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal  # what the bar's length shows
    text: str  # the figure written beside the bar and in the table
    detail: str = ""  # a further column of the table (counts behind a rate)


@dataclass(frozen=True)
class Chart:
    name: str  # file name without .svg
    title: str
    columns: tuple[str, ...]  # the table's header
    bars: tuple[Bar, ...]
    maximum: Decimal

    @property
    def path(self) -> str:
        return f"{CHART_DIR}/{self.name}.svg"

    @property
    def alt(self) -> str:
        return f"{self.title}：" + "；".join(f"{bar.label} {bar.text}" for bar in self.bars) + "。"


def height(chart: Chart) -> int:
    return TOP * 2 + len(chart.bars) * (BAR + GAP)


def image_tag(chart: Chart) -> str:
    """The chart's <img>, relative to the site root (the home page)."""
    return (f'<img src="{chart.path}" alt="{escape(chart.alt)}" width="{WIDTH}" height="{height(chart)}" '
            'class="chart-svg">')


def svg(chart: Chart) -> bytes:
    tall = height(chart)
    span = WIDTH - LABEL - 90
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{tall}" '
             f'viewBox="0 0 {WIDTH} {tall}" role="img" font-family="sans-serif" font-size="14">',
             f"<title>{escape(chart.title)}</title>", f"<desc>{escape(chart.alt)}</desc>"]
    for index, bar in enumerate(chart.bars):
        y = TOP + index * (BAR + GAP)
        length = int(span * bar.value / chart.maximum) if chart.maximum else 0
        label = bar.label if len(bar.label) <= 13 else bar.label[:12] + "…"
        parts += [f'<text x="{LABEL - 8}" y="{y + 16}" text-anchor="end" fill="#222">{escape(label)}</text>',
                  f'<rect x="{LABEL}" y="{y}" width="{length}" height="{BAR}" fill="#1565c0"/>',
                  f'<text x="{LABEL + length + 6}" y="{y + 16}" fill="#222">{escape(bar.text)}</text>']
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")


def _completion_chart(name: str, title: str, axis_label: str, groups) -> Chart | None:
    bars = []
    for group in groups:
        done = sum(e.done_count for e in group.entries)
        stated = sum(e.stated_count for e in group.entries)
        rate = completion_rate(done, stated)
        if rate is None:
            continue
        bars.append(Bar(group.label, rate, f"{rate}%", f"{done} / {stated}"))
    if not bars:
        return None
    done_word = next(status.value for status in vocabulary.statuses() if status.done)
    return Chart(name, title, (axis_label, "整改完成率", f"{done_word} / 载明状态的问题"), tuple(bars), Decimal(100))


def charts(collection: Collection) -> list[Chart]:
    totals = collection.totals
    found = []
    if totals.status_counts:
        bars = tuple(Bar(item.status.value, Decimal(item.count), f"{item.count} 个") for item in totals.status_counts)
        found.append(Chart("status", "问题整改状态", ("状态", "问题数"), bars,
                           max(bar.value for bar in bars)))
    for name, title, label, axis in (("region", "各地区整改完成率", "地区", "region"),
                                     ("year", "各年份通报的整改完成率", "年份", "year")):
        chart = _completion_chart(name, title, label, collection.groups(axis))
        if chart:
            found.append(chart)
    return found


def chart_files(collection: Collection) -> dict[str, bytes]:
    return {chart.path: svg(chart) for chart in charts(collection)}
