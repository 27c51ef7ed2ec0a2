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

from weasyprint import CSS, HTML
from weasyprint.text import ffi as weasyprint_ffi
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from lcsi_briefs.pdf.fetcher import ProjectFetcher

PDF_VARIANT = "pdf/ua-1"
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


def render_pdf(job: RenderJob) -> list[str]:
    """Write ``job.target``; return WeasyPrint's warnings. Raises RenderFailedError."""
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
        document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher)
        # @font-face rules only take effect through a font configuration shared with write_pdf.
        fonts = FontConfiguration()
        stylesheets = [CSS(filename=str(path), url_fetcher=fetcher, font_config=fonts) for path in job.stylesheets]
        # A stable identifier derived from the input keeps two builds byte-identical.
        identifier = hashlib.sha256(job.html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        job.target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(
            temporary,
            stylesheets=stylesheets,
            font_config=fonts,
            pdf_variant=PDF_VARIANT,
            pdf_identifier=identifier,
        )
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
    return collector.messages
