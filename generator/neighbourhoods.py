"""Neighbourhood (delbydel) names per bydel, from Oslo kommune's bydelsfakta (MIT, see data/bydelsfakta)."""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

NAMES = Path(__file__).parent / "data" / "bydelsfakta" / "names.json"
SENTRUM, MARKA = "16", "17"


@cache
def _names() -> dict[str, str]:
    return json.loads(NAMES.read_text(encoding="utf-8"))


def official_bydel_ids() -> list[str]:
    """The fifteen bydeler as ids: "Bydel St. Hanshaugen" -> st-hanshaugen, "Bydel Østensjø" -> ostensjo."""
    return [slug(name.removeprefix("Bydel ")) for code, name in _names().items()
            if len(code) == 2 and "01" <= code <= "15"]


def official_bydel_name(bydel_id: str) -> str:
    names = {slug(name.removeprefix("Bydel ")): name for code, name in _names().items()
             if len(code) == 2 and "01" <= code <= "15"}
    return names.get(bydel_id, bydel_id)


def slug(name: str) -> str:
    ascii_name = name.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ü": "u"}))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def neighbourhoods(bydeler) -> dict[str, list[str]]:
    """{bydel id: [delbydel names]}, matched on the bydel's official name ("Bydel Sagene")."""
    names = _names()
    number_by_name = {name: code for code, name in names.items() if len(code) == 2}
    result = {}
    for area in bydeler:
        number = number_by_name.get(area.navn)
        result[area.id] = sorted(name for code, name in names.items()
                                 if len(code) == 10 and code[4:6] == number) if number else []
    return result
