"""Render print HTML to a PDF file with WeasyPrint, safely and reproducibly.

WeasyPrint logs problems (a missing image, unsupported CSS) rather than raising them; we
collect those records and hand them back so the builder can turn them into Sphinx warnings
that ``-W`` catches. The PDF is written to a temporary file and renamed into place, so a
failed render never leaves a half-written file or removes the previous one.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import LineBox
from weasyprint.text import ffi as weasyprint_ffi
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from lcsi_briefs.files import file_state
from lcsi_briefs.pdf import tagging
from lcsi_briefs.pdf.fetcher import ProjectFetcher
from lcsi_briefs.pdf.language_tags import mark_languages
from lcsi_briefs.pdf.page_numbers import SETTLE_LAYOUTS, PageNumbers
from lcsi_briefs.pdf.preflight import keep
from lcsi_briefs.pdf.preflight.kinds import Kind, Measured
from lcsi_briefs.pdf.preflight.measure import Measurement, measure
from lcsi_briefs.pdf.reader_checks import ReaderFacts, reader_facts

PDF_VARIANT = "pdf/ua-1"
UNMARKED_LANGUAGES = (
    "words marked in another language could not be given their /Lang: the tag tree and the page's "
    "boxes did not pair (a WeasyPrint whose tagger works differently?)"
)
UNSETTLED = (
    f"the pages its cross-references point to still moved after {SETTLE_LAYOUTS} layouts: some may print "
    "a neighbouring page; shorten or lengthen the text before a target to move it"
)
HERE = Path(__file__).parent
#: Applied to every PDF after the edition's own stylesheets: what correct tagging needs.
TAGGING_STYLESHEET = HERE / "static" / "tagging.css"
#: WeasyPrint's note that it subsets fonts with the slower fontTools. It says nothing about the
#: briefing, only about the machine, so it must not fail a build that treats warnings as errors;
#: the builder says it once instead (see :func:`fast_font_subsetting`).
_SLOW_SUBSET_NOTE = "Using fontTools instead of HarfBuzz-Subset"


def fast_font_subsetting() -> bool:
    """Whether WeasyPrint found the HarfBuzz-Subset library (Debian: libharfbuzz-subset0)."""
    return getattr(weasyprint_ffi, "harfbuzz_subset", None) is not None


def weasyprint_version() -> str:
    """Part of every PDF's input digest: a new WeasyPrint may lay pages out differently."""
    return version("weasyprint")


def renderer_version() -> str:
    """Part of every PDF's input digest: WeasyPrint's version and what we change in its output.

    The tagging fixes and preflight's measures run inside the render, so a change to them must
    render every PDF again.
    """
    digest = hashlib.sha256()
    own = [TAGGING_STYLESHEET, HERE / "tagging.py", HERE / "table_tags.py", *sorted((HERE / "preflight").glob("*.py"))]
    for path in own:
        digest.update(path.read_bytes())
    return f"{weasyprint_version()} {digest.hexdigest()[:16]}"


class RenderFailedError(Exception):
    """The render could not finish; the message says why."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(_SLOW_SUBSET_NOTE):
            self.messages.append(message)


@dataclass(frozen=True)
class PageLimit:
    """At most ``pages`` pages; else try each of ``smaller`` (sets of stylesheets) in turn."""

    pages: int
    smaller: tuple[tuple[Path, ...], ...] = ()


#: How the warning of a render past its page limit begins (the builder locates it in the data).
TOO_LONG = "too long: "


@dataclass(frozen=True)
class RenderJob:
    """Everything one render needs; plain data so it can be sent to a worker process."""

    html: str
    target: Path
    base_url: str
    stylesheets: tuple[Path, ...]
    allowed_roots: tuple[Path, ...]
    #: Seconds since 1970 to stamp into the PDF's fonts, so two builds give the same bytes.
    source_date_epoch: int | None = None
    warnings: list[str] = field(default_factory=list, compare=False)
    #: A page limit the PDF should keep (a one-sheet brief); None for no limit. A document past
    #: it even with its smallest stylesheets is still written whole, with a ``TOO_LONG`` warning.
    limit: PageLimit | None = None
    #: A large-print edition, which preflight holds to 16pt and no italics.
    large_print: bool = False
    #: The page each cross-reference's target was on when this PDF was last rendered (see
    #: :mod:`lcsi_briefs.pdf.page_numbers`): a layout is saved when they still hold. Not part of
    #: what the PDF depends on: the pages printed are always the ones found.
    pages: dict[str, int] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Rendered:
    """What a render hands back: WeasyPrint's warnings, what preflight measured, and what a
    reader's software needs that the PDF lacks (see :mod:`lcsi_briefs.pdf.reader_checks`)."""

    warnings: list[str]
    problems: list[Measured]
    reader: ReaderFacts
    #: The page each cross-reference's target is on, for the next render to start from.
    pages: dict[str, int] = field(default_factory=dict)


def _last_page_fill(document: Document) -> float:
    """How much of the last page's content area its text reaches down, from 0 to 1."""
    page = document.pages[-1]._page_box
    top, height = page.content_box_y(), page.height
    # The page's first child is its content; the rest are its margin boxes (the running footer).
    content = page.children[0] if page.children else page
    bottoms = [box.position_y + box.height for box in content.descendants() if isinstance(box, LineBox)]
    return min(1.0, max(0.0, (max(bottoms, default=top) - top) / height)) if height else 1.0


@contextmanager
def _collected(epoch: int | None) -> Iterator[_Collect]:
    """WeasyPrint's warnings collected instead of printed, and fonts stamped with ``epoch``.

    An outer collection (a render that parses its stylesheets) does not see what an inner one
    (the parse) collects: the parse keeps its warnings with the stylesheets, for every render.
    """
    weasy_logger = logging.getLogger("weasyprint")
    outer = [handler for handler in weasy_logger.handlers if isinstance(handler, _Collect)]
    for handler in outer:
        weasy_logger.removeHandler(handler)
    collector = _Collect()
    weasy_logger.addHandler(collector)
    # The builder reports what we collect as Sphinx warnings; the root logger must not print it too.
    propagated = weasy_logger.propagate
    weasy_logger.propagate = False
    # Rendering steps and fontTools' subsetting steps are logged at INFO; they are noise in a
    # build log, and one theme dependency (accessible-pygments) sends the root logger's INFO
    # records to the terminal.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    # fontTools stamps the fonts it decodes and subsets with the current time unless
    # SOURCE_DATE_EPOCH is set.
    epoch_was = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch_was is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield collector
    finally:
        if epoch_was is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        weasy_logger.removeHandler(collector)
        for handler in outer:
            weasy_logger.addHandler(handler)
        weasy_logger.propagate = propagated


@dataclass(frozen=True)
class _Styles:
    """A set of stylesheets parsed, the fonts they load, and what WeasyPrint said while parsing."""

    fonts: FontConfiguration
    css: list[CSS]
    warnings: list[str]
    #: The process that parsed them, the one whose fonts' folder this is.
    pid: int


#: Parsed stylesheets, by the stylesheet files (with their change times) and the time stamp their
#: fonts carry. Parsing them and decoding the fonts is a third of a brief's render: done once per
#: process rather than once per attempt of every PDF. The pool parses them before it forks its
#: workers, which inherit them, and keeps them for the next build in the same process (the
#: preview's, or a test's): what they read is the tool's own, whichever project is built.
_STYLES: dict[tuple[object, ...], _Styles] = {}
#: One font configuration per process and time stamp, shared by every set of stylesheets: they
#: all declare the same faces (``fonts.css``), and WeasyPrint decodes a face once per
#: configuration, where a configuration per set decoded the same eight WOFF files once per set
#: (six sets, 0.7 s of every build's start).
_FONTS: dict[tuple[int, str | None], FontConfiguration] = {}


def _styles(stylesheets: tuple[Path, ...], job: RenderJob) -> _Styles:
    """The parsed stylesheets (the tagging stylesheet last) and the font configuration they fill."""
    files = (*stylesheets, TAGGING_STYLESHEET)
    stamp = None if job.source_date_epoch is None else str(job.source_date_epoch)
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or stamp
    key = (*((path, file_state(path)) for path in files), epoch)
    if key not in _STYLES:
        if (os.getpid(), epoch) not in _FONTS:  # made only when missing: each costs Fontconfig's setup
            _FONTS[os.getpid(), epoch] = FontConfiguration()
        fonts = _FONTS[os.getpid(), epoch]
        # A stylesheet reads only beside itself (the bundled fonts), never in a project.
        fetcher = ProjectFetcher(sorted({HERE, *(path.parent for path in files)}))
        with _collected(job.source_date_epoch) as collector:
            css = [CSS(filename=str(path), url_fetcher=fetcher, font_config=fonts) for path in files]
        _STYLES[key] = _Styles(fonts, css, collector.messages, os.getpid())
    return _STYLES[key]


def prepare_styles(job: RenderJob) -> None:
    """Parse the stylesheets a job uses, so the workers forked after this inherit them.

    A stylesheet that cannot be parsed is left for the job's own render to report.
    """
    for stylesheets in (job.stylesheets, *(job.limit.smaller if job.limit else ())):
        try:
            _styles(stylesheets, job)
        except Exception:
            continue


def forget_styles() -> None:
    """Drop the stylesheets this process parsed; their fonts' temporary folder goes with them.

    Run as the process ends, and by a render worker as it ends (it ends without exit handlers).
    Those a forked worker inherited are left alone: they are its parent's, and so is their folder.
    """
    own = [key for key, styles in _STYLES.items() if styles.pid == os.getpid()]
    for key in own:
        del _STYLES[key]
    for pid, epoch in [key for key in _FONTS if key[0] == os.getpid()]:
        del _FONTS[pid, epoch]
    # The documents rendered with them hold their fonts in reference cycles (boxes and their
    # parents): collected now, the folder goes now rather than whenever the collector next runs.
    # Only then: there is nothing of this process's to free otherwise.
    if own:
        gc.collect()


atexit.register(forget_styles)


@dataclass
class _Laid:
    """One layout of a document, what preflight measured in it, and the stylesheets it used."""

    document: Document
    measured: Measurement
    styles: _Styles
    #: The page each cross-reference's target is on in this layout.
    pages: dict[str, int]
    #: Whether a reference still printed a page its target is not on.
    unsettled: bool


def _lay_out(html: HTML, styles: _Styles, job: RenderJob, options: dict[str, Any], numbers: PageNumbers) -> _Laid:
    """One layout whose cross-references print the pages their targets are on in it."""
    for _ in range(SETTLE_LAYOUTS):
        if numbers.pages:
            # The pages known (the last render's, or an earlier layout's), printed as they are
            # rather than found again by target-counter()'s extra layouts.
            numbers.write()
        # @font-face rules only take effect through a font configuration shared with the layout.
        document = html.render(font_config=styles.fonts, stylesheets=styles.css, **options)
        if settled := numbers.held(document):
            break
    measured = measure(document, large_print=job.large_print)
    return _Laid(document, measured, styles, dict(numbers.pages), unsettled=not settled)


def _fit(html: HTML, job: RenderJob, options: dict[str, Any], numbers: PageNumbers) -> tuple[_Laid, str, list[str]]:
    """Lay the pages out; with a page limit, step through the smaller stylesheets until it fits.

    Returns the layout, when even the smallest runs past the limit how far (the text is
    never cut to fit, so the editor is told what to shorten instead), and what WeasyPrint said
    while parsing the stylesheets used.
    """
    attempts = [job.stylesheets, *(job.limit.smaller if job.limit else ())]
    said: list[str] = []
    for stylesheets in attempts:
        styles = _styles(stylesheets, job)
        said += styles.warnings
        laid = _lay_out(html, styles, job, options, numbers)
        pages = len(laid.document.pages)
        if job.limit is None or pages <= job.limit.pages:
            return laid, "", said
    over = pages - 1 - job.limit.pages + _last_page_fill(laid.document)  # type: ignore[union-attr]
    return laid, f"{TOO_LONG}{pages} pages, about {over:.1f} of a page too long", said


#: At most this many layouts more, each holding together what the one before still parted.
KEEP_PASSES = 3


def _kept(html: HTML, laid: _Laid, job: RenderJob, options: dict[str, Any], numbers: PageNumbers) -> _Laid:
    """Lay the pages out again while that mends what preflight found parted (see ``preflight.keep``).

    Only a document with such a problem is laid out again, and the new layout is kept only when it
    has fewer problems: a keep that pushed a block on and left a page underfull counts that page
    against it. It may take a page more (a heading moved to the next page with its text), except
    past a page limit. A data table with text outside its cells is set smaller, then stacked,
    instead; that may take a page more too.
    """
    best, narrowed = laid, False
    for _ in range(KEEP_PASSES):
        found = keep.keeps(laid.measured.layout)
        narrower = keep.tables(laid.measured.layout, large_print=job.large_print)
        if not found and not narrower:
            break
        keep.apply(found)
        keep.narrow(narrower)
        narrowed = narrowed or bool(narrower)
        laid = _lay_out(html, laid.styles, job, options, numbers)
        fewer = len(laid.measured.problems) < len(best.measured.problems)
        # A table that fits takes the pages it needs, and so may a heading kept with its text,
        # but never past a page limit (a brief's).
        pages = len(laid.document.pages)
        within = job.limit is None or pages <= job.limit.pages
        if fewer and (pages <= len(best.document.pages) or narrowed or within):
            best = laid
    return best


def render_pdf(job: RenderJob) -> Rendered:
    """Write ``job.target``; return WeasyPrint's warnings and preflight's problems.

    Raises RenderFailedError."""
    fetcher = ProjectFetcher(list(job.allowed_roots))
    temporary = job.target.with_name(f".{job.target.name}.tmp")
    try:
        with _collected(job.source_date_epoch) as collector:
            html = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher)
            tagging.prepare(html.etree_element)
            # A stable identifier derived from the input keeps two builds byte-identical.
            identifier = hashlib.sha256(job.html.encode("utf-8")).hexdigest()[:32].encode("ascii")
            options: dict[str, Any] = {"pdf_variant": PDF_VARIANT, "pdf_identifier": identifier}
            numbers = PageNumbers(html.etree_element, job.pages)
            laid, too_long, parsing = _fit(html, job, options, numbers)
            laid = _kept(html, laid, job, options, numbers)
            document, measured = laid.document, laid.measured
            checked: list[ReaderFacts] = []

            def finish(document: Document, pdf: Any) -> None:
                if mark_languages(document, pdf) is None:
                    measured.problems.append(Measured(Kind.TAGS, 1, UNMARKED_LANGUAGES))
                tagging.finish(document, pdf)
                measured.problems.extend(tagging.structure_problems(pdf, measured.tables))
                checked.append(reader_facts(pdf, measured.sizes, large_print=job.large_print))

            job.target.parent.mkdir(parents=True, exist_ok=True)
            document.write_pdf(temporary, finisher=finish, **options)
            temporary.replace(job.target)
    except FatalURLFetchingError as error:
        cause = error.__cause__ or error
        raise RenderFailedError(str(cause)) from None
    except (OSError, ValueError) as error:
        raise RenderFailedError(f"{type(error).__name__}: {error}") from None
    finally:
        temporary.unlink(missing_ok=True)
    warnings = [*parsing, *collector.messages, *([UNSETTLED] if laid.unsettled else [])]
    return Rendered([too_long, *warnings] if too_long else warnings, measured.problems, checked[0], laid.pages)
