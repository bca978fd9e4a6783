"""Load and check services/kriseord.yml, with the same problems as the catalogue."""
from __future__ import annotations

from pathlib import Path

from generator.catalogue.words import CrisisWords
from generator.models.crisis_words import Kriseordfil
from generator.check.problems import Problem
from generator.check.validate import load_optional_file

CRISIS_WORDS_FILE = "kriseord.yml"


def load_crisis_words(root: Path) -> tuple[CrisisWords, list[Problem]]:
    model, _, problems = load_optional_file(root, CRISIS_WORDS_FILE, Kriseordfil)
    if model is None:
        return CrisisWords(), problems
    return CrisisWords(list(model.kriseord), list(model.kilder)), problems
