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
  4. Build time (wall clock) and peak memory of the real catalogue and of synthetic catalogues of 15,
     150 and 1500 bydel files made from the fixture bydel tests/fixtures/catalogue/services/nordby.yml.
  5. The first query of 3 again on the largest synthetic catalogue, Pagefind and lunr.

Targets reported against: a path outcome page <= 14 KB of compressed HTML, a first visit <= 150 KB
transferred, a first search query <= 120 KB sent at 15 and at 1500 bydeler, the search vocabulary
<= 20 KB gzip, hit@3 >= 95 % on the test set, ms per page at the largest synthetic size within 1.2x of
the size ten times smaller, and peak memory <= 500 MB at 1500 bydeler (1 KB = 1024 bytes).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browse import first_visits, lunr_search, pagefind_search, search_files, search_rows  # noqa: E402
from bench.common import (FIRST_QUERY_TARGET, FIRST_VISIT_TARGET, OUTCOME_TARGET, QUERY, SECOND_QUERY,  # noqa: E402
                          gz, html_pages, kb, mkdocs_build, project_config, synthetic_project, table)
from bench.weight import page_types, page_weight  # noqa: E402
from generator.check.pipeline import load_catalogue  # noqa: E402
from tests import search_eval  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.http_server import serve_directory  # noqa: E402

LINEAR_TARGET = 1.2  # ms per page at the largest size / at a size ten times smaller
MEMORY_TARGET_MB = 500


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
    catalogue = load_catalogue(ROOT)
    print(f"Hjelpenavigator benchmark — {len(catalogue.bydeler)} bydeler, {len(catalogue.services)} services, "
          f"{len(catalogue.journeys)} paths in the real catalogue; 1 KB = 1024 bytes; gzip level 6.\n")
    site, lunr_site = work / "site", work / "lunr-site"
    real = mkdocs_build(ROOT / "mkdocs.yml", site)
    lunr = mkdocs_build(_lunr_variant(work / "lunr", ROOT), lunr_site)
    stats = report_weight(site, catalogue)
    browsed = browse(site, lunr_site, stats)
    report_visits_and_search(site, lunr_site, browsed)
    report_evaluation(browsed["evaluation"], catalogue)
    rows = [["real catalogue", str(len(catalogue.bydeler)), *_build_cells(real, html_pages(site))],
            ["real, lunr variant", str(len(catalogue.bydeler)), *_build_cells(lunr, html_pages(lunr_site))]]
    largest = build_times(work, sizes, budget, rows)
    if largest is not None:
        search_at_scale(*largest, pagefind_sent=_sent(browsed["pagefind"][0]), lunr_sent=_sent(browsed["lunr"][0]))


def _lunr_variant(project: Path, source: Path) -> Path:
    """The same catalogue built with Material's own search (lunr) instead of Pagefind."""
    project.mkdir()
    for folder in ["services", "journeys"]:
        (project / folder).symlink_to(source / folder, target_is_directory=True)
    return project_config(project, plugins=["search"])


def _sent(found) -> int:
    return sum(b[2] for b in found)


def _build_cells(build, pages: int) -> list[str]:
    return [str(pages), f"{build.seconds:.1f}", f"{build.per_page_ms(pages):.1f}", f"{build.peak_mb:.0f}",
            f"{build.pagefind_peak_mb:.0f}"]


def report_weight(site: Path, catalogue) -> dict:
    text, stats = page_weight(site, page_types(catalogue))
    print("1. HTML per page type (real catalogue; example = the page the other figures use)\n")
    print(text)
    outcome = stats["path outcome, bydel"]["largest"]
    verdict = "within" if outcome[2] <= OUTCOME_TARGET else "OVER"
    print(f"\nTarget: a path outcome page <= {kb(OUTCOME_TARGET)} compressed HTML. Largest of "
          f"{stats['path outcome, bydel']['count']}: {kb(outcome[2])} (/{outcome[0]}): {verdict} target.")
    return stats


def browse(site: Path, lunr_site: Path, stats: dict) -> dict:
    """Everything measured in the browser on the real site and its lunr variant."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, serve_directory(site) as base_url, \
            serve_directory(lunr_site) as lunr_url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        found = {"visits": first_visits(browser, base_url, {
            "front page": "", "path outcome, bydel": stats["path outcome, bydel"]["example"][0]})}
        found["visits"] += first_visits(browser, lunr_url, {"front page, lunr variant": ""})
        found["pagefind"] = pagefind_search(browser, base_url)
        found["lunr"] = lunr_search(browser, lunr_url)
        found["evaluation"] = search_eval.evaluate_sets(browser, base_url)
        browser.close()
    return found


def report_visits_and_search(site: Path, lunr_site: Path, browsed: dict) -> None:
    print("\n2. First visit, empty cache (same-origin response bodies; \"sent\" = what a server "
          "that gzips text would send)\n")
    print(table(["page", "url", "requests", "raw", "sent", f"<= {kb(FIRST_VISIT_TARGET)}"], browsed["visits"],
                right={2, 3, 4}))
    (pagefind, pagefind_results, pagefind_second), (lunr, lunr_results, lunr_second) = \
        browsed["pagefind"], browsed["lunr"]
    print(f"\n3. One search for «{QUERY}», from the front page until results show\n")
    rows = [search_rows("Pagefind", pagefind) + [pagefind_results],
            search_rows("lunr (Material search)", lunr) + [lunr_results]]
    print(table(["search", "requests", "raw", "sent", "results shown"], rows, right={1, 2, 3}))
    print(f"\nlunr / Pagefind, bytes sent: {_sent(lunr) / _sent(pagefind):.2f}x "
          f"(raw: {sum(b[1] for b in lunr) / sum(b[1] for b in pagefind):.2f}x).")
    print(f"A second query («{SECOND_QUERY}») in the same page: Pagefind {len(pagefind_second)} requests, "
          f"{kb(_sent(pagefind_second))} sent; lunr {len(lunr_second)} requests, {kb(_sent(lunr_second))} sent.")
    print("Pagefind counts the search page's HTML and everything it loads; lunr counts its index, worker "
          "and language files, which Material loads with any page.")
    for name, found in [("Pagefind", pagefind), ("lunr", lunr)]:
        print(f"{name} by file type (sent): {_by_kind(found)}")
    lunr_index = (lunr_site / "search" / "search_index.json").read_bytes()
    pagefind_index = [p for p in (site / "pagefind").rglob("*.pf_*") if p.is_file()]
    print(f"Whole index on the server: lunr search_index.json {kb(len(lunr_index))} raw, "
          f"{kb(gz(lunr_index))} gzip, all of it fetched by every reader who searches; Pagefind "
          f"{len(pagefind_index)} index, fragment and filter files, "
          f"{kb(sum(p.stat().st_size for p in pagefind_index))} (already compressed), fetched as a query needs them.")
    print(f"\nThe search page's own files on the server: {search_files(site)}.")


def _by_kind(found) -> str:
    by_kind: dict[str, list[int]] = {}
    for path, _raw, sent in found:
        kind = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "html"
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += 1
        by_kind[kind][1] += sent
    return ", ".join(f"{k} {v[0]}x {kb(v[1])}" for k, v in sorted(by_kind.items()))


def report_evaluation(search_sets: dict, catalogue) -> None:
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


def build_times(work: Path, sizes: list[int], budget: float, rows: list[list[str]]):
    """4. Synthetic catalogues, smallest first, while the budget lasts; returns the largest built, kept."""
    print("\n4. Build time and peak memory (mkdocs build --strict including the Pagefind index)\n")
    spent, per_file, largest, notes, per_page = 0.0, None, None, [], {}
    for count in sorted(sizes):
        if per_file is not None and spent + per_file * count > budget:
            notes.append(f"{count} bydel files skipped: estimated {per_file * count:.0f} s from the smaller "
                         f"builds, past the {budget:.0f} s budget (--budget).")
            continue
        project = work / f"syntetisk-{count}"
        build = mkdocs_build(synthetic_project(project, count), project / "site")
        pages = html_pages(project / "site")
        spent, per_file, per_page[count] = spent + build.seconds, build.seconds / count, build.per_page_ms(pages)
        rows.append([f"synthetic, {count} bydel files", str(count), *_build_cells(build, pages)])
        if count == max(sizes):
            notes.append(f"Peak memory at {count} bydeler: {build.peak_mb:.0f} MB (build), "
                         f"{build.pagefind_peak_mb:.0f} MB (Pagefind); target <= {MEMORY_TARGET_MB} MB: "
                         f"{'within' if max(build.peak_mb, build.pagefind_peak_mb) <= MEMORY_TARGET_MB else 'OVER'}.")
        if largest is not None:
            shutil.rmtree(largest[1], ignore_errors=True)
        largest = (count, project)
    print(table(["catalogue", "bydeler", "HTML pages", "seconds", "ms per page", "peak MB", "Pagefind MB"], rows,
                right={1, 2, 3, 4, 5, 6}))
    notes += _linearity(per_page)
    for note in notes:
        print("Note: " + note)
    return largest


def _linearity(per_page: dict[int, float]) -> list[str]:
    sizes = sorted(per_page)
    pairs = [(small, big) for small in sizes for big in sizes if big == small * 10]
    return [f"ms per page at {big} / at {small} bydeler: {per_page[big] / per_page[small]:.2f}x; "
            f"target <= {LINEAR_TARGET}x: {'within' if per_page[big] / per_page[small] <= LINEAR_TARGET else 'OVER'}."
            for small, big in pairs]


def search_at_scale(count: int, project: Path, pagefind_sent: int, lunr_sent: int) -> None:
    """5. The first query again on the largest synthetic catalogue, with Pagefind and with lunr."""
    from playwright.sync_api import sync_playwright

    lunr_project = project.parent / f"lunr-{count}"
    lunr_seconds = mkdocs_build(_lunr_variant(lunr_project, project), lunr_project / "site").seconds
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


def held_out_overlap(catalogue) -> str:
    """How many test-set queries are word for word a search word: the set should hold almost none."""
    words = {w.casefold() for group in catalogue.search_words.groups() for w in group.shown + group.misspelt}
    cases = search_eval.load_cases(search_eval.SETS["test"])
    same = sorted({c.query for c in cases if c.query.casefold() in words})
    return (f"{len(same)} of {len(cases)} test-set queries are word for word in services/sokeord.yml"
            + (f": {', '.join(same)}" if same else ""))


if __name__ == "__main__":
    main()
