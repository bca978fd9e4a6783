"""A guided path ("veiviser"): questions whose answers lead to further questions or to an outcome.

Paths hold only routing and wording; which services fit is said by category, and the bydel's
contact point is looked up in the catalogue when the outcome is rendered, never written here.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .catalogue import Hvem
from .categories import Trinn
from .types import HttpsUrl, Id, Tekst


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Kilde(_Strict):
    navn: Tekst = Field(description="Dokumentet rådet bygger på, for eksempel en nasjonal veileder.")
    sted: Tekst | None = Field(default=None, description="Kapittel, side eller lysbilde.")
    url: HttpsUrl | None = Field(default=None, description="Adressen, hvis dokumentet finnes på nett.")


class Svar(_Strict):
    tekst: Tekst = Field(description="Svaret slik brukeren ville sagt det.")
    neste: Id = Field(description="Id til neste spørsmål eller til et utfall.")
    id: Id | None = Field(
        default=None,
        description="Valgfri id for svaret, brukt i nettadressen. Uten id brukes id-en i neste. "
                    "Skriv id når to svar på samme spørsmål har samme neste.")

    @property
    def answer_id(self) -> str:
        """The answer's folder in the page address: its own id, or else the step it leads to."""
        return self.id or self.neste


class Sporsmal(_Strict):
    id: Id = Field(description="Fast id for spørsmålet, som start: og neste: viser til.")
    sporsmal: Tekst = Field(description="Spørsmålet, kort og i klarspråk.")
    hjelp: Tekst | None = Field(default=None, description="Valgfri forklaring under spørsmålet.")
    svar: list[Svar] = Field(min_length=2, max_length=5, description="2–5 svar.")


class Utfall(_Strict):
    id: Id = Field(description="Fast id for utfallet, som neste: viser til.")
    tittel: Tekst = Field(description="Hva brukeren bør gjøre, som overskrift.")
    haster: Literal["akutt", "i-dag", "snart", "vanlig"] = Field(
        description="akutt (ring nå), i-dag (få hjelp i dag: fastlegen, legevakten etter stengetid), "
                    "snart (ta kontakt i dag eller i morgen) eller vanlig.")
    alder_fra: int | None = Field(default=None, ge=0, le=99,
                                  description="Laveste alder svaret gjelder, hvis det gjelder en alder.")
    alder_til: int | None = Field(default=None, ge=0, le=99,
                                  description="Høyeste alder svaret gjelder. «Ring først» velger bare tjenester for "
                                              "den alderen.")
    oppsummering: Tekst | None = Field(default=None,
                                       description="Valgfri ingress under overskriften: rådet forklart kort.")
    gjor_na: list[Tekst] = Field(min_length=1, description="Det brukeren skal gjøre nå, i rekkefølge.")
    kategorier: list[Id] = Field(min_length=1,
                                 description="Kategorier fra services/kategorier.yml som passer, viktigst først.")
    ring_forst: list[Trinn] | None = Field(
        default=None, min_length=1,
        description="Bare hvis svaret skal lete i en annen rekkefølge enn ring_forst i services/kategorier.yml, "
                    "for eksempel [byen, landet] når noen er i fare nå og bydelens kontor ikke er rett sted.")
    hvis_verre: Tekst = Field(description="Hva brukeren gjør hvis det blir verre.")
    kilder: list[Kilde] = Field(default_factory=list, description="Dokumentene dette rådet bygger på.")


class Veiviser(_Strict):
    model_config = ConfigDict(extra="forbid", title="Veiviser")

    id: Id = Field(description="Fast id, lik filnavnet uten .yml; brukes i nettadressen.")
    tittel: Tekst = Field(description="Brukerens egne ord, for eksempel «Barnet mitt nekter å gå på skolen».")
    malgruppe: list[Hvem] = Field(min_length=1, description="Hvem veiviseren er skrevet for.")
    ingress: Tekst = Field(description="Et par setninger øverst på første side: hva veiviseren hjelper med.")
    rekkefolge: int = Field(default=50, ge=1, le=99, description="Plass i listen over veivisere (1 = først).")
    start: Id = Field(description="Id til første spørsmål (eller et utfall, for en veiviser uten spørsmål).")
    sporsmal: list[Sporsmal] = Field(
        default_factory=list, description="Spørsmålene, hvert med - id: først. Tom for en veiviser uten spørsmål.")
    utfall: list[Utfall] = Field(
        min_length=1, description="Utfallene, rådene brukeren får til slutt, hvert med - id: først.")
    kilder: list[Kilde] = Field(default_factory=list, description="Dokumentene hele veiviseren bygger på.")
