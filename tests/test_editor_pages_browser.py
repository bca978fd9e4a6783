"""The pages for editors and reusers (guide, stale list, open data) in Debian's chromium: WCAG 2.1 A and AA with axe,
and no sideways scrolling on a 360 px phone even with their wide tables."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.test_accessibility import WCAG
from tests.test_browser import PHONE, _phone_checks, base_url, browser, catalogue, open_context  # noqa: F401

pytestmark = pytest.mark.browser

EDITOR_PAGES = ["redaktorer/", "redaktorer/foreldet/", "apne-data/"]


@pytest.mark.parametrize("url", EDITOR_PAGES)
def test_editor_page_is_accessible_and_fits_a_phone(open_context, catalogue, url):
    context, recorder = open_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert not violations, [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in violations]
    failures = _phone_checks(page, catalogue)
    assert not failures, f"{url} at 360 px:\n" + "\n".join(failures)
    assert not recorder.foreign(), recorder.foreign()
