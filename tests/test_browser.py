"""The built site in Debian's chromium: search from the header through Pagefind, and the phone layout.

The site is served over HTTP from 127.0.0.1; every request the page makes is recorded, and any
request to another origin is blocked (and fails the test that made it).
"""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser import PHONE, RESULT_LINKS, phone_checks

pytestmark = pytest.mark.browser


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


def test_emergency_numbers_at_the_top_of_the_front_page_on_a_phone(open_context, catalogue, artifacts):
    context, recorder = open_context(viewport=PHONE)
    page = context.new_page()
    page.goto("./")
    page.screenshot(path=str(artifacts / "forside-360px.png"), full_page=True)
    bar = page.locator("nav.hn-nodlinje[aria-label='Nødnumre']")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("113")
    failures = phone_checks(page, catalogue)
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
        failures += [f"{path}: {failure}" for failure in phone_checks(page, catalogue)]
    assert not failures, "\n".join(failures)
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"
