"""The shared vocabulary that makes differently named services comparable across bydeler."""
from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from .types import HttpsUrl, Id, Tekst

# «Ring først» looks in this order unless services/kategorier.yml or an outcome says otherwise.
Trinn = Literal["kontaktpunkt", "bydelen", "byen", "landet"]
RING_FORST: tuple[str, ...] = get_args(Trinn)


class Kategori(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Id = Field(description="Fast id med små bokstaver og bindestrek, brukes i nettadresser.")
    navn: Tekst = Field(description="Kategoriens navn i klarspråk.")
    forklaring: Tekst = Field(description="Én setning: hva dette er, skrevet for foreldre.")
    uten_telefon: Tekst | None = Field(
        default=None,
        description="Et konkret steg som ikke trenger telefonnummer, for eksempel «Be om en samtale med "
                    "helsesykepleieren på skolen.» Vises når bydelens eget nummer mangler.")
    i_hver_bydel: bool = Field(
        default=False,
        description="true hvis hver bydel skal ha denne hjelpen, etter lov eller vedtak i Oslo kommune. "
                    "Da viser bydelssiden det når den mangler, og datadekningen teller den for hver bydel.")


class Datasett(BaseModel):
    """An open dataset some facts reached us through (a fact's via:)."""
    model_config = ConfigDict(extra="forbid")

    id: Id = Field(description="Kort id som fakta viser til med via:, for eksempel varde.")
    navn: Tekst = Field(description="Navnet slik siden viser det, for eksempel «det åpne datasettet Varde».")
    url: HttpsUrl = Field(description="Hvor datasettet er publisert.")
    lisens: Tekst = Field(description="Lisensen, for eksempel MIT.")
    opphav: Tekst = Field(description="Opphavsretten slik lisensen skriver den.")
    lest: Tekst = Field(description="Hva datasettet gjorde, med sine egne ord: hvordan og når verdiene ble lest.")


class Kategorifil(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Kategorier")

    kategorier: list[Kategori] = Field(min_length=1, description="Kategoriene, hver med - id: først.")
    ring_forst: list[Trinn] = Field(
        default=list(RING_FORST), min_length=1,
        description="Rekkefølgen «Ring først» leter i på hvert svar i en veiviser: bydelens kontaktpunkt, en tjeneste "
                    "i eller for bydelen, en tjeneste for hele byen, en nasjonal linje. Første nummer som passer, vises.")
    datasett: list[Datasett] = Field(
        default_factory=list, description="Åpne datasett som opplysninger kom gjennom (via: ved opplysningen).")
