"""Rendering: golden pages of the fixture catalogue, and the small formatting rules."""
from __future__ import annotations

import pytest

from generator.render import format_phone, relative_to, tel_href
from tests.update_golden import GOLDEN, rendered_fixture


def test_rendered_pages_match_the_reviewed_golden_files():
    pages = rendered_fixture()
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
              for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(golden), "pages added or removed: run `make golden` and review"
    for path, content in pages.items():
        assert content == golden[path], f"{path} differs from tests/golden: run `make golden` and review the diff"


def test_one_page_per_bydel_service_and_category():
    pages = rendered_fixture()
    for expected in ["index.md", "bydeler/nordby.md", "bydeler/sorby.md", "omrader/oslo.md",
                     "omrader/nasjonale.md", "tjenester/familieteamet-nordby.md",
                     "tjenester/legevakt-test.md", "kategorier/familiestotte.md", "sok.md"]:
        assert expected in pages


def test_bydel_page_puts_the_contact_point_first():
    page = rendered_fixture()["bydeler/nordby.md"]
    contact_point = page.index("Start her: én dør inn")
    assert contact_point < page.index("Bydelens hovedkontakt") < page.index("Tjenester i bydelen")
    assert 'href="tel:+4795000000">950 00 000</a>' in page[contact_point:page.index("Bydelens hovedkontakt")]


def test_unknown_facts_are_shown_as_unknown_with_a_fallback():
    page = rendered_fixture()["tjenester/oslohjelpa-sorby.md"]
    assert "Ikke kjent ennå." in page
    assert "Haster det? Akutt fare: <a class=\"hn-telefon\" href=\"tel:113\">113</a>." in page
    assert 'href="tel:113"' in page


def test_every_shown_fact_names_its_source_and_date():
    page = rendered_fixture()["tjenester/familieteamet-nordby.md"]
    assert page.count("Fra kilde, ikke bekreftet av bydelen: <a href=\"https://nordby.example.org/familieteamet\">") == 3
    assert "sjekket 15. januar 2026" in page


def test_a_fact_the_bydel_confirmed_says_so_with_the_date():
    page = rendered_fixture()["tjenester/hfu-nordby.md"]
    assert "Bekreftet av bydelen 1. februar 2026. Kilde: <a href=\"https://nordby.example.org/hfu\">" in page
    assert "Redaktør i Bydel Nordby" not in page, "who confirmed is kept for the editors, not shown"
    assert "Noen av opplysningene er bekreftet av bydelen." in page
    other = rendered_fixture()["tjenester/familieteamet-nordby.md"]
    assert "Bekreftet av bydelen" not in other
    assert "er ikke bekreftet av bydelen ennå" in other


def test_a_derived_main_page_is_shown_as_derived_and_unchecked():
    page = rendered_fixture()["bydeler/sorby.md"]
    main = page[page.index("Bydelens hovedkontakt"):page.index("Tjenester i bydelen")]
    assert "Adressen er utledet, ikke sjekket" in main
    assert "Fra kilde" not in main
    door = rendered_fixture()["tjenester/oslohjelpa-sorby.md"]
    assert "bydelens nettside</a> (adressen er utledet, ikke sjekket)" in door


def test_a_provisional_door_is_said_in_plain_words_and_still_comes_first():
    page = rendered_fixture()["bydeler/sorby.md"]
    door = page.index("Start her: én dør inn")
    assert door < page.index("Foreløpig valg:") < page.index("Bydelens hovedkontakt")
    assert "Bydel Sørby har ikke selv pekt ut én dør inn for familier ennå" in page
    assert "(foreløpig: bydelen har ikke valgt selv ennå)" in rendered_fixture()["tjenester/oslohjelpa-sorby.md"]
    assert "Foreløpig valg" not in rendered_fixture()["bydeler/nordby.md"]


def test_help_every_bydel_must_have_is_shown_as_a_gap_when_missing():
    page = rendered_fixture()["bydeler/sorby.md"]
    gap = page[page.index('<h3 id="helsestasjon-for-ungdom">'):]
    assert "Ingen tjeneste registrert for Bydel Sørby ennå." in gap
    assert '<h3 id="akutt">' not in page, "only help every bydel must have is listed as missing"


def test_category_page_has_a_row_for_every_bydel():
    page = rendered_fixture()["kategorier/familiestotte.md"]
    assert '<a href="../../tjenester/familieteamet-nordby/">Familieteamet</a>' in page
    assert '<a href="../../tjenester/oslohjelpa-sorby/">Oslohjelpa</a>' in page
    hfu = rendered_fixture()["kategorier/helsestasjon-for-ungdom.md"]
    assert "Bydel Sørby" in hfu and "Ikke registrert ennå." in hfu


def test_text_from_yaml_is_escaped(project):
    from generator.pipeline import load_catalogue
    from generator.render import render_site
    project.replace("services/nordby.yml", "beskrivelse: Hjelp til familier med barn som strever. Ring oss.",
                    "beskrivelse: \"<script>window.pwned=1</script> [klikk](javascript:alert(1))\"")
    page = render_site(load_catalogue(project.root))["tjenester/familieteamet-nordby.md"]
    assert "<script>window.pwned" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page


@pytest.mark.parametrize("number, shown, href", [
    ("22400040", "22 40 00 40", "tel:+4722400040"),
    ("95298322", "952 98 322", "tel:+4795298322"),
    ("80033321", "800 33 321", "tel:+4780033321"),
    ("116117", "116 117", "tel:116117"),
    ("113", "113", "tel:113"),
])
def test_phone_numbers_are_grouped_the_norwegian_way(number, shown, href):
    assert format_phone(number) == shown
    assert tel_href(number) == href


@pytest.mark.parametrize("target, page, link", [
    ("tjenester/x/", "bydeler/sagene.md", "../../tjenester/x/"),
    ("", "bydeler/sagene.md", "../../"),
    ("bydeler/", "index.md", "bydeler/"),
    ("", "index.md", "./"),
    ("kategorier/a/", "kategorier/index.md", "a/"),
])
def test_links_are_relative_so_the_site_works_from_any_folder(target, page, link):
    assert relative_to(target, page) == link
