"""Crisis words: what a person in danger may type in the search box, so the search page shows help first.

Vocabulary, not facts: the numbers in the help box come from the catalogue, each with its own source.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .journeys import Kilde
from .search_words import Ord

_MAX_WORDS = 5


def _check_expression(value: str) -> str:
    words = value.split()
    if len(words) > _MAX_WORDS:
        raise PydanticCustomError("kriseord_for_langt", "too many words",
                                  {"words": len(words), "max_words": _MAX_WORDS})
    if any("*" in word[:-1] or word == "*" for word in words):
        raise PydanticCustomError("kriseord_stjerne", "star inside a word", {"value": value})
    return value


Uttrykk = Annotated[Ord, AfterValidator(_check_expression)]


class Kriseordfil(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Kriseord")

    kilder: list[Kilde] = Field(
        min_length=1,
        description="Rådene hjelpeboksen bygger på (hvem man ringer, i hvilken rekkefølge), med adresse.")
    kriseord: list[Uttrykk] = Field(
        min_length=1,
        description="Ord og uttrykk som betyr at noen kan være i fare, på bokmål og nynorsk, også uten æ, ø og å og "
                    "med vanlige skrivefeil. Et uttrykk treffer når søket har de samme hele ordene i samme rekkefølge: "
                    "«selvmord» treffer «tanker om selvmord», men ikke «selvmordsforebygging». Skriv * sist i et ord "
                    f"for å treffe alle ord som begynner slik (selvmordstank*). Høyst {_MAX_WORDS} ord. Vær forsiktig: "
                    "et ord som også brukes om noe annet, viser hjelpeboksen for folk som ikke trenger den.")
