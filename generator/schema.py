"""The JSON Schemas for editors (completion and red underlines in VS Code), generated from the model."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Katalogfil, Kategorifil

SCHEMA_DIR = Path("services") / "schema"
SCHEMAS: dict[str, type[BaseModel]] = {
    "tjenester.schema.json": Katalogfil,
    "kategorier.schema.json": Kategorifil,
}


def schema_texts() -> dict[str, str]:
    texts = {}
    for name, model in SCHEMAS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  **model.model_json_schema()}
        texts[name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return texts


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
