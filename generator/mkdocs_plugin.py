"""The thin adapter between the engine-free core and MkDocs.

It asks :func:`generator.site.build_site` for pages and feeds them to MkDocs; it fails the build on
any error (so a bad notice never reaches the public site), sanitises generated pages' HTML, and
watches ``notices/`` under ``mkdocs serve``. Moving to another engine means replacing this file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import cms
from .diagnostics import report
from .render import sanitize_html
from .search import IndexPage, SearchIndexError, find_pagefind, index_notices
from .settings import read_config
from .vocabulary import search_stop_characters
from .site import SiteBuild, build_site

log = logging.getLogger("mkdocs.plugins.notices")
SNIPPET = re.compile(r"<!--\s*notices:([a-z-]+)\s*-->")


class NoticesConfig(Config):
    notices_dir = config_options.Type(str, default="notices")
    # Notices per search index shard; 0: one index (see generator.search.index_notices).
    search_shard_size = config_options.Type(int, default=0)


class NoticesPlugin(BasePlugin[NoticesConfig]):
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.with_snippets: set[str] = set()  # content pages that show notice data through a placeholder
        self.cms: dict | None = None  # extra.cms: the browser editor at /admin/ (generator.cms)

    def _notices_dir(self, config) -> Path:
        return Path(config.config_file_path).parent / self.config.notices_dir

    def on_config(self, config):
        if self.config.search_shard_size < 0:
            raise PluginError(f"{Path(config.config_file_path).name}: plugins.notices.search_shard_size 须为 0（不分片）"
                              f"或正整数，现为 {self.config.search_shard_size}")
        root = Path(config.config_file_path).parent
        config_data, _ = read_config(Path(config.config_file_path))  # for line numbers; MkDocs read it already
        build = build_site(root, self._notices_dir(config), dict(config.extra), config.site_name,
                           Path(config.config_file_path).name, config_data)
        for diagnostic in build.diagnostics:
            if diagnostic.severity == "warning":
                log.warning(diagnostic.format())
        if not build.ok:
            raise PluginError("通报检查未通过，网站没有生成：\n" + report(build.diagnostics))
        settings = build.settings
        config.extra["filing"] = settings.filing.model_dump(exclude_none=True)
        config.extra["filing_links"] = settings.filing.links()
        try:  # for the search box (theme_overrides/partials/pagefind-search.html)
            config.extra["search_stop_characters"] = search_stop_characters()
        except ValueError as error:
            raise PluginError(str(error)) from error
        self.build = build
        self.with_snippets = set()
        try:
            self.cms = cms.cms_settings(config.extra["cms"]) if config.extra.get("cms") is not None else None
        except cms.CmsSettingsError as error:
            raise PluginError(f"{Path(config.config_file_path).name}: {error}") from error
        return config

    def on_files(self, files: Files, config) -> Files:
        for src_path, markdown in sorted(self.build.pages.items()):
            if files.get_file_from_path(src_path) is not None:
                raise PluginError(f"{_docs_dir(config)}/{src_path} 与自动生成的页面同名：请改名")
            files.append(File.generated(config, src_path, content=markdown))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        def replace(match: re.Match) -> str:
            name = match.group(1)
            if name not in self.build.snippets:
                known = "、".join(sorted(self.build.snippets))
                raise PluginError(f"{_docs_dir(config)}/{page.file.src_uri}: 未知的占位符 <!-- notices:{name} -->，可用：{known}")
            return self.build.snippets[name]

        if page.file.src_uri in self.build.page_dates:
            # The sitemap's <lastmod> is the notice's own date, not the day of the build.
            page.update_date = self.build.page_dates[page.file.src_uri].isoformat()
        markdown, replaced = SNIPPET.subn(replace, markdown)
        if replaced:
            self.with_snippets.add(page.file.src_uri)
        return markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        # Every page that shows notice data goes through the sanitiser, the second line of defence.
        if page.file.src_uri in self.build.pages or page.file.src_uri in self.with_snippets:
            return sanitize_html(html)
        return html

    def on_post_build(self, config) -> None:
        # The search index (Pagefind) is part of the build: no second command.
        site_dir = Path(config.site_dir)
        pages = []
        for entry in self.build.collection.listed:  # a withdrawn notice is not found by search
            built = File(entry.src_path, config.docs_dir, config.site_dir, config.use_directory_urls)
            pages.append(IndexPage(Path(built.abs_dest_path), entry))
        # Pagefind is installed by `npm ci` next to mkdocs.yml (or next to this package, for a project
        # that uses the plugin from elsewhere, as the benchmark's generated projects do).
        folders = [Path(config.config_file_path).parent, Path(__file__).resolve().parent.parent]
        try:
            count = index_notices(site_dir, pages, find_pagefind(folders), language=config.theme["language"] or "zh",
                                  shard_size=self.config.search_shard_size)
        except (SearchIndexError, OSError, RuntimeError) as error:
            raise PluginError(f"检索索引没有生成：{error}") from error
        log.info(f"检索索引：{count} 篇通报")
        if self.cms is not None:
            try:
                admin = cms.write_admin(site_dir, cms.build_config(self.cms, self.config.notices_dir, config.site_url),
                                        self.cms, cms.find_decap(folders), config.site_name)
            except (cms.CmsSettingsError, OSError) as error:
                raise PluginError(f"在线编辑页面（admin/）没有生成：{error}") from error
            log.info(f"在线编辑页面：{admin.relative_to(site_dir).as_posix()}/（{self.cms['backend']}）")

    def on_serve(self, server, config, builder):
        server.watch(str(self._notices_dir(config)))
        return server


def _docs_dir(config) -> str:
    """The docs folder as editors know it (``content``), relative to mkdocs.yml."""
    root = Path(config.config_file_path).parent
    return Path(config.docs_dir).relative_to(root).as_posix() if Path(config.docs_dir).is_relative_to(root) else config.docs_dir
