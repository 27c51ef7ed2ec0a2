"""Items of a ``[a, b]`` list that a comma split by mistake: ``[Under £10,000, Over £10,000]``.

In a bracketed YAML list every comma starts a new item, so a label or an action with a comma in
it silently becomes two ("Under £10" and "000 …"). A chart then finds more categories than
values, and an implication prints two half actions. Two signs give the split away, judged only
on items written without quotes (quoting is the fix, and says the comma is meant):

- an item of three digits straight after a comma that follows a digit (no space): a thousands
  separator;
- an item that starts in lower case in a list whose items mostly start with a capital: the rest
  of the item before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lcsi_briefs.model.problems import Location, Problem
from lcsi_briefs.model.yaml_reader import Document, FlowItem

HINT = "put the label in quotes: a comma inside [ ] starts a new item"
_THOUSANDS = re.compile(r"^\d{3}(?!\d)")


def _thousands(before: FlowItem, after: FlowItem, text: str, following: str) -> bool:
    """ "10,000": a digit, a comma and three digits with no space between, as in "£10,000"."""
    touching = after.start == (before.end[0], before.end[1] + 1)
    return touching and text[-1:].isdigit() and bool(_THOUSANDS.match(following))


def split_items(document: Document) -> dict[Location, list[int]]:
    """For each bracketed list, the indexes of items that look like the first half of a split.

    A thousands separator ("£10,000" read as "£10" and "000"); or, in a list whose items mostly
    start with a capital, an item starting in lower case: the rest of the item before it.
    """
    found: dict[Location, list[int]] = {}
    for location, written in document.flow_lists.items():
        items = document.value(location)
        if not isinstance(items, list) or len(items) != len(written) or not all(isinstance(i, str) for i in items):
            continue
        capitals = sum(1 for item in items if item[:1].isupper())
        lower = sum(1 for item in items if item[:1].islower())
        for index in range(len(items) - 1):
            before, after = written[index], written[index + 1]
            if not (before.plain and after.plain):
                continue
            continued = capitals > lower and items[index + 1][:1].islower()
            if continued or _thousands(before, after, items[index], items[index + 1]):
                found.setdefault(location, []).append(index)
    return found


def split_item_problems(document: Document, expects_list: Callable[[Location], bool]) -> list[Problem]:
    """One problem per likely split, on the line of its first half, with the quoted fix.

    Only where the model wants a list: a list written where text belongs is reported as such.
    """
    problems = []
    for location, indexes in split_items(document).items():
        if not expects_list(location):
            continue
        items = document.value(location)
        assert isinstance(items, list)
        for index in indexes:
            thousands = bool(_THOUSANDS.match(items[index + 1]))
            joined = f"{items[index]}{',' if thousands else ', '}{items[index + 1]}"
            message = (
                f"{items[index]!r} and {items[index + 1]!r} were read as two items; if they are one, "
                f'{HINT} (write "{joined}")'
            )
            problems.append(document.problem((*location, index), message))
    return problems
