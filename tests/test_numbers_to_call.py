"""The site's one promise, on the built site: every bydel page and every answer in every bydel gives a number
the reader can call, beyond the emergency bar, of a service that serves that bydel or the whole city."""
from __future__ import annotations

import re

from generator.views.paths import visits

TEL = re.compile(r'href="tel:(\+47)?(\d+)"')


def _main(html: str) -> str:
    """The page's own content, without the emergency bar the theme puts on every page."""
    return html[html.index('<div class="hn-side'):]


def _serving(catalogue, area) -> dict[str, set[str]]:
    """Numbers of services that serve the bydel: its own, those that list it, and those for the whole city."""
    numbers: dict[str, set[str]] = {}
    for service in catalogue.services:
        t = service.kontakt.telefon
        if t is None or service.nodlinje is not None:
            continue
        if service.area is area or (service.area.type != "bydel" and (service.bydeler is None or area.id in service.bydeler)):
            kind = "lists" if service.area is area or (service.bydeler and area.id in service.bydeler) else "city"
            numbers.setdefault(t.verdi, set()).add(kind)
    return numbers


def test_every_bydel_page_and_every_answer_page_has_a_number_to_call(shipped, built_site):
    catalogue, _ = shipped
    for area in catalogue.bydeler:
        serving = _serving(catalogue, area)
        page = _main((built_site / "bydeler" / area.id / "index.html").read_text(encoding="utf-8"))
        shown = {m.group(2) for m in TEL.finditer(page)}
        assert shown & {n for n, kinds in serving.items() if "lists" in kinds}, \
            f"{area.id}: no number of a service that lists the bydel"
        for journey in catalogue.journeys:
            for visit in visits(journey):
                if not visit.is_outcome:
                    continue
                html = (built_site / visit.bydel_url(area.id) / "index.html").read_text(encoding="utf-8")
                shown = {m.group(2) for m in TEL.finditer(_main(html))}
                assert shown & set(serving), f"{visit.bydel_url(area.id)}: nothing to call beyond the emergency bar"


def test_no_page_shows_a_superseded_or_internal_number_or_address(built_site):
    banned = ["Trondheimsveien 235", "352 96 060", "23 04 04 90"]
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for value in banned:
            assert value not in text, f"{page.relative_to(built_site)}: {value}"


def test_the_emergency_page_leads_with_the_emergency_numbers_then_the_helplines(shipped, built_site):
    catalogue, _ = shipped
    page = _main((built_site / "nodnumre" / "index.html").read_text(encoding="utf-8"))
    order = [m.group(2) for m in TEL.finditer(page)]
    expected = [l.kontakt.telefon.verdi for l in catalogue.emergency_lines + catalogue.help_lines]
    assert [n for n in order if n in expected] == expected
    assert "tel:+4722400040" in page and "tel:116123" in page  # Kirkens SOS and Mental Helse (issue 12)


def test_an_answer_about_medical_risk_sends_the_reader_to_a_doctor_today(shipped):
    catalogue, pages = shipped
    legevakt = next(l for l in catalogue.emergency_lines if l.category.id == "legevakt")
    same_day = [(j, v) for j in catalogue.journeys for v in visits(j) if v.is_outcome and v.node.haster == "i-dag"]
    assert same_day, "the paths have an answer for medical risk"
    for journey, visit in same_day:
        for url in [visit.url] + [visit.bydel_url(a.id) for a in catalogue.bydeler]:
            page = pages[url + "index.md"]
            box = page[page.index('id="i-dag"'):]
            assert "Ring fastlegen i dag" in box and f'tel:{legevakt.kontakt.telefon.verdi}' in box, url
            assert visit.node.kilder, f"{journey.id}/{visit.node.id}: same-day advice names its source"
