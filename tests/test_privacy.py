"""Privacy in the browser: nothing stored, nothing sent elsewhere, and a quick exit that Back cannot undo."""
from __future__ import annotations

import pytest

from generator.views.paths import visits
from tests.browser import wait_for_search
from tests.site_pages import open_page, page_types

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.yr.no/nb"
# A link in the text to another page of the site (not a number, not another site, not within the page).
INTERNAL_LINK = "#hn-innhold a[href]:not([href^='tel:']):not([href^='http']):not([href^='#']):visible"


STORED = """async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map(db => db.name),
    cacheStorage: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map(r => r.scope),
})"""
NOTHING = {"localStorage": [], "sessionStorage": [], "indexedDB": [], "cacheStorage": [], "serviceWorkers": []}


def test_no_cookies_no_storage_and_no_other_hosts(open_context, built_site):
    context, recorder = open_context()
    page = context.new_page()
    pages = page_types(built_site)
    for name, url in pages.items():
        open_page(page, url, built_site)
        stored = page.evaluate(STORED)
        assert stored == NOTHING, f"{name} stored {stored}"
    assert context.cookies() == []
    assert recorder.foreign() == []
    assert len(recorder.requests) > len(pages)


def test_the_storage_check_sees_what_a_page_would_store(open_context, built_site):
    context, _ = open_context()
    page = context.new_page()
    page.goto("./")
    page.evaluate("""async () => {
        localStorage.setItem("a", "1"); sessionStorage.setItem("b", "1");
        await new Promise(done => { const r = indexedDB.open("c"); r.onsuccess = () => { r.result.close(); done(); }; });
        await caches.open("d");
    }""")
    stored = page.evaluate(STORED)
    assert {k: v for k, v in stored.items() if k != "serviceWorkers"} == {
        "localStorage": ["a"], "sessionStorage": ["b"], "indexedDB": ["c"], "cacheStorage": ["d"]}


def _with_neutral_page(context):
    # The neutral page is outside; answer it locally instead of leaving the machine.
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(body="<title>Været</title>Været", content_type="text/html"))


@pytest.mark.parametrize("how", ["klikk", "esc-to-ganger"])
def test_after_a_whole_visit_quick_exit_and_back_leave_the_site(open_context, catalogue, how):
    """A visit of several pages is one history entry, which the exit replaces: Back leaves the site."""
    journey = catalogue.journeys[0]
    context, _ = open_context()
    _with_neutral_page(context)
    page = context.new_page()
    page.goto("about:blank")
    page.goto(visits(journey)[0].url)
    visited = [page.url]
    for step in range(2):  # an answer in a guided path, and a link on the page it leads to
        with page.expect_navigation():
            page.locator(INTERNAL_LINK).first.click()
        visited.append(page.url)
    with page.expect_navigation():  # and a search, by the header's form
        page.locator("#hn-sok-felt").fill("helsestasjon")
        page.locator("#hn-sok-felt").press("Enter")
    visited.append(page.url)
    wait_for_search(page)  # while the search runs, the page's main thread may hold the two key presses apart
    assert all(a != b for a, b in zip(visited, visited[1:])), f"a step did not move: {visited}"
    assert page.evaluate("() => history.length") == 2, "each page of the visit added a history entry"

    exit_link = page.locator("[data-hn-rask-utgang]")
    assert exit_link.is_visible() and exit_link.get_attribute("href") == NEUTRAL
    with page.expect_navigation():
        if how == "klikk":
            exit_link.click()
        else:
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")
    assert page.url.startswith(NEUTRAL)

    page.go_back()
    assert page.url == "about:blank", f"Back returned to {page.url}"


def test_a_jump_within_the_page_adds_no_history_and_still_moves_focus(open_context):
    context, _ = open_context()
    page = context.new_page()
    page.goto("about:blank")
    page.goto("bydeler/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    assert page.evaluate("() => [document.activeElement.id, location.hash, history.length]") == ["hn-innhold", "#hn-innhold", 2]


def test_without_javascript_quick_exit_is_a_plain_link(open_context, base_url):
    context, _ = open_context(java_script_enabled=False)
    _with_neutral_page(context)
    page = context.new_page()
    page.goto("about:blank")
    page.goto("bydeler/")
    with page.expect_navigation():
        page.locator("[data-hn-rask-utgang]").click()
    assert page.url.startswith(NEUTRAL)
    page.go_back()  # as /personvern/ says: without JavaScript, Back returns to the page read
    assert page.url == base_url + "bydeler/"


@pytest.mark.parametrize("width", [360, 390, 768, 1024, 1280])
def test_quick_exit_never_covers_the_page(open_context, catalogue, width):
    context, _ = open_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    failures = []
    for url in ["./", f"bydeler/{catalogue.bydeler[0].id}/", visits(catalogue.journeys[0])[0].url, "sok/?q=angst"]:
        page.goto(url)
        for scroll in (0, 600):
            page.evaluate(f"() => window.scrollTo(0, {scroll})")
            seen = page.evaluate("""() => {
                const exit = document.querySelector('[data-hn-rask-utgang]').getBoundingClientRect();
                const header = document.querySelector('.md-header').getBoundingClientRect();
                const x = exit.left + exit.width / 2, y = exit.top + exit.height / 2;
                const onTop = document.elementFromPoint(x, y)?.closest('[data-hn-rask-utgang]') !== null;
                const overlap = (r) => r.width > 0 && r.left < exit.right && exit.left < r.right
                                       && r.top < exit.bottom && exit.top < r.bottom;
                const header_parts = [...document.querySelectorAll('.md-header__title, .md-header__button')]
                    .filter(el => overlap(el.getBoundingClientRect())).map(el => el.className);
                return {inHeader: exit.top >= header.top && exit.bottom <= header.bottom
                                  && exit.left >= 0 && exit.right <= document.documentElement.clientWidth,
                        onTop, header_parts};
            }""")
            if not (seen["inHeader"] and seen["onTop"] and not seen["header_parts"]):
                failures.append(f"{url} scrolled {scroll}: {seen}")
    assert not failures, "\n".join(failures)
