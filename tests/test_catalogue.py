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
