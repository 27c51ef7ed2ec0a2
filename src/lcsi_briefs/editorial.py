"""Editorial checks in every build: listed as warnings, or stopping the build when strict.

Builds run Sphinx with warnings as errors, so these are reported as notes prefixed
``lcsi-briefs:`` (the build shows those lines) rather than as Sphinx warnings, which would
make every work-in-progress pack fail. ``lcsi_briefs_strict = True`` (``lcsi-briefs build
--strict``) turns them into a build error, like ``lcsi-briefs check --strict``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from lcsi_briefs.check import check_packs
from lcsi_briefs.config import briefs_config
from lcsi_briefs.errors import BriefingDataError
from lcsi_briefs.model import LoadedPack

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: The PDF builder regenerates the same pages; one report per build is enough.
_QUIET_BUILDERS = frozenset({"briefing-pdf"})


def report_editorial(app: Sphinx, packs: list[LoadedPack]) -> None:
    if app.builder.name in _QUIET_BUILDERS:
        return
    problems = check_packs(packs)
    if not problems:
        return
    count = f"{len(problems)} editorial warning{'s' if len(problems) != 1 else ''}"
    if briefs_config(app.config).strict:
        listed = "\n".join(str(problem) for problem in problems)
        raise BriefingDataError(f"{count} (strict build; see `lcsi-briefs check`):\n{listed}")
    for problem in problems:
        logger.info("lcsi-briefs: %s", problem)
    logger.info("lcsi-briefs: %s; `lcsi-briefs check` lists them, and --strict fails on them", count)
