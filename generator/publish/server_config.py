"""Web server recipes for the built site (``notices server-config nginx``).

Rendered from a template so that what must match the site comes from one place: the
Content-Security-Policy is ``csp.content_security_policy(header=True)``, not a copy, and the browser editor
(``/admin/``) gets its own, ``csp.admin_content_security_policy`` with the origins of the site's ``extra.cms``
(``admin_policy_of``: Decap cannot run under the site's policy, and a header's policy and the page's
``<meta>`` must both allow a request). The committed
example, ``deploy/nginx/notices.conf``, is this function's output for ``EXAMPLE`` (a test keeps it
up to date).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.publish.cms import ADMIN_DIR, CmsSettingsError, admin_policy, build_config, cms_settings
from generator.publish.csp import admin_content_security_policy, content_security_policy
from generator.read.config import read_config

NGINX_EXAMPLE_PATH = Path("deploy") / "nginx" / "notices.conf"
EXAMPLE = {"server_name": "example.gov.cn", "root": "/var/www/notices"}
DEFAULT_ROOT = "/var/www/notices"
DEFAULT_LISTEN = ("80", "[::]:80")

# What may reach the configuration unquoted: host names (with nginx's * and ~ forms) and plain paths.
_SERVER_NAME = re.compile(r"^[A-Za-z0-9.*~_\-\[\]:]+$")
_ROOT = re.compile(r"^/[A-Za-z0-9._\-/+@]*$")
_LISTEN = re.compile(r"^[A-Za-z0-9.:\[\]_ -]+$")


class ServerConfigError(ValueError):
    """A value that cannot go into the configuration as it is (the message is for the user)."""


def nginx_config(server_name: str = EXAMPLE["server_name"], root: str = DEFAULT_ROOT, brotli: bool = False,
                 listen: tuple[str, ...] = DEFAULT_LISTEN, admin_csp: str | None = None) -> str:
    """The nginx recipe: two ``map``s and a ``server`` block, for a file that nginx includes in ``http``
    (Debian: ``/etc/nginx/sites-enabled/``). ``brotli`` turns on ``brotli_static``, which needs the
    brotli module (Debian: libnginx-mod-http-brotli-static); without it the line stays commented.
    ``admin_csp`` is the header policy of ``/admin/`` (default: the editor's, with no backend origin)."""
    names = server_name.split()
    if not names or not all(_SERVER_NAME.match(name) for name in names):
        raise ServerConfigError(f"网站域名“{server_name}”不能用于 nginx 配置：只能写域名，多个域名用空格分开，"
                                "如 xuncha.example.gov.cn www.example.gov.cn")
    if not _ROOT.match(root) or "/../" in f"{root}/" or root.rstrip("/") == "":
        raise ServerConfigError(f"网站目录“{root}”不能用于 nginx 配置：应是绝对路径（以 / 开头），"
                                "不含空格、引号和分号，也不能是根目录，如 /var/www/notices")
    if not listen or not all(_LISTEN.match(item) for item in listen):
        raise ServerConfigError(f"监听地址 {listen!r} 不能用于 nginx 配置")
    template = _environment().get_template("nginx.conf.j2")
    return template.render(server_name=" ".join(names), root=root.rstrip("/"), brotli=brotli, listen=listen,
                           csp=content_security_policy(header=True),
                           admin_csp=admin_csp or admin_content_security_policy(header=True), admin_dir=ADMIN_DIR)


def admin_policy_of(config_path: Path) -> str:
    """The header policy of ``/admin/`` for the site configured in ``config_path``: with the origins of its
    ``extra.cms`` when it has one (no file, or no ``extra.cms``: the editor's policy with no backend)."""
    if not config_path.is_file():
        return admin_content_security_policy(header=True)
    config, _ = read_config(config_path)
    extra_cms = ((config or {}).get("extra") or {}).get("cms")
    if extra_cms is None:
        return admin_content_security_policy(header=True)
    try:
        settings = cms_settings(extra_cms)
    except CmsSettingsError as exc:
        raise ServerConfigError(f"{config_path.as_posix()}: {exc}") from None
    return admin_policy(build_config(settings), header=True)


def default_server_name(config_path: Path) -> str:
    """The host of ``site_url`` in the site's configuration, or nginx's catch-all ``_``."""
    config, _ = read_config(config_path)
    site_url = str((config or {}).get("site_url") or "")
    return urlsplit(site_url).hostname or "_"


def _environment() -> Environment:
    # Not HTML: nothing is escaped; the values were checked above.
    return Environment(loader=PackageLoader("generator", "render/templates"), autoescape=False,
                       undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
