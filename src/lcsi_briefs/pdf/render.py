"""Render print HTML to a PDF file with WeasyPrint, safely and reproducibly.

WeasyPrint logs problems (a missing image, unsupported CSS) rather than raising them; we
collect those records and hand them back so the builder can turn them into Sphinx warnings
that ``-W`` catches. The PDF is written to a temporary file and renamed into place, so a
failed render never leaves a half-written file or removes the previous one.
"""

from __future__ import annotations

import hashlib
import logging
import os
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

from lcsi_briefs.pdf import tagging
from lcsi_briefs.pdf.fetcher import ProjectFetcher
from lcsi_briefs.pdf.language_tags import mark_languages
from lcsi_briefs.pdf.preflight.kinds import Kind, Measured
from lcsi_briefs.pdf.preflight.measure import measure

PDF_VARIANT = "pdf/ua-1"
UNMARKED_LANGUAGES = (
    "words marked in another language could not be given their /Lang: the tag tree and the page's "
    "boxes did not pair (a WeasyPrint whose tagger works differently?)"
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


@dataclass(frozen=True)
class Rendered:
    """What a render hands back: WeasyPrint's warnings and what preflight measured."""

    warnings: list[str]
    problems: list[Measured]


def _last_page_fill(document: Document) -> float:
    """How much of the last page's content area its text reaches down, from 0 to 1."""
    page = document.pages[-1]._page_box
    top, height = page.content_box_y(), page.height
    # The page's first child is its content; the rest are its margin boxes (the running footer).
    content = page.children[0] if page.children else page
    bottoms = [box.position_y + box.height for box in content.descendants() if isinstance(box, LineBox)]
    return min(1.0, max(0.0, (max(bottoms, default=top) - top) / height)) if height else 1.0


def _fit(html: HTML, job: RenderJob, fetcher: ProjectFetcher, options: dict[str, Any]) -> tuple[Document, str]:
    """Lay the pages out; with a page limit, step through the smaller stylesheets until it fits.

    Returns the document and, when even the smallest runs past the limit, how far: the text is
    never cut to fit, so the editor is told what to shorten instead.
    """
    attempts = [job.stylesheets, *(job.limit.smaller if job.limit else ())]
    for stylesheets in attempts:
        fonts = FontConfiguration()
        css = [
            CSS(filename=str(path), url_fetcher=fetcher, font_config=fonts)
            for path in (*stylesheets, TAGGING_STYLESHEET)
        ]
        document = html.render(font_config=fonts, stylesheets=css, **options)
        if job.limit is None or len(document.pages) <= job.limit.pages:
            return document, ""
    over = len(document.pages) - 1 - job.limit.pages + _last_page_fill(document)  # type: ignore[union-attr]
    return document, f"{TOO_LONG}{len(document.pages)} pages, about {over:.1f} of a page too long"


def render_pdf(job: RenderJob) -> Rendered:
    """Write ``job.target``; return WeasyPrint's warnings and preflight's problems.

    Raises RenderFailedError."""
    fetcher = ProjectFetcher(list(job.allowed_roots))
    collector = _Collect()
    weasy_logger = logging.getLogger("weasyprint")
    weasy_logger.addHandler(collector)
    # The builder reports what we collect as Sphinx warnings; the root logger must not print it too.
    propagated = weasy_logger.propagate
    weasy_logger.propagate = False
    # Rendering steps and fontTools' subsetting steps are logged at INFO; they are noise in a
    # build log, and one theme dependency (accessible-pygments) sends the root logger's INFO
    # records to the terminal.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    temporary = job.target.with_name(f".{job.target.name}.tmp")
    # fontTools stamps the fonts it subsets with the current time unless SOURCE_DATE_EPOCH is set.
    epoch_was = os.environ.get("SOURCE_DATE_EPOCH")
    if job.source_date_epoch is not None and epoch_was is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(job.source_date_epoch)
    try:
        html = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher)
        tagging.prepare(html.etree_element)
        # A stable identifier derived from the input keeps two builds byte-identical.
        identifier = hashlib.sha256(job.html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        options: dict[str, Any] = {"pdf_variant": PDF_VARIANT, "pdf_identifier": identifier}
        # @font-face rules only take effect through a font configuration shared with the layout.
        document, too_long = _fit(html, job, fetcher, options)
        measured = measure(document, large_print=job.large_print)

        def finish(document: Document, pdf: Any) -> None:
            if mark_languages(document, pdf) is None:
                measured.problems.append(Measured(Kind.TAGS, 1, UNMARKED_LANGUAGES))
            tagging.finish(document, pdf)
            measured.problems.extend(tagging.structure_problems(pdf, measured.tables))

        job.target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(temporary, finisher=finish, **options)
        temporary.replace(job.target)
    except FatalURLFetchingError as error:
        cause = error.__cause__ or error
        raise RenderFailedError(str(cause)) from None
    except (OSError, ValueError) as error:
        raise RenderFailedError(f"{type(error).__name__}: {error}") from None
    finally:
        if epoch_was is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        weasy_logger.removeHandler(collector)
        weasy_logger.propagate = propagated
        temporary.unlink(missing_ok=True)
    warnings = [too_long, *collector.messages] if too_long else collector.messages
    return Rendered(warnings, measured.problems)
