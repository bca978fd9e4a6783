"""The shared vocabulary that makes differently named services comparable across bydeler."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .types import Id, Tekst


class Kategori(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Id = Field(description="Fast id med små bokstaver og bindestrek, brukes i nettadresser.")
    navn: Tekst = Field(description="Kategoriens navn i klarspråk.")
    forklaring: Tekst = Field(description="Én setning: hva dette er, skrevet for foreldre.")
    i_hver_bydel: bool = Field(
        default=False,
        description="true hvis hver bydel skal ha denne hjelpen, etter lov eller vedtak i Oslo kommune. "
                    "Da viser bydelssiden det når den mangler, og datadekningen teller den for hver bydel.")


class Kategorifil(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Kategorier")

    kategorier: list[Kategori] = Field(min_length=1, description="Kategoriene, hver med - id: først.")
