"""The extension's settings, declared once as a typed dataclass.

Each field becomes a ``lcsi_briefs_<name>`` value in ``conf.py``. A value of the wrong type
gets a warning naming the expected type, and the default is used instead.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
PREFIX = "lcsi_briefs_"


@dataclass(frozen=True)
class BriefsConfig:
    """Settings for lcsi-briefs, all optional."""

    #: Folder holding the pack files, relative to the folder of ``conf.py``.
    packs_dir: str = "briefings"
    #: Folder inside the source tree for generated pages (git-ignored; rewritten each build).
    pages_dir: str = "_briefings"
    #: Seconds one PDF render may take before the build gives up on it.
    pdf_timeout: float = 600.0
    #: How many PDFs to render at once; 0 means one per CPU core.
    pdf_workers: int = 0
    #: The From line of the newsletter emails, e.g. "Policy Team <policy@example.org>"; empty leaves it out.
    newsletter_from: str = ""


def setup_config(app: Sphinx) -> None:
    for field in fields(BriefsConfig):
        app.add_config_value(PREFIX + field.name, field.default, "env", types=(type(field.default),))
    app.connect("config-inited", _check_config)


def _check_config(app: Sphinx, config: Config) -> None:
    for field in fields(BriefsConfig):
        name = PREFIX + field.name
        value = getattr(config, name)
        expected = type(field.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, expected):
            logger.warning(
                "%s should be a %s, found %r; using the default %r",
                name,
                expected.__name__,
                value,
                field.default,
                type="lcsi",
                subtype="config",
            )
            setattr(config, name, field.default)


def briefs_config(config: Config) -> BriefsConfig:
    values: dict[str, Any] = {field.name: getattr(config, PREFIX + field.name) for field in fields(BriefsConfig)}
    return dataclasses.replace(BriefsConfig(), **values)
