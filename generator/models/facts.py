"""A contact fact: a value together with where it was read and when it was checked."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .types import Dato, HttpsUrl, Tekst, Telefon


class _Fakta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kilde: HttpsUrl = Field(description="Adressen (https://…) til siden der opplysningen står.")
    kildedato: Dato | None = Field(
        default=None,
        description="Datoen kilden selv viser (publisert eller oppdatert), hvis den viser en. ÅÅÅÅ-MM-DD.")
    kontrollert: Dato = Field(
        description="Datoen noen sist sjekket opplysningen mot kilden. ÅÅÅÅ-MM-DD, ikke fram i tid.")


class TelefonFakta(_Fakta):
    verdi: Telefon = Field(description="Telefonnummer: 8 sifre uten mellomrom og uten +47, "
                                       "eller et kort nødnummer (113) eller 116-nummer (116117).")


class NettsideFakta(_Fakta):
    verdi: HttpsUrl = Field(description="Nettsidens adresse, med https://.")


class TekstFakta(_Fakta):
    verdi: Tekst = Field(description="Opplysningen med bydelens egne ord, for eksempel en adresse.")


class JaNeiFakta(_Fakta):
    verdi: bool = Field(description="ja eller nei (true/false).")
