"""The site's accessibility statement, written from what the build checks, on the GOV.UK model.

Only what is checked is claimed. Three kinds of fact go in:

- checked for this site's own packs when the site is built: spelled-out abbreviations, long
  sentences and reading age per audience (the ``lcsi-briefs check`` results), and the contrast
  of every text colour in the printed editions' stylesheets;
- checked for every PDF edition as it is written (:mod:`lcsi_briefs.pdf.reader_checks`): the
  PDF build fails, and nothing is published, unless each is tagged, declares its language, shows
  its title, embeds its fonts, has bookmarks and, in large print, sets body text at 16 point or
  more; these claims appear only when the build renders the PDFs;
- what is not done yet, said plainly.

Plain Python: the Sphinx side passes in the packs and whether PDFs are built.
"""

from __future__ import annotations

import re
from importlib.resources import files

from lcsi_briefs.check.prose import Kind, PackText
from lcsi_briefs.check.readability import GRADE_TO_UK_AGE, is_english, long_sentence_problems, uk_reading_age
from lcsi_briefs.check.terms import abbreviation_problems
from lcsi_briefs.model.colour import TEXT_CONTRAST, contrast
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.markup import escape
from lcsi_briefs.pdf.reader_checks import LARGE_PRINT_POINTS
from lcsi_briefs.text.catalogue import N_, Translator, translator_for

#: The statement's body, written among the generated pages for the site's accessibility page to include.
ACCESSIBILITY_FILE = "_includes/accessibility.md"
#: WCAG 2.2 AA for body text.
MINIMUM_CONTRAST = TEXT_CONTRAST
#: The printed editions' pages, and the tint behind boxed text (notes, key figures, table heads).
PRINT_BACKGROUNDS = ("#ffffff", "#eef3fa")

#: The statement's headings, in the catalogue like every word the tool writes for readers.
HEADINGS = {
    "how": N_("How accessible these briefings are"),
    "build": N_("What is checked each time this site is built"),
    "pdf": N_("What is checked in every printed edition"),
    "reading": N_("Reading age of each edition"),
    "not_yet": N_("What is not done yet"),
    "formats": N_("Other formats and feedback"),
    "prepared": N_("How this statement was prepared"),
}
_COLOR = re.compile(r"(?<![\w-])color:\s*(#[0-9a-fA-F]{6})\b")


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


def _reading_ages(loaded: LoadedPack, text: PackText, _: Translator) -> list[str]:
    pack = loaded.pack
    if not is_english(pack.briefing.language):
        return []
    header = [_("Edition"), _("Aimed at a UK reading age of"), _("Estimated reading age")]
    rows = ["| " + " | ".join(escape(cell) for cell in header) + " |", "| --- | --- | --- |"]
    for index, audience in enumerate(pack.audiences):
        own = [
            run.text if run.text.rstrip()[-1:] in ".!?" else f"{run.text}."
            for run in text.audience_edition(index)
            if run.location[:2] == ("audiences", index) and run.kind is not Kind.TITLE
        ]
        target = audience.reading_age or pack.editorial.reading_age
        age = uk_reading_age(" ".join(own), pack.briefing.language)
        cells = [audience.name, _("{age} or lower", age=target), f"{age:.0f}"]
        rows.append("| " + " | ".join(escape(cell) for cell in cells) + " |")
    return rows


def _pack_lines(loaded: LoadedPack, _: Translator) -> list[str]:
    text = PackText(loaded, loaded.document)
    unexplained = abbreviation_problems(text)
    long = long_sentence_problems(text)
    abbreviations = (
        _(
            "Abbreviations in the glossary are spelled out the first time they are used on each web page, in each "
            "printed edition and in each email; no other abbreviation is left unexplained."
        )
        if not unexplained
        else _.plural(
            "Abbreviations in the glossary are spelled out the first time they are used on each web page, in each "
            "printed edition and in each email; {count} other use of an abbreviation is not yet explained.",
            "Abbreviations in the glossary are spelled out the first time they are used on each web page, in each "
            "printed edition and in each email; {count} other uses of an abbreviation are not yet explained.",
            len(unexplained),
        )
    )
    sentences = (
        _("No sentence in the briefing's own words is longer than 25 words.")
        if not long
        else _.plural(
            "{count} sentence is longer than 25 words; we aim for 25 or fewer.",
            "{count} sentences are longer than 25 words; we aim for 25 or fewer.",
            len(long),
        )
    )
    lines = [escape(_("In {title}:", title=loaded.pack.briefing.title)), "", f"- {escape(abbreviations)}"]
    lines += [f"- {escape(sentences)}", ""]
    ages = _reading_ages(loaded, text, _)
    if ages:
        note = _(
            "Reading ages are estimated with the Flesch-Kincaid formula (a US school grade, plus {years} for the UK "
            "reading age, so a grade of 7 is a reading age of {example}), over each edition's own text: the "
            "description of its readers and what the findings mean for them.",
            years=GRADE_TO_UK_AGE,
            example=7 + GRADE_TO_UK_AGE,
        )
        lines += [f"#### {escape(_(HEADINGS['reading']))}", "", *ages, "", escape(note), ""]
    return lines


def render_accessibility(packs: list[LoadedPack], *, pdfs_checked: bool, _: Translator | None = None) -> str:
    """The statement's body, in MyST, for the site's accessibility page to include."""
    _ = _ or translator_for("en")
    titles = ", ".join(loaded.pack.briefing.title for loaded in packs)
    publishers = ", ".join(sorted({loaded.pack.briefing.publisher for loaded in packs}))
    intro = _(
        "This statement covers the briefings on this site ({titles}): their web pages, their printed editions "
        "(PDF) and their newsletter emails. It is written each time the site is built, from the checks that build "
        "runs, so it says only what was checked.",
        titles=titles,
    )
    lines = [escape(intro), "", f"## {escape(_(HEADINGS['how']))}", "", f"### {escape(_(HEADINGS['build']))}", ""]
    for loaded in packs:
        lines += _pack_lines(loaded, _)
    ratio, colour, background = lowest_print_contrast()
    contrast_line = (
        _(
            "Every text colour in the printed editions has a contrast ratio of at least {minimum}:1 with the page "
            "behind it (WCAG 2.2, level AA); the lowest is {ratio}:1.",
            minimum=f"{MINIMUM_CONTRAST:g}",
            ratio=f"{ratio:.1f}",
        )
        if ratio >= MINIMUM_CONTRAST
        else _(
            "Not every text colour in the printed editions reaches a contrast ratio of {minimum}:1: {colour} on "
            "{background} is {ratio}:1.",
            minimum=f"{MINIMUM_CONTRAST:g}",
            colour=colour,
            background=background,
            ratio=f"{ratio:.1f}",
        )
    )
    lines += [escape(contrast_line), ""]
    if pdfs_checked:
        checks = [
            _("it is a tagged PDF, so screen readers can follow its headings, lists and reading order;"),
            _("it declares the language it is written in;"),
            _("it shows its title, not its file name;"),
            _("every font it uses is embedded, so it prints and reads the same on any computer;"),
            _("it has bookmarks, so you can jump to each part;"),
            _(
                "each large-print edition sets its body text at {points} point or more.",
                points=f"{LARGE_PRINT_POINTS:g}",
            ),
        ]
        lines += [f"### {escape(_(HEADINGS['pdf']))}", ""]
        lines += [
            escape(
                _("Each PDF edition is checked when it is made, and the site is published only if every one passes:")
            ),
            "",
        ]
        lines += [*(f"- {escape(check)}" for check in checks), ""]
    not_yet = [
        _("Reading ages are estimates from a formula; the briefings have not been tested with readers."),
        _(
            "The PDFs are checked by software, not yet by people using screen readers, and not against every "
            "requirement of PDF/UA."
        ),
        _("The colours of the web pages come from the site's theme; this build does not check their contrast."),
        _("The emails have not been tested with screen readers in email programs."),
        _("There are no easy read, audio, braille or Word versions yet."),
    ]
    if not pdfs_checked:
        not_yet.append(_("This build did not make the PDF editions, so it did not check them."))
    formats = _(
        "If you need a briefing in another format, such as easy read, audio recording or braille, or if something "
        "does not work for you, contact {publishers}. Say which briefing or edition it is, and the format you need "
        "or the problem you found.",
        publishers=publishers,
    )
    prepared = _(
        "This statement was written by lcsi-briefs, the tool that builds the site, from the checks above. It follows "
        "the pattern of the GOV.UK model accessibility statement. The briefings have not been audited against WCAG "
        "2.2 by an accessibility specialist."
    )
    lines += [f"## {escape(_(HEADINGS['not_yet']))}", "", *(f"- {escape(item)}" for item in not_yet), ""]
    lines += [f"## {escape(_(HEADINGS['formats']))}", "", escape(formats), ""]
    lines += [f"## {escape(_(HEADINGS['prepared']))}", "", escape(prepared), ""]
    return "\n".join(lines)
