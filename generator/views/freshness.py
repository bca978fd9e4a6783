"""How fresh the catalogue is: when each fact was last checked, which are stale, and when a page was checked.

A fact was last checked on its `kontrollert` date, or on the day the bydel confirmed it if that is later. A page
is only as fresh as its stalest fact, so «Sist kontrollert» on a service page is the oldest of those dates.
The wording is in templates/foreldet.md.j2, foreldet.txt.j2 and tjeneste.md.j2.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from generator.catalogue import Area, Catalogue, Service
from generator.models.facts import Fakta
from generator.check.problems import describe_location

STALE_MONTHS = 6  # `python -m generator stale` and the editors' page, unless told otherwise
READER_NOTICE_MONTHS = 12  # a service page warns its readers


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (or the month's last day): months_before(2026-08-31, 6) = 2026-02-28."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def last_checked(item) -> dt.date:
    """A fact's (or a service's own) last check: kontrollert, or a later confirmation by the bydel."""
    confirmed = getattr(item, "bekreftet", None)
    return max(item.kontrollert, confirmed.dato) if confirmed is not None else item.kontrollert


@dataclass
class Checked:
    """One dated item in a catalogue file: a fact, or a service's own source (that it exists with its name)."""
    location: tuple  # as in the model: ("tjenester", 2, "kontakt", "telefon")
    item: object  # the fact, or the service's model
    service: Service | None = None

    @property
    def field(self) -> str:
        """The line an editor changes: the item's kontrollert."""
        return describe_location(self.location + ("kontrollert",))

    @property
    def checked(self) -> dt.date:
        return last_checked(self.item)

    @property
    def is_service(self) -> bool:
        """The service's own source and date (that it exists with this name), not one of its facts."""
        return not isinstance(self.item, Fakta)


def checked_items(area: Area) -> list[Checked]:
    """Every dated item of an area, in file order."""
    items = [Checked(("omrade", name), getattr(area.omrade, name))
             for name in ("nettside", "telefon", "adresse") if getattr(area.omrade, name) is not None]
    services = {s.id: s for s in area.services}
    for index, tjeneste in enumerate(area.model.tjenester):
        service = services.get(tjeneste.id)
        items.append(Checked(("tjenester", index), tjeneste, service))
        items += [Checked(("tjenester", index) + path, fact, service) for path, fact in _facts(tjeneste, ())]
    return items


def _facts(model, path: tuple):
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Fakta):
            yield path + (name,), value
        elif hasattr(type(value), "model_fields"):
            yield from _facts(value, path + (name,))


def service_checked(service: Service) -> dt.date:
    """The date a service page shows as «Sist kontrollert»: the oldest last check of what the page shows."""
    return min([last_checked(service.model)] + [last_checked(fact) for _, fact in _facts(service.model, ())])


@dataclass
class StaleArea:
    area: Area
    items: list[Checked] = field(default_factory=list)

    def line(self, item: Checked) -> int:
        positions = self.area.positions
        return positions.get(item.location + ("kontrollert",), positions.get(item.location, (1, 1)))[0]


@dataclass
class Stale:
    months: int
    before: dt.date  # checked before this day is stale
    areas: list[StaleArea]

    @property
    def count(self) -> int:
        return sum(len(a.items) for a in self.areas)


def stale(catalogue: Catalogue, months: int = STALE_MONTHS, today: dt.date | None = None) -> Stale:
    """Facts not checked for `months`, grouped by bydel (then the city and the country), oldest first."""
    before = months_before(today or dt.date.today(), months)
    areas = []
    for area in catalogue.areas:
        items = sorted((i for i in checked_items(area) if i.checked < before), key=lambda i: i.checked)
        if items:
            areas.append(StaleArea(area, items))
    return Stale(months, before, areas)
