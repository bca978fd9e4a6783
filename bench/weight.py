"""1. HTML bytes per page type, raw and gzip."""
from __future__ import annotations

import statistics
from pathlib import Path

from bench.common import gz, kb, table
from generator.views.paths import visits


def page_types(catalogue) -> dict[str, list[str]]:
    bydeler = catalogue.bydeler
    questions, outcomes, prints = [], [], []
    for journey in catalogue.journeys:
        for visit in visits(journey):
            if not visit.is_outcome:
                questions.append(visit.url)
                continue
            for area in bydeler:
                outcomes.append(visit.bydel_url(area.id))
                prints.append(visit.bydel_url(area.id) + "utskrift/")
    first = bydeler[0]
    service = first.contact_point or first.services[0]
    return {
        "front page": [""],
        "bydel": [f"bydeler/{a.id}/" for a in bydeler],
        "service": [f"tjenester/{service.id}/"] + [f"tjenester/{s.id}/" for s in catalogue.services
                                                   if s is not service],
        "category": [f"kategorier/{c.id}/" for c in catalogue.categories],
        "path question": questions,
        "path outcome, bydel": outcomes,
        "print view": prints,
    }


def page_weight(site: Path, types: dict[str, list[str]]) -> tuple[str, dict]:
    rows, stats = [], {}
    for name, urls in types.items():
        sizes = []
        for url in urls:
            data = (site / url / "index.html").read_bytes()
            sizes.append((url, len(data), gz(data)))
        example = sizes[0]
        largest = max(sizes, key=lambda s: s[2])
        stats[name] = {"example": example, "largest": largest, "count": len(sizes)}
        rows.append([name, str(len(sizes)), "/" + example[0], kb(example[1]), kb(example[2]),
                     kb(statistics.median(s[2] for s in sizes)), kb(largest[2]), "/" + largest[0]])
    text = table(["page type", "pages", "example", "raw", "gzip", "median gzip", "max gzip", "largest page"],
                 rows, right={1, 3, 4, 5, 6})
    return text, stats
