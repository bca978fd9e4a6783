"""Data coverage: figures computed from the catalogue, the same on the page and from the command."""
from __future__ import annotations

import re
import subprocess
import sys

from generator.views.coverage import compute
from generator.check.pipeline import load_catalogue
from tests.update_golden import rendered_fixture

SORBY = "services/sorby.yml"


def _counts(root) -> dict[str, dict[str, int]]:
    coverage = compute(load_catalogue(root))
    return {row.area.id: row.counts for row in coverage.rows} | {"I alt": coverage.totals}


def test_fixture_figures(project):
    # Nordby: main contact and Familieteamet from a source, its HFU address confirmed.
    # Sørby: derived main page (a guess counts as missing), Oslohjelpa without contact, no HFU.
    assert _counts(project.root) == {
        "nordby": {"bekreftet": 1, "fra_kilde": 2, "mangler": 0},
        "sorby": {"bekreftet": 0, "fra_kilde": 0, "mangler": 3},
        "I alt": {"bekreftet": 1, "fra_kilde": 2, "mangler": 3},
    }


def test_the_figures_follow_the_catalogue(project):
    before = _counts(project.root)["sorby"]
    project.replace(SORBY, "    malgruppe:\n      hvem: [barn, unge, foreldre]\n",
                    "    malgruppe:\n      hvem: [barn, unge, foreldre]\n"
                    "    kontakt:\n      telefon:\n        verdi: \"21000001\"\n"
                    "        kilde: https://sorby.example.org/oslohjelpa\n        kontrollert: 2026-01-15\n")
    from_source = _counts(project.root)["sorby"]
    assert from_source == {**before, "fra_kilde": before["fra_kilde"] + 1, "mangler": before["mangler"] - 1}

    project.replace(SORBY, "        kontrollert: 2026-01-15\n",
                    "        kontrollert: 2026-01-15\n        bekreftet:\n          dato: 2026-01-20\n"
                    "          av: Redaktør i Bydel Sørby\n")
    confirmed = _counts(project.root)["sorby"]
    assert confirmed == {**from_source, "bekreftet": 1, "fra_kilde": from_source["fra_kilde"] - 1}


def test_a_derived_main_page_counts_as_missing_until_checked(project):
    assert _counts(project.root)["sorby"]["mangler"] == 3
    project.replace(SORBY, "    utledet: true\n", "")
    assert _counts(project.root)["sorby"] == {"bekreftet": 0, "fra_kilde": 1, "mangler": 2}


def test_what_to_fill_in_first_starts_with_the_door(project):
    row = next(r for r in compute(load_catalogue(project.root)).rows if r.area.id == "sorby")
    assert [t.kind for t in row.todo] == [
        "velg_kontaktpunkt", "kontaktpunkt_telefon", "hovedtelefon", "sjekk_nettside", "kategori"]
    assert row.todo[-1].cell.category.id == "helsestasjon-for-ungdom" and row.todo[-1].cell.services == []
    nordby = next(r for r in compute(load_catalogue(project.root)).rows if r.area.id == "nordby")
    assert [t.kind for t in nordby.todo] == ["bekreft"]
    assert nordby.todo[0].count == 5  # main page, main phone, gratis, phone, hours; the HFU address is confirmed


def test_the_page_shows_the_computed_figures():
    page = rendered_fixture()["dekning.md"]
    assert re.search(r'Bydel Sørby</a></th><td>0</td><td>0</td><td>3</td>', page)
    assert "<th scope=\"row\">I alt</th><td>1</td><td>2</td><td>3</td>" in page
    assert "For 2 bydeler og 3 felt hver er 1 bekreftet av bydelen, 2 bare hentet fra kilder, og 3 mangler." in page
    assert "Velg bydelens ene dør inn for familier. Nå viser vi Oslohjelpa som et foreløpig valg." in page


def test_the_command_prints_the_same_figures(project):
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "dekning"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.search(r"^Bydel Sørby\s+0\s+0\s+3$", result.stdout, re.M), result.stdout
    assert re.search(r"^I alt\s+1\s+2\s+3$", result.stdout, re.M), result.stdout
    assert "  1. Velg bydelens ene dør inn for familier. Nå viser vi Oslohjelpa som et foreløpig valg." in lines


def test_the_command_refuses_a_broken_catalogue(project):
    project.replace(SORBY, "kategori: familiestotte", "kategori: famliestotte")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "dekning"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "famliestotte" in result.stderr


def test_every_page_links_to_the_coverage_page_from_the_footer(built_site):
    for page in ["index.html", "bydeler/sagene/index.html", "om/index.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        footer = html[html.index('class="hn-bunnlenker"'):]
        assert re.search(r'href="[./]*dekning/">Datadekning</a>', footer), page
    assert (built_site / "dekning" / "index.html").is_file()
