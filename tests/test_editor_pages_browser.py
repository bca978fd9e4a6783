"""The pages for editors and reusers (guides, pictures of the paths, stale list, open data) in Debian's chromium: WCAG 2.1 A and AA with axe,
and no sideways scrolling on a 360 px phone even with their wide tables."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.views.journey_map import map_url
from tests.test_accessibility import WCAG
from tests.browser import PHONE, phone_checks

pytestmark = pytest.mark.browser

EDITOR_PAGES = ["redaktorer/", "redaktorer/veivisere/", "redaktorer/sokeord/", "redaktorer/foreldet/", "apne-data/"]


@pytest.mark.parametrize("url", EDITOR_PAGES)
def test_editor_page_is_accessible_and_fits_a_phone(open_context, catalogue, url):
    context, recorder = open_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert not violations, [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in violations]
    failures = phone_checks(page, catalogue)
    assert not failures, f"{url} at 360 px:\n" + "\n".join(failures)
    assert not recorder.foreign(), recorder.foreign()


def test_every_path_map_is_accessible_and_fits_a_phone(open_context, catalogue):
    """The picture of a path nests one level per answer (redaktorer/veivisere/<id>/): the deepest must fit too."""
    context, recorder = open_context(viewport=PHONE)
    page = context.new_page()
    failures = []
    for journey in catalogue.journeys:
        url = map_url(journey)
        page.goto(url)
        failures += [f"{url}: {v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
                     for v in Axe().run(page, options=WCAG).response["violations"]]
        failures += [f"{url} at 360 px: {failure}" for failure in phone_checks(page, catalogue)]
    assert not failures, "\n".join(failures)
    assert not recorder.foreign(), recorder.foreign()
