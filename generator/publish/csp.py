"""The site's Content-Security-Policy: only the site's own scripts, styles, images and data.

One definition, delivered twice: as a ``<meta http-equiv>`` in every page (the static host cannot
forget it) and as a response header by the web server recipes (which can also forbid framing, a
directive browsers ignore in a ``<meta>``). There is no inline script on any page (the theme's are
moved to files), so scripts need no ``'unsafe-inline'`` and no hashes; Pagefind's WebAssembly needs
``'wasm-unsafe-eval'``, its worker ``blob:``.

The browser editor (``/admin/``, Decap CMS) is the one page with its own policy, ``ADMIN_POLICY``: Decap
cannot run under the site's (decap-cms issue #2138, open since 2019). Measured in Chromium with Decap 3.16.3,
removing one source at a time: its scripts are the page's own files, but it compiles code at run time (Ajv's
``new Function`` when it validates config.yml), so without ``'unsafe-eval'`` it stops before the login page;
its styles are ``<style>`` elements written by Emotion (CSS-in-JS), so without ``'unsafe-inline'`` for styles
the page is unstyled; previews of uploaded images are ``blob:`` URLs. It talks to the code host's API and
shows the user's avatar from there: those origins come from the site's ``extra.cms`` (``cms.admin_origins``).
Still no inline script: ``script-src`` has no ``'unsafe-inline'``.
"""

from __future__ import annotations

from collections.abc import Iterable

POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("worker-src", "'self' blob:"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
    ("object-src", "'none'"),
)
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)
ADMIN_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self' 'unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data: blob:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
    ("object-src", "'none'"),
)


def content_security_policy(header: bool = False) -> str:
    """The policy as one line: for a ``<meta>`` (default) or for an HTTP header (``header=True``)."""
    return _line(POLICY + (HEADER_ONLY if header else ()))


def admin_content_security_policy(connect: Iterable[str] = (), images: Iterable[str] = (),
                                  header: bool = False) -> str:
    """The browser editor's policy: ``ADMIN_POLICY`` with the origins it may fetch from (``connect``: the
    code host's API, a local decap-server) and show images from (``images``: those and the avatar host)."""
    extra = {"connect-src": sorted(set(connect)), "img-src": sorted(set(connect) | set(images))}
    directives = tuple((name, " ".join([value, *extra.get(name, [])])) for name, value in ADMIN_POLICY)
    return _line(directives + (HEADER_ONLY if header else ()))


def _line(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)
