"""The browser editor at ``/admin/``: Decap CMS, configured from the notice model.

Editors who do not use git fill in a form in the browser; Decap CMS (npm ``decap-cms``, copied into the
built site, no CDN) commits what they wrote to the repository as a pull/merge request, which the check
then reviews like any other. Its configuration is generated here from :class:`generator.model.Notice`
(as the JSON Schema is): field names, Chinese labels and hints from the descriptions, required marks,
patterns, date and number widgets, and the status and kind options from the vocabularies.

Decap writes one file per entry; a notice is ``<name>.yml`` plus an optional ``<name>.md``. The collection
therefore uses Decap's YAML front-matter format (the data as front matter, the narrative as the body),
and the admin page's own script (``generator/publish/admin/notices-cms.js``) wraps Decap's storage backends so
that such an entry is stored as the two files of today's format, in one commit (one pull request).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import types
import typing
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from ruamel.yaml import YAML

from generator.model import vocabulary
from generator.model.notice import (
    EMAIL_PATTERN,
    PHONE_PATTERN,
    Contact,
    KindValue,
    Notice,
    StatusValue,
    nested_model,
)
from generator.publish.csp import admin_content_security_policy

ADMIN_DIR = "admin"
DECAP_SCRIPT = Path("decap-cms") / "dist" / "decap-cms.js"  # inside node_modules
DECAP_LICENSE = Path("decap-cms") / "dist" / "decap-cms.js.LICENSE.txt"
OWN_SCRIPT = Path(__file__).parent / "admin" / "notices-cms.js"
COLLECTION = "notices"  # the collection's name; notices-cms.js stores the entries of this collection as two files
BACKENDS = ("github", "gitlab", "gitea")
# The label is the description up to the first of these outside brackets; the rest is the hint.
LABEL_ENDS = "，：；。"
BRACKETS = {"（": "）", "(": ")"}
BRACKETED = re.compile(r"[（(]([^（）()]*)[）)]")
# Format checks the model makes in validators rather than in the field's type: the same pattern in the form.
PATTERNS: dict[tuple[type[BaseModel], str], str] = {
    (Contact, "phone"): PHONE_PATTERN.pattern,
    (Contact, "email"): EMAIL_PATTERN.pattern,
}
# Where the form differs from a hand-written file: a new notice's URL name is its file name, and the browser
# cannot make the pinyin `notices new` writes (admin/notices-cms.js asks for it when it is missing).
FORM_HINTS: dict[tuple[type[BaseModel], str], str] = {
    (Notice, "slug"): "小写字母、数字和连字符，如 daguan-chengshi-lvhua-zhenggai-jinzhan。"
                      "在线新建通报时必须填写（文件名也由它生成）；已有的通报不写时，网址由标题的拼音生成。"
                      "发布后不要再改"}
VOCABULARIES: dict[Any, Callable[[], Sequence[vocabulary.Status | vocabulary.Kind]]] = {
    StatusValue: vocabulary.statuses, KindValue: vocabulary.kinds}
DATE_WIDGET = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
               "picker_utc": False}
BODY_FIELD = {
    "name": "body", "label": "通报正文", "widget": "markdown", "required": False,
    # Rich text (Decap's default) or the Markdown as written; no image or code-block components.
    "modes": ["rich_text", "raw"], "editor_components": [],
    "hint": "问题清单以外的文字，保存为同名的 .md 文件；没有正文时留空。直接写 Markdown 时先拨到“Markdown”",
}


class CmsSettingsError(ValueError):
    """``extra.cms`` in mkdocs.yml is not usable; the message is for editors."""


def label_and_hint(description: str) -> tuple[str, str | None]:
    """A field's short label and its hint: the description split at its first ，：；。 outside brackets.

    From the label, a bracket that marks the field optional (Decap adds its own “(可选)”) or names keys
    (“（对应 aspects 中的 number）”: Decap shows labels in capitals) moves to the start of the hint."""
    first, rest = _split_first(description)
    label, moved = first, []
    for match in BRACKETED.finditer(first):
        inner = match.group(1)
        if "可选" in inner or re.search(r"[A-Za-z]", inner):
            label = label.replace(match.group(0), "", 1)
            inner = re.sub(r"^可选[，、]?", "", inner)
            if inner:
                moved.append(inner)
    hint = "。".join(moved + ([rest] if rest else []))
    return label.strip(), hint or None


def _split_first(description: str) -> tuple[str, str | None]:
    closing: list[str] = []
    for index, character in enumerate(description):
        if character in BRACKETS:
            closing.append(BRACKETS[character])
        elif closing and character == closing[-1]:
            closing.pop()
        elif not closing and character in LABEL_ENDS:
            return description[:index], description[index + 1:].strip() or None
    return description, None


def notice_fields() -> list[dict[str, Any]]:
    """The collection's fields: every field of the notice model, then the narrative (the ``.md`` file)."""
    return _model_fields(Notice, present=True) + [dict(BODY_FIELD)]


def _model_fields(model: type[BaseModel], present: bool) -> list[dict[str, Any]]:
    """Decap fields for ``model``. ``present``: the object is always there (the notice, a list item), so
    its required fields are required in the form; inside an optional block (``inspection``, ``withdrawn``)
    nothing is, since Decap validates a block's fields even when the editor left the block empty: the
    check still reports a block filled in halfway."""
    return [_field(model, name, info, present) for name, info in model.model_fields.items()]


def _field(model: type[BaseModel], name: str, info: FieldInfo, present: bool) -> dict[str, Any]:
    label, first_hint = label_and_hint(info.description or name)
    hint = FORM_HINTS.get((model, name), first_hint)
    field: dict[str, Any] = {"name": name, "label": label, "required": present and info.is_required()}
    if hint:
        field["hint"] = hint
    annotation = _unwrap_optional(info.annotation)
    inner = nested_model(annotation)
    if typing.get_origin(annotation) is list:
        field["widget"] = "list"
        if inner is not None:
            field["fields"] = _model_fields(inner, present=True)
            field["summary"] = _summary(inner)
            field["collapsed"] = True
        else:
            item = {"name": "item", "label": label, "widget": "string"}
            field["field"] = item
    elif inner is not None:
        field["widget"] = "object"
        field["fields"] = _model_fields(inner, present=field["required"])
        field["collapsed"] = not field["required"]
    elif annotation in VOCABULARIES:
        entries = VOCABULARIES[annotation]()
        field["widget"] = "select"
        field["options"] = [{"label": f"{e.value}：{e.description}", "value": e.value} for e in entries]
    elif annotation is dt.date:
        field.update(DATE_WIDGET)
    elif annotation in (int, Decimal):
        field["widget"] = "number"
        field["value_type"] = "int" if annotation is int else "float"
        if annotation is Decimal:
            field["step"] = 0.01
        for constraint in info.metadata:
            for key, decap_key in (("ge", "min"), ("le", "max")):
                if getattr(constraint, key, None) is not None:
                    field[decap_key] = getattr(constraint, key)
    else:
        field["widget"] = "string"
        pattern = PATTERNS.get((model, name)) or next(
            (m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
        if pattern:
            field["pattern"] = [pattern, f"{label}的格式不对" + (f"。{hint}" if hint else "")]
    return field


def _unwrap_optional(annotation):
    """``X`` from ``X | None``, ``Optional[X]`` and ``Annotated[X, …]`` (the model's ``Date``)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            annotation = args[0]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _summary(model: type[BaseModel]) -> str:
    """How a list item is shown when folded: its number and title, or its first fields."""
    names = [n for n in ("number", "title") if n in model.model_fields] or list(model.model_fields)[:2]
    return " ".join(f"{{{{fields.{n}}}}}" for n in names)


def cms_settings(extra_cms: Any) -> dict[str, Any]:
    """``extra.cms`` from mkdocs.yml, checked: the backend and where the repository is."""
    if not isinstance(extra_cms, dict):
        raise CmsSettingsError("extra.cms 下面应是若干“键: 值”（backend、repo、branch 等），见 README 的“用浏览器编辑”")
    known = {"backend", "repo", "branch", "base_url", "api_root", "app_id", "local_backend"}
    unknown = sorted(set(extra_cms) - known)
    if unknown:
        raise CmsSettingsError(f"extra.cms 中有未知的项：{'、'.join(map(str, unknown))}；"
                               f"可写：{'、'.join(sorted(known))}")
    settings = {"branch": "main", **extra_cms}
    if settings.get("backend") not in BACKENDS:
        raise CmsSettingsError(f"extra.cms.backend 只能写 {'、'.join(BACKENDS)} 之一，现为 {settings.get('backend')!r}")
    if not isinstance(settings.get("repo"), str) or settings["repo"].count("/") < 1:
        raise CmsSettingsError("extra.cms.repo 应写成“所有者/仓库名”，如 dgjw/xuncha-notices")
    if settings["backend"] in ("gitlab", "gitea") and not settings.get("app_id"):
        raise CmsSettingsError(f"extra.cms.app_id：{settings['backend']} 需要在其中登记的 OAuth 应用的 Application ID")
    if settings["backend"] == "gitea" and not settings.get("base_url"):
        raise CmsSettingsError("extra.cms.base_url：请写 Gitea 的网址，如 https://git.example.gov.cn")
    for key in ("base_url", "api_root"):
        if settings.get(key) is not None and urlsplit(str(settings[key])).scheme != "https":
            raise CmsSettingsError(f"extra.cms.{key} 应是 https:// 开头的网址")
    local = settings.get("local_backend", False)
    on_this_machine = isinstance(local, str) and urlsplit(local).hostname in ("127.0.0.1", "localhost")
    if not (isinstance(local, bool) or on_this_machine):
        raise CmsSettingsError("extra.cms.local_backend 只能写 true、false，"
                               "或本机 decap-server 的网址，如 http://127.0.0.1:8081/api/v1")
    return settings


def backend_config(settings: dict[str, Any], name: str | None = None) -> dict[str, Any]:
    """Decap's ``backend`` block for ``name`` (default: the configured backend)."""
    configured = name is None or name == settings["backend"]
    name = name or settings["backend"]
    backend: dict[str, Any] = {"name": name, "repo": settings["repo"], "branch": settings["branch"]}
    # A commented alternative gets example addresses, not the configured backend's.
    base_url = settings.get("base_url") if configured else None
    if not configured:
        settings = {key: value for key, value in settings.items() if key not in ("api_root", "app_id")}
    if name == "github":
        if base_url:
            backend["base_url"] = base_url  # the OAuth server (see README)
        if settings.get("api_root"):
            backend["api_root"] = settings["api_root"]  # GitHub Enterprise
    elif name == "gitlab":
        base_url = base_url or "https://gitlab.com"
        backend.update(auth_type="pkce", app_id=settings.get("app_id") or "OAuth 应用的 Application ID",
                       base_url=base_url, auth_endpoint="oauth/authorize",
                       api_root=settings.get("api_root") or f"{base_url.rstrip('/')}/api/v4")
    else:
        base_url = base_url or "https://git.example.gov.cn"  # Gitea has no public default
        backend.update(app_id=settings.get("app_id") or "OAuth 应用的 Client ID", base_url=base_url,
                       api_root=settings.get("api_root") or f"{base_url.rstrip('/')}/api/v1")
    backend["commit_messages"] = {
        "create": "新增通报 {{slug}}（在线编辑）",
        "update": "修改通报 {{slug}}（在线编辑）",
        "delete": "删除通报 {{slug}}（在线编辑）",
        "uploadMedia": "上传 {{path}}",
        "deleteMedia": "删除 {{path}}",
    }
    return backend


def uses_editorial_workflow(backend: str) -> bool:
    """Decap's Gitea backend has no editorial workflow (decap-cms issue #7115): it commits to its branch."""
    return backend != "gitea"


def build_config(settings: dict[str, Any], notices_dir: str = "notices", site_url: str | None = None) -> dict[str, Any]:
    """Decap's whole configuration (``admin/config.yml``) as a dict."""
    config: dict[str, Any] = {"backend": backend_config(settings)}
    if uses_editorial_workflow(settings["backend"]):
        config["publish_mode"] = "editorial_workflow"
    local = settings.get("local_backend")
    if local:
        config["local_backend"] = {"url": local} if isinstance(local, str) else True
    config["locale"] = "zh_Hans"
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    # Decap requires a media folder; the editor offers no upload (the narrative's image button is off).
    config["media_folder"] = "content/assets/images"
    config["public_folder"] = "/assets/images"
    config["slug"] = {"encoding": "ascii", "clean_accents": False, "sanitize_replacement": "-"}
    config["collections"] = [{
        "name": COLLECTION,
        "label": "巡察整改通报",
        "label_singular": "通报",
        "description": "每篇通报保存为 notices/<年份>/<网址名称>.yml 和同名的 .md（正文）。保存后进入“工作流”，"
                       "合并请求经自动检查通过、审核合并后发布。",
        "folder": notices_dir.strip("/"),
        "extension": "yml",
        "format": "yaml-frontmatter",
        # New notices go to the current year's folder, like `notices new`; the file name is the URL name.
        "path": "{{year}}/{{slug}}",
        "slug": "{{fields.slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": ["title", "published"],
        # Not the entry's own folder (Decap's default with `path`): only .yml and .md belong in notices/.
        "media_folder": "/content/assets/images",
        "public_folder": "/assets/images",
        "create": True,
        "delete": False,  # a published notice is withdrawn (withdrawn:), never deleted
        "editor": {"preview": False},
        "fields": notice_fields(),
    }]
    return config


def config_yaml(config: dict[str, Any], settings: dict[str, Any]) -> str:
    """``config.yml``: the configuration, with the other backends as commented alternatives."""
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = StringIO()
    yaml.dump(config, out)
    text = out.getvalue()
    alternatives = []
    for name in BACKENDS:
        if name == settings["backend"]:
            continue
        block = StringIO()
        yaml.dump({"backend": backend_config(settings, name)}, block)
        note = "（不支持 editorial_workflow：改动直接提交到 branch）" if not uses_editorial_workflow(name) else ""
        alternatives.append(f"# {name}{note}：\n" + "".join(f"# {line}\n" for line in block.getvalue().splitlines()))
    header = ("# 由 notices 插件根据 generator/model.py 和 mkdocs.yml 的 extra.cms 生成，请勿手改。\n"
              "# 换用别的代码托管平台：修改 mkdocs.yml 的 extra.cms.backend（github、gitlab、gitea），可选写法如下。\n")
    return header + "".join(alternatives) + text


def admin_origins(config: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The origins the admin page talks to (the backend's API, the local decap-server when asked) and, besides
    those, shows images from (GitHub: its avatar host); ``csp.admin_content_security_policy`` takes them."""
    backend = config["backend"]
    origins = set()
    for url in (backend.get("api_root") or ("https://api.github.com" if backend["name"] == "github" else None),
                backend.get("base_url") if backend["name"] != "github" else None):
        if url:
            parts = urlsplit(url)
            origins.add(f"{parts.scheme}://{parts.netloc}")
    local = config.get("local_backend")
    if local:
        parts = urlsplit(local["url"] if isinstance(local, dict) else "http://localhost:8081/api/v1")
        origins.add(f"{parts.scheme}://{parts.netloc}")
    images = {"https://avatars.githubusercontent.com"} if backend["name"] == "github" else set()
    return origins, images


def admin_policy(config: dict[str, Any], header: bool = False) -> str:
    """The admin page's policy for this configuration: its ``<meta>``, and the nginx recipe's header."""
    connect, images = admin_origins(config)
    return admin_content_security_policy(connect, images, header=header)


INDEX_HTML = """\
<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="{csp}">
  <meta name="robots" content="noindex">
  <title>通报编辑 · {site_name}</title>
  <link rel="icon" href="../assets/images/favicon.png">
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
  <script src="notices-cms.js" defer></script>
  <script src="decap-cms.js" defer></script>
</head>
<body>
  <noscript>在线编辑需要启用浏览器的 JavaScript。</noscript>
</body>
</html>
"""


def find_decap(folders: list[Path]) -> Path:
    """``node_modules`` holding decap-cms (installed by ``npm ci``) in one of ``folders``."""
    for folder in folders:
        if (folder / "node_modules" / DECAP_SCRIPT).is_file():
            return folder / "node_modules"
    raise CmsSettingsError(f"找不到 Decap CMS（node_modules/{DECAP_SCRIPT.as_posix()}）："
                           "请先运行 bash scripts/setup（其中执行 npm ci）")


def write_admin(site_dir: Path, config: dict[str, Any], settings: dict[str, Any], node_modules: Path,
                site_name: str = "") -> Path:
    """Write ``admin/`` into the built site: the page, its configuration and scripts (no CDN)."""
    admin = site_dir / ADMIN_DIR
    admin.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(node_modules / DECAP_SCRIPT, admin / DECAP_SCRIPT.name)
    if (node_modules / DECAP_LICENSE).is_file():
        shutil.copyfile(node_modules / DECAP_LICENSE, admin / DECAP_LICENSE.name)
    shutil.copyfile(OWN_SCRIPT, admin / OWN_SCRIPT.name)
    (admin / "config.yml").write_text(config_yaml(config, settings), encoding="utf-8")
    policy = admin_policy(config)
    assert '"' not in policy
    page = INDEX_HTML.format(csp=escape(policy, quote=False), site_name=escape(site_name))
    (admin / "index.html").write_text(page, encoding="utf-8")
    return admin
