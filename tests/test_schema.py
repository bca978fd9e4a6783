"""The editors' JSON Schemas are generated from the model and must be committed up to date."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.site.schema import SCHEMAS, schema_texts
from tests.conftest import ROOT


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_committed_schema_is_up_to_date(name):
    committed = (ROOT / SCHEMAS[name][0] / name).read_text(encoding="utf-8")
    assert committed == schema_texts()[name], f"{name} is out of date: run `make schema` and commit"


def test_schema_rejects_unknown_keys_like_the_check_does():
    schema = json.loads(schema_texts()["tjenester.schema.json"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Tjeneste"]["additionalProperties"] is False


@pytest.mark.parametrize("path", sorted([*(ROOT / "services").glob("*.yml"), *(ROOT / "journeys").glob("*.yml")]),
                         ids=lambda p: p.name)
def test_every_yaml_file_points_editors_to_its_schema(path: Path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    if path.parent.name == "journeys":
        expected = "veiviser.schema.json"
    else:
        special = {"kategorier.yml": "kategorier.schema.json", "sokeord.yml": "sokeord.schema.json",
                   "kriseord.yml": "kriseord.schema.json"}
        expected = special.get(path.name, "tjenester.schema.json")
    assert first_line == f"# yaml-language-server: $schema=schema/{expected}"
