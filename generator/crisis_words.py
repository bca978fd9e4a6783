"""Load and check services/kriseord.yml, with the same problems as the catalogue."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .load import load_document
from .models.crisis_words import Kriseordfil
from .models.journeys import Kilde
from .problems import Problem
from .validate import validate_document

CRISIS_WORDS_FILE = "kriseord.yml"


@dataclass
class CrisisWords:
    expressions: list[str] = field(default_factory=list)
    sources: list[Kilde] = field(default_factory=list)


def load_crisis_words(root: Path) -> tuple[CrisisWords, list[Problem]]:
    path = root / "services" / CRISIS_WORDS_FILE
    if not path.exists():
        return CrisisWords(), []
    doc, problems = load_document(path, path.relative_to(root).as_posix())
    if doc is None:
        return CrisisWords(), problems
    model, found = validate_document(doc, Kriseordfil)
    if model is None:
        return CrisisWords(), problems + found
    return CrisisWords(list(model.kriseord), list(model.kilder)), problems
