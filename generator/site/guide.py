"""The editors' guides, each from one template for two places: the site (under /redaktorer/) and the repository
(written by `python -m generator schema`):

- «Slik oppdaterer du bydelens tjenester»: redaktorer/index.md and services/README.md (templates/veiledning.md.j2);
- «Slik endrer du veiviserne»: redaktorer/veivisere/index.md and journeys/README.md (veiledning_veivisere.md.j2);
- «Slik endrer du søkeordene og kriseordene»: redaktorer/sokeord.md and services/SOKEORD.md
  (veiledning_sokeord.md.j2).

The field tables come from the models and the lists of the check's messages from messages.nb.yml, so
neither can go stale; the prose is in the templates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator.site.field_guide import sections
from generator.models import Katalogfil, Kategorifil
from generator.models.crisis_words import Kriseordfil
from generator.models.journeys import Veiviser
from generator.models.search_words import MAX_WORD_LENGTH, Sokeordfil
from generator.models.types import phone_as_meant
from generator.check.journey_graph import MAX_QUESTIONS
from generator.check.problems import messages, problem
from generator.check.validate import did_you_mean, mente_du

TEMPLATE = "veiledning.md.j2"
REPO_GUIDE = Path("services") / "README.md"
SITE_GUIDE = "redaktorer/index.md"
# The messages editors meet most, in the order the guide explains them.
COMMON_PROBLEMS = [
    "telefon", "dato_format", "dato_finnes_ikke", "dato_fremtid", "https_url", "kilde_mangler", "kontrollert_mangler",
    "missing", "extra_forbidden", "unknown_category",
    "id_format", "duplicate_id", "unknown_contact_point", "literal_error", "string_too_long",
    "yaml_tab", "yaml_syntax", "yaml_duplicate_key", "yaml_alias", "fil_for_stor", "file_name_mismatch",
]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def guide_context(target: str) -> dict:
    """`target` is "site" or "repo": links and a few sentences differ, nothing else."""
    return {"target": target, "file_sections": sections(Katalogfil), "category_sections": sections(Kategorifil),
            "problems": [_problem_text(kind) for kind in COMMON_PROBLEMS],
            # A real message, formatted by the check itself, so the guide shows exactly what editors see.
            "example_problem": problem("services/sagene.yml", 35, 9, "tjenester[2].kontakt.telefon.verdi",
                                       "telefon", value="+47 950 00 000",
                                       suggestion=mente_du(phone_as_meant("+47 950 00 000"))).format()}


def _problem_text(kind: str) -> dict[str, str]:
    texts = messages()[kind]
    return {"kind": kind, "melding": _blank(texts["melding"]), "hint": _blank(texts.get("hint", ""))}


def _blank(template: str) -> str:
    """A message with its details left out: «{value}» reads «…»; a suggestion is left out."""
    text = _PLACEHOLDER.sub(lambda m: "" if m.group(1) == "suggestion" else "…", template)
    return text.replace("….", "…").strip()


# The guide for journeys/: the messages about paths (every journey_* kind, in the file's order, so a new check is
# listed the day it is written), then those editors of a path meet most among the shared ones.
JOURNEY_PROBLEMS_SHARED = [
    "too_short", "too_long", "unknown_category", "ingen_a_ringe", "file_name_mismatch", "missing", "extra_forbidden",
    "literal_error", "id_format", "https_url", "string_too_long", "yaml_tab", "yaml_syntax", "yaml_duplicate_key",
]
# The example path in templates/veiledning_veivisere.md.j2 with one typo; tests/test_editor_guide.py makes the typo
# and compares what the check says with this.
JOURNEY_EXAMPLE_FILE = "journeys/eksempel.yml"
JOURNEY_EXAMPLE_STEPS = ["fare", "alder", "akutt", "familie", "ungdom"]
JOURNEY_EXAMPLE_TYPO = ("ungdm", 25, 9, "sporsmal[2].svar[2].neste")
# The guide for services/sokeord.yml and services/kriseord.yml: their own messages, then the shared ones.
WORDS_PROBLEMS_SHARED = [
    "unknown_category", "unknown_journey", "unknown_bydel", "missing", "extra_forbidden", "too_short", "list_type",
    "string_too_short", "https_url", "yaml_tab", "yaml_syntax", "yaml_duplicate_key",
]
WORDS_PREFIXES = ("sokeord_", "kriseord_")
# A new group at the top of services/sokeord.yml without a target (the example in templates/veiledning_sokeord.md.j2);
# tests/test_editor_guide.py makes the same mistake and compares what the check says.
WORDS_EXAMPLE_PROBLEM = ("services/sokeord.yml", 25, 5, "sokeord[1].kategorier", "sokeord_uten_mal")


@dataclass(frozen=True)
class Guide:
    """One editors' guide: its template, its file in the repository and its page on the site."""
    template: str
    repo_file: Path
    site_page: str
    context: Callable[..., dict]  # context(target) -> what the template needs


def journey_guide_context(target: str, maps: list | None = None) -> dict:
    """`maps`: the site's pictures of the paths (views/journey_map.py), listed on the site page only."""
    name, line, column, where = JOURNEY_EXAMPLE_TYPO
    return {"target": target, "sections": sections(Veiviser), "max_questions": MAX_QUESTIONS,
            "problems": _problem_texts([k for k in messages() if k.startswith("journey_")] + JOURNEY_PROBLEMS_SHARED),
            "example_problem": problem(JOURNEY_EXAMPLE_FILE, line, column, where, "journey_unknown_step", value=name,
                                       allowed=", ".join(JOURNEY_EXAMPLE_STEPS),
                                       suggestion=did_you_mean(name, JOURNEY_EXAMPLE_STEPS)).format(),
            "maps": maps or []}


def words_guide_context(target: str) -> dict:
    file, line, column, where, kind = WORDS_EXAMPLE_PROBLEM
    own = [k for k in messages() if k.startswith(WORDS_PREFIXES)]
    return {"target": target, "search_sections": sections(Sokeordfil), "crisis_sections": sections(Kriseordfil),
            "max_word_length": MAX_WORD_LENGTH, "problems": _problem_texts(own + WORDS_PROBLEMS_SHARED),
            "example_problem": problem(file, line, column, where, kind).format()}


def _problem_texts(kinds: list[str]) -> list[dict[str, str]]:
    return [_problem_text(kind) for kind in dict.fromkeys(kinds)]


SERVICES_GUIDE = Guide(TEMPLATE, REPO_GUIDE, SITE_GUIDE, guide_context)
JOURNEYS_GUIDE = Guide("veiledning_veivisere.md.j2", Path("journeys") / "README.md", "redaktorer/veivisere/index.md",
                       journey_guide_context)
WORDS_GUIDE = Guide("veiledning_sokeord.md.j2", Path("services") / "SOKEORD.md", "redaktorer/sokeord.md",
                    words_guide_context)
GUIDES = (SERVICES_GUIDE, JOURNEYS_GUIDE, WORDS_GUIDE)


def render_repo_guide(guide: Guide = SERVICES_GUIDE) -> str:
    from generator.site.render import environment  # render imports this module for the site page
    return environment().get_template(guide.template).render(path="", **guide.context("repo"))


def write_repo_guides(root: Path) -> list[Path]:
    written = []
    for guide in GUIDES:
        target = root / guide.repo_file
        target.write_text(render_repo_guide(guide), encoding="utf-8")
        written.append(target)
    return written
