"""The resolved catalogue: every reference checked, ready for the templates."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.models import Katalogfil, Kategori, Tjeneste
from generator.models.categories import RING_FORST
from generator.catalogue.words import CrisisWords, SearchWords

AREA_ORDER = {"bydel": 0, "by": 1, "nasjonal": 2}


# Compared by identity: a service and its area refer to each other.
@dataclass(eq=False)
class Service:
    model: Tjeneste
    area: "Area"
    category: Kategori

    def __getattr__(self, name: str):
        # Templates read the model's Norwegian field names straight through.
        return getattr(self.model, name)

    @property
    def is_contact_point(self) -> bool:
        return self.area.contact_point is self


@dataclass(eq=False)
class Area:
    model: Katalogfil
    source: str
    services: list[Service] = field(default_factory=list)
    contact_point: Service | None = None
    # Where each field stands in the file: ("tjenester", 0, "kontakt") -> (line, column), for lists for editors.
    positions: dict = field(default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        return self.model.omrade.id

    @property
    def navn(self) -> str:
        return self.model.omrade.navn

    @property
    def type(self) -> str:
        return self.model.omrade.type

    @property
    def omrade(self):
        return self.model.omrade

    def in_category(self, category_id: str) -> list[Service]:
        return [s for s in self.services if s.category.id == category_id]


@dataclass
class Catalogue:
    categories: list[Kategori]
    areas: list[Area]
    journeys: list = field(default_factory=list)  # list[Veiviser], in display order
    search_words: SearchWords = field(default_factory=SearchWords)  # services/sokeord.yml
    crisis_words: CrisisWords = field(default_factory=CrisisWords)  # services/kriseord.yml
    ladder: list[str] = field(default_factory=lambda: list(RING_FORST))  # services/kategorier.yml ring_forst
    datasets: list = field(default_factory=list)  # list[Datasett]: where a fact's via: points

    # The areas and their services are complete when the catalogue is made (check/resolve.py), and every page
    # asks for these lists: each is made once, or a build of n bydeler would take n² steps.
    @cached_property
    def bydeler(self) -> list[Area]:
        return [a for a in self.areas if a.type == "bydel"]

    @cached_property
    def shared_areas(self) -> list[Area]:
        """City-wide and national services: they serve every bydel."""
        return [a for a in self.areas if a.type != "bydel"]

    @cached_property
    def services(self) -> list[Service]:
        return [s for a in self.areas for s in a.services]

    @cached_property
    def _services_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    def service(self, service_id: str) -> Service:
        return self._services_by_id[service_id]

    @cached_property
    def emergency_lines(self) -> list[Service]:
        lines = [s for s in self.services if s.nodlinje is not None]
        return sorted(lines, key=lambda s: s.nodlinje)

    @cached_property
    def help_lines(self) -> list[Service]:
        """Helplines shown right after the emergency numbers wherever someone may be in danger."""
        lines = [s for s in self.services if s.hjelpelinje is not None]
        return sorted(lines, key=lambda s: s.hjelpelinje)

    def dataset(self, dataset_id: str):
        return next(d for d in self.datasets if d.id == dataset_id)

    def shared_in_category(self, category_id: str, bydel: "Area | None" = None) -> list[Service]:
        """City-wide and national services of a category; for a bydel, only those that serve it."""
        return [s for a in self.shared_areas for s in a.in_category(category_id)
                if bydel is None or s.bydeler is None or bydel.id in s.bydeler]

    @cached_property
    def replaced_bydeler(self) -> dict[str, tuple[str, "Area"]]:
        """Bydeler merged into or renamed to a bydel of the catalogue (bydelsreformen): {old id: (old name, new area)}."""
        return {old.id: (old.navn, area) for area in self.bydeler for old in area.omrade.erstatter}

    def category(self, category_id: str) -> Kategori:
        return next(c for c in self.categories if c.id == category_id)
