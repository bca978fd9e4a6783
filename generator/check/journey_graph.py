"""Checks of a path's graph: every answer leads somewhere, everything is reachable, no cycles,
no more than MAX_QUESTIONS questions before an outcome, and the answers of a question have different ids
(each is a folder of the page address, views/paths.py)."""
from __future__ import annotations

import graphlib
import re
import unicodedata

from generator.check.load import Document
from generator.models.journeys import Veiviser
from generator.check.problems import Problem, describe_location, problem
from generator.check.validate import did_you_mean

MAX_QUESTIONS = 4


def check_graph(path: Veiviser, doc: Document, categories: set[str]) -> list[Problem]:
    problems: list[Problem] = []

    def add(location: tuple, kind: str, **details) -> None:
        line, column = doc.position(location)
        problems.append(problem(doc.display_name, line, column, describe_location(location), kind, **details))

    where = _index_steps(path, doc, add)
    if doc.path.stem != path.id:
        add(("id",), "file_name_mismatch", id=path.id, file_name=doc.path.name, stem=doc.path.stem)

    known = list(where)
    edges: dict[str, list[str]] = {q.id: [] for q in path.sporsmal}

    def resolve(location: tuple, target: str) -> bool:
        if target in where:
            return True
        add(location, "journey_unknown_step", value=target, allowed=", ".join(known),
            suggestion=did_you_mean(target, known))
        return False

    start_ok = resolve(("start",), path.start)
    for q_index, question in enumerate(path.sporsmal):
        _check_answer_ids(path, q_index, doc, add)
        for a_index, answer in enumerate(question.svar):
            if resolve(("sporsmal", q_index, "svar", a_index, "neste"), answer.neste):
                edges[question.id].append(answer.neste)
    _check_categories(path, categories, add)
    if start_ok:
        _check_walk(path.start, edges, where, add)
    return problems


def _index_steps(path: Veiviser, doc: Document, add) -> dict[str, tuple]:
    """{step id: ("sporsmal" or "utfall", index)} for the first step with each id; a later one is a problem."""
    where: dict[str, tuple] = {}
    for kind, items in (("sporsmal", path.sporsmal), ("utfall", path.utfall)):
        for index, step in enumerate(items):
            if step.id in where:
                add((kind, index, "id"), "journey_duplicate_step", id=step.id,
                    first_line=doc.position(where[step.id] + ("id",))[0])
            else:
                where[step.id] = (kind, index)
    return where


def _check_categories(path: Veiviser, categories: set[str], add) -> None:
    for o_index, outcome in enumerate(path.utfall):
        for c_index, category in enumerate(outcome.kategorier):
            if category not in categories:
                add(("utfall", o_index, "kategorier", c_index), "unknown_category", value=category,
                    allowed=", ".join(sorted(categories)),
                    suggestion=did_you_mean(category, sorted(categories)))


def _check_walk(start: str, edges: dict[str, list[str]], where: dict[str, tuple], add) -> None:
    """From the start: no cycle (then nothing more is said), every step reached, few enough questions."""
    cycle = _find_cycle(start, edges)
    if cycle:
        add(where[cycle[-1]] + ("id",), "journey_cycle", cycle=" → ".join(cycle))
        return

    reachable = _reachable(start, edges)
    for step_id, location in where.items():
        if step_id not in reachable:
            add(location + ("id",), "journey_unreachable", id=step_id)

    longest = _longest_question_path(start, edges)
    if len(longest) > MAX_QUESTIONS:
        add(where[longest[0]] + ("id",), "journey_too_long", path=" → ".join(longest),
            count=len(longest), limit=MAX_QUESTIONS)


def _check_answer_ids(path: Veiviser, q_index: int, doc: Document, add) -> None:
    """Two answers of one question with the same id (written, or taken from neste) would share one address."""
    question = path.sporsmal[q_index]

    def location(a_index: int) -> tuple:
        written = question.svar[a_index].id is not None
        return ("sporsmal", q_index, "svar", a_index, "id" if written else "neste")

    first: dict[str, int] = {}
    used = {answer.answer_id for answer in question.svar}
    for a_index, answer in enumerate(question.svar):
        if answer.answer_id not in first:
            first[answer.answer_id] = a_index
            continue
        suggestion = _suggest_id(answer.tekst, used)
        used.add(suggestion)
        add(location(a_index), "journey_duplicate_answer", id=answer.answer_id, question=question.id,
            first_line=doc.position(location(first[answer.answer_id]))[0], forslag=suggestion)


def _suggest_id(text: str, used: set[str]) -> str:
    """An id from the first words of an answer («Det har vart lenge» -> det-har-vart), not one in use."""
    folded = text.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", folded)[:3]) or "svar"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _reachable(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, []))
    return seen


def _find_cycle(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    """A cycle among the steps reached from start (one elsewhere shows as unreachable steps), as the steps
    around it with the first repeated at the end. The start is added first and each step's answers in order,
    so graphlib's search walks from the start the way the answers are written."""
    sorter = graphlib.TopologicalSorter()
    sorter.add(start)
    reachable = _reachable(start, edges)
    for node, targets in edges.items():
        if node in reachable:
            for target in targets:
                sorter.add(target, node)  # node comes before target
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        return error.args[1]
    return None


def _longest_question_path(start: str, edges: dict[str, list[str]]) -> list[str]:
    """The questions on the longest way from start to an outcome (the graph has no cycles here)."""
    if start not in edges:
        return []
    best: list[str] = []
    for nxt in edges[start]:
        candidate = _longest_question_path(nxt, edges)
        if len(candidate) > len(best):
            best = candidate
    return [start] + best
