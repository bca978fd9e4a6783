"""Guided paths: the graph check's messages, and walking every shipped path to every bydel's door."""
from __future__ import annotations

import pytest

from generator.views.addresses import md_path
from generator.views.paths import visits
from generator.check.pipeline import check

PATH = "journeys/test-sti.yml"


# (case id, old text, new text, problem kind, line, field, words the message must contain)
GRAPH_CASES = [
    ("ukjent-neste", "        neste: familie", "        neste: familien", "journey_unknown_step", 19,
     "sporsmal[2].svar[1].neste", ["familien", "Mente du «familie»"]),
    ("ukjent-start", "start: fare", "start: faare", "journey_unknown_step", 6, "start", ["faare", "Mente du «fare»"]),
    ("uoppnaelig", "        neste: ungdom", "        neste: familie", "journey_unreachable", 38, "utfall[3].id",
     ["ungdom", "Ingen svar leder"]),
    ("sirkel", "        neste: ungdom", "        neste: fare", "journey_cycle", 8, "sporsmal[1].id",
     ["fare → alder → fare"]),
    ("dobbel-id", "  - id: ungdom", "  - id: familie", "journey_duplicate_step", 38, "utfall[3].id", ["familie", "linje 29"]),
    ("ukjent-kategori", "kategorier: [familiestotte, familievern]", "kategorier: [familiestottte, familievern]", "unknown_category", 33,
     "utfall[2].kategorier[1]", ["familiestottte", "Mente du «familiestotte»"]),
    ("ett-svar", "      - tekst: 12 år eller eldre\n        neste: ungdom\n", "", "too_short", 17,
     "sporsmal[2].svar", ["1", "minst 2"]),
    ("filnavn", "id: test-sti", "id: teststi", "file_name_mismatch", 2, "id", ["teststi"]),
    # Two answers of one question with the same id would share one address; without id: an answer has its neste.
    ("dobbelt-svar", "        neste: ungdom\n", "        neste: ungdom\n      - tekst: Vet ikke\n        neste: familie\n",
     "journey_duplicate_answer", 23, "sporsmal[2].svar[3].neste", ["«alder»", "«familie»", "linje 19", "id: vet-ikke"]),
    ("dobbelt-svar-id", "        neste: ungdom\n",
     "        neste: ungdom\n      - tekst: Vet ikke\n        neste: familie\n        id: ungdom\n",
     "journey_duplicate_answer", 24, "sporsmal[2].svar[3].id", ["«ungdom»", "linje 21"]),
]


@pytest.mark.parametrize("case", GRAPH_CASES, ids=[c[0] for c in GRAPH_CASES])
def test_each_broken_graph_gets_a_norwegian_message(project, case):
    _, old, new, kind, line, field, words = case
    project.replace(PATH, old, new)

    catalogue, problems = check(project.root)

    assert catalogue is None
    found = [p for p in problems if p.kind == kind]
    assert found, [p.format() for p in problems]
    assert (found[0].file, found[0].line, found[0].field) == (PATH, line, field), found[0].format()
    for word in words:
        assert word in found[0].format()


def test_too_many_questions_on_one_route(project):
    questions = "".join(
        f"  - id: q{i}\n    sporsmal: Spørsmål {i}?\n    svar:\n"
        f"      - tekst: Videre\n        neste: {'q' + str(i + 1) if i < 5 else 'familie'}\n"
        f"      - tekst: Ferdig\n        neste: familie\n" for i in range(1, 6))
    text = project.read(PATH).replace("start: fare", "start: q1").replace("sporsmal:\n  - id: fare", "sporsmal:\n" + questions + "  - id: fare", 1)
    project.write(PATH, text)

    _, problems = check(project.root)

    too_long = [p for p in problems if p.kind == "journey_too_long"]
    assert too_long and "q1 → q2 → q3 → q4 → q5" in too_long[0].format() and "5 spørsmål" in too_long[0].format()


def test_paths_are_shipped(shipped):
    catalogue, _ = shipped
    assert catalogue.journeys, "no guided path in journeys/"


def _tel(number: str) -> str:
    return f'href="tel:{"+47" if len(number) == 8 else ""}{number}"'


def test_every_answer_sequence_ends_in_a_number_to_call_in_every_bydel(shipped):
    """«Ring først»: the first callable number down the ladder, said plainly when it is not the bydel's own door."""
    from generator.catalogue.ladder import first_call

    catalogue, pages = shipped
    for journey in catalogue.journeys:
        for visit in visits(journey):
            assert md_path(visit.url) in pages
            if not visit.is_outcome:
                assert len(visit.node.svar) >= 2
                continue
            for area in catalogue.bydeler:
                page = pages[md_path(visit.bydel_url(area.id))]
                call = first_call(catalogue, area, journey, visit.node)
                assert call is not None, (journey.id, visit.node.id, area.id)  # the check refuses this
                first = page[page.index('id="ring-forst"'):]
                assert first.index(_tel(call.service.kontakt.telefon.verdi)) < first.index("</section>")
                serves = call.service.area is area or call.service.bydeler is None or area.id in call.service.bydeler
                assert serves, (journey.id, visit.node.id, area.id, call.service.id)
                own_door_sentence = "Vi har ikke bydelens eget nummer ennå." in first[:first.index("</section>")]
                assert own_door_sentence == (not call.own_door and visit.node.haster not in ("akutt", "i-dag"))
                assert md_path(visit.bydel_url(area.id) + "utskrift/") in pages


def test_a_parent_reaches_a_phone_number_in_at_most_five_clicks(shipped):
    catalogue, pages = shipped
    front = pages["index.md"]
    longest = 0
    for journey in catalogue.journeys:
        assert f'href="veivisere/{journey.id}/"' in front, f"{journey.id} is not offered on the front page"
        for visit in visits(journey):
            if visit.is_outcome:
                # front page → path (1) → one click per answer → the bydel (1)
                clicks = 1 + len(visit.answers) + 1
                longest = max(longest, clicks)
                assert clicks <= 5, f"{visit.url} needs {clicks} clicks"
    assert longest >= 3


def test_urgent_outcomes_show_the_emergency_numbers_first(shipped):
    catalogue, pages = shipped
    for journey in catalogue.journeys:
        for visit in visits(journey):
            if visit.is_outcome and visit.node.haster == "akutt":
                # Someone is in danger: the helplines come at once, before the reader is asked for a bydel.
                choose = pages[md_path(visit.url)]
                before_choice = choose[:choose.index('id="velg-bydel"')]
                for line in catalogue.emergency_lines + catalogue.help_lines:
                    assert _tel(line.kontakt.telefon.verdi) in before_choice, (journey.id, line.id)
                page = pages[md_path(visit.bydel_url(catalogue.bydeler[0].id))]
                assert page.index("Ring nå") < page.index("Ring først")
                assert 'href="tel:113"' in page
