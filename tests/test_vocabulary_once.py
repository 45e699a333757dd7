"""Each vocabulary word is written once, in generator/data/statuses.yml or kinds.yml: no Python string of
the generator names a status or a kind (the importer's recognisers, the scaffold and the checks read the
data files)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT
from generator.model import vocabulary

# Words that are also something else, in the Python string where they are that: the importer's field
# labels and ledger column headers (整改情况：…), 完成 as the verb of a figure sentence (已完成反馈问题整改 3 个),
# and 未载明 meaning "not stated" for a year, a domain or a rate.
NOT_VOCABULARY = {
    ("importing/labels.py", "进展情况"), ("importing/labels.py", "整改进展"),
    ("importing/ledger.py", "整改情况"), ("importing/ledger.py", "整改进展"), ("importing/ledger.py", "进展情况"),
    ("importing/measures.py", "整改情况"), ("importing/measures.py", "整改进展"),
    ("importing/measures.py", "整改落实情况"), ("importing/measures.py", "进展情况"),
    ("importing/outline.py", "整改进展"), ("importing/outline.py", "进展情况"), ("importing/outline.py", "完成"),
    ("importing/facts.py", "完成"),
    ("read/collection.py", "未载明"), ("render/pages.py", "未载明"), ("search/pagefind.py", "未载明"),
}


def _strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_status_or_kind_word_is_written_in_python():
    words = {w for s in vocabulary.statuses() for w in (s.value, *s.words)}
    words |= {w for k in vocabulary.kinds() for w in (k.value, *k.words)}
    found = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        name = path.relative_to(ROOT / "generator").as_posix()
        for line, value in _strings(path):
            pieces = set(re.split(r"[|()“”\[\]?:：、,，\s\"'^$]+", value))
            found += [f"generator/{name}:{line}: {word}" for word in sorted(words & pieces)
                      if (name, word) not in NOT_VOCABULARY]
    assert found == []
