"""Load and check services/sokeord.yml, the words people type, with the same problems as the catalogue.

The words are added to the indexed (and visible) text of the pages they point to, so Pagefind finds
those pages for everyday words, old names and abbreviations.
"""
from __future__ import annotations

from pathlib import Path

from generator.catalogue.words import SearchWords, Words
from generator.check.load import Document
from generator.models.search_words import Sokeordfil
from generator.check.problems import Problem, describe_location, problem
from generator.check.validate import did_you_mean, load_optional_file

SEARCH_WORDS_FILE = "sokeord.yml"


def load_search_words(root: Path, categories: set[str] | None, journeys: set[str] | None,
                      bydeler: set[str] | None = None) -> tuple[SearchWords, list[Problem]]:
    """`categories`, `journeys` or `bydeler` is None when that vocabulary is itself broken: no false alarms then."""
    model, doc, problems = load_optional_file(root, SEARCH_WORDS_FILE, Sokeordfil)
    if model is None:
        return SearchWords(), problems
    words = SearchWords()
    targets = (("kategorier", categories, "unknown_category", words.by_category),
               ("veivisere", journeys, "unknown_journey", words.by_journey),
               ("bydeler", bydeler, "unknown_bydel", words.by_bydel))
    for index, entry in enumerate(model.sokeord):
        for field_name, known, kind, into in targets:
            for t_index, target_id in enumerate(getattr(entry, field_name)):
                if known is not None and target_id not in known:
                    allowed = sorted(known)
                    _add(problems, doc, ("sokeord", index, field_name, t_index), kind, value=target_id,
                         allowed=", ".join(allowed), suggestion=did_you_mean(target_id, allowed))
                    continue
                into.setdefault(target_id, Words()).add(entry.ord, entry.skrivefeil)
    return words, problems


def _add(problems: list[Problem], doc: Document, location: tuple, kind: str, **details) -> None:
    line, column = doc.position(location)
    problems.append(problem(doc.display_name, line, column, describe_location(location), kind, **details))
