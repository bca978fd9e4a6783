"""Data coverage: for each bydel, and each kind of help every bydel should have, is there a way in
(phone, address, web page or opening hours) that the bydel has confirmed, one only taken from a source,
or none? Everything is computed from the catalogue; the wording is in templates/dekning*.j2.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.catalogue import Area, Catalogue, Service
from generator.models import Kategori
from generator.models.facts import Fakta, facts_with_location

BEKREFTET, FRA_KILDE, MANGLER = "bekreftet", "fra_kilde", "mangler"
STATES = (BEKREFTET, FRA_KILDE, MANGLER)
CONTACT_FIELDS = ("telefon", "adresse", "nettside", "apningstider")
MAIN_FIELDS = ("telefon", "adresse", "nettside")


def fact_state(fact: Fakta | None) -> str:
    """A derived web address is a guess, not a fact: it counts as missing until someone checks it."""
    if fact is None or getattr(fact, "utledet", False):
        return MANGLER
    return BEKREFTET if fact.bekreftet is not None else FRA_KILDE


def best(states) -> str:
    return min(states, key=STATES.index, default=MANGLER)


def service_state(service: Service) -> str:
    return best(fact_state(getattr(service.kontakt, name)) for name in CONTACT_FIELDS)


def facts_in(model):
    """Every fact anywhere in a model (a catalogue file, a service), in file order."""
    return (fact for _, fact in facts_with_location(model))


@dataclass
class Cell:
    category: Kategori
    services: list[Service]
    state: str


@dataclass
class Todo:
    """One thing for the bydel to fill in; `kind` picks the sentence in templates/_dekning.j2."""
    kind: str
    service: Service | None = None
    cell: Cell | None = None
    count: int = 0


@dataclass
class Row:
    area: Area
    main: str
    cells: list[Cell]
    todo: list[Todo] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        for state in [self.main] + [cell.state for cell in self.cells]:
            counts[state] += 1
        return counts


@dataclass
class Coverage:
    categories: list[Kategori]
    rows: list[Row]

    @property
    def totals(self) -> dict[str, int]:
        totals = dict.fromkeys(STATES, 0)
        for row in self.rows:
            for state, count in row.counts.items():
                totals[state] += count
        return totals

    @property
    def fields_per_bydel(self) -> int:
        return 1 + len(self.categories)


def serving(catalogue: Catalogue, area: Area, category_id: str) -> list[Service]:
    """The bydel's own services of a kind, and the city's services that name the bydel (its BUP)."""
    shared = [s for s in catalogue.shared_in_category(category_id, area) if s.bydeler]
    return area.in_category(category_id) + shared


def compute(catalogue: Catalogue) -> Coverage:
    categories = [c for c in catalogue.categories if c.i_hver_bydel]
    rows = []
    for area in catalogue.bydeler:
        main = best(fact_state(getattr(area.omrade, name)) for name in MAIN_FIELDS)
        cells = []
        for category in categories:
            services = serving(catalogue, area, category.id)
            cells.append(Cell(category, services, best(service_state(s) for s in services)))
        row = Row(area, main, cells)
        row.todo = _todo(row)
        rows.append(row)
    return Coverage(categories, rows)


def _todo(row: Row) -> list[Todo]:
    """What the bydel should fill in, most important first: its door, its own main contact, then the gaps."""
    area, door = row.area, row.area.contact_point
    todo = []
    if area.model.kontaktpunkt_forelopig:
        todo.append(Todo("velg_kontaktpunkt", service=door))
    if door is not None and door.kontakt.telefon is None:
        todo.append(Todo("kontaktpunkt_telefon", service=door))
    if area.omrade.telefon is None:
        todo.append(Todo("hovedtelefon"))
    nettside = area.omrade.nettside
    if nettside is None:
        todo.append(Todo("nettside"))
    elif nettside.utledet:
        todo.append(Todo("sjekk_nettside"))
    # A gap that is only the door itself is already the second item.
    todo += [Todo("kategori", cell=cell) for cell in row.cells
             if cell.state == MANGLER and not (door is not None and cell.services == [door])]
    unconfirmed = sum(1 for fact in facts_in(area.model) if fact_state(fact) == FRA_KILDE)
    if unconfirmed:
        todo.append(Todo("bekreft", count=unconfirmed))
    return todo
