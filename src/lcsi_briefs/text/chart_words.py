"""A chart's summary in sentences, written from its data in the pack's language.

The same words are the SVG's ``<desc>``, the printed image's alternative text (the PDF's /Alt)
and the email's note over the chart's table, so every reader gets one description.

Category names are never re-cased: a name may be a place or an organisation ("North East",
"NHS trusts"), and lower-casing it would be wrong in a way a capital never is. Instead each
sentence is built so that the name opens it, or follows a colon, where a capital reads naturally:
"North is highest, at 64%. South is lowest, at 41%."
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lcsi_briefs.text.catalogue import N_, translator_for
from lcsi_briefs.text.formatter import format_number
from lcsi_briefs.text.paragraphs import fold

if TYPE_CHECKING:  # the model is a layer above: text knows its types by name only
    from lcsi_briefs.model.figures import Chart


def chart_value(chart: Chart, raw: str, language: str) -> str:
    """One of a chart's values (or a total, or a tick) as its format writes it."""
    return format_number(raw, language, chart.format, chart.currency, compact=chart.compact, signed=chart.signed)


HIGH_LOW = N_("{category} is highest, at {value}. {low_category} is lowest, at {low_value}.")
SERIES_HIGH_LOW = N_("{series}: {category} is highest, at {value}, and {low_category} lowest, at {low_value}.")
ALL_EQUAL = N_("Every {category_label} is at {value}.")
SERIES_ALL_EQUAL = N_("{series}: every {category_label} is at {value}.")
ONE = N_("{category}: {value}.")
TOTAL = N_("{category} has the largest total, at {value}.")
CHANGE = N_("{series} went from {start} in {first} to {end} in {last}.")
PEAK = N_("The highest point for {series} was {value}, in {category}.")


def _lower_label(text: str) -> str:
    """The heading of the categories ("Region", "Size of group") mid-sentence: a heading is a common
    noun, so a first word written as a capital and then lower case is lowered ("NHS trust" is kept)."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[:1].isupper() and first[1:].islower() else text


def _high_low(chart: Chart, language: str, number: int, row: list[Decimal]) -> str:
    _ = translator_for(language)
    series = chart.series[number]
    categories = chart.categories

    def shown(index: int) -> str:
        return chart_value(chart, series.values[index], language)

    single = len(chart.series) == 1
    if len(categories) == 1:
        return _(ONE, category=categories[0], value=shown(0))
    high, low = row.index(max(row)), row.index(min(row))
    if row[high] == row[low]:
        label = _lower_label(chart.category_label)
        if single:
            return _(ALL_EQUAL, category_label=label, value=shown(0))
        return _(SERIES_ALL_EQUAL, series=series.name, category_label=label, value=shown(0))
    values = {"category": categories[high], "value": shown(high), "low_category": categories[low]}
    values["low_value"] = shown(low)
    return _(HIGH_LOW, **values) if single else _(SERIES_HIGH_LOW, series=series.name, **values)


def summary(chart: Chart, language: str) -> str:
    """The editor's summary, or one written from the data: highest and lowest, totals, change over time."""
    if chart.summary:
        return fold(chart.summary)
    _ = translator_for(language)
    values = [[Decimal(value) for value in series.values] for series in chart.series]
    categories = chart.categories
    sentences: list[str] = []
    if chart.kind == "stacked-bar":
        totals = [sum((row[i] for row in values), Decimal(0)) for i in range(len(categories))]
        if len(set(totals)) > 1:
            best = totals.index(max(totals))
            sentences.append(_(TOTAL, category=categories[best], value=chart_value(chart, str(totals[best]), language)))
    for number, (series, row) in enumerate(zip(chart.series, values, strict=True)):
        if chart.kind != "line":
            sentences.append(_high_low(chart, language, number, row))
            continue
        start, end = (chart_value(chart, series.values[i], language) for i in (0, -1))
        sentences.append(_(CHANGE, series=series.name, start=start, first=categories[0], end=end, last=categories[-1]))
        peak = row.index(max(row))
        if 0 < peak < len(row) - 1:
            value = chart_value(chart, series.values[peak], language)
            sentences.append(_(PEAK, series=series.name, category=categories[peak], value=value))
    return " ".join(sentences)
