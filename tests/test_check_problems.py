"""One broken copy of the fixture catalogue per mistake an editor can make.

Each case asserts the Norwegian message names the file, the line, the field and what to write.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from generator.check.load import MAX_FILE_BYTES
from generator.check.pipeline import check

NORDBY = "services/nordby.yml"

# (case id, file, old text, new text, expected problem kind, line, field, words the message must contain)
CASES = [
    ("telefon-med-mellomrom", NORDBY, 'verdi: "95000000"', 'verdi: "+47 950 00 000"',
     "telefon", 35, "tjenester[1].kontakt.telefon.verdi", ["+47 950 00 000", "8 sifre"]),
    ("javascript-url", NORDBY, "kilde: https://nordby.example.org/hfu\n    kontrollert",
     "kilde: javascript:alert(1)\n    kontrollert",
     "https_url", 46, "tjenester[2].kilde", ["javascript:alert(1)", "https://"]),
    ("norsk-datoformat", NORDBY, "kontrollert: 2026-01-15\n    malgruppe:\n      alder_fra: 0",
     "kontrollert: 15.01.2026\n    malgruppe:\n      alder_fra: 0",
     "dato_format", 22, "tjenester[1].kontrollert", ["15.01.2026", "ÅÅÅÅ-MM-DD", "2026-03-12"]),
    ("dato-fram-i-tid", NORDBY, "kildedato: 2025-12-01", "kildedato: 2999-12-01",
     "dato_fremtid", 13, "omrade.telefon.kildedato", ["2999-12-01", "fram i tid"]),
    ("ukjent-felt", NORDBY, "    navn: Familieteamet\n", "    navn: Familieteamet\n    farge: blå\n",
     "extra_forbidden", 19, "tjenester[1].farge",
     ["«farge» finnes ikke her", "Tillatte felt her: id, navn, kortnavn, kategori"]),
    ("feilstavet-felt", NORDBY, "  telefon:\n    verdi: \"21000000\"", "  telfon:\n    verdi: \"21000000\"",
     "extra_forbidden", 10, "omrade.telfon", ["telfon", "Mente du «telefon»"]),
    ("engelsk-felt", NORDBY, "    navn: Familieteamet", "    name: Familieteamet",
     "extra_forbidden", 18, "tjenester[1].name", ["name", "Mente du «navn»?"]),
    ("felt-mangler", NORDBY, "    beskrivelse: Gratis helsestasjon for ungdom 12–24 år.\n", "",
     "missing", 42, "tjenester[2].beskrivelse", ["beskrivelse"]),
    ("ukjent-kategori", NORDBY, "kategori: helsestasjon-for-ungdom", "kategori: helsestasjon-for-ungdomm",
     "unknown_category", 44, "tjenester[2].kategori",
     ["helsestasjon-for-ungdomm", "Mente du «helsestasjon-for-ungdom»", "familiestotte, helsestasjon-for-ungdom, familievern, akutt, legevakt"]),
    ("ukjent-kontaktpunkt", NORDBY, "kontaktpunkt: familieteamet-nordby", "kontaktpunkt: familieteamet",
     "unknown_contact_point", 15, "kontaktpunkt", ["familieteamet", "familieteamet-nordby, hfu-nordby"]),
    ("kontaktpunkt-mangler", NORDBY, "kontaktpunkt: familieteamet-nordby\n", "",
     "kontaktpunkt_mangler", 2, "kontaktpunkt", ["én dør inn"]),
    ("ugyldig-id", NORDBY, "  - id: hfu-nordby", "  - id: HFU Nordby",
     "id_format", 42, "tjenester[2].id", ["HFU Nordby", "små bokstaver"]),
    ("ugyldig-malgruppe", NORDBY, "hvem: [unge]", "hvem: [ungdom]",
     "literal_error", 51, "tjenester[2].malgruppe.hvem[1]", ["ungdom", "barn, unge, foreldre eller fagpersoner"]),
    ("tabulator", NORDBY, "  navn: Bydel Nordby", "\tnavn: Bydel Nordby",
     "yaml_tab", 4, "", ["tabulatortegn", "mellomrom"]),
    ("dobbelt-nokkel", NORDBY, "  navn: Bydel Nordby", "  navn: Bydel Nordby\n  navn: Nordby",
     "yaml_duplicate_key", 5, "omrade.navn", ["«navn»", "linje 4"]),
    ("feil-innrykk", NORDBY, "  navn: Bydel Nordby\n  type: bydel", "  navn: Bydel Nordby\n   type: bydel",
     "yaml_syntax", 5, "", ["innrykket"]),
    ("tom-fil", NORDBY, None, "", "empty_file", 1, "", ["tom"]),
    ("for-lang-beskrivelse", NORDBY, "beskrivelse: Gratis helsestasjon for ungdom 12–24 år.",
     "beskrivelse: " + "lang " * 130, "string_too_long", 45, "tjenester[2].beskrivelse", ["600"]),
    ("filnavn-og-id", NORDBY, "  id: nordby", "  id: nordbyen",
     "file_name_mismatch", 3, "omrade.id", ["nordbyen", "nordby.yml"]),
    ("alder-baklengs", NORDBY, "alder_fra: 12\n      alder_til: 24", "alder_fra: 24\n      alder_til: 12",
     "alder_rekkefolge", 50, "tjenester[2].malgruppe.alder_til", ["24", "12"]),
    ("nodlinje-uten-telefon", "services/oslo.yml",
     "    kontakt:\n      telefon:\n        verdi: \"116117\"\n        kilde: https://legevakt.example.org/\n        kontrollert: 2026-01-15\n",
     "", "emergency_line_without_phone", 14, "tjenester[1].nodlinje", ["legevakt-test"]),
    ("utledet-og-bekreftet", "services/sorby.yml", "    utledet: true\n",
     "    utledet: true\n    bekreftet:\n      dato: 2026-01-20\n      av: Redaktør i Bydel Sørby\n",
     "utledet_bekreftet", 9, "omrade.nettside.utledet", ["utledet", "bekreftet"]),
    ("utledet-tjenesteside", NORDBY, "    kontakt:\n      telefon:\n        verdi: \"95000000\"",
     "    kontakt:\n      nettside:\n        verdi: https://nordby.example.org/gjett\n        utledet: true\n"
     "        kilde: https://nordby.example.org/\n        kontrollert: 2026-01-15\n      telefon:\n        verdi: \"95000000\"",
     "utledet_bare_hovedside", 34, "tjenester[1].kontakt.nettside", ["hovedside", "kilden"]),
    ("forelopig-utenfor-bydel", "services/oslo.yml", "  type: by\n", "  type: by\nkontaktpunkt_forelopig: true\n",
     "kontaktpunkt_ikke_bydel", 6, "kontaktpunkt_forelopig", ["«by»"]),
    # The mistakes editors really make (issue 9): the check names what they most likely meant.
    ("kilde-mangler", NORDBY, '        verdi: "95000000"\n        kilde: https://nordby.example.org/familieteamet\n',
     '        verdi: "95000000"\n', "kilde_mangler", 34, "tjenester[1].kontakt.telefon.kilde",
     ["Kilden mangler", "kilde:", "https://", "utelat"]),
    ("kontrollert-mangler", NORDBY,
     '        kilde: https://nordby.example.org/familieteamet\n        kontrollert: 2026-01-15\n      apningstider',
     '        kilde: https://nordby.example.org/familieteamet\n      apningstider',
     "kontrollert_mangler", 34, "tjenester[1].kontakt.telefon.kontrollert", ["Datoen mangler", "ÅÅÅÅ-MM-DD"]),
    ("dato-med-punktum", NORDBY, "kontrollert: 2026-01-15\n    malgruppe:\n      alder_fra: 12",
     "kontrollert: 12.03.2026\n    malgruppe:\n      alder_fra: 12",
     "dato_format", 47, "tjenester[2].kontrollert", ["«12.03.2026»", "Mente du «2026-03-12»?"]),
    ("telefon-med-mellomrom-uten-anforselstegn", NORDBY, 'verdi: "95000000"', "verdi: 950 00 000",
     "telefon", 35, "tjenester[1].kontakt.telefon.verdi", ["«950 00 000»", "Mente du «95000000»?"]),
    ("telefon-med-landskode", NORDBY, 'verdi: "21000000"', 'verdi: "+4721000000"',
     "telefon", 11, "omrade.telefon.verdi", ["«+4721000000»", "Mente du «21000000»?", "uten +47"]),
    ("kilde-uten-https", NORDBY, "kilde: https://nordby.example.org/hfu\n    kontrollert",
     "kilde: nordby.example.org/hfu\n    kontrollert",
     "https_url", 46, "tjenester[2].kilde", ["Mente du «https://nordby.example.org/hfu»?"]),
    ("engelsk-felt-adresse", NORDBY, "      adresse:\n        verdi: Testveien 1", "      address:\n        verdi: Testveien 1",
     "extra_forbidden", 53, "tjenester[2].kontakt.address", ["«address»", "Mente du «adresse»?"]),
    ("engelsk-felt-telefon", NORDBY, "  telefon:\n    verdi: \"21000000\"", "  phone:\n    verdi: \"21000000\"",
     "extra_forbidden", 10, "omrade.phone", ["«phone»", "Mente du «telefon»?"]),
    ("felt-med-aa", NORDBY, "      apningstider:", "      åpningstider:",
     "extra_forbidden", 38, "tjenester[1].kontakt.åpningstider", ["Mente du «apningstider»?", "uten æ, ø og å"]),
    # A date in the right form that is no day of the calendar: in every kind of date field.
    ("dato-som-ikke-finnes", NORDBY, "kildedato: 2025-12-01", "kildedato: 2026-02-30",
     "dato_finnes_ikke", 13, "omrade.telefon.kildedato",
     ["2026-02-30 er ikke en dato som finnes.", "ÅÅÅÅ-MM-DD, for eksempel 2026-02-28."]),
    ("maned-som-ikke-finnes", NORDBY, "kontrollert: 2026-01-15\n    malgruppe:\n      alder_fra: 0",
     "kontrollert: 2025-13-15\n    malgruppe:\n      alder_fra: 0",
     "dato_finnes_ikke", 22, "tjenester[1].kontrollert", ["2025-13-15 er ikke en dato", "for eksempel 2025-12-15"]),
    ("bekreftet-dato-som-ikke-finnes", NORDBY, "dato: 2026-02-01", "dato: 2025-04-31",
     "dato_finnes_ikke", 58, "tjenester[2].kontakt.adresse.bekreftet.dato", ["2025-04-31", "2025-04-30"]),
    # YAML anchors and aliases (&navn, *navn) are refused, wherever they stand.
    ("anker-og-alias", NORDBY, "    kilde: https://nordby.example.org/familieteamet\n    kontrollert: 2026-01-15\n"
     "    malgruppe:\n      alder_fra: 0",
     "    kilde: &kilde https://nordby.example.org/familieteamet\n    kontrollert: 2026-01-15\n"
     "    malgruppe:\n      alder_fra: 0", "yaml_alias", 21, "tjenester[1].kilde",
     ["«&kilde»", "ikke tillatt", "Skriv verdiene ut der de hører hjemme, i stedet for å bruke ankere"]),
    ("alias", NORDBY, "kilde: https://nordby.example.org/hfu\n", "kilde: *kilde\n",
     "yaml_alias", 46, "tjenester[2].kilde", ["«*kilde»", "aliaser (*navn)"]),
    ("fil-for-stor", NORDBY, None, "# " + "x" * MAX_FILE_BYTES + "\n",
     "fil_for_stor", 1, "", ["Filen er på 1,1 MB", "opptil 1 MB", "limt inn ved en feil"]),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_gets_a_clear_norwegian_message(project, case):
    _, file, old, new, kind, line, field, words = case
    if old is None:
        project.write(file, new)
    else:
        project.replace(file, old, new)

    catalogue, problems = check(project.root)

    assert catalogue is None, "the build must refuse a catalogue with problems"
    matching = [p for p in problems if p.kind == kind]
    assert matching, f"expected a {kind} problem, got: {[p.format() for p in problems]}"
    found = matching[0]
    assert (found.file, found.line, found.field) == (file, line, field), found.format()
    text = found.format()
    assert text.startswith(f"{file}:{line}:")
    for word in words:
        assert word in text, f"{word!r} missing from:\n{text}"
    assert found.hint, "every problem says what to write instead"


def test_duplicate_service_id_across_files_names_both_files(project):
    project.replace("services/sorby.yml", "  - id: oslohjelpa-sorby", "  - id: hfu-nordby")
    project.replace("services/sorby.yml", "kontaktpunkt: oslohjelpa-sorby", "kontaktpunkt: hfu-nordby")

    _, problems = check(project.root)

    duplicate = [p for p in problems if p.kind == "duplicate_id"]
    assert len(duplicate) == 1
    assert duplicate[0].file == "services/sorby.yml" and duplicate[0].line == 15
    assert "services/nordby.yml" in duplicate[0].message


def test_a_service_moved_to_another_bydel_but_left_behind_names_both_files(project):
    """Moved from Nordby to Sørby with its id, but not deleted in nordby.yml: one message, both files and lines."""
    nordby = project.read(NORDBY)
    block = nordby[nordby.index("  - id: hfu-nordby"):]
    project.write("services/sorby.yml", project.read("services/sorby.yml") + block)

    _, problems = check(project.root)

    assert [p.kind for p in problems] == ["duplicate_id"], [p.format() for p in problems]
    text = problems[0].format()
    assert text.startswith("services/sorby.yml:")
    assert "«hfu-nordby» står også i services/nordby.yml (linje 42)" in text
    assert "slett den i services/nordby.yml" in text and "for eksempel hfu-sorby" in text

    project.write(NORDBY, nordby[:nordby.index("  - id: hfu-nordby")])
    catalogue, problems = check(project.root)
    assert problems == [], "a moved service may keep its id, so old links still work"
    assert catalogue.service("hfu-nordby").area.id == "sorby"


def test_an_english_key_is_one_problem_not_two(project):
    project.replace(NORDBY, "    navn: Familieteamet", "    name: Familieteamet")
    _, problems = check(project.root)
    assert [p.kind for p in problems] == ["extra_forbidden"], "«navn mangler» would only repeat it"


def test_all_problems_are_reported_together(project):
    project.replace(NORDBY, 'verdi: "95000000"', 'verdi: "9500"')
    project.replace(NORDBY, "hvem: [unge]", "hvem: [tenåringer]")
    project.replace("services/sorby.yml", "  navn: Bydel Sørby", "  navn: Bydel Sørby\n  telfon: 1")
    project.replace("services/kategorier.yml", "  - id: akutt", "  - id: Akutt")

    _, problems = check(project.root)

    kinds = sorted(p.kind for p in problems)
    assert kinds == ["extra_forbidden", "id_format", "literal_error", "telefon"], [p.format() for p in problems]
    assert {p.file for p in problems} == {NORDBY, "services/sorby.yml", "services/kategorier.yml"}


def test_a_missing_emergency_line_is_an_error(project):
    project.replace("services/nasjonale.yml", "    nodlinje: 1\n", "")
    project.replace("services/oslo.yml", "    nodlinje: 2\n", "")

    _, problems = check(project.root)

    assert [p.kind for p in problems] == ["missing_emergency_line"]


def test_the_fixture_catalogue_itself_is_clean(project):
    catalogue, problems = check(project.root)
    assert problems == []
    assert [a.id for a in catalogue.bydeler] == ["nordby", "sorby"]


def test_today_is_allowed_but_tomorrow_is_not(project):
    today = dt.date.today()
    project.replace(NORDBY, "kildedato: 2025-12-01", f"kildedato: {today.isoformat()}")
    assert check(project.root)[1] == []
    project.replace(NORDBY, f"kildedato: {today.isoformat()}",
                    f"kildedato: {(today + dt.timedelta(days=1)).isoformat()}")
    assert [p.kind for p in check(project.root)[1]] == ["dato_fremtid"]


def test_check_command_prints_every_error_without_a_traceback(project):
    project.replace(NORDBY, 'verdi: "95000000"', 'verdi: "95 00 00 00"')
    project.replace(NORDBY, "\n  navn: Bydel Nordby", "\n\tnavn: Bydel Nordby")
    project.replace("services/sorby.yml", "kategori: familiestotte", "kategori: famliestotte")

    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "check"],
                            capture_output=True, text=True, timeout=60)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "services/nordby.yml:4:1: feil: Linjen inneholder et tabulatortegn" in result.stderr
    assert "services/sorby.yml:17:" in result.stderr and "Mente du «familiestotte»" in result.stderr
    assert "Fant 2 feil" in result.stderr


def test_check_command_on_a_clean_catalogue(project):
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(project.root), "check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Alt i orden: 4 filer, 7 tjenester, 5 kategorier." in result.stdout


def test_every_problem_kind_the_code_raises_has_norwegian_text():
    import ast
    from pathlib import Path

    from generator.check.problems import messages

    # Where the kind stands among the arguments of each function that reports a problem.
    kind_argument = {"problem": 4, "_add": 3, "add": 1, "PydanticCustomError": 0}
    kinds = set()
    for source in (Path(__file__).resolve().parent.parent / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in kind_argument:
                index = kind_argument[node.func.id]
                if len(node.args) > index and isinstance(node.args[index], ast.Constant):
                    kinds.add(node.args[index].value)
    assert {"yaml_tab", "telefon", "journey_cycle", "unknown_category"} <= kinds, kinds
    missing = sorted(k for k in kinds if k not in messages())
    assert not missing, f"problem kinds without text in messages.nb.yml: {missing}"
