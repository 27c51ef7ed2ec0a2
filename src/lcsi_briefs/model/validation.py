"""Turn pydantic's errors and broken cross-references into editor-friendly problems.

Reference checks run on the raw data, not the validated model, so a pack with a type error
*and* a dangling id reports both in one pass.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from lcsi_briefs.model.citations import citation_entries, cited_sources
from lcsi_briefs.model.fields import ID_PATTERN
from lcsi_briefs.model.figure_checks import figure_problems
from lcsi_briefs.model.figures import SERIES_LENGTH
from lcsi_briefs.model.flow_lists import split_item_problems
from lcsi_briefs.model.pack import Pack
from lcsi_briefs.model.problems import Location, Problem, describe, field_path
from lcsi_briefs.model.yaml_reader import Document
from lcsi_briefs.text.counts import named_first
from lcsi_briefs.text.paragraphs import character_name, unusable_character

#: Ids named when a reference matches none and none is close: enough to recognise the list.
KNOWN_IDS_NAMED = 12
_ID_RULE = "an id of lower-case letters, digits and hyphens (1 to 64 characters)"

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD, without a time",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "dict_type": "a mapping (key: value lines)",
}


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated so we can see which model a location holds."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


def _model_at(root: type[BaseModel], location: Location) -> type[BaseModel] | None:
    current: Any = root
    for part in location:
        current = _unwrap(current)
        if isinstance(part, int):
            if typing.get_origin(current) is not list:
                return None
            current = typing.get_args(current)[0]
        else:
            if not (isinstance(current, type) and issubclass(current, BaseModel)):
                return None
            if part not in current.model_fields:
                return None
            current = current.model_fields[part].annotation
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _expects_list(location: Location) -> bool:
    """Whether the model wants a list at ``location`` (a list inside a list too: a table's rows)."""
    keys = list(location)
    while keys and isinstance(keys[-1], int):
        keys.pop()
    model = _model_at(Pack, tuple(keys[:-1])) if keys else None
    if model is None or not isinstance(keys[-1], str) or keys[-1] not in model.model_fields:
        return False
    return typing.get_origin(_unwrap(model.model_fields[keys[-1]].annotation)) is list


def _unknown_key_message(root: type[BaseModel], location: Location) -> str:
    key = str(location[-1])
    model = _model_at(root, location[:-1])
    if model is None:
        return f"unknown key {key!r}"
    allowed = list(model.model_fields)
    message = f"unknown key {key!r}; expected one of: {', '.join(allowed)}"
    close = difflib.get_close_matches(key, allowed, n=1)
    return f"{message} (did you mean {close[0]!r}?)" if close else message


def _message(root: type[BaseModel], error: ErrorDetails) -> str:
    kind = error["type"]
    found = describe(error.get("input"))
    context = error.get("ctx") or {}
    if kind == "missing":
        return "missing required key"
    if kind == "extra_forbidden":
        return _unknown_key_message(root, tuple(error["loc"]))
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        minimum = context.get("min_length", 1)
        return f"needs at least {'one item' if minimum == 1 else f'{minimum} items'}, found {found}"
    if kind == "too_long":
        maximum, actual = int(context.get("max_length", 0)), context.get("actual_length")
        found_items = f"{actual:,}" if isinstance(actual, int) else "more"
        message = f"expected at most {maximum:,} items, found {found_items}"
        if error["loc"][-1:] == ("series",):
            message += " (a chart with more series than that cannot be read: split it, or give a table instead)"
        return message
    if kind == "string_too_long":
        length = len(str(error.get("input")))
        return f"expected at most {int(context.get('max_length', 0)):,} characters, found {length:,}"
    if kind == "string_pattern_mismatch" and context.get("pattern") == ID_PATTERN:
        return f"expected {_ID_RULE}, found {found}"
    if kind == "literal_error":
        return f"expected {context.get('expected')}, found {found}"
    if kind == "value_error":
        return "expected " + str(error["msg"]).removeprefix("Value error, ")
    if kind == "string_unicode":
        # Only a lone surrogate (written as a "\\uD83D" escape) gets past the UTF-8 reader.
        char = unusable_character(str(error.get("input"))) or "\ufffd"
        return (
            f"expected text, found {character_name(char)}, half of a character pair that cannot stand alone; "
            "write the character itself, or its eight-digit escape (such as \\U0001F600)"
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"expected a number {str(error['msg']).removeprefix('Input should be ')}, found {found}"
    if kind.startswith("date_") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(error.get("input"))):
        return f"expected a real date written YYYY-MM-DD, found {found}, which is not a day in the calendar"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {found}"
    return f"{error['msg']}, found {found}"


def schema_problems(document: Document) -> list[Problem]:
    """Check a pack's data against the model; every error, each with its position."""
    return model_problems(Pack, document)


def model_problems(model: type[BaseModel], document: Document) -> list[Problem]:
    """Check the data against ``model`` (a pack, a member file); every error, each with its position."""
    try:
        model.model_validate(document.data)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            if detail["type"] == SERIES_LENGTH:
                continue  # reported by figure_problems, at the line of the values
            location = tuple(detail["loc"])
            line, column = document.position(location, key=detail["type"] == "extra_forbidden")
            if detail["type"] == "missing":
                line, column = document.position(location[:-1])
            problems.append(Problem(document.path, line, column, field_path(location), _message(model, detail)))
        return problems
    return []


def _items(data: object, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    collection = data.get(key) if isinstance(data, dict) else None
    if isinstance(collection, list):
        for index, item in enumerate(collection):
            if isinstance(item, dict):
                yield index, item


def _ids(document: Document, key: str, problems: list[Problem]) -> set[str]:
    """Collect the ids of one collection, reporting duplicates where the second one stands."""
    first_seen: dict[str, int] = {}
    for index, item in _items(document.data, key):
        identifier = item.get("id")
        if not isinstance(identifier, str) or not re.match(ID_PATTERN, identifier):
            continue
        if identifier in first_seen:
            line, column = document.position((key, index, "id"))
            first_line = document.position((key, first_seen[identifier], "id"))[0]
            problems.append(
                Problem(
                    document.path,
                    line,
                    column,
                    field_path((key, index, "id")),
                    f"duplicate id {identifier!r}: already used on line {first_line}; ids must be unique among {key}",
                )
            )
        else:
            first_seen[identifier] = index
    return set(first_seen)


def check_references(
    document: Document, location: Location, value: object, known: set[str], kind: str
) -> Iterator[Problem]:
    """Each id in ``value`` (one id or a list) that is not ``known``, with the nearest that is."""
    references = value if isinstance(value, list) else [value]
    for index, reference in enumerate(references):
        if not isinstance(reference, str) or reference in known:
            continue
        where = (*location, index) if isinstance(value, list) else location
        line, column = document.position(where)
        message = f"unknown {kind} {reference!r}"
        close = difflib.get_close_matches(reference, sorted(known), n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
        elif known:
            message += f"; expected one of: {named_first(sorted(known), KNOWN_IDS_NAMED)}"
        else:
            message += f"; the pack defines no {kind}s"
        yield Problem(document.path, line, column, field_path(where), message)


def reference_problems(document: Document) -> list[Problem]:
    """Duplicate ids, and references to findings, sources, functions or audiences that do not exist."""
    problems: list[Problem] = []
    sources = _ids(document, "sources", problems)
    findings = _ids(document, "findings", problems)
    functions = _ids(document, "functions", problems)
    audiences = _ids(document, "audiences", problems)
    data = document.data
    for index, finding in _items(data, "findings"):
        cited = cited_sources(finding)
        for part, reference in citation_entries(finding.get("sources")):
            problems += check_references(document, ("findings", index, "sources", *part), reference, sources, "source")
        listed = finding.get("quotes")
        quotes: list[tuple[tuple[str | int, ...], object]] = [(("quote",), finding.get("quote"))]
        quotes += [(("quotes", n), q) for n, q in enumerate(listed)] if isinstance(listed, list) else []
        for place, quote in quotes:
            if not isinstance(quote, dict) or "source" not in quote:
                continue
            location = ("findings", index, *place, "source")
            problems += check_references(document, location, quote["source"], sources, "source")
            if quote["source"] in sources and cited is not None and quote["source"] not in cited:
                message = f"the quoted source {quote['source']!r} must also be listed in this finding's sources"
                problems.append(document.problem(location, message))
    problems += figure_problems(document, sources, check_references)
    problems += split_item_problems(document, _expects_list)
    for index, pathway in _items(data, "pathways"):
        for key, known, kind in (("functions", functions, "function"), ("beneficiaries", audiences, "audience")):
            if key in pathway:
                problems += check_references(document, ("pathways", index, key), pathway[key], known, kind)
    for index, audience in _items(data, "audiences"):
        implications = audience.get("implications")
        for number, implication in enumerate(implications if isinstance(implications, list) else []):
            if isinstance(implication, dict) and "findings" in implication:
                where: Location = ("audiences", index, "implications", number, "findings")
                problems += check_references(document, where, implication["findings"], findings, "finding")
    seen_terms: dict[str, int] = {}
    for index, entry in _items(data, "glossary"):
        term = entry.get("term")
        if not isinstance(term, str):
            continue
        folded = term.strip().casefold()
        if folded in seen_terms:
            line, column = document.position(("glossary", index, "term"))
            first_line = document.position(("glossary", seen_terms[folded], "term"))[0]
            problems.append(
                Problem(
                    document.path,
                    line,
                    column,
                    field_path(("glossary", index, "term")),
                    f"duplicate glossary term {term!r}: already defined on line {first_line}",
                )
            )
        else:
            seen_terms[folded] = index
    return problems
