"""WCAG 2.1 A and AA with axe-core (shipped inside axe-playwright-python) on one page of every type."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.journey_pages import visits
from tests.test_browser import RESULT_LINKS, base_url, browser, catalogue, open_context  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


def page_types(catalogue) -> dict[str, str]:
    bydel = catalogue.bydeler[0]
    service = bydel.contact_point
    pages = {
        "forside": "./",
        "bydel": f"bydeler/{bydel.id}/",
        "bydeler": "bydeler/",
        "finn-bydel": "bydeler/finn/",
        "tjeneste": f"tjenester/{service.id}/",
        "kategori": f"kategorier/{service.category.id}/",
        "kategorier": "kategorier/",
        "fagpersoner": "fagpersoner/",
        "fagperson-bydel": f"fagpersoner/{bydel.id}/",
        "sammenligning": "fagpersoner/sammenligning/",
        "for-henvisning": "fagpersoner/for-henvisning-til-bup/",
        "avslag": "fagpersoner/nar-bup-avslar/",
        "nodnumre": "nodnumre/",
        "om": "om/",
        "dekning": "dekning/",
        "veivisere": "veivisere/",
        "sok-resultater": "sok/?q=helsestasjon",
    }
    for journey in catalogue.journeys:
        route = visits(journey)
        pages[f"veiviser-{journey.id}"] = route[0].url
        outcome = next(v for v in route if v.is_outcome)
        pages[f"utfall-{journey.id}"] = outcome.bydel_url(bydel.id)
    pages["utskrift"] = pages[f"utfall-{catalogue.journeys[0].id}"] + "utskrift/"
    return pages


@pytest.fixture(scope="module")
def axe():
    return Axe()


def test_no_wcag_violations_on_any_page_type(open_context, catalogue, axe):
    context, _ = open_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failures = []
    for name, url in page_types(catalogue).items():
        page.goto(url)
        if "sok/" in url:
            page.locator(RESULT_LINKS).first.wait_for(timeout=15_000)
        results = axe.run(page, options=WCAG)
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            failures.append(f"{name} ({url}): {violation['id']}: {violation['help']} {targets}")
    assert not failures, "\n".join(failures)


def test_axe_does_report_a_violation(open_context, axe):
    context, _ = open_context()
    page = context.new_page()
    page.set_content('<html lang="nb"><body><main><a href="#"></a><p style="color:#ccc">lys tekst</p></main></body></html>')
    ids = {v["id"] for v in axe.run(page, options=WCAG).response["violations"]}
    assert {"link-name", "color-contrast"} <= ids
