"""The email's HTML body on a 375 px phone screen, measured in Chromium: nothing runs off the side.

Built without Sphinx (the email's content needs only the pack), for the bundled pack, the Welsh
fixture and generated packs with long names, long words, many findings, charts and tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.newsletter.render import html_body

from .conftest import REPO, write_pack
from .packgen import generate_pack

PHONE = 375

#: Every element whose box reaches past the screen's right edge, and the page's own scroll width.
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const over = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      let scrolled = false;
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'auto' && up.getBoundingClientRect().right <= width + 0.5) {
          scrolled = true;
          break;
        }
      }
      if (!scrolled) over.push(element.tagName + ': ' + (element.textContent || '').trim().slice(0, 60));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width: width, over: over};
}"""


def _packs(tmp_path: Path) -> list[tuple[str, LoadedPack]]:
    valid = Path(__file__).parent / "fixtures" / "valid"
    packs = [
        ("bundled", load_pack(REPO / "briefings" / "lcsi-2025.yaml")),
        ("welsh", load_pack(valid / "welsh-long-names.yaml")),
        ("numbers", load_pack(valid / "numbers-survey.yaml")),
    ]
    for seed in (3, 29):
        data = generate_pack(seed, long_names=True, tables=1.0, charts=1.0, findings=6, audiences=3)
        packs.append((f"seed-{seed}", load_pack(write_pack(tmp_path / f"seed-{seed}.yaml", data))))
    return packs


def _emails(loaded: LoadedPack) -> list[tuple[str, str]]:
    long = "https://briefings.example.org/a-long-folder-name-for-the-site/briefing/"
    bodies = []
    for audience in [None, *(a.id for a in loaded.pack.audiences)]:
        newsletter = build_newsletter(
            loaded,
            audience,
            lambda label: f"{long}page.html#{label}",
            lambda name: f"{long}pdf/{name}",
            data=lambda name: f"{long}data/{name}",
        )
        bodies.append((str(audience), html_body(newsletter)))
    return bodies


def _overflow(phone: Any, html: str, target: Path) -> dict[str, Any]:
    target.write_text(html, encoding="utf-8")
    phone.goto(target.as_uri())
    measured: dict[str, Any] = phone.evaluate(MEASURE)
    return measured


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """One tab at a phone's width for every email of a test: a tab each took twice as long."""
    page = browser.new_page(viewport={"width": PHONE, "height": 800})
    try:
        yield page
    finally:
        page.close()


def test_no_email_runs_off_a_phone_screen(phone: Any, tmp_path: Path) -> None:
    problems = []
    count = 0
    for name, loaded in _packs(tmp_path):
        for audience, html in _emails(loaded):
            count += 1
            measured = _overflow(phone, html, tmp_path / f"{name}-{audience}.html")
            if measured["scroll"] > measured["width"] or measured["over"]:
                problems.append((name, audience, measured["scroll"], measured["over"][:3]))
    assert count >= 12
    assert problems == []


def test_the_measure_finds_an_email_that_runs_off(phone: Any, tmp_path: Path) -> None:
    wide = "<!doctype html><html><body><table><tr><td>" + "x" * 200 + "</td></tr></table></body></html>"
    measured = _overflow(phone, wide, tmp_path / "wide.html")
    assert measured["scroll"] > PHONE and measured["over"]
