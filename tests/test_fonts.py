"""Every letter prints: the bundled fonts, read back from the PDF text layer, and what they cover."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from lcsi_briefs.model import font_coverage as coverage
from lcsi_briefs.pdf.print_setup import HERE as PDF_PACKAGE
from lcsi_briefs.pdf.print_setup import print_stylesheets
from lcsi_briefs.pdf.render import RenderJob, render_pdf

#: One line per language the issue names, bold and italic too (each face is its own file).
SAMPLES = [
    "Małgorzata Żółkiewska o Łódź",  # Polish
    "Příliš žluťoučký kůň úpěl ďábelské ódy",  # Czech
    "Árvíztűrő tükörfúrógép, Őrség",  # Hungarian
    "Științe și țară în România, Ţară",  # Romanian, comma and cedilla forms
    "Ŵyl y Gŵr ar ŷd yng Nghymru",  # Welsh
    "Η Ελλάδα και η Αθήνα",  # Greek  # noqa: RUF001 - Greek letters on purpose
    "Москва и Санкт-Петербург",  # Russian
    "Київ і Львів, Ґанок",  # Ukrainian  # noqa: RUF001 - Cyrillic letters on purpose
]
BODY = "".join(f"<p>{text}</p><p><b>{text}</b></p><p><i>{text}</i></p>" for text in SAMPLES)


def render(folder: Path, stylesheets: tuple[Path, ...], body: str = BODY) -> Path:
    target = folder / "letters.pdf"
    html = f"<html lang='en-GB'><head><title>Letters</title></head><body>{body}</body></html>"
    warnings = render_pdf(RenderJob(html, target, folder.as_uri() + "/", stylesheets, (folder, PDF_PACKAGE))).warnings
    assert warnings == []
    return target


def lines(text: str) -> list[str]:
    """The text's lines, without the running footer."""
    footer = re.compile(r"(Page )?\d+( of )?\d+")
    return [line.strip() for line in text.splitlines() if line.strip() and not footer.fullmatch(line)]


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large-print"])
def test_every_sample_reads_back_exactly_from_the_text_layer(tmp_path: Path, large_print: bool) -> None:
    target = render(tmp_path, print_stylesheets(large_print=large_print))
    expected = [text for text in SAMPLES for _ in range(3)]
    extracted = lines("\n".join(page.extract_text() for page in PdfReader(target).pages))
    assert extracted == expected
    poppler = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, check=True)
    assert lines(poppler.stdout.decode("utf-8")) == expected


def test_each_font_is_embedded_once_and_only_bundled_fonts_are_used(tmp_path: Path) -> None:
    target = render(tmp_path, print_stylesheets(large_print=False))
    with pikepdf.open(target) as pdf:
        names = [str(font.BaseFont).split("+", 1)[1] for font in pdf.pages[0].Resources.Font.values()]
    assert len(names) == len(set(names))
    assert {"Atkinson-Hyperlegible", "Atkinson-Hyperlegible-Bold", "DejaVu-Sans-Bundled"} <= set(names)
    assert all(name.startswith(("Atkinson-Hyperlegible", "DejaVu-Sans-Bundled")) for name in names), names


def test_two_files_of_one_face_garble_the_text(tmp_path: Path) -> None:
    """What the stylesheet used to do: a Latin and a Latin Extended subset of Atkinson under one
    family. WeasyPrint writes both as one font, and the text test above fails."""
    faces = []
    for name, cover in (("latin", "U+0020-00FF"), ("latin-ext", "U+0020, U+0100-024F")):
        path = tmp_path / f"{name}.woff"
        options = subset.Options()
        options.flavor = "woff"
        with TTFont(PDF_PACKAGE / "fonts" / "atkinson-hyperlegible-400-normal.woff") as font:
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=coverage._ranges(cover))
            subsetter.subset(font)
            subset.save_font(font, str(path), options)
        faces.append(f'@font-face {{ font-family: "A"; src: url("{path.as_uri()}"); unicode-range: {cover}; }}')
    sheet = tmp_path / "fonts.css"
    sheet.write_text("".join(faces) + 'html { font-family: "A"; }', encoding="utf-8")
    polish = render(tmp_path, (sheet,), body=f"<p>{SAMPLES[0]}</p>")
    assert lines(PdfReader(polish).pages[0].extract_text()) != [SAMPLES[0]]  # say, "Małgorzata Żółkił wska o ŁóŁź"


def test_coverage_holds_the_bundled_scripts() -> None:
    printable = coverage.printable()
    for text in SAMPLES:
        assert coverage.unprintable(text) is None, text
    assert coverage.unprintable("Emoji 😀 and ✓, → and …") is None
    assert ord("\U0002070e") not in printable
    assert coverage.unprintable("中文") == "中"


def test_joiners_and_variation_selectors_need_no_glyph() -> None:
    assert coverage.unprintable("a\u200db\u00ad\ufe0f\u200e\n\tc") is None


def test_coverage_reads_every_face_of_the_stylesheet() -> None:
    """Each face names a bundled file; a face left out of the set would let validate miss it."""
    stylesheet = (PDF_PACKAGE / "static" / "fonts.css").read_text(encoding="utf-8")
    files = re.findall(r'url\("\.\./fonts/([^"]+)"\)', stylesheet)
    assert len(files) == stylesheet.count("@font-face") == 8
    assert all((PDF_PACKAGE / "fonts" / name).is_file() for name in files)
    assert coverage.printable() >= {ord(char) for char in "ŵŷŁłŻżĘęȘșȚțΩωЖжЇї"}
