"""Every chart, at every size it is shown at, measured in Chromium: the layout holds on the real glyphs.

The charts of every valid fixture pack, of seeded generated packs (``tests/packgen.py``) and a
few hard cases (ten years and two long series names, sixteen years and three series of money)
are drawn at each size (``chart_parts.SIZES``: site, 375 px screen, print, large print) and put
on one page per viewport. Chromium measures each label's box (``getBBox``) as it draws it, with
the bundled fonts and again with the system's fallback, and the test asks what the reader sees:
no label touches another or a line's marker, none leaves the picture, the data has at least half
the width. One
browser session for all of it; the layout itself is pure Python, so this is the independent check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lcsi_briefs.model.figures import Chart
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.pages.chart_parts import MARKER_STROKE, SIZES
from lcsi_briefs.pages.charts import chart_drawings
from lcsi_briefs.text.measure import FONTS

from .packgen import generate_pack

pytestmark = pytest.mark.browser

VALID = Path(__file__).parent / "fixtures" / "valid"
SEEDS = range(1, 13)
#: The bundled faces, as the PDFs' fonts.css declares them.
FACES = "".join(
    f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
    f'src: url("{{fonts}}/{file}-{weight}-normal.woff"); }}'
    for family, file in (("Atkinson Hyperlegible", "atkinson-hyperlegible"), ("DejaVu Sans Bundled", "dejavu-sans"))
    for weight in (400, 700)
)
MEASURE = """() => [...document.querySelectorAll("svg")].map((svg) => {
  const box = (element) => { const b = element.getBBox(); return [b.x, b.y, b.width, b.height]; };
  return {
    name: svg.getAttribute("aria-labelledby"),
    view: [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height],
    texts: [...svg.querySelectorAll("text")].map((text) => [...box(text), text.textContent]),
    data: box(svg.querySelector(".lcsi-chart-data")),
    marks: [...svg.querySelectorAll(".lcsi-chart-data polyline ~ :is(circle, rect, polygon)")].map(box),
  };
})"""


def _hard_cases() -> list[Chart]:
    years = [str(year) for year in range(2017, 2027)]
    survey = {
        "title": "Paid staff are now the norm",
        "kind": "line",
        "format": "percent",
        "category_label": "Year",
        "categories": years,
        "series": [
            {"name": "Groups with paid staff", "values": [62, 64, 66, 70, 71, 74, 75, 78, 80, 79]},
            {"name": "Groups run only by volunteers", "values": [12, 13, 11, 14, 15, 18, 22, 21, 25, 31]},
        ],
        "source": "s",
    }
    money = {
        "title": "Income",
        "kind": "line",
        "format": "money",
        "currency": "GBP",
        "compact": True,
        "category_label": "Year",
        "categories": [str(year) for year in range(2010, 2026)],
        "series": [
            {
                "name": f"Funding stream {n}",
                "values": [1_000_000 * (n + 1) + 1_234_567 * i * (-1) ** n for i in range(16)],
            }
            for n in range(3)
        ],
        "source": "s",
    }
    return [Chart.model_validate(survey), Chart.model_validate(money)]


def _charts() -> list[tuple[str, str, Chart]]:
    found = [(f"hard-{n}", "en-GB", chart) for n, chart in enumerate(_hard_cases())]
    for path in sorted(VALID.glob("*.yaml")):
        pack = load_pack(path).pack
        found += [
            (f"{path.stem}-{f.id}-{n}", pack.briefing.language, chart)
            for f in pack.findings
            for n, chart in enumerate(f.charts)
        ]
    for seed in SEEDS:
        data = generate_pack(seed, charts=1.0)
        for index, finding in enumerate(data["findings"]):
            for number, raw in enumerate(finding.get("charts", [])):
                found.append((f"seed{seed}-{index}-{number}", data["briefing"]["language"], Chart.model_validate(raw)))
    return found


def _page(svgs: list[tuple[float, str]], *, bundled: bool) -> str:
    faces = FACES.replace("{fonts}", FONTS.as_uri()) if bundled else ""
    body = "".join(f'<div style="width:{width}px">{svg}</div>' for width, svg in svgs)
    # Declared: a Chromium without encoding detection reads an undeclared file as windows-1252.
    head = f'<meta charset="utf-8"><style>{faces} body {{ margin: 0 }}</style>'
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def _problems(measured: dict[str, Any]) -> list[str]:
    width, height = measured["view"]
    name = measured["name"]
    found = []
    texts = measured["texts"]
    for number, (x, y, w, h, text) in enumerate(texts):
        if x < -0.5 or y < -0.5 or x + w > width + 0.5 or y + h > height + 0.5:
            found.append(f"{name}: {text!r} leaves the picture")
        for x2, y2, w2, h2, other in texts[number + 1 :]:
            if x < x2 + w2 - 0.5 and x2 < x + w - 0.5 and y < y2 + h2 - 0.5 and y2 < y + h - 0.5:
                found.append(f"{name}: {text!r} overlaps {other!r}")
    # A line's markers (their boxes leave out the stroke's half) must be clear of every label by
    # the stroke and a little more, so that none seems to touch the value beside it.
    clear = MARKER_STROKE / 2 + 2
    for x, y, w, h, text in texts:
        for x2, y2, w2, h2 in measured.get("marks", []):
            if x < x2 + w2 + clear and x2 - clear < x + w and y < y2 + h2 + clear and y2 - clear < y + h:
                found.append(f"{name}: {text!r} touches a marker at ({x2 + w2 / 2:.0f}, {y2 + h2 / 2:.0f})")
                break
    if measured["data"][2] < width / 2:
        found.append(f"{name}: the data has {measured['data'][2]:.0f} of {width:.0f} units")
    return found


@pytest.fixture(scope="module")
def drawings() -> dict[str, list[tuple[float, str]]]:
    """Every drawable chart at every size, by size name; and at least most charts drawable on the site."""
    by_size: dict[str, list[tuple[float, str]]] = {size.name: [] for size in SIZES}
    refused = 0
    charts = _charts()
    for name, language, chart in charts:
        for printed in (False, True):
            for drawn in chart_drawings(chart, language, name, printed=printed):
                if drawn.svg is None:
                    refused += 1
                else:
                    by_size[drawn.size.name].append((drawn.size.width, drawn.svg))
    assert len(charts) > 20 and refused < len(charts)
    return by_size


@pytest.mark.parametrize("bundled", [True, False], ids=["bundled-fonts", "system-fallback"])
def test_every_label_of_every_chart_fits_at_every_size(
    browser: Any, drawings: dict[str, list[tuple[float, str]]], tmp_path: Path, bundled: bool
) -> None:
    problems: list[str] = []
    for viewport, sizes in ((1280, ("site", "print", "large-print")), (375, ("narrow",))):
        page = browser.new_page(viewport={"width": viewport, "height": 800})
        try:
            target = tmp_path / f"charts-{viewport}.html"
            target.write_text(_page([d for s in sizes for d in drawings[s]], bundled=bundled), encoding="utf-8")
            page.goto(target.as_uri())
            page.evaluate("document.fonts.ready")
            measured = page.evaluate(MEASURE)
        finally:
            page.close()
        assert len(measured) == sum(len(drawings[s]) for s in sizes)
        problems += [problem for item in measured for problem in _problems(item)]
    assert problems == []


def test_the_check_can_fail() -> None:
    """The measure catches what it is meant to: overlapping, outside, and starved data."""
    measured = {
        "name": "c",
        "view": [100, 50],
        "texts": [[0, 0, 40, 10, "a"], [30, 5, 40, 10, "b"], [90, 45, 20, 10, "c"]],
        "data": [0, 0, 40, 10],
        "marks": [[42.5, 2, 6, 6]],
    }
    problems = _problems(measured)
    assert any("'a' touches a marker" in p for p in problems), "a marker's shape 2.5 units past a label's end"
    assert any("overlaps" in p for p in problems)
    assert any("leaves" in p for p in problems)
    assert any("the data has" in p for p in problems)
