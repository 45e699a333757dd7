"""The thin adapter between the engine-free core and MkDocs (with Material for MkDocs).

The core checks and renders every page to finished, sanitised HTML (:func:`generator.publish.site.build_site`);
this adapter only places those pages in the theme:

- every generated page and every hand-written page of ``content/`` gets the core's HTML and table of
  contents (MkDocs' own Markdown, with whatever extensions mkdocs.yml lists, never runs on them);
- every text handed to the theme (titles, descriptions, settings) is given as ``markupsafe.Markup``
  holding its escaped form, so the theme's templates, which do not autoescape, print it as text in every
  context (element, attribute, ``<title>``, meta);
- the build is atomic: MkDocs writes into a scratch folder beside the output folder, which replaces the
  output folder only when everything, the search index included, succeeded; otherwise the previous site
  stays byte for byte as it was;
- every text file of the site gets a ``.gz`` and a ``.br`` copy beside it (:mod:`generator.publish.compress`),
  written before the swap (not in ``mkdocs serve``: its server does not send them, and a preview is not
  published);
- Material's stylesheet is written without the components these pages never draw
  (:mod:`generator.engines.mkdocs.material_css`), so the first paint waits for fewer bytes;
- any error fails the build (a bad notice never reaches the public site); ``mkdocs serve`` watches
  ``notices/``, indexes the search once, keeps that index in every rebuild and says on every page that
  the search does not know the edits made since (``mkdocs build`` always indexes);
- a rebuild of ``mkdocs serve`` with the same mkdocs.yml updates the served folder in place: MkDocs renders
  and writes only the pages whose inputs changed (a generated page outside the navigation that the core made
  as before is left out of MkDocs' files, ``_add_generated_pages``), copies only the theme files that changed,
  the open data files whose bytes changed are written, what the site no longer has is deleted; the folder is
  then what a fresh build writes, byte for byte (``_update_output``). An error leaves it as it was.

Moving to another engine means replacing this file and the theme overrides.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import logging
import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

import generator
from generator.engines.mkdocs.material_css import is_material_stylesheet, trimmed, trimmed_name
from generator.model.settings import FILING_LABELS
from generator.model.vocabulary import search_stop_characters
from generator.publish import cms
from generator.publish.cache import DiskCache, cache_folder
from generator.publish.compress import compress_files, text_files
from generator.publish.csp import content_security_policy
from generator.publish.site import SiteBuild, build_site
from generator.read.config import read_config
from generator.read.diagnostics import report
from generator.read.notices import CacheMismatch
from generator.render.markdown import Heading
from generator.render.pages import Page, render_content_page
from generator.search.pagefind import (
    BUNDLE_DIR,
    DEFAULT_SHARD_SIZE,
    FACETS,
    IndexPage,
    SearchIndexError,
    find_pagefind,
    index_notices,
    parallel_runs_problem,
    shard_size_problem,
)

log = logging.getLogger("mkdocs.plugins.notices")
SCRATCH_PREFIX = ".notices-building-"  # the scratch output folder, beside the output folder
TOC_DEPTH = 3
# The theme overrides shipped in the package (in this repository a link to theme_overrides/): a site
# whose mkdocs.yml names no theme.custom_dir, as `notices init` writes it, gets them from here.
PACKAGED_THEME = Path(__file__).resolve().parent / "theme"
_BUILDS = itertools.count(1)


class NoticesConfig(Config):
    notices_dir = config_options.Type(str, default="notices")
    # Notices per Pagefind run, merged into one index; 0: one run (see generator.search.pagefind.index_notices).
    search_shard_size = config_options.Type(int, default=DEFAULT_SHARD_SIZE)
    # Pagefind runs at the same time, each on a shard; not set: one at a time (pagefind.parallel_runs: memory).
    search_parallel_runs = config_options.Optional(config_options.Type(int))
    # The check cache (generator.publish.cache): a folder relative to mkdocs.yml, default .cache/notices; '': none.
    cache_dir = config_options.Optional(config_options.Type(str))


class _Warnings(logging.Handler):
    """Counts the warnings of one build, as MkDocs' strict mode does (it checks only after the last plugin)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def text(value: Any) -> Any:
    """A text for the theme's templates: escaped once, and marked so nothing escapes it again."""
    if isinstance(value, str):
        return Markup(escape(value))
    if isinstance(value, dict):
        return {key: text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [text(item) for item in value]
    return value


def toc_tokens(headings: tuple[Heading, ...]) -> list[dict]:
    """The core's headings as MkDocs' table-of-contents tokens (levels 2 to ``TOC_DEPTH``, nested)."""
    roots: list[dict] = []
    stack: list[dict] = []
    for heading in headings:
        if heading.level > TOC_DEPTH:
            continue
        token = {"level": heading.level, "id": heading.id, "name": str(escape(heading.text)), "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots


def generated_src(url: str) -> str:
    """The docs path MkDocs needs for a page at ``url`` (``notices/x/`` → ``notices/x/index.md``)."""
    return f"{url}index.md"


class NoticesPlugin(BasePlugin[NoticesConfig]):
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.pages_by_src: dict = {}
        self.content_html: dict[str, tuple[str, tuple[Heading, ...]]] = {}
        self.warnings = _Warnings()
        self.output_dir: Path | None = None
        self.scratch_dir: Path | None = None
        self.cms: dict | None = None  # extra.cms: the browser editor at /admin/ (generator.publish.cms)
        self.serving = False  # mkdocs serve: the plugin instance lives across rebuilds (on_startup)
        self.serve_index: tempfile.TemporaryDirectory | None = None  # the search index of the first build
        self.template_cache = _MemoryBytecodeCache()  # mkdocs serve: the theme's compiled templates
        # mkdocs serve: what the output folder holds, from the last build that finished (see _Output), and the same
        # for the build under way; a rebuild with the same mkdocs.yml updates that folder in place (``incremental``)
        self.output: _Output | None = None
        self.next_output = _Output()
        self.incremental = False
        self.trimmed_css: tuple[str, str] | None = None  # Material's stylesheet and its trimmed form
        self.theme_listing: dict[tuple, list[str]] = {}  # see _list_theme_once
        self.config_read: tuple[bytes, Any] | None = None  # mkdocs.yml's bytes and its data with line numbers
        self.frozen = False  # mkdocs serve: the first build's objects are out of the garbage collector's passes
        self.reused: list[str] = []  # the pages of the last build left as they were in the output folder
        self.reuse_pages = True  # tests turn it off to compare

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving, self.output = False, None
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
        if self.serve_index is not None:
            self.serve_index.cleanup()
            self.serve_index = None

    def _search_stale(self) -> bool:
        """A rebuild in ``mkdocs serve``: the search index of the first build is kept, not redone."""
        return self.serving and self.serve_index is not None

    def _site_build(self) -> SiteBuild:
        """The core's build of this run (made in ``on_config``, before any page)."""
        if self.build is None:
            raise PluginError("内部错误：通报尚未读取")
        return self.build

    def _notices_dir(self, config) -> Path:
        return Path(config.config_file_path).parent / self.config.notices_dir

    def on_config(self, config):
        self.warnings.count = 0
        logging.getLogger("mkdocs").addHandler(self.warnings)
        problem = (shard_size_problem(self.config.search_shard_size)
                   or parallel_runs_problem(self.config.search_parallel_runs))
        if problem:
            raise PluginError(f"{Path(config.config_file_path).name}: {problem}")
        config_path = Path(config.config_file_path).resolve()
        root = config_path.parent
        raw_config = config_path.read_bytes()
        if self.config_read is None or self.config_read[0] != raw_config:  # mkdocs serve: parsed when it changes
            self.config_read = (raw_config, read_config(config_path)[0])  # for line numbers; MkDocs read it already
        config_data = self.config_read[1]
        values = {"site_name": config.site_name, "site_description": config.site_description,
                  "extra": dict(config.extra)}
        notices_dir = self._notices_dir(config).resolve()
        # mkdocs serve: only the first build reads and writes the cache on disk; a rebuild has this process's own
        # (writing the whole file after every save would cost more than checking the edited notice)
        cache: DiskCache | None = None
        cache_problems: list[str] = []
        if not (self.serving and self.build is not None):
            cache, cache_problems = cache_folder(root, self.config.cache_dir, inside_refused=(
                notices_dir, Path(config.docs_dir).resolve(), Path(config.site_dir).resolve()))
        try:
            build = build_site(root, notices_dir, values, config_path.name, config_data, Path(config.docs_dir),
                               config.site_url, cache)
        except CacheMismatch as error:  # a cache entry made by hand, or a file changed while it was read
            raise PluginError(f"网站没有生成：{error}") from error
        for problem in cache_problems + build.cache_problems:  # the build is as without the cache: not a warning
            log.info(f"检查缓存：{problem}")
        if build.cache_note:
            log.info(f"检查缓存：{build.cache_note}")
        for diagnostic in build.diagnostics:
            if diagnostic.severity == "warning":
                log.warning(diagnostic.format())
        if not build.ok:
            raise PluginError("通报检查未通过，网站没有生成：\n" + report(build.diagnostics))
        settings = build.settings
        assert settings is not None  # a build that passed has its settings
        config.site_name = text(settings.site_name)
        config.site_description = text(settings.site_description)
        config.extra["filing"] = text(settings.filing.model_dump(exclude_none=True))
        config.extra["filing_links"] = settings.filing.links()
        config.extra["filing_labels"] = text(FILING_LABELS)
        config.extra["content_security_policy"] = content_security_policy()
        try:  # for the search box (theme_overrides/partials/pagefind-search.html)
            config.extra["search_stop_characters"] = text(search_stop_characters())
            config.extra["search_facets"] = text(" ".join(FACETS))
        except ValueError as error:
            raise PluginError(str(error)) from error
        try:
            self.cms = cms.cms_settings(config.extra["cms"]) if config.extra.get("cms") is not None else None
        except cms.CmsSettingsError as error:
            raise PluginError(f"{config_path.name}: {error}") from error
        self.build = build
        self.pages_by_src = {generated_src(url): page for url, page in build.pages.items()}
        self.content_html = {}
        if not config.theme.custom_dir and str(PACKAGED_THEME) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(PACKAGED_THEME))
        self.next_output = _Output(Path(config.site_dir).resolve(), raw_config)
        self.incremental = (self.serving and self.output is not None and self.output.folder == self.next_output.folder
                            and self.output.config_file == self.next_output.config_file)
        if self.serving:
            _list_theme_once(config.theme, self.theme_listing, self.next_output.config_file)
        self._start_atomic_output(config)
        return config

    # ------------------------------------------------------------------ atomic output

    def _start_atomic_output(self, config) -> None:
        """MkDocs cleans and fills ``site_dir``; point it at a scratch folder beside the real one."""
        self.output_dir = Path(config.site_dir).resolve()
        parent = self.output_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(f"{SCRATCH_PREFIX}{self.output_dir.name}-*"):  # left by a killed build
            shutil.rmtree(stale, ignore_errors=True)
        self.scratch_dir = parent / f"{SCRATCH_PREFIX}{self.output_dir.name}-{id(self):x}"
        self.scratch_dir.mkdir()
        config.site_dir = str(self.scratch_dir)

    def _finish_atomic_output(self, config) -> None:
        output, scratch = self.output_dir, self.scratch_dir
        assert output is not None and scratch is not None  # set by _start_atomic_output
        if self.incremental:
            self._update_output(output, scratch)
            config.site_dir = str(output)
            self.output, self.scratch_dir = self.next_output, None
            return
        # a name of its own each build: in mkdocs serve the previous one may still be being deleted
        previous = output.parent / f"{SCRATCH_PREFIX}{output.name}-previous-{id(self):x}-{next(_BUILDS)}"
        if output.exists():
            output.rename(previous)
        scratch.rename(output)
        config.site_dir = str(output)
        self.output = self.next_output if self.serving else None
        if self.serving and not self.frozen:
            # What the first build keeps (every notice read, checked and rendered) lives as long as the server: left
            # out of the garbage collector's full passes, which took a second or more of a rebuild at 1,000 notices.
            gc.collect()
            gc.freeze()
            self.frozen = True
        if self.serving:  # the preview is served from now on; the old copy goes while it is looked at
            threading.Thread(target=shutil.rmtree, args=(previous,), kwargs={"ignore_errors": True},
                             daemon=True).start()
        else:
            shutil.rmtree(previous, ignore_errors=True)
        self.scratch_dir = None

    def _update_output(self, output: Path, scratch: Path) -> None:
        """mkdocs serve, a rebuild: the files this build wrote (in ``scratch``) replace their old copies in the
        output folder, one by one, and what the site no longer has is deleted; the rest is left as it was (it
        is what this build would have written: the same key, the same source or the same bytes)."""
        previous, current = self.output, self.next_output
        assert previous is not None
        for folder, _, names in os.walk(scratch):
            inside = Path(folder).relative_to(scratch)
            if names:
                (output / inside).mkdir(parents=True, exist_ok=True)
            for name in names:
                os.replace(Path(folder) / name, output / inside / name)
        gone = ({dest for src, dest in previous.pages.items() if src not in current.pages}
                | {path for path in previous.files if path not in current.files}
                | {dest for src, (dest, _) in previous.static.items() if src not in current.static})
        gone -= set(current.pages.values()) | set(current.files) | {dest for dest, _ in current.static.values()}
        for relative in sorted(gone):
            target = output / relative
            target.unlink(missing_ok=True)
            for parent in target.parents:  # its folders, if nothing else is left in them
                if parent == output or any(parent.iterdir()):
                    break
                parent.rmdir()
        shutil.rmtree(scratch, ignore_errors=True)

    def on_build_error(self, error) -> None:
        if self.scratch_dir is not None:
            shutil.rmtree(self.scratch_dir, ignore_errors=True)
            self.scratch_dir = None
            log.error(f"构建失败，{self.output_dir} 保持上次构建的内容，没有改动")
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    # ------------------------------------------------------------------ pages

    def on_files(self, files: Files, config) -> Files:
        for src_path in sorted(self.pages_by_src):
            if files.get_file_from_path(src_path) is not None:
                raise PluginError(f"{_docs_dir(config)}/{src_path} 与自动生成的页面同名：请改名")
        for file in list(files):  # Material's stylesheet, without what the pages never draw, under its own name
            if is_material_stylesheet(file.src_uri) and not file.is_documentation_page():
                source = file.content_string
                if self.trimmed_css is None or self.trimmed_css[0] != source:  # mkdocs serve: trimmed once
                    self.trimmed_css = (source, trimmed(source))
                css = self.trimmed_css[1]
                files.remove(file)
                files.append(File.generated(config, trimmed_name(css), content=css))
                config.extra["material_stylesheet"] = {"full": file.src_uri, "trimmed": trimmed_name(css)}
        if self.serving:
            self._leave_unchanged_static_files(files)
        self._add_generated_pages(files, config)
        return files

    def _add_generated_pages(self, files: Files, config) -> None:
        """The core's pages as MkDocs files. In a rebuild of ``mkdocs serve``, a page outside the navigation that
        the core made as before, in a site whose settings, theme overrides and navigation are as before, is left
        out: MkDocs neither renders nor writes it, and its file in the output folder stays (see ``_page_key``)."""
        self.reused = []
        previous = self.output if self.incremental and self.reuse_pages and _nav_is_settings(config) else None
        site = _site_key(config) if self.serving else ""
        in_nav = set(_nav_sources(config.nav or []))
        output_dir = self.output_dir or Path(config.site_dir)
        for src_path in sorted(self.pages_by_src):
            if self.serving:
                key = self.next_output.keys[src_path] = _page_key(site, self.pages_by_src[src_path])
                known = previous.files_by_src.get(src_path) if previous is not None else None
                if (previous is not None and known is not None and src_path not in in_nav
                        and previous.keys.get(src_path) == key and os.path.isfile(output_dir / known.dest_uri)):
                    self.reused.append(src_path)  # the same source and settings: the same file
                    self.next_output.files_by_src[src_path] = known
                    self.next_output.pages[src_path] = known.dest_uri
                    continue
            file = File.generated(config, src_path, content="")
            if self.serving:
                self.next_output.pages[src_path] = file.dest_uri
            files.append(file)
        if self.reused:
            log.info(f"预览：{len(self.reused)} 个页面没有变化，沿用上次构建的输出")

    def _leave_unchanged_static_files(self, files: Files) -> None:
        """mkdocs serve: a theme or docs file that is not a page is not copied again by a rebuild when its source
        is the one the output folder's copy was made from (the same size, time and inode, or the same bytes)."""
        output = self.output if self.incremental else None
        for file in list(files):
            if file.is_documentation_page():
                continue
            if file.abs_src_path is not None:
                try:
                    status = os.stat(file.abs_src_path)
                except OSError:
                    continue  # MkDocs will say why it cannot copy it
                stamp: Any = (status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev)
            else:
                stamp = hashlib.sha256(file.content_bytes).digest()
            self.next_output.static[file.src_uri] = (file.dest_uri, stamp)
            if output is not None and output.static.get(file.src_uri) == (file.dest_uri, stamp):
                files.remove(file)

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        build = self._site_build()
        src = page.file.src_uri
        generated = self.pages_by_src.get(src)
        if generated is not None:
            page.meta = text({"title": generated.title, "description": generated.description or ""})
            if generated.redirect_to:
                page.meta["redirect_to"] = text(generated.redirect_to)
            if generated.searchable:
                page.meta["search_index"] = True
            if self.serving:  # the preview's search index is the first build's (see on_post_build)
                page.meta["search_stale"] = True
            if generated.updated:
                # The sitemap's <lastmod> is the page's own date, not the day of the build.
                page.update_date = generated.updated.isoformat()
            html, headings = generated.html, generated.headings
        else:
            html, headings, unknown = render_content_page(markdown, build.snippets)
            if unknown:
                known = "、".join(sorted(build.snippets))
                raise PluginError(f"{_docs_dir(config)}/{src}: 未知的占位符 <!-- notices:{unknown[0]} -->，"
                                  f"可用：{known}")
            meta = dict(page.meta)
            meta.setdefault("title", _first_h1(html) or page.file.name)
            page.meta = text(meta)
            if self.serving:  # the preview's search index is the first build's (see on_post_build)
                page.meta["search_stale"] = True
        self.content_html[src] = (html, headings)
        page.render = _empty_render(page)
        return ""  # MkDocs' own Markdown has nothing to do: the page is the core's HTML

    def on_page_content(self, html: str, page, config, files) -> str:
        content, headings = self.content_html.pop(page.file.src_uri)
        page.toc = get_toc(cast(Any, toc_tokens(headings)))
        return content

    @event_priority(-100)  # last: the search index is part of the build, and the swap comes after all else
    def on_post_build(self, config) -> None:
        build = self._site_build()
        site_dir = Path(config.site_dir)
        written = self.output.files if self.incremental and self.output is not None else {}
        for path, data in sorted(build.files.items()):  # open data and the feed, before the search index
            if written.get(path) == data:
                continue  # a rebuild in mkdocs serve: the output folder has these bytes
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_bytes(data)
        if self.serving:
            self.next_output.files = dict(build.files)
            for file in self.next_output.files_by_src.values():  # kept for the sitemap: the HTML is written
                if file.page is not None:
                    file.page.content = None
        # The .gz and .br copies of the pages are written while the search index is made (each Pagefind run
        # keeps one core busy, the compression takes what is left: the same bytes); those of the search bundle and of
        # admin/, written meanwhile, after. Before the swap: the published site never lacks its copies (a preview
        # needs none).
        pool, compressing, early = None, None, []
        if not self.serving:
            early = [path for path in text_files(site_dir)
                     if path.relative_to(site_dir).parts[0] not in (BUNDLE_DIR, cms.ADMIN_DIR)]
            pool = ThreadPoolExecutor(1)
            compressing = pool.submit(compress_files, early)
        try:
            self._search_and_admin(config, build, site_dir)
            if config.strict and self.warnings.count:
                raise PluginError(f"构建中有 {self.warnings.count} 个警告（strict 模式下视为失败）")
        finally:
            if pool is not None:
                pool.shutdown(wait=True)  # no copy is written after the build fails or the output is swapped
        if compressing is not None:
            try:
                compressing.result()
                compress_files(sorted(set(text_files(site_dir)) - set(early)))
            except OSError as error:
                raise PluginError(f"压缩文件没有生成：{error}") from error
        self._finish_atomic_output(config)
        logging.getLogger("mkdocs").removeHandler(self.warnings)

    def _search_and_admin(self, config, build, site_dir: Path) -> None:
        """The search index (or, in a preview, the first build's) and admin/, written into ``site_dir``."""
        pages = [IndexPage(site_dir / entry.url / "index.html", entry)
                 for entry in build.collection.listed]  # a withdrawn notice is not found by search
        # Pagefind is installed by `npm ci` next to mkdocs.yml (or next to this package, for a project
        # that uses the plugin from elsewhere, as the benchmark's generated projects do).
        folders = [Path(config.config_file_path).resolve().parent, Path(generator.__file__).resolve().parent.parent]
        if self._search_stale():
            assert self.serve_index is not None  # _search_stale() says it was kept
            if not self.incremental:  # else the output folder has it
                shutil.copytree(Path(self.serve_index.name) / BUNDLE_DIR, site_dir / BUNDLE_DIR, copy_function=_link)
            log.info("预览：检索索引沿用首次构建的，未包含之后的修改")
        else:
            try:
                count = index_notices(site_dir, pages, find_pagefind(folders),
                                      language=config.theme["language"] or "zh",
                                      shard_size=self.config.search_shard_size,
                                      parallel=self.config.search_parallel_runs)
            except (SearchIndexError, OSError, RuntimeError) as error:
                raise PluginError(f"检索索引没有生成：{error}") from error
            log.info(f"检索索引：{count} 篇通报")
            if self.serving:
                self.serve_index = tempfile.TemporaryDirectory(prefix="notices-serve-index-")
                shutil.copytree(site_dir / BUNDLE_DIR, Path(self.serve_index.name) / BUNDLE_DIR)
        if self.cms is not None:
            try:
                admin = cms.write_admin(site_dir, cms.build_config(self.cms, self.config.notices_dir, config.site_url),
                                        self.cms, cms.find_decap(folders), config.site_name)
            except (cms.CmsSettingsError, OSError) as error:
                raise PluginError(f"在线编辑页面（admin/）没有生成：{error}") from error
            log.info(f"在线编辑页面：{admin.relative_to(site_dir).as_posix()}/（{self.cms['backend']}）")

    def on_env(self, env, config, files):
        """In ``mkdocs serve`` the theme's templates are compiled once, not again in every rebuild (Jinja's
        bytecode cache checks each template's source, so an edited template is compiled again)."""
        if self.serving:
            env.bytecode_cache = self.template_cache
            for file in files.documentation_pages():
                if file.src_uri in self.pages_by_src:
                    self.next_output.files_by_src[file.src_uri] = file
        return env

    def on_template_context(self, context, template_name, config):
        """The sitemap lists every page, those a rebuild left out too (the same order as a full build)."""
        if template_name != "sitemap.xml" or not self.reused:
            return context
        generated = self.next_output.files_by_src
        context["pages"] = ([file for file in context["pages"] if file.src_uri not in self.pages_by_src]
                            + [generated[src] for src in sorted(self.pages_by_src)])
        return context

    def on_serve(self, server, config, builder):
        server.watch(str(self._notices_dir(config)))
        return server


@dataclass
class _Output:
    """mkdocs serve: what the output folder holds (or will, for the build under way): mkdocs.yml as it was read,
    each page's file and key by its source, each other file's path and bytes (open data, feed, charts), each theme
    or docs file's destination and its source's stamp."""

    folder: Path | None = None
    config_file: bytes = b""
    pages: dict[str, str] = field(default_factory=dict)
    keys: dict[str, tuple] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    static: dict[str, tuple[str, Any]] = field(default_factory=dict)
    files_by_src: dict[str, File] = field(default_factory=dict)  # the core's pages as MkDocs files, with their pages


def _installed(folder: str) -> bool:
    """Whether a theme folder is an installed package's (Material, MkDocs' own): it does not change while serving."""
    return bool({"site-packages", "dist-packages"} & set(Path(folder).resolve().parts))


def _list_theme_once(theme, listings: dict[tuple, list[str]], config_file: bytes) -> None:
    """mkdocs serve: MkDocs lists every file of the theme's folders, in every build, to find its
    assets (Material's thousands of icons: a tenth of a second or more), filtered by rules of its own made from
    mkdocs.yml; the installed themes' folders do not change, so the list is the previous build's as long as the
    other folders (the overrides) list the same files."""
    get_env = theme.get_env

    def env():
        made = get_env()
        listing = made.list_templates
        folders = list(made.loader.searchpath)

        def list_templates(extensions=None, filter_func=None):
            live = tuple((folder, tuple(sorted(str(path) for path in Path(folder).rglob("*"))))
                         for folder in folders if not _installed(folder))
            key = (tuple(folders), repr(extensions), live, config_file)
            if key not in listings:
                listings.clear()
                listings[key] = listing(extensions, filter_func)
            return list(listings[key])

        made.list_templates = list_templates
        return made

    theme.get_env = env


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory, by template name and source checksum (Jinja checks both)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _link(source: str, target: str) -> None:
    """A file of the kept search index into the preview: a hard link where the file system allows (nothing
    writes to these files; the next rebuild only unlinks them), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _empty_render(page):
    """``page.render`` for the empty Markdown the plugin hands MkDocs: what MkDocs' own would set, without
    making a Markdown converter with every extension for each page (a tenth of a build)."""
    def render(config, files) -> None:
        page.content = ""
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    return render


def _site_key(config) -> str:
    """What every page of the theme shows besides its own content: the settings (mkdocs.yml, its navigation
    included, and what the plugin set) and the theme's files outside the installed packages (the overrides)."""
    digest = hashlib.sha256()
    digest.update(Path(config.config_file_path).read_bytes())
    digest.update(repr((config.site_name, config.site_url, config.site_description, config.copyright,
                        sorted((key, repr(value)) for key, value in dict(config.extra).items()),
                        list(config.extra_css), [str(script) for script in config.extra_javascript],
                        config.theme["language"], sorted((k, repr(v)) for k, v in config.theme.items()),
                        repr(config.nav))).encode("utf-8"))
    for folder in map(Path, config.theme.dirs):
        if _installed(str(folder)):
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _page_key(site: str, page: Page) -> tuple:
    """What a generated page's output is made from: the site's key and the core's finished page (its URL, title,
    HTML, headings, description, date and redirect); the page objects a rebuild takes from the core's caches
    are the same objects, so comparing them costs nothing."""
    return (site, page)


def _nav_sources(items) -> list[str]:
    """The pages the navigation of mkdocs.yml names."""
    found: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if isinstance(value, list):
            found += _nav_sources(value)
        elif isinstance(value, str):
            found.append(value)
    return found


def _nav_is_settings(config) -> bool:
    """Whether the navigation is all in mkdocs.yml: every entry with its title (a page's own title, which an edit
    may change, is not shown in it), so a page outside it is the same whatever other pages say."""
    def titled(items) -> bool:
        for item in items:
            if not (isinstance(item, dict) and len(item) == 1):
                return False
            value = next(iter(item.values()))
            if isinstance(value, list) and not titled(value):
                return False
        return True

    return config.nav is not None and titled(config.nav)


def _first_h1(html: str) -> str | None:
    import re
    from html import unescape

    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).replace("¶", "").strip() if match else None


def _docs_dir(config) -> str:
    """The docs folder as editors know it (``content``), relative to mkdocs.yml."""
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    return docs.relative_to(root).as_posix() if docs.is_relative_to(root) else config.docs_dir
