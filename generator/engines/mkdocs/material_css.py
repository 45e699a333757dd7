"""Material for MkDocs' stylesheet without the parts this site never draws.

Material's ``main.*.min.css`` (137 KB, 21 KB in Brotli) blocks the first paint of every page, and 60 % of it
styles components these pages never contain: code blocks and their copy buttons, admonitions, content tabs,
annotations, its own search (Pagefind replaces it), blog posts, tags, version and palette pickers, the
repository widget, right-to-left layouts, the dark scheme. A phone on a slow network waits for a second
round trip to fetch those bytes. The build writes the stylesheet without the rules whose selectors name such a
component (``DROPPED``) and without the icons only those components draw; every other rule stays as Material
wrote it, in its order, so a component Material adds in a later release is kept. A selector list loses only
its dropped selectors; a component named only inside ``:not(…)`` does not drop a selector.

The trimmed stylesheet is named after its own bytes (``main.<hash>.min.css``, like Material's own name): servers
may keep such files a year in the browser's cache (deploy/nginx/), so a different stylesheet must have a different
name. ``tests/test_readers_browser.py`` draws every kind of page with both stylesheets and compares the pixels.
"""

from __future__ import annotations

import hashlib
import re

# The components, by the class (or attribute) their selectors name; a BEM element or modifier of a class
# (``md-source__fact``, ``md-search-result``, ``key-enter``) goes with it.
DROPPED_CLASSES = (
    "admonition", "arithmatex", "cards?", "critic", "emojione", "footnote", "gemoji", "giscus", "grid",
    "highlight", "highlighttable", "katex", "keys?", "linenodiv", "linenos", "md-annotation", "md-author",
    "md-button", "md-clipboard", "md-code", "md-consent", "md-copyright", "md-draft", "md-feedback", "md-input",
    "md-meta", "md-option", "md-pagination", "md-path", "md-pin", "md-post", "md-profile", "md-progress",
    "md-search", "md-select", "md-social", "md-source", "md-status", "md-tags?", "md-tooltip2?", "md-version",
    "mermaid", "tabbed", "task-list", "twemoji",
)
DROPPED = re.compile(r"\[dir=rtl\]|\[data-md-color-scheme=slate\]|#(?:gh-dark-mode-only|only-dark)"
                     r"|\.(?:" + "|".join(DROPPED_CLASSES) + r")(?![a-zA-Z0-9])")
# Icons (custom properties on :root) drawn only by the dropped components.
DROPPED_ICONS = re.compile(r"--md-(?:admonition|annotation|clipboard|code|footnotes|path|post|search|source|tabbed|"
                           r"tag|tasklist|version)[\w-]*icon[\w-]*$")
GROUPS = ("@media", "@supports", "@layer", "@container", "@document")


def is_material_stylesheet(src_uri: str) -> bool:
    return re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css", src_uri) is not None


def trimmed_name(css: str) -> str:
    """The site path of the trimmed stylesheet ``css``, named after its bytes."""
    return f"assets/stylesheets/main.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css"


def trimmed(css: str) -> str:
    """The stylesheet without the dropped components' rules and icons (and without its source map comment)."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith(GROUPS):
            inner = trimmed(body)
            if inner:
                out.append(prelude + "{" + inner + "}")
        elif prelude.startswith("@"):
            out.append(prelude + "{" + body + "}")
        else:
            kept = [s for s in _split(prelude, ",") if not DROPPED.search(re.sub(r":not\([^()]*\)", "", s))]
            declarations = [d for d in _split(body, ";") if not DROPPED_ICONS.match(d.split(":", 1)[0].strip())]
            if kept and any(d.strip() for d in declarations):
                out.append(",".join(kept) + "{" + ";".join(declarations) + "}")
    return "".join(out)


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """The top-level statements of a stylesheet: (prelude, body), body None for an at-rule ending in ';'.
    Comments are left out; strings may hold braces."""
    found: list[tuple[str, str | None]] = []
    start, depth, quote, prelude_end, i = 0, 0, "", 0, 0
    prelude = []
    while i < len(css):
        char = css[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            end = len(css) if end < 0 else end + 2
            if depth == 0:
                prelude.append(css[start:i])
                start = end
            i = end
            continue
        elif char == "{":
            if depth == 0:
                prelude.append(css[start:i])
                prelude_end = i
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                found.append(("".join(prelude).strip(), css[prelude_end + 1:i]))
                start, prelude = i + 1, []
        elif char == ";" and depth == 0:
            prelude.append(css[start:i])
            found.append(("".join(prelude).strip(), None))
            start, prelude = i + 1, []
        i += 1
    return found


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside brackets, parentheses and strings."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts
