"""Open data: the JSON API (api/v1/) and the Open Referral HSDS 3.0 export (api/hsds/v3/), the latter validated
against the official HSDS JSON Schemas in ../shared/hsds/schema/ (the entity schemas with their references, and
the compiled ones made strict the way the specification checks its own examples)."""
from __future__ import annotations

import copy
import json
from functools import cache

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.site.open_data import HSDS, api_files, hsds_files, hsds_id, open_data_files
from generator.check.pipeline import load_catalogue
from tests.conftest import FIXTURE_CATALOGUE, ROOT
from tests.update_golden import rendered_fixture

HSDS_SCHEMAS = ROOT.parent / "shared" / "hsds" / "schema"
BASE = "https://hsds.invalid/schema/"  # only a name for the registry: nothing is fetched


@cache
def registry() -> Registry:
    assert HSDS_SCHEMAS.is_dir(), (f"{HSDS_SCHEMAS} is missing: the HSDS 3.0 schemas must lie in ../shared/hsds "
                                   "beside the repository (see .github/workflows/pull-request.yml)")
    resources = []
    for path in sorted(HSDS_SCHEMAS.rglob("*.json")):
        name = path.relative_to(HSDS_SCHEMAS).as_posix()
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE + name, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def entity_validator(name: str) -> Draft202012Validator:
    """The published schema of one entity, resolving its $refs to the other schemas in the folder."""
    return Draft202012Validator({"$ref": BASE + name}, registry=registry(),
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def _strict(schema):
    if isinstance(schema, dict):
        schema = {key: _strict(value) for key, value in schema.items()}
        if isinstance(schema.get("properties"), dict):
            schema["additionalProperties"] = False
        return schema
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


def strict_validator(compiled: str) -> Draft202012Validator:
    """A compiled schema with additionalProperties false everywhere: only HSDS's own fields are allowed."""
    schema = json.loads((HSDS_SCHEMAS / "compiled" / compiled).read_text(encoding="utf-8"))
    return Draft202012Validator(_strict(copy.deepcopy(schema)), format_checker=Draft202012Validator.FORMAT_CHECKER)


def page_validator() -> Draft202012Validator:
    openapi = json.loads((HSDS_SCHEMAS / "openapi.json").read_text(encoding="utf-8"))
    return Draft202012Validator(openapi["components"]["schemas"]["Page"])


def errors(validator: Draft202012Validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


# Which schema checks which file of the export: (entity schema, strict compiled schema or None).
CHECKS = {"services/": ("service.json", "service.json"), "organizations/": ("organization.json", "organization.json")}
PAGES = {"services.json": ("service.json", "service_list.json"),
         "organizations.json": ("organization.json", "organization_list.json"),
         "taxonomies.json": ("taxonomy.json", None), "taxonomy_terms.json": ("taxonomy_term.json", None)}


def validate_export(files: dict[str, str]) -> list[str]:
    found = []
    for path, text in files.items():
        if not path.startswith(HSDS + "/"):
            continue
        name = path.removeprefix(HSDS + "/")
        data = json.loads(text)
        for prefix, (entity, compiled) in CHECKS.items():
            if name.startswith(prefix):
                found += [f"{path}: {e}" for e in errors(entity_validator(entity), data)]
                found += [f"{path} (strict): {e}" for e in errors(strict_validator(compiled), data)]
        if name in PAGES:
            entity, compiled = PAGES[name]
            found += [f"{path} (Page): {e}" for e in errors(page_validator(), data)]
            for index, item in enumerate(data["contents"]):
                found += [f"{path}[{index}]: {e}" for e in errors(entity_validator(entity), item)]
                if compiled:
                    found += [f"{path}[{index}] (strict): {e}" for e in errors(strict_validator(compiled), item)]
    return found


# --------------------------------------------------------------------------- the validation itself works

def test_the_schemas_do_catch_a_broken_record():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    good = json.loads(hsds_files(catalogue)[f"{HSDS}/services/{hsds_id('tjeneste', 'familieteamet-nordby')}.json"])
    assert errors(entity_validator("service.json"), good) == []

    missing = {k: v for k, v in good.items() if k != "status"}
    assert any("'status' is a required property" in e for e in errors(entity_validator("service.json"), missing))
    bad_phone = copy.deepcopy(good)
    del bad_phone["phones"][0]["number"]  # phone.json, reached through a $ref
    assert any("'number' is a required property" in e for e in errors(entity_validator("service.json"), bad_phone))
    bad_id = {**good, "id": "familieteamet-nordby"}
    assert any("is not a 'uuid'" in e for e in errors(entity_validator("service.json"), bad_id))
    extra = {**good, "kilde": "https://nordby.example.org/"}
    assert errors(entity_validator("service.json"), extra) == [], "HSDS itself allows extra fields"
    assert any("Additional properties" in e for e in errors(strict_validator("service.json"), extra))


# --------------------------------------------------------------------------- the export validates

@pytest.mark.parametrize("root", [FIXTURE_CATALOGUE, ROOT], ids=["fixture", "shipped"])
def test_the_hsds_export_validates_against_the_official_schemas(root):
    files = hsds_files(load_catalogue(root))
    assert any(p.startswith(f"{HSDS}/services/") for p in files)
    found = validate_export(files)
    assert not found, f"{len(found)} problem(s):\n" + "\n".join(found[:40])


def test_the_export_uses_every_entity_the_issue_names():
    files = hsds_files(load_catalogue(FIXTURE_CATALOGUE))
    services = [json.loads(t) for p, t in files.items() if p.startswith(f"{HSDS}/services/")]
    used = {"service"}
    for service in services:
        if service.get("organization"):
            used.add("organization")
        used |= {key.rstrip("s") for key in ("phones", "contacts", "schedules", "service_areas") if service.get(key)}
        if any(s.get("location") for s in service.get("service_at_locations", [])):
            used.add("location")
        if any(a.get("taxonomy_term", {}).get("taxonomy_detail") for a in service.get("attributes", [])):
            used.add("taxonomy")
    assert used >= {"organization", "service", "location", "contact", "phone", "schedule", "service_area",
                    "taxonomy"}, used


def test_hsds_ids_are_stable_uuids_and_facts_are_not_invented():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    first, second = hsds_files(catalogue), hsds_files(load_catalogue(FIXTURE_CATALOGUE))
    assert first == second
    sorby = json.loads(first[f"{HSDS}/services/{hsds_id('tjeneste', 'oslohjelpa-sorby')}.json"])
    assert "phones" not in sorby and "schedules" not in sorby, "an unknown phone is left out, not made up"
    assert "website" not in sorby["organization"], "a derived (guessed) main page is not exported as a fact"
    nordby = json.loads(first[f"{HSDS}/services/{hsds_id('tjeneste', 'familieteamet-nordby')}.json"])
    assert nordby["phones"][0]["number"] == "+47 950 00 000"
    assert nordby["assured_date"] == "2026-01-15"
    assert nordby["service_areas"][0]["name"] == "Bydel Nordby"


# --------------------------------------------------------------------------- api/v1

def test_the_api_lists_every_service_with_sources_and_without_who_confirmed():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    files = api_files(catalogue)
    data = json.loads(files["api/v1/tjenester.json"])
    assert data["versjon"] == 1
    assert [s["id"] for s in data["tjenester"]] == [s.id for s in catalogue.services]
    hfu = next(s for s in data["tjenester"] if s["id"] == "hfu-nordby")
    assert hfu["kontakt"]["adresse"] == {"verdi": "Testveien 1", "kilde": "https://nordby.example.org/hfu",
                                         "kildedato": None, "kontrollert": "2026-01-15",
                                         "bekreftet": {"dato": "2026-02-01"}, "via": None, "merknad": None}
    assert hfu["kontakt"]["telefon"] is None, "unknown is null"
    assert hfu["kategori"] == {"id": "helsestasjon-for-ungdom", "navn": "Helsestasjon for ungdom"}
    assert hfu["side"] == "/tjenester/hfu-nordby/" and hfu["sist_kontrollert"] == "2026-01-15"
    assert "Redaktør i Bydel Nordby" not in "".join(files.values())


def test_one_file_per_bydel_with_its_door_and_the_shared_services_that_serve_it():
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    files = api_files(catalogue)
    listed = json.loads(files["api/v1/bydeler.json"])["bydeler"]
    assert [b["data"] for b in listed] == ["bydeler/nordby.json", "bydeler/sorby.json"]
    nordby = json.loads(files["api/v1/bydeler/nordby.json"])
    assert nordby["kontaktpunkt"] == "familieteamet-nordby"
    assert [s["id"] for s in nordby["tjenester"]] == ["familieteamet-nordby", "hfu-nordby"]
    assert {s["id"] for s in nordby["felles_tjenester"]} == {s.id for s in catalogue.services
                                                             if s.area.type != "bydel"
                                                             and (s.bydeler is None or "nordby" in s.bydeler)}


def test_a_number_from_an_open_dataset_carries_its_caveat_and_attribution_into_hsds():
    from generator.site.open_data import hsds_service
    catalogue = load_catalogue(FIXTURE_CATALOGUE)
    datasets = {d.id: d for d in catalogue.datasets}
    phone = hsds_service(catalogue.service("krisetelefon-test"), datasets)["phones"][0]
    assert phone["description"].startswith("Samme nummer som Testmottaket.")
    assert "det åpne testdatasettet (https://data.example.org/, MIT-lisens, Copyright (c) 2026 Test)" in phone["description"]
    assert phone["metadata"][0]["updated_by"] == "det åpne testdatasettet (https://data.example.org/, MIT)"
    assert phone["metadata"][0]["last_action_date"] == "2026-01-15"
    own = hsds_service(catalogue.service("familiekontor-test"), datasets)["phones"][0]
    assert "metadata" not in own and "Telefonen er åpen: Mandag–fredag kl. 9–11." in own["description"]
    kinds = json.loads(api_files(catalogue)["api/v1/kategorier.json"])
    assert kinds["datasett"][0]["lisens"] == "MIT"


def test_the_documentation_page_is_linked_from_om():
    pages = rendered_fixture()
    assert '<a href="../apne-data/">Åpne data</a>' in pages["om.md"]
    doc = pages["apne-data.md"]
    for name in ["api/v1/tjenester.json", "api/v1/bydeler/nordby.json", "api/hsds/v3/services.json"]:
        assert name in doc


@pytest.mark.site
def test_the_built_site_serves_the_data(built_site):
    catalogue = load_catalogue(ROOT)
    expected = open_data_files(catalogue)
    for path, text in expected.items():
        assert (built_site / path).read_text(encoding="utf-8") == text, path
    assert (built_site / "apne-data" / "index.html").is_file()
