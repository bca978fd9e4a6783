"""load → validate → resolve, for a project folder. Nothing is written here."""
from __future__ import annotations

from pathlib import Path

from generator.catalogue import Catalogue
from generator.check.journeys import load_journeys
from generator.check.ladder import check_ladder
from generator.check.load import load_document
from generator.models import Katalogfil, Kategorifil
from generator.check.problems import Problem, ProblemsFound
from generator.check.resolve import resolve
from generator.check.crisis_words import CRISIS_WORDS_FILE, load_crisis_words
from generator.check.search_words import SEARCH_WORDS_FILE, load_search_words
from generator.check.validate import validate_document

CATEGORIES_FILE = "kategorier.yml"


def check(root: Path) -> tuple[Catalogue | None, list[Problem]]:
    problems: list[Problem] = []
    services_dir = root / "services"
    categories = None
    catalogue_files = []
    for path in sorted(services_dir.glob("*.yml")):
        if path.name in (SEARCH_WORDS_FILE, CRISIS_WORDS_FILE):
            continue  # not catalogue files: checked below, the search words once the categories and paths are known
        display = path.relative_to(root).as_posix()
        doc, found = load_document(path, display)
        problems += found
        if doc is None:
            continue
        model_type = Kategorifil if path.name == CATEGORIES_FILE else Katalogfil
        model, found = validate_document(doc, model_type)
        problems += found
        if model is None or found:
            continue
        if model_type is Kategorifil:
            categories = (model, doc)
        else:
            catalogue_files.append((model, doc))
    if not (services_dir / CATEGORIES_FILE).exists() or categories is not None:
        catalogue, found = resolve(categories, catalogue_files)
        problems += found
    else:
        # The categories file exists but is broken: its own problems say so, and every
        # category reference would be a false alarm until it is fixed.
        catalogue = None
    category_ids = {k.id for k in categories[0].kategorier} if categories else None
    journeys, found = load_journeys(root, category_ids)
    problems += found
    # A path file with problems of its own still counts as known: its id is its file name.
    journey_ids = {j.id for j in journeys} | {f.stem for f in (root / "journeys").glob("*.yml")}
    bydel_ids = {a.id for a in catalogue.bydeler} if catalogue is not None else None
    search_words, found = load_search_words(root, category_ids, journey_ids, bydel_ids)
    problems += found
    crisis_words, found = load_crisis_words(root)
    problems += found
    if catalogue is not None:
        catalogue.journeys = journeys
        catalogue.search_words = search_words
        catalogue.crisis_words = crisis_words
        if not problems:
            problems += check_ladder(catalogue, root)
    return (None if problems else catalogue), sorted(problems)


def load_catalogue(root: Path) -> Catalogue:
    catalogue, problems = check(root)
    if problems:
        raise ProblemsFound(problems)
    assert catalogue is not None
    return catalogue
