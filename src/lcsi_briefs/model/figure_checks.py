"""Cross-checks for a finding's numbers: real sources, and a value for every category of a chart.

The model checks each value on its own (a figure's value parses, a chart has one value per
category); what needs the whole pack is checked here, on the raw data like the other reference
checks, so one pass reports every problem with its position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lcsi_briefs.model.citations import cited_sources
from lcsi_briefs.model.flow_lists import HINT, split_items
from lcsi_briefs.model.problems import Location, Problem
from lcsi_briefs.model.yaml_reader import Document

#: ``validation._check_refs``: passed in, so this module and the validation module do not import each other.
CheckRefs = Callable[[Document, Location, object, set[str], str], Iterable[Problem]]
#: Everything in a finding that names one source: each must be one the finding cites.
PARTS = {"figures": "figure", "charts": "chart", "tables": "table", "excerpts": "excerpt"}


def _listed(value: object) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _series_lengths(document: Document, location: Location, chart: dict[str, Any]) -> list[Problem]:
    """A series with more or fewer values than the chart has categories, at its values' line."""
    categories = chart.get("categories")
    if not isinstance(categories, list):
        return []
    split = split_items(document).get((*location, "categories"))
    problems = []
    for number, series in _listed(chart.get("series")):
        values = series.get("values")
        if not isinstance(values, list) or len(values) == len(categories):
            continue
        name = series.get("name")
        message = f"expected one value per category in each series ({len(categories)}), found {len(values)}" + (
            f" in series {name!r}" if isinstance(name, str) else ""
        )
        if split:
            message += f"; the categories look split by a comma: {HINT}"
        problems.append(document.problem((*location, "series", number, "values"), message))
    return problems


def figure_problems(document: Document, sources: set[str], check_refs: CheckRefs) -> list[Problem]:
    """Unknown sources, and sources a finding's figures cite without the finding citing them."""
    problems: list[Problem] = []
    data = document.data if isinstance(document.data, dict) else {}
    for index, finding in _listed(data.get("findings")):
        cited = cited_sources(finding)
        for key, kind in PARTS.items():
            for number, item in _listed(finding.get(key)):
                if "source" not in item:
                    continue
                location: Location = ("findings", index, key, number, "source")
                problems += check_refs(document, location, item["source"], sources, "source")
                if item["source"] in sources and cited is not None and item["source"] not in cited:
                    message = f"the {kind}'s source {item['source']!r} must also be listed in this finding's sources"
                    problems.append(document.problem(location, message))
        for number, chart in _listed(finding.get("charts")):
            problems += _series_lengths(document, ("findings", index, "charts", number), chart)
    method = data.get("methodology")
    if isinstance(method, dict) and "sources" in method:
        problems += check_refs(document, ("methodology", "sources"), method["sources"], sources, "source")
    return problems
