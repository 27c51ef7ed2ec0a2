"""Interface text in the pack's language: the catalogues, and a Welsh build with no English left."""

from __future__ import annotations

import email
import re
import string
from email.message import EmailMessage
from email.policy import default
from functools import cache
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.pages.markup import TermLinker, escape_format
from lcsi_briefs.pdf.page_labels import css_string, page_labels_css, stacked_label_css
from lcsi_briefs.text.catalogue import LOCALE_DIR, available_languages, catalogue_path, language_runs, translator_for

from .conftest import REPO, make_project, shared_build, small_pack
from .pdftext import pdf_text

PACKAGE = REPO / "src" / "lcsi_briefs"
KEYWORDS = {"_": None, "N_": None, "plural": (1, 2)}
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
Message = str | tuple[str, ...]


def used_messages() -> dict[Message, list[str]]:
    """Every message the code and templates ask for, with where."""
    found: dict[Message, list[str]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(PACKAGE, METHODS, keywords=KEYWORDS):
        found.setdefault(message, []).append(f"{filename}:{line}")
    return found


def catalogue(language: str) -> dict[Message, Any]:
    with catalogue_path(language).open("rb") as stream:
        entries = read_po(stream, abort_invalid=True)  # a malformed entry fails here, not at build time
    return {
        (message.id[0] if isinstance(message.id, tuple) else message.id): message for message in entries if message.id
    }


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_english_and_welsh_are_shipped() -> None:
    assert {"en", "cy"} <= set(available_languages())
    assert not list(LOCALE_DIR.rglob("*.mo")), "compiled catalogues are build output, not source"


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_catalogue_holds_exactly_the_messages_the_code_uses(language: str) -> None:
    used = used_messages()
    held = catalogue(language)
    missing = {str(m): where for m, where in used.items() if (m[0] if isinstance(m, tuple) else m) not in held}
    unused = sorted(m for m in held if m not in {(u[0] if isinstance(u, tuple) else u) for u in used})
    assert not missing, f"add these to locale/{language}: {missing}"
    assert not unused, f"no code uses these any more, remove them from locale/{language}: {unused}"


def test_welsh_translates_every_message_keeping_its_values() -> None:
    for message in catalogue("cy").values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {ids[0]!r}"
        assert not message.fuzzy, f"fuzzy entries are not used, so {ids[0]!r} would print in English"
        for text in strings:
            assert fields(text) == fields(ids[-1]) | fields(ids[0]), f"{ids[0]!r} → {text!r}"


def test_translator_follows_the_pack_language_and_falls_back_to_english() -> None:
    assert translator_for("cy")("Sources") == "Ffynonellau"
    assert translator_for("cy-GB")("Page {page} of {pages}", page=2, pages=9) == "Tudalen 2 o 9"
    assert translator_for("en-GB")("Sources") == "Sources"
    assert not translator_for("en-GB").falls_back
    french = translator_for("fr")
    assert french.falls_back
    assert french.plural("{count} implication", "{count} implications", 2) == "2 implications"


def test_page_counter_css_cannot_break_out_of_its_string() -> None:
    hostile = css_string('x" } </style><script>alert(1)</script> \\')
    assert re.fullmatch(r'"[A-Za-z0-9 \\]*"', hostile)
    css = page_labels_css(translator_for("cy"))
    assert css == 'html { string-set: page-before "Tudalen ", page-between " o ", page-after ""; }'


def test_a_stacked_tables_column_names_take_the_languages_punctuation() -> None:
    """French sets a space before a colon: the words around a column's name are the catalogue's."""
    french = stacked_label_css(lambda message, **_: "{column}\u00a0: {value}")  # type: ignore[arg-type]
    assert french.endswith('::before { content: "" attr(data-label) "\\0000a0 \\00003a  "; }')
    english = stacked_label_css(translator_for("en"))
    assert english.endswith('{ content: "" attr(data-label) "\\00003a  "; }')


def test_a_translation_is_text_even_around_markup_values() -> None:
    written = escape_format("*See* {link} [here](#x).", link="[ok](#y)")
    assert written == r"\*See\* [ok](#y) \[here\]\(\#x\)\."


# --- The bundled pack, built in Welsh ---------------------------------------------------------


def fold(text: str) -> str:
    return " ".join(text.split())


def data_strings(value: object) -> list[str]:
    """Every piece of text a pack holds, longest first, for taking out of the output."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in data_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in data_strings(item)]
    return [fold(str(value))] if isinstance(value, str) else []


@cache
def english_interface_text(data: tuple[str, ...]) -> list[str]:
    """The English pieces of every message that can be told apart from the pack's own text.

    A piece is the text between a message's values ("Rests on:", "Page", "of"); pieces its
    Welsh shares ("PDF") or that the pack's (English) data contains are left out, since
    finding them would prove nothing. Worked out once per pack's data (every piece searched
    for in every string of the pack), not once per page, PDF and email read.
    """
    pieces: set[str] = set()
    for message in catalogue("cy").values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            for raw in re.split(r"\{[^}]*\}", english):
                piece = raw.strip(" ,.·—()")
                if re.search(r"[A-Za-z]{2,}", piece) and not any(piece in text for text in strings):
                    pieces.add(piece)
    return sorted(p for p in pieces if not any(re.search(rf"\b{re.escape(p)}", text) for text in data))


def english_left(text: str, data: list[str]) -> list[str]:
    """Interface text still in English once the pack's own (English) text is taken out."""
    rest = fold(text)
    for piece in data:
        rest = rest.replace(piece, " ")
    rest = fold(rest)
    return [p for p in english_interface_text(tuple(data)) if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", rest)]


@pytest.fixture(scope="module")
def welsh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The bundled pack patched to ``language: cy``, built with PDFs and emails."""
    pack = yaml.safe_load((REPO / "briefings" / "lcsi-2025.yaml").read_text(encoding="utf-8"))
    pack["briefing"]["language"] = "cy"
    # Two audiences of seven: every kind of page, PDF and email, in a third of the build time.
    pack["audiences"] = pack["audiences"][:2]
    kept = [audience["id"] for audience in pack["audiences"]]
    for pathway in pack["pathways"]:
        pathway["beneficiaries"] = [a for a in pathway["beneficiaries"] if a in kept] or kept

    def make(root: Path) -> None:
        make_project(root, {"cymraeg": pack})
        with (root / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write('\nhtml_baseurl = "https://briefings.example.org/"\n')
        assert build_all(root) == 0

    root = shared_build(tmp_path_factory, "welsh", make)
    data = sorted(set(data_strings(pack)), key=len, reverse=True)
    return root / "build", data


def test_welsh_pages_are_welsh_and_say_so(welsh: tuple[Path, list[str]]) -> None:
    build, data = welsh
    # The Welsh pack is published by the site's Welsh build, under cy/ (see test_languages.py).
    pages = sorted((build / "html" / "cy" / "briefing" / "cymraeg").rglob("*.html"))
    assert len(pages) == 5  # overview, sources, two audiences, glossary
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html is not None and soup.html["lang"] == "cy", page.name
        article = soup.select_one("article")
        assert article is not None
        assert english_left(article.get_text(" "), data) == [], page.name
    overview = BeautifulSoup(
        (build / "html" / "cy" / "briefing" / "cymraeg" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "Prif ganfyddiadau" in overview.get_text()
    downloads = overview.select_one("nav.lcsi-downloads")
    assert downloads is not None and downloads["lang"] == "cy" and downloads["aria-label"] == "Lawrlwytho PDF"
    landing = BeautifulSoup((build / "html" / "cy" / "index.html").read_text(encoding="utf-8"), "html.parser")
    card = landing.select_one(".lcsi-series .sd-card")
    assert card is not None and card["lang"] == "cy" and ", rhif 1" in card.get_text()


def test_welsh_pdfs_are_welsh_and_say_so(welsh: tuple[Path, list[str]]) -> None:
    build, data = welsh
    pdfs = sorted((build / "pdf").glob("cymraeg*.pdf"))
    # The full briefing, and for each of the two audiences its edition and one-sheet brief; each twice.
    assert len(pdfs) == 10
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            assert str(pdf.Root.Lang) == "cy"
        text = pdf_text(path)
        assert english_left(text, data) == [], path.name
        assert "Tudalen 2 o " in text
        # Only the full briefing has a contents page; the short editions and briefs go without.
        assert ("Cynnwys" in text) == (path.stem.removesuffix("--large-print") == "cymraeg"), path.name


def test_welsh_emails_are_welsh_and_say_so(welsh: tuple[Path, list[str]]) -> None:
    build, data = welsh
    messages = sorted((build / "newsletter").glob("*.eml"))
    assert len(messages) == 3
    for path in messages:
        message = email.message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(message, EmailMessage)
        assert message["Content-Language"] == "cy"
        plain = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        assert plain is not None and html is not None
        soup = BeautifulSoup(html.get_content(), "html.parser")
        assert soup.html is not None and soup.html["lang"] == "cy"
        assert english_left(plain.get_content(), data) == [], path.name
        assert english_left(soup.get_text(" "), data) == [], path.name
        assert english_left(str(message["Subject"]), data) == [], path.name


# --- Words in another language ----------------------------------------------------------------


def test_language_runs_mark_the_longest_words_only_where_whole() -> None:
    parts = [("Anna", "pl"), ("Anna Nowak", "pl"), ("Ελένη", "el")]
    runs = language_runs("Anna Nowak met Ελένη; Annabel did not.", parts)
    assert runs == [("Anna Nowak", "pl"), (" met ", None), ("Ελένη", "el"), ("; Annabel did not.", None)]


def test_marked_words_stay_text_in_myst() -> None:
    linker = TermLinker(["library"], [("*Kraków* [x](y)", "pl")])
    written = linker.inline("The library in *Kraków* [x](y) opened.")
    assert written == r"The {term}`library` in [\*Kraków\* \[x\]\(y\)]{.language-pl} opened\."


@pytest.fixture(scope="module")
def polish_and_greek(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small pack naming a Polish and a Greek researcher, one name written hostile."""
    pack = small_pack()
    pack["findings"][0]["explanation"] = "Wojciech Kowalski and <i>Ελένη</i> led the visits study."
    pack["findings"][1]["quote"]["text"] = "Staff are the service, said Wojciech Kowalski."
    pack["briefing"]["summary"] = "Led by Wojciech Kowalski.\n\nA second paragraph."
    pack["other_languages"] = [
        {"text": "Wojciech Kowalski", "language": "pl"},
        {"text": "<i>Ελένη</i>", "language": "el"},
    ]

    def make(root: Path) -> None:
        make_project(root, {"small": pack})
        with (root / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write('\nhtml_baseurl = "https://briefings.example.org/"\n')
        assert build_all(root, pdf=False) == 0

    return shared_build(tmp_path_factory, "parts", make) / "build"


def test_words_in_another_language_carry_their_lang_on_the_site(polish_and_greek: Path) -> None:
    page = polish_and_greek / "html" / "briefing" / "small" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    polish = [span.get_text() for span in soup.select('article [lang="pl"]')]
    greek = [span.get_text() for span in soup.select('article [lang="el"]')]
    assert polish.count("Wojciech Kowalski") == 3  # summary, explanation, quote
    assert greek == ["<i>Ελένη</i>"]
    assert soup.select("article i") == []


def test_words_in_another_language_carry_their_lang_in_the_email(polish_and_greek: Path) -> None:
    message = email.message_from_bytes(
        (polish_and_greek / "html" / "newsletter" / "small.eml").read_bytes(), policy=default
    )
    assert isinstance(message, EmailMessage)
    html = message.get_body(preferencelist=("html",))
    assert html is not None
    soup = BeautifulSoup(html.get_content(), "html.parser")
    # Every time the name is printed (the explanation is kept in the email too), it is marked.
    marked = [span.get_text() for span in soup.select('span[lang="pl"]')]
    assert marked and set(marked) == {"Wojciech Kowalski"}
    # The inbox preview line is hidden (display:none): no reader or screen reader meets it there.
    for hidden in soup.select('[style*="display:none"]'):
        hidden.decompose()
    assert soup.body is not None and len(marked) == soup.body.get_text().count("Wojciech Kowalski")
    assert soup.select("i") == []
