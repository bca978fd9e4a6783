"""Every outcome of every path leaves a reader in every bydel with a number to call (generator/catalogue/ladder.py)."""
from __future__ import annotations

from pathlib import Path

from generator.catalogue import Catalogue
from generator.catalogue.ladder import first_call
from generator.check.load import load_document
from generator.check.problems import Problem, describe_location, problem


def check_ladder(catalogue: Catalogue, root: Path) -> list[Problem]:
    """An outcome that leaves a reader in some bydel with nothing to call is an error naming both."""
    problems = []
    for journey in catalogue.journeys:
        missing = [(index, outcome, area) for index, outcome in enumerate(journey.utfall)
                   for area in catalogue.bydeler if first_call(catalogue, area, journey, outcome) is None]
        if not missing:
            continue
        display = f"journeys/{journey.id}.yml"
        doc, _ = load_document(root / display, display)
        for index, outcome, area in missing:
            location = ("utfall", index, "kategorier")
            line, column = doc.position(location) if doc else (1, 1)
            problems.append(problem(display, line, column, describe_location(location), "ingen_a_ringe",
                                    utfall=outcome.id, bydel=area.navn, kategorier=", ".join(outcome.kategorier)))
    return problems
