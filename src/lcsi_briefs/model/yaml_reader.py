"""Read a YAML file into plain data plus the position of every key and value.

PyYAML's composer gives us the node tree with marks; we build the values ourselves rather
than let YAML guess types. Every scalar stays a string (so ``0012``, ``2025-07-11`` or ``no``
are never turned into a number, a date or ``False``) and the model decides what each field
needs. Anchors and aliases are refused before anything is built, which also defuses "billion laughs"
documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lcsi_briefs.model.problems import Location, PackError, Problem, field_path
from lcsi_briefs.model.scalars import Scalar, file_index, line_and_column
from lcsi_briefs.text.paragraphs import character_name

#: A briefing is a few hundred kilobytes at most; anything far larger is a mistake.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40

_NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class FlowItem:
    """One item of a bracketed list as written: unquoted or not, its first and last positions."""

    plain: bool
    start: tuple[int, int]
    end: tuple[int, int]


@dataclass
class Document:
    """The data of one file, with 1-based (line, column) positions keyed by field location."""

    path: Path
    data: object
    value_positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    #: Lists written in brackets (``[a, b]``), where a comma meant as part of the text silently
    #: starts a new item: for each item, whether it was written unquoted, and where it starts and ends.
    flow_lists: dict[Location, list[FlowItem]] = field(default_factory=dict)
    #: The file's text and how the parser read each scalar in it, to place a word inside a value.
    text: str = field(default="", repr=False)
    scalars: dict[Location, Scalar] = field(default_factory=dict, repr=False)

    def position(self, location: Location, *, key: bool = False) -> tuple[int, int]:
        """The closest known position: the field itself, else its nearest parent."""
        positions = self.key_positions if key else self.value_positions
        for end in range(len(location), -1, -1):
            found = positions.get(location[:end]) or self.value_positions.get(location[:end])
            if found:
                return found
        return (1, 1)

    def value(self, location: Location) -> object:
        """The data at ``location``, as read (every scalar a string); None where the file holds
        nothing there, so a check can ask of a location it only suspects (a list the model wants)."""
        node = self.data
        for part in location:
            if isinstance(node, dict) and isinstance(part, str):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return None
        return node

    def word_position(self, location: Location, offset: int) -> tuple[int, int]:
        """The position of character ``offset`` of the text at ``location``: of the word a check
        found inside a value, decoded from how the parser read it (:mod:`lcsi_briefs.model.scalars`)."""
        scalar = self.scalars.get(location)
        value = self.value(location) if scalar else None
        if scalar is None or not isinstance(value, str):
            return self.position(location)
        return line_and_column(self.text, scalar, file_index(self.text, scalar, value, offset))

    def problem(self, location: Location, message: str) -> Problem:
        """A problem with the field at ``location``, placed where :meth:`position` finds it."""
        line, column = self.position(location)
        return Problem(self.path, line, column, field_path(location), message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _end(node: yaml.Node) -> tuple[int, int]:
    return (node.end_mark.line + 1, node.end_mark.column + 1)


def _yaml_message(error: yaml.MarkedYAMLError) -> tuple[str, yaml.Mark | None]:
    """PyYAML's wording, translated for editors, and the mark that best shows the mistake."""
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    if "'\\t'" in problem:
        return "found a tab character; YAML must be indented with spaces, not tabs", error.problem_mark
    if "quoted scalar" in context and "end of stream" in problem:
        message = "this quotation mark is never closed; add the closing quotation mark at the end of the text"
        return f"YAML syntax error: {message}", error.context_mark
    if "single document" in context:
        message = "found a second document (a line starting with ---); a pack file must hold one document only"
        return f"YAML syntax error: {message}", error.problem_mark
    if problem.startswith("expected <block end>"):
        message = (
            "this line is not lined up with the lines above it; check the indentation "
            "(use spaces, and keep each item in line with its neighbours)"
        )
        return f"YAML syntax error: {message}", error.problem_mark
    if "mapping values are not allowed" in problem:
        hint = "if the text contains ': ', put the whole value in double quotes; otherwise check the indentation"
        return f"YAML syntax error: {problem} ({hint})", error.problem_mark
    message = f"YAML syntax error: {problem}" + (f" {context}" if context else "")
    if "could not find expected ':'" in problem:
        message += " (check the indentation and that each key ends with ':')"
    return message, error.problem_mark or error.context_mark


def _yaml_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    message, mark = _yaml_message(error)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(path, line, column, "", message)


def _reader_problem(path: Path, text: str, error: yaml.reader.ReaderError) -> Problem:
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    message = f"the file contains the control character U+{code:04X}, which cannot be seen or printed; delete it"
    return Problem(path, line, column, "", message)


#: Characters YAML reads as line breaks although editors show them inside a line: positions
#: after them would be off by a line, and the value they split is seldom what the editor meant.
_HIDDEN_BREAKS = re.compile("[\x85\u2028\u2029]")


def _hidden_break_problems(path: Path, text: str) -> list[Problem]:
    """Every raw U+0085, U+2028 or U+2029, at the line and column an editor counts."""
    problems = []
    for match in _HIDDEN_BREAKS.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        column = match.start() - (before.rfind("\n") + 1) + 1
        message = (
            f"the file contains {character_name(match.group())}, which YAML reads as a line break "
            "although most editors do not show one; replace it with a space, or a blank line between paragraphs"
        )
        problems.append(Problem(path, line, column, "", message))
    return problems


class _Loader(yaml.SafeLoader):
    """Notes where each alias is used, so a refused alias is reported where it is written."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks: list[yaml.Mark] = []

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.alias_marks.append(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise PackError(
            [
                Problem(
                    path,
                    line,
                    column,
                    "",
                    f"the file is not UTF-8 text: found the byte 0x{raw[error.start]:02X}; "
                    "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


class _Builder:
    """Turns composed nodes into dicts, lists, strings and None, noting every position."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str) -> None:
        line, column = _mark(node)
        self.problems.append(Problem(self.document.path, line, column, "", message))

    def build(self, node: yaml.Node, location: Location, depth: int = 0) -> object:
        self.document.value_positions[location] = _mark(node)
        if depth > MAX_DEPTH:
            self.problem(node, f"the data is nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG and node.style is None:
                return None
            start = node.start_mark
            self.document.scalars[location] = Scalar(
                node.style, start.index, node.end_mark.index, start.line + 1, start.column + 1
            )
            return str(node.value)
        if isinstance(node, yaml.SequenceNode):
            if node.flow_style:
                self.document.flow_lists[location] = [
                    FlowItem(isinstance(item, yaml.ScalarNode) and item.style is None, _mark(item), _end(item))
                    for item in node.value
                ]
            return [self.build(item, (*location, index), depth + 1) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, location, depth)
        self.problem(node, "unsupported YAML node")  # pragma: no cover - PyYAML has no other kind
        return None

    def build_mapping(self, node: yaml.MappingNode, location: Location, depth: int) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, "a key must be plain text (merge keys '<<' and complex keys are not supported)")
                continue
            key = str(key_node.value)
            child = (*location, key)
            if key in result:
                first_line = self.document.key_positions[child][0]
                self.problem(key_node, f"duplicate key {key!r}: it is already set on line {first_line}")
                continue
            self.document.key_positions[child] = _mark(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result


def read_yaml(path: Path, what: str = "a briefing pack") -> Document:
    """Read one pack file (or ``what`` the file should hold), or raise PackError listing what
    stops it being read at all."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PackError([Problem(path, 1, 1, "", f"cannot read the file: {error.strerror}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise PackError([Problem(path, 1, 1, "", f"the file is {len(raw):,} bytes; a pack may be at most {limit} MiB")])
    text = _decode(path, raw)
    hidden = _hidden_break_problems(path, text)
    if hidden:
        raise PackError(hidden)
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        raise PackError([_yaml_problem(path, error)]) from None
    except yaml.reader.ReaderError as error:
        raise PackError([_reader_problem(path, text, error)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML's other errors are the two above
        raise PackError([Problem(path, 1, 1, "", f"YAML error: {error}")]) from None
    except RecursionError:
        raise PackError([Problem(path, 1, 1, "", "the data is nested too deeply to read")]) from None
    if loader.alias_marks:
        message = "anchors and aliases (& and *) are not supported; write the value out in full"
        raise PackError([Problem(path, m.line + 1, m.column + 1, "", message) for m in loader.alias_marks])
    if root is None:
        raise PackError([Problem(path, 1, 1, "", f"the file is empty; expected {what}")])
    document = Document(path, None, text=text)
    builder = _Builder(document)
    document.data = builder.build(root, ())
    if builder.problems:
        raise PackError(builder.problems)
    return document
