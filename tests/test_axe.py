"""Every page of the published site passes axe-core (WCAG 2.2 AA) in a real browser.

Checked at desktop (1280 px) and phone (375 px) width, each in light and dark mode, in the
system's Chromium driven by Playwright (never ``playwright install``), with the axe-core
pinned in ``tests/browser/package.json``. One browser serves every page. Locally the test
is skipped, saying what is missing, without Chromium or axe-core; in CI (``CI=true``) it fails
instead, so the check cannot silently stop running.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .chromium import require

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")
#: WCAG 2.0, 2.1 and 2.2, levels A and AA: what the accessibility statement promises.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
#: Dark mode changes only colours: the rules about colour are run again, the rest once per width
#: (colour contrast is most of axe's time on a page).
RUN_LIGHT = {"runOnly": {"type": "tag", "values": TAGS}}
RUN_DARK = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
#: Only violations are asserted on: axe then keeps one node per rule of the passes, incomplete and
#: inapplicable results, and only the violations cross to Python. Every violation and node is
#: still reported (the same lines, node for node, on pages broken on purpose), and a width's 17
#: pages take a sixth less CPU (31 s to 26 s, Chromium and Python), a fifth less time.
ONLY_VIOLATIONS = "options => axe.run(document, {...options, resultTypes: ['violations']}).then(r => r.violations)"


def site_pages(html: Path) -> list[Path]:
    """Every page a reader can reach: the site's HTML, not the theme's assets or the emails."""
    skip = {"_static", "_sources", "_images", "newsletter"}
    return sorted(p for p in html.rglob("*.html") if not skip & set(p.relative_to(html).parts))


def describe(violations: list[dict[str, Any]], where: str) -> list[str]:
    """One line per rule broken, with the first few elements that break it."""
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}: {targets}")
    return lines


@pytest.fixture(scope="module")
def axe() -> str:
    """The pinned axe-core script (it is not committed: ``npm ci --prefix tests/browser``)."""
    require([] if AXE.is_file() else ["axe-core (npm ci --prefix tests/browser)"])
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_passes_axe_core_in_light_and_dark_mode(
    bundled_build: Path, browser: Any, axe: str, width: int
) -> None:
    html = bundled_build / "build" / "html"
    pages = site_pages(html)
    assert len(pages) >= 10, pages
    problems: list[str] = []
    page = browser.new_page(viewport={"width": width, "height": 900})
    # In every page as it loads, before the page's own scripts: a quarter less time to load each.
    page.add_init_script(axe)
    try:
        for path in pages:
            page.goto(path.as_uri(), wait_until="load")
            for scheme, options in zip(SCHEMES, (RUN_LIGHT, RUN_DARK), strict=True):
                page.emulate_media(color_scheme=scheme)
                violations = page.evaluate(ONLY_VIOLATIONS, options)
                where = f"{path.relative_to(html)} at {width}px, {scheme}"
                problems += describe(violations, where)
    finally:
        page.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["briefing/glossary.html", "briefing/lcsi-2025/glossary.html"])
def test_glossary_terms_are_bold_in_the_browser(bundled_build: Path, browser: Any, name: str) -> None:
    """The theme's own rule for definition terms once won over ours: read what the browser draws."""
    page = browser.new_page()
    try:
        page.goto((bundled_build / "build" / "html" / name).as_uri(), wait_until="load")
        script = "terms => terms.map(term => getComputedStyle(term).fontWeight)"
        weights = page.eval_on_selector_all(".lcsi-glossary dt", script)
    finally:
        page.close()
    assert weights and {int(weight) for weight in weights} == {700}
