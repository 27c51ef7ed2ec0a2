"""Read back the page each cross-reference and contents entry prints, beside the page its link
goes to: the two must be the same page.

A link's destination is read from the PDF (its named destination, a page); the page printed is
the first number after the link's right edge on the same line, "(see page 12)" or a contents
entry's number. A reference whose words went to the next line is not read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pikepdf

from lcsi_briefs.pdf.page_labels import PAGE_REFERENCE
from lcsi_briefs.text.catalogue import translator_for

#: What follows a cross-reference, in each language ("(see page 12)").
PRINTED = [
    re.compile(re.escape(translator_for(language)(PAGE_REFERENCE)).replace(re.escape("{page}"), r"(\d+)"))
    for language in ("en-GB", "cy")
]
#: A contents entry's page: a number alone, set at the right of the page, well clear of its title
#: (unlike a list of linked numbers, "1, 2, 3").
CONTENTS_GAP = 36.0


def _links(path: Path) -> tuple[dict[str, int], list[list[tuple[tuple[float, ...], str]]]]:
    """Each named destination's page, and each page's internal links: (rectangle, destination)."""
    with pikepdf.open(path) as pdf:
        numbers = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        names = pdf.Root.get("/Names")
        tree = pikepdf.NameTree(names.Dests) if names is not None and "/Dests" in names else {}
        targets = {str(name): numbers[destination[0].objgen] for name, destination in tree.items()}
        links = [
            [
                (tuple(float(value) for value in annotation.Rect), str(annotation.Dest))
                for annotation in page.get("/Annots", [])
                if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation
            ]
            for page in pdf.pages
        ]
    return targets, links


def wrong_page_numbers(path: Path) -> list[str]:
    """Every printed page that is not its link's destination's page, as "page P: 'words' → N"."""
    targets, links = _links(path)
    wrong: list[str] = []
    with pdfplumber.open(path) as pdf:
        for number, (page, page_links) in enumerate(zip(pdf.pages, links, strict=True), start=1):
            words = page.extract_words() if page_links else []
            for (left, y0, right, y1), destination in page_links:
                # The link's box, from the top of the page as pdfplumber measures: a word on its
                # line has its middle inside it.
                top, bottom = page.height - max(y0, y1), page.height - min(y0, y1)
                line = sorted(
                    (word for word in words if top < (word["top"] + word["bottom"]) / 2 < bottom),
                    key=lambda word: word["x0"],
                )
                # A reference's "(see page 12)" is drawn inside its link (generated after its text).
                inside = " ".join(w["text"] for w in line if left - 1 <= w["x0"] and w["x1"] <= right + 1)
                found = [match[1] for pattern in PRINTED for match in pattern.finditer(inside.replace("\u00a0", " "))]
                printed = found[-1] if found else None
                after = [word for word in line if word["x0"] >= right - 1]
                if after and after[0]["text"].isdigit() and len(after) == 1 and after[0]["x0"] - right > CONTENTS_GAP:
                    printed = after[0]["text"]
                if printed is None:
                    continue  # not a page printed with a link (or the reference went to the next line)
                if destination in targets and int(printed) != targets[destination]:
                    wrong.append(f"page {number}: {printed} → {destination} is on page {targets[destination]}")
    return wrong
