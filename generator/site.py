"""The whole site from a notices folder: load, check, render. No engine imports here.

An engine adapter (``generator.mkdocs_plugin``) asks :func:`build_site` for the pages and writes them
with its own theme; another engine would do the same with the same result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checks import check_collection
from .collection import AXES, Collection
from .diagnostics import Diagnostic, has_errors
from .loader import load_notices
from .render import render_archive_index, render_group, render_notice, render_snippets
from .settings import SiteSettings, load_settings


@dataclass
class SiteBuild:
    settings: SiteSettings | None = None
    collection: Collection = field(default_factory=Collection)
    pages: dict[str, str] = field(default_factory=dict)  # docs path → Markdown
    page_dates: dict[str, dt.date] = field(default_factory=dict)  # docs path → last change, for sitemaps
    snippets: dict[str, str] = field(default_factory=dict)  # name → Markdown for <!-- notices:NAME -->
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def check_site(root: Path, notices_dir: Path, extra: dict[str, Any], site_name: str,
               config_path: str = "mkdocs.yml", config_data: Any = None,
               today: dt.date | None = None) -> SiteBuild:
    """Load and check everything; report every problem of every file, render nothing."""
    build = SiteBuild()
    build.settings, build.diagnostics = load_settings(extra, site_name, config_path, config_data)
    loaded = load_notices(notices_dir, root)
    build.diagnostics += loaded.diagnostics
    default_contact = build.settings.contact if build.settings else None
    build.collection = Collection.from_sources(loaded.sources, default_contact)
    build.diagnostics += check_collection(build.collection, today)
    build.diagnostics.sort()
    return build


def build_site(root: Path, notices_dir: Path, extra: dict[str, Any], site_name: str,
               config_path: str = "mkdocs.yml", config_data: Any = None) -> SiteBuild:
    """Check, then render every page; with any error, no page at all (never a half-published site)."""
    build = check_site(root, notices_dir, extra, site_name, config_path, config_data)
    if not build.ok:
        return build
    collection = build.collection
    for entry in collection.entries:
        build.pages[entry.src_path] = render_notice(entry)
        if entry.last_changed:
            build.page_dates[entry.src_path] = entry.last_changed
    groups = {axis: collection.groups(axis) for axis in AXES}
    build.pages["archive/index.md"] = render_archive_index(collection, groups)
    for axis_groups in groups.values():
        for group in axis_groups:
            build.pages[group.src_path] = render_group(group)
    build.snippets = render_snippets(collection)
    return build
