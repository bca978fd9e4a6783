"""Every page a path needs: one per question and answer history, one overview per outcome reached,
and one outcome page (plus a print view) per bydel. All plain links: no JavaScript needed.

Addresses are made of answer ids, one folder per answer, so an editor may reorder the answers of a question
without moving any page: /veivisere/bekymret-for-barnet/alder/hvor-lenge/bydelen/sagene/utskrift/.
No separator is needed to keep the folders apart: below a question page stand only its answers' ids (the check
refuses two answers with the same id), below an outcome page only bydel ids, and below a bydel only utskrift.
A page is a question or an outcome, never both, so an answer id never stands beside a bydel id or utskrift.
The addresses made of answer indexes used before (/veivisere/skolevegring/2-1/) redirect here
(views/redirects.py, with Visit.old_url).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.models.journeys import Sporsmal, Utfall, Veiviser
from generator.views.addresses import journey_url


@dataclass
class Answered:
    question: Sporsmal
    answer_text: str
    change_url: str  # the question's page, to answer it again


@dataclass
class Visit:
    path: Veiviser
    answers: tuple[str, ...]  # the ids of the answers given, in order
    node: Sporsmal | Utfall
    history: list[Answered] = field(default_factory=list)
    indexes: tuple[int, ...] = ()  # the same answers by position (from 0), only for the old addresses

    @property
    def url(self) -> str:
        return history_url(self.path, self.answers)

    @property
    def old_url(self) -> str:
        """The address this page had before answer ids (answer indexes from 1); views/redirects.py sends it on."""
        return index_url(self.path, self.indexes)

    @property
    def is_outcome(self) -> bool:
        return isinstance(self.node, Utfall)

    def answer_url(self, index: int) -> str:
        """The page the question's answer at `index` (from 0) leads to."""
        return history_url(self.path, self.answers + (self.node.svar[index].answer_id,))

    def bydel_url(self, bydel_id: str) -> str:
        return f"{self.url}{bydel_id}/"


def start_url(path: Veiviser) -> str:
    return journey_url(path.id)


def history_url(path: Veiviser, answers: tuple[str, ...]) -> str:
    # One folder per answer id: /veivisere/skolevegring/hvor-lenge/skolen-vet/
    return start_url(path) + "".join(f"{answer}/" for answer in answers)


def index_url(path: Veiviser, indexes: tuple[int, ...]) -> str:
    """The address a history had before answer ids, from answer indexes counted from 1: /veivisere/skolevegring/2-1/.
    Kept only so that views/redirects.py can send old bookmarks and printed links on."""
    if not indexes:
        return start_url(path)
    return start_url(path) + "-".join(str(a + 1) for a in indexes) + "/"


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
            walk(Visit(path, visit.answers + (answer.answer_id,), steps[answer.neste], visit.history + [answered],
                       visit.indexes + (index,)))

    walk(Visit(path, (), steps[path.start]))
    return found
