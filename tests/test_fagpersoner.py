"""The section for GPs and professionals: a referral contact per bydel, the comparison table, two clicks."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest



def test_every_bydel_has_a_referral_contact_or_an_explicit_unknown_with_a_fallback(shipped):
    catalogue, pages = shipped
    for area in catalogue.bydeler:
        page = pages[f"fagpersoner/{area.id}.md"]
        section = page[page.index('id="henvisningskontakt"'):page.index('id="bup"')]
        assert "Ikke kjent ennå." in section, area.id
        main = area.omrade
        if main.telefon:
            assert f'href="tel:+47{main.telefon.verdi}"' in section, area.id
        elif main.nettside:
            assert f'href="{main.nettside.verdi}"' in section, area.id
        else:
            assert "bydelens hovednummer og nettside er heller ikke kjent ennå" in section, area.id
        assert area.contact_point.navn in section


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells: dict[tuple[str, str], list[str]] = {}
        self._row = None
        self._in_td = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-kategori" in attrs:
            self._row = (attrs["data-kategori"], attrs["data-bydel"])
            self.cells[self._row] = []
        elif tag == "td" and self._row:
            self._in_td = True
        elif tag == "a" and self._in_td:
            self.cells[self._row].append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "td":
            self._in_td = False
        if tag == "tr":
            self._row = None


def test_comparison_table_has_a_cell_for_every_bydel_and_category(shipped):
    catalogue, pages = shipped
    parser = _Cells()
    parser.feed(pages["fagpersoner/sammenligning.md"])
    expected = {(c.id, a.id) for c in catalogue.categories for a in catalogue.bydeler}
    assert set(parser.cells) == expected
    filled = 0
    for (category_id, bydel_id), links in parser.cells.items():
        for link in links:
            if link.startswith("tel:"):
                continue  # a number next to the service is not a page
            match = re.fullmatch(r"\.\./\.\./tjenester/([a-z0-9-]+)/", link)
            assert match, f"{category_id} × {bydel_id}: {link} is not a service page"
            assert f"tjenester/{match.group(1)}.md" in pages
            filled += 1
    assert filled >= len(catalogue.bydeler)


def test_bup_for_a_bydel_is_only_the_clinic_that_serves_it(shipped):
    catalogue, pages = shipped
    for area in catalogue.bydeler:
        section = pages[f"fagpersoner/{area.id}.md"].split('id="bup"')[1].split("</section>")[0]
        for bup in [s for s in catalogue.services if s.category.id == "bup" and s.bydeler]:
            assert (f"tjenester/{bup.id}/" in section) == (area.id in bup.bydeler), (area.id, bup.id)


@pytest.mark.browser
def test_a_gp_reaches_the_referral_contact_of_a_bydel_in_two_clicks(open_context, catalogue, artifacts):
    area = catalogue.bydeler[-1]
    context, recorder = open_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("./")
    clicks = 0
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Fastlege eller fagperson")).click()
    clicks += 1
    with page.expect_navigation():
        page.locator(".hn-side").get_by_role("link", name=area.navn, exact=True).click()
    clicks += 1

    assert clicks == 2
    assert page.url.endswith(f"/fagpersoner/{area.id}/")
    assert page.locator("#henvisningskontakt").is_visible()
    page.screenshot(path=str(artifacts / "fagperson-bydel-360px.png"), full_page=True)
    assert recorder.foreign() == []


@pytest.mark.browser
def test_the_bydel_overview_prints_on_one_a4_page(open_context, catalogue, artifacts):
    context, _ = open_context()
    page = context.new_page()
    sizes = {}
    for area in catalogue.bydeler:
        page.goto(f"fagpersoner/{area.id}/")
        pdf = page.pdf(format="A4")
        sizes[area.id] = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    (artifacts / "fagperson-bydel.pdf").write_bytes(pdf)
    assert all(count == 1 for count in sizes.values()), sizes


def test_the_gp_page_lists_every_number_that_serves_the_bydel(shipped):
    from generator.views.numbers import numbers_for
    catalogue, pages = shipped
    for area in catalogue.bydeler:
        page = pages[f"fagpersoner/{area.id}.md"]
        for service in numbers_for(catalogue, area).own:
            number = service.kontakt.telefon.verdi
            assert f'href="tel:{"+47" if len(number) == 8 else ""}{number}"' in page, (area.id, service.id)
