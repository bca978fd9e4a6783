"""Every page a path needs: one per question and answer history, one overview per outcome reached,
and one outcome page (plus a print view) per bydel. All plain links: no JavaScript needed."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.models.journeys import Sporsmal, Utfall, Veiviser


@dataclass
class Answered:
    question: Sporsmal
    answer_text: str
    change_url: str  # the question's page, to answer it again


@dataclass
class Visit:
    path: Veiviser
    answers: tuple[int, ...]
    node: Sporsmal | Utfall
    history: list[Answered] = field(default_factory=list)

    @property
    def url(self) -> str:
        return history_url(self.path, self.answers)

    @property
    def is_outcome(self) -> bool:
        return isinstance(self.node, Utfall)

    def answer_url(self, index: int) -> str:
        return history_url(self.path, self.answers + (index,))

    def bydel_url(self, bydel_id: str) -> str:
        return f"{self.url}{bydel_id}/"


def start_url(path: Veiviser) -> str:
    return f"veivisere/{path.id}/"


def history_url(path: Veiviser, answers: tuple[int, ...]) -> str:
    # Answers counted from 1, as a person reads them: /veivisere/skolevegring/2-1/
    if not answers:
        return start_url(path)
    return start_url(path) + "-".join(str(a + 1) for a in answers) + "/"


def visits(path: Veiviser) -> list[Visit]:
    """Every way through the path, in the order a reader meets them."""
    steps = {s.id: s for s in [*path.sporsmal, *path.utfall]}
    found: list[Visit] = []

    def walk(visit: Visit) -> None:
        found.append(visit)
        if visit.is_outcome:
            return
        question = visit.node
        for index, answer in enumerate(question.svar):
            answered = Answered(question, answer.tekst, visit.url)
            walk(Visit(path, visit.answers + (index,), steps[answer.neste], visit.history + [answered]))

    walk(Visit(path, (), steps[path.start]))
    return found


def md_path(url: str) -> str:
    return url + "index.md"
