"""The languages one site is built in, and the folder each one's pages and build sit in.

Pure, like :mod:`lcsi_briefs.layout` (which asks here where a language's pages are): the
commands, the extension and the newsletter read a site's languages the same way, from the
language of ``conf.py``, the packs' languages and which languages have pages of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError


@functools.cache
def babel_locale(tag: str) -> Locale | None:
    """The Babel locale of a language tag ("en-GB", "cy", "pt_BR"), or None when Babel knows no
    such language: the one reading of a tag that validation, dates, numbers and catalogues share."""
    try:
        return Locale.parse(tag.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError):
        return None


def language_key(tag: str) -> str:
    """The language a tag names, as a site folder: "cy-GB" and "cy" are "cy", "en_GB" is "en"."""
    return tag.replace("_", "-").split("-")[0].lower()


def is_language_key(name: str) -> bool:
    """A two- or three-letter primary language subtag, as a language's site folder is named."""
    return re.fullmatch(r"[a-z]{2,3}", name) is not None


@dataclass(frozen=True)
class SiteLanguages:
    """The languages one site is built in, as Read the Docs publishes translations.

    The first (the language of ``conf.py``) is at the root of the site; every other one has a
    build of its own under ``<key>/``, with its own landing page, reader pages, search and frame.
    Empty when the site is one build holding every pack (a plain ``sphinx-build``, or a
    language with no pages of its own).
    """

    keys: tuple[str, ...] = ()

    @property
    def split(self) -> bool:
        return len(self.keys) > 1

    @property
    def root(self) -> str:
        return self.keys[0] if self.keys else ""

    def prefix(self, key: str) -> str:
        """The site folder of a language, from the site root: "" for the first, "cy/" for Welsh."""
        return "" if not self.keys or key == self.keys[0] else f"{key}/"

    def site_of(self, tag: str) -> str:
        """The language whose build publishes a pack in ``tag``: its own, or the first when it has none."""
        key = language_key(tag)
        return key if key in self.keys else self.root

    def url(self, own: str, own_base: str, key: str) -> str:
        """The base address of ``key``'s site, from the base address of ``own``'s (absolute or relative).

        A relative base ("../") climbs out of ``own``'s folder first: from ``cy/newsletter/``
        the English site is "../../", the Welsh one "../".
        """
        own_prefix = self.prefix(own)
        if "://" in own_base:
            root = own_base.rstrip("/") + "/"
            root = root.removesuffix(own_prefix) if own_prefix else root
        else:
            root = own_base + "../" * own_prefix.count("/")
        return root + self.prefix(key)


def site_languages(first: str, pack_languages: list[str], has_pages: Callable[[str], bool]) -> SiteLanguages:
    """The languages a site is built in: ``first`` (``conf.py``'s), then each other language
    that has a pack and hand-written pages of its own (``has_pages``); one build when none has."""
    root = language_key(first or "en")
    others = sorted({language_key(tag) for tag in pack_languages} - {root})
    keys = (root, *(key for key in others if is_language_key(key) and has_pages(key)))
    return SiteLanguages(keys if len(keys) > 1 else ())
