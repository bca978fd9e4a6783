"""Load and check the guided paths in journeys/, with the same problems as the catalogue."""
from __future__ import annotations

from pathlib import Path

from generator.check.journey_graph import check_graph
from generator.check.load import load_document
from generator.models.journeys import Veiviser
from generator.check.problems import Problem
from generator.check.validate import validate_document


def load_journeys(root: Path, categories: set[str] | None) -> tuple[list[Veiviser], list[Problem]]:
    """All paths, in their display order; `categories` is None when the vocabulary itself is broken."""
    paths: list[Veiviser] = []
    problems: list[Problem] = []
    for file in sorted((root / "journeys").glob("*.yml")):
        doc, found = load_document(file, file.relative_to(root).as_posix())
        problems += found
        if doc is None:
            continue
        path, found = validate_document(doc, Veiviser)
        problems += found
        if path is None:
            continue
        found = check_graph(path, doc, categories if categories is not None else _all_categories(path))
        problems += found
        if not found:
            paths.append(path)
    return sorted(paths, key=lambda p: (p.rekkefolge, p.tittel)), problems


def _all_categories(path: Veiviser) -> set[str]:
    # Without a readable vocabulary every reference would be a false alarm; its own problem is reported.
    return {c for outcome in path.utfall for c in outcome.kategorier}
