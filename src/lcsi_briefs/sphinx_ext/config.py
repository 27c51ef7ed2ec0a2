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
import os
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from email.utils import getaddresses
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sphinx.errors import ConfigError
from sphinx.util import logging

from lcsi_briefs.languages import is_language_key
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.model.fields import ENCODED_WORD
from lcsi_briefs.sphinx_ext.warnings import BriefsWarnings, note, setting_location, warn
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
    if not isinstance(value, str) or line_break(value) or ENCODED_WORD.search(value):
        return expected
    if value:
        addresses = getaddresses([value])
        if len(addresses) != 1 or "@" not in addresses[0][1]:
            return expected
    return None


def _shard(value: Any) -> str | None:
    if not isinstance(value, str):
        return "a shard written K/N, such as 2/4, or '' for the whole build"
    try:
        if value:
            Shard.parse(value)
    except ValueError as error:
        return str(error).split(", found")[0]
    return None


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "True or False"


def _languages(value: Any) -> str | None:
    if not isinstance(value, tuple) or not all(isinstance(key, str) and is_language_key(key) for key in value):
        return "a tuple of language subtags, the site root's first, such as ('en', 'cy')"
    return None


def _setting(default: Any, validator: Validator) -> Any:
    return field(default=default, metadata={"validator": validator})


@dataclass(frozen=True)
class BriefsConfig:
    """Settings for lcsi-briefs, all optional."""

    #: Folder holding the pack files, relative to the folder of ``conf.py``.
    packs_dir: str = _setting("briefings", _folder)
    #: Folder holding the member organisations' files (``<id>.yaml``) and logos, beside conf.py.
    members_dir: str = _setting("members", _folder)
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
    #: Set by ``lcsi-briefs build`` when the site has more than one language: every language
    #: built (the root's first), each in a build of its own (see :class:`~lcsi_briefs.languages.SiteLanguages`).
    site_languages: tuple[str, ...] = _setting((), _languages)
    #: Set by ``lcsi-briefs build --shard K/N``: print only this share of the members' editions.
    shard: str = _setting("", _shard)


#: Where the site's address is read from, in this order (``conf.py`` calls :func:`site_url`).
SITE_URL_VARIABLES = ("LCSI_BRIEFS_SITE_URL", "READTHEDOCS_CANONICAL_URL")


def site_address_problem(value: str) -> str | None:
    """What a site address should be, when ``value`` is not one; None when it is fine.

    The address starts every link in the emails, the briefs, the sitemap and the canonical
    link, so it is checked as input: an absolute web address with a site name, nothing that
    could end an attribute or a line, and no query or fragment that the page names would
    follow. ``http://`` is allowed (a warning says so, see :func:`check_site_address`).
    """
    parts = urlsplit(value)
    hidden = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")), None)
    if parts.scheme.lower() not in ("https", "http") or not value.lower().startswith(("https://", "http://")):
        return "an absolute address starting with https://, such as https://briefings.example.org/"
    if hidden is not None or any(c.isspace() or c in "\"'<>`\\{}|^" for c in value):
        return "an address without spaces, quotes, line breaks or control characters"
    if not parts.hostname or parts.username is not None or parts.password is not None:
        return "an address with a site name and no user name, such as https://briefings.example.org/"
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return "an address without ? or # (the site's folder; page names are added after it)"
    return None


def site_url(environ: Mapping[str, str] = os.environ) -> str:
    """The site's address, read from the environment and checked here, where it is read.

    ``conf.py`` calls this for ``html_baseurl``. A bad address stops the build with one line
    naming the variable (a :class:`ConfigError` passes out of ``conf.py`` as it is).
    """
    for variable in SITE_URL_VARIABLES:
        value = environ.get(variable, "")
        if value:
            problem = site_address_problem(value)
            if problem is not None:
                raise ConfigError(f"{variable}={value!r}: expected {problem}")
            return value
    return ""


def check_site_address(app: Sphinx, config: Config) -> None:
    """The same check for an ``html_baseurl`` set in ``conf.py`` directly; ``http://`` warns.

    The warning is a note, not a Sphinx warning: ``lcsi-briefs build`` treats warnings as
    errors, and a site on http:// is a choice to point out, not a fault to stop for.
    """
    value = config.html_baseurl
    if not value:
        return
    named = next((v for v in SITE_URL_VARIABLES if os.environ.get(v) == value), "html_baseurl")
    problem = site_address_problem(value) if isinstance(value, str) else "an address"
    if problem is not None:
        raise ConfigError(f"{named}={value!r}: expected {problem}")
    if value.lower().startswith("http://"):
        note(
            logger,
            "warning: %s=%r is an http:// address: browsers mark the site as not secure, and the "
            "links in the emails and briefs can be changed on the way; use https:// if the site has it",
            named,
            value,
        )


def setup_config(app: Sphinx) -> None:
    for setting in fields(BriefsConfig):
        default = setting.default
        types = (int, float) if isinstance(default, float) else (type(default),)
        app.add_config_value(PREFIX + setting.name, default, "env", types=types)
    app.connect("config-inited", check_config, priority=PRIORITY)
    app.connect("config-inited", check_site_address, priority=PRIORITY)


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
