"""Bydelsreformen: two fixture bydeler merged into one. Every old address (bydel, service, fagperson and outcome
pages) still lands on a live page, and search no longer knows the old bydeler."""
from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from posixpath import normpath

import pytest

from generator.site.boundaries import boundaries_asset
from generator.check.pipeline import check, load_catalogue
from generator.site.render import render_site
from tests.conftest import FIXTURE_CATALOGUE, mkdocs_build
from tests.conftest import mkdocs_project

NORDBY, SORBY = "services/nordby.yml", "services/sorby.yml"


_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def merge_into_midtby(project) -> None:
    """Nordby and Sørby become Bydel Midtby. Nordby's services keep their ids; Sørby's Oslohjelpa gets a new one."""
    nordby, sorby = project.read(NORDBY), project.read(SORBY)
    services = nordby[nordby.index("tjenester:\n") + len("tjenester:\n"):]
    oslohjelpa = sorby[sorby.index("  - id: oslohjelpa-sorby"):].replace(
        "  - id: oslohjelpa-sorby\n", "  - id: oslohjelpa-midtby\n    tidligere_id: [oslohjelpa-sorby]\n")
    project.write("services/midtby.yml", (
        "omrade:\n  id: midtby\n  navn: Bydel Midtby\n  type: bydel\n  erstatter:\n"
        "    - id: nordby\n      navn: Bydel Nordby\n"
        "    - id: sorby\n      navn: Bydel Sørby\n      kilde: https://vedtak.example.org/bydelsreform\n"
        "kontaktpunkt: familieteamet-nordby\ntjenester:\n" + services + oslohjelpa))
    (project.root / NORDBY).unlink()
    (project.root / SORBY).unlink()
    # A city service for some bydeler now serves the new one (the editor's part of the reform).
    project.write("services/oslo.yml", project.read("services/oslo.yml").replace("bydeler: [sorby]", "bydeler: [midtby]"))


def build(project) -> Path:
    mkdocs_project(project)
    result = mkdocs_build(project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    return project.root / "build" / "site"


def page_urls(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html")}


def redirect_target(site: Path, url: str) -> str | None:
    match = _REFRESH.search((site / url / "index.html").read_text(encoding="utf-8"))
    return normpath(url + match.group(1)).lstrip("./") + "/" if match else None


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    sites = []
    for merge in (False, True):
        root = tmp_path_factory.mktemp("merged" if merge else "before")
        shutil.copytree(FIXTURE_CATALOGUE, root, dirs_exist_ok=True)

        class Project:
            def read(self, relative):
                return (root / relative).read_text(encoding="utf-8")

            def write(self, relative, text):
                (root / relative).parent.mkdir(parents=True, exist_ok=True)
                (root / relative).write_text(text, encoding="utf-8")

        project = Project()
        project.root = root
        if merge:
            merge_into_midtby(project)
        sites.append(build(project))
    return sites


def test_the_merge_is_a_valid_catalogue(project):
    merge_into_midtby(project)
    catalogue, problems = check(project.root)
    assert problems == [], [p.format() for p in problems]
    assert [a.id for a in catalogue.bydeler] == ["midtby"]
    assert set(catalogue.replaced_bydeler) == {"nordby", "sorby"}


def test_every_old_address_lands_on_a_live_page(before_and_after):
    before, after = before_and_after
    old = page_urls(before)
    moved = {url for url in old if re.search(r"(^|/)(nordby|sorby|oslohjelpa-sorby)/", url)}
    assert {"bydeler/nordby/", "bydeler/sorby/", "fagpersoner/sorby/", "tjenester/oslohjelpa-sorby/"} <= moved
    assert any(url.startswith("veivisere/") and url.endswith("/sorby/utskrift/") for url in moved)
    failures = []
    for url in sorted(old):
        if not (after / url / "index.html").is_file():
            failures.append(f"{url}: gone")
            continue
        target = redirect_target(after, url)
        if url in moved and target is None:
            failures.append(f"{url}: still there, not sent on")
        if target is not None:
            if not (after / target / "index.html").is_file():
                failures.append(f"{url} -> {target}: no such page")
            elif redirect_target(after, target) is not None:
                failures.append(f"{url} -> {target}: sent on again")
    assert not failures, f"{len(failures)} of {len(old)} old addresses:\n" + "\n".join(failures[:30])
    assert redirect_target(after, "bydeler/nordby/") == "bydeler/midtby/"
    assert redirect_target(after, "tjenester/oslohjelpa-sorby/") == "tjenester/oslohjelpa-midtby/"
    assert redirect_target(after, "tjenester/familieteamet-nordby/") is None, "a kept id needs no redirect"


def test_a_redirect_page_has_a_link_the_emergency_bar_and_stays_out_of_search(before_and_after):
    _, after = before_and_after
    html = (after / "bydeler" / "sorby" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Bydel Sørby er slått sammen med andre bydeler til Bydel Midtby</h1>" in html
    assert '<a href="../midtby/">siden for Bydel Midtby</a>' in html
    assert 'aria-label="Nødnumre"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "data-pagefind-body" not in html


def test_search_no_longer_knows_the_old_bydeler(before_and_after):
    before, after = before_and_after
    for old in ("Bydel Nordby", "Bydel Sørby"):
        assert _in_search_filters(before, old), f"the check would not see {old} in the index"
        assert not _in_search_filters(after, old), f"{old} is still a search filter"
        indexed = [p for p in after.rglob("index.html")
                   if "data-pagefind-body" in (text := p.read_text(encoding="utf-8"))
                   and f"bydel:{old}" in text]
        assert not indexed, indexed
    midtby = (after / "bydeler" / "midtby" / "index.html").read_text(encoding="utf-8")
    assert "Tidligere Bydel Nordby og Bydel Sørby." in midtby, "searching an old name finds the new bydel"


def _in_search_filters(site: Path, name: str) -> bool:
    """Whether Pagefind's filter index (gzip files under pagefind/filter/) holds a bydel filter value."""
    for path in (site / "pagefind" / "filter").glob("*.pf_filter"):
        data = path.read_bytes()
        try:
            data = gzip.decompress(data)
        except OSError:
            pass
        if name.encode("utf-8") in data:
            return True
    return False


def test_the_reform_mistakes_get_clear_messages(project):
    merge_into_midtby(project)
    project.write(NORDBY, (FIXTURE_CATALOGUE / NORDBY).read_text(encoding="utf-8").replace(
        "- id: familieteamet-nordby", "- id: familieteamet-gammel").replace(
        "kontaktpunkt: familieteamet-nordby", "kontaktpunkt: familieteamet-gammel").replace(
        "- id: hfu-nordby", "- id: hfu-gammel"))
    project.replace("services/oslo.yml", "    nodlinje: 2\n", "    nodlinje: 2\n    bydeler: [sorby]\n")
    project.replace("services/midtby.yml", "    tidligere_id: [oslohjelpa-sorby]\n",
                    "    tidligere_id: [oslohjelpa-sorby, hfu-nordby]\n")
    _, problems = check(project.root)
    by_kind = {p.kind: p.format() for p in problems}
    assert set(by_kind) == {"erstattet_finnes", "bydel_erstattet", "tidligere_id_i_bruk"}, by_kind
    assert "services/midtby.yml" in by_kind["erstattet_finnes"] and "services/nordby.yml finnes fortsatt" in \
        by_kind["erstattet_finnes"]
    assert "«sorby» finnes ikke lenger" in by_kind["bydel_erstattet"] and "Skriv midtby." in by_kind["bydel_erstattet"]
    assert "«hfu-nordby»" in by_kind["tidligere_id_i_bruk"]


def test_the_position_finder_leads_from_an_old_bydel_to_the_new_one():
    import json
    data = json.loads(boundaries_asset({"nord"}, {"sagene": ("nord", "Bydel Nord")})["assets/bydelsgrenser.json"])
    sagene = [b for b in data["bydeler"] if b["id"] == "nord"]
    assert sagene and sagene[0]["navn"] == "Bydel Nord" and sagene[0]["side"] == "bydeler/nord/"
    assert not [b for b in data["bydeler"] if b["id"] == "sagene"]


def test_redirect_pages_are_rendered_for_the_new_home(project):
    merge_into_midtby(project)
    pages = render_site(load_catalogue(project.root))
    page = pages["bydeler/nordby/index.md"]
    assert '"omdirigering": "../midtby/"' in page or 'omdirigering: "../midtby/"' in page
    assert "bydeler/nordby.md" not in pages and "bydeler/midtby.md" in pages
