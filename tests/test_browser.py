"""The built site in Debian's chromium: search from the header through Pagefind, and the phone layout.

The site is served over HTTP from 127.0.0.1; every request the page makes is recorded, and any
request to another origin is blocked (and fails the test that made it).
"""
from __future__ import annotations

import re

from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect, sync_playwright

from generator.check.pipeline import load_catalogue
from generator.check.problems import ProblemsFound
from generator.site.render import format_phone
from tests.conftest import ROOT
from tests.http_server import serve_directory

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 360, "height": 640}
RESULT_LINKS = "#sok-treff li a"  # the search page's results (assets/sok/side.js)
SEARCH_DONE = re.compile(r"treff for|Fant ingenting")


def wait_for_search(page, timeout: int = 15_000) -> None:
    """Until the search page says what it found (its status line), results or none."""
    page.locator("#sok-status").filter(has_text=SEARCH_DONE).wait_for(timeout=timeout)


@pytest.fixture(scope="module")
def catalogue():
    try:
        return load_catalogue(ROOT)
    except ProblemsFound as error:
        pytest.fail(f"the shipped catalogue does not load:\n{error}")


@pytest.fixture(scope="module")
def base_url(built_site: Path):
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Recorder:
    """Every request URL and console message of one browser context."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.requests: list[str] = []
        self.console: list[str] = []

    def foreign(self) -> list[str]:
        # data: and blob: URLs are the page's own memory, not network requests.
        return [url for url in self.requests
                if not url.startswith(("data:", "blob:")) and _origin(url) != self.origin]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def open_context(browser, base_url):
    """new_context(**options) -> (context, recorder); blocks and records requests to other origins."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=base_url, **options)
        recorder = Recorder(_origin(base_url))
        context.on("request", lambda request: recorder.requests.append(request.url))
        context.on("console", lambda message: recorder.console.append(f"{message.type}: {message.text}"))
        context.on("weberror", lambda error: recorder.console.append(f"pageerror: {error.error}"))

        def only_this_origin(route):
            if _origin(route.request.url) == recorder.origin:
                route.continue_()
            else:
                route.abort("blockedbyclient")

        context.route("**/*", only_this_origin)
        contexts.append(context)
        return context, recorder

    yield make
    for context in contexts:
        context.close()


def _search_target(catalogue):
    """A service worth searching for by its exact name: bydel-specific and with a unique name.

    Prefers a bydel's Helsestasjon for ungdom, then a bydel's contact point, then any service.
    """
    names = Counter(service.navn for service in catalogue.services)
    generic = {category.navn for category in catalogue.categories} | {area.navn for area in catalogue.areas}

    def distinctive(service) -> bool:
        return names[service.navn] == 1 and service.navn not in generic

    in_bydel = [s for s in catalogue.services if s.area.type == "bydel"]
    for candidates in ([s for s in in_bydel if s.category.id == "helsestasjon-for-ungdom"],
                       [a.contact_point for a in catalogue.bydeler if a.contact_point is not None],
                       in_bydel, catalogue.services):
        for service in candidates:
            if distinctive(service):
                return service
    pytest.fail("no service in the catalogue has a unique name to search for")


def test_search_from_the_header_finds_a_service(open_context, base_url, built_site, catalogue, artifacts):
    service = _search_target(catalogue)
    service_path = f"/tjenester/{service.id}/"
    assert (built_site / "tjenester" / service.id / "index.html").is_file(), f"{service_path} not built"
    context, recorder = open_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    page.goto("./")
    field = page.locator("form.hn-sokeskjema input#hn-sok-felt[name=q]")
    expect(field).to_be_visible()
    field.fill(service.navn)
    with page.expect_navigation():
        field.press("Enter")
    assert urlsplit(page.url).path == "/sok/", f"the search form went to {page.url}"

    results = page.locator(RESULT_LINKS)
    wanted = page.locator(f'{RESULT_LINKS}[href$="{service_path}"]')
    try:
        results.first.wait_for(state="visible", timeout=15_000)
        wanted.first.wait_for(state="visible", timeout=5_000)
    except PlaywrightTimeout:
        page.screenshot(path=str(artifacts / "sok-resultater.png"), full_page=True)
        shown = [(link.inner_text(), link.get_attribute("href")) for link in results.all()]
        pytest.fail(f"searching for {service.navn!r} showed no link to {service_path}.\n"
                    f"results shown: {shown}\nconsole: {recorder.console}\n"
                    f"requests: {recorder.requests}")
    hrefs = [urlsplit(urljoin(page.url, link.get_attribute("href") or "")).path for link in results.all()]
    assert service_path in hrefs, f"no result links to {service_path}: {hrefs}"
    page.screenshot(path=str(artifacts / "sok-resultater.png"), full_page=True)

    with page.expect_navigation():
        wanted.first.click()
    assert urlsplit(page.url).path == service_path
    expect(page.locator("h1").first).to_contain_text(service.navn)
    page.screenshot(path=str(artifacts / "tjeneste-fra-sok.png"), full_page=True)

    assert recorder.requests, "no requests were recorded"
    assert not recorder.foreign(), (f"requests left {recorder.origin}: {recorder.foreign()}\n"
                                    f"console: {recorder.console}")


def _phone_checks(page, catalogue) -> list[str]:
    """What must hold for any page on a 360 px wide phone; returns the failures."""
    failures = []
    bar = page.locator("nav.hn-nodlinje[aria-label='Nødnumre']")
    if bar.count() != 1 or not bar.is_visible():
        return [f"emergency bar not visible (found {bar.count()})"]
    box = bar.bounding_box()
    if box is None or box["y"] < 0 or box["y"] + box["height"] > PHONE["height"]:
        failures.append(f"emergency bar is not within the first screen: {box}")
    text = " ".join(bar.inner_text().split())
    for line in catalogue.emergency_lines:
        number = format_phone(line.kontakt.telefon.verdi)
        if number not in text:
            failures.append(f"emergency bar does not show {number!r}: {text!r}")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] > widths[1]:
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''))""")
        failures.append(f"horizontal scroll: scrollWidth {widths[0]} > innerWidth {widths[1]}; "
                        f"elements reaching past the right edge: {wide}")
    return failures


def test_emergency_numbers_at_the_top_of_the_front_page_on_a_phone(open_context, catalogue, artifacts):
    context, recorder = open_context(viewport=PHONE)
    page = context.new_page()
    page.goto("./")
    page.screenshot(path=str(artifacts / "forside-360px.png"), full_page=True)
    bar = page.locator("nav.hn-nodlinje[aria-label='Nødnumre']")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("113")
    failures = _phone_checks(page, catalogue)
    assert not failures, "front page at 360 px:\n" + "\n".join(failures)
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"


def _phone_pages(catalogue) -> list[tuple[str, str]]:
    query = urlencode({"q": _search_target(catalogue).navn})
    pages = [("nodnumre", "nodnumre/"), ("sok", f"sok/?{query}"), ("kategorier", "kategorier/")]
    if catalogue.bydeler:
        pages.append(("bydel", f"bydeler/{catalogue.bydeler[0].id}/"))
    if catalogue.services:
        longest = max(catalogue.services, key=lambda s: len(s.navn))
        pages.append(("tjeneste", f"tjenester/{longest.id}/"))
    return pages


def test_other_pages_fit_a_phone_with_the_emergency_bar(open_context, catalogue, artifacts):
    context, recorder = open_context(viewport=PHONE)
    page = context.new_page()
    failures = []
    for name, path in _phone_pages(catalogue):
        try:
            response = page.goto(path)
        except PlaywrightError as error:
            failures.append(f"{path}: {error}")
            continue
        if response is None or response.status != 200:
            failures.append(f"{path}: HTTP {response.status if response else 'no response'}")
            continue
        if name == "sok":
            page.locator(RESULT_LINKS).first.wait_for(state="visible", timeout=15_000)
        page.screenshot(path=str(artifacts / f"{name}-360px.png"), full_page=True)
        failures += [f"{path}: {failure}" for failure in _phone_checks(page, catalogue)]
    assert not failures, "\n".join(failures)
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"
