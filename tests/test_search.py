"""Search that finds the right door: the search words (services/sokeord.yml), their check, the evaluation set
(tests/search_eval.yml) run in chromium against the built Pagefind index, Norwegian stemming, the filters,
and the help the search page shows when nothing is found."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from generator.check.pipeline import check, load_catalogue
from generator.site.render import format_phone, render_site
from tests import search_eval
from generator.catalogue.places import places
from generator.site.search_folding import OTHER_FOLD, QUERY_FOLD, fold
from tests.browser import RESULT_LINKS, wait_for_search

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
@pytest.mark.parametrize("name", list(search_eval.SETS))
def test_search_evaluation_finds_the_right_door(site_page, name):
    cases = search_eval.load_cases(search_eval.SETS[name])
    assert len(cases) >= (120 if name == "test" else 40)
    outcomes = search_eval.run(site_page, cases)
    table = search_eval.format_table(outcomes, search_eval.FLOORS[name])
    print("\n" + search_eval.summary(name, outcomes))
    unanswered = [o.case.query for o in outcomes if not o.total]
    assert not unanswered, f"queries with no result at all: {unanswered}\n{table}"
    assert search_eval.rate(outcomes, 3) >= search_eval.FLOORS[name], table


def _first_answers(page, queries: list[str]) -> dict[str, list[str]]:
    cases = [search_eval.Case(query, []) for query in queries]
    return {o.case.query: o.found for o in search_eval.run(page, cases)}


def _as_typed_without(name: str) -> list[str]:
    """The ways a name is typed on a keyboard without æ, ø and å (generator/site/search_folding.py)."""
    lower = name.lower()
    return sorted({lower.translate(QUERY_FOLD), lower.translate(OTHER_FOLD)} - {lower})


@pytest.mark.browser
def test_every_bydel_and_neighbourhood_finds_its_bydel_page_first_in_every_spelling(site_page, catalogue):  # noqa: F811
    wanted = {}
    for area in catalogue.bydeler:
        wanted[area.navn.removeprefix("Bydel ").lower()] = f"bydeler/{area.id}/"
    for place in places(catalogue.bydeler):
        wanted[place.name.lower()] = f"bydeler/{place.bydel_id}/"
    assert len(wanted) > 100
    queries = {query: page for name, page in wanted.items() for query in [name] + _as_typed_without(name)}
    found = _first_answers(site_page, list(queries))
    wrong = {q: (queries[q], found[q][:2]) for q in queries if not found[q] or found[q][0] != queries[q]}
    assert not wrong, wrong


@pytest.mark.browser
def test_the_browser_folds_a_query_as_the_index_does(site_page):
    samples = ["Søndre Nordstrand", "DÆLENENGA", "Grünerløkka", "Kjelsås", "helsesøster", "Hasle-Løren 12"]
    folded = site_page.evaluate("""async (samples) => {
      const motor = await import('/assets/sok/motor.js');
      return samples.map(text => motor.fold(text));
    }""", samples)
    assert folded == [fold(text) for text in samples]


# Queries about the subject that are not someone in danger: they must not show the crisis box.
NOT_A_CRISIS = ["selvmordsforebygging kurs", "kurs i selvmordsforebygging", "leve med adhd", "døgnåpen legevakt",
                "overdosering av paracet", "skade på skolen", "kuttet håret", "ta livet lettere", "dø av latter"]


def _crisis_examples(expression: str) -> list[str]:
    """An expression as a person in danger might type it: alone, inside a sentence, without æøå, in capitals."""
    words = [w[:-1] + "er" if w.endswith("*") else w for w in expression.split()]
    phrase = " ".join(words)
    return [phrase, f"jeg {phrase} nå", phrase.upper(), *[f"hjelp {p}" for p in _as_typed_without(phrase)]]


@pytest.mark.browser
def test_every_crisis_word_shows_the_help_box_and_ordinary_queries_do_not(site_page, catalogue):  # noqa: F811
    expressions = catalogue.crisis_words.expressions
    assert expressions, "services/kriseord.yml is missing or empty"
    examples = {example: expression for expression in expressions for example in _crisis_examples(expression)}
    matched = site_page.evaluate("""async (queries) => {
      const motor = await import('/assets/sok/motor.js');
      const config = await (await fetch('/sok/oppsett.json')).json();
      return queries.map(query => motor.crisisMatch(query, config.kriseord));
    }""", list(examples) + NOT_A_CRISIS)
    missed = [q for q, hit in zip(examples, matched) if not hit]
    false_alarms = [q for q, hit in zip(NOT_A_CRISIS, matched[len(examples):]) if hit]
    assert not missed, missed
    assert not false_alarms, false_alarms


def _search_on_page(page, query: str):
    page.goto(f"sok/?q={quote(query)}")
    wait_for_search(page)


@pytest.mark.browser
def test_the_crisis_box_comes_first_with_the_numbers(open_context, catalogue, artifacts):  # noqa: F811
    context, recorder = open_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    expression = next(e for e in catalogue.crisis_words.expressions if "*" not in e and len(e.split()) > 1)
    _search_on_page(page, f"jeg {expression}")
    page.screenshot(path=str(artifacts / "sok-krise-390px.png"), full_page=True)
    box = page.locator("#sok-krise")
    expect(box).to_be_visible()
    text = " ".join(box.inner_text().split())
    for line in catalogue.emergency_lines + catalogue.help_lines:
        assert format_phone(line.kontakt.telefon.verdi) in text, line.navn
    # Above every result, and the first number is on the first screen.
    first_number = box.locator("a.hn-telefon").first
    assert first_number.bounding_box()["y"] + first_number.bounding_box()["height"] <= 844
    results = page.locator(RESULT_LINKS)
    if results.count():
        assert results.first.bounding_box()["y"] > box.bounding_box()["y"]
    # Never the «try another word» examples to someone in danger.
    expect(page.locator("#sok-hjelp")).to_be_hidden()
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"


@pytest.mark.browser
def test_a_neighbourhood_says_where_it_is(open_context, catalogue):  # noqa: F811
    context, _ = open_context()
    page = context.new_page()
    place = next(p for p in places(catalogue.bydeler) if p.official and any(c in p.name for c in "æøå"))
    area = next(a for a in catalogue.bydeler if a.id == place.bydel_id)
    _search_on_page(page, place.name.lower().translate(QUERY_FOLD))
    box = page.locator("#sok-sted")
    expect(box).to_have_text(f"{place.name} ligger i {area.navn}.")
    expect(box.get_by_role("link", name=area.navn)).to_have_attribute("href", f"/bydeler/{area.id}/")
    expect(page.locator(RESULT_LINKS).first).to_have_attribute("href", f"/bydeler/{area.id}/")


@pytest.mark.browser
def test_a_word_with_a_letter_dropped_is_corrected_and_says_so(open_context, catalogue):  # noqa: F811
    context, _ = open_context()
    page = context.new_page()
    # The first long word of a category's name, one letter dropped by a fixed rule: its middle letter.
    word = next(w for c in catalogue.categories for w in c.navn.lower().split() if len(w) >= 8 and w.isalpha())
    typo = word[:len(word) // 2] + word[len(word) // 2 + 1:]
    _search_on_page(page, typo)
    meant = page.locator("#sok-mente")
    expect(meant).to_contain_text(f"Mente du «{word}»?")
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    # The reader can still search for exactly what they typed.
    meant.get_by_role("link").click()
    wait_for_search(page)
    expect(page.locator("#sok-mente")).to_be_hidden()
    assert page.locator("#sok-felt").input_value() == typo


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_the_first_result_shows_without_scrolling(open_context, catalogue, viewport, artifacts):  # noqa: F811
    context, _ = open_context(viewport=viewport)
    page = context.new_page()
    _search_on_page(page, catalogue.categories[0].navn)
    page.screenshot(path=str(artifacts / f"sok-{viewport['width']}px.png"))
    first = page.locator("#sok-treff li").first
    box = first.bounding_box()
    assert box["y"] + box["height"] <= viewport["height"], box
    # One search field on the search page: the header's is left out.
    assert page.locator("input[type=search]").count() == 1
    expect(page.locator("#sok-filter")).not_to_have_attribute("open", "")


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
    _search_on_page(page, "xqzvyk")
    expect(page.locator("#sok-status")).to_contain_text("Fant ingenting")
    help_box = page.locator("#sok-hjelp")
    expect(help_box).to_be_visible()
    expect(page.locator("#sok-krise")).to_be_hidden()
    page.screenshot(path=str(artifacts / "sok-ingen-treff.png"), full_page=True)
    # Under the search box and its message, not above it.
    assert help_box.bounding_box()["y"] > page.locator("#sok-status").bounding_box()["y"]
    text = " ".join(help_box.inner_text().split())
    for line in catalogue.emergency_lines:
        assert format_phone(line.kontakt.telefon.verdi) in text
    for journey in catalogue.journeys:
        expect(help_box.get_by_role("link", name=journey.tittel, exact=True)).to_be_visible()
    for area in catalogue.bydeler:
        expect(help_box.get_by_role("link", name=area.navn, exact=True)).to_be_visible()
    expect(help_box.get_by_role("link", name="Hvilken bydel bor jeg i?")).to_be_visible()

    # Results hide the help; an empty box shows it again.
    field = page.locator("#sok-felt")
    field.fill("helsestasjon")
    page.locator(RESULT_LINKS).first.wait_for(timeout=15_000)
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


@pytest.mark.browser
def test_a_word_spelt_as_the_site_spells_it_is_never_corrected(site_page):
    found = site_page.evaluate("""async () => {
      const motor = await import('/assets/sok/motor.js');
      return [motor.nearest('sonnen', ['sinne', 'sonnen']), motor.nearest('helsesoter', ['helsesoster', 'helse']),
              motor.nearest('abc', ['xyz'])];
    }""")
    assert found == [None, 0, None]
