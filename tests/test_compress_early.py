"""The .gz and .br copies of the pages and the open data are written while MkDocs renders the pages (on a thread of
their own, the core the rendering leaves idle), and the site's copies are still those of its files' final bytes:
a file changed after its early copy, handed over twice, or never written gets what a build compressing at the end
gives."""

from __future__ import annotations

import gzip
import shutil
import threading
from pathlib import Path

import brotli
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import BUILD_ENV, ROOT
from generator.engines.mkdocs import plugin
from generator.publish import compress
from generator.publish.compress import EarlyCopies, compress_files, remove_stray_copies, text_files


def copies(path: Path) -> tuple[bytes, bytes]:
    return (gzip.decompress(path.with_name(path.name + ".gz").read_bytes()),
            brotli.decompress(path.with_name(path.name + ".br").read_bytes()))


def test_a_file_changed_after_its_early_copy_gets_copies_of_its_final_bytes(tmp_path):
    same, changed, twice = tmp_path / "same.html", tmp_path / "a" / "changed.html", tmp_path / "twice.json"
    early = EarlyCopies()
    early.submit(same, b"<p>same</p>")
    early.submit(changed, b"<p>before</p>")  # its folder does not exist yet: the copy makes it
    early.submit(twice, b'{"n": 1}')
    early.submit(twice, b'{"n": 2}')
    early.submit(tmp_path / "chart.png", b"not text")  # not a text file: no copies
    done = early.finish()
    assert set(done) == {same, changed}  # handed over twice: its copies are not trusted
    assert not (tmp_path / "chart.png.gz").exists()
    same.write_bytes(b"<p>same</p>")
    changed.write_bytes(b"<p>after</p>")
    twice.write_bytes(b'{"n": 1}')
    kept = same.with_name("same.html.gz").stat().st_mtime_ns
    assert compress_files(text_files(tmp_path), done=done) == 3
    assert copies(same) == (b"<p>same</p>",) * 2
    assert copies(changed) == (b"<p>after</p>",) * 2
    assert copies(twice) == (b'{"n": 1}',) * 2
    assert same.with_name("same.html.gz").stat().st_mtime_ns == kept  # its early copies were kept


def test_the_copies_of_a_file_the_build_never_wrote_are_deleted(tmp_path):
    early = EarlyCopies()
    early.submit(tmp_path / "gone.html", b"<p>gone</p>")
    done = early.finish()
    assert (tmp_path / "gone.html.gz").exists() and (tmp_path / "gone.html.br").exists()
    remove_stray_copies(done)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_starts_no_copy_after_it_is_cancelled(tmp_path):
    early = EarlyCopies()
    early.cancel()
    with pytest.raises(RuntimeError):  # the pool is shut down: nothing is written into the deleted scratch folder
        early.submit(tmp_path / "late.html", b"<p>late</p>")
    assert not (tmp_path / "late.html.gz").exists()


HOOK = '''\
from mkdocs.plugins import event_priority


@event_priority(-200)  # after the notices plugin's own on_post_page
def on_post_page(output, page, config):
    return output.replace("</body>", "<!-- changed by a later hook --></body>")
'''


def test_pages_are_compressed_while_mkdocs_renders_them_and_their_copies_hold_the_final_bytes(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("content", "theme_overrides", "notices"):
        shutil.copytree(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "\nhooks:\n  - later_hook.py\n", encoding="utf-8")
    (project / "later_hook.py").write_text(HOOK, encoding="utf-8")
    threads: dict[tuple[str, str], list[str]] = {}  # by file (its folder's name and its own; the build writes into
    # a scratch folder, renamed at the end), the threads that compressed it, in turn
    write_copies = compress._write_copies

    def recorded(path: Path, data: bytes) -> bytes:
        threads.setdefault((path.parent.name, path.name), []).append(threading.current_thread().name.rsplit("_", 1)[0])
        return write_copies(path, data)

    monkeypatch.setattr(compress, "_write_copies", recorded)
    monkeypatch.setattr(plugin, "index_notices", lambda *args, **kwargs: 0)  # the copies are the point here
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
    monkeypatch.setenv("NOTICES_CACHE_DIR", "off")
    monkeypatch.chdir(project)
    site = tmp_path / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    page = next((site / "notices").glob("zhong-gong-da-guan-qu-*/index.html"))
    assert page.read_text(encoding="utf-8").endswith("<!-- changed by a later hook --></body>\n</html>")
    # the page's copies: first while MkDocs rendered it (the early thread), then again at the end, since the hook
    # changed it after; the notice's open data only early, as it was written
    first, last = threads[(page.parent.name, "index.html")]
    assert first == "notices-compress" and last != first
    assert threads[(page.parent.name, "notice.json")] == ["notices-compress"]
    assert [name for (_, file), name in threads.items() if file == "feed.xml"] == [["notices-compress"]]
    for path in text_files(site):
        assert copies(path) == (path.read_bytes(),) * 2, path
