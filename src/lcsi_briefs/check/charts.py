"""Charts a reader will struggle with: too many series, or too much to draw at a size it is shown at.

The Analysis Function asks for four categories at most in a chart, because a reader can hold
about that many colours and names in mind; beyond four is a warning, not an error (up to six
can be drawn). A chart that cannot be drawn legibly at one of its sizes (forty categories in
large print, say) is printed as its table there, which is legible but not what the editor
planned, so the editor hears about it here first.
"""

from __future__ import annotations

from lcsi_briefs.check.prose import PackText
from lcsi_briefs.model.problems import Problem
from lcsi_briefs.pages.chart_parts import MOST_SERIES
from lcsi_briefs.pages.charts import chart_drawings

#: How each size is named to an editor.
SIZE_NAMES = {"site": "on a wide screen", "narrow": "on a phone", "print": "in print", "large-print": "in large print"}


def chart_problems(text: PackText) -> list[Problem]:
    problems: list[Problem] = []
    language = text.loaded.pack.briefing.language
    for index, finding in enumerate(text.loaded.pack.findings):
        for number, chart in enumerate(finding.charts):
            location = ("findings", index, "charts", number)
            if len(chart.series) > MOST_SERIES:
                problems.append(
                    text.problem(
                        (*location, "series", MOST_SERIES, "name"),
                        f"{len(chart.series)} series in one chart: the Analysis Function advises {MOST_SERIES} at "
                        "most, as readers cannot hold more colours in mind; split the chart or use a table",
                    )
                )
            drawn = [*chart_drawings(chart, language, "check", printed=False)]
            drawn += chart_drawings(chart, language, "check", printed=True)
            missing = [SIZE_NAMES[item.size.name] for item in drawn if item.svg is None]
            if missing:
                where = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
                problems.append(
                    text.problem(
                        (*location, "title"),
                        f"the chart cannot be drawn legibly {where} ({len(chart.categories)} categories); "
                        "its table is printed there instead: fewer categories or a table would serve better",
                    )
                )
    return problems
