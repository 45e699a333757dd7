"""The browser editor (/admin/, Decap CMS) in Chromium against Decap's local backend.

A small project made of the sample notices is a git repository with a ``main`` branch; ``decap-server``
(npm, ``MODE=git``) serves it on 127.0.0.1, and the built site's ``admin/`` (with ``local_backend``)
talks to it. With the editorial workflow, saving an entry commits it to a branch of its own
(``cms/notices/<year>/<name>``, the pull request of a real backend), so the check runs on that branch
with ``--base main``, as CI runs it on a pull request with ``--base origin/main``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from test_nginx import _debian_tool, run_nginx

from conftest import BUILD_ENV, ROOT, _free_port, mkdocs_build, serve
from generator.publish.csp import content_security_policy
from generator.publish.server_config import admin_policy_of

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
DAGUAN = "notices/2024/daguan-chengshi-lvhua-zhenggai-jinzhan"
DAGUAN_TITLE = "中共大观区委关于城市绿化工程领域专项巡察整改进展情况的通报"
NEW_SLUG = "mou-qu-zhuanxiang-xuncha-zhenggai"
API_OF: dict[str, str] = {}  # admin URL → the decap-server it talks to
NARRATIVE = ["根据区委统一部署，现将巡察整改情况通报如下。", "", "### 一、整改工作", "", "区委召开专题会议 2 次。"]


def git(project: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


@contextlib.contextmanager
def decap_server(project: Path):
    """``decap-server`` on 127.0.0.1 in git mode, serving ``project``; yields its API URL."""
    if not DECAP_SERVER.exists():
        pytest.fail(f"{DECAP_SERVER} is missing: npm ci (scripts/setup) installs decap-server")
    port = _free_port()
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "GIT_REPO_DIRECTORY": str(project), "LOG_LEVEL": "warn"}
    server = subprocess.Popen([str(DECAP_SERVER)], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/api/v1"
    request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(request, timeout=1) as answer:
                    assert json.load(answer)["type"] == "local_git"
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"decap-server exited: {server.stderr.read().decode()[:2000]}")
                time.sleep(0.05)
        else:
            pytest.fail(f"decap-server did not answer at {url}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def cms_site(tmp_path_factory):
    """(project, its build copy, built site, decap-server's API): the sample project in git, decap-server on
    it, and the site built with the local backend on."""
    project = tmp_path_factory.mktemp("cms-project")
    for folder in ("content", "theme_overrides", "notices"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.name", "测试编辑")
    git(project, "config", "user.email", "editor@example.gov.cn")
    git(project, "config", "commit.gpgsign", "false")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "已发布的通报")
    with decap_server(project) as api:
        # The site is built with the local backend on (it is not in the project's own mkdocs.yml).
        build_project = tmp_path_factory.mktemp("cms-build")
        for name in ("content", "theme_overrides", "notices"):
            shutil.copytree(project / name, build_project / name)
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
        (build_project / "mkdocs.yml").write_text(
            text + f"  cms:\n    backend: github\n    repo: dgjw/xuncha-notices\n    local_backend: {api}\n",
            encoding="utf-8")
        site = tmp_path_factory.mktemp("cms-site")
        result = mkdocs_build(build_project, site)
        assert result.returncode == 0, result.stderr
        yield project, build_project, site, api


@pytest.fixture(scope="module")
def editor(cms_site):
    """(project, admin URL): the built site served by a plain HTTP server (no headers of its own)."""
    project, _, site, api = cms_site
    with serve(site) as url:
        API_OF[url + "admin/"] = api
        yield project, url + "admin/"


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    violations: list[str] = []
    tab.on("console", lambda m: violations.append(m.text) if m.text.startswith("CSP-VIOLATION") else None)
    tab.add_init_script("document.addEventListener('securitypolicyviolation', e => console.log("
                        "'CSP-VIOLATION ' + e.violatedDirective + ' ' + e.blockedURI))")
    tab.csp_violations = violations
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.requested = requests
    yield tab
    context.close()


def log_in(page, admin_url: str) -> None:
    page.goto(admin_url)
    page.get_by_role("button", name="登录").click()
    page.wait_for_selector("text=巡察整改通报")


def choose(page, select, option: str) -> None:
    select.click()
    page.get_by_role("option").filter(has_text=option).click()


def save(page) -> None:
    page.get_by_role("button", name="保存").click()
    page.get_by_role("button", name="删除未发布的").wait_for()  # the entry is in the workflow now
    # The editor reads the entry back from its branch; decap-server checks branches out to do so, so the
    # test touches the repository only once the page is done.
    page.wait_for_load_state("networkidle")
    page.get_by_label("通报标题").wait_for()


def check_branch(project: Path, branch: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """``notices check --base main`` on a checkout of ``branch``'s commit (decap-server switches branches in
    its own working copy, so the check gets another)."""
    checkout = tmp_path / "checkout"
    git(project, "worktree", "add", "-q", "--detach", str(checkout), git(project, "rev-parse", branch).strip())
    try:
        result = subprocess.run([sys.executable, "-m", "generator.cli", "check", "--base", "main"], cwd=checkout,
                                capture_output=True, text=True, env=BUILD_ENV)
        assert "Traceback" not in result.stderr, result.stderr
        return result
    finally:
        git(project, "worktree", "remove", "--force", str(checkout))


def branch_of(project: Path, path: str) -> str:
    """The editorial-workflow branch of ``path``, once decap-server has committed to it: it makes the branch
    at main's commit first and commits a moment later, so a slow machine can see the branch still empty."""
    branch = "cms/" + path
    for _ in range(200):
        if git(project, "branch", "--list", branch).strip() and git(project, "rev-list", f"main..{branch}").strip():
            return branch
        time.sleep(0.1)
    pytest.fail(f"no commit on branch {branch}: {git(project, 'branch', '--list')}")


def test_a_notice_made_in_the_form_is_written_as_yml_and_md_and_passes_the_check(page, editor, tmp_path):
    project, admin = editor
    log_in(page, admin)
    assert "巡察整改通报" in page.inner_text("body") and "登录" not in page.inner_text("body")
    page.goto(admin + "#/collections/notices/new")
    page.get_by_label("通报标题").fill("某区委关于某专项巡察整改情况的通报")
    page.get_by_role("textbox", name="网址名称 (可选)", exact=True).fill(NEW_SLUG)
    choose(page, page.locator("[id^='kind-field']"), "整改情况：")
    page.get_by_label("发布机构").fill("某区委")
    page.get_by_label("地区").fill("某省某市某区")
    page.get_by_label("发布日期").fill("2024-12-24")
    aspects = page.locator("[id^='aspects-field']")
    for index, title in enumerate(["落实主体责任方面", "工程管理方面"]):
        aspects.get_by_role("button", name="新增反馈意见的方面").click()
        page.get_by_label("方面序号").nth(index).fill(str(index + 1))
        page.get_by_label("方面名称").nth(index).fill(title)
    problems = page.locator("[id^='problems-field']")
    for index, (aspect, status) in enumerate([(1, "已完成"), (1, "正在整改"), (2, "已完成")]):
        problems.get_by_role("button", name="新增问题及整改措施").first.click()
        page.get_by_label("问题序号").nth(index).fill(str(index + 1))
        page.get_by_label("所属方面的序号").nth(index).fill(str(aspect))
        page.get_by_label("问题标题").nth(index).fill(f"问题{index + 1}")
        page.get_by_label("责任单位").nth(index).fill("区住建局")
        choose(page, page.locator("[id^='status-field']").nth(index), f"{status}：")
        if status == "已完成":
            page.get_by_label("完成日期").nth(index).fill("2024-10-01")
        else:
            page.get_by_label("整改时限").nth(index).fill("2099-06-30")
        measures = problems.locator("[id^='measures-field']").nth(index)
        measures.get_by_role("button", name="新增整改措施").click()
        measures.locator("input").last.fill(f"第{index + 1}项整改措施。")
    # The narrative as Markdown (the switch beside 富文本), typed line by line.
    page.locator("[aria-label='markdown field'] [role='switch']").click()
    page.locator("[aria-label='markdown field'] .cms-editor-raw [contenteditable='true']").click()
    for number, line in enumerate(NARRATIVE):
        if number:
            page.keyboard.press("Enter")
        if line:
            page.keyboard.insert_text(line)
    save(page)

    path = f"notices/{dt.date.today().year}/{NEW_SLUG}"
    branch = branch_of(project, path)
    assert git(project, "diff", "--name-only", "main", branch).split() == [f"{path}.md", f"{path}.yml"]
    data = YAML(typ="safe").load(git(project, "show", f"{branch}:{path}.yml"))
    assert data["slug"] == NEW_SLUG and data["published"] == dt.date(2024, 12, 24)
    assert [a["title"] for a in data["aspects"]] == ["落实主体责任方面", "工程管理方面"]
    assert [(p["number"], p["aspect"], p["status"]) for p in data["problems"]] == [
        (1, 1, "已完成"), (2, 1, "正在整改"), (3, 2, "已完成")]
    assert data["problems"][1]["due"] == dt.date(2099, 6, 30)
    assert "body" not in data and "inspection" not in data  # nothing left empty is written
    assert git(project, "show", f"{branch}:{path}.md") == "\n".join(NARRATIVE) + "\n"
    result = check_branch(project, branch, tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("检查通过：3 篇通报，0 个警告。")
    assert page.csp_violations == []
    # The page loads the site's own files only (no CDN, none of Decap's lazily loaded chunks) and talks to
    # the backend (here decap-server).
    site = admin.removesuffix("admin/")
    assert {url.removeprefix(site) for url in page.requested if url.startswith(site)} == {
        "admin/", "admin/notices-cms.js", "admin/decap-cms.js", "admin/config.yml", "assets/images/favicon.png"}
    assert all(url.startswith(site) or url.startswith(API_OF[admin]) for url in page.requested), page.requested

    # Opened again from the workflow, the notice shows its narrative (read from the .md on the branch).
    page.goto(admin + f"#/collections/notices/entries/{dt.date.today().year}/{NEW_SLUG}")
    page.wait_for_selector("text=区委召开专题会议 2 次。")


def test_editing_a_published_notice_asks_for_a_revision_note_then_passes(page, editor, tmp_path):
    project, admin = editor
    narrative = git(project, "show", f"main:{DAGUAN}.md")
    log_in(page, admin)
    page.get_by_text(DAGUAN_TITLE).click()
    page.get_by_text("根据市委统一部署", exact=False).first.wait_for()  # the narrative from the .md
    page.get_by_label("来源").fill("区委巡察办")
    save(page)
    branch = branch_of(project, DAGUAN)
    # One commit, the data only: the untouched narrative is not rewritten.
    assert git(project, "diff", "--name-only", "main", branch).split() == [f"{DAGUAN}.yml"]
    assert YAML(typ="safe").load(git(project, "show", f"{branch}:{DAGUAN}.yml"))["source"] == "区委巡察办"
    result = check_branch(project, branch, tmp_path)
    assert result.returncode == 1
    assert (f"{DAGUAN}.yml:1:1: error: 这份通报已经发布（main 上已有），修改后必须在 revisions 中增加一条更正记录"
            in result.stdout), result.stdout

    # The editor adds the revision note in the form; the same pull request now passes.
    revisions = page.locator("[id^='revisions-field']")
    revisions.get_by_role("button", name="新增发布后的更正记录").click()
    revisions.get_by_label("更正日期").fill("2025-01-10")
    revisions.get_by_label("更正了什么、为什么").fill("更正来源")
    save(page)
    for _ in range(100):
        if "更正来源" in git(project, "show", f"{branch}:{DAGUAN}.yml"):
            break
        time.sleep(0.1)
    assert git(project, "show", f"{branch}:{DAGUAN}.md") == narrative
    # Decap rewrote the whole file in its own style (comments and quotes gone); the data is the same.
    before = YAML(typ="safe").load(git(project, "show", f"main:{DAGUAN}.yml"))
    after = YAML(typ="safe").load(git(project, "show", f"{branch}:{DAGUAN}.yml"))
    assert after.pop("revisions") == [{"date": dt.date(2025, 1, 10), "change": "更正来源"}]
    assert after == {**before, "source": "区委巡察办"}
    result = check_branch(project, branch, tmp_path)
    assert result.returncode == 0, result.stdout
    assert page.csp_violations == []


def test_a_new_notice_needs_its_url_name_and_without_a_narrative_gets_no_md(page, editor):
    project, admin = editor
    log_in(page, admin)
    page.goto(admin + "#/collections/notices/new")
    page.get_by_label("通报标题").fill("某区委关于某巡察进驻的公告")
    choose(page, page.locator("[id^='kind-field']"), "巡察公告：")
    page.get_by_label("发布机构").fill("某区委")
    page.get_by_label("地区").fill("某省某市某区")
    page.get_by_role("button", name="保存").click()
    # No URL name: nothing is saved, and the editor is told what to write (notices-cms.js).
    page.get_by_text("新建通报请填写“网址名称”", exact=False).wait_for()
    assert not git(project, "branch", "--list", "cms/*gonggao*").strip()
    page.get_by_role("textbox", name="网址名称 (可选)", exact=True).fill("mou-qu-xuncha-gonggao")
    save(page)
    path = f"notices/{dt.date.today().year}/mou-qu-xuncha-gonggao"
    branch = branch_of(project, path)
    assert git(project, "diff", "--name-only", "main", branch).split() == [f"{path}.yml"]


def test_under_the_nginx_recipes_headers_the_editor_loads_with_no_csp_violation(page, cms_site, tmp_path):
    """The recipe made by ``notices server-config nginx`` from the site's mkdocs.yml: /admin/ gets the editor's
    own policy as a header (the site's would stop Decap before its login page), and the editor works under it
    and its own ``<meta>`` together."""
    nginx = _debian_tool("nginx", "nginx")
    if not nginx:
        pytest.skip("没有 nginx，且不是 root 无法安装：请执行 sudo apt-get install nginx")
    _, build_project, site, _ = cms_site
    admin_csp = admin_policy_of(build_project / "mkdocs.yml")
    with run_nginx(nginx, tmp_path / "nginx", site, admin_csp=admin_csp) as port:
        admin = f"http://127.0.0.1:{port}/admin/"
        response = page.goto(admin)
        assert response.headers["content-security-policy"] == admin_csp
        log_in(page, admin)
        page.goto(admin + "#/collections/notices/new")  # the whole form, every widget it uses
        page.get_by_label("发布日期").wait_for()
        page.goto(admin + "#/collections/notices")
        page.get_by_text(DAGUAN_TITLE).click()  # a published notice, its narrative from the .md
        page.get_by_text("根据市委统一部署", exact=False).first.wait_for()
        assert page.csp_violations == []
        # The rest of the site keeps its own policy.
        assert page.goto(f"http://127.0.0.1:{port}/").headers["content-security-policy"] == (
            content_security_policy(header=True))
