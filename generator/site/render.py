"""Stage 4: the resolved catalogue as Markdown pages, {path inside docs: content}.

Pages are front matter plus block-level HTML: Markdown does not touch text inside HTML
blocks, so text from the catalogue can never turn into a link or markup there. Jinja's
autoescape makes every value HTML-safe.
"""
from __future__ import annotations

import datetime as dt
import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from babel.dates import format_date as babel_format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from generator.catalogue import Catalogue
from generator.models import phone
from generator.views.coverage import compute as compute_coverage
from generator.views.hours import hours_data
from generator.views.freshness import READER_NOTICE_MONTHS, months_before, service_checked, stale
from generator.site.guide import SITE_GUIDE, TEMPLATE as GUIDE_TEMPLATE, guide_context
from generator.site.guide import JOURNEYS_GUIDE, WORDS_GUIDE
from generator.views.journey_map import journey_map
from generator.views.addresses import (area_url, category_url, leaf_md_path, md_path, page_url, professional_url,
                                       service_url)
from generator.views.paths import start_url, visits
from generator.catalogue.ladder import ladder
from generator.views.numbers import numbers_for
from generator.catalogue.places import neighbourhoods, official_bydel_name, places
from generator.views.redirects import redirects
from generator.site.search_config import crisis_journeys
from generator.site.reports import area_report, service_report

TEMPLATES = Path(__file__).with_name("templates")


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      extensions=["jinja2.ext.do"])
    env.tests["contains"] = lambda sequence, item: item in sequence
    env.filters.update(phone=format_phone, tel=tel_href, date_nb=format_date, host=host,
                       front_matter=front_matter, pagefind=pagefind_attribute, ages=format_ages,
                       relative_to=relative_to, area_url=area_url, start_url=start_url,
                       bydel_name=official_bydel_name, service_report=service_report, area_report=area_report,
                       service_checked=service_checked, hours_data=hours_data)
    return env


def render_site(catalogue: Catalogue, today: dt.date | None = None, report_link: bool = False) -> dict[str, str]:
    """Every page, as Markdown with front matter: {source path: text}.

    `today` decides which facts are stale; the golden files fix it so they do not age.
    `report_link`: the theme shows «Meld fra om feil» (mkdocs.yml extra), so pages may point to it."""
    today = today or dt.date.today()
    env = _site_environment(catalogue, today, report_link)
    pages: dict[str, str] = {}

    def page(path: str, template: str, **context) -> None:
        text = env.get_template(template).render(catalogue=catalogue, path=path, **context)
        pages[path] = with_page_type(text, template.removesuffix(".md.j2"))

    for group in (_reader_pages, _path_pages, _professional_pages, _about_pages):
        group(page, catalogue)
    _editor_pages(page, catalogue, today)
    for redirect in redirects(catalogue):
        page(redirect.md_path, "omdirigering.md.j2", redirect=redirect)
    return pages


def _site_environment(catalogue: Catalogue, today: dt.date, report_link: bool) -> Environment:
    env = environment()
    env.globals["notice_before"] = months_before(today, READER_NOTICE_MONTHS)
    env.globals["dataset_named"] = catalogue.dataset
    env.globals["report_link"] = report_link
    env.globals["numbers_for"] = lambda area: numbers_for(catalogue, area)
    env.globals["neighbourhood_names"] = neighbourhood_names(catalogue)
    env.globals["ladder"] = lambda area, journey, outcome: ladder(catalogue, area, journey, outcome)
    # A bydel of the catalogue by its own name (a new bydel after the reform is not among the fifteen official ones).
    names = {a.id: a.navn for a in catalogue.bydeler}
    env.filters["bydel_name"] = lambda bydel_id: names.get(bydel_id) or official_bydel_name(bydel_id)
    return env


def _reader_pages(page, catalogue: Catalogue) -> None:
    page("index.md", "index.md.j2")
    for audience in AUDIENCES:
        page(f"for/{audience['id']}.md", "malgruppe.md.j2", audience=audience)
    page("bydeler/index.md", "bydeler.md.j2")
    page("bydeler/finn.md", "finn_bydel.md.j2", neighbourhoods=neighbourhoods(catalogue.bydeler))
    for area in catalogue.areas:
        page(leaf_md_path(area_url(area)), "omrade.md.j2", area=area)
    for service in catalogue.services:
        page(leaf_md_path(service_url(service.id)), "tjeneste.md.j2", service=service)
    page("kategorier/index.md", "kategorier.md.j2")
    for category in catalogue.categories:
        page(leaf_md_path(category_url(category.id)), "kategori.md.j2", category=category)
    page("nodnumre.md", "nodnumre.md.j2")
    page("sok.md", "sok.md.j2", crisis_journeys=crisis_journeys(catalogue))


def _path_pages(page, catalogue: Catalogue) -> None:
    page("veivisere/index.md", "veivisere.md.j2")
    for journey in catalogue.journeys:
        for visit in visits(journey):
            if not visit.is_outcome:
                page(md_path(visit.url), "veiviser_sporsmal.md.j2", visit=visit)
                continue
            page(md_path(visit.url), "veiviser_utfall.md.j2", visit=visit)
            for area in catalogue.bydeler:
                page(md_path(visit.bydel_url(area.id)), "veiviser_utfall_bydel.md.j2", visit=visit, area=area)
                page(md_path(visit.bydel_url(area.id) + "utskrift/"), "veiviser_utskrift.md.j2",
                     visit=visit, area=area)


def _professional_pages(page, catalogue: Catalogue) -> None:
    page("fagpersoner/index.md", "fagpersoner.md.j2")
    for area in catalogue.bydeler:
        page(leaf_md_path(professional_url(area.id)), "fagperson_bydel.md.j2", area=area)
    page("fagpersoner/sammenligning.md", "fagperson_sammenligning.md.j2")
    page("fagpersoner/for-henvisning-til-bup.md", "fagperson_for_henvisning.md.j2")
    page("fagpersoner/nar-bup-avslar.md", "fagperson_avslag.md.j2")
    page("fagpersoner/omsorgsniva.md", "fagperson_omsorgsniva.md.j2")


def _about_pages(page, catalogue: Catalogue) -> None:
    page("om.md", "om.md.j2")
    page("dekning.md", "dekning.md.j2", coverage=compute_coverage(catalogue))
    page("personvern.md", "personvern.md.j2")
    page("tilgjengelighet.md", "tilgjengelighet.md.j2")
    page("apne-data.md", "apne_data.md.j2")


def _editor_pages(page, catalogue: Catalogue, today: dt.date) -> None:
    page(SITE_GUIDE, GUIDE_TEMPLATE, **guide_context("site"))
    maps = [journey_map(catalogue, journey) for journey in catalogue.journeys]
    page(JOURNEYS_GUIDE.site_page, JOURNEYS_GUIDE.template, **JOURNEYS_GUIDE.context("site", maps))
    for jmap in maps:
        page(jmap.md_path, "veiviser_kart.md.j2", jmap=jmap)
    page(WORDS_GUIDE.site_page, WORDS_GUIDE.template, **WORDS_GUIDE.context("site"))
    page("redaktorer/foreldet.md", "foreldet.md.j2", stale=stale(catalogue, today=today))


# Who the front page asks about ("Hvem er du?"); the wording of each page is in its template.
# Fastleger and fagpersoner have their own section, fagpersoner/.
AUDIENCES = [
    {"id": "foreldre", "hvem": "foreldre"},
    {"id": "unge", "hvem": "unge"},
]


def neighbourhood_names(catalogue: Catalogue) -> dict[str, list[str]]:
    """{bydel id: its delbydeler's names}, Sentrum with St. Hanshaugen; alphabetical."""
    names: dict[str, list[str]] = {}
    for place in places(catalogue.bydeler):
        if place.official:
            names.setdefault(place.bydel_id, []).append(place.name)
    return names


def format_phone(number: str) -> str:
    """Norwegian grouping (libphonenumber, models/phone.py): 22 40 00 40, mobiles 952 98 322, 800 33 321, 116 117."""
    return phone.national(number)


def tel_href(number: str) -> str:
    # Short numbers are dialled as they are; eight-digit numbers work from abroad with +47.
    return phone.tel_uri(number)


def format_date(value: dt.date) -> str:
    """3. desember 2026: Babel's (CLDR's) Norwegian bokmål month names, in the pattern of its long date."""
    return babel_format_date(value, "d. MMMM y", locale="nb")


def host(url: str) -> str:
    name = urlsplit(url).hostname or url
    return name.removeprefix("www.")


def format_ages(malgruppe) -> str:
    fra, til = malgruppe.alder_fra, malgruppe.alder_til
    if fra is not None and til is not None:
        return f"{fra}–{til} år"
    if fra is not None:
        return f"fra {fra} år"
    if til is not None:
        return f"til og med {til} år"
    return ""


def front_matter(values: dict) -> Markup:
    # JSON is valid YAML, and it escapes whatever an editor wrote in a title. The theme prints the title as
    # HTML (<title>, the header) without escaping it: so it is escaped here, once, like all the page's text.
    values = {key: str(escape(value)) if key == "title" and isinstance(value, str) else value
              for key, value in values.items()}
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return Markup("\n".join(lines + ["---"]))


def pagefind_attribute(text: str) -> Markup:
    """A value for a data-pagefind-filter attribute. Pagefind decodes the attribute's entities twice and the
    search page shows the value as text, so an editor's text is escaped once for Pagefind and once for HTML."""
    return Markup(escape(str(escape(text))))


def with_page_type(text: str, page_type: str) -> str:
    # The built page names its template (site_overrides/main.html), so the browser tests can take one
    # page of every kind from the site itself instead of from a list that forgets new kinds.
    body = text.lstrip("\n")
    if not body.startswith("---\n"):
        raise ValueError(f"{page_type}: a page template must begin with its front matter")
    return f"---\nsidetype: {json.dumps(page_type)}\n" + body[len("---\n"):]


def relative_to(target_url: str, from_md_path: str) -> str:
    """A link from one page to another that works on any host and without a server."""
    here = page_url(from_md_path)
    relative = posixpath.relpath(target_url or ".", here or ".")
    if relative == ".":
        return "./"
    return relative + ("/" if target_url.endswith("/") or not target_url else "")
