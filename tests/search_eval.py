"""The search evaluation: every query in tests/search_eval.yml run in chromium against the built Pagefind index.

`python -m tests.search_eval` builds the site, prints hit@1 and hit@3 per query and in total, and exits
non-zero below the floor; tests/test_search.py runs the same against the suite's built site.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = Path(__file__).with_name("search_eval.yml")
FLOOR = 0.9  # hit@3 over the whole set
SHOWN = 5  # results kept per query, for the table

# Pagefind's own JS API, exactly as a page of the site would call it.
SEARCH = """async ({queries, shown}) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const answers = [];
  for (const query of queries) {
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, shown).map(result => result.data()));
    answers.push({total: search.results.length, urls: data.map(page => page.url)});
  }
  return answers;
}"""


@dataclass
class Case:
    query: str
    pages: list[str]  # right answers, site-relative ("kategorier/bup/"), best first; "tjenester/x-*" is a prefix

    def accepts(self, url: str) -> bool:
        return any(url.startswith(p[:-1]) if p.endswith("*") else url == p for p in self.pages)


@dataclass
class Outcome:
    case: Case
    total: int
    found: list[str]  # site-relative URLs of the first results, in rank order

    def hit(self, k: int) -> bool:
        return any(self.case.accepts(url) for url in self.found[:k])


def load_cases(path: Path = EVAL_FILE) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Case(str(item["soker"]), [_page(p) for p in item["finner"]]) for item in data["sok"]]


def _page(path: str) -> str:
    """"/kategorier/bup/" and "kategorier/bup" -> "kategorier/bup/"; the front page is ""."""
    path = path.strip("/")
    return path if not path or path.endswith("*") else path + "/"


def run(page, cases: list[Case]) -> list[Outcome]:
    """`page`: a Playwright page already showing any page of the site."""
    answers = page.evaluate(SEARCH, {"queries": [c.query for c in cases], "shown": SHOWN})
    return [Outcome(case, answer["total"], [_page(url) for url in answer["urls"]])
            for case, answer in zip(cases, answers)]


def rate(outcomes: list[Outcome], k: int) -> float:
    return sum(o.hit(k) for o in outcomes) / len(outcomes)


def format_table(outcomes: list[Outcome]) -> str:
    width = max(len(o.case.query) for o in outcomes)
    lines = [f"{'søk':<{width}}  @1  @3  antall  først / forventet"]
    for o in outcomes:
        first = (o.found[0] or "(forsiden)") if o.found else "(ingenting)"
        mark = lambda ok: " ja" if ok else "nei"  # noqa: E731
        line = f"{o.case.query:<{width}}  {mark(o.hit(1))} {mark(o.hit(3))}  {o.total:>6}  {first}"
        if not o.hit(3):
            line += f"\n{'':<{width}}  forventet {o.case.pages[0]}; fikk {', '.join(o.found[:3]) or 'ingenting'}"
        lines.append(line)
    lines.append(f"\n{len(outcomes)} søk: hit@1 {rate(outcomes, 1):.0%}, hit@3 {rate(outcomes, 3):.0%} "
                 f"(gulv for hit@3: {FLOOR:.0%})")
    return "\n".join(lines)


def build_site(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)


def evaluate_built_site(site: Path, cases: list[Case]) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    from tests.http_server import serve_directory
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            return evaluate_served_site(browser, url, cases)
        finally:
            browser.close()


def evaluate_served_site(browser, base_url: str, cases: list[Case] | None = None) -> list[Outcome]:
    """With a running Playwright browser and the site served at base_url (as bench/run.py has them)."""
    context = browser.new_context(base_url=base_url)
    try:
        page = context.new_page()
        page.goto("./")
        return run(page, cases if cases is not None else load_cases())
    finally:
        context.close()


def main() -> int:
    cases = load_cases()
    with tempfile.TemporaryDirectory(prefix="hjelpenavigator-sok-") as holder:
        site = Path(holder) / "site"
        build_site(site)
        outcomes = evaluate_built_site(site, cases)
    print(format_table(outcomes))
    return 0 if rate(outcomes, 3) >= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
