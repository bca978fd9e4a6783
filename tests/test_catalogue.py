"""The shipped catalogue: clean, with one door per bydel and the emergency numbers the site promises."""
from __future__ import annotations

import pytest

from generator.models.facts import _Fakta
from generator.pipeline import check
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalogue():
    catalogue, problems = check(ROOT)
    assert problems == [], "\n".join(p.format() for p in problems)
    return catalogue


def _facts(model, where=""):
    """Every contact fact anywhere in a model, with where it stands."""
    if isinstance(model, _Fakta):
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

# From shared/data: outdated (superseded by a newer source) or only from another project's dataset (SEKUNDÆRKILDE,
# to be checked before it is shown). None of these may ever be a shown value.
NEVER_SHOWN = {
    "Storgata": "legevakt before November 2023",
    "22932293": "psykiatrisk vakttjeneste before the legevakt moved",
    "23013434": "legevakt, old English page",
    "02180": "switchboard 2010–2016",
    "Sommerrogata": "Frogner's old bydelshus",
    "Akersbakken 27": "St. Hanshaugen's administration about 2010",
    "Markveien 57": "Grünerløkka's administration 2009 / FACT Ung pilot 2020",
    "Sørkedalsveien 148": "Vestre Aker's service desk 2011",
    "Hagegata": "HFU address only in the secondary dataset, conflicting",
    "41565535": "HFU phone only in the secondary dataset, conflicting",
    "95298322": "RPH Ullern, secondary dataset",
    "47781315": "RPH Vestre Aker, secondary dataset",
    "46616660": "Familievernkontoret Homansbyen, secondary dataset",
    "23283940": "Familievernkontoret Christiania, secondary dataset",
    "46617010": "Familievernkontoret Enerhaugen, secondary dataset",
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


def test_nothing_is_confirmed_by_a_bydel_yet(catalogue):
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            assert fact.bekreftet is None, f"{area.source}{where}: no bydel has confirmed anything yet"


def test_only_bydel_main_pages_are_derived_and_only_from_oslo_kommunes_pattern(catalogue):
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            if getattr(fact, "utledet", False):
                assert where == ".omrade[0].nettside[0]", f"{area.source}{where}"
                assert fact.verdi == f"https://www.oslo.kommune.no/bydeler/bydel-{area.id}/", area.source
                assert fact.kilde.startswith("https://www.oslo.kommune.no/bydeler/bydel-grunerlokka/")


def test_no_outdated_or_unverified_value_is_shown(catalogue):
    for area in catalogue.areas:
        for where, fact in _facts(area.model):
            value = str(fact.verdi).replace(" ", "")
            for old, why in NEVER_SHOWN.items():
                assert old.replace(" ", "") not in value, f"{area.source}{where}: {why}"
        for service in area.services:
            assert "Storgata" not in service.beskrivelse, service.id


def test_the_legevakt_is_at_aker(catalogue):
    legevakt = catalogue.service("legevakten-oslo")
    assert legevakt.kontakt.adresse.verdi == "Trondheimsveien 235"
    assert legevakt.kontakt.telefon.verdi == "116117"


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
    # No source confirms an OUS clinic for these (only «BUP Nord», «BUP Nydalen» in passing, «BUP Oslo Syd» inferred).
    for bydel in ["sagene", "nordre-aker", "bjerke", "ostensjo", "nordstrand", "sondre-nordstrand"]:
        assert bup_for(bydel) == [], bydel


def test_coverage_of_the_shipped_catalogue_tells_the_truth(catalogue):
    from generator.coverage import FRA_KILDE, MANGLER, compute

    coverage = compute(catalogue)
    assert {row.area.navn for row in coverage.rows} == FIFTEEN
    assert coverage.totals["bekreftet"] == 0
    for row in coverage.rows:
        assert row.todo[0].kind == "velg_kontaktpunkt", "every door is still provisional"
        derived = row.area.omrade.nettside is not None and row.area.omrade.nettside.utledet
        if derived and row.area.omrade.adresse is None:
            assert row.main == MANGLER, row.area.id
    frogner = next(r for r in coverage.rows if r.area.id == "frogner")
    assert frogner.main == FRA_KILDE  # Bydelens hus, Drammensveien 60
