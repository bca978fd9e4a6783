"""The words of services/sokeord.yml and services/kriseord.yml, checked, as the catalogue holds them."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.models.journeys import Kilde


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


@dataclass
class CrisisWords:
    expressions: list[str] = field(default_factory=list)
    sources: list[Kilde] = field(default_factory=list)
