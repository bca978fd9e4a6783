"""The editors' guide «Slik oppdaterer du bydelens tjenester», from one template for two places:
the site (redaktorer/index.md) and the repository (services/README.md, written by `python -m generator schema`).

The field tables come from the model and the list of the check's messages from messages.nb.yml, so
neither can go stale; the prose is in templates/veiledning.md.j2.
"""
from __future__ import annotations

import re
from pathlib import Path

from generator.site.field_guide import sections
from generator.models import Katalogfil, Kategorifil
from generator.models.types import phone_as_meant
from generator.check.problems import messages, problem
from generator.check.validate import mente_du

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


def render_repo_guide() -> str:
    from generator.site.render import environment  # render imports this module for the site page
    return environment().get_template(TEMPLATE).render(path="", **guide_context("repo"))


def write_repo_guide(root: Path) -> Path:
    target = root / REPO_GUIDE
    target.write_text(render_repo_guide(), encoding="utf-8")
    return target
