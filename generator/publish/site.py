"""The whole site from a notices folder: load, check, render. No engine imports here.

An engine adapter (``generator.engines.mkdocs.plugin``) asks :func:`build_site` for the pages and writes them
with its own theme; another engine would do the same with the same result.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check.content import check_content_folder
from generator.check.rules import check_collection
from generator.model.settings import SiteSettings
from generator.publish import open_data
from generator.publish.cache import DiskCache
from generator.publish.open_data import COLUMNS, open_data_files, problem_rows
from generator.publish.parallel import LoadAndCheck, collection_paused
from generator.read.collection import AXES, Collection, Group, NoticeEntry
from generator.read.config import load_settings
from generator.read.diagnostics import Diagnostic, has_errors
from generator.read.notices import load_notices
from generator.render.charts import chart_files
from generator.render.pages import (
    Page,
    render_archive_index,
    render_group,
    render_inspection,
    render_inspection_moved,
    render_inspections,
    render_moved,
    render_notice,
    render_open_data,
    render_overdue,
    render_snippets,
)


@dataclass
class SiteBuild:
    settings: SiteSettings | None = None
    collection: Collection = field(default_factory=Collection)
    pages: dict[str, Page] = field(default_factory=dict)  # URL (relative to the site root) → finished page
    snippets: dict[str, str] = field(default_factory=dict)  # name → HTML for <!-- notices:NAME -->
    diagnostics: list[Diagnostic] = field(default_factory=list)
    as_of: dt.date | None = None  # the build date (see build_date)
    files: dict[str, bytes] = field(default_factory=dict)  # path in the site → bytes (open data, feed)
    cache_problems: list[str] = field(default_factory=list)  # why the check cache was not read or written
    cache_note: str | None = None  # what the check cache gave, for the log

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def build_date(collection: Collection, environ: Any = None) -> dt.date | None:
    """The day "overdue" is counted to: SOURCE_DATE_EPOCH when set, else the latest date any notice
    gives (published, revised, withdrawn), so that the same sources always build the same site."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    dates = [entry.last_changed for entry in collection.entries]
    dates += [entry.notice.withdrawn.date for entry in collection.entries if entry.notice.withdrawn]
    return max((d for d in dates if d), default=None)


def check_site(root: Path, notices_dir: Path, config: dict[str, Any], config_path: str = "mkdocs.yml",
               config_data: Any = None, content_dir: Path | None = None, cache: DiskCache | None = None) -> SiteBuild:
    """Load and check everything: settings, notices and the hand-written pages in ``content_dir``;
    report every problem of every file, render nothing. ``cache``: the check cache on disk, read and written."""
    with collection_paused():
        build = SiteBuild()
        build.settings, build.diagnostics = load_settings(config, config_path, config_data)
        default_contact = build.settings.contact if build.settings else None
        # each notice loaded and checked on its own, on every core, unless the cache has it
        mapper = LoadAndCheck(root, default_contact, disk=cache)
        loaded = load_notices(notices_dir, root, mapper)
        if cache is not None:
            cache.save()
            build.cache_problems = list(cache.problems)
            build.cache_note = (f"{mapper.reused} 篇通报沿用缓存的读取和检查结果，{mapper.fresh} 篇重新读取和检查"
                                f"（{cache.shown}）")
        build.diagnostics += loaded.diagnostics
        if content_dir is not None:
            build.diagnostics += check_content_folder(content_dir, root)
        build.collection = Collection.from_sources(loaded.sources, default_contact)
        build.diagnostics += check_collection(build.collection, mapper.checked)
        build.diagnostics.sort()
    return build


# mkdocs serve: the page of a notice that is in no chain of reports is a pure function of its files and the site's
# default contact, so a rebuild in the same process takes it from here when they did not change (a test builds with
# and without this cache and compares bytes). A page that shows a chain of reports or links an inspection's page
# depends on the other reports too: it is always rendered.
_RENDERED: dict[tuple, Page] = {}
RENDERED_LIMIT = 50_000


# mkdocs serve: every page but a notice's own, the open data, the charts and the home page's blocks are made from the
# notices' YAML (never their narratives), the settings and the build date: the previous build's, with what they were
# made from, are used again when none of these changed (a narrative's edit) and made again otherwise.
_LISTINGS: dict[str, tuple[tuple, list[Page], dict[str, bytes], dict[str, str]]] = {}


# An archive page (a year, a region, a domain) is made from its notices' YAML and which of them are the latest report
# of their inspection: a YAML edit renders again only the archive pages of the notices whose facts it changes.
_GROUPS: dict[tuple, Page] = {}


def clear_cache() -> None:
    """Forget every rendered page and notice.json (tests compare a build with and without the cache)."""
    _RENDERED.clear()
    _LISTINGS.clear()
    _GROUPS.clear()
    open_data.clear_cache()


def _notice_page(entry: NoticeEntry, collection: Collection, contact: str) -> Page:
    """``contact``: the site's default contact, as ``repr``."""
    chain = collection.chain(entry) if entry.notice.withdrawn is None else (entry,)
    inspection = collection.inspection(entry)
    if len(chain) > 1 or (inspection is not None and inspection.ever_followed):
        return render_notice(entry, collection)
    source = entry.source
    key = (source.path, source.text, source.body_path, source.body, contact)
    return _cached(_RENDERED, key, lambda: render_notice(entry, collection))


def build_site(root: Path, notices_dir: Path, config: dict[str, Any], config_path: str = "mkdocs.yml",
               config_data: Any = None, content_dir: Path | None = None, site_url: str | None = None,
               cache: DiskCache | None = None) -> SiteBuild:
    """Check, then render every page; with any error, no page at all (never a half-published site)."""
    build = check_site(root, notices_dir, config, config_path, config_data, content_dir, cache)
    if not build.ok:
        return build
    collection = build.collection
    contact = repr(build.settings.contact if build.settings else None)  # each entry's default_contact
    pages = [_notice_page(entry, collection, contact) for entry in collection.entries]
    build.as_of = build_date(collection)
    # What the listings are made from; the texts are the cached sources' own objects when unchanged (compared by
    # identity first, so comparing costs nothing then).
    key = (tuple((entry.source.path, entry.source.text) for entry in collection.entries), repr(build.settings),
           site_url, build.as_of)
    previous = _LISTINGS.get("last")
    if previous is not None and previous[0] == key:
        listings, files, snippets = previous[1], dict(previous[2]), dict(previous[3])
    else:
        listings, files, snippets = _listings(collection, build, site_url)
        _LISTINGS["last"] = (key, listings, dict(files), dict(snippets))
    build.pages = {page.url: page for page in pages + listings}
    build.files, build.snippets = files, snippets
    return build


def _group_page(group: Group, collection: Collection) -> Page:
    key = (group.axis, group.key, group.label,
           tuple((entry.source.path, entry.source.text, collection.latest(entry) is entry) for entry in group.entries))
    return _cached(_GROUPS, key, lambda: render_group(group, collection))


def _cached(pages: dict[tuple, Page], key: tuple, render: Callable[[], Page]) -> Page:
    """The page rendered for ``key`` before, or rendered now; the store is emptied when it holds RENDERED_LIMIT."""
    page = pages.get(key)
    if page is None:
        if len(pages) >= RENDERED_LIMIT:
            pages.clear()
        page = pages[key] = render()
    return page


def _listings(collection: Collection, build: SiteBuild, site_url: str | None) -> tuple[list[Page], dict, dict]:
    """Every page but the notices' own, the files (open data, feed, charts) and the home page's blocks."""
    pages = [render_moved(entry, slug) for entry in collection.entries for slug in entry.notice.previous_slugs]
    groups = {axis: collection.groups(axis) for axis in AXES}
    pages.append(render_archive_index(collection, groups))
    pages += [_group_page(group, collection) for axis_groups in groups.values() for group in axis_groups]
    pages.append(render_inspections(collection))
    pages += [render_inspection(inspection) for inspection in collection.followed_inspections]
    pages += [render_inspection_moved(inspection, slug) for inspection in collection.followed_inspections
              for slug in (inspection.origin or inspection.first).notice.previous_slugs]
    pages.append(render_overdue(collection, build.as_of))
    pages.append(render_open_data(COLUMNS, len(problem_rows(collection)), collection.totals.problems))
    files = open_data_files(collection, build.settings.site_name if build.settings else "", site_url)
    files.update(chart_files(collection, [group for axis_groups in groups.values() for group in axis_groups]))
    return pages, files, render_snippets(collection, build.as_of)
