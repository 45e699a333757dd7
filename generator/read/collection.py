"""The notices of a site as readers see them: URLs, counts, completion rates, archive groups.

Everything here is derived from the validated model; nothing here knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache

from generator.model import labels, vocabulary
from generator.model.notice import Aspect, Contact, Notice, Problem
from generator.read.notices import NoticeSource
from generator.text.slug import slugify

NOTICE_URL_DIR = "notices"
INSPECTION_URL_DIR = "inspections"
# The archive groups' names: a few dozen regions and domains, each met once per notice (pinyin is slow).
_label_slug = lru_cache(maxsize=4096)(slugify)
# A title's pinyin slug, once per title in a process (a rebuild of ``mkdocs serve`` asks again for every notice).
# The slug made from each title (pypinyin: about 2 ms a title); the check cache on disk and the worker processes
# hand theirs to this process (remember_title_slug), so a notice's title is converted once.
_TITLE_SLUGS: dict[str, str] = {}
TITLE_SLUGS_LIMIT = 65_536


def title_slug(title: str) -> str:
    slug = _TITLE_SLUGS.get(title)
    if slug is None:
        slug = slugify(title)
        remember_title_slug(title, slug)
    return slug


def remember_title_slug(title: str, slug: str) -> None:
    if len(_TITLE_SLUGS) >= TITLE_SLUGS_LIMIT:
        _TITLE_SLUGS.clear()
    _TITLE_SLUGS[title] = slug
UNKNOWN = "unknown"


def completion_rate(done: int, total: int) -> Decimal | None:
    """Percentage with at most two decimals, as notices print it (76%, 98.71%)."""
    if total == 0:
        return None
    rate = (Decimal(done) * 100 / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return rate.normalize() if rate != rate.to_integral() else rate.quantize(Decimal(1))


@dataclass(frozen=True)
class Completion:
    """The site's one completion rule: 已完成 ÷ problems whose status is stated (statuses.yml ``stated``).

    ``rate`` is None when no problem's status is stated; pages always show the base the rate counts
    (the ``completion`` macro in ``render/templates/_macros.html.j2``).
    """

    done: int
    stated: int
    problems: int

    @property
    def rate(self) -> Decimal | None:
        return completion_rate(self.done, self.stated)

    @property
    def unstated(self) -> int:
        return self.problems - self.stated


@dataclass(frozen=True)
class StatusCount:
    status: vocabulary.Status
    count: int


@dataclass(frozen=True)
class ProblemGroup:
    """Consecutive problems under one aspect (``aspect`` is None where the text lost it)."""

    aspect: Aspect | None
    number: int | None
    problems: tuple[Problem, ...]


@dataclass
class NoticeEntry:
    source: NoticeSource
    default_contact: Contact | None = None

    @property
    def notice(self) -> Notice:
        return self.source.notice

    @cached_property
    def slug(self) -> str:
        facts = self.source.facts
        return facts.slug or title_slug(facts.title)

    @property
    def url(self) -> str:
        return f"{NOTICE_URL_DIR}/{self.slug}/"

    @property
    def year(self) -> str:
        return str(self.notice.published.year) if self.notice.published else UNKNOWN

    @property
    def last_changed(self) -> dt.date | None:
        """The newest date the notice itself gives: its latest revision, else its publication."""
        dates = [r.date for r in self.notice.revisions] + [self.notice.published]
        return max((d for d in dates if d), default=None)

    @property
    def contact(self) -> Contact | None:
        return self.notice.contact or self.default_contact

    @cached_property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(sorted(self.notice.problems, key=lambda p: p.number))

    @cached_property
    def status_counts(self) -> tuple[StatusCount, ...]:
        counts: defaultdict[str, int] = defaultdict(int)
        for problem in self.problems:
            counts[problem.status] += 1
        return tuple(StatusCount(s, counts[s.value]) for s in vocabulary.statuses() if counts[s.value])

    @cached_property
    def done_count(self) -> int:
        return sum(c.count for c in self.status_counts if c.status.done)

    @cached_property
    def stated_count(self) -> int:
        return sum(c.count for c in self.status_counts if c.status.stated)

    @cached_property
    def completion(self) -> Completion:
        return Completion(self.done_count, self.stated_count, len(self.problems))

    @cached_property
    def aspects(self) -> dict[int, Aspect]:
        return {a.number: a for a in self.notice.aspects}

    @cached_property
    def problem_groups(self) -> tuple[ProblemGroup, ...]:
        groups: list[ProblemGroup] = []
        for problem in self.problems:
            if groups and groups[-1].number == problem.aspect:
                groups[-1] = ProblemGroup(groups[-1].aspect, problem.aspect, groups[-1].problems + (problem,))
            else:
                aspect = self.aspects.get(problem.aspect) if problem.aspect is not None else None
                groups.append(ProblemGroup(aspect, problem.aspect, (problem,)))
        return tuple(groups)

    def sort_key(self) -> tuple:
        """Newest first; notices whose date was lost come last; then by title for a stable order."""
        facts = self.source.facts
        published = facts.published or dt.date.min
        return (-published.toordinal(), facts.title, self.slug)


@dataclass(frozen=True)
class HistoryStep:
    """A problem as one report of its chain states it."""

    entry: NoticeEntry
    problem: Problem


@dataclass(frozen=True)
class Overdue:
    """A problem past its deadline and not done, as the latest report of its chain states it."""

    entry: NoticeEntry
    problem: Problem
    days: int  # days past the deadline, as of the build date

    @property
    def unit(self) -> str:
        return self.problem.responsible_unit or self.entry.notice.publisher


@dataclass(frozen=True)
class Group:
    """An archive page: notices of one year, region or domain."""

    axis: str  # year | region | domain
    key: str  # the slug in the URL
    label: str  # what readers see
    entries: tuple[NoticeEntry, ...]

    @property
    def url(self) -> str:
        return f"archive/{self.axis}/{self.key}/"


# The archive's axes, by the key notices are grouped on, with the heading readers see.
AXES = {axis: f"按{name}" for axis, name in labels.AXES.items()}


@dataclass(frozen=True)
class InspectionProblem:
    """A problem of an inspection: its history over the reports, its current state the last one that lists it."""

    number: int
    steps: tuple[HistoryStep, ...]  # oldest first, never empty

    @property
    def current(self) -> HistoryStep:
        return self.steps[-1]


@dataclass(frozen=True)
class Inspection:
    """One inspection: the chain of its listed reports, oldest first. Its page is named by the first report it
    ever had, withdrawn or not (``origin``), so its URL stays when a report is added or withdrawn."""

    reports: tuple[NoticeEntry, ...]
    origin: NoticeEntry | None = None  # the oldest report of the chain, withdrawn ones included
    ever_followed: bool = False  # the chain has, or had, more than one report (withdrawn ones included)

    @property
    def first(self) -> NoticeEntry:
        return self.reports[0]

    @property
    def latest(self) -> NoticeEntry:
        return self.reports[-1]

    @property
    def key(self) -> str:
        return (self.origin or self.first).slug

    @property
    def url(self) -> str:
        return f"{INSPECTION_URL_DIR}/{self.key}/"

    @cached_property
    def problems(self) -> tuple[InspectionProblem, ...]:
        steps: dict[int, list[HistoryStep]] = defaultdict(list)
        for report in self.reports:
            for problem in report.problems:
                steps[problem.number].append(HistoryStep(report, problem))
        return tuple(InspectionProblem(number, tuple(steps[number])) for number in sorted(steps))


@dataclass
class Totals:
    """Site figures, each problem counted once: by the latest report of its inspection (``counted``)."""

    notices: int
    inspections: int
    problems: int
    done: int
    stated: int
    status_counts: tuple[StatusCount, ...]

    @property
    def completion(self) -> Completion:
        return Completion(self.done, self.stated, self.problems)


def tally(notices: int, counted: list[NoticeEntry]) -> Totals:
    """The figures of ``counted`` (latest reports only), with ``notices`` reports in all."""
    counts: dict[str, int] = defaultdict(int)
    for entry in counted:
        for item in entry.status_counts:
            counts[item.status.value] += item.count
    return Totals(
        notices=notices,
        inspections=len(counted),
        problems=sum(len(e.problems) for e in counted),
        done=sum(e.done_count for e in counted),
        stated=sum(e.stated_count for e in counted),
        status_counts=tuple(StatusCount(s, counts[s.value]) for s in vocabulary.statuses() if counts[s.value]),
    )


@dataclass
class Collection:
    entries: list[NoticeEntry] = field(default_factory=list)

    @classmethod
    def from_sources(cls, sources: list[NoticeSource], default_contact: Contact | None) -> Collection:
        entries = [NoticeEntry(source, default_contact) for source in sources]
        return cls(sorted(entries, key=NoticeEntry.sort_key))

    @cached_property
    def listed(self) -> list[NoticeEntry]:
        """What readers browse: every notice except withdrawn ones (their pages stay, as a stub)."""
        return [entry for entry in self.entries if not entry.source.facts.withdrawn]

    @cached_property
    def by_slug(self) -> dict[str, NoticeEntry]:
        found: dict[str, NoticeEntry] = {}
        for entry in sorted(self.entries, key=lambda e: e.source.path):
            found.setdefault(entry.slug, entry)
        return found

    @cached_property
    def _chains(self) -> dict[str, tuple[NoticeEntry, ...]]:
        """Reports linked by ``follows`` (either way), listed ones only, oldest first; a lone report is
        its own chain. Robust to bad links (the check reports them): it never loops."""
        return _linked(self.listed)

    @cached_property
    def _chains_with_withdrawn(self) -> dict[str, tuple[NoticeEntry, ...]]:
        """As ``_chains``, withdrawn reports included: what names an inspection's page for good."""
        return _linked(self.entries)

    def _inspection_of(self, entry: NoticeEntry) -> Inspection:
        every = self._chains_with_withdrawn.get(entry.slug, (entry,))
        return Inspection(self.chain(entry), origin=every[0], ever_followed=len(every) > 1)

    def chain(self, entry: NoticeEntry) -> tuple[NoticeEntry, ...]:
        """The reports of one inspection, oldest first (just ``entry`` when it is linked to none)."""
        return self._chains.get(entry.slug, (entry,))

    def latest(self, entry: NoticeEntry) -> NoticeEntry:
        return self.chain(entry)[-1]

    @cached_property
    def latest_reports(self) -> list[NoticeEntry]:
        """The newest report of every chain, newest first."""
        return [entry for entry in self.listed if self.latest(entry) is entry]

    def counted(self, entries) -> list[NoticeEntry]:
        """Of ``entries``, those the figures count: the latest report of each inspection (each problem once)."""
        return [entry for entry in entries if entry.notice.withdrawn is None and self.latest(entry) is entry]

    @cached_property
    def inspections(self) -> list[Inspection]:
        """Every inspection, the one with the newest latest report first."""
        return [self._inspection_of(entry) for entry in self.latest_reports]

    @cached_property
    def followed_inspections(self) -> list[Inspection]:
        """The inspections with more than one report: those that have a page of their own (a lone report's page
        says it all; at 10,000 notices a page each would double the build)."""
        return [inspection for inspection in self.inspections if inspection.ever_followed]

    def inspection(self, entry: NoticeEntry) -> Inspection | None:
        """The inspection of a listed notice (None for a withdrawn one)."""
        if entry.notice.withdrawn is not None:
            return None
        return self._inspection_by_latest.get(self.latest(entry).slug)

    @cached_property
    def _inspection_by_latest(self) -> dict[str, Inspection]:
        return {inspection.latest.slug: inspection for inspection in self.inspections}

    def history(self, entry: NoticeEntry, number: int) -> tuple[HistoryStep, ...]:
        """Problem ``number`` in every report of the chain that lists it, oldest first."""
        steps = []
        for report in self.chain(entry):
            for problem in report.problems:
                if problem.number == number:
                    steps.append(HistoryStep(report, problem))
                    break
        return tuple(steps)

    def overdue(self, as_of: dt.date | None) -> list[tuple[str, list[Overdue]]]:
        """Overdue problems grouped by responsible unit (the publisher when none), most problems first."""
        if as_of is None:
            return []
        by_unit: dict[str, list[Overdue]] = defaultdict(list)
        for entry in self.latest_reports:
            for problem in entry.problems:
                status = vocabulary.status(problem.status)
                if problem.due and problem.due < as_of and status.stated and not status.done:
                    item = Overdue(entry, problem, (as_of - problem.due).days)
                    by_unit[item.unit].append(item)
        groups = [(unit, sorted(items, key=lambda o: (-o.days, o.entry.sort_key(), o.problem.number)))
                  for unit, items in by_unit.items()]
        return sorted(groups, key=lambda g: (-len(g[1]), g[0]))

    def newest(self, count: int) -> list[NoticeEntry]:
        return self.listed[:count]

    def groups(self, axis: str) -> list[Group]:
        buckets: dict[str, list[NoticeEntry]] = defaultdict(list)
        labels: dict[str, str] = {}
        for entry in self.listed:
            label = _axis_label(entry, axis)
            key = UNKNOWN if label is None else (label if axis == "year" else _label_slug(label))
            labels[key] = label or ("发布日期未载明" if axis == "year" else "未载明")
            buckets[key].append(entry)
        groups = [Group(axis, key, labels[key], tuple(buckets[key])) for key in buckets]
        if axis == "year":
            return sorted(groups, key=lambda g: (g.key == UNKNOWN, -int(g.key) if g.key.isdigit() else 0))
        return sorted(groups, key=lambda g: (-len(g.entries), g.key))

    @cached_property
    def totals(self) -> Totals:
        return tally(len(self.listed), self.latest_reports)

    def group_totals(self, group: Group) -> Totals:
        return tally(len(group.entries), self.counted(group.entries))


def _axis_label(entry: NoticeEntry, axis: str) -> str | None:
    notice = entry.notice
    if axis == "year":
        return str(notice.published.year) if notice.published else None
    if axis == "region":
        return notice.region
    return notice.domain


def _linked(entries: list[NoticeEntry]) -> dict[str, tuple[NoticeEntry, ...]]:
    """Each slug's chain among ``entries``: reports linked by ``follows`` (either way), oldest first."""
    by_slug = {entry.slug: entry for entry in entries}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        target = entry.notice.follows
        if target and target in by_slug and target != entry.slug:
            neighbours[entry.slug].add(target)
            neighbours[target].add(entry.slug)
    chains: dict[str, tuple[NoticeEntry, ...]] = {}
    for slug in by_slug:
        if slug in chains:
            continue
        seen, todo = {slug}, [slug]
        while todo:
            for other in neighbours[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        chain = tuple(sorted((by_slug[s] for s in seen), key=NoticeEntry.sort_key, reverse=True))
        for member in seen:
            chains[member] = chain
    return chains
