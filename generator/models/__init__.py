"""The one model of the catalogue. Field descriptions double as the editors' documentation
in the generated JSON Schema, so they are written in Norwegian."""
from .catalogue import Katalogfil, Kontakt, Malgruppe, Omrade, TidligereBydel, Tilgang, Tjeneste
from .categories import Kategori, Kategorifil
from .facts import Bekreftelse, JaNeiFakta, NettsideFakta, TekstFakta, TelefonFakta

__all__ = [
    "Bekreftelse", "JaNeiFakta", "Katalogfil", "Kategori", "Kategorifil", "Kontakt", "Malgruppe",
    "NettsideFakta", "Omrade", "TekstFakta", "TelefonFakta", "TidligereBydel", "Tilgang", "Tjeneste",
]
