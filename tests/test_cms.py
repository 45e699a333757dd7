"""The browser editor's configuration (generator/publish/cms.py) stays in step with the notice model, and the
build writes /admin/ from the site's own files only when mkdocs.yml asks for it (extra.cms)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import typing
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel
from ruamel.yaml import YAML

from conftest import ROOT, mkdocs_build
from generator.model.notice import EMAIL_PATTERN, PHONE_PATTERN, SLUG_PATTERN, Notice, nested_model
from generator.publish import cms

GITHUB = {"backend": "github", "repo": "dgjw/xuncha-notices", "base_url": "https://oauth.example.gov.cn"}


def data_file(name: str) -> list[dict]:
    return YAML(typ="safe").load((ROOT / "generator" / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def config() -> dict:
    return cms.build_config(cms.cms_settings(GITHUB), "notices", "https://example.gov.cn/")


def notice_fields(config: dict) -> list[dict]:
    (collection,) = config["collections"]
    return collection["fields"]


def walk(model: type[BaseModel], fields: list[dict], present: bool = True):
    """Each model field with its form field; ``present``: every enclosing block is always there."""
    assert [f["name"] for f in fields] == list(model.model_fields), model.__name__
    for (name, info), field in zip(model.model_fields.items(), fields):
        yield model, name, info, field, present
        inner = nested_model(info.annotation)
        if inner is not None:
            is_list = typing.get_origin(cms._unwrap_optional(info.annotation)) is list
            yield from walk(inner, field["fields"], present=True if is_list else present and info.is_required())


def test_every_model_field_is_in_the_form_in_order_then_the_narrative(config):
    fields = notice_fields(config)
    assert list(walk(Notice, fields[:-1]))  # walk() asserts the names, level by level
    assert fields[-1]["name"] == "body" and fields[-1]["widget"] == "markdown"


def test_labels_are_the_descriptions_first_part_and_hints_the_rest(config):
    for model, name, info, field, _ in walk(Notice, notice_fields(config)[:-1]):
        description = info.description
        label = field["label"]
        first = re.split(r"[，：；。](?![^（(]*[）)])", description, maxsplit=1)[0]
        without_brackets = re.sub(r"[（(][^（）()]*[）)]", "", first)
        # The label is the first part, less a bracket that says “可选” or names keys (moved to the hint).
        assert label and re.sub(r"[（(][^（）()]*[）)]", "", label) == without_brackets, (name, label)
        assert first.startswith(label) or re.search(r"[（(]", first), (name, label)
        if (model, name) not in cms.FORM_HINTS and first != description:
            assert field["hint"].endswith(description[len(first) + 1:].strip()), (name, field.get("hint"))
    by_name = {f["name"]: f for f in notice_fields(config)}
    assert by_name["title"]["label"] == "通报标题" and by_name["title"]["hint"] == "与原文一致"
    assert by_name["slug"]["label"] == "网址名称" and "在线新建通报时必须填写" in by_name["slug"]["hint"]
    assert by_name["inspection"]["fields"][0]["label"] == "巡察组名称"
    problem = {f["name"]: f for f in by_name["problems"]["fields"]}
    assert problem["aspect"]["label"] == "所属方面的序号"
    assert problem["aspect"]["hint"] == "对应 aspects 中的 number。原文无法确定时不写"
    assert problem["description"]["label"] == "问题表现" and "hint" not in problem["description"]
    assert by_name["contact"]["hint"] == "不写时使用全站默认联系方式"


def test_required_marks_follow_the_model_where_the_form_can_enforce_them(config):
    checked = 0
    for model, name, info, field, present in walk(Notice, notice_fields(config)[:-1]):
        assert field["required"] is (present and info.is_required()), (model.__name__, name)
        checked += 1
    assert checked > 50
    by_name = {f["name"]: f for f in notice_fields(config)}
    assert by_name["title"]["required"] and by_name["kind"]["required"] and not by_name["slug"]["required"]
    # Decap checks a block's fields even when the block is left empty: inside an optional block nothing
    # is required in the form (the check reports a block filled in halfway).
    assert not any(f["required"] for f in by_name["withdrawn"]["fields"] + by_name["inspection"]["fields"])
    problem = {f["name"]: f for f in by_name["problems"]["fields"]}
    assert problem["number"]["required"] and problem["status"]["required"] and not problem["due"]["required"]


def test_status_and_kind_options_are_the_vocabularies(config):
    by_name = {f["name"]: f for f in notice_fields(config)}
    status = next(f for f in by_name["problems"]["fields"] if f["name"] == "status")
    assert status["widget"] == "select"
    assert [o["value"] for o in status["options"]] == [e["value"] for e in data_file("statuses.yml")]
    statuses = data_file("statuses.yml")
    assert [o["label"] for o in status["options"]] == [f"{e['value']}：{e['description']}" for e in statuses]
    assert [o["value"] for o in by_name["kind"]["options"]] == [e["value"] for e in data_file("kinds.yml")]


def test_no_vocabulary_word_is_written_in_the_code():
    code = (ROOT / "generator" / "publish" / "cms.py").read_text(encoding="utf-8")
    script = (ROOT / "generator" / "publish" / "admin" / "notices-cms.js").read_text(encoding="utf-8")
    for entry in data_file("statuses.yml") + data_file("kinds.yml"):
        assert entry["value"] not in code and entry["value"] not in script, entry["value"]


def test_widgets_patterns_dates_and_numbers(config):
    seen = {}
    for model, name, info, field, _ in walk(Notice, notice_fields(config)[:-1]):
        annotation = cms._unwrap_optional(info.annotation)
        seen[(model.__name__, name)] = field
        if annotation is dt.date:
            assert {k: field[k] for k in ("widget", "format", "date_format", "time_format")} == {
                "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
        elif annotation in (int, Decimal):
            assert field["widget"] == "number"
            assert field["value_type"] == ("int" if annotation is int else "float")
        elif typing.get_origin(annotation) is list:
            assert field["widget"] == "list"
            assert ("fields" in field) is (nested_model(annotation) is not None)
    assert seen[("Notice", "slug")]["pattern"][0] == SLUG_PATTERN
    assert seen[("Contact", "phone")]["pattern"][0] == PHONE_PATTERN.pattern
    assert seen[("Contact", "email")]["pattern"][0] == EMAIL_PATTERN.pattern
    assert seen[("Contact", "phone")]["pattern"][1].startswith("联系电话的格式不对")
    assert seen[("Figures", "completion_rate")]["min"] == 0 and seen[("Figures", "completion_rate")]["max"] == 100
    assert seen[("Problem", "number")]["min"] == 1
    for model, name in (("Notice", "aspects"), ("Notice", "problems"), ("Problem", "measures"),
                        ("Notice", "revisions")):
        assert seen[(model, name)]["widget"] == "list"
    assert seen[("Problem", "measures")]["field"]["widget"] == "string"


def test_the_collection_writes_notice_files(config):
    (collection,) = config["collections"]
    assert collection["folder"] == "notices" and collection["extension"] == "yml"
    assert collection["format"] == "yaml-frontmatter"  # split into .yml + .md by admin/notices-cms.js
    assert collection["path"] == "{{year}}/{{slug}}" and collection["slug"] == "{{fields.slug}}"
    assert collection["delete"] is False
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "zh_Hans"
    assert "local_backend" not in config
    local = cms.build_config(cms.cms_settings({**GITHUB, "local_backend": "http://127.0.0.1:8081/api/v1"}))
    assert local["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_config_yml_shows_the_other_backends_as_comments():
    for backend, extra in (("github", {}), ("gitlab", {"app_id": "abc"}),
                           ("gitea", {"app_id": "abc", "base_url": "https://git.example.gov.cn"})):
        settings = cms.cms_settings({**GITHUB, "backend": backend, **extra})
        text = cms.config_yaml(cms.build_config(settings), settings)
        loaded = YAML(typ="safe").load(text)
        assert loaded["backend"]["name"] == backend
        others = [b for b in cms.BACKENDS if b != backend]
        for other in others:
            assert f"#   name: {other}\n" in text
        assert ("publish_mode" in loaded) is (backend != "gitea")
    gitlab = cms.backend_config(cms.cms_settings({**GITHUB, "backend": "gitlab", "app_id": "abc",
                                                   "base_url": "https://gitlab.example.gov.cn"}))
    assert gitlab["auth_type"] == "pkce" and gitlab["api_root"] == "https://gitlab.example.gov.cn/api/v4"


@pytest.mark.parametrize(("extra", "message"), [
    ({"backend": "bitbucket", "repo": "a/b"}, "extra.cms.backend 只能写 github、gitlab、gitea 之一"),
    ({"backend": "github"}, "extra.cms.repo 应写成“所有者/仓库名”"),
    ({"backend": "gitlab", "repo": "a/b"}, "extra.cms.app_id"),
    ({"backend": "github", "repo": "a/b", "base_url": "http://oauth.example"}, "应是 https:// 开头的网址"),
    ({"backend": "github", "repo": "a/b", "local_backend": "http://example.com/api"}, "本机 decap-server 的网址"),
    ({"backend": "github", "repo": "a/b", "brnach": "main"}, "未知的项：brnach"),
    ("github", "extra.cms 下面应是若干“键: 值”"),
])
def test_bad_settings_are_named_in_chinese(extra, message):
    with pytest.raises(cms.CmsSettingsError, match=re.escape(message)):
        cms.cms_settings(extra)


def test_admin_policy_allows_what_decap_needs_and_no_more(config):
    policy = dict(part.split(" ", 1) for part in cms.admin_policy(config).split("; "))
    assert policy["script-src"] == "'self' 'unsafe-eval'"  # no 'unsafe-inline', no other host
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["connect-src"] == "'self' https://api.github.com"
    assert policy["default-src"] == "'none'" and policy["object-src"] == "'none'"


def make_project(tmp_path: Path, cms_block: str | None) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for folder in ("content", "theme_overrides", "notices"):
        shutil.copytree(ROOT / folder, project / folder)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text + (cms_block or ""), encoding="utf-8")
    return project


def test_build_writes_admin_from_the_sites_own_files(tmp_path):
    project = make_project(tmp_path, "  cms:\n    backend: github\n    repo: dgjw/xuncha-notices\n")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    admin = site / "admin"
    assert sorted(p.name for p in admin.iterdir() if p.suffix not in (".gz", ".br")) == [
        "config.yml", "decap-cms.js", "decap-cms.js.LICENSE.txt", "index.html", "notices-cms.js"]
    assert (admin / "decap-cms.js").read_bytes() == (ROOT / "node_modules" / cms.DECAP_SCRIPT).read_bytes()
    page = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = page.find_all("script")
    assert [s["src"] for s in scripts] == ["notices-cms.js", "decap-cms.js"]  # own files, in this order
    assert all(not s.string for s in scripts) and not page.find_all(attrs={"onload": True})
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert policy == cms.admin_policy(
        cms.build_config(cms.cms_settings({"backend": "github", "repo": "dgjw/xuncha-notices"})))
    assert "//" not in "".join(s["src"] for s in scripts)  # no CDN
    config = YAML(typ="safe").load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "dgjw/xuncha-notices" and "local_backend" not in config
    assert "在线编辑页面：admin/（github）" in result.stderr


def test_no_admin_without_extra_cms_and_a_clear_error_for_a_bad_one(tmp_path):
    project = make_project(tmp_path, None)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "admin").exists()
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8")
                                        + "  cms:\n    backend: svn\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site2")
    assert result.returncode != 0
    assert "mkdocs.yml: extra.cms.backend 只能写 github、gitlab、gitea 之一" in result.stderr
    assert "Traceback" not in result.stderr
