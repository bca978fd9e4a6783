"""WCAG 2.1 A and AA with axe-core (shipped inside axe-playwright-python) on one page of every kind, phone and desktop."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site_pages import open_page, page_types

pytestmark = pytest.mark.browser

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("width", [390, 1280])
def test_no_wcag_violations_on_any_page_type(open_context, built_site, axe, width):
    context, _ = open_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = []
    pages = page_types(built_site)
    assert len(pages) >= 20, f"the built site names too few kinds of page: {sorted(pages)}"
    for name, url in pages.items():
        open_page(page, url, built_site)
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
