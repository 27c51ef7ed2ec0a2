"""How full each page of a PDF is: the lowest line of body text as a share of the body height.

Run it on built PDFs to see where a layout wastes paper::

    python tests/pagefill.py build/pdf/*.pdf

Running headers and footers sit in the page margins and are left out, so a page holding one
stray bullet measures as nearly empty however its footer looks.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

from pypdf import PdfReader

#: Baselines above this (points from the foot of the page) and below ``BODY_TOP`` are body text:
#: the running footer and header sit in the margins, outside it, at either print size.
BODY_BOTTOM = 55.0
#: The 18 mm top margin (both print sizes), less a little for the first line's ascent.
MARGIN_TOP = 50.0


@cache
def body_lines(path: Path) -> list[dict[float, str]]:
    """Per page, the body text by baseline (points from the foot of the page).

    Cached: several tests measure the same built PDFs, and reading them is the slow part.
    """
    pages: list[dict[float, str]] = []
    for page in PdfReader(path).pages:
        top = float(page.mediabox.height) - MARGIN_TOP
        lines: dict[float, str] = {}

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
            if not text.strip():
                return
            # The text's origin in page space: the text matrix, then the current transformation.
            x, y = tm[4], tm[5]
            page_y = round(cm[1] * x + cm[3] * y + cm[5])
            if BODY_BOTTOM < page_y < top:  # noqa: B023 - used while this page is being read
                lines[page_y] = lines.get(page_y, "") + text  # noqa: B023

        page.extract_text(visitor_text=visit)
        pages.append(lines)
    return pages


def page_fills(path: Path) -> list[float]:
    """Per page, from 0 (no body text) to 1 (text reaches the foot of the body)."""
    fills: list[float] = []
    for page, lines in zip(PdfReader(path).pages, body_lines(path), strict=True):
        top = float(page.mediabox.height) - MARGIN_TOP
        fills.append(round((top - min(lines)) / (top - BODY_BOTTOM), 2) if lines else 0.0)
    return fills


def last_lines(path: Path) -> list[str]:
    """Per page, the lowest line of body text, whitespace folded."""
    return [" ".join(lines[min(lines)].split()) if lines else "" for lines in body_lines(path)]


def main(paths: list[str]) -> None:
    for name in paths:
        fills = page_fills(Path(name))
        low = [f"p{number}={fill:.0%}" for number, fill in enumerate(fills, 1) if fill < 1 / 3]
        print(f"{Path(name).name}: {len(fills)} pages; under a third full: {', '.join(low) or 'none'}")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1:])
