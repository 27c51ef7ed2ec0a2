"""How full each page of a PDF is: the lowest line of body text as a share of the body height.

Run it on built PDFs to see where a layout wastes paper::

    python tests/pagefill.py build/pdf/*.pdf

Running headers and footers sit in the page margins and are left out, so a page holding one
stray bullet measures as nearly empty however its footer looks.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__:
    from .pdftext import pages
else:  # run as a script
    from pdftext import pages  # type: ignore[no-redef]

#: Baselines above this (points from the foot of the page) and below ``BODY_TOP`` are body text:
#: the running footer and header sit in the margins, outside it, at either print size.
BODY_BOTTOM = 55.0
#: The 18 mm top margin (both print sizes), less a little for the first line's ascent.
MARGIN_TOP = 50.0


def body_lines(path: Path) -> list[dict[float, str]]:
    """Per page, the body text by baseline (points from the foot of the page).

    Read with the page's text (see ``pdftext.py``): several tests measure the same built PDFs,
    and reading them is the slow part.
    """
    return [
        {y: line for y, line in page.lines.items() if BODY_BOTTOM < y < page.height - MARGIN_TOP}
        for page in pages(path)
    ]


def page_fills(path: Path) -> list[float]:
    """Per page, from 0 (no body text) to 1 (text reaches the foot of the body)."""
    fills: list[float] = []
    for page, lines in zip(pages(path), body_lines(path), strict=True):
        top = page.height - MARGIN_TOP
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
