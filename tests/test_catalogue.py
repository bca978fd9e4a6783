"""The shipped catalogue: clean, with one door per bydel and the emergency numbers the site promises."""
from __future__ import annotations

import pytest

from generator.models.facts import Fakta
from generator.check.pipeline import check
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalogue():
    catalogue, problems = check(ROOT)
    assert problems == [], "\n".join(p.format() for p in problems)
    return catalogue


def _facts(model, where=""):
    """Every contact fact anywhere in a model, with where it stands."""
    if isinstance(model, Fakta):
        yield where, model
        return
    for name in getattr(type(model), "model_fields", {}):
        value = getattr(model, name)
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            yield from _facts(item, f"{where}.{name}[{index}]")


def test_at_least_two_bydeler_with_sourced_facts(catalogue):
    assert len(catalogue.bydeler) >= 2
    for area in catalogue.bydeler:
        assert any(True for _ in _facts(area.model)), f"{area.id} has no sourced fact"


def test_every_bydel_has_its_one_door(catalogue):
    for area in catalogue.bydeler:
        assert area.contact_point is not None, area.id
        assert area.contact_point.area is area


def test_the_emergency_bar_has_113_legevakt_and_the_childrens_hotline(catalogue):
    numbers = [line.kontakt.telefon.verdi for line in catalogue.emergency_lines]
    assert numbers[:3] == ["113", "116117", "116111"]


def test_no_outdated_fact_is_shown(catalogue):
    # oslo-fakta.md: the legevakt left Storgata 40 in November 2023; 02180 is a 2010–2016 number.
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            assert "Storgata" not in str(fact.verdi), f"{area.source}{where}"
            assert "02180" not in str(fact.verdi), f"{area.source}{where}"


def test_every_fact_has_an_https_source_and_a_check_date(catalogue):
    count = 0
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            assert fact.kilde.startswith("https://"), f"{area.source}{where}"
            assert fact.kontrollert is not None
            count += 1
    assert count >= 20


# --------------------------------------------------------------------------- all of Oslo

FIFTEEN = {"Bydel Alna", "Bydel Bjerke", "Bydel Frogner", "Bydel Gamle Oslo", "Bydel Grorud", "Bydel Grünerløkka",
           "Bydel Nordre Aker", "Bydel Nordstrand", "Bydel Sagene", "Bydel St. Hanshaugen", "Bydel Stovner",
           "Bydel Søndre Nordstrand", "Bydel Ullern", "Bydel Vestre Aker", "Bydel Østensjø"}

# Help every bydel has by law or by city decision: each bydel file lists it, even where the local details are unknown.
EVERY_BYDEL_HAS = ["familiestotte", "helsestasjon", "skolehelsetjeneste", "helsestasjon-for-ungdom",
                   "rask-psykisk-helsehjelp", "barnevern", "koordinering"]

# From shared/data: outdated (superseded by a newer source), not a public line, or only on a third-party page.
# None of these may ever be a shown value or stand in a description.
NEVER_SHOWN = {
    "Storgata": "legevakt before November 2023",
    "Trondheimsveien 235": "the legevakt's address on a future-tense planning page; the service pages say 233",
    "22932293": "psykiatrisk vakttjeneste before the legevakt moved",
    "23013434": "legevakt, old English page",
    "23487200": "legevakt number only on the døgnåpne page, not on the legevakt's own",
    "23040490": "Overgrepsmottaket's line for professionals",
    "35296060": "Mental Helse's administration, not the helpline",
    "47716111": "Alarmtelefonen's SMS number in an old copy",
    "02180": "switchboard 2010–2016",
    "Sommerrogata": "Frogner's old bydelshus",
    "Akersbakken 27": "St. Hanshaugen's administration about 2010",
    "Markveien 57": "Grünerløkka's administration 2009 / FACT Ung pilot 2020",
    "Sørkedalsveien 148": "Vestre Aker's service desk 2011",
    "Ekebergveien 243": "Nordstrand's old bydelshus",
    "23487090": "SSA, third-party page only",
}


def test_all_fifteen_bydeler_exist_each_with_its_door(catalogue):
    assert {area.navn for area in catalogue.bydeler} == FIFTEEN
    for area in catalogue.bydeler:
        assert area.contact_point is not None, area.id
        if area.model.kontaktpunkt_forelopig:
            # The catalogue's provisional choice is always Oslohjelpa, which every bydel has.
            assert area.contact_point.navn == "Oslohjelpa", area.id


def test_every_bydel_lists_the_help_every_bydel_has(catalogue):
    for area in catalogue.bydeler:
        missing = [c for c in EVERY_BYDEL_HAS if not area.in_category(c)]
        assert not missing, f"{area.source} has no entry for {missing}"


def test_every_category_used_exists_and_every_service_has_a_source(catalogue):
    known = {c.id for c in catalogue.categories}
    for service in catalogue.services:
        assert service.kategori in known, service.id
        assert service.kilde.startswith("https://"), service.id
    for journey in catalogue.journeys:
        for outcome in journey.utfall:
            assert set(outcome.kategorier) <= known, (journey.id, outcome.id)


def test_a_confirmation_is_never_older_than_the_source_it_confirms(catalogue):
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            if fact.bekreftet is not None and fact.kildedato is not None:
                assert fact.bekreftet.dato >= fact.kildedato, f"{area.source}{where}"


def test_a_fact_from_an_open_dataset_names_the_official_page_not_the_dataset(catalogue):
    datasets = {d.id: d for d in catalogue.datasets}
    count = 0
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            if fact.via is not None:
                assert fact.via in datasets, f"{area.source}{where}"
                assert not fact.kilde.startswith(datasets[fact.via].url), f"{area.source}{where}: kilde is the page read"
                count += 1
    assert count > 0 or not datasets, "a dataset is listed but no fact came through it"


def test_only_bydel_main_pages_are_derived_and_only_from_oslo_kommunes_pattern(catalogue):
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            if getattr(fact, "utledet", False):
                assert where == ".omrade[0].nettside[0]", f"{area.source}{where}"
                assert fact.verdi == f"https://www.oslo.kommune.no/bydeler/bydel-{area.id}/", area.source
                # The pattern is seen on another page of oslo.kommune.no/bydeler/.
                assert fact.kilde.startswith("https://www.oslo.kommune.no/bydeler/bydel-"), area.source


def test_no_outdated_or_unverified_value_is_shown(catalogue):
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            value = str(fact.verdi).replace(" ", "")
            for old, why in NEVER_SHOWN.items():
                assert old.replace(" ", "") not in value, f"{area.source}{where}: {why}"
        for service in area.services:
            for old, why in NEVER_SHOWN.items():
                assert old not in service.beskrivelse, f"{service.id}: {why}"


def test_the_crisis_lines_follow_the_emergency_numbers(catalogue):
    lines = catalogue.help_lines
    assert lines, "the emergency page and every danger answer need helplines"
    assert all(line.kontakt.telefon for line in lines)
    assert [l.hjelpelinje for l in lines] == sorted({l.hjelpelinje for l in lines}), "each place is taken once"


def test_bup_catchments_are_the_2024_ones_and_unknown_ones_stay_unknown(catalogue):
    def bup_for(bydel_id):
        area = next(a for a in catalogue.bydeler if a.id == bydel_id)
        shared = [s.id for s in catalogue.shared_in_category("bup", area) if s.bydeler]
        return sorted([s.id for s in area.in_category("bup")] + shared)

    # Lovisenberg: Vestre Aker went from Nic Waal to BUP Vest on 1 January 2024 (Diakonhjemmet, 16.02.2024).
    assert bup_for("vestre-aker") == ["bup-vest"]
    assert "vestre-aker" not in catalogue.service("nic-waals-institutt").bydeler
    for bydel in ["frogner", "ullern"]:
        assert bup_for(bydel) == ["bup-vest"]
    for bydel in ["gamle-oslo", "grunerlokka", "st-hanshaugen"]:
        assert bup_for(bydel) == ["nic-waals-institutt"]
    for bydel in ["alna", "grorud", "stovner"]:
        assert bup_for(bydel) == ["abup-ahus"]
    for area in catalogue.bydeler:
        assert len(bup_for(area.id)) <= 1, f"{area.id}: a bydel has one BUP"


def test_coverage_of_the_shipped_catalogue_tells_the_truth(catalogue):
    from generator.views.coverage import MANGLER, compute

    coverage = compute(catalogue)
    assert {row.area.navn for row in coverage.rows} == FIFTEEN
    for row in coverage.rows:
        if row.area.model.kontaktpunkt_forelopig:
            assert row.todo[0].kind == "velg_kontaktpunkt", "choosing the door comes first"
        derived = row.area.omrade.nettside is not None and row.area.omrade.nettside.utledet
        if derived and row.area.omrade.adresse is None:
            assert row.main == MANGLER, row.area.id
    frogner = next(r for r in coverage.rows if r.area.id == "frogner")
    assert frogner.main != MANGLER  # Bydelens hus, Drammensveien 60
