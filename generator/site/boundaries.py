"""The bydel boundaries as a small same-site file, for "Bruk min posisjon" on the bydel finder page.

The browser fetches this file and finds the bydel itself: the reader's position never leaves the device.
"""
from __future__ import annotations

import json

from generator.catalogue.places import DATA, official_bydel_name, slug
from generator.views.addresses import bydel_url


BOUNDARIES = DATA / "oslo.geojson"
ASSET = "assets/bydelsgrenser.json"


def boundaries_asset(bydel_ids: set[str], replaced: dict[str, tuple[str, str]] | None = None) -> dict[str, str]:
    """{asset path: JSON}; a bydel not in the catalogue has no page to link to (side: null). `replaced` maps a
    bydel merged or renamed in the reform to (new id, new name): its area then leads to the new bydel."""
    geo = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    bydeler = []
    for feature in geo["features"]:
        bydel_id = slug(official_bydel_name_by_number(feature["properties"]["id"]))
        polygons = [[[[round(x, 5), round(y, 5)] for x, y, *_ in ring] for ring in polygon]
                    for polygon in feature["geometry"]["coordinates"]]
        name = official_bydel_name(bydel_id)
        if replaced and bydel_id in replaced:
            bydel_id, name = replaced[bydel_id]
        bydeler.append({"id": bydel_id, "navn": name,
                        "side": bydel_url(bydel_id) if bydel_id in bydel_ids else None,
                        "polygoner": polygons})
    return {ASSET: json.dumps({"bydeler": bydeler}, ensure_ascii=False, separators=(",", ":"))}


def official_bydel_name_by_number(number: str) -> str:
    from generator.catalogue.places import bydel_names
    return bydel_names()[number].removeprefix("Bydel ")
