"""The editors' guides for journeys/ («Slik endrer du veiviserne») and for services/sokeord.yml and
services/kriseord.yml («Slik endrer du søkeordene og kriseordene»), in the repository and on the site, and the
picture of each path for editors (/redaktorer/veivisere/<id>/): every model field listed, the committed files up to
date, their examples accepted by the check, and each path drawn once, step by step, with real links."""
from __future__ import annotations

import dataclasses
import re
import shutil

import pytest

from generator.site.field_guide import model_paths
from generator.site.guide import (JOURNEY_EXAMPLE_FILE, JOURNEYS_GUIDE, SERVICES_GUIDE, WORDS_EXAMPLE_PROBLEM,
                                  WORDS_GUIDE, journey_guide_context, render_repo_guide, words_guide_context)
from generator.site.render import render_site
from generator.models.crisis_words import Kriseordfil
from generator.models.journeys import Veiviser
from generator.models.search_words import Sokeordfil
from generator.check.pipeline import check, load_catalogue
from generator.check.problems import messages
from generator.views.journey_map import journey_map, map_url
from tests.conftest import FIXTURE_CATALOGUE, ROOT
from tests.guide_checks import guide_paths, undescribed_fields
from tests.update_golden import GOLDEN_TODAY, rendered_fixture

GUIDE_MODELS = [(JOURNEYS_GUIDE, (Veiviser,)), (WORDS_GUIDE, (Sokeordfil, Kriseordfil))]


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


@pytest.fixture
def shipped_copy(tmp_path_factory):
    """A copy of the shipped catalogue (services/ and journeys/) to change on purpose."""
    root = tmp_path_factory.mktemp("shipped")
    for folder in ("services", "journeys"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


# --------------------------------------------------------------------------- the guides themselves

@pytest.mark.parametrize("guide", [JOURNEYS_GUIDE, WORDS_GUIDE], ids=lambda g: str(g.repo_file))
def test_the_committed_guide_is_up_to_date(guide):
    committed = (ROOT / guide.repo_file).read_text(encoding="utf-8")
    assert committed == render_repo_guide(guide), f"{guide.repo_file} is out of date: run `make schema` and commit"


@pytest.mark.parametrize("where", ["repo", "site"])
@pytest.mark.parametrize("guide, models", GUIDE_MODELS, ids=["veivisere", "sokeord"])
def test_every_model_field_is_in_the_guide(guide, models, where):
    text = render_repo_guide(guide) if where == "repo" else rendered_fixture()[guide.site_page]
    listed = guide_paths(text)
    for model in models:
        missing = sorted(model_paths(model) - listed)
        assert not missing, f"fields of {model.__name__} missing from {guide.repo_file} ({where}): {missing}"


def test_every_field_has_a_description_for_the_guides_and_the_schemas():
    missing = undescribed_fields(Veiviser, Sokeordfil, Kriseordfil)
    assert not missing, f"fields without description (the guides and VS Code show it): {missing}"


def _first_words(kind: str) -> str:
    return messages()[kind]["melding"].split("{")[0].strip("'« ")


def test_the_journey_guide_lists_every_message_about_paths_in_its_real_wording():
    text = render_repo_guide(JOURNEYS_GUIDE).replace("&#34;", '"')
    kinds = [k for k in messages() if k.startswith("journey_")]
    assert len(kinds) >= 5
    for kind in kinds + ["unknown_category", "ingen_a_ringe", "too_short", "too_long"]:
        assert _first_words(kind) in text, kind


def test_the_words_guide_lists_every_message_about_words_in_its_real_wording():
    text = render_repo_guide(WORDS_GUIDE).replace("&#34;", '"')
    kinds = [k for k in messages() if k.startswith(("sokeord_", "kriseord_"))]
    assert len(kinds) >= 4
    for kind in kinds + ["unknown_category", "unknown_journey", "unknown_bydel"]:
        assert _first_words(kind) in text, kind


def test_the_old_journeys_readme_is_gone():
    text = (ROOT / "journeys" / "README.md").read_text(encoding="utf-8")
    assert "Her kommer veiviserne" not in text
    assert text.startswith("<!-- Lages av `python -m generator schema`")


# --------------------------------------------------------------------------- their examples, through the check

def _example_path() -> str:
    return _yaml_blocks(render_repo_guide(JOURNEYS_GUIDE))[0]


def test_the_journey_guides_example_passes_the_check_in_the_fixture_and_the_shipped_catalogue(project, shipped_copy):
    example = _example_path()
    assert example.startswith("# yaml-language-server: $schema=schema/veiviser.schema.json\nid: eksempel\n")
    for root in (project.root, shipped_copy):
        (root / JOURNEY_EXAMPLE_FILE).write_text(example, encoding="utf-8")
        catalogue, problems = check(root)
        assert problems == [], [p.format() for p in problems]
        assert "eksempel" in [j.id for j in catalogue.journeys]


def test_the_journey_guides_typo_gives_exactly_the_message_it_shows(project):
    example = _example_path()
    assert example.count("neste: ungdom\n") == 1
    project.write(JOURNEY_EXAMPLE_FILE, example.replace("neste: ungdom\n", "neste: ungdm\n"))
    _, problems = check(project.root)
    shown = journey_guide_context("repo")["example_problem"]
    assert shown in [p.format() for p in problems], [p.format() for p in problems]
    assert shown in render_repo_guide(JOURNEYS_GUIDE)
    assert sorted(p.kind for p in problems) == ["journey_unknown_step", "journey_unreachable"]


def test_the_words_guides_examples_pass_the_check(shipped_copy):
    search, crisis = _yaml_blocks(render_repo_guide(WORDS_GUIDE))
    (shipped_copy / "services" / "sokeord.yml").write_text("sokeord:\n" + search, encoding="utf-8")
    crisis_file = shipped_copy / "services" / "kriseord.yml"
    crisis_file.write_text(crisis_file.read_text(encoding="utf-8").split("\nkriseord:\n")[0] + "\n" + crisis,
                           encoding="utf-8")
    catalogue, problems = check(shipped_copy)
    assert problems == [], [p.format() for p in problems]
    assert "Løkka" in catalogue.search_words.by_bydel["grunerlokka"].shown
    assert "selvmordstank*" in catalogue.crisis_words.expressions


def test_a_group_without_a_target_gives_the_message_the_words_guide_shows(shipped_copy):
    file, _, _, field, kind = WORDS_EXAMPLE_PROBLEM
    path = shipped_copy / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nsokeord:\n", "\nsokeord:\n  - ord: [Løkka]\n", 1), encoding="utf-8")
    _, problems = check(shipped_copy)
    assert [(p.file, p.field, p.kind) for p in problems] == [(file, field, kind)], [p.format() for p in problems]
    shown = words_guide_context("repo")["example_problem"]
    assert shown.split(": ", 1)[1] == problems[0].format().split(": ", 1)[1]  # the same words, wherever the line


# --------------------------------------------------------------------------- the guides on the site

def test_the_new_guides_are_linked_from_the_editors_page_and_each_other():
    pages = rendered_fixture()
    editors = pages[SERVICES_GUIDE.site_page]
    assert "[Slik endrer du veiviserne](veivisere/)" in editors
    assert "[Slik endrer du søkeordene og kriseordene](sokeord/)" in editors
    assert "[Slik oppdaterer du bydelens tjenester](../)" in pages[JOURNEYS_GUIDE.site_page]
    assert "[Slik endrer du veiviserne](../veivisere/)" in pages[WORDS_GUIDE.site_page]
    for guide in (JOURNEYS_GUIDE, WORDS_GUIDE):
        assert "\nindekser: false\n" in pages[guide.site_page], "editors' pages stay out of the public search"
    repo = render_repo_guide(SERVICES_GUIDE)
    assert "(../journeys/README.md)" in repo and "(SOKEORD.md)" in repo


def test_the_journey_guide_on_the_site_links_the_map_of_every_path():
    pages = rendered_fixture()
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    for journey in catalogue.journeys:
        assert f'<a href="{journey.id}/">{journey.tittel}</a>' in pages[JOURNEYS_GUIDE.site_page]
        assert map_url(journey) + "index.md" in pages


# --------------------------------------------------------------------------- the picture of a path

def _drawn(text: str) -> list[str]:
    return re.findall(r'<div class="hn-kart-steg [^"]+" id="steg-([a-z0-9-]+)">', text)


def test_every_step_is_drawn_once_with_its_answers_and_a_link_to_its_page():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    pages = rendered_fixture()
    for journey in catalogue.journeys:
        text = pages[map_url(journey) + "index.md"]
        assert sorted(_drawn(text)) == sorted(s.id for s in [*journey.sporsmal, *journey.utfall])
        for question in journey.sporsmal:
            assert f'<span class="hn-kart-type">Spørsmål:</span> {question.sporsmal}</h' in text
            for answer in question.svar:
                assert f"Svar: «{answer.tekst}»" in text
        assert text.count("Se siden<span") == len(journey.sporsmal) + len(journey.utfall)
        assert '<a href="../../../veivisere/test-sti/">Jeg lurer på noe</a>' in text
        assert "<script" not in text


def test_an_outcome_shows_its_title_its_categories_and_where_ring_forst_begins():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    text = rendered_fixture()["redaktorer/veivisere/test-sti/index.md"]
    outcome = next(o for o in catalogue.journeys[0].utfall if o.id == "ungdom")
    block = text.split('id="steg-ungdom">', 1)[1].split("</dl>", 1)[0]
    assert f"<span class=\"hn-kart-type\">Utfall:</span> {outcome.tittel}</h" in block
    for category_id in outcome.kategorier:
        name = catalogue.category(category_id).navn
        assert f'<a href="../../../kategorier/{category_id}/">{name}</a> (<code>{category_id}</code>)' in block
    assert "<dt>«Ring først» leter først hos</dt>" in block
    assert catalogue.ladder[0] == "kontaktpunkt" and "bydelens kontaktpunkt" in block


def _converging_path(catalogue):
    """test-sti with a third answer to the first question that leads to a question already drawn, and an outcome
    with its own «Ring først» order."""
    data = catalogue.journeys[0].model_dump(exclude_none=True)
    data["sporsmal"][0]["svar"].append({"tekst": "Vet ikke", "neste": "alder"})
    data["utfall"][0]["ring_forst"] = ["byen", "landet"]
    return Veiviser.model_validate(data)


def test_an_answer_to_a_step_already_drawn_links_to_it_instead_of_repeating_it():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    path = _converging_path(catalogue)
    start = journey_map(catalogue, path).start
    again = start.branches[2].leads_to
    assert again.node.id == "alder" and again.drawn_above and again.branches == []
    assert start.branches[1].leads_to.node.id == "alder" and not start.branches[1].leads_to.drawn_above

    pages = render_site(dataclasses.replace(catalogue, journeys=[path]), today=GOLDEN_TODAY)
    text = pages[map_url(path) + "index.md"]
    assert _drawn(text).count("alder") == 1
    assert text.count("Hvor gammel er barnet?</h") == 1
    assert ('<p class="hn-kart-lenke">Fører til <a href="#steg-alder">spørsmålet «Hvor gammel er barnet?»</a>, '
            "som står lenger opp.</p>") in text
    ring_na = text.split('id="steg-ring-na">', 1)[1].split("</dl>", 1)[0]
    assert "tjenestene for hele Oslo (utfallets egen rekkefølge: <code>ring_forst: [byen, landet]</code>)" in ring_na


def test_headings_nest_with_the_path_and_stop_at_h6():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    text = rendered_fixture()["redaktorer/veivisere/test-sti/index.md"]
    assert re.search(r"<h2 class=\"hn-kart-tittel\">.*Er noen i fare nå\?</h2>", text)
    assert re.search(r"<h3 class=\"hn-kart-tittel\">.*Hvor gammel er barnet\?</h3>", text)
    assert re.search(r"<h4 class=\"hn-kart-tittel\">.*Helsestasjon for ungdom</h4>", text)
    assert journey_map(catalogue, catalogue.journeys[0]).start.depth == 0


def test_the_shipped_paths_have_maps_that_are_built(built_site):
    catalogue = load_catalogue(ROOT)
    guide = (built_site / "redaktorer" / "veivisere" / "index.html").read_text(encoding="utf-8")
    assert "Slik endrer du veiviserne" in guide and "data-pagefind-body" not in guide
    for journey in catalogue.journeys:
        html = (built_site / map_url(journey) / "index.html").read_text(encoding="utf-8")
        assert f"Kart over veiviseren «{journey.tittel}»" in html.replace("&laquo;", "«").replace("&raquo;", "»")
        assert '<meta name="hn-sidetype" content="veiviser_kart">' in html
        assert "data-pagefind-body" not in html
        assert f'href="{journey.id}/"' in guide
    words = (built_site / "redaktorer" / "sokeord" / "index.html").read_text(encoding="utf-8")
    assert "Slik endrer du søkeordene og kriseordene" in words and words.count("<table>") >= 4
