"""A catalogue file: one bydel (or the whole city, or the country) and its services."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .facts import JaNeiFakta, NettsideFakta, TekstFakta, TelefonFakta, TidFakta
from .types import Dato, HttpsUrl, Id, Tekst

Hvem = Literal["barn", "unge", "foreldre", "fagpersoner"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Malgruppe(_Strict):
    alder_fra: int | None = Field(default=None, ge=0, le=99, description="Laveste alder, i år.")
    alder_til: int | None = Field(default=None, ge=0, le=99, description="Høyeste alder, i år.")
    hvem: list[Hvem] = Field(min_length=1, description="Hvem tjenesten er for.")

    @model_validator(mode="after")
    def _ages_in_order(self) -> "Malgruppe":
        if self.alder_fra is not None and self.alder_til is not None and self.alder_fra > self.alder_til:
            raise PydanticCustomError("alder_rekkefolge", "ages reversed",
                                      {"fra": self.alder_fra, "til": self.alder_til, "felt": "alder_til"})
        return self


class Tilgang(_Strict):
    uten_henvisning: bool = Field(description="true hvis man kan ta kontakt selv, uten henvisning.")
    henvisning_fra: list[Tekst] = Field(default_factory=list,
                                        description="Hvem som kan henvise, hvis henvisning trengs.")
    forklaring: Tekst | None = Field(default=None, description="Kort forklaring i klarspråk.")


class Utelatt(_Strict):
    felt: Literal["telefon", "nettside", "adresse", "apningstider"] = Field(description="Feltet som står tomt.")
    grunn: Tekst = Field(description="Hvorfor, i klarspråk, for eksempel «Adressen er hemmelig, for din sikkerhet.»")
    kilde: HttpsUrl = Field(description="Siden som sier det.")


class Kontakt(_Strict):
    telefon: TelefonFakta | None = Field(default=None, description="Tjenestens telefonnummer, med kilde og dato.")
    nettside: NettsideFakta | None = Field(default=None, description="Tjenestens egen nettside, med kilde og dato.")
    adresse: TekstFakta | None = Field(default=None, description="Besøksadressen, med kilde og dato.")
    apningstider: TidFakta | None = Field(
        default=None, description="Åpningstider. Utelat dem heller enn å gjette; skriv dem som kilden.")
    telefontid: TidFakta | None = Field(
        default=None,
        description="Når telefonen er betjent, hvis kilden sier det og det er annerledes enn åpningstidene. "
                    "Vises ved nummeret.")
    utelatt: list[Utelatt] = Field(
        default_factory=list,
        description="Opplysninger som står tomme med vilje, for eksempel en hemmelig adresse. Siden sier hvorfor, "
                    "i stedet for «ikke kjent ennå».")

    @model_validator(mode="after")
    def _only_the_bydel_main_page_is_derived(self) -> "Kontakt":
        if self.nettside is not None and self.nettside.utledet:
            raise PydanticCustomError("utledet_bare_hovedside", "derived service page", {"felt": "nettside"})
        return self


class Tjeneste(_Strict):
    id: Id = Field(description="Fast id, unik i hele katalogen, brukes i nettadressen.")
    navn: Tekst = Field(description="Navnet nøyaktig slik bydelen eller tjenesten selv bruker det.")
    kortnavn: Tekst | None = Field(default=None, description="Kort navn til nødlinjen øverst på sidene.")
    kategori: Id = Field(description="Id fra services/kategorier.yml.")
    beskrivelse: Tekst = Field(max_length=600, description="Kort beskrivelse i klarspråk.")
    kilde: HttpsUrl = Field(description="Siden som viser at tjenesten finnes, med dette navnet.")
    kontrollert: Dato = Field(description="Datoen kilden sist ble sjekket. ÅÅÅÅ-MM-DD.")
    malgruppe: Malgruppe = Field(description="Hvem tjenesten er for, og alder hvis kilden sier det.")
    tilgang: Tilgang | None = Field(default=None, description="Utelat hvis ukjent.")
    gratis: JaNeiFakta | None = Field(default=None, description="Utelat hvis ukjent.")
    kontakt: Kontakt = Field(default_factory=Kontakt,
                             description="Kontaktopplysninger. Det som er ukjent, utelates.")
    bydeler: list[Id] | None = Field(
        default=None,
        description="For tjenester for flere bydeler (i oslo.yml): id-ene til bydelene den dekker, "
                    "for eksempel BUP-en. Utelat hvis den gjelder alle.")
    tidligere_id: list[Id] = Field(
        default_factory=list,
        description="Id-er tjenesten hadde før, for eksempel før bydelsreformen. De gamle nettadressene sender leserne "
                    "hit. Behold heller id-en når tjenesten flyttes, så trengs ikke dette.")
    nodlinje: int | None = Field(
        default=None, ge=1, le=9,
        description="Plass i nødlinjen øverst på hver side (1 = først). Bare for akutte numre.")
    hjelpelinje: int | None = Field(
        default=None, ge=1, le=9,
        description="Plass blant hjelpetelefonene (1 = først) som vises på nødnummersiden og på hvert svar der "
                    "noen er i fare, rett etter nødnumrene. Bare for døgnåpne eller faste hjelpetelefoner.")

    @model_validator(mode="after")
    def _one_kind_of_line(self) -> "Tjeneste":
        if self.nodlinje is not None and self.hjelpelinje is not None:
            raise PydanticCustomError("nodlinje_og_hjelpelinje", "both lines", {"felt": "hjelpelinje"})
        return self


class TidligereBydel(_Strict):
    id: Id = Field(description="Id-en bydelen hadde: det gamle filnavnet uten .yml, for eksempel sagene.")
    navn: Tekst = Field(description="Navnet bydelen hadde, for eksempel «Bydel Sagene».")
    kilde: HttpsUrl | None = Field(
        default=None, description="Vedtaket eller siden som sier at bydelen er slått sammen eller har fått nytt navn.")


class Omrade(_Strict):
    id: Id = Field(description="Fast id, lik filnavnet uten .yml.")
    navn: Tekst = Field(description="Offisielt navn, for eksempel «Bydel Sagene».")
    type: Literal["bydel", "by", "nasjonal"] = Field(
        description="bydel, by (hele Oslo) eller nasjonal.")
    nettside: NettsideFakta | None = Field(default=None, description="Bydelens hovedside, med kilde og dato.")
    telefon: TelefonFakta | None = Field(default=None,
                                         description="Bydelens hovednummer (sentralbordet), med kilde og dato.")
    sykehus: TekstFakta | None = Field(
        default=None,
        description="Helseforetaket som har ansvar for barne- og ungdomspsykiatrien (BUP) i bydelen, når BUP-en "
                    "selv ikke er oppført, for eksempel «Oslo universitetssykehus». Vises på fastlegesiden.")
    adresse: TekstFakta | None = Field(default=None, description="Bydelens besøksadresse, for eksempel bydelshuset.")
    erstatter: list[TidligereBydel] = Field(
        default_factory=list,
        description="Bare ved bydelsreformen: bydelene som er slått sammen til denne, eller den gamle bydelen hvis den "
                    "bare har fått nytt navn. Slett de gamle filene; de gamle nettadressene sender leserne hit.")


class Katalogfil(_Strict):
    model_config = ConfigDict(extra="forbid", title="Tjenester")

    omrade: Omrade = Field(description="Bydelen (eller hele byen, eller landet) som filen gjelder.")
    kontaktpunkt: Id | None = Field(
        default=None,
        description="Id til bydelens ene kontaktpunkt for familier («én dør inn»). Påkrevd for bydeler.")
    kontaktpunkt_forelopig: bool = Field(
        default=False,
        description="true når bydelen ikke selv har valgt kontaktpunkt, og katalogen har valgt et foreløpig "
                    "(Oslohjelpa). Bydelssiden sier det da. Fjern linjen når bydelen har bestemt seg.")
    tjenester: list[Tjeneste] = Field(min_length=1, description="Tjenestene, hver med - id: først.")

    @model_validator(mode="after")
    def _contact_point_only_for_bydel(self) -> "Katalogfil":
        if self.omrade.type == "bydel" and self.kontaktpunkt is None:
            raise PydanticCustomError("kontaktpunkt_mangler", "missing contact point", {"felt": "kontaktpunkt"})
        if self.omrade.type != "bydel" and self.kontaktpunkt is not None:
            raise PydanticCustomError("kontaktpunkt_ikke_bydel", "contact point outside bydel",
                                      {"type": self.omrade.type, "felt": "kontaktpunkt"})
        if self.omrade.type != "bydel" and self.kontaktpunkt_forelopig:
            raise PydanticCustomError("kontaktpunkt_ikke_bydel", "contact point outside bydel",
                                      {"type": self.omrade.type, "felt": "kontaktpunkt_forelopig"})
        return self
