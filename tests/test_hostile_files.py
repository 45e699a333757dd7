"""Only regular files inside the project are read: a link (git stores them, so a pull request can carry
one), a FIFO, a device, a folder named like a notice or an unreadable file gets a message naming it —
never a hang, a traceback, or a build machine's file on the public site."""

import os
import threading
from pathlib import Path

from conftest import GOOD, check, mkdocs_build, write

LINK = "是符号链接（symlink）：只发布本项目里的普通文件，不跟随链接读取其他位置的文件；请放入文件本身"


def test_a_body_that_links_to_the_build_machines_environment_is_refused(project, tmp_path):
    write(project, "2024/x.yml", GOOD)
    os.symlink("/proc/self/environ", project / "notices" / "2024" / "x.md")
    assert check(project) == (1, [f"notices/2024/x.md: error: {LINK}",
                                  "检查未通过：1 个错误，0 个警告。请按上面的提示修改后再提交。"])
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"notices/2024/x.md: error: {LINK}" in result.stderr
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


def test_a_notice_linking_to_the_git_config_is_refused(project):
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n")
    os.symlink("../.git/config", project / "notices" / "x.yml")
    assert check(project)[1][0] == f"notices/x.yml: error: {LINK}"


def test_a_linked_folder_is_not_walked_into(project, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "y.yml").write_text(GOOD, encoding="utf-8")
    os.symlink(outside, project / "notices" / "2024")
    assert check(project)[1][0] == f"notices/2024: error: {LINK}"


def test_a_fifo_does_not_hang_the_check(project):
    os.mkfifo(project / "notices" / "x.md")
    write(project, "x.yml", GOOD)
    result: list = []
    worker = threading.Thread(target=lambda: result.append(check(project)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert result, "notices check hung on a FIFO"
    assert result[0][1][0] == "notices/x.md: error: 不是普通文件（管道（FIFO））：只能放文本文件，请删除"


def test_a_device_is_not_read(project):
    os.symlink("/dev/zero", project / "notices" / "x.md")  # would exhaust memory if read
    write(project, "x.yml", GOOD)
    assert check(project)[1][0] == f"notices/x.md: error: {LINK}"


def test_a_folder_named_like_a_notice(project):
    write(project, "x.yml", GOOD)
    (project / "notices" / "x.md").mkdir()
    assert check(project)[1][0] == "notices/x.md: error: 这是一个文件夹，名字却像通报文件：请改名或移走"


def test_an_unreadable_file(project, monkeypatch):
    write(project, "x.yml", GOOD)
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # the tests run as root, which reads any file: refuse as the OS would
        if Path(path).name == "x.yml":
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert check(project)[1][0] == "notices/x.yml: error: 文件无法读取（没有读取权限）"


def test_a_huge_body_is_refused_by_its_size(project):
    write(project, "x.yml", GOOD)
    write(project, "x.md", "正文。\n" * 200_000)
    assert check(project)[1][0] == ("notices/x.md: error: 文件过大（2,000,000 字节，上限 1,000,000 字节）："
                                    "一份通报不会这么大，请检查是否误放了其他文件")


def test_folders_nested_without_end(project):
    deep = project / "notices"
    for level in range(12):
        deep = deep / f"d{level}"
    deep.mkdir(parents=True)
    assert check(project)[1][0] == ("notices/d0/d1/d2/d3/d4/d5/d6/d7/d8: error: 文件夹层次太深（超过 8 层）："
                                    "通报应放在 notices/<年份>/ 下")


def test_a_linked_or_scripted_content_page_is_refused(project):
    write(project, "x.yml", GOOD)
    os.symlink("/etc/passwd", project / "content" / "passwd.md")
    (project / "content" / "page.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    code, lines = check(project)
    assert code == 1
    assert lines[:2] == [
        "content/page.html: error: 页面目录里只能放 Markdown 页面（.md）、样式表（.css）和图片："
        ".html文件会原样发布到网站上，可能带有脚本，请移走",
        f"content/passwd.md: error: {LINK}",
    ]


def test_the_notices_folder_itself_may_not_be_a_link(project, tmp_path):
    (project / "notices").rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, project / "notices")
    assert check(project)[1][0] == ("notices: error: 通报目录是一个符号链接（symlink）：只能是本项目里的普通文件夹，"
                                    "请改为真实的文件夹")


def test_a_path_is_shown_as_pathlib_would_show_it():
    from generator.read.files import display_path

    root = Path("/srv/site")
    for path in ("/srv/site/notices/2024/a.yml", "/srv/site/notices/../notices/a.yml", "/srv/site/./notices/a.yml",
                 "/srv/site//notices/a.yml", "/srv/site/notices/.hidden/a.yml", "/srv/site", "/srv/site/",
                 "/srv/other/a.yml", "/srv/site-2/a.yml", "notices/a.yml"):
        absolute = Path(os.path.abspath(path))
        try:
            expected = absolute.relative_to(root).as_posix()
        except ValueError:
            expected = Path(path).as_posix()
        assert display_path(Path(path), root) == expected, path
