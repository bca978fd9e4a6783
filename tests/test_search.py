"""Search that finds the right door: the search words (services/sokeord.yml) and their check."""
from __future__ import annotations

from generator.pipeline import check, load_catalogue
from generator.render import render_site
from tests.test_browser import catalogue  # noqa: F401 (fixture)

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
