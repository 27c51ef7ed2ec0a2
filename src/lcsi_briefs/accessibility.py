"""The site's accessibility statement, written from what the build checks, on the GOV.UK model.

Only what is checked is claimed. Three kinds of fact go in:

- checked for this site's own packs when the site is built: spelled-out abbreviations, long
  sentences and reading age per audience (the ``lcsi-briefs check`` results), and the contrast
  of every text colour in the printed editions' stylesheets;
- checked for every PDF edition when it is built (:func:`verify_pdf`): the PDF build fails, and
  nothing is published, unless each is tagged, declares its language, shows its title, embeds
  its fonts, has bookmarks and, in large print, sets body text at 16 point or more; these
  claims appear only when the build renders the PDFs;
- what is not done yet, said plainly.

Plain Python: the Sphinx side passes in the packs and whether PDFs are built.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from lcsi_briefs.check import check_pack
from lcsi_briefs.check.prose import Kind, PackText
from lcsi_briefs.check.readability import GRADE_TO_UK_AGE, is_english, long_sentence_problems, uk_reading_age
from lcsi_briefs.check.terms import abbreviation_problems
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.markup import escape
from lcsi_briefs.yaml_reader import read_yaml

#: The statement's body, written among the generated pages for the site's accessibility page to include.
ACCESSIBILITY_FILE = "_includes/accessibility.md"
#: WCAG 2.2 AA for body text.
MINIMUM_CONTRAST = 4.5
#: UKAAF's minimum for large print, and what the large-print editions are checked against.
LARGE_PRINT_POINTS = 16.0
#: The printed editions' pages, and the tint behind boxed text (notes, key figures, table heads).
PRINT_BACKGROUNDS = ("#ffffff", "#eef3fa")

# Reader-facing text of the statement, in one place for translation.
HEADINGS = {
    "how": "How accessible these briefings are",
    "build": "What is checked each time this site is built",
    "pdf": "What is checked in every printed edition",
    "reading": "Reading age of each edition",
    "not_yet": "What is not done yet",
    "formats": "Other formats and feedback",
    "prepared": "How this statement was prepared",
}
_COLOR = re.compile(r"(?<![\w-])color:\s*(#[0-9a-fA-F]{6})\b")


@dataclass(frozen=True)
class PdfFacts:
    """What :func:`verify_pdf` found in one PDF; ``problems`` is empty when it passed."""

    name: str
    problems: tuple[str, ...]
    body_points: float | None


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def print_text_colours() -> set[str]:
    """Every text colour the printed editions' stylesheets set."""
    folder = files("lcsi_briefs.pdf").joinpath("static")
    colours: set[str] = set()
    for sheet in folder.iterdir():
        if sheet.name.endswith(".css"):
            colours |= {c.lower() for c in _COLOR.findall(sheet.read_text(encoding="utf-8"))}
    return colours


def lowest_print_contrast() -> tuple[float, str, str]:
    """The worst text colour on the worst print background: (ratio, colour, background)."""
    return min((contrast(c, b), c, b) for c in print_text_colours() for b in PRINT_BACKGROUNDS)


def verify_pdf(path: Path, *, large_print: bool) -> PdfFacts:
    """Check one PDF edition as a reader's software meets it; see the module notes."""
    from pypdf import PdfReader  # noqa: PLC0415 - only the PDF build pays for it

    reader = PdfReader(path)
    root: Any = reader.trailer["/Root"]
    problems = []
    if "/StructTreeRoot" not in root or not root.get("/MarkInfo", {}).get("/Marked"):
        problems.append("it is not a tagged PDF (no structure tree, or not marked)")
    if not str(root.get("/Lang", "")).strip():
        problems.append("it declares no language")
    title = reader.metadata.title if reader.metadata else None
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") or not title:
        problems.append("it does not show its title in place of the file name")
    if "/Outlines" not in root:
        problems.append("it has no bookmarks")
    checked: set[int] = set()
    for number, page in enumerate(reader.pages, start=1):
        resources: Any = page.get("/Resources", {})
        for reference in resources.get_object().get("/Font", {}).values():
            font: Any = reference.get_object()
            if id(font) in checked:
                continue
            checked.add(id(font))
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for part in descendants:
                descriptor = part.get("/FontDescriptor")
                embedded = font.get("/Subtype") == "/Type3" or (
                    descriptor is not None
                    and any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                )
                if not embedded:
                    problems.append(f"the font {part.get('/BaseFont')} on page {number} is not embedded")
    body = None
    if large_print:
        sizes: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                sizes.append(round(size * abs(tm[3]) * abs(cm[3] or 1), 1))

        for page in reader.pages[2:6]:
            page.extract_text(visitor_text=visit)
        body = statistics.median(sizes) if sizes else None
        if body is None or body < LARGE_PRINT_POINTS:
            problems.append(f"its body text is {body} pt, under the {LARGE_PRINT_POINTS:g} pt of large print")
    return PdfFacts(path.name, tuple(dict.fromkeys(problems)), body)


def _reading_ages(loaded: LoadedPack, text: PackText) -> list[str]:
    pack = loaded.pack
    if not is_english(pack.briefing.language):
        return []
    rows = ["| Edition | Aimed at a UK reading age of | Estimated reading age |", "| --- | --- | --- |"]
    for index, audience in enumerate(pack.audiences):
        own = [
            run.text if run.text.rstrip()[-1:] in ".!?" else f"{run.text}."
            for run in text.audience_edition(index)
            if run.location[:2] == ("audiences", index) and run.kind is not Kind.TITLE
        ]
        target = audience.reading_age or pack.editorial.reading_age
        age = uk_reading_age(" ".join(own), pack.briefing.language)
        rows.append(f"| {escape(audience.name)} | {target} or lower | {age:.0f} |")
    return rows


def render_accessibility(packs: list[LoadedPack], *, pdfs_checked: bool) -> str:
    """The statement's body, in MyST, for the site's accessibility page to include."""
    titles = ", ".join(f"*{escape(loaded.pack.briefing.title)}*" for loaded in packs)
    publishers = sorted({loaded.pack.briefing.publisher for loaded in packs})
    lines = [
        f"This statement covers the briefings on this site ({titles}): their web pages, their printed "
        "editions (PDF) and their newsletter emails. It is written each time the site is built, from the "
        "checks that build runs, so it says only what was checked.",
        "",
        f"## {HEADINGS['how']}",
        "",
        f"### {HEADINGS['build']}",
        "",
    ]
    ratio, colour, background = lowest_print_contrast()
    for loaded in packs:
        text = PackText(loaded, read_yaml(loaded.path))
        unexplained = abbreviation_problems(text)
        long = long_sentence_problems(text)
        lines.append(f"In *{escape(loaded.pack.briefing.title)}*:")
        lines.append("")
        lines.append(
            "- Abbreviations in the glossary are spelled out the first time they are used on each web page, "
            "in each printed edition and in each email"
            + (
                "; no other abbreviation is left unexplained."
                if not unexplained
                else f"; {len(unexplained)} other use(s) of an abbreviation are not yet explained."
            )
        )
        lines.append(
            "- No sentence in the briefing's own words is longer than 25 words."
            if not long
            else f"- {len(long)} sentence(s) are longer than 25 words; we aim for 25 or fewer."
        )
        lines.append("")
        ages = _reading_ages(loaded, text)
        if ages:
            lines += [f"#### {HEADINGS['reading']}", "", *ages, ""]
            lines += [
                "Reading ages are estimated with the Flesch-Kincaid formula (a US school grade, plus 5 for the UK "
                f"reading age, so a grade of 7 is a reading age of {7 + GRADE_TO_UK_AGE}), over each edition's own "
                "text: the description of its readers and what the findings mean for them.",
                "",
            ]
        problems = len(check_pack(loaded))
        if problems:
            lines += [f"The editorial checks list {problems} point(s) still to improve in this briefing.", ""]
    lines += [
        f"Every text colour in the printed editions has a contrast ratio of at least {MINIMUM_CONTRAST:g}:1 "
        f"with the page behind it (WCAG 2.2, level AA); the lowest is {ratio:.1f}:1."
        if ratio >= MINIMUM_CONTRAST
        else f"Not every text colour in the printed editions reaches a contrast ratio of {MINIMUM_CONTRAST:g}:1: "
        f"{colour} on {background} is {ratio:.1f}:1.",
        "",
    ]
    if pdfs_checked:
        lines += [
            f"### {HEADINGS['pdf']}",
            "",
            "Each PDF edition is checked when it is made, and the site is published only if every one passes:",
            "",
            "- it is a tagged PDF, so screen readers can follow its headings, lists and reading order;",
            "- it declares the language it is written in;",
            "- it shows its title, not its file name;",
            "- every font it uses is embedded, so it prints and reads the same on any computer;",
            "- it has bookmarks, so you can jump to each part;",
            f"- each large-print edition sets its body text at {LARGE_PRINT_POINTS:g} point or more.",
            "",
        ]
    lines += [
        f"## {HEADINGS['not_yet']}",
        "",
        "- Reading ages are estimates from a formula; the briefings have not been tested with readers.",
        "- The PDFs are checked by software, not yet by people using screen readers, and not against every "
        "requirement of PDF/UA.",
        "- The colours of the web pages come from the site's theme; this build does not check their contrast.",
        "- The emails have not been tested with screen readers in email programs.",
        "- There are no easy read, audio, braille or Word versions yet.",
        *([] if pdfs_checked else ["- This build did not make the PDF editions, so it did not check them."]),
        "",
        f"## {HEADINGS['formats']}",
        "",
        f"If you need a briefing in another format, such as easy read, audio recording or braille, or if "
        f"something does not work for you, contact {escape(' or '.join(publishers))}. Say which "
        "briefing or edition it is, and the format you need or the problem you found.",
        "",
        f"## {HEADINGS['prepared']}",
        "",
        "This statement was written by lcsi-briefs, the tool that builds the site, from the checks above. It "
        "follows the pattern of the GOV.UK model accessibility statement. The briefings have not been audited "
        "against WCAG 2.2 by an accessibility specialist.",
        "",
    ]
    return "\n".join(lines)
