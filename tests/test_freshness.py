"""Freshness: «Sist kontrollert» on every service page, a notice after a year, and the list of stale facts per bydel
as a command and as a page for editors."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
import yaml

from generator.views.freshness import months_before, service_checked, stale
from generator.check.pipeline import load_catalogue
from generator.site.render import render_site
from tests.conftest import ROOT
from tests.update_golden import GOLDEN_TODAY, rendered_fixture

NORDBY = "services/nordby.yml"
FRESH = dt.date(2026, 3, 1)  # six weeks after the fixture's checks (2026-01-15)


@pytest.mark.parametrize("day, months, expected", [
    (dt.date(2026, 11, 23), 6, dt.date(2026, 5, 23)),
    (dt.date(2026, 11, 23), 12, dt.date(2025, 11, 23)),
    (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),
    (dt.date(2026, 3, 15), 3, dt.date(2025, 12, 15)),
])
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_a_page_is_as_fresh_as_its_oldest_fact_and_a_later_confirmation_counts(project):
    service = load_catalogue(project.root).service("hfu-nordby")
    assert service_checked(service) == dt.date(2026, 1, 15)  # the service's own source; the address was confirmed later
    project.replace(NORDBY, "    kilde: https://nordby.example.org/hfu\n    kontrollert: 2026-01-15\n",
                    "    kilde: https://nordby.example.org/hfu\n    kontrollert: 2026-02-10\n")
    assert service_checked(load_catalogue(project.root).service("hfu-nordby")) == dt.date(2026, 2, 1)


def test_every_service_page_says_when_it_was_last_checked():
    pages = rendered_fixture()
    for path, page in pages.items():
        if path.startswith("tjenester/"):
            assert '<p class="hn-kontrollert">Sist kontrollert 15. januar 2026.</p>' in page, path
    assert "hn-foreldet" not in "".join(pages.values())


def test_a_page_checked_more_than_a_year_ago_warns_its_readers(project):
    project.replace(NORDBY, "        verdi: \"95000000\"\n        kilde: https://nordby.example.org/familieteamet\n"
                            "        kontrollert: 2026-01-15\n",
                    "        verdi: \"95000000\"\n        kilde: https://nordby.example.org/familieteamet\n"
                    "        kontrollert: 2025-01-10\n")
    pages = render_site(load_catalogue(project.root), today=GOLDEN_TODAY)
    page = pages["tjenester/familieteamet-nordby.md"]
    assert ('<p class="hn-kontrollert hn-foreldet"><strong>Sist kontrollert 10. januar 2025, for mer enn ett år '
            'siden.</strong>') in page
    assert page.index("hn-foreldet") < page.index("<h2>Kontakt</h2>"), "near the top, before the facts"
    assert "hn-foreldet" not in pages["tjenester/hfu-nordby.md"]
    # Exactly twelve months is not yet more than a year.
    assert "hn-foreldet" not in render_site(load_catalogue(project.root),
                                            today=dt.date(2026, 1, 10))["tjenester/familieteamet-nordby.md"]


def test_stale_facts_grouped_by_bydel_with_file_and_line(project):
    project.replace(NORDBY, "    kilde: https://nordby.example.org/hfu\n    kontrollert: 2026-01-15\n",
                    "    kilde: https://nordby.example.org/hfu\n    kontrollert: 2025-06-01\n")
    report = stale(load_catalogue(project.root), months=6, today=FRESH)
    assert [group.area.id for group in report.areas] == ["nordby"]
    [item] = report.areas[0].items
    assert item.field == "tjenester[2].kontrollert" and item.checked == dt.date(2025, 6, 1)
    line = report.areas[0].line(item)
    assert project.read(NORDBY).splitlines()[line - 1] == "    kontrollert: 2025-06-01"
    everything = stale(load_catalogue(project.root), months=6, today=GOLDEN_TODAY)
    assert [g.area.id for g in everything.areas] == ["nordby", "sorby", "oslo", "nasjonale"], "bydeler first"
    assert everything.areas[0].items[0].checked == dt.date(2025, 6, 1), "oldest first"


def _stale_command(root, *args):
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "stale", *args],
                          capture_output=True, text=True, timeout=60)


def test_the_stale_command(project):
    result = _stale_command(project.root, "--today", "2026-11-23")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Opplysninger som ikke er kontrollert på 6 måneder (sist kontrollert før 2026-05-23)")
    assert "Bydel Nordby (services/nordby.yml), 8 opplysninger:" in out
    assert out.index("Bydel Nordby") < out.index("Bydel Sørby") < out.index("Hele Oslo")
    assert "  services/nordby.yml:37  Familieteamet: telefon «95000000»" in out
    assert "felt tjenester[1].kontakt.telefon.kontrollert, kilde https://nordby.example.org/familieteamet" in out
    assert "I alt 19 opplysninger." in out

    fresh = _stale_command(project.root, "--months", "12", "--today", "2026-11-23")
    assert "Ingen: alt er kontrollert de siste 12 månedene." in fresh.stdout


def test_the_stale_command_refuses_a_broken_catalogue(project):
    project.replace(NORDBY, "kontrollert: 2026-01-15", "kontrollert: 15.01.2026")
    result = _stale_command(project.root)
    assert result.returncode == 1 and "15.01.2026" in result.stderr


def test_the_editors_page_lists_the_same_facts_and_stays_out_of_search_and_navigation():
    page = rendered_fixture()["redaktorer/foreldet.md"]
    assert "\nindekser: false\n" in page
    assert '<h2 id="nordby">Bydel Nordby</h2>' in page and '<h2 id="oslo">Hele Oslo</h2>' in page
    assert '<caption>8 opplysninger i services/nordby.yml</caption>' in page
    assert ('<a href="../../tjenester/familieteamet-nordby/">Familieteamet: telefon «95000000»</a></th>'
            '<td>15. januar 2026</td><td>37 (tjenester[1].kontakt.telefon.kontrollert)</td>') in page
    assert "redaktorer" not in str(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
    assert '[«Opplysninger som bør kontrolleres»](foreldet/)' in rendered_fixture()["redaktorer/index.md"]


@pytest.mark.site
def test_every_built_service_page_shows_sist_kontrollert(built_site):
    catalogue = load_catalogue(ROOT)
    for service in catalogue.services:
        html = (built_site / "tjenester" / service.id / "index.html").read_text(encoding="utf-8")
        assert "Sist kontrollert" in html, service.id
    assert (built_site / "redaktorer" / "foreldet" / "index.html").is_file()
