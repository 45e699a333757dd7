"""``notices``: the editors' command line (check, new, import, schema, server-config, export, search-index, init).
Exit 0 = fine, 1 = errors found, 2 = usage."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.check.revisions import check_revision_notes
from generator.model.notice import PROBLEMS_MARKER
from generator.model.scaffold import scaffold, scaffold_body
from generator.publish.cache import cache_folder
from generator.publish.open_data import schema_text
from generator.publish.site import check_site
from generator.read.config import read_config
from generator.read.diagnostics import code_quality_report, report
from generator.read.files import display_path
from generator.read.notices import CacheMismatch
from generator.text.slug import slugify

SCHEMA_PATH = Path("schema") / "notice.schema.json"
CHECK_FORMATS = ("text", "github", "codequality")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="notices", description="巡察整改通报：检查与工具")
    from generator.publish.new_site import version

    parser.add_argument("--version", action="version", version=f"notices {version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    check = commands.add_parser("check", help="检查全部通报和网站配置，逐条列出问题")
    check.add_argument("--config", default="mkdocs.yml", help="网站配置文件（默认 mkdocs.yml）")
    check.add_argument("--notices", default="notices", help="通报目录（默认 notices）")
    check.add_argument("--base", help="与这个 git 版本比较（如 origin/main）：修改已发布的通报必须增加更正记录")
    check.add_argument("--format", choices=CHECK_FORMATS, default="text",
                       help="输出格式：text 逐行列出（默认）；github 另加 GitHub 注释命令；"
                            "codequality 输出 GitLab 代码质量报告（JSON，逐条说明改写到标准错误）")
    check.add_argument("--no-cache", action="store_true",
                       help="不读也不写检查缓存（默认缓存在 .cache/notices/，见 mkdocs.yml 的 cache_dir 和环境变量 "
                            "NOTICES_CACHE_DIR）：每篇通报都重新读取和检查")

    new = commands.add_parser("new", help="按模板新建一份通报")
    new.add_argument("title", help="通报标题")
    new.add_argument("--notices", default="notices", help="通报目录（默认 notices）")

    draft = commands.add_parser("import", help="把已发布的通报（文本、网页、Word 或 PDF）转成待核对的草稿")
    draft.add_argument("file", help="通报的文本文件（.txt）、另存的网页（.html）、Word 文档（.docx）或有文字层的 PDF")
    draft.add_argument("--out", help="草稿写入的目录（默认 notices/<发布年份>）")
    draft.add_argument("--name", help="草稿文件名（不含扩展名，默认由标题的拼音生成）")
    draft.add_argument("--notices", default="notices", help="通报目录（默认 notices）")

    schema = commands.add_parser("schema", help="生成编辑器使用的 JSON Schema")
    schema.add_argument("--check", action="store_true", help="只检查已提交的 Schema 是否最新")
    schema.add_argument("--output", default=str(SCHEMA_PATH), help=f"输出文件（默认 {SCHEMA_PATH}）")

    server = commands.add_parser("server-config", help="生成网站服务器的配置（含安全头、缓存和预压缩文件的设置）")
    server.add_argument("software", choices=["nginx"], help="服务器软件（目前支持 nginx）")
    server.add_argument("--server-name", help="网站域名，多个用空格分开（默认取 mkdocs.yml 中 site_url 的域名）")
    server.add_argument("--root", default="/var/www/notices",
                        help="服务器上存放网站文件的目录（默认 /var/www/notices）")
    server.add_argument("--brotli", action="store_true",
                        help="nginx 已装 brotli 模块时加上：发送预压缩的 .br 文件")

    export = commands.add_parser("export", help="把整个网站导出为普通页面和不需要 notices 插件的 mkdocs.yml")
    export.add_argument("dir", help="导出到这个文件夹（须不存在或为空）")
    export.add_argument("--config", default="mkdocs.yml", help="网站配置文件（默认 mkdocs.yml）")

    search_index = commands.add_parser("search-index", help="为已构建的网站（如导出后构建的网站）生成检索索引")
    search_index.add_argument("site", help="已构建的网站文件夹（如 site）")
    search_index.add_argument("--config", default="mkdocs.yml", help="原项目的网站配置文件（默认 mkdocs.yml）")

    init = commands.add_parser("init", help="新建一个通报网站（配置、页面、示例通报、发布流程）")
    init.add_argument("dir", help="新网站的文件夹（须不存在或为空）")

    args = parser.parse_args(argv)
    if args.command == "export":
        return run_export(Path(args.config), Path(args.dir))
    if args.command == "search-index":
        return run_search_index(Path(args.config), Path(args.site))
    if args.command == "init":
        from generator.publish.new_site import run_init

        return run_init(Path(args.dir))
    if args.command == "server-config":
        return run_server_config(args.server_name, args.root, args.brotli)
    if args.command == "check":
        return run_check(Path(args.config), Path(args.notices), args.base, args.format, args.no_cache)
    if args.command == "new":
        return run_new(args.title, Path(args.notices))
    if args.command == "import":
        return run_import(Path(args.file), Path(args.notices), args.out and Path(args.out), args.name)
    return run_schema(Path(args.output), args.check)


def run_new(title: str, notices_dir: Path, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    if not title.strip():
        print("error: 通报标题不能为空：notices new \"通报标题\"")
        return 1
    if notices_dir.exists() and not notices_dir.is_dir():
        print(f"{notices_dir.as_posix()}: error: 这不是文件夹：--notices 应是通报文件夹")
        return 1
    path = notices_dir / str(today.year) / f"{slugify(title)}.yml"
    if path.exists():
        print(f"{path.as_posix()}: error: 文件已存在，没有覆盖：请换一个标题，或直接编辑这个文件")
        return 1
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(scaffold(title, today), encoding="utf-8")
        body = path.with_suffix(".md")
        if not body.exists():
            body.write_text(scaffold_body(), encoding="utf-8")
    except OSError as exc:
        print(f"{path.as_posix()}: error: 无法新建通报文件（{exc.strerror}）")
        return 1
    print(f"已新建 {path.as_posix()}：请按文件中的说明填写，然后运行 notices check")
    print(f"通报正文写在 {body.as_posix()}：{PROBLEMS_MARKER}一行是问题清单在正文中的位置，按原文移到对应的两节之间")
    return 0


def run_import(source: Path, notices_dir: Path, out_dir: Path | None, name: str | None) -> int:
    from generator.importing.importer import ImportFailed, format_report, import_notice, write_draft

    try:
        result = import_notice(source)
        if out_dir is None:
            published = result.notice.get("published")
            # without a found date the draft must not land among this year's notices: it waits in undated/
            out_dir = notices_dir / (str(published.year) if published else "undated")
        write_draft(result, out_dir, name)
    except ImportFailed as exc:
        print(f"error: {exc}")
        return 1
    print(format_report(result))
    print("下一步：对照原文核对草稿，处理上面列出的事项，然后运行 notices check")
    return 0


def run_check(config_path: Path, notices_dir: Path, base: str | None = None, output_format: str = "text",
              no_cache: bool = False) -> int:
    """Checks the site; prints the findings in ``output_format``. With ``codequality`` the report is
    the only output on standard output (for ``> gl-code-quality-report.json``), the messages and the
    summary go to standard error, for the job's log. ``no_cache``: the check cache is neither read nor written."""
    root = config_path.parent.resolve()
    config, problems = read_config(config_path)
    if config is None:
        return _print_check(problems, output_format, None)
    notices_path = notices_dir if notices_dir.is_absolute() else root / notices_dir
    content_dir = root / str(config.get("docs_dir") or "docs")
    site_dir = root / str(config.get("site_dir") or "site")
    cache, cache_problems = cache_folder(root, _plugin_option(config, "cache_dir"), disabled=no_cache,
                                         inside_refused=(notices_path, content_dir, site_dir))
    try:
        build = check_site(root, notices_path, config, config_path.name, config, content_dir, cache)
        for problem in cache_problems + build.cache_problems:  # about the cache, not a notice: never on stdout
            print(f"warning: {problem}", file=sys.stderr)
        if build.cache_note and output_format != "codequality":  # there standard error holds the findings only
            print(f"检查缓存：{build.cache_note}", file=sys.stderr)
        if base:
            shown = display_path(notices_path, root)
            build.diagnostics = sorted(build.diagnostics + check_revision_notes(build.collection, root, shown, base))
    except CacheMismatch as error:  # a cache entry made by hand, or a file changed while it was checked
        print(f"error: {error}", file=sys.stderr)
        return 1
    return _print_check(build.diagnostics, output_format, len(build.collection.entries))


def _plugin_option(config, name: str) -> str | None:
    """An option of the notices plugin in ``mkdocs.yml`` as text, None when not given."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "notices" in plugin:
            value = (plugin["notices"] or {}).get(name)
            return None if value is None else str(value)
    return None


def _print_check(diagnostics: list, output_format: str, count: int | None) -> int:
    messages = sys.stdout
    if output_format == "codequality":
        sys.stdout.write(code_quality_report(diagnostics))
        messages = sys.stderr
    output = report(diagnostics, github=True if output_format == "github" else None)
    if output:
        print(output, file=messages)
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if count is None:
        return 1
    if errors:
        print(f"检查未通过：{errors} 个错误，{warnings} 个警告。请按上面的提示修改后再提交。", file=messages)
        return 1
    print(f"检查通过：{count} 篇通报，{warnings} 个警告。", file=messages)
    return 0


def _empty_or_missing(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def run_export(config_path: Path, out: Path) -> int:
    from generator.engines.export import export_site

    if not _empty_or_missing(out):
        print(f"{out.as_posix()}: error: 文件夹不是空的：请指定一个不存在或空的文件夹，已有的文件不会被覆盖")
        return 1
    result = export_site(config_path, out)
    output = report(result.diagnostics)
    if output:
        print(output)
    for problem in result.problems:
        print(problem)
    if not result.ok:
        print("导出未完成：请按上面的提示修改后再导出。")
        return 1
    print(f"已导出 {result.pages} 个页面到 {out.as_posix()}。构建：cd {out.as_posix()} && mkdocs build --strict；"
          f"然后生成检索索引：notices search-index {(out / 'site').as_posix()} --config {config_path.as_posix()}")
    return 0


def run_search_index(config_path: Path, site: Path) -> int:
    import generator
    from generator.search.pagefind import (
        DEFAULT_SHARD_SIZE,
        IndexPage,
        SearchIndexError,
        find_pagefind,
        index_notices,
        parallel_runs_problem,
        shard_size_problem,
    )

    root = config_path.parent.resolve()
    config, problems = read_config(config_path)
    if config is None:
        print(report(problems))
        return 1
    if not site.is_dir():
        print(f"{site.as_posix()}: error: 找不到已构建的网站：请先构建（mkdocs build）")
        return 1
    notices_dir, shard_size, parallel = "notices", DEFAULT_SHARD_SIZE, None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "notices" in plugin:
            options = plugin["notices"] or {}
            notices_dir = str(options.get("notices_dir", notices_dir))
            shard_size = options.get("search_shard_size", shard_size)
            parallel = options.get("search_parallel_runs", parallel)
    problem = shard_size_problem(shard_size) or parallel_runs_problem(parallel)
    if problem:
        print(f"{config_path.as_posix()}: error: {problem}")
        return 1
    build = check_site(root, root / notices_dir, config, config_path.name, config)
    if not build.ok:
        print(report(build.diagnostics))
        return 1
    pages = [IndexPage(site / entry.url / "index.html", entry) for entry in build.collection.listed]
    language = str((config.get("theme") or {}).get("language") or "zh")
    try:
        pagefind = find_pagefind([root, Path.cwd(), Path(generator.__file__).resolve().parent.parent])
        count = index_notices(site, pages, pagefind, language=language, shard_size=shard_size,
                              parallel=parallel)
    except (SearchIndexError, OSError, RuntimeError) as error:
        print(f"error: 检索索引没有生成：{error}")
        return 1
    print(f"检索索引：{count} 篇通报，写入 {(site / 'pagefind').as_posix()}")
    return 0


def run_server_config(server_name: str | None, root: str, brotli: bool) -> int:
    from generator.publish.server_config import (
        ServerConfigError,
        admin_policy_of,
        default_server_name,
        nginx_config,
    )

    config = Path("mkdocs.yml")
    try:
        recipe = nginx_config(server_name or default_server_name(config), root, brotli,
                              admin_csp=admin_policy_of(config))
        print(recipe, end="")
    except ServerConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def run_schema(output: Path, check_only: bool) -> int:
    if output.is_dir():
        print(f"{output.as_posix()}: error: 这是一个文件夹：--output 应是 Schema 文件的路径，如 {SCHEMA_PATH}")
        return 1
    text = schema_text()
    if check_only:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(f"{output.as_posix()}: error: JSON Schema 不是最新的：请运行 notices schema 重新生成并提交")
            return 1
        print(f"{output.as_posix()}: JSON Schema 是最新的")
        return 0
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"{output.as_posix()}: error: 无法写入 JSON Schema（{exc.strerror}）")
        return 1
    print(f"已写入 {output.as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
