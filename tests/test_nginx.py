"""The nginx recipe (``notices server-config nginx``, ``deploy/nginx/notices.conf``) serving the sample
site in Debian's nginx on 127.0.0.1: security headers (the site's own CSP), precompressed files,
charset, cache headers, the 404 page, no directory listing, dotfiles denied.

nginx comes from Debian (``scripts/setup`` installs it when run as root, as CI does; these tests
install it too when root). Only a non-root run without nginx (or, for the .br test, without brotli
and nginx's brotli module) skips, and says why.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT
from generator.cli import main
from generator.publish.csp import admin_content_security_policy, content_security_policy
from generator.publish.server_config import EXAMPLE, NGINX_EXAMPLE_PATH, ServerConfigError, nginx_config

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}
IS_ROOT = os.geteuid() == 0


def test_committed_recipe_is_up_to_date(capsys):
    committed = (ROOT / NGINX_EXAMPLE_PATH).read_text(encoding="utf-8")
    assert committed == nginx_config(**EXAMPLE), (
        "deploy/nginx/notices.conf 不是最新的：请运行 notices server-config nginx "
        f"--server-name {EXAMPLE['server_name']} --root {EXAMPLE['root']} > {NGINX_EXAMPLE_PATH}")
    assert main(["server-config", "nginx", "--server-name", EXAMPLE["server_name"], "--root", EXAMPLE["root"]]) == 0
    assert capsys.readouterr().out == committed


def test_recipe_carries_the_one_policy_and_the_editors_own():
    recipe = nginx_config()
    assert "\n    add_header Content-Security-Policy $notices_csp always;\n" in recipe
    assert f'\n    default         "{content_security_policy(header=True)}";\n' in recipe
    assert f'\n    "~^/admin/"     "{admin_content_security_policy(header=True)}";\n' in recipe
    assert "frame-ancestors 'none'" in admin_content_security_policy(header=True)
    assert "\n    # brotli_static on;\n" in recipe and "\n    brotli_static on;\n" in nginx_config(brotli=True)


@pytest.mark.parametrize("kwargs", [{"server_name": "a;b"}, {"server_name": " "}, {"root": "var/www"},
                                    {"root": "/var/www notices"}, {"root": "/"}, {"root": "/srv/../etc"},
                                    {"root": '/srv/"x'}])
def test_values_that_would_break_the_config_are_refused(kwargs):
    with pytest.raises(ServerConfigError):
        nginx_config(**kwargs)


def test_cli_says_what_is_wrong(capsys):
    assert main(["server-config", "nginx", "--root", "relative/path"]) == 1
    assert capsys.readouterr().err.startswith("error: 网站目录“relative/path”不能用于 nginx 配置：应是绝对路径")


def test_cli_default_server_name_is_the_site_url_host(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["server-config", "nginx"]) == 0
    assert "\n    server_name example.gov.cn;\n" in capsys.readouterr().out


def test_cli_gives_the_editor_the_code_hosts_origins_from_mkdocs_yml(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    Path("mkdocs.yml").write_text("site_name: 巡察整改公开\nextra:\n  cms:\n    backend: gitlab\n"
                                  "    repo: dgjw/xuncha-notices\n    base_url: https://gitlab.example.gov.cn\n"
                                  "    app_id: 0123abcd\n", encoding="utf-8")
    assert main(["server-config", "nginx"]) == 0
    policy = admin_content_security_policy(["https://gitlab.example.gov.cn"], header=True)
    assert f'"~^/admin/"     "{policy}";' in capsys.readouterr().out
    assert "connect-src 'self' https://gitlab.example.gov.cn;" in policy


def test_cli_names_a_bad_cms_setting(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    Path("mkdocs.yml").write_text("site_name: 巡察整改公开\nextra:\n  cms:\n    backend: svn\n", encoding="utf-8")
    assert main(["server-config", "nginx"]) == 1
    assert capsys.readouterr().err == (
        "error: mkdocs.yml: extra.cms.backend 只能写 github、gitlab、gitea 之一，现为 'svn'\n")


# --- nginx itself -------------------------------------------------------------------------------


def _debian_tool(command: str, package: str) -> str | None:
    """The path of a Debian tool, installing its package when root; None when missing and not root."""
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin:/usr/bin")
    if found or not IS_ROOT:
        return found
    _apt_install(package)
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin:/usr/bin")
    assert found, f"{package} 已安装，却找不到 {command}"
    return found


def _apt_install(package: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(["apt-get", "install", "-y", "-qq", package], env=env).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _main_config(work: Path, recipe: str, load_brotli: bool) -> Path:
    """A whole nginx.conf around the recipe, with every file nginx writes inside ``work``."""
    (work / "notices.conf").write_text(recipe, encoding="utf-8")
    lines = []
    if IS_ROOT:
        lines.append("user root;")  # the workers read the site in pytest's private temp folder
    if load_brotli:
        lines.append(f"load_module {BROTLI_MODULE};")
    temp = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    lines += [
        "worker_processes 1;",
        f"pid {work}/nginx.pid;",
        f"error_log {work}/error.log;",
        "events { worker_connections 64; }",
        "http {",
        "    include /etc/nginx/mime.types;",
        "    default_type application/octet-stream;",
        f"    access_log {work}/access.log;",
        f"    {temp}",
        f"    include {work}/notices.conf;",
        "}",
    ]
    config = work / "nginx.conf"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def _nginx_command(nginx: str, work: Path, config: Path) -> list[str]:
    return [nginx, "-p", f"{work}/", "-c", str(config), "-e", f"{work}/error.log"]


@contextlib.contextmanager
def run_nginx(nginx: str, work: Path, site: Path, brotli: bool = False, admin_csp: str | None = None):
    """nginx serving ``site`` with the recipe on 127.0.0.1; yields the port. Stopped at the end."""
    work.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    recipe = nginx_config(server_name="localhost", root=str(site), brotli=brotli, listen=(f"127.0.0.1:{port}",),
                          admin_csp=admin_csp)
    config = _main_config(work, recipe, load_brotli=brotli)
    test = subprocess.run(_nginx_command(nginx, work, config) + ["-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen(_nginx_command(nginx, work, config) + ["-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 15
        while True:
            assert server.poll() is None, f"nginx 退出了：{server.stderr.read()}"
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            assert time.monotonic() < deadline, "nginx 15 秒内没有开始监听"
            time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stderr.close()


def precompress(site: Path, brotli: str | None) -> None:
    """The build wrote a .gz next to each text file; a .br is added here when the brotli tool is there."""
    texts = [p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES]
    assert all(p.with_name(p.name + ".gz").is_file() for p in texts)
    if brotli:
        subprocess.run([brotli, "-k", "-f", *map(str, texts)], check=True)


@pytest.fixture(scope="module")
def nginx() -> str:
    found = _debian_tool("nginx", "nginx")
    if not found:
        pytest.skip("没有 nginx，且不是 root 无法安装：请执行 sudo apt-get install nginx")
    return found


@pytest.fixture(scope="module")
def brotli_cli() -> str | None:
    return _debian_tool("brotli", "brotli")


@pytest.fixture(scope="module")
def www(sample_site, tmp_path_factory, brotli_cli) -> Path:
    """The sample site with precompressed files, a few dotfiles and an ACME challenge."""
    site = tmp_path_factory.mktemp("www") / "site"
    shutil.copytree(sample_site, site)
    precompress(site, brotli_cli)
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (site / ".env").write_text("SECRET=1\n", encoding="utf-8")
    (site / ".well-known" / "acme-challenge").mkdir(parents=True)
    (site / ".well-known" / "acme-challenge" / "token").write_text("token\n", encoding="utf-8")
    (site / "admin").mkdir()
    (site / "admin" / "index.html").write_text("<!doctype html><title>通报编辑</title>\n", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def server(nginx, www, tmp_path_factory):
    """The default recipe (brotli_static commented out), with no brotli module loaded."""
    with run_nginx(nginx, tmp_path_factory.mktemp("nginx"), www) as port:
        yield port


def get(port: int, path: str, **headers) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": "localhost", **headers})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def hashed(site: Path, pattern: str) -> str:
    [path] = site.glob(pattern)
    return "/" + path.relative_to(site).as_posix()


def test_page_security_headers(server):
    status, headers, _ = get(server, "/")
    assert status == 200
    assert headers["Content-Security-Policy"] == content_security_policy(header=True)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Server"] == "nginx"  # server_tokens off: no version
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"


def test_the_browser_editor_has_its_own_policy_and_the_same_other_headers(server):
    status, headers, _ = get(server, "/admin/")
    assert status == 200
    assert headers["Content-Security-Policy"] == admin_content_security_policy(header=True)
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
    # Only the folder: a missing page under it is the site's 404 page, with the site's policy.
    status, headers, _ = get(server, "/admin/no-such-file")
    assert (status, headers["Content-Security-Policy"]) == (404, content_security_policy(header=True))
    status, headers, _ = get(server, "/administration/")
    assert headers["Content-Security-Policy"] == content_security_policy(header=True)


def test_page_is_the_precompressed_file(server, www):
    status, headers, body = get(server, "/", **{"Accept-Encoding": "gzip"})
    assert (status, headers["Content-Encoding"], headers["Vary"]) == (200, "gzip", "Accept-Encoding")
    # The very bytes of index.html.gz (the build's): gzip_static, not nginx compressing on the fly.
    assert body == (www / "index.html.gz").read_bytes()
    status, headers, body = get(server, "/")
    assert (status, headers["Content-Encoding"], body) == (200, None, (www / "index.html").read_bytes())


def test_without_the_brotli_module_br_is_not_sent(server, www):
    _, headers, body = get(server, "/", **{"Accept-Encoding": "br, gzip"})
    assert headers["Content-Encoding"] == "gzip" and body == (www / "index.html.gz").read_bytes()


def test_a_folder_url_without_its_slash_is_redirected_relatively(server, www):
    notice = next((www / "notices").iterdir()).name
    status, headers, _ = get(server, f"/notices/{notice}")
    assert (status, headers["Location"]) == (301, f"/notices/{notice}/")


def test_cache_headers(server, www):
    year = "public, max-age=31536000, immutable"
    [index_chunk] = list((www / "pagefind" / "index").glob("*.pf_index"))[:1]
    expected = {
        hashed(www, "assets/stylesheets/main.*.min.css"): (year, "text/css; charset=utf-8"),
        hashed(www, "assets/javascripts/bundle.*.min.js"): (year, "application/javascript; charset=utf-8"),
        hashed(www, "pagefind/pagefind.*.pf_meta"): (year, "application/octet-stream"),
        "/pagefind/index/" + index_chunk.name: (year, "application/octet-stream"),
        "/pagefind/pagefind-entry.json": ("no-cache", "application/json; charset=utf-8"),
        "/pagefind/pagefind.js": ("no-cache", "application/javascript; charset=utf-8"),
        "/assets/stylesheets/notices.css": ("public, max-age=3600", "text/css; charset=utf-8"),
        "/assets/images/favicon.png": ("public, max-age=3600", "image/png"),
        "/sitemap.xml": ("no-cache", "text/xml; charset=utf-8"),
    }
    for path, (cache, content_type) in expected.items():
        status, headers, _ = get(server, path)
        assert (path, status, headers["Cache-Control"], headers["Content-Type"]) == (path, 200, cache, content_type)
        assert headers["Content-Security-Policy"] == content_security_policy(header=True)


def test_stylesheet_precompressed_too(server, www):
    path = hashed(www, "assets/stylesheets/main.*.min.css")
    _, headers, body = get(server, path, **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and body == (www / (path[1:] + ".gz")).read_bytes()


def test_missing_page_is_the_sites_404_page(server, www):
    status, headers, body = get(server, "/notices/no-such-notice/")
    assert status == 404
    assert body == (www / "404.html").read_bytes()
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Security-Policy"] == content_security_policy(header=True)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-cache"


def test_no_directory_listing(server):
    status, _, body = get(server, "/assets/")
    assert status == 403 and b"Index of" not in body


def test_dotfiles_are_denied_but_not_acme_challenges(server):
    for path in ("/.git/config", "/.env", "/.git/"):
        status, headers, body = get(server, path)
        assert (path, status) == (path, 403)
        assert b"SECRET" not in body and headers["X-Content-Type-Options"] == "nosniff"
    status, _, body = get(server, "/.well-known/acme-challenge/token")
    assert (status, body) == (200, b"token\n")


def test_brotli_line_needs_the_module(nginx, tmp_path, www):
    """Why the default recipe keeps brotli_static commented: without the module nginx refuses it."""
    port = _free_port()
    recipe = nginx_config(server_name="localhost", root=str(www), brotli=True, listen=(f"127.0.0.1:{port}",))
    config = _main_config(tmp_path, recipe, load_brotli=False)
    test = subprocess.run(_nginx_command(nginx, tmp_path, config) + ["-t"], capture_output=True, text=True)
    assert test.returncode == 1 and 'unknown directive "brotli_static"' in test.stderr


def test_with_the_brotli_module_br_files_are_sent(nginx, www, tmp_path, brotli_cli):
    if not brotli_cli:
        pytest.skip("没有 brotli 命令，无法生成 .br 文件：请执行 sudo apt-get install brotli")
    if not BROTLI_MODULE.exists():
        if not IS_ROOT:
            pytest.skip("没有 nginx 的 brotli 模块：请执行 sudo apt-get install libnginx-mod-http-brotli-static")
        _apt_install("libnginx-mod-http-brotli-static")
    with run_nginx(nginx, tmp_path, www, brotli=True) as port:
        status, headers, body = get(port, "/", **{"Accept-Encoding": "gzip, deflate, br"})
        assert (status, headers["Content-Encoding"]) == (200, "br")
        assert body == (www / "index.html.br").read_bytes()
        assert headers["Content-Security-Policy"] == content_security_policy(header=True)
        _, headers, body = get(port, "/", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip" and body == (www / "index.html.gz").read_bytes()
