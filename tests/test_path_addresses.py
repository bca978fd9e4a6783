"""A guided path's addresses are made of answer ids (generator/views/paths.py): reordering answers moves no
page, every address made of answer indexes (as before) sends the reader on, and no two pages share an address."""
from __future__ import annotations

import posixpath

import pytest
import yaml
from markupsafe import escape

from generator.check.pipeline import check, load_catalogue
from generator.models.journeys import Sporsmal
from generator.site.files import site_files
from generator.site.render import render_site
from generator.views.paths import visits
from generator.views.redirects import redirects
from tests.conftest import ROOT

PATH = "journeys/test-sti.yml"


def front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n", 2)[1])


def live_path_pages(pages: dict[str, str]) -> set[str]:
    """The guided paths' own pages (not the pages that send on)."""
    return {path for path, text in pages.items()
            if path.startswith("veivisere/") and front_matter(text)["sidetype"] != "omdirigering"}


def index_addresses(journey) -> list[tuple[str, object]]:
    """Every (address, step) the path had when addresses were answer indexes counted from 1, joined by «-»
    (/veivisere/x/2-1/): worked out here from the path itself, not by the code under test."""
    steps = {s.id: s for s in [*journey.sporsmal, *journey.utfall]}
    found = []

    def walk(step_id: str, indexes: tuple[int, ...]) -> None:
        step = steps[step_id]
        if indexes:
            found.append((f"veivisere/{journey.id}/" + "-".join(str(i + 1) for i in indexes) + "/", step))
        if isinstance(step, Sporsmal):
            for index, answer in enumerate(step.svar):
                walk(answer.neste, indexes + (index,))

    walk(journey.start, ())
    return found


def reverse_every_question(project) -> None:
    doc = yaml.safe_load(project.read(PATH))
    for question in doc["sporsmal"]:
        question["svar"].reverse()
    project.write(PATH, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


def test_reordering_the_answers_moves_no_page(project):
    before_catalogue = load_catalogue(project.root)
    before = render_site(before_catalogue)
    before_steps = {v.url: v.node.id for j in before_catalogue.journeys for v in visits(j)}

    reverse_every_question(project)
    after_catalogue = load_catalogue(project.root)
    after = render_site(after_catalogue)
    after_steps = {v.url: v.node.id for j in after_catalogue.journeys for v in visits(j)}

    assert after_steps == before_steps, "an address now shows another step"
    assert live_path_pages(after) == live_path_pages(before)
    outcomes = [p for p in live_path_pages(after) if front_matter(after[p])["sidetype"] != "veiviser_sporsmal"]
    assert outcomes
    # The index addresses did change with the order (else the test reordered nothing).
    moved = {r.old_url: r.new_url for r in redirects(before_catalogue) if r.kind == "veiviser"}
    assert moved != {r.old_url: r.new_url for r in redirects(after_catalogue) if r.kind == "veiviser"}


def test_an_outcome_address_keeps_its_answer_ids_when_a_question_gets_a_new_answer(project):
    before = live_path_pages(render_site(load_catalogue(project.root)))
    project.replace(PATH, "    svar:\n      - tekst: Under 12 år\n",
                    "    svar:\n      - tekst: Vet ikke\n        neste: familie\n        id: vet-ikke\n"
                    "      - tekst: Under 12 år\n")
    after = live_path_pages(render_site(load_catalogue(project.root)))
    assert before < after
    assert "veivisere/test-sti/alder/vet-ikke/index.md" in after


@pytest.fixture(scope="module")
def shipped_files():
    catalogue = load_catalogue(ROOT)
    return catalogue, site_files(catalogue)


def test_every_old_index_address_of_the_shipped_paths_sends_on_to_the_same_page(shipped_files):
    catalogue, files = shipped_files
    live = live_path_pages(files)
    expected_type = {"question": "veiviser_sporsmal", "outcome": "veiviser_utfall",
                     "bydel": "veiviser_utfall_bydel", "print": "veiviser_utskrift"}
    failures, checked = [], 0
    for journey in catalogue.journeys:
        for old, step in index_addresses(journey):
            wanted = [(old, "question" if isinstance(step, Sporsmal) else "outcome", None)]
            if not isinstance(step, Sporsmal):
                for area in catalogue.bydeler:
                    wanted += [(f"{old}{area.id}/", "bydel", area), (f"{old}{area.id}/utskrift/", "print", area)]
            for url, kind, area in wanted:
                page = files.get(url + "index.md")
                if page is None:
                    failures.append(f"{url}: gone")
                    continue
                meta = front_matter(page)
                if meta["sidetype"] != "omdirigering":
                    # Only when an answer id is written like an old address: the page of today keeps it.
                    assert url + "index.md" in live, url
                    continue
                checked += 1
                assert meta["indekser"] is False, url
                target = posixpath.normpath(posixpath.join(url, meta["omdirigering"])) + "/"
                if target == url:
                    failures.append(f"{url}: sends to itself")
                    continue
                landing = files.get(target + "index.md")
                if landing is None or target + "index.md" not in live:
                    failures.append(f"{url} -> {target}: no page there")
                    continue
                if front_matter(landing)["sidetype"] != expected_type[kind]:
                    failures.append(f"{url} -> {target}: a {front_matter(landing)['sidetype']} page, not {kind}")
                text = step.sporsmal if isinstance(step, Sporsmal) else step.tittel
                if str(escape(text)) not in landing or (area is not None and str(escape(area.navn)) not in landing):
                    failures.append(f"{url} -> {target}: another step or bydel")
    assert not failures, f"{len(failures)} old addresses:\n" + "\n".join(failures[:30])
    assert checked, "the shipped paths have no old addresses to check"


def test_redirect_pages_are_plain_norwegian_and_not_indexed(shipped_files):
    _, files = shipped_files
    moved = [text for path, text in files.items() if path.endswith(".md")
             and front_matter(text)["sidetype"] == "omdirigering" and path.startswith("veivisere/")]
    assert moved
    for text in moved:
        assert front_matter(text)["indekser"] is False
        assert "Siden har fått ny adresse" in text or " heter nå " in text or " er slått sammen " in text


def _all_addresses(catalogue) -> list[str]:
    """Every page of the paths, and every page that sends on, as render_site writes them (a dict: a second
    page at one address would silently replace the first)."""
    urls = []
    for journey in catalogue.journeys:
        for visit in visits(journey):
            urls.append(visit.url)
            if visit.is_outcome:
                for area in catalogue.bydeler:
                    urls += [visit.bydel_url(area.id), visit.bydel_url(area.id) + "utskrift/"]
    return urls + [r.old_url for r in redirects(catalogue)]


@pytest.mark.parametrize("written", [
    # An answer id like a bydel id, or like utskrift: a question page has only answers below it.
    ("      - tekst: Nei\n        neste: alder\n", "      - tekst: Nei\n        neste: alder\n        id: nordby\n"),
    ("      - tekst: Nei\n        neste: alder\n", "      - tekst: Nei\n        neste: alder\n        id: utskrift\n"),
    # An answer id written like an old address: the page of today keeps the address, the old one is not sent on.
    ("      - tekst: Ja\n        neste: ring-na\n", "      - tekst: Ja\n        neste: ring-na\n        id: '2'\n"),
    ("      - tekst: Nei\n        neste: alder\n", "      - tekst: Nei\n        neste: alder\n        id: 2-1\n"),
], ids=["som-bydel", "som-utskrift", "som-gammel-adresse", "som-gammel-adresse-dypere"])
def test_no_two_pages_share_an_address_whatever_the_answer_ids(project, written):
    project.replace(PATH, *written)
    catalogue = load_catalogue(project.root)
    urls = _all_addresses(catalogue)
    assert len(urls) == len(set(urls)), sorted(u for u in set(urls) if urls.count(u) > 1)
    pages = render_site(catalogue)
    live = {v.url for j in catalogue.journeys for v in visits(j)}
    for redirect in redirects(catalogue):
        assert redirect.old_url not in live
        assert redirect.new_url + "index.md" in pages and redirect.old_url != redirect.new_url


def test_the_shipped_addresses_are_unique(shipped_files):
    catalogue, _ = shipped_files
    urls = _all_addresses(catalogue)
    assert len(urls) == len(set(urls))


def test_the_suggested_answer_id_passes_the_check(project):
    project.replace(PATH, "        neste: ungdom\n", "        neste: ungdom\n      - tekst: Vet ikke\n        neste: familie\n")
    _, problems = check(project.root)
    duplicate = [p for p in problems if p.kind == "journey_duplicate_answer"]
    assert len(duplicate) == 1, [p.format() for p in problems]
    suggestion = dict(duplicate[0].details)["forslag"]
    assert f"id: {suggestion}" in duplicate[0].format()
    project.replace(PATH, "      - tekst: Vet ikke\n        neste: familie\n",
                    f"      - tekst: Vet ikke\n        neste: familie\n        id: {suggestion}\n")
    catalogue, problems = check(project.root)
    assert problems == [], [p.format() for p in problems]
    assert f"veivisere/test-sti/alder/{suggestion}/" in {v.url for j in catalogue.journeys for v in visits(j)}
