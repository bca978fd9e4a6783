"""A picture of a guided path for editors: every question with its answers and where each answer leads.

Like GOV.UK's smart-answer flow pictures, but plain nested HTML built with the site: no script, no request.
A step is drawn in full the first time it is met, reading from the top; an answer that leads to a step
already drawn points back to it instead of drawing it again. The wording is in templates/veiviser_kart.md.j2.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.catalogue import Catalogue
from generator.views.addresses import journey_map_url
from generator.models.journeys import Sporsmal, Utfall, Veiviser
from generator.views.paths import visits


@dataclass
class Branch:
    answer: str  # the answer's text
    leads_to: "Step"


@dataclass
class Step:
    node: Sporsmal | Utfall
    page_url: str  # the step's page as a reader first meets it
    depth: int  # 0 for the start
    drawn_above: bool  # already drawn higher up: link to it instead
    branches: list[Branch] = field(default_factory=list)  # a question's answers, drawn here
    ladder: list[str] = field(default_factory=list)  # an outcome: the order «Ring først» looks in
    own_ladder: bool = False  # the outcome's own ring_forst, not services/kategorier.yml's

    @property
    def is_outcome(self) -> bool:
        return isinstance(self.node, Utfall)

    @property
    def anchor(self) -> str:
        # Step ids are unique within a path (the check says so) and already fit in an HTML id.
        return f"steg-{self.node.id}"


@dataclass
class JourneyMap:
    path: Veiviser
    start: Step
    questions: int
    outcomes: int

    @property
    def url(self) -> str:
        return map_url(self.path)

    @property
    def md_path(self) -> str:
        return self.url + "index.md"


def map_url(path: Veiviser) -> str:
    return journey_map_url(path.id)


def journey_map(catalogue: Catalogue, path: Veiviser) -> JourneyMap:
    steps = {s.id: s for s in [*path.sporsmal, *path.utfall]}
    pages: dict[str, str] = {}
    for visit in visits(path):
        pages.setdefault(visit.node.id, visit.url)
    drawn: set[str] = set()

    def draw(step_id: str, depth: int) -> Step:
        node = steps[step_id]
        step = Step(node, pages[step_id], depth, drawn_above=step_id in drawn)
        if step.drawn_above:
            return step
        drawn.add(step_id)
        if isinstance(node, Utfall):
            step.ladder = list(node.ring_forst or catalogue.ladder)
            step.own_ladder = node.ring_forst is not None
        else:
            step.branches = [Branch(answer.tekst, draw(answer.neste, depth + 1)) for answer in node.svar]
        return step

    return JourneyMap(path, draw(path.start, 0), len(path.sporsmal), len(path.utfall))
