"""Search words: the words people actually type, mapped to categories and guided paths.

They are vocabulary, not facts: the pages they are added to say only «Andre ord for dette: …».
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .types import Id

MAX_WORD_LENGTH = 80


def _check_word(value: str) -> str:
    if len(value) > MAX_WORD_LENGTH:
        raise PydanticCustomError("sokeord_for_langt", "word too long",
                                  {"length": len(value), "max_length": MAX_WORD_LENGTH})
    return value


Ord = Annotated[str, Field(min_length=1), AfterValidator(_check_word)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Sokeord(_Strict):
    ord: list[Ord] = Field(
        min_length=1,
        description="Ord og uttrykk slik folk skriver dem i søket: hverdagsord, gamle navn (helsesøster), "
                    f"forkortelser (BUP) og vanlige feilstavinger. Hvert ord høyst {MAX_WORD_LENGTH} tegn.")
    skrivefeil: list[Ord] = Field(
        default_factory=list,
        description="Vanlige skrivefeil for de samme ordene (helsesyster). Søket finner dem, men de vises ikke på siden.")
    kategorier: list[Id] = Field(
        default_factory=list,
        description="Id-er fra services/kategorier.yml. Ordene legges til kategorisiden og hver tjeneste i kategorien.")
    veivisere: list[Id] = Field(
        default_factory=list,
        description="Id-er til veivisere i journeys/ (filnavnet uten .yml). Ordene legges til veiviserens første side.")
    bydeler: list[Id] = Field(
        default_factory=list,
        description="Id-er til bydeler (filnavnet i services/ uten .yml), for navn folk bruker på et sted i bydelen "
                    "(Løkka). Ordene legges til bydelens side. Nabolagene (delbydelene) trenger du ikke skrive: "
                    "de finnes allerede.")

    @model_validator(mode="after")
    def _words_lead_somewhere(self) -> "Sokeord":
        if not self.kategorier and not self.veivisere and not self.bydeler:
            raise PydanticCustomError("sokeord_uten_mal", "words lead nowhere", {"felt": "kategorier"})
        return self


class Sokeordfil(_Strict):
    model_config = ConfigDict(extra="forbid", title="Søkeord")

    sokeord: list[Sokeord] = Field(
        min_length=1, description="Gruppene av ord, hver med - ord: først og minst én av kategorier, veivisere "
                                  "eller bydeler.")
