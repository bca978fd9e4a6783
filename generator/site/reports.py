"""What a reader's error report («Meld fra om feil i denne informasjonen») says about the page it comes from.

The page template puts this into the front matter as data (field names, values, sources, dates); the theme's
partials/meld_fra.html words it and builds the link from the configured address (mkdocs.yml, extra).
"""
from __future__ import annotations

from generator.catalogue import Area, Service

SERVICE_FACTS = (("telefon", "kontakt"), ("apningstider", "kontakt"), ("adresse", "kontakt"),
                 ("nettside", "kontakt"), ("gratis", None))
AREA_FACTS = ("telefon", "adresse", "nettside")


def report(page_name: str, area: Area, facts: list[dict]) -> dict:
    return {"side": page_name, "omrade": area.navn, "omrade_id": area.id, "fakta": facts}


def service_report(service: Service) -> dict:
    facts = [_fact("tjeneste", service.navn, service.kilde, service.kontrollert)]
    for name, holder in SERVICE_FACTS:
        fact = getattr(service.kontakt if holder else service.model, name)
        if fact is not None:
            facts.append(_fact(name, fact.verdi, fact.kilde, fact.kontrollert))
    return report(service.navn, service.area, facts)


def area_report(area: Area) -> dict:
    facts = []
    for name in AREA_FACTS:
        fact = getattr(area.omrade, name)
        if fact is not None:
            facts.append(_fact(name, fact.verdi, fact.kilde, fact.kontrollert))
    door = area.contact_point
    if door is not None:
        facts.append(_fact("kontaktpunkt", door.navn, door.kilde, door.kontrollert))
        if door.kontakt.telefon is not None:
            phone = door.kontakt.telefon
            facts.append(_fact("kontaktpunkt_telefon", phone.verdi, phone.kilde, phone.kontrollert))
    return report(area.navn, area, facts)


def _fact(field: str, value: object, source: str, checked) -> dict:
    shown = value if isinstance(value, bool) else str(value)  # gratis stays true/false; the partial words it
    return {"felt": field, "verdi": shown, "kilde": source, "kontrollert": checked.isoformat()}
