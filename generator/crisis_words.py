"""Load and check services/kriseord.yml, with the same problems as the catalogue."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .models.crisis_words import Kriseordfil
from .models.journeys import Kilde
from .problems import Problem
from .validate import load_optional_file

CRISIS_WORDS_FILE = "kriseord.yml"


@dataclass
class CrisisWords:
    expressions: list[str] = field(default_factory=list)
    sources: list[Kilde] = field(default_factory=list)


def load_crisis_words(root: Path) -> tuple[CrisisWords, list[Problem]]:
    model, _, problems = load_optional_file(root, CRISIS_WORDS_FILE, Kriseordfil)
    if model is None:
        return CrisisWords(), problems
    return CrisisWords(list(model.kriseord), list(model.kilder)), problems
