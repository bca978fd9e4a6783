"""Rendering: golden pages of the fixture catalogue, and the small formatting rules."""
from __future__ import annotations

import pytest

from generator.site.render import format_phone, relative_to, tel_href
from tests.update_golden import GOLDEN, rendered_fixture


def test_rendered_pages_match_the_reviewed_golden_files():
    pages = rendered_fixture()
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
              for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(golden), "pages added or removed: run `make golden` and review"
    for path, content in pages.items():
        assert content == golden[path], f"{path} differs from tests/golden: run `make golden` and review the diff"


def test_one_page_per_bydel_service_and_category():
    pages = rendered_fixture()
    for expected in ["index.md", "bydeler/nordby.md", "bydeler/sorby.md", "omrader/oslo.md",
                     "omrader/nasjonale.md", "tjenester/familieteamet-nordby.md",
                     "tjenester/legevakt-test.md", "kategorier/familiestotte.md", "sok.md"]:
        assert expected in pages


def test_bydel_page_leads_with_the_numbers_to_call():
    page = rendered_fixture()["bydeler/nordby.md"]
    numbers = page.index('id="ring"')
    assert numbers < page.index("Bydelens hovedkontakt") < page.index("Tjenester i bydelen")
    assert 'href="tel:+4795000000">950 00 000</a>' in page[numbers:page.index("Bydelens hovedkontakt")]
    sorby = rendered_fixture()["bydeler/sorby.md"]
    ring = sorby[sorby.index('id="ring"'):sorby.index("</section>", sorby.index('id="ring"'))]
    assert "tel:+4722000002" in ring, "a city service that lists the bydel is among its numbers"
    assert "Telefonen er åpen: Mandag–fredag kl. 9–11" in ring, "phone hours stand next to the number"
    assert "Samme nummer som Testmottaket." in ring, "a caveat reaches the reader"


def test_the_unknowns_are_one_box_with_a_step_that_needs_no_number():
    page = rendered_fixture()["bydeler/sorby.md"]
    assert page.count('class="hn-vet-ikke"') == 1
    box = page[page.index('id="vet-ikke"'):]
    assert "Bydelens hovednummer." in box and "Helsestasjon for ungdom i Bydel Sørby" in box
    assert "Ingen tjeneste registrert" not in page and "Ikke kjent ennå." not in page
    assert '<h3 id="akutt">' not in page, "only help every bydel must have is listed as missing"
    from generator.site.render import render_site
    from generator.check.pipeline import load_catalogue
    from tests.update_golden import FIXTURE
    with_link = render_site(load_catalogue(FIXTURE), report_link=True)["bydeler/sorby.md"]
    assert '<a href="#meld-fra">' in with_link and '#meld-fra' not in page


def test_unknown_facts_are_shown_as_unknown_with_a_fallback():
    page = rendered_fixture()["tjenester/oslohjelpa-sorby.md"]
    assert "Ikke kjent ennå." in page
    assert "Haster det? Akutt fare: <a class=\"hn-telefon\" href=\"tel:113\">113</a>." in page
    assert 'href="tel:113"' in page


def test_every_shown_fact_names_its_source_and_date_in_one_line():
    page = rendered_fixture()["tjenester/familieteamet-nordby.md"]
    assert page.count('Kilde: <a href="https://nordby.example.org/familieteamet">') == 3
    assert "lest 15. januar 2026. Ikke bekreftet av bydelen ennå." in page


def test_a_fact_from_an_open_dataset_says_how_it_reached_us():
    page = rendered_fixture()["tjenester/krisetelefon-test.md"]
    assert "lest 15. januar 2026 av det åpne testdatasettet." in page
    for credited in ("om.md", "apne-data.md"):
        text = rendered_fixture()[credited]
        assert 'href="https://data.example.org/"' in text and "MIT" in text and "Copyright (c) 2026 Test" in text


def test_city_and_national_lines_are_never_unconfirmed_by_the_bydel():
    pages = rendered_fixture()
    for service in ("krisetelefon-test", "familiekontor-test", "legevakt-test", "nodnummer-test"):
        assert "bekreftet av bydelen" not in pages[f"tjenester/{service}.md"], service
    assert "bekreftet av bydelen" not in pages["nodnumre.md"]


def test_a_field_left_empty_on_purpose_says_why():
    page = rendered_fixture()["tjenester/familiekontor-test.md"]
    address = page[page.index("<dt>Adresse</dt>"):]
    assert address.index("Adressen er hemmelig, for sikkerhets skyld.") < address.index("</dd>")


def test_a_fact_the_bydel_confirmed_says_so_with_the_date():
    page = rendered_fixture()["tjenester/hfu-nordby.md"]
    assert "Bekreftet av bydelen 1. februar 2026." in page
    assert "Redaktør i Bydel Nordby" not in page, "who confirmed is kept for the editors, not shown"
    assert "Noen av opplysningene er bekreftet av bydelen." in page
    other = rendered_fixture()["tjenester/familieteamet-nordby.md"]
    assert "Bekreftet av bydelen" not in other
    assert "er ikke bekreftet av bydelen ennå" in other


# The editors' pages name the catalogue's fields; every other page is for parents, young people and GPs.
EDITOR_PAGES = ("dekning", "redaktorer")


def test_a_derived_main_page_is_said_in_plain_words():
    page = rendered_fixture()["bydeler/sorby.md"]
    main = page[page.index("Bydelens hovedkontakt"):page.index("Tjenester i bydelen")]
    assert "Vi har ikke sett den i en kilde ennå." in main
    for name, text in rendered_fixture().items():
        if name.endswith(".md") and not name.startswith(EDITOR_PAGES):  # api/ is for programs, in its own terms
            assert "utledet" not in text.lower(), name


def test_a_provisional_door_is_said_in_plain_words():
    page = rendered_fixture()["bydeler/sorby.md"]
    assert "Bydel Sørby har ikke selv sagt hvilken dør familier skal bruke." in page
    assert "(bydelen har ikke valgt døra selv ennå)" in rendered_fixture()["tjenester/oslohjelpa-sorby.md"]
    for name, text in rendered_fixture().items():
        if name.endswith(".md") and not name.startswith(EDITOR_PAGES):  # api/ is for programs, in its own terms
            assert "foreløpig" not in text.lower(), name


def test_category_page_has_a_row_for_every_bydel():
    page = rendered_fixture()["kategorier/familiestotte.md"]
    assert '<a href="../../tjenester/familieteamet-nordby/">Familieteamet</a>' in page
    assert '<a href="../../tjenester/oslohjelpa-sorby/">Oslohjelpa</a>' in page
    hfu = rendered_fixture()["kategorier/helsestasjon-for-ungdom.md"]
    assert "Bydel Sørby" in hfu and "Ikke registrert ennå." in hfu


def test_text_from_yaml_is_escaped(project):
    from generator.check.pipeline import load_catalogue
    from generator.site.render import render_site
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
