"""A site page printed from the browser holds the page, not the theme's chrome.

Printing an audience page from Chromium once gave a last page holding only the theme's footer
("Copyright ... Made with Sphinx and Furo"). Printed here by the system's Chromium through
Playwright, as a reader's browser would; skipped (failed under CI) when either is missing.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from lcsi_briefs.text.paragraphs import fold

#: Text only the theme's chrome holds: its footer and its "back to top" button.
CHROME = ("Made with Sphinx", "Copyright ©", "Back to top")


@pytest.mark.parametrize("name", ["audiences/local-government.html", "index.html", "sources.html"])
def test_a_printed_site_page_holds_no_theme_chrome(bundled_build: Path, browser: Any, name: str) -> None:
    page = browser.new_page()
    try:
        page.goto((bundled_build / "build" / "html" / "briefing" / "lcsi-2025" / name).as_uri(), wait_until="load")
        printed = PdfReader(io.BytesIO(page.pdf(format="A4", display_header_footer=False)))
    finally:
        page.close()
    texts = [fold(sheet.extract_text()) for sheet in printed.pages]
    chrome = [f"p{number}: {word}" for number, text in enumerate(texts, 1) for word in CHROME if word in text]
    assert chrome == []
    assert texts[-1], f"the last of {len(texts)} pages is blank"
