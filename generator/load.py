"""Stage 1: read YAML files into plain data, remembering where every value stands.

No logic about the catalogue lives here; the positions let later stages point an editor
to the exact line and column of a mistake.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .problems import Problem, describe_location, problem

Location = tuple[str | int, ...]
TOO_DEEP = "for mange nivåer inni hverandre, eller et alias (*navn) som viser til seg selv"


@dataclass
class Document:
    path: Path
    display_name: str
    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def position(self, location: Location) -> tuple[int, int]:
        """The line and column of the deepest known part of `location`."""
        loc = tuple(location)
        while loc and loc not in self.positions:
            loc = loc[:-1]
        return self.positions.get(loc, (1, 1))


def load_document(path: Path, display_name: str) -> tuple[Document | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [problem(display_name, 1, 1, "", "yaml_encoding")]

    problems = _tab_problems(text, display_name)
    if problems:
        # A tab makes the rest of the parse meaningless; report every tab line instead.
        return None, problems

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        return None, [problem(display_name, 1, 1, "", "yaml_syntax", detail=TOO_DEEP)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [problem(display_name, line, column, "", "yaml_syntax",
                              detail=_describe_yaml_error(err))]
    except yaml.YAMLError as err:
        return None, [problem(display_name, 1, 1, "", "yaml_syntax", detail=str(err))]

    if root is None:
        return None, [problem(display_name, 1, 1, "", "empty_file")]

    doc = Document(path, display_name, None)
    converter = _Converter(doc)
    try:
        doc.data = converter.convert(root, ())
    except RecursionError:  # an alias inside itself: a: &a [*a]
        line, column = _pos(root)
        return None, [problem(display_name, line, column, "", "yaml_syntax", detail=TOO_DEEP)]
    return doc, converter.problems


def _tab_problems(text: str, display_name: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find("\t")
        if column >= 0:
            found.append(problem(display_name, number, column + 1, "", "yaml_tab"))
    return found


def _describe_yaml_error(err: yaml.MarkedYAMLError) -> str:
    # PyYAML's own words are English; keep them as a detail after the Norwegian explanation.
    parts = [p for p in (err.context, err.problem) if p]
    return "; ".join(parts)


class _Converter:
    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []
        self._scalars = SafeConstructor()

    def convert(self, node: yaml.Node, location: Location) -> Any:
        self.doc.positions.setdefault(location, _pos(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, location + (i,)) for i, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as err:
            detail = err.problem or str(err)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as err:
            # PyYAML's constructors raise these for 2026-02-30, 0x_, !!bool ja or !!timestamp nei.
            detail = str(err)
        line, column = _pos(node)
        self.problems.append(problem(self.doc.display_name, line, column, _dotted(location),
                                     "yaml_value", detail=detail))
        return None

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict:
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node, location + ("<nøkkel>",))
            if not isinstance(key, (str, int, bool)) or key is None:
                line, column = _pos(key_node)
                self.problems.append(problem(self.doc.display_name, line, column, _dotted(location),
                                             "yaml_key_type"))
                continue
            key = str(key) if not isinstance(key, str) else key
            if key in first_seen:
                line, column = _pos(key_node)
                self.problems.append(problem(self.doc.display_name, line, column,
                                             _dotted(location + (key,)), "yaml_duplicate_key",
                                             key=key, first_line=first_seen[key]))
                continue
            first_seen[key] = _pos(key_node)[0]
            self.doc.positions[location + (key,)] = _pos(key_node)
            result[key] = self.convert(value_node, location + (key,))
        self.doc.positions.pop(location + ("<nøkkel>",), None)
        return result


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _dotted(location: Location) -> str:
    return describe_location(tuple(part for part in location if part != "<nøkkel>"))
