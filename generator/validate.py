"""Stage 2: check each loaded file against the model, turning every error into a Norwegian problem."""
from __future__ import annotations

import difflib
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .load import Document
from .problems import Problem, describe_location, problem

M = TypeVar("M", bound=BaseModel)


def validate_document(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        return None, [problem(doc.display_name, 1, 1, "", "file_not_mapping")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        return None, [_to_problem(doc, model, e) for e in err.errors(include_url=False)]


def _to_problem(doc: Document, model: type[BaseModel], error: dict) -> Problem:
    location = tuple(error["loc"])
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    if "felt" in ctx:
        location = location + (ctx.pop("felt"),)
    details: dict[str, object] = {k: _show(v) for k, v in ctx.items()}
    details.setdefault("value", _show(error.get("input")))
    if kind == "missing":
        details["name"] = location[-1]
    elif kind == "extra_forbidden":
        allowed = _allowed_fields(model, location[:-1])
        details["name"] = location[-1]
        details["allowed"] = ", ".join(allowed)
        details["suggestion"] = did_you_mean(str(location[-1]), allowed)
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
    return f" Mente du «{close[0]}»?" if close else ""


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
    from .problems import _messages  # the wording file is the list of kinds we can explain
    return kind in _messages()


def _show(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"
