"""The editors' guide «Slik oppdaterer du bydelens tjenester»: in the repository and on the site, every model
field listed, its examples accepted by the check, and the repository files around a pull request."""
from __future__ import annotations

import re

import pytest
import yaml

from generator.site.field_guide import model_paths
from generator.site.guide import COMMON_PROBLEMS, REPO_GUIDE, SITE_GUIDE, render_repo_guide
from generator.models import Katalogfil, Kategorifil
from generator.check.pipeline import check
from generator.check.problems import messages
from tests.conftest import ROOT
from tests.guide_checks import guide_paths, undescribed_fields
from tests.update_golden import rendered_fixture

NORDBY = "services/nordby.yml"


def test_the_committed_guide_is_up_to_date():
    committed = (ROOT / REPO_GUIDE).read_text(encoding="utf-8")
    assert committed == render_repo_guide(), f"{REPO_GUIDE} is out of date: run `make schema` and commit"


@pytest.mark.parametrize("where", ["repo", "site"])
def test_every_model_field_is_in_the_guide(where):
    text = render_repo_guide() if where == "repo" else rendered_fixture()[SITE_GUIDE]
    listed = guide_paths(text)
    for model in (Katalogfil, Kategorifil):
        missing = sorted(model_paths(model) - listed)
        assert not missing, f"fields missing from the guide ({where}): {missing}"


def test_every_field_has_a_description_for_the_guide_and_the_schema():
    missing = undescribed_fields(Katalogfil, Kategorifil)
    assert not missing, f"fields without description (the guide and VS Code show it): {missing}"


def test_the_guide_explains_the_common_messages_with_their_real_wording():
    text = render_repo_guide()
    for kind in COMMON_PROBLEMS:
        first_words = messages()[kind]["melding"].split("{")[0].strip("'« ")
        assert first_words in text.replace("&#34;", '"'), kind
    assert "services/sagene.yml:35:9: feil i feltet «tjenester[2].kontakt.telefon.verdi»" in text


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


def test_the_guides_example_service_passes_the_check(project):
    service = _yaml_blocks(render_repo_guide())[0]
    assert "- id: familieteamet-eksempel" in service
    project.replace(NORDBY, "tjenester:\n", "tjenester:\n" + service)
    catalogue, problems = check(project.root)
    assert problems == [], [p.format() for p in problems]
    assert catalogue.service("familieteamet-eksempel").kontakt.telefon.verdi == "12345678"


def test_a_new_editor_changes_a_phone_number_as_the_guide_says(project):
    """The guide's own steps: a wrong number (with +47 and spaces), a Norwegian date, then the right values."""
    project.replace(NORDBY, 'verdi: "95000000"', 'verdi: +47 876 54 321')
    project.replace(NORDBY, "        kilde: https://nordby.example.org/familieteamet\n        kontrollert: 2026-01-15\n"
                            "      apningstider", "        kilde: https://nordby.example.org/familieteamet\n"
                                                  "        kontrollert: 12.03.2026\n      apningstider")
    _, problems = check(project.root)
    assert sorted(p.kind for p in problems) == ["dato_format", "telefon"], [p.format() for p in problems]

    project.replace(NORDBY, "verdi: +47 876 54 321", 'verdi: "87654321"')
    project.replace(NORDBY, "kontrollert: 12.03.2026", "kontrollert: 2026-03-12")
    catalogue, problems = check(project.root)
    assert problems == []
    assert catalogue.service("familieteamet-nordby").kontakt.telefon.verdi == "87654321"


def test_the_guide_adds_a_missing_phone_where_the_check_accepts_it(project):
    block = _yaml_blocks(render_repo_guide())[2]
    assert block.startswith("    malgruppe:\n      hvem: [barn, unge, foreldre]\n    kontakt:")
    project.replace("services/sorby.yml", "    malgruppe:\n      hvem: [barn, unge, foreldre]\n", block)
    catalogue, problems = check(project.root)
    assert problems == [], [p.format() for p in problems]
    assert catalogue.service("oslohjelpa-sorby").kontakt.telefon.verdi == "87654321"


def test_the_site_guide_is_linked_from_the_om_page_but_not_the_navigation():
    pages = rendered_fixture()
    assert "\nindekser: false\n" in pages[SITE_GUIDE], "editors' pages stay out of the public search"
    assert '<a href="../redaktorer/">Slik oppdaterer du bydelens tjenester</a>' in pages["om.md"]
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert "redaktorer" not in str(nav)


def test_the_guide_page_is_built(built_site):
    html = (built_site / "redaktorer" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in html and "Slik oppdaterer du bydelens tjenester" in html
    assert html.count("<table>") >= 10
    assert "data-pagefind-body" not in html


# --------------------------------------------------------------------------- the pull request around an edit

def test_codeowners_maps_every_bydel_file_to_a_marked_placeholder_team():
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "PLASSHOLDER" in text, "the team names are placeholders and must say so"
    owners = {line.split()[0]: line.split()[1:] for line in text.splitlines()
              if line.strip() and not line.startswith("#")}
    for path in sorted((ROOT / "services").glob("*.yml")):
        if path.name in ("kategorier.yml", "sokeord.yml", "kriseord.yml"):
            continue
        area = yaml.safe_load(path.read_text(encoding="utf-8"))["omrade"]
        entry = owners.get(f"/services/{path.name}")
        assert entry, f"/services/{path.name} has no line in CODEOWNERS"
        if area["type"] == "bydel":
            assert any(f"plassholder-{area['id']}" in owner for owner in entry), entry


def test_the_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for words in ["kilde", "kontrollert", "godkjent", "make check"]:
        assert words in text, words
    assert text.count("- [ ]") >= 4


def test_the_workflow_checks_builds_tests_and_uploads_the_site():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in flow[True]  # PyYAML reads the key `on` as true
    steps = [step for job in flow["jobs"].values() for step in job["steps"]]
    commands = "\n".join(step.get("run", "") for step in steps)
    for command in ["apt-get install", "chromium", "python -m generator check", "mkdocs build --strict",
                    "python -m pytest"]:
        assert command in commands, command
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"].endswith("build/site")


def test_pre_commit_runs_the_check_as_a_local_hook():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    assert any("make check" in hook["entry"] or "generator check" in hook["entry"] for hook in hooks)
