"""The dashboard of the home and archive pages: static SVG bar charts made at build time (no JavaScript), each
shown with a title, a text alternative and a table of the same figures (see _dashboard.html.j2). Every figure
counts a problem once, by the latest report of its inspection (``Collection.counted``), by the one completion
rule (``Completion``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import escape

from generator.model import labels, vocabulary
from generator.read.collection import Collection, Group, Totals

CHART_DIR = "assets/charts"
WIDTH, BAR, GAP, LABEL, TOP = 640, 22, 10, 200, 10
# Dark enough to read in print and in the high-contrast mode: both at least 7:1 against white.
TEXT_COLOUR, BAR_COLOUR = "#222222", "#0d47a1"


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


def image_tag(chart: Chart, base: str = "") -> str:
    """The chart's <img>; ``base`` leads from the page to the site root ("" on the home page)."""
    return (f'<img src="{base}{chart.path}" alt="{escape(chart.alt)}" width="{WIDTH}" height="{height(chart)}" '
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
        parts += [f'<text x="{LABEL - 8}" y="{y + 16}" text-anchor="end" fill="{TEXT_COLOUR}">{escape(label)}</text>',
                  f'<rect x="{LABEL}" y="{y}" width="{length}" height="{BAR}" fill="{BAR_COLOUR}"/>',
                  f'<text x="{LABEL + length + 6}" y="{y + 16}" fill="{TEXT_COLOUR}">{escape(bar.text)}</text>']
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")


def status_chart(name: str, title: str, totals: Totals) -> Chart | None:
    if not totals.status_counts:
        return None
    bars = tuple(Bar(item.status.value, Decimal(item.count), f"{item.count} 个") for item in totals.status_counts)
    return Chart(name, title, ("状态", "问题数"), bars, max(bar.value for bar in bars))


def _completion_chart(collection: Collection, name: str, title: str, axis_label: str,
                      groups: list[Group]) -> Chart | None:
    bars = []
    for group in groups:
        completion = collection.group_totals(group).completion
        if completion.rate is None:
            continue
        detail = f"{completion.done} / {completion.stated}"
        bars.append(Bar(group.label, completion.rate, f"{completion.rate}%", detail))
    if not bars:
        return None
    done_word = next(status.value for status in vocabulary.statuses() if status.done)
    return Chart(name, title, (axis_label, "整改完成率", f"{done_word} / 载明状态的问题"), tuple(bars), Decimal(100))


# (axis, title, the axis's name) of each completion chart, in the dashboard's order.
_NOTE = {"year": "（按最新一份通报的发布年份）"}
COMPLETION_CHARTS = tuple((axis, f"各{labels.AXES[axis]}整改完成率{_NOTE.get(axis, '')}", labels.AXES[axis])
                          for axis in ("region", "domain", "year"))


def charts(collection: Collection) -> list[Chart]:
    """The site's dashboard (home page and archive index)."""
    found = [status_chart("status", "问题整改状态", collection.totals)]
    found += [_completion_chart(collection, name, title, label, collection.groups(name))
              for name, title, label in COMPLETION_CHARTS]
    return [chart for chart in found if chart]


def group_charts(collection: Collection, group: Group) -> list[Chart]:
    """An archive page's dashboard: its problems by status."""
    chart = status_chart(f"{group.axis}-{group.key}-status", f"{group.label}：问题整改状态",
                         collection.group_totals(group))
    return [chart] if chart else []


def chart_files(collection: Collection, groups: list[Group]) -> dict[str, bytes]:
    found = charts(collection) + [chart for group in groups for chart in group_charts(collection, group)]
    return {chart.path: svg(chart) for chart in found}
