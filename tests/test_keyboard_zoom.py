"""Keyboard and zoom: the skip link works, and at 200 % zoom nothing is cut off or needs sideways scrolling."""
from __future__ import annotations

import pytest

from tests.site_pages import open_page, page_types

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


def test_200_percent_zoom_loses_no_content(open_context, built_site, artifacts):
    # 200 % zoom of a 1280 px window is a 640 px wide CSS viewport at twice the pixel density.
    context, _ = open_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    failures = []
    for name, url in page_types(built_site).items():
        open_page(page, url, built_site)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            failures.append(f"{name}: {overflow} px sideways scroll")
        clipped = page.evaluate("""() => [...document.querySelectorAll('#hn-innhold h1, #hn-innhold p, #hn-innhold li')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                          && !el.closest('.hn-tabell')).length""")
        if clipped:
            failures.append(f"{name}: {clipped} text blocks reach past the right edge")
        if name in {"index", "omrade", "veiviser_utskrift", "veiviser_utfall_bydel"}:
            page.screenshot(path=str(artifacts / f"zoom-200-{name}.png"), full_page=True)
    assert not failures, "\n".join(failures)


FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
    return {ring, what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + (el.innerText || el.value || el.placeholder || "").slice(0, 30)};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_every_element_the_keyboard_reaches_shows_a_focus_ring(open_context, built_site, width):
    context, _ = open_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    failures, reached = [], 0
    for name, url in page_types(built_site).items():
        open_page(page, url, built_site)
        seen = set()
        for _ in range(40):  # the header, the emergency bar and the start of the text: where every kind of control is
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None or focused["what"] in seen:
                break
            seen.add(focused["what"])
            reached += 1
            if not focused["ring"]:
                failures.append(f"{name} ({url}): {focused['what']}")
    assert reached > 10 * len(page_types(built_site)), reached
    assert not failures, "no focus ring:\n" + "\n".join(sorted(set(failures)))
