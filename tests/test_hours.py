"""Opening hours as data (tider): the editors' mistakes, the words, and that no structure says more than its source."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.check.pipeline import check, load_catalogue
from generator.models.facts import TidFakta
from generator.models.hours import ALWAYS_OPEN, WEEKDAYS, days_of
from generator.views.hours import hours_data, hours_in_words

ROOT = Path(__file__).resolve().parent.parent
NORDBY = "services/nordby.yml"
# The fixture's «Hverdager 09–15», as data; added here so the fixture's line numbers stay those other tests name.
FIXTURE_VERDI = "        verdi: Hverdager 09–15\n"
FIXTURE_HOURS = '        tider:\n          - hva: besok\n            dager: [hverdager]\n            fra: "09:00"\n            til: "15:00"\n'


def _with_hours(project, block: str = FIXTURE_HOURS) -> None:
    project.write(NORDBY, project.read(NORDBY).replace(FIXTURE_VERDI, FIXTURE_VERDI + block))


def _spans(*spans: tuple[str, str, str, str]) -> str:
    text = "        tider:\n"
    for hva, dager, fra, til in spans:
        text += f"          - hva: {hva}\n            dager: {dager}\n            fra: {fra}\n            til: {til}\n"
    return text


# (case id, tider block replacing the fixture's, kind, line, field, words the message must contain)
CASES = [
    ("feilstavet-ukedag", _spans(("besok", "[mandag, tosdag]", '"09:00"', '"15:00"')),
     "ukedag", 42, "tider[1].dager[2]", ["«tosdag»", "Mente du «torsdag»?", "hverdager"]),
    ("klokkeslett-med-punktum", _spans(("besok", "[mandag]", '"9.00"', '"15:00"')),
     "klokkeslett", 43, "tider[1].fra", ["«9.00»", "TT:MM", "Mente du «09:00»?"]),
    ("klokkeslett-uten-minutter", _spans(("besok", "[mandag]", '"09:00"', "15")),
     "klokkeslett", 44, "tider[1].til", ["«15»", "Mente du «15:00»?"]),
    ("over-midnatt", _spans(("telefon", "[mandag]", "18:00", "08:00")),
     "til_for_fra", 44, "tider[1].til", ["18:00", "08:00", "del den i to", '"24:00"']),
    ("overlapper", _spans(("telefon", "[hverdager]", "08:00", "12:00"), ("telefon", "[fredag]", "11:00", "13:00")),
     "tider_overlapper", 45, "tider[2]", ["11:00–13:00", "08:00–12:00", "telefon på fredag"]),
    ("dognapen-feilstavet", "        tider: døgnåpen\n",
     "literal_error", 40, "tider", ["«døgnåpen»", "døgnåpent"]),
    ("helligdager-uten-liste", "        tider: døgnåpent\n        apent_helligdager: true\n",
     "helligdager_uten_tider", 41, "apent_helligdager", ["apent_helligdager", "Fjern linjen"]),
    ("ukjent-hva", _spans(("chat", "[mandag]", '"09:00"', '"15:00"')),
     "literal_error", 41, "tider[1].hva", ["«chat»", "telefon, besok eller drop-in"]),
]


@pytest.mark.parametrize("case_id, block, kind, line, field, words", CASES, ids=[c[0] for c in CASES])
def test_each_hours_mistake_names_file_line_field_and_fix(project, case_id, block, kind, line, field, words):
    _with_hours(project, block)
    _, problems = check(project.root)
    assert len(problems) == 1, [p.format() for p in problems]
    found = problems[0]
    assert (found.file, found.kind, found.line) == (NORDBY, kind, line), found.format()
    assert found.field == "tjenester[1].kontakt.apningstider." + field
    for word in words:
        assert word in found.format(), found.format()


def test_clock_times_unquoted_are_read_as_text(project):
    """YAML 1.1 reads 14:00 as the number 840; the loader keeps it the clock time the editor wrote."""
    _with_hours(project, FIXTURE_HOURS.replace('"09:00"', "09:00").replace('"15:00"', "15:00"))
    catalogue, problems = check(project.root)
    assert problems == []
    fact = next(s for s in catalogue.services if s.id == "familieteamet-nordby").kontakt.apningstider
    assert (fact.tider[0].fra, fact.tider[0].til) == ("09:00", "15:00")


def _fact(tider, helligdager=None) -> TidFakta:
    return TidFakta.model_validate({"verdi": "x", "kilde": "https://example.org/x", "kontrollert": dt.date(2026, 1, 15),
                                   "tider": tider, "apent_helligdager": helligdager})


@pytest.mark.parametrize("tider, helligdager, words", [
    ([{"hva": "telefon", "dager": ["torsdag"], "fra": "12:00", "til": "13:00"}], None, ["Telefon torsdag 12–13"]),
    ([{"hva": "drop-in", "dager": ["torsdag"], "fra": "14:00", "til": "17:00"}], None, ["Drop-in torsdag 14–17"]),
    ("døgnåpent", None, ["Døgnåpent"]),
    ([{"hva": "telefon", "dager": ["tirsdag", "torsdag"], "fra": "11:00", "til": "14:00"}], None,
     ["Telefon tirsdag og torsdag 11–14"]),
    ([{"hva": "besok", "dager": ["hverdager"], "fra": "08:30", "til": "15:00"}], True,
     ["Åpent hverdager 8.30–15.00", "Også på helligdager."]),
    ([{"hva": "besok", "dager": ["mandag", "tirsdag", "onsdag", "fredag"], "fra": "10:00", "til": "15:00"}], None,
     ["Åpent mandag–onsdag og fredag 10–15"]),
])
def test_hours_in_words(tider, helligdager, words):
    assert hours_in_words(_fact(tider, helligdager)) == words


def test_hours_data_is_plain_json_for_the_attribute():
    assert hours_data(_fact("døgnåpent")) == '{"apent_helligdager":false,"tider":"døgnåpent"}'
    assert hours_data(_fact(None)) == ""


def test_page_carries_the_data_but_shows_the_source_text(project):
    from generator.site.render import render_site
    _with_hours(project)
    catalogue = load_catalogue(project.root)
    page = render_site(catalogue)["tjenester/familieteamet-nordby.md"]
    assert 'data-tider="{&#34;apent_helligdager&#34;:false' in page
    assert ">Hverdager 09–15" in page


# Every day of the week a dager word can stand for, as the free text may say it.
DAY_STEMS = {day: day for day in WEEKDAYS}


def _hours_facts():
    catalogue = load_catalogue(ROOT)
    for service in catalogue.services:
        for name in ("apningstider", "telefontid"):
            fact = getattr(service.kontakt, name)
            if fact is not None and fact.tider is not None:
                yield service.id, name, fact


def _clock_in_text(time: str, text: str) -> bool:
    hours, mins = (int(part) for part in time.split(":"))
    forms = {f"{hours}.{mins:02d}", f"{hours:02d}.{mins:02d}"} | ({f"{hours}", f"{hours:02d}"} if mins == 0 else set())
    return any(re.search(rf"(?<![\d.]){re.escape(form)}(?![\d])", text) for form in forms)


def _days_in_text(days: list[str], text: str) -> bool:
    lowered = text.lower()
    if days == list(WEEKDAYS[:5]) and ("hverdag" in lowered or "mandag–fredag" in lowered):
        return True
    return all(day in lowered for day in days)


def test_shipped_hours_say_no_more_than_their_source_text():
    facts = list(_hours_facts())
    assert len(facts) >= 11
    for service_id, name, fact in facts:
        where = f"{service_id}.kontakt.{name}: {fact.verdi!r}"
        if fact.tider == ALWAYS_OPEN:
            assert "døgnåpen" in fact.verdi.lower(), where
            continue
        assert not fact.apent_helligdager or "helligdag" in fact.verdi.lower(), where
        for span in fact.tider:
            assert _clock_in_text(span.fra, fact.verdi) and _clock_in_text(span.til, fact.verdi), where
            assert _days_in_text(days_of(span.dager), fact.verdi), where
            assert span.hva == "telefon" if name == "telefontid" else True, where
            assert span.hva != "drop-in" or "drop-in" in fact.verdi.lower(), where
