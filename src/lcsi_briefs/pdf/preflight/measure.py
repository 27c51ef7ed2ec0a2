"""Run every page, heading and bookmark rule over one laid-out document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lcsi_briefs.pdf.preflight import headings, rules
from lcsi_briefs.pdf.preflight.kinds import Measured
from lcsi_briefs.pdf.preflight.layout import Layout, measure_layout


@dataclass
class Measurement:
    """What preflight found in one document, and how many tables it prints (for the tag check)."""

    problems: list[Measured]
    tables: int
    #: The measured layout, where :mod:`lcsi_briefs.pdf.preflight.keep` finds what to hold together.
    layout: Layout
    #: Each page's text sizes in CSS pixels (large print only, else empty), for the reader check.
    sizes: list[list[float]]


def measure(document: Any, *, large_print: bool) -> Measurement:
    """Every problem of a laid-out document's pages, headings and bookmarks, in page order."""
    layout = measure_layout(document)
    rules.stranded_headings(layout)
    rules.widows_and_orphans(layout)
    rules.table_fragments(layout)
    rules.page_fill(layout)
    rules.broken_words(layout, large_print=large_print)
    rules.outside(layout)
    rules.margin_text(layout)
    sizes = rules.large_print(layout) if large_print else []
    headings.heading_order(layout)
    headings.bookmarks(layout, document)
    return Measurement(sorted(layout.problems, key=lambda problem: problem.page), len(layout.tables()), layout, sizes)
