"""Editorial checks in every build, and the accessibility statement and PDF checks it rests on.

Editorial checks are listed as warnings, or stop the build when strict.

Builds run Sphinx with warnings as errors, so these are reported as notes (which
``lcsi-briefs build`` shows) rather than as Sphinx warnings, which would make every
work-in-progress pack fail. ``lcsi_briefs_strict = True`` (``lcsi-briefs build
--strict``) turns them into a build error, like ``lcsi-briefs check --strict``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from lcsi_briefs.check import check_packs
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.sphinx_ext.config import briefs_config
from lcsi_briefs.sphinx_ext.errors import BriefingDataError, PdfRenderError
from lcsi_briefs.sphinx_ext.warnings import note
from lcsi_briefs.text.counts import counted

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx

    from lcsi_briefs.pdf.pool import RenderResult

logger = logging.getLogger(__name__)

#: The PDF builder regenerates the same pages; one report per build is enough.
_PDF_BUILDERS = frozenset({"briefing-pdf"})


def report_editorial(app: Sphinx, packs: list[LoadedPack]) -> None:
    if app.builder.name in _PDF_BUILDERS:
        return
    problems = check_packs(packs)
    if not problems:
        return
    count = counted(len(problems), "editorial warning")
    if briefs_config(app.config).strict:
        listed = "\n".join(str(problem) for problem in problems)
        raise BriefingDataError(f"{count} (strict build; see `lcsi-briefs check`):\n{listed}")
    for problem in problems:
        note(logger, "%s", problem)
    note(logger, "%s; `lcsi-briefs check` lists them, and --strict fails on them", count)


def keep_checks(results: Iterable[RenderResult], checked: dict[Path, tuple[str, ...]]) -> Iterator[RenderResult]:
    """Pass the render results on, keeping in ``checked`` what each render found a reader would miss."""
    for result in results:
        if result.error is None:
            checked[result.job.target.resolve()] = result.checked
        yield result


def _verify_pdfs(app: Sphinx, exception: Exception | None) -> None:
    """Every PDF this build printed must pass the checks the accessibility statement lists.

    Each render checked its own PDF as it wrote it (:mod:`lcsi_briefs.pdf.reader_checks`); the
    PDF builder keeps what each found (``checked_pdfs``), the publisher's files and every
    member's copies alike. PDFs kept from an earlier build passed when they were printed.
    """
    if exception is not None or app.builder.name not in _PDF_BUILDERS:
        return
    checked: dict[Path, tuple[str, ...]] = getattr(app.builder, "checked_pdfs", {})
    failures = [f"{path.name}: {problem}" for path, problems in sorted(checked.items()) for problem in problems]
    if failures:
        raise PdfRenderError("PDF accessibility checks failed:\n" + "\n".join(failures))


def setup_accessibility(app: Sphinx) -> None:
    app.connect("build-finished", _verify_pdfs)
