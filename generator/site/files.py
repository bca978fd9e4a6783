"""Every file the site publishes from the catalogue, from one function.

The command line (`python -m generator render OUT`), the golden files and the MkDocs hooks all call
`site_files`, so what is tested is what is published. What MkDocs adds itself (the theme, the HTML of each
page, the Pagefind index) is not here.
"""
from __future__ import annotations

import datetime as dt

from markupsafe import escape

from generator.catalogue import Catalogue
from generator.site.boundaries import boundaries_asset
from generator.site.open_data import open_data_files
from generator.site.render import format_phone, render_site, tel_href
from generator.site.search_config import search_assets
from generator.views.addresses import area_url
from generator.views.paths import start_url


def site_files(catalogue: Catalogue, today: dt.date | None = None, report_link: bool = False) -> dict[str, str]:
    """{path in the site's source folder: text}: the pages (Markdown), api/, the search and map assets."""
    files = render_site(catalogue, today=today, report_link=report_link)
    replaced = {old: (area.id, area.navn) for old, (_, area) in catalogue.replaced_bydeler.items()}
    files.update(boundaries_asset({a.id for a in catalogue.bydeler}, replaced))
    files.update(search_assets(catalogue))  # sok/oppsett.json and sok/ordliste.json for the search page
    files.update(open_data_files(catalogue))  # api/v1/ and api/hsds/v3/, documented on /apne-data/
    return files


def theme_values(catalogue: Catalogue) -> dict[str, list[dict]]:
    """What the theme's own templates show from the catalogue (mkdocs.yml `extra`): the emergency bar on every
    page, and the paths and bydeler on the 404 page. The theme renders without autoescape: escaped here."""
    return {
        "nodlinjer": [{"navn": escape(line.kortnavn or line.navn),
                       "nummer": format_phone(line.kontakt.telefon.verdi),
                       "href": tel_href(line.kontakt.telefon.verdi)}
                      for line in catalogue.emergency_lines],
        "veivisere": [{"tittel": escape(j.tittel), "url": start_url(j)} for j in catalogue.journeys],
        "bydeler": [{"navn": escape(a.navn), "url": area_url(a)} for a in catalogue.bydeler],
    }
