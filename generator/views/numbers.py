"""The numbers a bydel page leads with."""
from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Area, Catalogue, Service
from generator.catalogue.ladder import can_be_called


@dataclass
class Numbers:
    """What a bydel page leads with: every number that serves the bydel, nearest first."""
    own: list[Service]       # the bydel's own services, and services for several bydeler that list it
    citywide: list[Service]  # services for the whole city
    helplines: list[Service]  # national and city helplines (hjelpelinje), in their order


def numbers_for(catalogue: Catalogue, area: Area) -> Numbers:
    own = [s for s in area.services if can_be_called(s)]
    own += [s for a in catalogue.shared_areas for s in a.services
            if s.bydeler is not None and area.id in s.bydeler and can_be_called(s)]
    helplines = catalogue.help_lines
    citywide = [s for a in catalogue.shared_areas if a.type == "by" for s in a.services
                if s.bydeler is None and can_be_called(s) and s not in helplines]
    return Numbers(own=own, citywide=citywide, helplines=helplines)
