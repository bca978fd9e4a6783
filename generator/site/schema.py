"""The JSON Schemas for editors (completion and red underlines in VS Code), generated from the model."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from generator.models import Katalogfil, Kategorifil
from generator.models.journeys import Veiviser
from generator.models.crisis_words import Kriseordfil
from generator.models.search_words import Sokeordfil

SCHEMA_DIR = Path("services") / "schema"
JOURNEY_SCHEMA_DIR = Path("journeys") / "schema"
# file name -> (folder, model)
SCHEMAS: dict[str, tuple[Path, type[BaseModel]]] = {
    "tjenester.schema.json": (SCHEMA_DIR, Katalogfil),
    "kategorier.schema.json": (SCHEMA_DIR, Kategorifil),
    "sokeord.schema.json": (SCHEMA_DIR, Sokeordfil),
    "kriseord.schema.json": (SCHEMA_DIR, Kriseordfil),
    "veiviser.schema.json": (JOURNEY_SCHEMA_DIR, Veiviser),
}


def schema_texts() -> dict[str, str]:
    texts = {}
    for name, (_, model) in SCHEMAS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  **model.model_json_schema()}
        texts[name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return texts


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name, text in schema_texts().items():
        folder = root / SCHEMAS[name][0]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
