"""Bydelsreformen: the addresses of bydeler that were merged or renamed, and of services with an old id, keep
working. Each old page becomes a small page that sends the reader on (meta refresh, and a plain link for when
that does not happen); the wording is in templates/omdirigering.md.j2. Nothing of the old bydel is left to search.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Area, Catalogue
from generator.views.paths import visits


@dataclass
class Redirect:
    old_url: str  # site-relative, as render.page_url gives it: bydeler/sagene/
    new_url: str
    kind: str  # bydel, fagperson, utfall, utskrift or tjeneste: picks the wording
    old_name: str
    new_name: str
    area: Area | None = None  # the new bydel, for bydel pages

    @property
    def md_path(self) -> str:
        return self.old_url + "index.md"


def redirects(catalogue: Catalogue) -> list[Redirect]:
    found = []
    for old_id, (old_name, area) in catalogue.replaced_bydeler.items():
        found.append(Redirect(f"bydeler/{old_id}/", f"bydeler/{area.id}/", "bydel", old_name, area.navn, area))
        found.append(Redirect(f"fagpersoner/{old_id}/", f"fagpersoner/{area.id}/", "fagperson", old_name,
                              area.navn, area))
        for journey in catalogue.journeys:
            for visit in visits(journey):
                if visit.is_outcome:
                    old, new = visit.bydel_url(old_id), visit.bydel_url(area.id)
                    found.append(Redirect(old, new, "utfall", old_name, area.navn, area))
                    found.append(Redirect(old + "utskrift/", new + "utskrift/", "utskrift", old_name, area.navn,
                                          area))
    for service in catalogue.services:
        for old_id in service.tidligere_id:
            found.append(Redirect(f"tjenester/{old_id}/", f"tjenester/{service.id}/", "tjeneste", old_id,
                                  service.navn))
    return found
