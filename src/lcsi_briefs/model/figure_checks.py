"""Cross-checks for a finding's numbers: every figure, chart and table names a real source.

The model checks each value on its own (a figure's value parses, a chart has one value per
category); what needs the whole pack is checked here, on the raw data like the other reference
checks, so one pass reports every problem with its position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lcsi_briefs.model.citations import cited_sources
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
    method = data.get("methodology")
    if isinstance(method, dict) and "sources" in method:
        problems += check_refs(document, ("methodology", "sources"), method["sources"], sources, "source")
    return problems
