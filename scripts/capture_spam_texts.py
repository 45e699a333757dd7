"""A pytest plugin that writes every text the spam check is given during a test run, for ``compare_spam.py``:

    PYTHONPATH=scripts SPAM_CAPTURE=/tmp/spam_texts.jsonl .venv/bin/python -m pytest -q -p capture_spam_texts \
        -k "not browser" tests/test_hostile_*.py tests/test_import*.py tests/test_content_checks.py
    .venv/bin/python scripts/compare_spam.py --captured /tmp/spam_texts.jsonl

Only checks made in the test process itself are seen (not those of the subprocesses tests start).
"""

from __future__ import annotations

import json
import os

import generator.check.spam as _spam

_seen: dict[tuple[str, tuple[str, ...]], None] = {}
_detect = _spam.detect


def _recording(text, allow=(), scorer=None):
    if scorer is None:
        allow = tuple(allow)
        _seen.setdefault((text, allow), None)
    return _detect(text, allow, scorer)


_spam.detect = _recording


def pytest_sessionfinish(session, exitstatus):
    with open(os.environ.get("SPAM_CAPTURE", "spam_texts.jsonl"), "a", encoding="utf-8") as out:
        for text, allow in _seen:
            out.write(json.dumps({"text": text, "allow": list(allow)}, ensure_ascii=False) + "\n")
