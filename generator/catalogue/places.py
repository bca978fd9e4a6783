"""Neighbourhood (delbydel) names per bydel, from Oslo kommune's bydelsfakta (MIT, see data/bydelsfakta)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "bydelsfakta"  # bydelsfakta's names and boundaries (its README)
NAMES = DATA / "names.json"
SENTRUM, MARKA = "16", "17"


@cache
def bydel_names() -> dict[str, str]:
    return json.loads(NAMES.read_text(encoding="utf-8"))


def official_bydel_ids() -> list[str]:
    """The fifteen bydeler as ids: "Bydel St. Hanshaugen" -> st-hanshaugen, "Bydel Østensjø" -> ostensjo."""
    return [slug(name.removeprefix("Bydel ")) for code, name in bydel_names().items()
            if len(code) == 2 and "01" <= code <= "15"]


def official_bydel_name(bydel_id: str) -> str:
    names = {slug(name.removeprefix("Bydel ")): name for code, name in bydel_names().items()
             if len(code) == 2 and "01" <= code <= "15"}
    return names.get(bydel_id, bydel_id)


def slug(name: str) -> str:
    ascii_name = name.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ü": "u"}))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def neighbourhoods(bydeler) -> dict[str, list[str]]:
    """{bydel id: [delbydel names]}, matched on the bydel's official name ("Bydel Sagene")."""
    names = bydel_names()
    number_by_name = {name: code for code, name in names.items() if len(code) == 2}
    result = {}
    for area in bydeler:
        number = number_by_name.get(area.navn)
        result[area.id] = sorted(name for code, name in names.items()
                                 if len(code) == 10 and code[4:6] == number) if number else []
    return result


# Words that only say which part of a place is meant: «Majorstuen nord» is still Majorstuen.
_PART_WORDS = {"nord", "syd", "sør", "øst", "vest", "nedre", "øvre"}


def everyday_names(name: str) -> list[str]:
    """The shorter forms people use, by rule: "Nedre Tøyen" -> ["Tøyen"], "Hasle-Løren" -> ["Hasle", "Løren"]."""
    forms = []
    kept = [word for word in name.split() if word.casefold() not in _PART_WORDS]
    short = " ".join(kept)
    if short and short != name:
        forms.append(short)
    for part in short.split("-") if "-" in short else []:
        if part.strip() and part.strip() not in forms:
            forms.append(part.strip())
    return forms


@dataclass(frozen=True)
class Place:
    name: str  # as people write it: a delbydel or one of its everyday forms
    bydel_id: str
    official: bool  # a delbydel's own name, not a shortened form


def places(bydeler) -> list[Place]:
    """Every delbydel of the catalogue's bydeler and its everyday forms, leading to one bydel each.

    Sentrum's residents belong to Bydel St. Hanshaugen (Oslo kommune, see ../shared/data/oslo-fakta.md);
    Marka's belong to several bydeler, so Marka leads to none. A form that two bydeler would share, or
    that is a bydel's own name, is left out: it cannot say which bydel is meant.
    """
    areas = list(bydeler)
    own_names = {area.navn.removeprefix("Bydel ").casefold() for area in areas}
    by_id = neighbourhoods(areas)
    if "st-hanshaugen" in by_id:
        by_id["st-hanshaugen"] = by_id["st-hanshaugen"] + [bydel_names()[SENTRUM]]
    candidates: dict[str, set[tuple[str, bool]]] = {}
    for bydel_id, names in by_id.items():
        for name in names:
            for form, official in [(name, True)] + [(f, False) for f in everyday_names(name)]:
                candidates.setdefault(form, set()).add((bydel_id, official))
    found = []
    for form, owners in sorted(candidates.items()):
        bydel_ids = {bydel_id for bydel_id, _ in owners}
        if len(bydel_ids) != 1 or form.casefold() in own_names:
            continue
        found.append(Place(form, bydel_ids.pop(), any(official for _, official in owners)))
    return found
