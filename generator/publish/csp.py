"""The site's Content-Security-Policy: only the site's own scripts, styles, images and data.

One definition, delivered twice: as a ``<meta http-equiv>`` in every page (the static host cannot
forget it) and as a response header by the web server recipes (which can also forbid framing, a
directive browsers ignore in a ``<meta>``). There is no inline script on any page (the theme's are
moved to files), so scripts need no ``'unsafe-inline'`` and no hashes; Pagefind's WebAssembly needs
``'wasm-unsafe-eval'``, its worker ``blob:``.
"""

from __future__ import annotations

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


def content_security_policy(header: bool = False) -> str:
    """The policy as one line: for a ``<meta>`` (default) or for an HTTP header (``header=True``)."""
    directives = POLICY + (HEADER_ONLY if header else ())
    return "; ".join(f"{name} {value}" for name, value in directives)
