"""Editors' Markdown is converted with a safe subset: no raw HTML, no attribute lists or class/id/style,
links only to http(s), mailto, tel and this site; what is checked is what a reader sees."""

from conftest import GOOD, check, mkdocs_build, write

NOTICE_URL = "notices/mou-qu-wei-guan-yu-mou-zhuan-xiang-xun-cha-zheng-gai-qing-kuang-de-tong-bao/index.html"


def build_page(project, tmp_path, body: str) -> str:
    write(project, "x.yml", GOOD)
    write(project, "x.md", body)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    return (tmp_path / "site" / NOTICE_URL).read_text(encoding="utf-8")


def test_attribute_lists_are_text_not_classes_or_ids(project, tmp_path):
    html = build_page(project, tmp_path, "## 一、说明 {#problem-1 .md-typeset__hidden}\n\n段落 {: .hidden }\n")
    assert '<h3 id="section-1">一、说明 {#problem-1 .md-typeset__hidden}' in html
    assert "<p>段落 {: .hidden }</p>" in html
    assert html.count('id="problem-1"') == 1  # the progress table's anchor is the problem's, not the editor's


def test_raw_html_is_refused_and_never_interpreted(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", "第一段。\n\n<span class=\"hidden\">隐藏的字</span>\n\n<!-- 注释 -->\n")
    code, lines = check(project)
    assert code == 1
    assert lines[:2] == [
        "notices/x.md:3:1: error: 正文中不能写 HTML 标签（“<span class=…”）：正文只能用 Markdown，"
        "加粗写 **文字**，链接写 [文字](https://…)；HTML 会原样显示为文字",
        "notices/x.md:5:1: error: 正文中不能写 HTML 注释（“<!-- 注释 --…”）：读者看不到注释，注释常被用来藏匿内容；"
        "请删除",
    ]


def test_links_are_checked_where_they_are_written(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", "见[通知](//evil.example/a)、[原文](http://45.9.8.7/x)、[说明](../../about/)和"
                           "[新华网](https://www.news.cn/)。\n\n[电话](tel:12388) [邮件](mailto:a@b.gov.cn) [坏](data:"
                           "text/html,x)\n")
    code, lines = check(project)
    assert code == 1
    # (the spam check's own findings about addresses are asserted in test_spam.py)
    assert [line for line in lines if "不允许的链接" in line or "本站以外" in line] == [
        "notices/x.md:1:7: error: 不允许的链接“//evil.example/a”：以 // 开头的链接会指向别的网站（协议相对链接）："
        "请写完整的 https:// 地址；这个链接不会发布",
        "notices/x.md:1:30: error: 不允许的链接“http://45.9.8.7/x”：链接指向 IP 地址 45.9.8.7，不是网站名称："
        "政府网站不会这样链接，疑似植入；这个链接不会发布",
        "notices/x.md:1:74: warning: 链接到本站以外的网站“https://www.news.cn/”：请核实确是原文的链接",
        "notices/x.md:3:45: error: 不允许的链接“data:text/html,x”：不允许 data: 链接"
        "（只能链接 http(s) 网址、电子邮箱 mailto: 和电话 tel:）；这个链接不会发布",
    ]


def test_a_refused_link_is_published_as_text_only(project, tmp_path):
    html = build_page(project, tmp_path, "请看[通知](allowed/page/)。\n")
    assert '<a href="allowed/page/">通知</a>' in html
    from generator.render.markdown import convert
    assert convert("[x](javascript:alert(1)) [y](//evil.example/)").html == "<p><a>x</a> <a>y</a></p>"


def test_words_split_by_markup_or_entities_are_found_as_a_reader_sees_them(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", "第一段。\n\n加强监督shadow**rocket**节点都没有了，确保落实。\n\n"
                           "加入&#x7ffb;&#x5899;节点。\n")
    code, lines = check(project)
    assert (code, [line for line in lines if "拼接" in line]) == (1, [
        "notices/x.md:3:1: error: 疑似植入的广告文字“shadowrocket节点都没有了”（VPN/翻墙推广）："
        "这段文字经 Markdown 标记或 HTML 实体拼接后才显示出来：这不是通报原文，请删除这段文字",
        "notices/x.md:5:1: error: 疑似植入的广告文字“加入翻墙节点。”（VPN/翻墙推广）："
        "这段文字经 Markdown 标记或 HTML 实体拼接后才显示出来：这不是通报原文，请删除这段文字",
    ])


def test_images_are_not_published(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", "正文。![二维码](https://evil.example/qr.png)\n")
    assert ("notices/x.md:1:11: error: 正文中不能插入图片（“https://evil.example/qr.png”）："
            "本站通报只发布文字；图片不会发布，请删除") in check(project)[1]


def test_lists_and_quotes_nested_too_deeply_are_refused_not_parsed(project):
    # Python-Markdown parses nesting by recursion: "1. " five thousand times on one line was a traceback.
    write(project, "x.yml", GOOD)
    write(project, "x.md", "第一段。\n\n- 一级\n  - 二级\n\n" + "1. " * 5000 + "深\n")
    code, lines = check(project)
    assert code == 1
    assert lines[0] == ("notices/x.md:6:1: error: 列表或引用嵌套太深（5000 层）：正文最多嵌套 8 层，"
                        "请改成分段的文字或编号“（一）”“1.”")
    write(project, "x.md", "> " * 9 + "引用\n")
    assert check(project)[1][0].startswith("notices/x.md:1:1: error: 列表或引用嵌套太深（9 层）")
    write(project, "x.md", "> > > 三层引用的说明。\n\n- 一\n  - 二\n    - 三\n      - 四\n")
    assert check(project)[0] == 0


def test_text_nested_too_deeply_is_shown_as_text():
    from generator.render.markdown import convert
    assert convert("> " * 20 + "<b>x</b>").html == "<p>" + "&gt; " * 19 + "&gt; &lt;b&gt;x&lt;/b&gt;</p>\n"


def test_a_paragraph_of_unclosed_brackets_is_refused_not_parsed(project):
    # Python-Markdown seeks the end of a link from every unclosed "[": 5,000 "<![" in one paragraph took 100 s.
    write(project, "x.yml", GOOD)
    write(project, "x.md", "见[通知](https://www.gov.cn/)和[附件]。\n\n第二段" + "【" * 3 + "[" * 21 + "。\n")
    code, lines = check(project)
    assert code == 1
    assert lines[0] == ("notices/x.md:3:1: error: 这一段有 21 个不成对或层层嵌套的方括号“[”（最多 20 个）："
                        "不是链接的方括号请改为【】，链接请写成 [文字](网址)")
    # Brackets that close are not counted: thirty footnote marks in one paragraph pass.
    notes = "".join(f"整改台账第{i}项已销号[注{i}]，" for i in range(1, 31))
    write(project, "x.md", "见[通知](https://www.gov.cn/)和[附件]。\n\n" + notes + "均已完成。\n")
    assert check(project)[0] == 0
