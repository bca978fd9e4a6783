"""Search that finds the right door: the search words (services/sokeord.yml), their check, the evaluation set
(tests/search_eval.yml) run in chromium against the built Pagefind index, Norwegian stemming, the filters,
and the help the search page shows when nothing is found."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from generator.pipeline import check, load_catalogue
from generator.render import format_phone, render_site
from tests import search_eval
from tests.test_browser import base_url, browser, catalogue, open_context  # noqa: F401 (fixtures)

WORDS = "services/sokeord.yml"
HEADER = "# yaml-language-server: $schema=schema/sokeord.schema.json\n"


# --------------------------------------------------------------------------- the words file and its check

def _problems(project, text: str):
    project.write(WORDS, HEADER + text)
    _, problems = check(project.root)
    return problems


def test_search_words_are_added_to_the_category_its_services_and_the_path(project):
    project.write(WORDS, HEADER + """sokeord:
  - ord: [HFU, ungdomshelsestasjon]
    skrivefeil: [helsestasjn]
    kategorier: [helsestasjon-for-ungdom]
  - ord: [lurer, spørsmål]
    veivisere: [test-sti]
""")
    pages = render_site(load_catalogue(project.root))
    line = "Andre ord folk søker med: HFU, ungdomshelsestasjon</p>"
    assert line in pages["kategorier/helsestasjon-for-ungdom.md"]
    assert line in pages["tjenester/hfu-nordby.md"]
    assert "ungdomshelsestasjon" not in pages["tjenester/familieteamet-nordby.md"]
    assert "Andre ord folk søker med: lurer, spørsmål</p>" in pages["veivisere/test-sti/index.md"]
    later_steps = [text for path, text in pages.items() if path.startswith("veivisere/test-sti/") and
                   path != "veivisere/test-sti/index.md"]
    assert later_steps and not any("Andre ord folk søker med" in text for text in later_steps)
    # Misspellings: searchable metadata of the overview page only, never shown.
    assert 'data-pagefind-meta="skrivefeil">helsestasjn</span>' in pages["kategorier/helsestasjon-for-ungdom.md"]
    assert "helsestasjn" not in pages["tjenester/hfu-nordby.md"]


def test_no_words_file_no_words_line(project):
    pages = render_site(load_catalogue(project.root))
    assert not any("Andre ord folk søker med" in text for text in pages.values())


def test_unknown_category_and_path_in_the_words_file_name_file_line_field_and_a_suggestion(project):
    problems = _problems(project, """sokeord:
  - ord: [helsesøster]
    kategorier: [helsestasjon-for-ungdom, helsestasjon-for-ungdomm]
  - ord: [lurer]
    veivisere: [test-stii]
""")
    assert [(p.file, p.line, p.field, p.kind) for p in problems] == [
        (WORDS, 4, "sokeord[1].kategorier[2]", "unknown_category"),
        (WORDS, 6, "sokeord[2].veivisere[1]", "unknown_journey"),
    ]
    category, path = problems
    assert "helsestasjon-for-ungdomm" in category.message and "Mente du «helsestasjon-for-ungdom»" in category.message
    assert "familiestotte" in category.hint
    assert "test-stii" in path.message and "Mente du «test-sti»" in path.message
    assert "test-sti" in path.hint
    assert "services/sokeord.yml:6:" in path.format()


def test_words_that_lead_nowhere_or_are_too_long_are_problems(project):
    problems = _problems(project, f"""sokeord:
  - ord: [helsesøster]
  - ord: [{"veldig " * 12}lang]
    kategorier: [akutt]
  - ord: []
    kategorier: [akutt]
""")
    found = {(p.line, p.field, p.kind) for p in problems}
    assert (3, "sokeord[1].kategorier", "sokeord_uten_mal") in found
    assert (4, "sokeord[2].ord[1]", "sokeord_for_langt") in found
    assert (6, "sokeord[3].ord", "too_short") in found
    assert all(p.file == WORDS and p.message for p in problems)


def test_a_broken_path_file_is_no_unknown_path_in_the_words_file(project):
    project.replace("journeys/test-sti.yml", "tittel: Jeg lurer på noe", "tittel: ")
    problems = _problems(project, """sokeord:
  - ord: [lurer]
    veivisere: [test-sti]
""")
    assert problems and not any(p.file == WORDS for p in problems), [p.format() for p in problems]


def test_the_shipped_words_point_only_to_categories_and_paths_that_exist(catalogue):  # noqa: F811
    words = catalogue.search_words
    assert words.by_category and words.by_journey, "services/sokeord.yml is missing or empty"
    assert set(words.by_category) <= {c.id for c in catalogue.categories}
    assert set(words.by_journey) <= {j.id for j in catalogue.journeys}


# --------------------------------------------------------------------------- in the browser

@pytest.fixture
def site_page(open_context):  # noqa: F811
    context, recorder = open_context()
    page = context.new_page()
    page.goto("./")
    yield page
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"


def _urls(page, query: str, filters: dict | None = None) -> list[str]:
    return page.evaluate("""async ([query, filters]) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(query, {filters});
      return (await Promise.all(search.results.map(result => result.data()))).map(data => data.url);
    }""", [query, filters or {}])


@pytest.mark.browser
def test_search_evaluation_finds_the_right_door(site_page):
    cases = search_eval.load_cases()
    assert len(cases) >= 40
    outcomes = search_eval.run(site_page, cases)
    table = search_eval.format_table(outcomes)
    print("\n" + table)
    unanswered = [o.case.query for o in outcomes if not o.total]
    assert not unanswered, f"queries with no result at all: {unanswered}\n{table}"
    assert search_eval.rate(outcomes, 3) >= search_eval.FLOOR, table


@pytest.mark.browser
@pytest.mark.parametrize("forms", [("skole", "skolen", "skoler"), ("barn", "barnet", "barna")])
def test_norwegian_stemming_finds_the_same_pages_for_every_form(site_page, forms):
    found = {form: sorted(_urls(site_page, form)) for form in forms}
    first = found[forms[0]]
    assert first, f"{forms[0]!r} finds nothing"
    assert all(urls == first for urls in found.values()), {f: len(u) for f, u in found.items()}
    if forms[0] == "skole":
        assert "/veivisere/barnet-nekter-skolen/" in first


@pytest.mark.browser
def test_filters_by_bydel_audience_and_kind_of_help(site_page, catalogue):  # noqa: F811
    filters = site_page.evaluate("""async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      return await pagefind.filters();
    }""")
    assert set(filters) == {"Bydel", "For hvem", "Type hjelp"}, filters
    assert set(filters["Bydel"]) == {a.navn for a in catalogue.bydeler}
    assert {"Foreldre", "Unge", "Fastleger og fagpersoner"} <= set(filters["For hvem"])
    assert set(filters["Type hjelp"]) == {c.navn for c in catalogue.categories}

    bydel = catalogue.bydeler[0]
    own = {f"/tjenester/{s.id}/" for s in bydel.services} | {f"/bydeler/{bydel.id}/", f"/fagpersoner/{bydel.id}/"}
    # Shared services that serve the bydel (BUP for some bydeler, the legevakt for all) stay in its filter.
    shared = {f"/tjenester/{s.id}/" for a in catalogue.shared_areas for s in a.services
              if s.bydeler is None or bydel.id in s.bydeler}
    found = set(_urls(site_page, None, {"Bydel": bydel.navn}))
    assert found and found <= own | shared, sorted(found - own - shared)
    assert own <= found, sorted(own - found)
    assert shared <= found, sorted(shared - found)

    youth = set(_urls(site_page, None, {"For hvem": "Unge"}))
    assert {f"/tjenester/{s.id}/" for s in catalogue.services if "unge" in s.malgruppe.hvem} <= youth
    assert not {f"/tjenester/{s.id}/" for s in catalogue.services if "unge" not in s.malgruppe.hvem} & youth


@pytest.mark.browser
def test_result_titles_name_the_bydel_and_the_path(site_page, catalogue):  # noqa: F811
    # Fifteen pages are called «Oslohjelpa»: the search result says whose it is.
    titles = site_page.evaluate("""async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(null, {filters: {}});
      const pages = await Promise.all(search.results.map(result => result.data()));
      return Object.fromEntries(pages.map(page => [page.url, page.meta.title]));
    }""")
    for area in catalogue.bydeler:
        point = area.contact_point
        assert titles[f"/tjenester/{point.id}/"] == f"{point.navn} – {area.navn}"
    for journey in catalogue.journeys:
        assert titles[f"/veivisere/{journey.id}/"] == journey.tittel


@pytest.mark.browser
def test_search_page_helps_when_nothing_is_found(open_context, catalogue, artifacts):  # noqa: F811
    context, recorder = open_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("sok/?q=xqzvyk")
    expect(page.locator(".pagefind-ui__message")).to_contain_text("Fant ingenting", timeout=15_000)
    help_box = page.locator("#sok-hjelp")
    expect(help_box).to_be_visible()
    page.screenshot(path=str(artifacts / "sok-ingen-treff.png"), full_page=True)
    # Under the search box and its message, not above it.
    assert help_box.bounding_box()["y"] > page.locator(".pagefind-ui__message").bounding_box()["y"]
    text = " ".join(help_box.inner_text().split())
    for line in catalogue.emergency_lines:
        assert format_phone(line.kontakt.telefon.verdi) in text
    for journey in catalogue.journeys:
        expect(help_box.get_by_role("link", name=journey.tittel, exact=True)).to_be_visible()
    for area in catalogue.bydeler:
        expect(help_box.get_by_role("link", name=area.navn, exact=True)).to_be_visible()
    expect(help_box.get_by_role("link", name="Hvilken bydel bor jeg i?")).to_be_visible()

    # Results hide the help; an empty box shows it again.
    field = page.locator(".pagefind-ui__search-input")
    field.fill("helsestasjon")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
    expect(help_box).to_be_hidden()
    field.fill("")
    expect(help_box).to_be_visible()

    page.goto("sok/")
    expect(page.locator("#sok-hjelp")).to_be_visible()
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"


@pytest.mark.browser
def test_search_page_without_javascript_shows_the_help(browser, base_url, catalogue):  # noqa: F811
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("sok/?q=xqzvyk")
        help_box = page.locator("#sok-hjelp")
        expect(help_box).to_be_visible()
        expect(help_box.get_by_role("link", name=catalogue.bydeler[0].navn, exact=True)).to_be_visible()
        assert re.search(r"\b113\b", help_box.inner_text())
    finally:
        context.close()
