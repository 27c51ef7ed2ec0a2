"""The sources page: each report, its address, and the findings that rest on it."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_skeleton

from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.common import Labels, heading, target
from lcsi_briefs.pages.markup import escape, escape_format, paragraphs, strong
from lcsi_briefs.text.formatter import locale_of
from lcsi_briefs.text.paragraphs import long_date


def published_on(value: dt.date | str, language: str) -> str:
    """A full date as the language writes it; a month as "July 2025"; a year as it is."""
    if isinstance(value, dt.date):
        return long_date(value, language)
    if len(value) == len("2025-07"):
        year, month = value.split("-")
        return format_skeleton("yMMMM", dt.date(int(year), int(month), 1), locale=locale_of(language))
    return value


def render_sources(loaded: LoadedPack) -> str:
    pack = loaded.pack
    labels = Labels(loaded)
    _ = labels._
    lines = [target(labels.sources()), heading(1, _("Sources")), ""]
    lines += [escape(_("The findings in {title} rest on these published sources.", title=pack.briefing.title)), ""]
    for source in pack.sources:
        lines += [target(labels.source(source.id)), heading(2, source.title), ""]
        published = f"{source.publisher}, {published_on(source.date, pack.briefing.language)}"
        if source.authors:
            published = f"{', '.join(source.authors)}. {published}"
        if source.section:
            published += ". " + _("Section: {section}", section=source.section)
        lines += [escape(published) + ".", ""]
        if source.description:
            lines += [p for paragraph in paragraphs(source.description) for p in (paragraph, "")]
        # Autolinks take the address literally; the model rejects spaces and angle brackets.
        if source.url:
            lines += [escape_format(_("Read it at {address}"), address=f"<{source.url}>"), ""]
        resting = [f for f in pack.findings if source.id in f.source_ids]
        if resting:
            lines += [strong(_("Findings that rest on it:")), ""]
            for finding in resting:
                places = [c.location for c in finding.sources if c.source == source.id and c.location]
                where = f" ({escape('; '.join(places))})" if places else ""
                lines.append(f"- {labels.finding_link(finding.id)}{where}")
            lines.append("")
    return "\n".join(lines)
