"""«Meld fra om feil i denne informasjonen»: on every service and bydel page, a plain link with a prefilled report
to the bydel's editors, when an address is configured; no link at all when none is."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.check.pipeline import load_catalogue
from tests.conftest import mkdocs_build, mkdocs_project


LINK_TEXT = "Meld fra om feil i denne informasjonen"
# Placeholders on reserved domains (RFC 2606): no real repository or mailbox.
ISSUE_URL = "https://git.example.org/hjelpenavigator/issues/new"


def build_with(project, extra: dict) -> Path:
    mkdocs_project(project)
    config = yaml.safe_load(project.read("mkdocs.yml"))
    config["extra"].update(extra)
    project.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True))
    result = mkdocs_build(project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    return project.root / "build" / "site"


def report_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [html.unescape(href) for href, label in re.findall(r'<a href="([^"]*)">([^<]*)</a>', text)
            if label == LINK_TEXT]


def pages_with_facts(project) -> list[tuple[str, object, object]]:
    """(page in the built site, the bydel or area, the service or None) for every service and bydel page."""
    catalogue = load_catalogue(project.root)
    pages = [(f"bydeler/{a.id}/index.html", a, None) for a in catalogue.bydeler]
    return pages + [(f"tjenester/{s.id}/index.html", s.area, s) for s in catalogue.services]


def test_every_service_and_bydel_page_links_to_a_prefilled_issue(project):
    site = build_with(project, {"repo_issue_url": ISSUE_URL})
    for page, area, service in pages_with_facts(project):
        links = report_links(site / page)
        assert len(links) == 1, f"{page}: {links}"
        url = urlsplit(links[0])
        assert f"{url.scheme}://{url.netloc}{url.path}" == ISSUE_URL
        query = parse_qs(url.query)
        assert area.navn in query["title"][0]
        assert query["labels"] == [f"feil-i-opplysning,bydel-{area.id}"]
        body = query["body"][0]
        assert f"Bydel: {area.navn} ({area.id})" in body
        assert "/" + page.removesuffix("index.html") in body, "the report names the page"
        if service is not None:
            assert service.navn in query["title"][0]
            assert f"(kilde: {service.kilde}, sjekket {service.kontrollert.isoformat()})" in body
            if service.kontakt.telefon:
                assert f"- Telefon: {service.kontakt.telefon.verdi} (kilde: {service.kontakt.telefon.kilde}" in body
        assert "Ikke skriv navn eller noe om deg selv eller barnet" in body


def test_the_issue_page_says_the_report_is_public(project):
    site = build_with(project, {"repo_issue_url": ISSUE_URL})
    text = (site / "tjenester" / "familieteamet-nordby" / "index.html").read_text(encoding="utf-8")
    assert "til redaktørene for Bydel Nordby på GitHub. Meldingen blir offentlig." in text
    assert "<form" not in text[text.index("hn-meld-fra"):], "a link, never a form posting anywhere"


def test_an_email_address_per_bydel_with_a_standard_one(project):
    site = build_with(project, {"feil_epost": {"nordby": "nordby@example.org", "standard": "redaksjon@example.org"}})
    nordby = report_links(site / "tjenester" / "familieteamet-nordby" / "index.html")
    sorby = report_links(site / "bydeler" / "sorby" / "index.html")
    assert nordby[0].startswith("mailto:nordby@example.org?subject=")
    assert sorby[0].startswith("mailto:redaksjon@example.org?subject=")
    body = parse_qs(urlsplit(sorby[0]).query)["body"][0]
    assert "Bydelens dør inn for familier: Oslohjelpa" in body


def test_other_pages_have_no_report_link(project):
    site = build_with(project, {"repo_issue_url": ISSUE_URL})
    for page in ["index.html", "kategorier/familiestotte/index.html", "om/index.html", "sok/index.html"]:
        assert report_links(site / page) == [], page


@pytest.mark.site
def test_no_address_configured_means_no_link(built_site):
    config = yaml.safe_load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    if config["extra"].get("repo_issue_url") or config["extra"].get("feil_epost"):
        pytest.skip("an address is configured for the shipped site")
    for page in built_site.rglob("*.html"):
        assert report_links(page) == [], page  # the guide may name the link; no page has it
