"""Search without æ, ø and å, and the words around the index: folded copies at the weight of what they copy,
neighbourhood names by rule, the search page's configuration, and the crisis words' check."""
from __future__ import annotations

import json

from generator.catalogue.places import everyday_names, places
from generator.check.pipeline import check, load_catalogue
from generator.site.search_config import CONFIG_FILE, VOCABULARY_FILE, search_assets, words
from generator.site.search_folding import BODY_END, MARK, add_folded_spellings, folded_block, spellings

CRISIS = "services/kriseord.yml"


def test_spellings_are_what_a_keyboard_without_the_letters_gives():
    assert spellings("Søndre") == ["sondre"]
    assert spellings("Dælenenga") == ["daelenenga", "dalenenga"]
    assert spellings("Kjelsås") == ["kjelsaas"]  # Pagefind folds å→a itself
    assert spellings("Grünerløkka") == ["grunerlokka"]
    assert spellings("Sagene") == []


def test_folded_copies_keep_the_weight_of_the_text_they_copy():
    block = folded_block('<h1>Bydel Søndre Nordstrand</h1><p data-pagefind-weight="10">Bjørndal, Holmlia</p>'
                         '<p>Tekst på bokmål. <strong>Sterk søster</strong></p>'
                         '<span data-pagefind-ignore>skjult ønske</span>'
                         '<span hidden data-pagefind-ignore data-pagefind-meta="bydelsside">Bydel Østensjø</span>')
    assert f'<span hidden data-pagefind-weight="10">{MARK} bjorndal</span>' in block
    assert f'<span hidden data-pagefind-weight="7">{MARK} sondre</span>' in block
    assert f'<span hidden>{MARK} paa bokmaal soster</span>' in block
    assert "onske" not in block  # ignored by Pagefind: not copied either
    assert '<span hidden data-pagefind-ignore data-pagefind-meta="bydelsside-foldet">ostensjo</span>' in block


def test_only_pages_with_the_indexed_part_get_copies():
    page = f'<header>Søk</header><div data-pagefind-body><h1>Grønland</h1>{BODY_END}</div><footer>Bjørn</footer>'
    done = add_folded_spellings(page)
    assert BODY_END not in done and "gronland" in done and "bjorn" not in done
    assert add_folded_spellings("<p>Grønland</p>") == "<p>Grønland</p>"


def test_everyday_names_by_rule():
    assert everyday_names("Majorstuen nord") == ["Majorstuen"]
    assert everyday_names("Nedre Tøyen") == ["Tøyen"]
    assert everyday_names("Hasle-Løren") == ["Hasle", "Løren"]
    assert everyday_names("Ullevål hageby") == []


def test_every_neighbourhood_of_the_data_leads_to_one_bydel(catalogue):  # noqa: F811
    found = places(catalogue.bydeler)
    names = [p.name for p in found]
    assert len(names) == len(set(names))
    bydel_ids = {a.id for a in catalogue.bydeler}
    assert {p.bydel_id for p in found} <= bydel_ids
    own_names = {a.navn.removeprefix("Bydel ").casefold() for a in catalogue.bydeler}
    assert not {n.casefold() for n in names} & own_names
    assert "Marka" not in names
    assert next(p.bydel_id for p in found if p.name == "Sentrum") == "st-hanshaugen"


def test_the_search_page_configuration_is_folded(catalogue):  # noqa: F811
    assets = search_assets(catalogue)
    config = json.loads(assets[CONFIG_FILE])
    assert "jeg" in config["stoppord"] and "min" in config["stoppord"]
    assert all(word == " ".join(words(word)) for word in config["stoppord"])
    assert all(not set(key) & set("æøü") for key in [*config["steder"], *config["bydeler"]])
    assert len(config["kriseord"]) == len(catalogue.crisis_words.expressions)
    assert "nodnumre/" in config["krisesider"]
    vocabulary = json.loads(assets[VOCABULARY_FILE])["ord"]
    assert len(vocabulary) == len(set(vocabulary)) and all(len(w) >= 4 and w.isalpha() for w in vocabulary)


def test_bad_crisis_words_name_file_line_and_what_to_write(project):
    project.write(CRISIS, """kilder:
  - navn: Testkilde
kriseord:
  - vil ikke leve
  - jeg vil ikke leve mer i det hele tatt
  - selv*mord
""")
    _, problems = check(project.root)
    found = {(p.file, p.line, p.field, p.kind) for p in problems}
    assert (CRISIS, 5, "kriseord[2]", "kriseord_for_langt") in found
    assert (CRISIS, 6, "kriseord[3]", "kriseord_stjerne") in found
    assert all(p.message and p.hint for p in problems if p.file == CRISIS)


def test_a_search_word_for_an_unknown_bydel_is_a_problem(project):
    project.write("services/sokeord.yml", """sokeord:
  - ord: [Løkka]
    bydeler: [nordbyy]
""")
    _, problems = check(project.root)
    assert [(p.line, p.field, p.kind) for p in problems] == [(3, "sokeord[1].bydeler[1]", "unknown_bydel")]
    assert "Mente du «nordby»" in problems[0].message


def test_search_words_for_a_bydel_are_on_its_page(project):
    project.write("services/sokeord.yml", """sokeord:
  - ord: [Nordbyen]
    bydeler: [nordby]
""")
    from generator.site.render import render_site
    pages = render_site(load_catalogue(project.root))
    assert "Andre ord folk søker med: Nordbyen</p>" in pages["bydeler/nordby.md"]
