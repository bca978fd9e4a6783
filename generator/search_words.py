"""Load and check services/sokeord.yml, the words people type, with the same problems as the catalogue.

The words are added to the indexed (and visible) text of the pages they point to, so Pagefind finds
those pages for everyday words, old names and abbreviations.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .load import Document
from .models.search_words import Sokeordfil
from .problems import Problem, describe_location, problem
from .validate import did_you_mean, load_optional_file

SEARCH_WORDS_FILE = "sokeord.yml"


@dataclass
class Words:
    """The words for one category or path: shown on the page, and misspellings only indexed."""
    shown: list[str] = field(default_factory=list)
    misspelt: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.shown or self.misspelt)

    def add(self, shown: list[str], misspelt: list[str]) -> None:
        for into, words in ((self.shown, shown), (self.misspelt, misspelt)):
            seen = {word.casefold() for word in into}
            for word in words:
                if word.casefold() not in seen:
                    into.append(word)
                    seen.add(word.casefold())


@dataclass
class SearchWords:
    """Words by category, path and bydel id, each list without repeats, in the file's order."""
    by_category: dict[str, Words] = field(default_factory=dict)
    by_journey: dict[str, Words] = field(default_factory=dict)
    by_bydel: dict[str, Words] = field(default_factory=dict)

    def for_category(self, category_id: str) -> Words:
        return self.by_category.get(category_id, Words())

    def for_journey(self, journey_id: str) -> Words:
        return self.by_journey.get(journey_id, Words())

    def for_bydel(self, bydel_id: str) -> Words:
        return self.by_bydel.get(bydel_id, Words())

    def groups(self) -> list[Words]:
        """Every category's, path's and bydel's words."""
        return [*self.by_category.values(), *self.by_journey.values(), *self.by_bydel.values()]


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
