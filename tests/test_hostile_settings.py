"""The settings in mkdocs.yml that every page shows (site_name, site_description, the footer's extra.filing
and extra.contact) are checked like a notice's text, and extra: holds only what the site uses."""

from conftest import GOOD, check, config_line, write


def configure(project, old: str, new: str) -> None:
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in config
    (project / "mkdocs.yml").write_text(config.replace(old, new, 1), encoding="utf-8")


def test_markup_in_the_site_name(project):
    configure(project, "site_name: 大观区巡察整改公开", 'site_name: "大观区</title><script>alert(1)</script>"')
    write(project, "x.yml", GOOD)
    code, lines = check(project)
    assert code == 1
    assert lines[0] == ("mkdocs.yml:2:15: error: 纯文字项里不能写 HTML（“</title…”）：标题、单位、措施等都按文字发布；"
                        "表示大小请写“小于”“大于”，书名请用《》")


def test_markup_in_the_footer_runs_nowhere(project):
    configure(project, "host: 安庆市大观区纪委监委", "host: 安庆市大观区纪委监委<img src=x onerror=alert(1)>")
    write(project, "x.yml", GOOD)
    code, lines = check(project)
    assert code == 1
    line = config_line(project, "host: 安庆市大观区纪委监委")
    assert lines[0].startswith(f"mkdocs.yml:{line}:21: error: 纯文字项里不能写 HTML（“<img src=x o…”）")


def test_spam_in_the_site_description(project):
    configure(project, "site_description: 巡察整改进展与整改情况通报的公开发布与检索",
              "site_description: 巡察整改通报 shadowrocket节点都没有了")
    write(project, "x.yml", GOOD)
    code, lines = check(project)
    assert code == 1
    assert lines[0].startswith("mkdocs.yml:3:26: error: 疑似植入的广告文字“shadowrocket节点都没有了”")


def test_extra_keys_the_theme_would_act_on_are_refused(project):
    configure(project, "extra:\n", "extra:\n  analytics:\n    provider: google\n    property: G-XXXX\n")
    write(project, "x.yml", GOOD)
    code, lines = check(project)
    assert code == 1
    line = config_line(project, "analytics:")
    assert lines[0] == (f"mkdocs.yml:{line}:3: error: extra 下未知的项“analytics”：可以写的项有 generator, filing, "
                        "contact, cms")
