"""Stage 2: check each loaded file against the model, turning every error into a Norwegian problem."""
from __future__ import annotations

import difflib
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from pathlib import Path

from generator.check.load import Document, load_document
from generator.check.problems import Problem, describe_location, problem
from generator.models.hours import DAY_WORDS, UNION_TAGS

M = TypeVar("M", bound=BaseModel)

# Field names editors write in English (or with æ, ø, å), and the Norwegian name the model uses.
ENGLISH_FIELD_NAMES = {
    "name": "navn", "title": "navn", "phone": "telefon", "telephone": "telefon", "tel": "telefon",
    "address": "adresse", "website": "nettside", "web": "nettside", "url": "nettside", "homepage": "nettside",
    "source": "kilde", "checked": "kontrollert", "verified": "kontrollert", "date": "dato",
    "description": "beskrivelse", "category": "kategori", "opening_hours": "apningstider",
    "hours": "apningstider", "contact": "kontakt", "free": "gratis", "value": "verdi", "services": "tjenester",
    "area": "omrade", "district": "omrade", "confirmed": "bekreftet", "target_group": "malgruppe",
    "audience": "malgruppe", "access": "tilgang", "referral": "tilgang", "contact_point": "kontaktpunkt",
    "age_from": "alder_fra", "age_to": "alder_til", "short_name": "kortnavn", "by": "av",
    "åpningstider": "apningstider", "område": "omrade", "målgruppe": "malgruppe", "nødlinje": "nodlinje",
    "kontaktpunkt_foreløpig": "kontaktpunkt_forelopig",
}
# A missing source or check date gets its own message: it is the rule editors must not skip.
MISSING_KINDS = {"kilde": "kilde_mangler", "kontrollert": "kontrollert_mangler"}


def validate_document(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        return None, [problem(doc.display_name, 1, 1, "", "file_not_mapping")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        errors = err.errors(include_url=False)
        # `name:` for navn is one mistake: the misspelt field says so, and «navn mangler» would only repeat it.
        meant = {(tuple(e["loc"][:-1]), _meant_field(model, e["loc"])) for e in errors
                 if e["type"] == "extra_forbidden"}
        return None, [_to_problem(doc, model, e) for e in errors
                      if not (e["type"] == "missing" and (tuple(e["loc"][:-1]), e["loc"][-1]) in meant)]


def load_optional_file(root: Path, name: str, model: type[M]) -> tuple[M | None, Document | None, list[Problem]]:
    """services/<name>, checked against `model`; (None, None, []) when the file is not there at all."""
    path = root / "services" / name
    if not path.exists():
        return None, None, []
    doc, problems = load_document(path, path.relative_to(root).as_posix())
    if doc is None:
        return None, None, problems
    found_model, found = validate_document(doc, model)
    return found_model, doc, problems + found


def _to_problem(doc: Document, model: type[BaseModel], error: dict) -> Problem:
    # A union's tag (liste, døgnåpent in tider) is pydantic's name for a branch, not a key in the file.
    location = tuple(part for part in error["loc"] if part not in UNION_TAGS)
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    if "felt" in ctx:
        location = location + (ctx.pop("felt"),)
    details: dict[str, object] = {k: _show(v) for k, v in ctx.items()}
    details.setdefault("value", _show(error.get("input")))
    if "forslag" in details:  # the value the editor most likely meant, from models/types.py
        forslag = details.pop("forslag")
        details["suggestion"] = mente_du(forslag)
    if kind == "missing":
        details["name"] = location[-1]
        kind = MISSING_KINDS.get(str(location[-1]), kind)
    elif kind == "extra_forbidden":
        details["name"] = location[-1]
        details["allowed"] = ", ".join(_allowed_fields(model, location[:-1]))
        details["suggestion"] = mente_du(_meant_field(model, location))
    elif kind == "ukedag":
        details["suggestion"] = did_you_mean(str(error.get("input")).strip().lower(), list(DAY_WORDS))
    elif kind == "string_too_long":
        details["length"] = len(error.get("input") or "")
    elif kind == "literal_error":
        details["expected"] = str(ctx.get("expected", "")).replace("'", "").replace(" or ", " eller ")
    if not _has_text(kind):
        details = {"detail": error.get("msg", "")}
        kind = "ukjent_feil"
    line, column = doc.position(location)
    return problem(doc.display_name, line, column, describe_location(location), kind, **details)


def did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return mente_du(close[0] if close else "")


def mente_du(value: str) -> str:
    """The end of a message that suggests what the editor meant; empty when there is no suggestion."""
    return f" Mente du «{value}»?" if value else ""


def _meant_field(model: type[BaseModel], location: tuple) -> str:
    """The field an editor most likely meant by an unknown key: its Norwegian name, or a close spelling."""
    allowed = _allowed_fields(model, tuple(location[:-1]))
    name = str(location[-1])
    norwegian = ENGLISH_FIELD_NAMES.get(name.lower())
    if norwegian in allowed:
        return norwegian
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return close[0] if close else ""


def _allowed_fields(model: type[BaseModel], location: tuple) -> list[str]:
    """The field names the model accepts at `location`, to list for a misspelt key."""
    current: type[BaseModel] | None = model
    for part in location:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        current = _model_in(field.annotation) if field else None
    return list(current.model_fields) if current else []


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None


def _has_text(kind: str) -> bool:
    from generator.check.problems import messages  # the wording file is the list of kinds we can explain
    return kind in messages()


def _show(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"
