"""``notices init DIR``: a new site, ready to build after ``npm ci``.

The files come from ``generator/site_template/`` (package data; names starting ``_dot_`` are written
with a leading dot, as package data leaves dotfiles out). Also written: the JSON Schema for editors
(``schema/notice.schema.json``) and the nginx recipe (``deploy/nginx/notices.conf``).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.publish.server_config import nginx_config

TEMPLATE = "site_template"
DOT = "_dot_"
VERSIONED = ("requirements.txt",)  # files holding {version}


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("xuncha-notices")
    except PackageNotFoundError:  # run from a source tree without installing it
        return "0+unknown"


def _files(folder: Traversable, prefix: Path) -> list[tuple[Path, bytes]]:
    found = []
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if item.name == "__pycache__":
            continue
        name = "." + item.name[len(DOT):] if item.name.startswith(DOT) else item.name
        if item.is_dir():
            found += _files(item, prefix / name)
        else:
            found.append((prefix / name, item.read_bytes()))
    return found


def site_files() -> list[tuple[Path, bytes]]:
    """Every file of a new site: (path relative to the site, content)."""
    from generator.cli import schema_text

    files = _files(resources.files("generator") / TEMPLATE, Path())
    files = [(path, content.replace(b"{version}", version().encode()) if path.name in VERSIONED else content)
             for path, content in files]
    files.append((Path("schema") / "notice.schema.json", schema_text().encode()))
    files.append((Path("deploy") / "nginx" / "notices.conf", nginx_config().encode()))
    return sorted(files)


def run_init(target: Path) -> int:
    shown = target.as_posix()
    if target.exists() and not target.is_dir():
        print(f"{shown}: error: 这不是文件夹：请指定一个不存在或空的文件夹")
        return 1
    if target.is_dir() and any(target.iterdir()):
        print(f"{shown}: error: 文件夹不是空的：notices init 只在不存在或空的文件夹中新建网站，已有的文件不会被覆盖")
        return 1
    try:
        for relative, content in site_files():
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    except OSError as exc:
        print(f"{shown}: error: 无法写入新网站（{exc.strerror}）")
        return 1
    print(f"已在 {shown} 新建网站。下一步：")
    print(f"  cd {shown}")
    print("  npm ci                  # 安装 Pagefind（检索索引）")
    print("  mkdocs build --strict   # 构建网站到 site/；mkdocs serve 可在本机预览")
    print("请先在 mkdocs.yml 的 extra.filing 中填写网站底部的备案信息，"
          "并删除 notices/2024/ 下的示例通报（shili-tongbao.yml 和 .md）。")
    return 0
