"""«Ring først»: the first number a reader can call for an outcome in their bydel.

The ladder's order (services/kategorier.yml ring_forst, or the outcome's own) and which categories fit
(the outcome's kategorier, most important first) are data; this module only walks them.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Area, Catalogue, Service
from generator.models.journeys import Utfall, Veiviser


@dataclass(frozen=True)
class Call:
    service: Service
    step: str  # kontaktpunkt | bydelen | byen | landet

    @property
    def own_door(self) -> bool:
        return self.step == "kontaktpunkt"


def can_be_called(service: Service) -> bool:
    # The emergency numbers stand on every page already; the ladder looks for a number beyond them.
    return service.kontakt.telefon is not None and service.nodlinje is None


def fits(service: Service, journey: Veiviser, outcome: Utfall) -> bool:
    """The service is for the people the path is written for, and for the outcome's age when both are known."""
    if not set(service.malgruppe.hvem) & set(journey.malgruppe):
        return False
    group = service.malgruppe
    if outcome.alder_til is not None and group.alder_fra is not None and group.alder_fra > outcome.alder_til:
        return False
    if outcome.alder_fra is not None and group.alder_til is not None and group.alder_til < outcome.alder_fra:
        return False
    return True


def ladder(catalogue: Catalogue, area: Area, journey: Veiviser, outcome: Utfall) -> list[Call]:
    """Every callable service for this outcome in this bydel, in ladder order, each once."""
    calls: list[Call] = []
    for step in outcome.ring_forst or catalogue.ladder:
        for service in _step(catalogue, area, outcome, step):
            if can_be_called(service) and (step == "kontaktpunkt" or fits(service, journey, outcome)) \
                    and all(c.service is not service for c in calls):
                calls.append(Call(service, step))
    return calls


def first_call(catalogue: Catalogue, area: Area, journey: Veiviser, outcome: Utfall) -> Call | None:
    calls = ladder(catalogue, area, journey, outcome)
    return calls[0] if calls else None


def _step(catalogue: Catalogue, area: Area, outcome: Utfall, step: str) -> list[Service]:
    if step == "kontaktpunkt":
        return [area.contact_point] if area.contact_point else []
    found: list[Service] = []
    for category in outcome.kategorier:
        if step == "bydelen":
            found += area.in_category(category)
            found += [s for s in catalogue.shared_in_category(category, area) if s.bydeler is not None]
        else:
            kind = "by" if step == "byen" else "nasjonal"
            found += [s for a in catalogue.shared_areas if a.type == kind
                      for s in a.in_category(category) if s.bydeler is None]
    return found
