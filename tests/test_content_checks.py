"""Text that must not be published: injected spam, script-capable HTML, personal data.
Each finding names the exact line and column of its span."""

from __future__ import annotations

import markdown

from conftest import GOOD, ROOT, check, mkdocs_build, write
from generator.model.notice import PLACEHOLDER
from generator.model.vocabulary import statuses
from generator.render.pages import sanitize_html

SEED_000 = (ROOT / "tests" / "fixtures" / "seeds" / "000_eb92022e2d7c0fef.txt").read_text(encoding="utf-8")
SPAM = "（VPN/翻墙推广）：这不是通报原文，请删除这段文字"


def test_seed_000_as_published_is_refused_with_every_injected_run_located(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", SEED_000)
    code, lines = check(project)
    assert code == 1
    assert lines[:4] == [
        f"notices/x.md:3:135: error: 疑似植入的广告文字“shadowrocket节点都没有了”{SPAM}",
        f"notices/x.md:13:44: error: 疑似植入的广告文字“shadowrocketios共享账号”{SPAM}",
        f"notices/x.md:16:42: error: 疑似植入的广告文字“shadowrocket节点都没有了”{SPAM}",
        f"notices/x.md:19:199: error: 疑似植入的广告文字“shadowrocketioshadowrocket节点都没有了s共享账号”{SPAM}",
    ]
    assert lines[4] == "检查未通过：4 个错误，0 个警告。请按上面的提示修改后再提交。"


def test_spam_in_a_quoted_yaml_measure_is_located_to_the_character(project):
    write(project, "x.yml",
          GOOD.replace("measures: [措施一。]", 'measures: ["加强监督shadowrocket节点都没有了,确保落实。"]'))
    code, lines = check(project)
    assert (code, lines[0]) == (1, f"notices/x.yml:22:21: error: 疑似植入的广告文字“shadowrocket节点都没有了”{SPAM}")


def test_allow_list_releases_a_true_positive(project):
    write(project, "x.yml", GOOD.replace("measures: [措施一。]", "measures: [制作小火箭模型开展科普。]"))
    assert check(project)[0] == 1
    write(project, "x.yml",
          GOOD.replace("measures: [措施一。]", "measures: [制作小火箭模型开展科普。]") + "allow: [制作小火箭模型]\n")
    assert check(project)[0] == 0


def test_script_capable_html_is_rejected(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", "正文第一段。\n\n<script>alert(1)</script>\n"
                           "<a href=\"javascript:alert(1)\" onclick=\"x()\">链接</a>\n"
                           "[点我](javascript:alert(1))\n<iframe src=\"https://example.com\"></iframe>\n")
    code, lines = check(project)
    assert code == 1
    assert lines[:6] == [
        "notices/x.md:3:1: error: 不允许的 HTML 标签 <script>：通报中不能嵌入脚本、框架、表单或样式，请删除",
        "notices/x.md:4:1: error: 不允许的 HTML 属性 onclick（事件处理程序，可运行脚本）：请删除",
        "notices/x.md:4:1: error: 不允许的链接 javascript:（可运行脚本或嵌入内容）：请删除",
        "notices/x.md:5:6: error: 不允许的链接“javascript:alert(1)”：不允许 javascript: 链接（只能链接 http(s) 网址、"
        "电子邮箱 mailto: 和电话 tel:）；这个链接不会发布",
        "notices/x.md:6:1: error: 不允许的 HTML 标签 <iframe>：通报中不能嵌入脚本、框架、表单或样式，请删除",
        "notices/x.md:6:14: error: 外部网站链接“https://example.com”：通报中不应出现政府网站（gov.cn）以外的地址，"
        "疑似植入的广告；如确需保留，请加入允许列表",
    ]


def test_personal_data_is_a_warning_with_its_span(project):
    write(project, "x.yml", GOOD.replace("title: 问题一", "title: 联系人电话13912345678，身份证11010519491231002X"))
    code, lines = check(project)
    assert code == 0
    assert lines[:2] == [
        "notices/x.yml:19:17: warning: 疑似个人手机号码“13912345678”（个人信息）：个人号码公开前请删除；"
        "如是单位对外公开的联系电话，请加入允许列表",
        "notices/x.yml:19:32: warning: 疑似居民身份证号码“11010519491231002X”（个人信息）：公开前请删除，"
        "或隐去出生日期，写成“110105********002X”",
    ]


def test_contact_phone_and_email_formats(project):
    write(project, "x.yml", GOOD + "contact:\n  phone: 电话0556-5502613\n  email: aqdgzf@126\n")
    code, lines = check(project)
    assert code == 1
    assert lines[:2] == [
        "notices/x.yml:30:10: error: contact → phone：电话号码格式不对：固定电话写成 0556-5502613（区号-号码），"
        "也可以是 12388 这样的热线；只写一个号码，不写文字",
        "notices/x.yml:31:10: error: contact → email：电子邮箱格式不对，应写成 aqdgzf@126.com 这样的地址",
    ]


def test_sanitiser_is_a_second_line_of_defence():
    html = markdown.markdown(
        '<p onclick="steal()">文字</p>\n\n<script>alert(1)</script>\n\n'
        '<a href="javascript:alert(1)">链接</a> <img src=x onerror=alert(1)>\n\n'
        '<iframe src="https://evil.example"></iframe>',
    )
    clean = sanitize_html(html)
    for unsafe in ("<script", "onclick", "javascript:", "onerror", "<iframe", "<img"):
        assert unsafe not in clean
    assert "文字" in clean and "链接" in clean


def test_content_pages_are_checked_and_published_as_safe_html_like_notices(project, tmp_path):
    write(project, "good.yml", GOOD)
    (project / "content" / "about.md").write_text(
        "# 关于\n\n<!-- notices:statuses -->\n\n<p onclick=\"steal()\">说明</p>\n", encoding="utf-8")
    code, lines = check(project)
    assert (code, lines[0]) == (
        1, "content/about.md:5:1: error: 不允许的 HTML 属性 onclick（事件处理程序，可运行脚本）：请删除")
    (project / "content" / "about.md").write_text("# 关于\n\n<!-- notices:statuses -->\n\n说明 **加粗**。\n",
                                                  encoding="utf-8")
    site = tmp_path / "out"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert all(status.value in about for status in statuses())  # the placeholder was filled
    assert "<p>说明 <strong>加粗</strong>。</p>" in about


def test_each_field_with_a_number_or_a_hidden_character_is_checked_beside_the_contacts_phone(project):
    # The contact's phone sends its own field to the full check; the fields after it are found on their own.
    placeholder = GOOD.replace("title: 问题二", f"title: {PLACEHOLDER}")
    write(project, "x.yml", placeholder.replace("title: 问题一", "title: 问题\u200b一")
          .replace("measures: [措施二。]", "measures: [核实，联系13912345678。, 措施三。]")
          + "contact:\n  phone: 0556-5502613\n")
    code, lines = check(project)
    assert code == 1
    assert lines == [
        "notices/x.yml:19:14: error: 1个不可见字符 U+200B（零宽空格）：常用于隐藏或拆散植入的广告文字，请删除",
        f"notices/x.yml:25:12: error: 这是导入时留下的占位文字“{PLACEHOLDER}”：请按原文填写；原文没有的内容不要自拟",
        "notices/x.yml:28:21: warning: 疑似个人手机号码“13912345678”（个人信息）：个人号码公开前请删除；"
        "如是单位对外公开的联系电话，请加入允许列表",
        "检查未通过：2 个错误，1 个警告。请按上面的提示修改后再提交。",
    ]
