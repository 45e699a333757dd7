"""The shortcuts a build takes write exactly what the long way writes: the open data's JSON (json's C encoder
for the texts) and the notice pages a rebuild takes from the render cache."""

from __future__ import annotations

import json
import random

from conftest import ROOT
from generator.publish import site as core_site
from generator.publish.open_data import _json
from generator.read.config import read_config


def test_the_open_data_json_is_what_json_dumps_writes():
    rng = random.Random(20261201)

    def value(depth: int):
        roll = rng.random()
        if depth > 3 or roll < 0.5:
            return rng.choice(["整改", 'a"b\\c\n\t\u2028', "", 0, -5, 10**30, 1.5, float("nan"), True, False, None])
        if roll < 0.75:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        if roll < 0.9:
            return {rng.choice(["slug", "标题", '"q', ""]) + str(i): value(depth + 1) for i in range(rng.randint(0, 3))}
        return {1: "a key that is a number", None: 2, "pair": (1, 2)}

    for _ in range(5000):
        data = value(0)
        assert _json(data) == (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_a_build_from_the_render_cache_is_the_build_without_it():
    config, _ = read_config(ROOT / "mkdocs.yml")
    values = {"site_name": config["site_name"], "site_description": config.get("site_description"),
              "extra": dict(config.get("extra") or {})}

    def build():
        return core_site.build_site(ROOT, ROOT / "notices", values, "mkdocs.yml", config, ROOT / "content")

    core_site.clear_cache()
    fresh = build()
    assert core_site._RENDERED  # the second build takes its notice pages from here
    again = build()
    core_site.clear_cache()
    assert again.pages == fresh.pages and again.files == fresh.files and again.snippets == fresh.snippets
    for path, data in fresh.files.items():
        if path.endswith(".json"):
            assert data == (json.dumps(json.loads(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
