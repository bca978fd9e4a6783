"""2 and 3. What the browser fetches: a first visit, and one search with Pagefind and with lunr."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bench.common import COMPRESSED_SUFFIXES, FIRST_VISIT_TARGET, QUERY, SECOND_QUERY, VOCABULARY_TARGET, gz, kb
from tests.browser import RESULT_LINKS, SEARCH_DONE, origin, wait_for_search


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
            if origin(response.url) != self.origin or response.status != 200:
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


def _settle(page) -> None:
    try:
        page.wait_for_load_state("networkidle", timeout=10_000)
    except Exception:  # noqa: BLE001 - measure what arrived
        pass


def _open(browser, base_url: str, url: str):
    """A fresh desktop context (empty cache) on `url`, settled: (context, its response log, the page)."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    log = Log(origin(base_url))
    log.attach(context)
    page = context.new_page()
    page.goto(url)
    _settle(page)
    return context, log, page


def first_visits(browser, base_url: str, urls: dict[str, str]) -> list[list[str]]:
    rows = []
    for name, url in urls.items():
        context, log, page = _open(browser, base_url, url)
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
    context, log, page = _open(browser, base_url, "./")
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
    context, log, page = _open(browser, base_url, "./")
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


def search_files(site: Path) -> str:
    """Sizes of what the search page adds to Pagefind: its scripts, configuration and vocabulary."""
    parts = []
    for path in ["assets/sok/motor.js", "assets/sok/side.js", "sok/oppsett.json", "sok/ordliste.json"]:
        data = (site / path).read_bytes()
        parts.append(f"{path} {kb(gz(data))} gzip")
    vocabulary = gz((site / "sok" / "ordliste.json").read_bytes())
    verdict = "within" if vocabulary <= VOCABULARY_TARGET else "OVER"
    return ", ".join(parts) + f" (vocabulary target <= {kb(VOCABULARY_TARGET)} gzip: {verdict})"
