"""What the benchmark's sections share: the paths, the targets, sizes in KB, tables, and MkDocs builds."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
TEMPLATE_BYDEL = FIXTURE / "services" / "nordby.yml"
OUTCOME_TARGET = 14 * 1024
FIRST_VISIT_TARGET = 150 * 1024
FIRST_QUERY_TARGET = 120 * 1024
VOCABULARY_TARGET = 20 * 1024
QUERY = "helsestasjon"
SECOND_QUERY = "legevakt"
# Already compressed: a server sends these as they are.
COMPRESSED_SUFFIXES = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind", ".png",
                       ".jpg", ".woff", ".woff2", ".gz")


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows)]

    def line(cells):
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *[line(r) for r in rows]])


# Runs MkDocs in a child Python that reports its own peak memory and that of its children (Pagefind).
_MEASURED_MKDOCS = """import resource, runpy, sys
sys.argv = ["mkdocs"] + sys.argv[1:]
try:
    runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"HN-PEAK-KB {own} {children}", file=sys.stderr)
"""


@dataclass
class Build:
    seconds: float
    peak_mb: float  # the build process itself (ru_maxrss, kB on Linux)
    pagefind_peak_mb: float  # its largest child: Pagefind's indexer

    def per_page_ms(self, pages: int) -> float:
        return 1000 * self.seconds / pages


def mkdocs_build(config: Path, site: Path, strict: bool = True) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-c", _MEASURED_MKDOCS, "build", "-f", str(config), "-d", str(site)]
    if strict:
        command.append("--strict")
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed for {config}:\n{result.stdout}{result.stderr}")
    own, children = re.search(r"HN-PEAK-KB (\d+) (\d+)", result.stderr).groups()
    return Build(elapsed, int(own) / 1024, int(children) / 1024)


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def project_config(project: Path, plugins: list | None = None) -> Path:
    """mkdocs.yml for a project folder holding services/ and journeys/, with hooks and theme from the repo."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / "generator" / "mkdocs" / "hooks.py")]
    config["theme"]["custom_dir"] = str(ROOT / "site_overrides")
    config["docs_dir"] = "docs"
    config.pop("watch", None)
    if plugins is not None:
        config["plugins"] = plugins
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "docs" / ".keep").write_text("", encoding="utf-8")
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def synthetic_project(folder: Path, count: int) -> Path:
    """The fixture catalogue with its two bydeler replaced by `count` copies of nordby.yml."""
    shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
    for bydel in ["nordby.yml", "sorby.yml"]:
        (folder / "services" / bydel).unlink()
    # Shared services that name a fixture bydel serve the first synthetic one instead.
    for path in (folder / "services").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("[sorby]", "[b0001]").replace("[nordby]", "[b0001]"), encoding="utf-8")
    template = TEMPLATE_BYDEL.read_text(encoding="utf-8")
    for number in range(1, count + 1):
        slug = f"b{number:04d}"
        text = template.replace("nordby", slug).replace("Nordby", f"B{number:04d}")
        (folder / "services" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return project_config(folder)
