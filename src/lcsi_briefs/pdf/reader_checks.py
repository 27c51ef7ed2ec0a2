"""What a reader's software needs of every PDF edition, checked as the PDF is written.

The accessibility statement promises that every edition is tagged, declares its language,
shows its title, embeds its fonts, has bookmarks and, in large print, sets its body text at
16 point or more; a PDF that fails any of these fails the build. The checks read the objects
WeasyPrint is about to write (the finisher's ``pydyf.PDF``) and the text sizes preflight has
already measured, instead of parsing the written file again: reading every PDF back with a
PDF library cost a sixth of a build, for facts the render already holds. The tests read the
written files with other readers (pikepdf, pdfplumber), so the claim is still checked from
the outside.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pydyf

from lcsi_briefs.text.units import px_to_pt

#: UKAAF's minimum for large print, which the large-print editions' body text is held to.
LARGE_PRINT_POINTS = 16.0
#: Body text is read past the cover and contents: the pages from the third to the sixth.
BODY_PAGES = slice(2, 6)


@dataclass(frozen=True)
class ReaderFacts:
    """What the checks found in one PDF: its problems, one line each (none when it passed)."""

    problems: tuple[str, ...]


def _object(pdf: pydyf.PDF, value: Any) -> Any:
    """A pydyf object from the reference WeasyPrint stores (``b"12 0 R"``), or the value itself."""
    if isinstance(value, bytes) and value.endswith(b" R"):
        return pdf.objects[int(value.split()[0])]
    return value


def _true(value: Any) -> bool:
    return value is True or str(value) == "true"


def _text(value: Any) -> str:
    return str(value.string if isinstance(value, pydyf.String) else value or "").strip()


def _unembedded_fonts(pdf: pydyf.PDF) -> list[str]:
    """The fonts drawn with that carry no font program (a Type 3 font draws its own glyphs)."""
    names = []
    for found in pdf.objects:
        if not isinstance(found, pydyf.Dictionary) or found.get("Type") != "/Font":
            continue
        if found.get("Subtype") in ("/Type0", "/Type3"):
            continue  # a composite font's program is its descendant's, checked as its own object
        descriptor = _object(pdf, found.get("FontDescriptor"))
        if not isinstance(descriptor, dict) or not {"FontFile", "FontFile2", "FontFile3"} & set(descriptor):
            names.append(str(found.get("BaseFont", "?")).lstrip("/"))
    return names


def body_points(sizes_px: Iterable[float]) -> float | None:
    """The median text size, in points rounded to a tenth, of the sizes given in CSS pixels."""
    points = [round(px_to_pt(size), 1) for size in sizes_px]
    return statistics.median(points) if points else None


def reader_facts(pdf: pydyf.PDF, page_sizes: list[list[float]], *, large_print: bool) -> ReaderFacts:
    """Check the PDF about to be written; ``page_sizes`` holds each page's text sizes in CSS pixels."""
    catalog = pdf.catalog
    problems = []
    if "StructTreeRoot" not in catalog or not _true(_object(pdf, catalog.get("MarkInfo", {})).get("Marked")):
        problems.append("it is not a tagged PDF (no structure tree, or not marked)")
    if not _text(catalog.get("Lang")):
        problems.append("it declares no language")
    preferences = _object(pdf, catalog.get("ViewerPreferences", {}))
    if not _true(preferences.get("DisplayDocTitle")) or not _text(pdf.info.get("Title")):
        problems.append("it does not show its title in place of the file name")
    if "Outlines" not in catalog:
        problems.append("it has no bookmarks")
    problems += [f"the font {name} is not embedded" for name in _unembedded_fonts(pdf)]
    if large_print:
        # Past the cover and contents; a short PDF (a two-page brief) is read whole.
        pages = page_sizes[BODY_PAGES] if len(page_sizes) > 2 else page_sizes
        body = body_points(size for page in pages for size in page)
        if body is None or body < LARGE_PRINT_POINTS:
            problems.append(f"its body text is {body} pt, under the {LARGE_PRINT_POINTS:g} pt of large print")
    return ReaderFacts(tuple(problems))
