"""Stage 1: read YAML files into plain data, remembering where every value stands.

No logic about the catalogue lives here; the positions let later stages point an editor
to the exact line and column of a mistake.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from generator.check.problems import Problem, describe_location, problem

Location = tuple[str | int, ...]
TOO_DEEP = "for mange nivåer inni hverandre"
# The largest file the check reads: some twenty times the largest catalogue file when this was set (45 KB).
# A file past it holds something pasted by mistake, and is refused before any of it is parsed.
MAX_FILE_BYTES = 1_000_000
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"


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
    with path.open("rb") as fh:
        raw = fh.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        return None, [problem(display_name, 1, 1, "", "fil_for_stor",
                              size=_megabytes(max(path.stat().st_size, len(raw))),
                              limit=_megabytes(MAX_FILE_BYTES))]
    try:
        # Decoded as Path.read_text would: strict UTF-8, universal newlines.
        text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8").read()
    except UnicodeDecodeError:
        return None, [problem(display_name, 1, 1, "", "yaml_encoding")]

    problems = _tab_problems(text, display_name)
    if problems:
        # A tab makes the rest of the parse meaningless; report every tab line instead.
        return None, problems

    try:
        root, anchored = _compose(text)
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
    converter = _Converter(doc, anchored)
    try:
        doc.data = converter.convert(root, ())
    except RecursionError:  # nesting that composed, but is too deep to convert
        line, column = _pos(root)
        return None, [problem(display_name, line, column, "", "yaml_syntax", detail=TOO_DEEP)]
    if converter.refused_aliases:
        # An alias stands as an empty value: checking the rest against the model would only add false alarms.
        return None, converter.problems
    return doc, converter.problems


def _megabytes(size: int) -> str:
    """1_000_001 -> "1,1": rounded up, so a file over the limit never reads as the limit itself."""
    return f"{math.ceil(size / 100_000) / 10:.1f}".replace(".", ",").removesuffix(",0")


class _Alias(yaml.ScalarNode):
    """Stands where the file has an alias (*navn), instead of the node it names."""

    def __init__(self, event: yaml.AliasEvent):
        super().__init__("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        self.name = event.anchor


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, with two changes at the root of two ways a file could go wrong.

    - An alias (*navn) is never resolved to the node its anchor (&navn) names. The catalogue uses no
      anchors or aliases; resolved, aliases of aliases grow exponentially («billion laughs»), and an
      anchored value changed in one place would silently change elsewhere. The converter reports each.
      The merge key «<<», which only merges what an alias names, is an ordinary key.
    - A plain scalar that looks like a date but is no real day (2026-02-30) stays the text it is,
      instead of PyYAML raising for it, so the model's date type can say what is wrong with it.
    - A plain scalar with a colon between digits (14:00) is text, as in YAML 1.2 and the editors' VS Code,
      not PyYAML's base-60 number (840): editors write clock times that way.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.anchored: dict[int, str] = {}  # id(node) -> its anchor's name

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            return _Alias(self.get_event())
        anchor = self.peek_event().anchor
        # Aliases never look anchors up, so a name used twice is only one more anchor to report.
        self.anchors.pop(anchor, None)
        node = super().compose_node(parent, index)
        if anchor is not None:
            self.anchored[id(node)] = anchor
        return node

    def resolve(self, kind, value, implicit):
        tag = super().resolve(kind, value, implicit)
        if tag == TIMESTAMP_TAG and not _is_timestamp(value):
            return STR_TAG
        if tag in (INT_TAG, FLOAT_TAG) and ":" in value:
            return STR_TAG
        if tag == MERGE_TAG:
            return STR_TAG  # «<<» merges what an alias names; without aliases it is only an unknown key
        return tag


def _compose(text: str) -> tuple[yaml.Node | None, dict[int, str]]:
    """The file's node tree, and which of its nodes carry an anchor (&navn)."""
    loader = _Loader(text)
    try:
        return loader.get_single_node(), loader.anchored
    finally:
        loader.dispose()


_TIMESTAMPS = SafeConstructor()


def _is_timestamp(value: str) -> bool:
    try:
        _TIMESTAMPS.construct_yaml_timestamp(yaml.ScalarNode(TIMESTAMP_TAG, value))
    except (ValueError, OverflowError):
        return False
    return True


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
    def __init__(self, doc: Document, anchored: dict[int, str]):
        self.doc = doc
        self.problems: list[Problem] = []
        self._scalars = SafeConstructor()
        self._anchored = anchored
        self._alias_lines: set[int] = set()

    @property
    def refused_aliases(self) -> bool:
        return bool(self._alias_lines)

    def convert(self, node: yaml.Node, location: Location) -> Any:
        self.doc.positions.setdefault(location, _pos(node))
        if isinstance(node, _Alias):
            self._refuse_alias(node, f"*{node.name}", location)
            return None
        if id(node) in self._anchored:
            self._refuse_alias(node, f"&{self._anchored[id(node)]}", location)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, location + (i,)) for i, item in enumerate(node.value)]
        try:
            return self._scalars.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as err:
            detail = err.problem or str(err)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as err:
            # PyYAML's constructors raise these for 0x_, !!bool ja, !!timestamp nei or !!timestamp 2026-02-30.
            detail = str(err)
        line, column = _pos(node)
        self.problems.append(problem(self.doc.display_name, line, column, _dotted(location),
                                     "yaml_value", detail=detail))
        return None

    def _refuse_alias(self, node: yaml.Node, written: str, location: Location) -> None:
        line, column = _pos(node)
        if line in self._alias_lines:
            return  # b: &b [*a, *a] is one line to rewrite: one problem
        self._alias_lines.add(line)
        self.problems.append(problem(self.doc.display_name, line, column, _dotted(location), "yaml_alias",
                                     written=written if len(written) <= 40 else written[:39] + "…"))

    def _mapping(self, node: yaml.MappingNode, location: Location) -> dict:
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node, location + ("<nøkkel>",))
            if isinstance(key_node, _Alias):
                continue  # reported as an alias already
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
