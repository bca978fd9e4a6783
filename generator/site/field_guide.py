"""The field table of the editors' guide, read from the model so it cannot go stale.

Each model class that a file can hold becomes one section: where it stands in the file (its paths) and one
row per field, with the field's description and what may be written there (from its JSON Schema). The four
kinds of fact share most fields; those shared fields get one section of their own. The wording around it
is in templates/veiledning.md.j2.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass, field

from pydantic import BaseModel

from generator.models.facts import Fakta
from generator.models.types import HTTPS_PATTERN, ID_PATTERN, PHONE_PATTERN

PATTERN_KINDS = {ID_PATTERN: "id", PHONE_PATTERN: "telefon", HTTPS_PATTERN: "https"}
SHARED_FACT = Fakta.__name__


@dataclass
class Kind:
    """What may be written in a field; templates/veiledning.md.j2 words it."""
    name: str  # id, telefon, https, dato, tekst, heltall, ja_nei, valg, liste, blokk
    values: list[str] = field(default_factory=list)  # valg
    minimum: int | None = None
    maximum: int | None = None  # heltall: largest number; tekst: most characters
    item: "Kind | None" = None  # liste
    model: str | None = None  # blokk: the section it is described in


@dataclass
class Row:
    name: str
    required: bool
    kind: Kind
    description: str


@dataclass
class Section:
    model: str  # the class name; the template gives it a heading
    paths: list[str]
    rows: list[Row]


def sections(root: type[BaseModel]) -> list[Section]:
    """Every block a file of `root` can hold: the file's own blocks first (as met from the top), then
    what every fact has, then each kind of fact and what a fact holds."""
    found: dict[str, Section] = {}
    level: dict[str, int] = {}  # 0 outside facts, 1 a fact, 2 inside a fact
    shared = Section(SHARED_FACT, [], [_row(Fakta, n) for n in Fakta.model_fields])
    queue: list[tuple[type[BaseModel], str, int]] = [(root, "", 0)]
    while queue:
        model, path, outer = queue.pop(0)
        is_fact = issubclass(model, Fakta)
        if is_fact:
            shared.paths.append(path)
        name = model.__name__
        if name in found:
            found[name].paths.append(path)
        else:
            own = [n for n in model.model_fields if not (is_fact and n in Fakta.model_fields)]
            found[name] = Section(name, [path], [_row(model, n) for n in own])
            level[name] = 1 if is_fact else (2 if outer else 0)
        for field_name, info in model.model_fields.items():
            nested, is_list = _nested(info.annotation)
            if nested is not None:
                queue.append((nested, _join(path, field_name + ("[]" if is_list else "")), outer or is_fact))
    ordered = sorted(found.values(), key=lambda s: level[s.model])
    if shared.paths:
        ordered.insert(next(i for i, s in enumerate(ordered) if level[s.model]), shared)
    return ordered


def model_paths(root: type[BaseModel]) -> set[str]:
    """Every field's path in a file of `root`, straight from the model: what the guide must list."""
    paths: set[str] = set()

    def visit(model: type[BaseModel], path: str, seen: tuple) -> None:
        if model in seen:
            return
        for name, info in model.model_fields.items():
            nested, is_list = _nested(info.annotation)
            paths.add(_join(path, name))
            if nested is not None:
                visit(nested, _join(path, name + ("[]" if is_list else "")), seen + (model,))

    visit(root, "", ())
    return paths


def _row(model: type[BaseModel], name: str) -> Row:
    info = model.model_fields[name]
    schema = model.model_json_schema()
    return Row(name=name, required=info.is_required(), kind=_kind(schema["properties"][name], schema),
               description=info.description or "")


def _kind(schema: dict, root: dict) -> Kind:
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    schema = options[0] if len(options) == 1 else schema
    if "$ref" in schema:
        return Kind("blokk", model=schema["$ref"].rsplit("/", 1)[-1])
    if "enum" in schema:
        return Kind("valg", values=[str(v) for v in schema["enum"]])
    kind = schema.get("type")
    if kind == "array":
        return Kind("liste", item=_kind(schema.get("items", {}), root))
    if kind == "boolean":
        return Kind("ja_nei")
    if kind == "integer":
        return Kind("heltall", minimum=schema.get("minimum"), maximum=schema.get("maximum"))
    if schema.get("format") == "date":
        return Kind("dato")
    if schema.get("pattern") in PATTERN_KINDS:
        return Kind(PATTERN_KINDS[schema["pattern"]])
    return Kind("tekst", maximum=schema.get("maxLength"))


def _nested(annotation: object) -> tuple[type[BaseModel] | None, bool]:
    """The model class a field holds (directly, optionally, or as a list), and whether it is a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    is_list = typing.get_origin(annotation) is list
    for arg in typing.get_args(annotation):
        found, inner_list = _nested(arg)
        if found is not None:
            return found, is_list or inner_list
    return None, False


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
