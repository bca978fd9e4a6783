"""Benchmark of the built site: page weight, bytes a browser fetches, search cost and build time.

Run with `make bench` (or `.venv/bin/python bench/run.py`). Prints plain-text tables; asserts
nothing. Everything is built into temporary folders; the repository is not written to.

  1. HTML bytes per page type, raw and gzip (level 6, a common server setting), on the real site.
  2. Bytes the browser fetches on a first visit (empty cache) to the front page and to a path
     outcome for a bydel: Playwright's network log, the sum of same-origin response bodies. Also
     the front page of the lunr variant (see 3), which loads its search index with every page.
  3. Bytes one search query fetches with Pagefind, and with Material's built-in search (lunr) on
     the same catalogue built a second time with `plugins: [search]`; the sizes of the search page's
     own files; and the search evaluation, hit@1 and hit@3 for the test set (tests/search_test_set.yml,
     never tuned to) and the tuning set (tests/search_eval.yml), each apart.
  4. Build time (wall clock) of the real catalogue and of synthetic catalogues of 15, 150 and
     1500 bydel files made from the fixture bydel tests/fixtures/catalogue/services/nordby.yml.
  5. The first query of 3 again on the largest synthetic catalogue, Pagefind and lunr.

Targets reported against: a path outcome page <= 14 KB of compressed HTML, a first visit <= 150 KB
transferred, a first search query <= 120 KB sent at 15 and at 1500 bydeler, the search vocabulary
<= 20 KB gzip, hit@3 >= 95 % on the test set (1 KB = 1024 bytes).
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from generator.views.paths import visits  # noqa: E402
from generator.check.pipeline import load_catalogue  # noqa: E402
from tests import search_eval  # noqa: E402
from tests.http_server import serve_directory  # noqa: E402
from tests.test_browser import RESULT_LINKS, SEARCH_DONE, wait_for_search  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
TEMPLATE_BYDEL = FIXTURE / "services" / "nordby.yml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
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


def mkdocs_build(config: Path, site: Path, strict: bool = True) -> tuple[float, subprocess.CompletedProcess]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    if strict:
        command.insert(4, "--strict")
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed for {config}:\n{result.stdout}{result.stderr}")
    return elapsed, result


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


# 1. Page weight ------------------------------------------------------------------------------

def page_types(catalogue) -> dict[str, list[str]]:
    bydeler = catalogue.bydeler
    questions, outcomes, prints = [], [], []
    for journey in catalogue.journeys:
        for visit in visits(journey):
            if not visit.is_outcome:
                questions.append(visit.url)
                continue
            for area in bydeler:
                outcomes.append(visit.bydel_url(area.id))
                prints.append(visit.bydel_url(area.id) + "utskrift/")
    first = bydeler[0]
    service = first.contact_point or first.services[0]
    return {
        "front page": [""],
        "bydel": [f"bydeler/{a.id}/" for a in bydeler],
        "service": [f"tjenester/{service.id}/"] + [f"tjenester/{s.id}/" for s in catalogue.services
                                                   if s is not service],
        "category": [f"kategorier/{c.id}/" for c in catalogue.categories],
        "path question": questions,
        "path outcome, bydel": outcomes,
        "print view": prints,
    }


def page_weight(site: Path, types: dict[str, list[str]]) -> tuple[str, dict]:
    rows, stats = [], {}
    for name, urls in types.items():
        sizes = []
        for url in urls:
            data = (site / url / "index.html").read_bytes()
            sizes.append((url, len(data), gz(data)))
        example = sizes[0]
        largest = max(sizes, key=lambda s: s[2])
        stats[name] = {"example": example, "largest": largest, "count": len(sizes)}
        rows.append([name, str(len(sizes)), "/" + example[0], kb(example[1]), kb(example[2]),
                     kb(statistics.median(s[2] for s in sizes)), kb(largest[2]), "/" + largest[0]])
    text = table(["page type", "pages", "example", "raw", "gzip", "median gzip", "max gzip", "largest page"],
                 rows, right={1, 3, 4, 5, 6})
    return text, stats


# 2 and 3. What the browser fetches -------------------------------------------------------------

class Log:
    """Same-origin responses of one browser context, with their bodies."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.responses = []

    def attach(self, context) -> None:
        context.on("response", lambda response: self.responses.append(response))

    def mark(self) -> int:
        return len(self.responses)

    def bodies(self, since: int = 0) -> list[tuple[str, int, int]]:
        """(path, raw bytes, bytes a compressing server would send) per response with a body."""
        found = []
        for response in self.responses[since:]:
            if _origin(response.url) != self.origin or response.status != 200:
                continue
            if response.request.sizes()["responseBodySize"] < 0:
                continue  # served from the browser's memory cache (Chromium reports -headers): not fetched
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - a body the browser did not keep counts as nothing
                continue
            path = urlsplit(response.url).path
            sent = len(body) if path.endswith(COMPRESSED_SUFFIXES) else gz(body)
            found.append((path, len(body), sent))
        return found


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _settle(page) -> None:
    try:
        page.wait_for_load_state("networkidle", timeout=10_000)
    except Exception:  # noqa: BLE001 - measure what arrived
        pass


def first_visits(browser, base_url: str, urls: dict[str, str]) -> list[list[str]]:
    rows = []
    for name, url in urls.items():
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        log = Log(_origin(base_url))
        log.attach(context)
        page = context.new_page()
        page.goto(url)
        _settle(page)
        bodies = log.bodies()
        context.close()
        raw = sum(b[1] for b in bodies)
        sent = sum(b[2] for b in bodies)
        verdict = "yes" if sent <= FIRST_VISIT_TARGET else "NO"
        rows.append([name, "/" + url, str(len(bodies)), kb(raw), kb(sent), verdict])
    return rows


def pagefind_search(browser, base_url: str):
    """From the front page, a query in the header form: (bytes fetched for it until results show,
    the result message, bytes fetched for a second query on the search page)."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    log = Log(_origin(base_url))
    log.attach(context)
    page = context.new_page()
    page.goto("./")
    _settle(page)
    since = log.mark()
    page.fill("#hn-sok-felt", QUERY)
    with page.expect_navigation():
        page.press("#hn-sok-felt", "Enter")
    wait_for_search(page, timeout=30_000)
    page.locator(RESULT_LINKS).first.wait_for(timeout=20_000)
    _settle(page)
    found = log.bodies(since)
    results = page.locator("#sok-status").inner_text().strip()
    since = log.mark()
    page.fill("#sok-felt", SECOND_QUERY)
    page.locator("#sok-status").filter(has_text=SECOND_QUERY).filter(has_text=SEARCH_DONE).wait_for(timeout=20_000)
    _settle(page)
    second = log.bodies(since)
    context.close()
    return found, results, second


def lunr_search(browser, base_url: str):
    """The same query in Material's own search box: (search bytes fetched from the page's start,
    the result message, bytes fetched for a second query)."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    log = Log(_origin(base_url))
    log.attach(context)
    page = context.new_page()
    page.goto("./")
    _settle(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(QUERY, delay=20)  # Material searches on key presses, not on fill()
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    _settle(page)
    results = page.locator(".md-search-result__meta").first.inner_text().strip()
    # Material loads its search index and worker with the page: count what exists only for search.
    found = [b for b in log.bodies() if "/search/" in b[0] or "/workers/search" in b[0] or "/lunr/" in b[0]]
    since = log.mark()
    box.fill("")
    box.press_sequentially(SECOND_QUERY, delay=20)
    page.wait_for_function("(first) => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && m.innerText.trim() !== first; }", arg=results, timeout=20_000)
    _settle(page)
    second = log.bodies(since)
    context.close()
    return found, results, second


def search_rows(label: str, found) -> list[str]:
    return [label, str(len(found)), kb(sum(b[1] for b in found)), kb(sum(b[2] for b in found))]


# 4. Build time ------------------------------------------------------------------------------------

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15,150,1500", help="synthetic catalogue sizes, in bydel files")
    parser.add_argument("--budget", type=float, default=360.0,
                        help="seconds allowed for the synthetic builds; larger sizes are skipped past it")
    args = parser.parse_args()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="hjelpenavigator-bench-"))
    work.chmod(0o755)
    try:
        run(work, [int(s) for s in args.sizes.split(",") if s], args.budget)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nBenchmark took {time.perf_counter() - started:.0f} s.")


def run(work: Path, sizes: list[int], budget: float) -> None:
    from playwright.sync_api import sync_playwright

    catalogue = load_catalogue(ROOT)
    print(f"Hjelpenavigator benchmark — {len(catalogue.bydeler)} bydeler, {len(catalogue.services)} services, "
          f"{len(catalogue.journeys)} paths in the real catalogue; 1 KB = 1024 bytes; gzip level 6.\n")

    site = work / "site"
    real_seconds, _ = mkdocs_build(ROOT / "mkdocs.yml", site)
    real_pages = html_pages(site)

    lunr_project = work / "lunr"
    lunr_project.mkdir()
    for folder in ["services", "journeys"]:
        (lunr_project / folder).symlink_to(ROOT / folder, target_is_directory=True)
    lunr_site = work / "lunr-site"
    lunr_config = project_config(lunr_project, plugins=["search"])
    lunr_seconds, _ = mkdocs_build(lunr_config, lunr_site)

    types = page_types(catalogue)
    text, stats = page_weight(site, types)
    print("1. HTML per page type (real catalogue; example = the page the other figures use)\n")
    print(text)
    outcome = stats["path outcome, bydel"]["largest"]
    verdict = "within" if outcome[2] <= OUTCOME_TARGET else "OVER"
    print(f"\nTarget: a path outcome page <= {kb(OUTCOME_TARGET)} compressed HTML. Largest of "
          f"{stats['path outcome, bydel']['count']}: {kb(outcome[2])} (/{outcome[0]}): {verdict} target.")

    with sync_playwright() as playwright, serve_directory(site) as base_url, \
            serve_directory(lunr_site) as lunr_url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        visits_rows = first_visits(browser, base_url, {
            "front page": "",
            "path outcome, bydel": stats["path outcome, bydel"]["example"][0],
        })
        visits_rows += first_visits(browser, lunr_url, {"front page, lunr variant": ""})
        pagefind, pagefind_results, pagefind_second = pagefind_search(browser, base_url)
        lunr, lunr_results, lunr_second = lunr_search(browser, lunr_url)
        search_sets = search_eval.evaluate_sets(browser, base_url)
        browser.close()

    print(f"\n2. First visit, empty cache (same-origin response bodies; \"sent\" = what a server "
          f"that gzips text would send)\n")
    print(table(["page", "url", "requests", "raw", "sent", f"<= {kb(FIRST_VISIT_TARGET)}"], visits_rows,
                right={2, 3, 4}))

    print(f"\n3. One search for «{QUERY}», from the front page until results show\n")
    rows = [search_rows("Pagefind", pagefind) + [pagefind_results],
            search_rows("lunr (Material search)", lunr) + [lunr_results]]
    print(table(["search", "requests", "raw", "sent", "results shown"], rows, right={1, 2, 3}))
    pf_sent = sum(b[2] for b in pagefind)
    lunr_sent = sum(b[2] for b in lunr)
    print(f"\nlunr / Pagefind, bytes sent: {lunr_sent / pf_sent:.2f}x "
          f"(raw: {sum(b[1] for b in lunr) / sum(b[1] for b in pagefind):.2f}x).")
    print(f"A second query («{SECOND_QUERY}») in the same page: Pagefind {len(pagefind_second)} requests, "
          f"{kb(sum(b[2] for b in pagefind_second))} sent; lunr {len(lunr_second)} requests, "
          f"{kb(sum(b[2] for b in lunr_second))} sent.")
    print("Pagefind counts the search page's HTML and everything it loads; lunr counts its index, worker "
          "and language files, which Material loads with any page.")
    for name, found in [("Pagefind", pagefind), ("lunr", lunr)]:
        by_kind: dict[str, list[int]] = {}
        for path, _raw, sent in found:
            kind = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "html"
            by_kind.setdefault(kind, [0, 0])
            by_kind[kind][0] += 1
            by_kind[kind][1] += sent
        print(f"{name} by file type (sent): "
              + ", ".join(f"{k} {v[0]}x {kb(v[1])}" for k, v in sorted(by_kind.items())))
    lunr_index = (lunr_site / "search" / "search_index.json").read_bytes()
    pagefind_index = [p for p in (site / "pagefind").rglob("*.pf_*") if p.is_file()]
    print(f"Whole index on the server: lunr search_index.json {kb(len(lunr_index))} raw, "
          f"{kb(gz(lunr_index))} gzip, all of it fetched by every reader who searches; Pagefind "
          f"{len(pagefind_index)} index, fragment and filter files, "
          f"{kb(sum(p.stat().st_size for p in pagefind_index))} (already compressed), fetched as a query needs them.")

    print(f"\nThe search page's own files on the server: {search_files(site)}.")

    print("\nSearch evaluation: does the right page come first (hit@1), or among the first three (hit@3)?")
    print("The test set was written before any tuning and is never tuned to; the tuning set is what the search "
          "was tuned on.\n")
    for name, outcomes in search_sets.items():
        print(search_eval.summary(name, outcomes))
    print(f"  {held_out_overlap(catalogue)}")
    for name, outcomes in search_sets.items():
        misses = [o for o in outcomes if not o.hit(3)]
        print(f"\nMisses in the {name} set ({len(misses)}):")
        for o in misses:
            print(f"  «{o.case.query}»: expected {o.case.pages[0]}, got {', '.join(o.found[:3]) or 'nothing'}")

    print("\n4. Build time (wall clock, mkdocs build --strict including the Pagefind index)\n")
    rows = [["real catalogue", str(len(catalogue.bydeler)), str(real_pages), f"{real_seconds:.1f}",
             f"{1000 * real_seconds / real_pages:.1f}"],
            ["real, lunr variant", str(len(catalogue.bydeler)), str(html_pages(lunr_site)), f"{lunr_seconds:.1f}",
             f"{1000 * lunr_seconds / html_pages(lunr_site):.1f}"]]
    spent = 0.0
    notes = []
    per_file = None
    largest = None  # (count, project folder) of the largest synthetic catalogue built, kept for section 5
    for count in sorted(sizes):
        if per_file is not None and spent + per_file * count > budget:
            notes.append(f"{count} bydel files skipped: estimated {per_file * count:.0f} s from the smaller "
                         f"builds, past the {budget:.0f} s budget (--budget).")
            continue
        project = work / f"syntetisk-{count}"
        config = synthetic_project(project, count)
        seconds, _ = mkdocs_build(config, project / "site")
        pages = html_pages(project / "site")
        spent += seconds
        per_file = seconds / count
        rows.append([f"synthetic, {count} bydel files", str(count), str(pages), f"{seconds:.1f}",
                     f"{1000 * seconds / pages:.1f}"])
        if largest is not None:
            shutil.rmtree(largest[1], ignore_errors=True)
        largest = (count, project)
    print(table(["catalogue", "bydeler", "HTML pages", "seconds", "ms per page"], rows, right={1, 2, 3, 4}))
    for note in notes:
        print("Note: " + note)
    if largest is not None:
        search_at_scale(*largest, pagefind_sent=sum(b[2] for b in pagefind), lunr_sent=sum(b[2] for b in lunr))


def search_at_scale(count: int, project: Path, pagefind_sent: int, lunr_sent: int) -> None:
    """5. The first query again on the largest synthetic catalogue, with Pagefind and with lunr."""
    from playwright.sync_api import sync_playwright

    lunr_project = project.parent / f"lunr-{count}"
    lunr_project.mkdir()
    for folder in ["services", "journeys"]:
        (lunr_project / folder).symlink_to(project / folder, target_is_directory=True)
    lunr_seconds, _ = mkdocs_build(project_config(lunr_project, plugins=["search"]), lunr_project / "site")
    with sync_playwright() as playwright, serve_directory(project / "site") as base_url, \
            serve_directory(lunr_project / "site") as lunr_url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pagefind, pagefind_results, _ = pagefind_search(browser, base_url)
        lunr, lunr_results, _ = lunr_search(browser, lunr_url)
        browser.close()
    print(f"\n5. The first search for «{QUERY}» at {count} bydeler (synthetic catalogue; lunr variant built in "
          f"{lunr_seconds:.0f} s)\n")
    rows = [search_rows(f"Pagefind, {count} bydeler", pagefind) + [pagefind_results],
            search_rows(f"lunr, {count} bydeler", lunr) + [lunr_results]]
    print(table(["search", "requests", "raw", "sent", "results shown"], rows, right={1, 2, 3}))
    for name, sent, small in [("Pagefind", sum(b[2] for b in pagefind), pagefind_sent),
                              ("lunr", sum(b[2] for b in lunr), lunr_sent)]:
        verdict = "within" if max(sent, small) <= FIRST_QUERY_TARGET else "OVER"
        print(f"{name}: first query {kb(small)} sent on the real site, {kb(sent)} at {count} bydeler; "
              f"target <= {kb(FIRST_QUERY_TARGET)} at both sizes: {verdict}.")
    print(f"The search page's own files at {count} bydeler: {search_files(project / 'site')}.")
    shutil.rmtree(lunr_project, ignore_errors=True)
    shutil.rmtree(project, ignore_errors=True)


def search_files(site: Path) -> str:
    """Sizes of what the search page adds to Pagefind: its scripts, configuration and vocabulary."""
    parts = []
    for path in ["assets/sok/motor.js", "assets/sok/side.js", "sok/oppsett.json", "sok/ordliste.json"]:
        data = (site / path).read_bytes()
        parts.append(f"{path} {kb(gz(data))} gzip")
    vocabulary = gz((site / "sok" / "ordliste.json").read_bytes())
    verdict = "within" if vocabulary <= VOCABULARY_TARGET else "OVER"
    return ", ".join(parts) + f" (vocabulary target <= {kb(VOCABULARY_TARGET)} gzip: {verdict})"


def held_out_overlap(catalogue) -> str:
    """How many test-set queries are word for word a search word: the set should hold almost none."""
    words = {w.casefold() for group in catalogue.search_words.groups() for w in group.shown + group.misspelt}
    cases = search_eval.load_cases(search_eval.SETS["test"])
    same = sorted({c.query for c in cases if c.query.casefold() in words})
    return (f"{len(same)} of {len(cases)} test-set queries are word for word in services/sokeord.yml"
            + (f": {', '.join(same)}" if same else ""))


if __name__ == "__main__":
    main()
