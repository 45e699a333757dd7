"""Build-time benchmark of the notice site: how does `mkdocs build` grow with the number of notices?

Run (from the repository root, after `bash scripts/setup`):

    .venv/bin/python scripts/benchmark.py                         # N = 100, 1000, 10000; all three variants
    .venv/bin/python scripts/benchmark.py --sizes 1000 --check    # also time `notices check`
    .venv/bin/python scripts/benchmark.py --sizes 100 1000        # other sizes
    .venv/bin/python scripts/benchmark.py --no-search             # only the build without a search index
    .venv/bin/python scripts/benchmark.py --keep /tmp/bench       # keep the generated projects and sites
    .venv/bin/python scripts/benchmark.py --sizes 1000 --serve --full-only   # also time an edit in `mkdocs serve`
    .venv/bin/python scripts/benchmark.py --sizes 1000 10000 --check-only    # only `notices check`, no build
    .venv/bin/python scripts/benchmark.py --sizes 200 1000 --serve-only      # only the edits in `mkdocs serve`
    .venv/bin/python scripts/benchmark.py --sizes 1000 --check --warm        # also each again with a warm cache
    .venv/bin/python scripts/benchmark.py --sizes 10000 --check-only --warm --check-against main   # before/after
    .venv/bin/python scripts/benchmark.py --sizes 1000 --search-shard-size 500 --search-parallel-runs 2  # at once

What it does, for each N:

1. Generates N notices into a temporary project (a copy of mkdocs.yml, content/ and theme_overrides/ plus
   notices/<year>/<name>.yml + .md). The notices alternate between the shapes of the two samples
   (notices/2024/*: 28 problems, 133 measures, long narrative; notices/2023/*: 12 problems, short
   narrative) with the same problems, measures and narrative text, but each has its own title (with a
   sequence number in Chinese, e.g. 第三百二十一轮, so titles and pinyin slugs are unique), publisher,
   region (36), domain (30), publication date (2019-2025) and inspection dates. Generation is not timed.
2. Builds the site with `python -m mkdocs build --strict` in a fresh child process, in two variants:
   "full" is the site exactly as configured (with its search index); "no search" builds it without any
   search index, to separate the engine's own cost (MkDocs, Material, the notices plugin) from the
   index's cost. For "no search", a copy of mkdocs.yml keeps Material's `- search` out of plugins (if it
   is there), and the build runs through a small shim that replaces the notices plugin's Pagefind step
   (`generator.engines.mkdocs.plugin.index_notices`, if it exists) with a no-op; the project's files are not
   changed. Each build runs under its own `python -c` measuring wrapper, so the peak memory (ru_maxrss of
   RUSAGE_CHILDREN: the largest single process of the build, i.e. MkDocs or the Pagefind binary it
   starts) and CPU time (all its processes) are those of that one build. Before the first timed build,
   one untimed build of the smallest project warms the disk cache.
   Other people may edit the tree while a long run goes on, so at the start the script copies the
   `generator` package (the notices plugin), mkdocs.yml, content/ and theme_overrides/ into its scratch
   directory, builds every project from that copy and puts the package copy first on PYTHONPATH: all
   rows of one run measure the same code, the code as it was at the start.
   "plain" is the baseline: a stock Material site (theme material, `plugins: []`, only the home page
   in the nav) of the same generated notices as plain Markdown pages, one per notice: its title as
   `# `, then every other text of its YAML and each line of its narrative as paragraphs. The ratio
   full / plain is what the notices plugin and the search index cost over what Material costs anyway.
   With --check, the row "check" is `notices check` of the project (the same wrapper, no site).
   Every row starts with an empty check cache of its own (`NOTICES_CACHE_DIR`, a folder per variant; the warm-up
   build and `mkdocs serve` run without one). With --warm, each of "full", "no search" and "check" runs a second
   time right after, with the cache the first run left ("full (warm cache)" …): the same notices, unchanged.
   With --build-against REV, "full" and "no search" are each built a second time right after, on the same project,
   with the `generator` package of git revision REV (rows "full at REV", "no search at REV"): before and after in one
   run, each against the same plain build.
   With --check-against REV, the check (and with --warm its warm run) is timed again on the same project with the
   `generator` package of git revision REV (`git archive`), rows "check at REV": before and after in one run.
   With --serve, `mkdocs serve` of the project is started (the same code snapshot) and, once it serves
   the first build, one notice's narrative is edited SERVE_EDITS times (each time a different notice), then
   the publisher in the first one's YAML (a fact the archive pages list): the time from the file write to the
   edited page served with the new text (polled every 50 ms over HTTP, as a reloading browser would fetch it)
   is printed for each edit, with the load average when it was written. --serve-only times only that.
3. Prints machine facts and a Markdown table, and the ratios to the plain Material build.

Reading the table:

- `build s`: wall time of the build (process start to exit, so it includes ~1-2 s of fixed start-up).
- `× time`: build time relative to the smallest N of the same variant. Linear growth means this
  approaches N/N_min (10× for 10× the notices) once the fixed start-up cost is small against the rest.
- `ms/notice` and `× ms/notice`: build time divided by N, and relative to the smallest N. Roughly
  constant (× ≈ 1 or falling, as start-up is spread over more notices) means linear; a value that keeps
  rising with N means worse than linear.
- `marginal ms/notice`: (time(N) - time(previous N)) / (N - previous N), the cost of one more notice
  without the fixed start-up; this is the clearest linearity test: constant across rows = linear.
- `CPU s`: user + system time of the build and its child processes.
- `site MiB`, `search_index.json MiB`, `pagefind/ MiB`, `HTML files`: the output in total, Material's
  search index alone (— if none), the Pagefind bundle alone (— if none), and the number of pages.
- The second table (when both variants ran) shows what the search index adds: its share of the build
  time and its size. The "no search" rows are the cost of MkDocs, Material and the notices plugin alone.
- `CPU s` well below `build s` means the build was waiting, usually for other work on the machine (see
  the load averages printed on top); `CPU s` is the steadier figure on a shared machine.
- `peak RSS MiB` is the largest single process, not the sum: in "full" builds at large N that is the
  Pagefind indexer, which runs while MkDocs still holds its own memory (about the "no search" figure).

A failed build prints the tail of its stderr and exits with status 1 (2 for bad arguments or setup).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import io
import json
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generator.search.pagefind import SearchIndexError, find_pagefind

REPO = Path(__file__).resolve().parent.parent
SEED = 20241224
STDERR_TAIL_LINES = 40

# The two sample notices and the short place name their text uses (replaced by each notice's own).
SAMPLES = (("2024", "大观区"), ("2023", "东湖高新区"))

# (province, city, district): 36 regions with distinct pinyin, so each gets its own archive page.
REGIONS = [
    ("安徽省", "安庆市", "大观区"), ("安徽省", "合肥市", "蜀山区"), ("安徽省", "芜湖市", "镜湖区"),
    ("湖北省", "武汉市", "洪山区"), ("湖北省", "宜昌市", "西陵区"), ("湖北省", "襄阳市", "樊城区"),
    ("江苏省", "南京市", "鼓楼区"), ("江苏省", "苏州市", "姑苏区"), ("江苏省", "无锡市", "梁溪区"),
    ("浙江省", "杭州市", "西湖区"), ("浙江省", "宁波市", "鄞州区"), ("浙江省", "温州市", "鹿城区"),
    ("广东省", "广州市", "天河区"), ("广东省", "深圳市", "南山区"), ("广东省", "佛山市", "禅城区"),
    ("山东省", "济南市", "历下区"), ("山东省", "青岛市", "崂山区"), ("山东省", "烟台市", "芝罘区"),
    ("河南省", "郑州市", "金水区"), ("河南省", "洛阳市", "涧西区"), ("河南省", "开封市", "龙亭区"),
    ("湖南省", "长沙市", "岳麓区"), ("湖南省", "株洲市", "荷塘区"), ("湖南省", "湘潭市", "雨湖区"),
    ("四川省", "成都市", "武侯区"), ("四川省", "绵阳市", "涪城区"), ("四川省", "宜宾市", "翠屏区"),
    ("江西省", "南昌市", "东湖区"), ("江西省", "赣州市", "章贡区"), ("江西省", "九江市", "浔阳区"),
    ("福建省", "福州市", "仓山区"), ("福建省", "厦门市", "思明区"), ("福建省", "泉州市", "鲤城区"),
    ("河北省", "石家庄市", "长安区"), ("河北省", "保定市", "竞秀区"), ("河北省", "唐山市", "路北区"),
]

DOMAINS = [
    "城市绿化工程", "工程建设和房地产", "国有企业改革", "乡村振兴", "教育收费", "医疗卫生", "生态环境保护",
    "粮食购销", "住房保障", "交通运输", "水利工程", "民生资金管理", "社会保险基金", "土地出让", "招标投标",
    "政府采购", "国有资产管理", "城市管理执法", "安全生产", "养老服务", "文化旅游", "农村集体三资管理",
    "市场监管", "自然资源", "地方金融", "科技项目资金", "惠民惠农补贴", "物业管理", "开发区建设", "供销合作",
]

# Publisher per shape: the 2024 sample is a district Party committee, the 2023 one a bureau.
AGENCIES = ["住房和城乡建设局", "建设管理和交通局", "城市管理局", "自然资源和规划局", "发展和改革委员会", "财政局"]

# Copied from the repository into every generated project.
SITE_FILES = ("mkdocs.yml", "content", "theme_overrides")

FIRST_DAY, LAST_DAY = dt.date(2019, 1, 1), dt.date(2025, 12, 31)

# Runs `mkdocs` like `python -m mkdocs`, with the notices plugin's search indexing (Pagefind) turned
# into a no-op when the plugin has one: the "no search" variant. Nothing on disk is changed.
NO_SEARCH_SHIM = r"""
import sys
import generator.engines.mkdocs.plugin as plugin
if hasattr(plugin, "index_notices"):
    plugin.index_notices = lambda *args, **kwargs: 0
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""

# Runs one command and writes its exit code, wall time and rusage to the file named by argv[1]. Being a
# fresh process whose only child is the build, its RUSAGE_CHILDREN figures are the build's alone.
MEASURE_WRAPPER = r"""
import json, resource, subprocess, sys, time
out, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
code = subprocess.call(command)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as f:
    json.dump({"code": code, "wall": wall, "maxrss_kib": usage.ru_maxrss,
               "cpu": usage.ru_utime + usage.ru_stime}, f)
sys.exit(code)
"""


SERVE_EDITS = 3
SERVE_POLL_S = 0.05


class BenchmarkError(Exception):
    """A problem that ends the run with a message instead of a traceback."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


@dataclass
class Sample:
    yml: str
    md: str
    place: str  # the short place name used in the text
    dates: dict[str, dt.date]  # inspection start / end / feedback of the sample


@dataclass
class Result:
    variant: str
    n: int
    wall: float
    cpu: float
    maxrss_mib: float
    site_bytes: int
    index_bytes: int | None  # search/search_index.json (Material's search plugin)
    pagefind_bytes: int | None  # pagefind/ (the notices plugin's Pagefind bundle)
    html_files: int


# ---------------------------------------------------------------------------------------------
# Generating notices

def chinese_number(n: int) -> str:
    """321 → 三百二十一, 10 → 十, 1001 → 一千零一, 10010 → 一万零一十 (n ≥ 1)."""
    if n >= 10000:
        high, low = divmod(n, 10000)
        text = chinese_number(high) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _below_10000(low, leading=False)
        return text
    return _below_10000(n, leading=True)


def _below_10000(n: int, leading: bool) -> str:
    digits, units = "零一二三四五六七八九", ["", "十", "百", "千"]
    parts: list[str] = []
    pending_zero = False
    for power in (3, 2, 1, 0):
        digit = n // 10 ** power % 10
        if digit == 0:
            pending_zero = pending_zero or bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        if not (leading and not parts and digit == 1 and power == 1):  # 十一, not 一十一
            parts.append(digits[digit])
        parts.append(units[power])
    return "".join(parts)


def cn_date(day: dt.date, with_year: bool = True) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def load_samples() -> list[Sample]:
    samples = []
    for year, place in SAMPLES:
        found = sorted((REPO / "notices" / year).glob("*.yml"))
        if len(found) != 1:
            raise BenchmarkError(f"expected one sample notice in notices/{year}/, found {len(found)}")
        yml = found[0].read_text(encoding="utf-8")
        md_path = found[0].with_suffix(".md")
        md = md_path.read_text(encoding="utf-8") if md_path.exists() else ""
        dates = {key: dt.date.fromisoformat(match.group(1)) for key in ("start", "end", "feedback")
                 if (match := re.search(rf"^  {key}: (\d{{4}}-\d\d-\d\d)$", yml, re.M))}
        samples.append(Sample(yml, md, place, dates))
    return samples


def set_key(text: str, key: str, value: str, indent: str = "", after: str | None = None) -> str:
    """Replace the one line `<indent><key>: ...` with a new value, or insert it after the key `after`."""
    pattern = re.compile(rf"^{indent}{key}: .*$", re.M)
    line = f"{indent}{key}: {value}"
    if len(pattern.findall(text)) == 1:
        return pattern.sub(lambda _: line, text)
    if after is not None:
        anchor = re.compile(rf"^{after}: .*$", re.M)
        if len(anchor.findall(text)) == 1:
            return anchor.sub(lambda m: m.group(0) + "\n" + line, text)
    raise BenchmarkError(f"sample notice: cannot set `{key}` (expected exactly one `{indent}{key}:` line)")


def notice_dates(rng: random.Random) -> dict[str, dt.date]:
    """Publication date in 2019-2025, inspection dates before it in the required order."""
    published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    start = published - dt.timedelta(days=rng.randint(300, 500))
    end = start + dt.timedelta(days=rng.randint(30, 70))
    feedback = end + dt.timedelta(days=rng.randint(20, 60))
    return {"published": published, "start": start, "end": end, "feedback": feedback}


def make_notice(sample: Sample, shape: int, seq: int, rng: random.Random) -> tuple[str, str, str]:
    """(year, yml text, md text) of notice number `seq` in the shape of `sample`."""
    province, city, district = rng.choice(REGIONS)
    domain = rng.choice(DOMAINS)
    dates = notice_dates(rng)
    if shape == 0:
        publisher = f"中共{city}{district}委"
        title = f"{publisher}关于第{chinese_number(seq)}轮{domain}领域专项巡察整改进展情况的通报"
    else:
        publisher = f"{city}{district}{AGENCIES[seq % len(AGENCIES)]}"
        title = (f"{district}{AGENCIES[seq % len(AGENCIES)]}关于第{chinese_number(seq)}轮{domain}"
                 "领域专项巡察整改进展情况的公布")

    body = sample.yml.split("\ntitle:", 1)[1]  # drop the sample's header comments
    yml = "# Generated by scripts/benchmark.py (benchmark data, not a real notice)\ntitle:" + body
    yml = yml.replace(sample.place, district)
    for key, value in (("title", title), ("publisher", publisher), ("region", f"{province}{city}{district}"),
                       ("domain", domain)):
        yml = set_key(yml, key, yaml_string(value))
    yml = set_key(yml, "published", dates["published"].isoformat(), after="domain")
    for key in ("start", "end", "feedback"):
        yml = set_key(yml, key, dates[key].isoformat(), indent="  ")

    md = "".join(line for line in sample.md.splitlines(keepends=True) if not line.startswith("> 编者按"))
    md = md.lstrip("\n").replace(sample.place, district)
    for key in ("start", "end", "feedback"):
        if key in sample.dates:
            md = md.replace(cn_date(sample.dates[key]), cn_date(dates[key]))
            md = md.replace("至" + cn_date(sample.dates[key], with_year=False),
                            "至" + cn_date(dates[key], with_year=False))
    return str(dates["published"].year), yml, md


def write_notices(project: Path, n: int, samples: list[Sample]) -> None:
    rng = random.Random(SEED)
    for seq in range(1, n + 1):
        shape = (seq - 1) % len(samples)
        year, yml, md = make_notice(samples[shape], shape, seq, rng)
        folder = project / "notices" / year
        folder.mkdir(parents=True, exist_ok=True)
        name = f"bench-{seq:06d}"
        (folder / f"{name}.yml").write_text(yml, encoding="utf-8")
        (folder / f"{name}.md").write_text(md, encoding="utf-8")


NOTICES_DIR_LINE = "      notices_dir: notices\n"  # the notices plugin's first setting in mkdocs.yml


def write_configs(project: Path, source: Path = REPO, shard_size: int | None = None,
                  parallel_runs: int | None = None) -> dict[str, Path]:
    """mkdocs.yml as in the repo ("full"), and mkdocs-nosearch.yml without Material's search plugin; `shard_size`
    and `parallel_runs` set the notices plugin's search_shard_size and search_parallel_runs in both (None: as the
    repo's mkdocs.yml has it)."""
    from ruamel.yaml import YAML

    shutil.copy2(source / "mkdocs.yml", project / "mkdocs.yml")
    text = (source / "mkdocs.yml").read_text(encoding="utf-8")
    settings = {"search_shard_size": shard_size, "search_parallel_runs": parallel_runs}
    for name, value in settings.items():
        if value is None:
            continue
        if NOTICES_DIR_LINE not in text:
            raise BenchmarkError(f"{source / 'mkdocs.yml'}: no line {NOTICES_DIR_LINE.strip()!r} to set "
                                 f"{name} beside")
        text = text.replace(NOTICES_DIR_LINE, f"{NOTICES_DIR_LINE}      {name}: {value}\n", 1)
        (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    yaml = YAML(typ="rt")
    config = yaml.load(text)
    plugins = config.get("plugins") or []
    config["plugins"] = [p for p in plugins if p != "search" and not (isinstance(p, dict) and "search" in p)]
    with open(project / "mkdocs-nosearch.yml", "w", encoding="utf-8") as f:
        yaml.dump(config, f)
    return {"full": project / "mkdocs.yml", "no search": project / "mkdocs-nosearch.yml"}


PLAIN_CONFIG = """\
# A stock Material site: the notices' visible text as plain Markdown pages, not in the nav, no plugin.
site_name: Plain Material baseline
docs_dir: docs
theme:
  name: material
  language: zh
plugins: []
nav:
  - index.md
validation:
  nav:
    omitted_files: ignore
"""


def visible_texts(value) -> list[str]:
    """Every text of a notice's YAML, in order (dates and numbers are not text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in visible_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in visible_texts(item)]
    return []


def plain_page(yml: str, md: str) -> str:
    """A notice as a plain Markdown page: its title as `# `, then its other texts and narrative as paragraphs."""
    import yaml

    data = yaml.safe_load(yml)
    title = data.pop("title")
    paragraphs = visible_texts(data) + [line.strip() for line in md.splitlines() if line.strip()]
    return f"# {title}\n\n" + "".join(f"{text.lstrip('#>-* ')}\n\n" for text in paragraphs)


def make_plain_project(project: Path, n: int, samples: list[Sample]) -> Path:
    """The baseline: the same generated notices (same seed) as plain Markdown pages in a stock Material site."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Plain Material baseline\n", encoding="utf-8")
    rng = random.Random(SEED)
    for seq in range(1, n + 1):
        shape = (seq - 1) % len(samples)
        year, yml, md = make_notice(samples[shape], shape, seq, rng)
        folder = docs / year
        folder.mkdir(exist_ok=True)
        (folder / f"bench-{seq:06d}.md").write_text(plain_page(yml, md), encoding="utf-8")
    return project / "mkdocs.yml"


def make_project(project: Path, n: int, samples: list[Sample], source: Path = REPO,
                 shard_size: int | None = None, parallel_runs: int | None = None) -> dict[str, Path]:
    """A site project with N generated notices; mkdocs.yml, content/ and theme_overrides/ from `source`."""
    project.mkdir(parents=True, exist_ok=True)
    for folder in SITE_FILES[1:]:
        shutil.copytree(source / folder, project / folder)
    configs = write_configs(project, source, shard_size, parallel_runs)
    write_notices(project, n, samples)
    return configs


# ---------------------------------------------------------------------------------------------
# Building and measuring

def snapshot_code(scratch: Path) -> Path:
    """Copy the `generator` package and the site files to scratch/code; returns that folder (it goes
    first on PYTHONPATH and is the `source` of every project)."""
    code = scratch / "code"
    shutil.copytree(REPO / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / SITE_FILES[0], code / SITE_FILES[0])
    for folder in SITE_FILES[1:]:
        shutil.copytree(REPO / folder, code / folder)
    (code / "node_modules").symlink_to(REPO / "node_modules")  # Pagefind, installed by npm ci
    found = subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"],
                           capture_output=True, text=True, env=build_env(code), cwd=scratch).stdout.strip()
    if not found.startswith(str(code)):
        raise BenchmarkError(f"the builds would not use the code snapshot in {code} (they import {found or 'nothing'})")
    return code


def snapshot_revision(scratch: Path, revision: str, option: str = "--check-against") -> Path:
    """The `generator` package as it is at git `revision`, in scratch/code-<revision> (for --check-against and
    --build-against)."""
    code = scratch / f"code-{revision.replace('/', '-')}"
    if code.exists():
        return code
    code.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision, "--", "generator"],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        reason = archive.stderr.decode(errors="replace").strip()
        raise BenchmarkError(f"{option} {revision}: git archive failed: {reason}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(code, filter="data")
    (code / "node_modules").symlink_to(REPO / "node_modules")  # Pagefind, for a build with this code
    found = subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"],
                           capture_output=True, text=True, env=build_env(code), cwd=scratch).stdout.strip()
    if not found.startswith(str(code)):
        raise BenchmarkError(f"the check would not use the code of {revision} in {code} "
                             f"(it imports {found or 'nothing'})")
    return code


WARM = " (warm cache)"


def build_env(code: Path | None, cache: Path | None = None) -> dict[str, str]:
    """``cache``: the check cache folder of the run (default: none, every notice loaded and checked)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1",
           "NOTICES_CACHE_DIR": str(cache) if cache is not None else "off"}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))
    return env


def run_build(config: Path, site: Path, timeout: float | None, search: bool = True, code: Path | None = None,
              cache: Path | None = None) -> dict:
    """Build once in a fresh measuring wrapper; returns its measurements or raises on failure.

    `code`: a folder with a copy of the `generator` package to build with (default: the installed one).
    """
    mkdocs = [sys.executable, "-m", "mkdocs"] if search else [sys.executable, "-c", NO_SEARCH_SHIM]
    return run_measured([*mkdocs, "build", "--strict", "-f", str(config), "-d", str(site)],
                        site.parent / f".{site.name}-metrics.json", config, timeout, code, cache)


def run_check(config: Path, timeout: float | None, code: Path | None, cache: Path | None = None) -> dict:
    """`notices check` of the project once, measured like a build."""
    command = [sys.executable, "-m", "generator.cli", "check", "--config", str(config)]
    return run_measured(command, config.parent / ".check-metrics.json", config, timeout, code, cache)


def run_measured(build: list[str], metrics: Path, config: Path, timeout: float | None, code: Path | None,
                 cache: Path | None = None) -> dict:
    command = [sys.executable, "-c", MEASURE_WRAPPER, str(metrics), *build]
    # cwd: the project, as `python -m` puts the working directory first on sys.path (before PYTHONPATH).
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=build_env(code, cache), cwd=config.parent, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except BaseException:  # timeout or Ctrl-C: stop the build we started (its own process group)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    if process.returncode != 0 or not metrics.exists():
        tail = "\n".join(stderr.splitlines()[-STDERR_TAIL_LINES:])
        raise BenchmarkError(f"build failed (exit code {process.returncode}): {config}\n"
                             f"--- last {STDERR_TAIL_LINES} lines of its stderr ---\n{tail}", status=1)
    data = json.loads(metrics.read_text())
    metrics.unlink()
    return data


def tree_size(folder: Path) -> tuple[int, int]:
    """(total bytes, number of .html files) of everything under `folder`."""
    total, html = 0, 0
    for parent, _, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(parent, name))
            html += name.endswith(".html")
    return total, html


def measure(variant: str, n: int, config: Path, timeout: float | None, keep: bool, code: Path | None,
            label: str | None = None) -> Result:
    """One row; a variant without WARM starts with an empty check cache, one with it uses what the first left.
    ``label``: the row's name instead of the variant's (the check or a build with another revision's code)."""
    base = variant.removesuffix(WARM)
    cache = config.parent / ".bench-cache" / (label or base).replace(" ", "-")
    if base == variant:
        shutil.rmtree(cache, ignore_errors=True)
    if base == "check":
        data = run_check(config, timeout, code, cache)
        name = variant if label is None else label + variant.removeprefix(base)
        return Result(name, n, data["wall"], data["cpu"], data["maxrss_kib"] / 1024, 0, None, None, 0)
    site = config.parent / ("site" if base in ("full", "plain") else "site-nosearch")
    if label is not None:
        site = site.with_name(site.name + "-" + label.replace(" ", "-"))
    data = run_build(config, site, timeout, search=base != "no search", code=code, cache=cache)
    total, html = tree_size(site)
    index = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    result = Result(label or variant, n, data["wall"], data["cpu"], data["maxrss_kib"] / 1024, total,
                    index.stat().st_size if index.exists() else None,
                    tree_size(pagefind)[0] if pagefind.is_dir() else None, html)
    if base == "no search" and (result.index_bytes or result.pagefind_bytes):
        progress(f"warning: the no-search build of N={n} still wrote a search index: the shim in this script "
                 "no longer matches generator/mkdocs_plugin.py, so its figures include search")
    if not keep:
        shutil.rmtree(site)
    return result


# ---------------------------------------------------------------------------------------------
# mkdocs serve: from saving a notice to the page served again

def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _notice_url(yml: Path, project: Path, code: Path | None) -> str:
    """The page address of a generated notice, as the plugin makes it (the code snapshot's own rule)."""
    script = ("import sys; from pathlib import Path; from generator.read.notices import load_notice_file; "
              "from generator.read.collection import NoticeEntry; "
              "s, _ = load_notice_file(Path(sys.argv[1]), sys.argv[1], Path(sys.argv[2])); "
              "print(NoticeEntry(s).url)")
    found = subprocess.run([sys.executable, "-c", script, str(yml), str(project)], capture_output=True, text=True,
                           env=build_env(code), cwd=project)
    if found.returncode != 0:
        raise BenchmarkError(f"could not find the page of {yml}: {found.stderr[-2000:]}")
    return found.stdout.strip()


def measure_serve(n: int, config: Path, timeout: float | None, code: Path | None) -> dict:
    """Start `mkdocs serve`, wait for its first build, then edit SERVE_EDITS notices one by one and time each
    from the write to the page served with the edit."""
    project = config.parent
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (project / ".serve-log.txt").open("w")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT, env=build_env(code), cwd=project,
                               start_new_session=True)
    limit = timeout or 3600
    try:
        started = time.perf_counter()
        notices = sorted((project / "notices").rglob("bench-*.yml"))
        targets = [notices[(i * len(notices)) // SERVE_EDITS] for i in range(SERVE_EDITS)]
        urls = [base + _notice_url(yml, project, code) for yml in targets]
        while _fetch(urls[0]) is None:
            if process.poll() is not None or time.perf_counter() - started > limit:
                raise BenchmarkError(f"mkdocs serve did not start (see {project / '.serve-log.txt'})", status=1)
            time.sleep(0.2)
        first = time.perf_counter() - started
        edits, loads = [], []
        # SERVE_EDITS narratives, then the publisher in one notice's YAML (a fact the listing pages show)
        for number, (yml, url) in enumerate([*zip(targets, urls, strict=True), (targets[0], urls[0])]):
            marker = f"基准测试修改标记{number}号"
            edited = yml.with_suffix(".md") if number < SERVE_EDITS else yml
            text = edited.read_text(encoding="utf-8")
            if number < SERVE_EDITS:
                changed = text + f"\n{marker}。\n"
            else:
                changed = re.sub(r'^publisher: "(.*)"$', rf'publisher: "\1{marker}"', text, count=1, flags=re.M)
                assert changed != text, yml
            time.sleep(1.0)  # let the watcher settle after the previous rebuild
            loads.append(os.getloadavg()[0])
            written = time.perf_counter()
            edited.write_text(changed, encoding="utf-8")
            while marker not in (_fetch(url) or ""):
                if process.poll() is not None or time.perf_counter() - written > limit:
                    raise BenchmarkError(f"the edit did not show (see {project / '.serve-log.txt'})", status=1)
                time.sleep(SERVE_POLL_S)
            edits.append(time.perf_counter() - written)
            progress(f"N={n} (serve): edit {number + 1} shown {edits[-1]:.2f} s after the write "
                     f"(load {loads[-1]:.1f})")
        return {"n": n, "first": first, "edits": edits, "loads": loads}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def serve_table(serves: list[dict]) -> list[str]:
    heads = [f"narrative {i + 1} → page s" for i in range(SERVE_EDITS)] + ["publisher (YAML) → page s"]
    lines = ["| N | first build served s | " + " | ".join(heads) + " | load average at the edits |",
             "| ---: | ---: | " + " | ".join("---:" for _ in heads) + " | --- |"]
    for serve in serves:
        edits = " | ".join(f"{e:.2f}" for e in serve["edits"])
        loads = ", ".join(f"{load:.1f}" for load in serve["loads"])
        lines.append(f"| {serve['n']} | {serve['first']:.1f} | {edits} | {loads} |")
    return lines


# ---------------------------------------------------------------------------------------------
# Reporting

def machine_facts() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in _read_lines("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor() or "unknown")
    mem = next((f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB" for line in _read_lines("/proc/meminfo")
                if line.startswith("MemTotal")), "unknown")
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    names = ("mkdocs", "mkdocs-material", "pypinyin")
    versions = ", ".join(f"{name} {_version(name)}" for name in names) + f", Pagefind {_pagefind_version()}"
    return [
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; commit {commit} (plus any uncommitted changes)",
        f"- nproc: {os.cpu_count()} (usable: {len(os.sched_getaffinity(0))}); CPU: {cpu}; memory: {mem}",
        f"- python: {platform.python_version()} ({sys.executable}); {platform.system()} {platform.release()}",
        f"- {versions}",
        f"- load average at start: {load_average()}",
    ]


def load_average() -> str:
    """Other work on the machine slows the builds; `CPU s` is less affected than `build s`."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg()) + " (1 / 5 / 15 min)"


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _pagefind_version() -> str:
    """The version of the Pagefind binary the builds run (npm's, in node_modules), not a Python package's."""
    try:
        binary = find_pagefind([REPO])
        version = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=30).stdout
    except (SearchIndexError, OSError, subprocess.SubprocessError):
        return "not installed"
    return version.strip().removeprefix("pagefind ").strip() or "unknown"


def mib(size: int | None) -> str:
    return "—" if size is None else f"{size / 2**20:.1f}"


def results_table(results: list[Result]) -> list[str]:
    lines = ["| variant | N | build s | × time | ms/notice | × ms/notice | marginal ms/notice | CPU s "
             "| peak RSS MiB | site MiB | search_index.json MiB | pagefind/ MiB | HTML files |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for variant in dict.fromkeys(r.variant for r in results):
        rows = sorted((r for r in results if r.variant == variant), key=lambda r: r.n)
        base, previous = rows[0], None
        for r in rows:
            per = r.wall / r.n * 1000
            marginal = f"{(r.wall - previous.wall) / (r.n - previous.n) * 1000:.1f}" if previous else "—"
            lines.append(
                f"| {variant} | {r.n} | {r.wall:.1f} | {r.wall / base.wall:.2f} | {per:.1f} "
                f"| {per / (base.wall / base.n * 1000):.2f} | {marginal} | {r.cpu:.1f} | {r.maxrss_mib:.0f} "
                f"| {mib(r.site_bytes)} | {mib(r.index_bytes)} | {mib(r.pagefind_bytes)} | {r.html_files} |")
            previous = r
    return lines


def search_cost_table(results: list[Result]) -> list[str]:
    by_key = {(r.variant, r.n): r for r in results}
    sizes = sorted(n for variant, n in by_key if variant == "full" and ("no search", n) in by_key)
    if not sizes:
        return []
    lines = ["| N | full s | no search s | search s | search share | search ms/notice "
             "| index MiB | site MiB full / no search | peak RSS full / no search MiB |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n in sizes:
        on, off = by_key[("full", n)], by_key[("no search", n)]
        extra = on.wall - off.wall
        index = (on.index_bytes or 0) + (on.pagefind_bytes or 0) if (on.index_bytes or on.pagefind_bytes) else None
        lines.append(f"| {n} | {on.wall:.1f} | {off.wall:.1f} | {extra:.1f} | {extra / on.wall:.0%} "
                     f"| {extra / n * 1000:.1f} | {mib(index)} | {mib(on.site_bytes)} / {mib(off.site_bytes)} "
                     f"| {on.maxrss_mib:.0f} / {off.maxrss_mib:.0f} |")
    return lines


def baseline_table(results: list[Result]) -> list[str]:
    by_key = {(r.variant, r.n): r for r in results}
    sizes = sorted(n for variant, n in by_key if variant == "plain")
    lines = ["| N | plain Material s | variant | s | ratio (time) | CPU s | ratio (CPU) |",
             "| ---: | ---: | --- | ---: | ---: | ---: | ---: |"]
    for n in sizes:
        plain = by_key[("plain", n)]
        built = [r.variant for r in results if r.n == n and r.variant.startswith(("full", "no search"))]
        for variant in dict.fromkeys(built):
            if (variant, n) in by_key:
                r = by_key[(variant, n)]
                lines.append(f"| {n} | {plain.wall:.1f} | {variant} | {r.wall:.1f} | {r.wall / plain.wall:.2f}× "
                             f"| {r.cpu:.1f} | {r.cpu / plain.cpu:.2f}× |")
    return lines if len(lines) > 2 else []


def progress(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], metavar="N",
                        help="numbers of notices to build (default: 100 1000 10000)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write the projects to DIR/n<N>/ and keep them with their sites "
                             "(default: temporary, deleted)")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--no-search", action="store_true",
                      help="only build without a search index (Material's search plugin and Pagefind off)")
    only.add_argument("--full-only", action="store_true",
                      help="only build the site as configured, with its search index")
    only.add_argument("--check-only", action="store_true",
                      help="only time `notices check` (no site is built, so no warm-up build either)")
    only.add_argument("--serve-only", action="store_true",
                      help="only time `mkdocs serve` (its first build and the edits; no other build, no warm-up)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="give up on a build that runs longer than this")
    parser.add_argument("--check", action="store_true",
                        help="also time `notices check` of every project (the row `check`)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed warm-up build")
    parser.add_argument("--warm", action="store_true",
                        help="run full, no search and check a second time each, with the check cache the first left")
    parser.add_argument("--check-against", metavar="REV",
                        help="also time `notices check` (and, with --warm, again with its cache) with the generator "
                             "package of git revision REV, in the same run: rows `check at REV`")
    parser.add_argument("--build-against", metavar="REV",
                        help="also build full and no search with the generator package of git revision REV, each "
                             "right after the same build with the current code, in the same run: rows `full at REV`, "
                             "`no search at REV`")
    parser.add_argument("--serve", action="store_true",
                        help="also time `mkdocs serve`: from saving a notice to its page served again")
    parser.add_argument("--search-shard-size", type=int, metavar="N",
                        help="the notices plugin's search_shard_size in the generated projects' mkdocs.yml: notices "
                             "per Pagefind run (default: as mkdocs.yml sets it)")
    parser.add_argument("--search-parallel-runs", type=int, metavar="N",
                        help="the notices plugin's search_parallel_runs in the generated projects' mkdocs.yml: "
                             "Pagefind runs at the same time (default: as mkdocs.yml sets it; code before the "
                             "setting existed refuses it)")
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.sizes):
        parser.error("--sizes must be positive")
    args.sizes = sorted(set(args.sizes))
    if args.search_shard_size is not None and args.search_shard_size < 0:
        parser.error("--search-shard-size must be 0 or positive")
    if args.search_parallel_runs is not None and args.search_parallel_runs < 1:
        parser.error("--search-parallel-runs must be positive")
    args.variants = ["no search"] if args.no_search else ["full"] if args.full_only else ["full", "no search", "plain"]
    if args.check_only or args.serve_only:
        args.variants, args.no_warmup = [], True
    if args.serve_only:
        args.serve = True
    if args.check or args.check_only:
        args.variants.append("check")
    if args.warm:
        args.variants = [v for variant in args.variants
                         for v in ((variant, variant + WARM) if variant != "plain" else (variant,))]
    return args


def project_dir(keep: Path | None, scratch: Path, n: int) -> Path:
    if keep is None:
        return scratch / f"n{n}"
    project = keep / f"n{n}"
    if project.exists() and any(project.iterdir()):
        raise BenchmarkError(f"{project} exists and is not empty; choose another --keep directory")
    return project


def run(args: argparse.Namespace, results: list[Result], serves: list[dict] | None = None) -> None:
    """Generate and build every size, appending to `results` as builds finish."""
    samples = load_samples()
    with tempfile.TemporaryDirectory(prefix="notices-bench-") as scratch:
        code = snapshot_code(Path(scratch))
        against = snapshot_revision(Path(scratch), args.check_against) if args.check_against else None
        built_against = (snapshot_revision(Path(scratch), args.build_against, "--build-against")
                         if args.build_against else None)
        for index, n in enumerate(args.sizes):
            project = project_dir(args.keep, Path(scratch), n)
            started = time.perf_counter()
            configs = make_project(project, n, samples, source=code, shard_size=args.search_shard_size,
                                   parallel_runs=args.search_parallel_runs)
            configs["check"] = configs["full"]
            if "plain" in args.variants:
                configs["plain"] = make_plain_project(project / "plain", n, samples)
            progress(f"N={n}: generated {n} notices in {project} ({time.perf_counter() - started:.1f} s, not timed)")
            if index == 0 and not args.no_warmup:
                progress(f"N={n}: warm-up build (not timed)")
                warm = project / "site-warmup"
                run_build(configs[args.variants[0]], warm, args.timeout, search=args.variants[0] == "full", code=code)
                shutil.rmtree(warm)
            for variant in args.variants:
                progress(f"N={n}: building ({variant}) ...")
                result = measure(variant, n, configs[variant.removesuffix(WARM)], args.timeout,
                                 keep=args.keep is not None, code=code)
                progress(f"N={n} ({variant}): {result.wall:.1f} s, {result.cpu:.1f} s CPU, "
                         f"peak {result.maxrss_mib:.0f} MiB, site {mib(result.site_bytes)} MiB, "
                         f"load {os.getloadavg()[0]:.1f}")
                results.append(result)
                if built_against is not None and variant in ("full", "no search"):
                    label = f"{variant} at {args.build_against}"
                    progress(f"N={n}: building ({label}) ...")
                    result = measure(variant, n, configs[variant], args.timeout, keep=args.keep is not None,
                                     code=built_against, label=label)
                    progress(f"N={n} ({label}): {result.wall:.1f} s, {result.cpu:.1f} s CPU, "
                             f"peak {result.maxrss_mib:.0f} MiB, load {os.getloadavg()[0]:.1f}")
                    results.append(result)
            if against is not None:
                for variant in ("check", "check" + WARM) if args.warm else ("check",):
                    label = f"check at {args.check_against}"
                    progress(f"N={n}: building ({label}{variant.removeprefix('check')}) ...")
                    result = measure(variant, n, configs["check"], args.timeout, keep=args.keep is not None,
                                     code=against, label=label)
                    progress(f"N={n} ({result.variant}): {result.wall:.1f} s, {result.cpu:.1f} s CPU, "
                             f"peak {result.maxrss_mib:.0f} MiB, load {os.getloadavg()[0]:.1f}")
                    results.append(result)
            if args.serve and serves is not None:
                progress(f"N={n}: mkdocs serve ...")
                serves.append(measure_serve(n, configs["full"], args.timeout, code))
            if args.keep is None:
                shutil.rmtree(project)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    facts = machine_facts()
    results: list[Result] = []
    serves: list[dict] = []
    status = 0
    try:
        run(args, results, serves)
    except BenchmarkError as error:
        print(f"benchmark: {error}", file=sys.stderr)
        status = error.status
    except subprocess.TimeoutExpired as error:
        print(f"benchmark: a build took longer than --timeout {error.timeout:g} s and was stopped", file=sys.stderr)
        status = 1
    except KeyboardInterrupt:
        print("benchmark: interrupted", file=sys.stderr)
        status = 130
    if results or serves:
        print_report(facts, results, complete=status == 0, serves=serves)
    return status


def print_report(facts: list[str], results: list[Result], complete: bool, serves: list[dict] | None = None) -> None:
    print("## Build benchmark" + ("" if complete else " (incomplete: the run stopped early)") + "\n")
    print("\n".join(facts + [f"- load average at end: {load_average()}"]))
    if results:
        print()
        print("\n".join(results_table(results)))
    baseline = baseline_table(results)
    if baseline:
        print("\nAgainst a plain Material build of the same text (one Markdown page per notice, no plugin):\n")
        print("\n".join(baseline))
    cost = search_cost_table(results)
    if cost:
        print("\nWhat the search index adds:\n")
        print("\n".join(cost))
    if serves:
        print("\n`mkdocs serve`: from saving a notice (its narrative, or its YAML) to its page served with the edit:\n")
        print("\n".join(serve_table(serves)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
