"""``notices export DIR``: the whole site as plain pages for an engine without the notices plugin.

The core checks and renders every page (:func:`generator.publish.site.build_site`); this dialect writes
them as MkDocs pages (``DIR/docs/<url>index.md``: front matter with the title and description, then the
page's finished HTML as one HTML block) beside a ``DIR/mkdocs.yml`` that lists no notices plugin, so a
stock MkDocs + Material for MkDocs, ProperDocs or Zensical builds it. The hand-written pages of
``content/`` are written with their ``<!-- notices:NAME -->`` placeholders filled, the theme overrides
are copied with the footer filled in from the settings, and the values the templates need go to
``extra``. The files the core makes beside the pages (the chart SVGs, the open data, the Atom feed)
are written into ``DIR/docs`` as they are, so the engine copies them into the site. Every text from a
notice or a setting is written HTML-escaped, as the plugin hands it to the theme (whose templates do
not autoescape).

What the plugin does and the export does not: the search index (run ``notices search-index SITE``
after the build), the table of contents in the sidebar, atomic builds, ``<lastmod>`` in the sitemap.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from ruamel.yaml import YAML

from generator.model.settings import FILING_LABELS
from generator.model.vocabulary import search_stop_characters
from generator.publish.csp import content_security_policy
from generator.publish.site import build_site
from generator.read.config import read_config
from generator.read.diagnostics import Diagnostic
from generator.render.pages import render_content_page

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
OVERRIDES = "overrides"  # the theme's custom_dir inside the export
# Settings the export takes over unchanged from the project's mkdocs.yml.
KEPT_SETTINGS = ("site_url", "use_directory_urls", "extra_css", "extra_javascript", "nav", "validation", "copyright")
HTML_TITLE = """\
{%- block htmltitle %}
  {%- if page.meta and page.meta.title %}
    <title>{{ page.meta.title }} - {{ config.site_name }}</title>
  {%- else %}
    <title>{{ config.site_name }}</title>
  {%- endif %}
{%- endblock %}
"""


@dataclass
class Export:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages: int = 0
    problems: list[str] = field(default_factory=list)  # located messages that are not diagnostics

    @property
    def ok(self) -> bool:
        return not self.problems and not any(d.severity == "error" for d in self.diagnostics)


def _front_matter(values: dict[str, Any]) -> str:
    # JSON is YAML: every value quoted, whatever characters a title holds.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def page_text(meta: dict[str, Any], html: str) -> str:
    """A page for MkDocs: its front matter and its finished HTML, one HTML block that Markdown leaves alone."""
    return _front_matter(meta) + '<div class="notices-page">\n' + html.strip() + "\n</div>\n"


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value, quote=True)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def _first_h1(html: str) -> str | None:
    from html import unescape

    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).replace("¶", "").strip() if match else None


def export_site(config_path: Path, out: Path) -> Export:
    """Writes the export of the project of ``config_path`` into ``out`` (which must not exist or be empty)."""
    result = Export()
    yaml = YAML()
    config, problems = read_config(config_path)
    if config is None:
        result.diagnostics = list(problems)
        return result
    root = config_path.parent.resolve()
    content_dir = root / str(config.get("docs_dir") or "docs")
    plugin_options: dict[str, Any] = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "notices" in plugin:
            plugin_options = dict(plugin["notices"] or {})
    notices_dir = root / str(plugin_options.get("notices_dir", "notices"))
    values = {"site_name": config.get("site_name"), "site_description": config.get("site_description"),
              "extra": dict(config.get("extra") or {})}
    site_url = str(config["site_url"]) if config.get("site_url") else None  # the feed's links, as the plugin's
    build = build_site(root, notices_dir, values, config_path.name, config, content_dir, site_url)
    result.diagnostics = build.diagnostics
    if not build.ok:
        return result
    settings = build.settings
    assert settings is not None  # build.ok: the settings loaded
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    written: dict[Path, str] = {}
    for url, page in sorted(build.pages.items()):
        meta: dict[str, Any] = {"title": page.title, "description": page.description or ""}
        if page.redirect_to:
            meta["redirect_to"] = page.redirect_to
        if page.searchable:
            meta["search_index"] = True
        written[Path(f"{url}index.md")] = page_text(_escaped(meta), page.html)
    for source in sorted(content_dir.rglob("*")):
        relative = source.relative_to(content_dir)
        if source.is_dir() or any(part.startswith(".") for part in relative.parts):
            continue
        if source.suffix != ".md":
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, docs / relative)
            continue
        text = source.read_text(encoding="utf-8")
        meta = {}
        match = FRONT_MATTER.match(text)
        if match:
            meta = dict(yaml.load(match.group(1) or "") or {})
            text = text[match.end():]
        html, _, unknown = render_content_page(text, build.snippets)
        display = f"{content_dir.relative_to(root).as_posix()}/{relative.as_posix()}"
        if unknown:
            known = "、".join(sorted(build.snippets))
            result.problems.append(f"{display}: error: 未知的占位符 <!-- notices:{unknown[0]} -->，可用：{known}")
            continue
        if relative in written:
            result.problems.append(f"{display}: error: 与自动生成的页面同名：请改名")
            continue
        meta.setdefault("title", _first_h1(html) or source.stem)
        meta = {key: (_escaped(value) if key in ("title", "description") else value) for key, value in meta.items()}
        written[relative] = page_text(meta, html)
    if result.problems:
        return result
    for relative, text in sorted(written.items()):
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text(text, encoding="utf-8")
    result.pages = len(written)
    for path, data in sorted(build.files.items()):  # charts, open data, the feed: a stock engine copies them
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)
    theme = dict(config.get("theme") or {"name": "material"})
    custom_dir = theme.get("custom_dir")
    _write_overrides(root / custom_dir if custom_dir else None, out / OVERRIDES, settings)
    theme["custom_dir"] = OVERRIDES
    exported: dict[str, Any] = {"site_name": _escaped(settings.site_name)}
    if settings.site_description:
        exported["site_description"] = _escaped(settings.site_description)
    exported["docs_dir"] = "docs"
    exported.update((key, config[key]) for key in KEPT_SETTINGS if key in config)
    exported["strict"] = True
    exported["theme"] = theme
    exported["plugins"] = []  # no notices plugin; no Material search either (the site searches with Pagefind)
    exported["extra"] = {
        "generator": False,
        "content_security_policy": content_security_policy(),
        "search_stop_characters": _escaped(search_stop_characters()),
    }
    buffer = io.StringIO()
    yaml.dump(_plain(exported), buffer)
    header = ("# 由 notices export 从项目的 mkdocs.yml 生成，不需要 notices 插件。"
              "请修改原项目后重新导出，不要直接修改本文件。\n"
              "# 构建：mkdocs build --strict（或 properdocs build --strict）；检索索引：notices search-index site\n")
    (out / "mkdocs.yml").write_text(header + buffer.getvalue(), encoding="utf-8")
    return result


def _plain(value: Any) -> Any:
    """ruamel's round-trip values as plain Python values (a fresh, comment-free YAML document)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    return value


def _write_overrides(source: Path | None, target: Path, settings) -> None:
    """The project's theme overrides with the footer filled in (no template reads the plugin's values),
    and a page title from the escaped front matter (Material's own strips tags, which would unescape it)."""
    if source is not None and source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    target.mkdir(parents=True, exist_ok=True)
    footer = target / "partials" / "footer.html"
    if footer.is_file():
        env = Environment(loader=FileSystemLoader(str(footer.parent)), autoescape=True, keep_trailing_newline=True)
        filled = env.get_template("footer.html").render(config={"extra": {
            "filing": settings.filing.model_dump(exclude_none=True), "filing_links": settings.filing.links(),
            "filing_labels": FILING_LABELS}})
        footer.write_text(filled, encoding="utf-8")
    header = target / "partials" / "header.html"
    if header.is_file():  # the site name is written escaped: do not escape it twice
        header.write_text(header.read_text(encoding="utf-8").replace("config.site_name | e ", "config.site_name "),
                          encoding="utf-8")
    main = target / "main.html"
    text = main.read_text(encoding="utf-8") if main.is_file() else '{% extends "base.html" %}\n'
    if "block htmltitle" not in text:
        text += HTML_TITLE
    main.write_text(text, encoding="utf-8")
