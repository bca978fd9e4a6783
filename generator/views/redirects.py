"""Bydelsreformen: the addresses of bydeler that were merged or renamed, and of services with an old id, keep
working. So do the addresses a guided path's pages had when they were made of answer indexes (/veivisere/x/2-1/,
before answer ids: views/paths.py). Each old page becomes a small page that sends the reader on (meta refresh,
and a plain link for when that does not happen); the wording is in templates/omdirigering.md.j2. Nothing of the
old bydel is left to search, and no redirect page is indexed.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Area, Catalogue
from generator.models.journeys import Veiviser
from generator.views.addresses import bydel_url, professional_url, service_url
from generator.views.paths import Visit, visits


@dataclass
class Redirect:
    old_url: str  # site-relative, as render.page_url gives it: bydeler/sagene/
    new_url: str
    kind: str  # bydel, fagperson, utfall, utskrift, tjeneste or veiviser: picks the wording
    old_name: str  # veiviser: the path's title
    new_name: str  # veiviser: what the page is, as the link's text («spørsmålet «…»»)
    area: Area | None = None  # the new bydel, for bydel pages

    @property
    def md_path(self) -> str:
        return self.old_url + "index.md"


def redirects(catalogue: Catalogue) -> list[Redirect]:
    found = []
    for old_id, (old_name, area) in catalogue.replaced_bydeler.items():
        found.append(Redirect(bydel_url(old_id), bydel_url(area.id), "bydel", old_name, area.navn, area))
        found.append(Redirect(professional_url(old_id), professional_url(area.id), "fagperson", old_name,
                              area.navn, area))
        for journey in catalogue.journeys:
            for visit in visits(journey):
                if visit.is_outcome:
                    old, new = visit.bydel_url(old_id), visit.bydel_url(area.id)
                    found.append(Redirect(old, new, "utfall", old_name, area.navn, area))
                    found.append(Redirect(old + "utskrift/", new + "utskrift/", "utskrift", old_name, area.navn,
                                          area))
    for journey in catalogue.journeys:
        found += _index_addresses(catalogue, journey, {r.old_url for r in found})
    for service in catalogue.services:
        for old_id in service.tidligere_id:
            found.append(Redirect(service_url(old_id), service_url(service.id), "tjeneste", old_id,
                                  service.navn))
    return found


def _index_addresses(catalogue: Catalogue, journey: Veiviser, taken: set[str]) -> list[Redirect]:
    """Every address the path's pages had when made of answer indexes (question pages, outcome overviews, outcome
    pages per bydel and their print views), sent on to the same page's address of answer ids. An old address that
    is also a page or a redirect today (an answer id written as 2-1, say) is left to that page."""
    all_visits = visits(journey)
    for visit in all_visits:
        taken.add(visit.url)
        if visit.is_outcome:
            for area in catalogue.bydeler:
                taken |= {visit.bydel_url(area.id), visit.bydel_url(area.id) + "utskrift/"}
    found: list[Redirect] = []

    def send(old: str, new: str, kind: str, old_name: str, new_name: str, area: Area | None = None) -> None:
        if old not in taken:
            taken.add(old)
            found.append(Redirect(old, new, kind, old_name, new_name, area))

    for visit in all_visits:
        old = visit.old_url
        if old == visit.url:  # the start page: no answers, the same address as ever
            continue
        send(old, visit.url, "veiviser", journey.tittel, _what(visit))
        if not visit.is_outcome:
            continue
        for area in catalogue.bydeler:
            send(f"{old}{area.id}/", visit.bydel_url(area.id), "veiviser", journey.tittel, _what(visit, area))
            send(f"{old}{area.id}/utskrift/", visit.bydel_url(area.id) + "utskrift/", "veiviser", journey.tittel,
                 _what(visit, area, printed=True))
        for old_id, (old_name, area) in catalogue.replaced_bydeler.items():
            # Bydelsreformen too: straight to the new bydel's page, not by way of another redirect.
            send(f"{old}{old_id}/", visit.bydel_url(area.id), "utfall", old_name, area.navn, area)
            send(f"{old}{old_id}/utskrift/", visit.bydel_url(area.id) + "utskrift/", "utskrift", old_name,
                 area.navn, area)
    return found


def _what(visit: Visit, area: Area | None = None, printed: bool = False) -> str:
    """The page a path's redirect leads to, in words: spørsmålet «…», rådet «…» for Bydel Sagene, utskriften av …"""
    if not visit.is_outcome:
        return f"spørsmålet «{visit.node.sporsmal}»"
    text = f"rådet «{visit.node.tittel}»" + (f" for {area.navn}" if area is not None else "")
    return f"utskriften av {text}" if printed else text
