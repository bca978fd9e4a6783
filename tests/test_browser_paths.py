"""A guided path in the browser: keyboard only from the front page to a bydel's door, and the print view."""
from __future__ import annotations

import re

import pytest

from generator.views.paths import visits

pytestmark = pytest.mark.browser

PATH_ID = "barnet-nekter-skolen"


def _tab_to(page, wanted: str, limit: int = 150, exact: bool = False) -> dict:
    """Press Tab until the focused element is a link whose href ends with (or is) `wanted`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {href: el.getAttribute('href') || '', text: el.innerText || '',
                    outline: style.outlineStyle, outlineWidth: style.outlineWidth,
                    boxShadow: style.boxShadow};
        }""")
        if focused["href"] == wanted or (not exact and focused["href"].endswith(wanted)):
            return focused
    pytest.fail(f"no link to {wanted} reached with Tab")


def _deepest_route(catalogue):
    journey = next(j for j in catalogue.journeys if j.id == PATH_ID)
    outcomes = [v for v in visits(journey) if v.is_outcome and v.node.haster != "akutt"]
    return max(outcomes, key=lambda v: len(v.answers))


def test_complete_a_path_with_the_keyboard_only(open_context, catalogue, artifacts):
    route = _deepest_route(catalogue)
    area = catalogue.bydeler[0]
    context, recorder = open_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("./")

    focused = _tab_to(page, f"veivisere/{PATH_ID}/")
    assert focused["outline"] != "none" or focused["boxShadow"] != "none", "focus is not visible"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    clicks = 1
    for depth in range(1, len(route.answers) + 1):
        # Each answer is a folder below the question's page, named by the answer's id.
        _tab_to(page, route.answers[depth - 1] + "/", exact=True)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        clicks += 1
    _tab_to(page, f"{area.id}/", exact=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    clicks += 1

    assert page.url.endswith(route.bydel_url(area.id)), page.url
    assert clicks <= 5
    # «Ring først»: the first number down the ladder is visible, whether or not it is the bydel's own door.
    from generator.catalogue.ladder import first_call
    call = first_call(catalogue, area, route.path, route.node)
    assert page.locator("#ring-forst").is_visible()
    number = call.service.kontakt.telefon.verdi
    href = f"tel:+47{number}" if len(number) == 8 else f"tel:{number}"
    assert page.locator(f'.hn-ring-forst a[href="{href}"]').first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(artifacts / "veiviser-utfall-360px.png"), full_page=True)
    assert recorder.foreign() == []


def test_print_view_fits_on_one_a4_page(open_context, catalogue, artifacts):
    route = _deepest_route(catalogue)
    area = catalogue.bydeler[0]
    context, _ = open_context()
    page = context.new_page()
    page.goto(route.bydel_url(area.id) + "utskrift/")
    page.emulate_media(media="print")

    pdf = page.pdf(format="A4", print_background=False)

    (artifacts / "veiviser-utskrift.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the print view takes {pages} A4 pages"
    text = page.inner_text("body")
    assert route.node.gjor_na[0][:40] in text
    assert area.contact_point.navn in text


# A point on Sagene (Torshov), checked against the shipped boundaries.
TORSHOV = {"latitude": 59.9350, "longitude": 10.7640}


def test_my_position_finds_the_bydel_without_sending_the_position(open_context, catalogue):
    if "sagene" not in {a.id for a in catalogue.bydeler}:
        pytest.skip("Sagene is not in the catalogue")
    context, recorder = open_context(geolocation=TORSHOV, permissions=["geolocation"])
    page = context.new_page()
    page.goto("bydeler/finn/")

    button = page.get_by_role("button", name="Bruk min posisjon")
    button.click()
    link = page.locator("#hn-posisjon a")
    link.wait_for(state="visible", timeout=10_000)

    assert "Bydel Sagene" in page.locator("#hn-posisjon [aria-live]").inner_text()
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/bydeler/sagene/")
    assert recorder.foreign() == []
    for url in recorder.requests:
        assert "59.93" not in url and "10.76" not in url, f"the position left the page in {url}"
