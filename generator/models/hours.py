"""Opening hours as data, kept next to the source's own words (verdi), which stay the fact the reader sees.

Only what the free text already states is structured: which days, from when to when, and for what
(phone, visits, drop-in). Hours over midnight are two spans, one on each side of it.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
# Shorthands an editor may write in dager, and the weekdays each stands for.
DAY_GROUPS = {"hverdager": WEEKDAYS[:5]}
DAY_WORDS = WEEKDAYS + tuple(DAY_GROUPS)
ALWAYS_OPEN = "døgnåpent"
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$"
# The tags of the one union (list or døgnåpent); they are no place in the editor's file.
UNION_TAGS = ("liste", ALWAYS_OPEN)


def _check_day(value: object) -> object:
    if not isinstance(value, str) or value.strip().lower() not in DAY_WORDS:
        raise PydanticCustomError("ukedag", "bad weekday", {"value": value})
    return value.strip().lower()


def _check_time(value: object) -> object:
    if isinstance(value, str) and re.fullmatch(TIME_PATTERN, value.strip()):
        return value.strip()
    raise PydanticCustomError("klokkeslett", "bad time", {"value": value, "forslag": _time_as_meant(value)})


def _time_as_meant(value: object) -> str:
    """14.00, 14, 9:30 or 9.30 -> 14:00, 14:00, 09:30, 09:30; "" if unclear."""
    text = f"{value:.2f}" if isinstance(value, float) else str(value).strip()  # YAML reads 9.30 as 9.3
    found = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?", text)
    if not found:
        return ""
    meant = f"{int(found[1]):02d}:{found[2] or '00'}"
    return meant if re.fullmatch(TIME_PATTERN, meant) and meant != value else ""


Ukedag = Annotated[str, BeforeValidator(_check_day), Field(json_schema_extra={"enum": list(DAY_WORDS)})]
Klokkeslett = Annotated[str, BeforeValidator(_check_time), Field(json_schema_extra={"pattern": TIME_PATTERN})]


def minutes(time: str) -> int:
    hours, mins = time.split(":")
    return int(hours) * 60 + int(mins)


def days_of(dager: list[str]) -> list[str]:
    """The weekdays a list of dager stands for, in week order: [hverdager] -> mandag … fredag."""
    named = {day for word in dager for day in DAY_GROUPS.get(word, (word,))}
    return [day for day in WEEKDAYS if day in named]


class Tidsrom(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hva: Literal["telefon", "besok", "drop-in"] = Field(
        description="Hva tidene gjelder: telefon (telefonen er betjent), besok (åpent for besøk) eller drop-in "
                    "(kom uten avtale).")
    dager: list[Ukedag] = Field(
        min_length=1,
        description="Dagene, med små bokstaver: mandag, tirsdag, onsdag, torsdag, fredag, lørdag, søndag, "
                    "eller hverdager (mandag til fredag). Bare dager kilden selv nevner.")
    fra: Klokkeslett = Field(description="Fra klokken, som TT:MM i anførselstegn, for eksempel \"14:00\".")
    til: Klokkeslett = Field(
        description="Til klokken, som TT:MM, etter fra. \"24:00\" er midnatt. Over midnatt (18:00–08:00): "
                    "skriv to tidsrom, 18:00–24:00 og 00:00–08:00 dagen etter.")

    @model_validator(mode="after")
    def _ends_after_start(self) -> "Tidsrom":
        if minutes(self.til) <= minutes(self.fra):
            raise PydanticCustomError("til_for_fra", "end before start",
                                      {"fra": self.fra, "til": self.til, "felt": "til"})
        return self


def _no_overlap(spans: list[Tidsrom]) -> list[Tidsrom]:
    seen: dict[tuple[str, str], list[tuple[int, Tidsrom]]] = {}
    for index, span in enumerate(spans):
        for day in days_of(span.dager):
            for earlier_index, earlier in seen.get((span.hva, day), []):
                if minutes(span.fra) < minutes(earlier.til) and minutes(earlier.fra) < minutes(span.til):
                    raise PydanticCustomError(
                        "tider_overlapper", "overlapping spans",
                        {"hva": span.hva, "dag": day, "tid": f"{span.fra}–{span.til}", "nummer": index + 1,
                         "annen": earlier_index + 1,
                         "annen_tid": f"{earlier.fra}–{earlier.til}", "felt": index})
            seen.setdefault((span.hva, day), []).append((index, span))
    return spans


def _union_tag(value: object) -> str:
    return ALWAYS_OPEN if isinstance(value, str) else "liste"


Tider = Annotated[
    Union[Annotated[list[Tidsrom], AfterValidator(_no_overlap), Tag("liste")],
          Annotated[Literal["døgnåpent"], Tag(ALWAYS_OPEN)]],
    Discriminator(_union_tag)]
