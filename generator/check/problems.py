"""A problem found in an editor's file, and its Norwegian wording.

Every stage returns problems instead of raising, so the editor sees all of them at once.
The wording lives in messages.nb.yml, not here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

MESSAGES_FILE = Path(__file__).with_name("messages.nb.yml")


@cache
def messages() -> dict[str, dict[str, str]]:
    with MESSAGES_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    kind: str
    details: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def message(self) -> str:
        return _text(self.kind, "melding", dict(self.details))

    @property
    def hint(self) -> str:
        return _text(self.kind, "hint", dict(self.details))

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" i feltet «{self.field}»" if self.field else ""
        text = f"{where}: feil{field}: {self.message}"
        if self.hint:
            text += f"\n    Slik retter du det: {self.hint}"
        return text


def problem(file: str, line: int, column: int, field: str, kind: str, **details: object) -> Problem:
    if kind not in messages():
        raise KeyError(f"no message text for problem kind {kind!r}")
    return Problem(file, line, column, field, kind, tuple((k, str(v)) for k, v in details.items()))


def describe_location(location: tuple) -> str:
    """`("tjenester", 2, "kontakt")` -> `tjenester[3].kontakt`: counted from 1, as editors count."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _text(kind: str, part: str, details: dict[str, str]) -> str:
    template = messages()[kind].get(part, "")
    return template.format_map(details).strip()


def format_report(problems: list[Problem]) -> str:
    count = len(problems)
    lines = [p.format() for p in sorted(problems)]
    lines.append(f"\nFant {count} feil. Nettstedet bygges ikke før alle er rettet.")
    return "\n".join(lines)


class ProblemsFound(Exception):
    """Raised at the edge (CLI, MkDocs hook) when a stage reported problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(format_report(problems))
        self.problems = problems
