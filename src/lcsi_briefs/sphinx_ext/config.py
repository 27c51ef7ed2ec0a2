"""The extension's settings, declared once as a typed dataclass, each with its own check.

Each field becomes a ``lcsi_briefs_<name>`` value in ``conf.py``. A type checker cannot see
that ``pdf_workers = -1`` is nonsense, so every field carries a validator (sphinx-design's
``SdConfig`` is the model): a bad value gets a warning naming the setting, the value found and
what was expected, and the default is used instead. The check runs at ``config-inited`` with a
high priority, before any other listener reads the settings.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from email.utils import getaddresses
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from lcsi_briefs.sphinx_ext.warnings import BriefsWarnings, setting_location, warn
from lcsi_briefs.text.paragraphs import line_break

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
PREFIX = "lcsi_briefs_"
#: Before other ``config-inited`` listeners (Sphinx's default is 500), as sphinx-design does.
PRIORITY = 400
#: More renders at once than this only queue for the same cores and memory.
MAX_WORKERS = 256

#: A check returns what was expected when the value is wrong, or None when it is fine.
Validator = Callable[[Any], "str | None"]


def _folder(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip() or "\0" in value or line_break(value):
        return "a folder name, such as 'briefings'"
    return None


def _pages_folder(value: Any) -> str | None:
    path = PurePosixPath(value) if isinstance(value, str) else None
    if path is None or _folder(value) or path.is_absolute() or ".." in path.parts or "\\" in value:
        return "a folder inside the source folder, such as 'briefing' (no '..', no absolute path)"
    return None


def _seconds(value: Any) -> str | None:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or not math.isfinite(value) or value <= 0:
        return "a number of seconds greater than 0, such as 600"
    return None


def _workers(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_WORKERS:
        return f"a whole number from 0 (one per CPU core) to {MAX_WORKERS}"
    return None


def _sender(value: Any) -> str | None:
    expected = "an email address such as 'Policy Team <policy@example.org>', or '' to leave it out"
    if not isinstance(value, str) or line_break(value):
        return expected
    if value:
        addresses = getaddresses([value])
        if len(addresses) != 1 or "@" not in addresses[0][1]:
            return expected
    return None


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "True or False"


def _setting(default: Any, validator: Validator) -> Any:
    return field(default=default, metadata={"validator": validator})


@dataclass(frozen=True)
class BriefsConfig:
    """Settings for lcsi-briefs, all optional."""

    #: Folder holding the pack files, relative to the folder of ``conf.py``.
    packs_dir: str = _setting("briefings", _folder)
    #: Folder inside the source tree for generated pages (git-ignored; rewritten each build).
    pages_dir: str = _setting("briefing", _pages_folder)
    #: Seconds one PDF render may take before the build gives up on it.
    pdf_timeout: float = _setting(600.0, _seconds)
    #: How many PDFs to render at once; 0 means one per CPU core.
    pdf_workers: int = _setting(0, _workers)
    #: The From line of the newsletter emails, e.g. "Policy Team <policy@example.org>"; empty leaves it out.
    newsletter_from: str = _setting("", _sender)
    #: Fail the build on editorial warnings (``lcsi-briefs check``) instead of listing them.
    strict: bool = _setting(False, _flag)
    #: Set by ``lcsi-briefs build`` when it renders the PDFs too, each checked as it is made:
    #: the accessibility statement then lists those checks.
    pdf_build: bool = _setting(False, _flag)


def setup_config(app: Sphinx) -> None:
    for setting in fields(BriefsConfig):
        default = setting.default
        types = (int, float) if isinstance(default, float) else (type(default),)
        app.add_config_value(PREFIX + setting.name, default, "env", types=types)
    app.connect("config-inited", check_config, priority=PRIORITY)


@dataclass(frozen=True)
class Rejected:
    """A setting whose value failed its check: the default is used in its place."""

    name: str
    value: Any
    expected: str
    default: Any


def checked_settings(config: Config) -> tuple[BriefsConfig, list[Rejected]]:
    """The settings of ``config`` with every bad value replaced by its default, and what was replaced.

    The one place settings are judged: the extension warns about what this rejects, and the
    commands (which read ``conf.py`` before any build) use the same values, so ``build``,
    ``validate`` and Sphinx never look at different folders.
    """
    values: dict[str, Any] = {}
    rejected: list[Rejected] = []
    for setting in fields(BriefsConfig):
        name = PREFIX + setting.name
        value = getattr(config, name)
        expected = setting.metadata["validator"](value)
        if expected is None:
            values[setting.name] = value
        else:
            rejected.append(Rejected(name, value, expected, setting.default))
    return dataclasses.replace(BriefsConfig(), **values), rejected


def check_config(app: Sphinx, config: Config) -> None:
    """Replace every bad setting by its default, with a warning saying what was expected."""
    for bad in checked_settings(config)[1]:
        warn(
            logger,
            BriefsWarnings.CONFIG,
            "%s = %r: expected %s; using the default %r",
            bad.name,
            bad.value,
            bad.expected,
            bad.default,
            location=setting_location(Path(app.confdir, "conf.py"), bad.name),
        )
        setattr(config, bad.name, bad.default)


def briefs_config(config: Config) -> BriefsConfig:
    values: dict[str, Any] = {setting.name: getattr(config, PREFIX + setting.name) for setting in fields(BriefsConfig)}
    return dataclasses.replace(BriefsConfig(), **values)
