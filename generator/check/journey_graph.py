"""Checks of a path's graph: every answer leads somewhere, everything is reachable, no cycles,
and no more than MAX_QUESTIONS questions before an outcome."""
from __future__ import annotations

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

    where: dict[str, tuple] = {}
    for kind, items in (("sporsmal", path.sporsmal), ("utfall", path.utfall)):
        for index, step in enumerate(items):
            if step.id in where:
                add((kind, index, "id"), "journey_duplicate_step", id=step.id,
                    first_line=doc.position(where[step.id] + ("id",))[0])
            else:
                where[step.id] = (kind, index)
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
        for a_index, answer in enumerate(question.svar):
            if resolve(("sporsmal", q_index, "svar", a_index, "neste"), answer.neste):
                edges[question.id].append(answer.neste)
    for o_index, outcome in enumerate(path.utfall):
        for c_index, category in enumerate(outcome.kategorier):
            if category not in categories:
                add(("utfall", o_index, "kategorier", c_index), "unknown_category", value=category,
                    allowed=", ".join(sorted(categories)),
                    suggestion=did_you_mean(category, sorted(categories)))
    if not start_ok:
        return problems

    cycle = _find_cycle(path.start, edges)
    if cycle:
        add(where[cycle[-1]] + ("id",), "journey_cycle", cycle=" → ".join(cycle))
        return problems

    reachable = _reachable(path.start, edges)
    for step_id, location in where.items():
        if step_id not in reachable:
            add(location + ("id",), "journey_unreachable", id=step_id)

    longest = _longest_question_path(path.start, edges)
    if len(longest) > MAX_QUESTIONS:
        add(where[longest[0]] + ("id",), "journey_too_long", path=" → ".join(longest),
            count=len(longest), limit=MAX_QUESTIONS)
    return problems


def _reachable(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, []))
    return seen


def _find_cycle(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    """The first cycle met from start, as the steps around it with the first repeated at the end."""
    trail: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in trail:
            return trail[trail.index(node):] + [node]
        if node in done:
            return None
        trail.append(node)
        for nxt in edges.get(node, []):
            found = visit(nxt)
            if found:
                return found
        trail.pop()
        done.add(node)
        return None

    return visit(start)


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
