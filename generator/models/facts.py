"""A contact fact: a value together with where it was read, when it was checked, and whether the bydel confirmed it."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .hours import ALWAYS_OPEN, Tider
from .types import Dato, HttpsUrl, Id, Tekst, Telefon


class Bekreftelse(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dato: Dato = Field(description="Datoen bydelen bekreftet opplysningen. ÅÅÅÅ-MM-DD, ikke fram i tid.")
    av: Tekst = Field(description="Hvem i bydelen som bekreftet, for eksempel en rolle. Vises ikke på nettstedet.")


class Fakta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kilde: HttpsUrl = Field(description="Adressen (https://…) til siden der opplysningen står.")
    kildedato: Dato | None = Field(
        default=None,
        description="Datoen kilden selv viser (publisert eller oppdatert), hvis den viser en. ÅÅÅÅ-MM-DD.")
    kontrollert: Dato = Field(
        description="Datoen noen sist sjekket opplysningen mot kilden. ÅÅÅÅ-MM-DD, ikke fram i tid.")
    bekreftet: Bekreftelse | None = Field(
        default=None,
        description="Bare når bydelen selv har sjekket opplysningen: datoen og hvem. Uten dette står det "
                    "«Ikke bekreftet av bydelen ennå» ved opplysningen.")
    via: Id | None = Field(
        default=None,
        description="Hvordan opplysningen kom til oss, hvis ikke fra kilden direkte: id-en til et åpent datasett "
                    "fra datasett: i services/kategorier.yml, for eksempel varde. kilde er fortsatt siden verdien "
                    "står på, og kontrollert er datoen datasettet leste den.")
    merknad: Tekst | None = Field(
        default=None,
        description="Et forbehold leseren må se ved opplysningen, i klarspråk, for eksempel «Samme nummer som "
                    "Overgrepsmottaket.» eller «Telefonen er bare betjent én time i uka.»")


class TelefonFakta(Fakta):
    verdi: Telefon = Field(description="Telefonnummer: 8 sifre uten mellomrom og uten +47, "
                                       "eller et kort nødnummer (113) eller 116-nummer (116117).")


class NettsideFakta(Fakta):
    verdi: HttpsUrl = Field(description="Nettsidens adresse, med https://.")
    utledet: bool = Field(
        default=False,
        description="Bare for bydelens hovedside (omrade.nettside): true når adressen er laget etter Oslo kommunes "
                    "mønster (oslo.kommune.no/bydeler/bydel-<navn>/) og ikke er sett i en kilde. kilde er da siden "
                    "der mønsteret er sett. Fjern linjen når noen har sjekket adressen.")

    @model_validator(mode="after")
    def _derived_is_not_confirmed(self) -> "NettsideFakta":
        if self.utledet and self.bekreftet is not None:
            raise PydanticCustomError("utledet_bekreftet", "derived and confirmed", {"felt": "utledet"})
        return self


class TekstFakta(Fakta):
    verdi: Tekst = Field(description="Opplysningen med bydelens egne ord, for eksempel en adresse.")


class TidFakta(TekstFakta):
    """Opening or phone hours: the source's own words, and, when they state them plainly, the same hours as data."""
    tider: Tider | None = Field(
        default=None,
        description="De samme tidene som i verdi, som data, bare når verdi sier dem entydig (hvilke dager, fra "
                    "og til). En liste med hva, dager, fra og til, eller døgnåpent (hele døgnet, hver dag). "
                    "verdi er fortsatt det som vises. Sier kilden ikke hvilke dager, utelat tider.")
    apent_helligdager: bool | None = Field(
        default=None,
        description="Bare med en liste i tider: true når kilden sier at tidene også gjelder på helligdager. "
                    "Uten linjen er tjenesten regnet som stengt på helligdager.")

    @model_validator(mode="after")
    def _holidays_need_listed_hours(self) -> "TidFakta":
        if self.apent_helligdager is not None and (self.tider is None or self.tider == ALWAYS_OPEN):
            raise PydanticCustomError("helligdager_uten_tider", "holidays without hours",
                                      {"tider": self.tider or "", "felt": "apent_helligdager"})
        return self


class JaNeiFakta(Fakta):
    verdi: bool = Field(description="ja eller nei (true/false).")


def facts_with_location(model, location: tuple = ()):
    """Every fact anywhere in a model (a catalogue file, a service), in file order, with its place in the file:
    ("tjenester", 0, "kontakt", "telefon") -> the fact."""
    if isinstance(model, Fakta):
        yield location, model
        return
    for name in getattr(type(model), "model_fields", {}):
        value = getattr(model, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from facts_with_location(item, location + (name, index))
        else:
            yield from facts_with_location(value, location + (name,))
