"""Privacy in the browser: nothing stored, nothing sent elsewhere, and a quick exit that Back cannot undo."""
from __future__ import annotations

import pytest

from tests.test_accessibility import page_types
from tests.test_browser import RESULT_LINKS, base_url, browser, catalogue, open_context  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.yr.no/nb"


def test_no_cookies_no_storage_and_no_other_hosts(open_context, catalogue):
    context, recorder = open_context()
    page = context.new_page()
    for name, url in page_types(catalogue).items():
        page.goto(url)
        if "sok/" in url:
            page.locator(RESULT_LINKS).first.wait_for(timeout=15_000)
        stored = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
        assert stored == [[], []], f"{name} stored {stored}"
    assert context.cookies() == []
    assert recorder.foreign() == []
    assert len(recorder.requests) > len(page_types(catalogue))


def _with_neutral_page(context):
    # The neutral page is outside; answer it locally instead of leaving the machine.
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(body="<title>Været</title>Været", content_type="text/html"))


@pytest.mark.parametrize("how", ["klikk", "esc-to-ganger"])
def test_quick_exit_leaves_and_back_does_not_return(open_context, catalogue, how):
    context, _ = open_context()
    _with_neutral_page(context)
    page = context.new_page()
    page.goto("about:blank")
    page.goto(f"bydeler/{catalogue.bydeler[0].id}/")
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
