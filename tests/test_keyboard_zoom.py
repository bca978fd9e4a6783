"""Keyboard and zoom: the skip link works, and at 200 % zoom nothing is cut off or needs sideways scrolling."""
from __future__ import annotations

import pytest

from tests.test_accessibility import page_types
from tests.test_browser import base_url, browser, catalogue, open_context  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", ["./", "bydeler/", "sok/?q=skole"])
def test_the_first_tab_reaches_a_working_skip_link(open_context, url):
    context, _ = open_context()
    page = context.new_page()
    page.goto(url)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.classList.contains('hn-hopp'), document.activeElement.innerText]")
    assert focused == [True, "Hopp til innholdet"]
    assert page.locator(".hn-hopp").is_visible(), "the skip link must show when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "hn-innhold"


def test_200_percent_zoom_loses_no_content(open_context, catalogue, artifacts):
    # 200 % zoom of a 1280 px window is a 640 px wide CSS viewport at twice the pixel density.
    context, _ = open_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    failures = []
    for name, url in page_types(catalogue).items():
        page.goto(url)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            failures.append(f"{name}: {overflow} px sideways scroll")
        clipped = page.evaluate("""() => [...document.querySelectorAll('#hn-innhold h1, #hn-innhold p, #hn-innhold li')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                          && !el.closest('.hn-tabell')).length""")
        if clipped:
            failures.append(f"{name}: {clipped} text blocks reach past the right edge")
        if name in {"forside", "bydel", "utskrift"} or name.startswith("utfall-barnet"):
            page.screenshot(path=str(artifacts / f"zoom-200-{name}.png"), full_page=True)
    assert not failures, "\n".join(failures)
