"""The MkDocs build runs the same check and refuses to build a catalogue with problems."""
from __future__ import annotations

from tests.conftest import mkdocs_build, mkdocs_project


def _build(project):
    return mkdocs_build(project.root)


def test_build_refuses_a_broken_catalogue_with_the_same_messages(project):
    mkdocs_project(project)
    project.replace("services/nordby.yml", 'verdi: "95000000"', 'verdi: "950 00 000"')

    result = _build(project)

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "services/nordby.yml:35:9: feil i feltet «tjenester[1].kontakt.telefon.verdi»" in output
    assert "Traceback" not in output
    assert not (project.root / "build" / "site" / "index.html").exists()


def test_build_of_the_fixture_catalogue_writes_every_page(project):
    mkdocs_project(project)

    result = _build(project)

    assert result.returncode == 0, result.stderr
    site = project.root / "build" / "site"
    for page in ["index.html", "bydeler/nordby/index.html", "tjenester/oslohjelpa-sorby/index.html",
                 "kategorier/legevakt/index.html", "sok/index.html", "pagefind/pagefind-entry.json"]:
        assert (site / page).is_file(), page


def test_build_refuses_aliases_an_impossible_date_and_a_file_too_large(project):
    from generator.check.load import MAX_FILE_BYTES
    from tests.test_fuzz_loader import billion_laughs

    mkdocs_project(project)
    project.write("services/sorby.yml", billion_laughs(30))
    project.replace("services/nordby.yml", "kildedato: 2025-12-01", "kildedato: 2026-02-30")
    project.write("services/ekstra.yml", "# " + "x" * MAX_FILE_BYTES + "\n")

    result = _build(project)

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "services/sorby.yml:1:5: feil i feltet «a0»: Her står «&a0»" in output
    assert "services/nordby.yml:13:5: feil i feltet «omrade.telefon.kildedato»: 2026-02-30 er ikke en dato som finnes." in output
    assert "services/ekstra.yml:1:1: feil: Filen er på 1,1 MB" in output
    assert "Traceback" not in output
    assert not (project.root / "build" / "site" / "index.html").exists()
