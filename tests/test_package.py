"""The package as a unit receives it: a wheel with the theme, templates, data and JSON Schema, and
``notices init`` writing a new site that builds."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import BUILD_ENV, ROOT
from generator import cli

EXAMPLE = "notices/shi-li-mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao"


def run(cwd: Path, *args: str) -> tuple[int, list[str]]:
    output = io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(output):
            try:
                code = cli.main(list(args))
            except SystemExit as exit:
                code = exit.code
    finally:
        os.chdir(previous)
    return code, output.getvalue().splitlines()


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return text.split('\nversion = "')[1].split('"')[0]


def test_version_is_the_package_version_and_in_the_changelog():
    assert run(ROOT, "--version") == (0, [f"notices {version()}"])
    assert f"## {version()}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    assert run(tmp_path, "init", ".") == (1, [
        ".: error: 文件夹不是空的：notices init 只在不存在或空的文件夹中新建网站，已有的文件不会被覆盖"])
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]


def test_init_writes_a_site_that_passes_the_check(tmp_path):
    code, lines = run(tmp_path, "init", "new-site")
    assert code == 0 and lines[0] == "已在 new-site 新建网站。下一步："
    site = tmp_path / "new-site"
    for name in (".github/workflows/deploy.yml", ".github/workflows/check.yml", ".gitlab-ci.yml",
                 ".pre-commit-config.yaml", ".vscode/settings.json", "deploy/nginx/notices.conf",
                 "package.json", "package-lock.json", "content/index.md", "schema/notice.schema.json"):
        assert (site / name).is_file(), name
    assert (site / "schema" / "notice.schema.json").read_text(encoding="utf-8") == cli.schema_text()
    assert (site / "requirements.txt").read_text(encoding="utf-8").endswith(f"\nxuncha-notices=={version()}\n")
    example = (site / "notices" / "2024" / "shili-tongbao.yml").read_text(encoding="utf-8")
    assert "【示例通报】" in example and "请删除本文件" in example
    assert "custom_dir" not in (site / "mkdocs.yml").read_text(encoding="utf-8").split("#")[0]
    assert run(site, "check") == (0, ["检查通过：1 篇通报，0 个警告。"])


@pytest.mark.skipif(shutil.which("npm") is None, reason="needs npm (Node.js) for npm ci")
def test_wheel_in_a_fresh_venv_inits_and_builds_a_site(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
                   check=True, capture_output=True)
    [wheel] = list(wheels.glob("xuncha_notices-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("generator/engines/mkdocs/theme/main.html", "generator/engines/mkdocs/theme/partials/footer.html",
                 "generator/engines/mkdocs/theme/assets/javascripts/pagefind-search.js",
                 "generator/render/templates/notice.html.j2", "generator/data/statuses.yml",
                 "generator/data/notice.schema.json", "generator/site_template/mkdocs.yml",
                 "generator/site_template/_dot_github/workflows/deploy.yml"):
        assert name in names, name
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    subprocess.run([bin_dir / "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    init = subprocess.run([bin_dir / "notices", "init", "site-src"], cwd=tmp_path, capture_output=True, text=True)
    assert init.returncode == 0, init.stdout
    project = tmp_path / "site-src"
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=project, check=True, capture_output=True)
    build = subprocess.run([bin_dir / "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True,
                           env=BUILD_ENV)
    assert build.returncode == 0, build.stderr
    assert "检索索引：1 篇通报" in build.stderr
    page = (project / "site" / EXAMPLE / "index.html").read_text(encoding="utf-8")
    assert "【示例】某区委关于某专项巡察整改情况的通报" in page
    assert "主办：某某区纪委监委（请填写主办单位）" in page  # the packaged footer
    assert (project / "site" / "assets" / "javascripts" / "pagefind-search.js").is_file()
