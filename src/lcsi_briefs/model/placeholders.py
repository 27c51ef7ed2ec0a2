"""Placeholders that ``lcsi-briefs new`` writes, and the check that refuses a pack still holding one.

Every placeholder is text an editor cannot mistake for content (``REPLACE: the briefing
title``) or a web address on the reserved ``.invalid`` domain, so one rule finds them all and
``validate`` names each, located, until the editor has replaced it.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from lcsi_briefs.model.problems import Location, Problem, quoted
from lcsi_briefs.model.yaml_reader import Document

#: What every placeholder text starts with.
MARK = "REPLACE:"
#: The address of every placeholder source (``.invalid`` can never resolve: RFC 2606).
URL = "https://replace.invalid/the-report-address"


def is_placeholder(value: str) -> bool:
    if MARK in value:
        return True
    try:
        host = urlsplit(value.strip()).hostname or ""
    except ValueError:
        return False
    return host == "invalid" or host.endswith(".invalid")


def _scalars(value: object, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalars(item, (*location, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _scalars(item, (*location, index))
    elif isinstance(value, str):
        yield location, value


def placeholder_problems(document: Document) -> list[Problem]:
    """One problem per placeholder left in the file, where it is."""
    problems: list[Problem] = []
    for location, value in _scalars(document.data, ()):
        if is_placeholder(value):
            problems.append(document.problem(location, f"replace the placeholder {quoted(value)}"))
    return problems
