"""Interface text in the reader's language: one gettext catalogue, usable with or without Sphinx.

Every word the tool writes for readers (headings it adds, "Page 3 of 8", "Printable editions",
the email's "Read more") is a message in ``locale/<lang>/LC_MESSAGES/lcsi_briefs.po``. English
is the source language; each other language is one ``.po`` file beside it.

Each pack is written in its own language, whatever the site's language is, so the pure layers
(``pages/``, ``newsletter/content.py``, ``editions.py``) ask for the pack's translator::

    from lcsi_briefs.text.catalogue import N_, translator_for

    _ = translator_for(pack.briefing.language)
    _("Sources")                                        # "Ffynonellau" in a Welsh pack
    _("Finding {number}: {statement}", number=2, statement=text)
    _.plural("{count} implication", "{count} implications", count)

    #: A module-level constant is marked with N_ and translated where it is used: _(CAPTION).
    CAPTION = N_("How each function feeds the outcome pathways.")

Values are filled in after translation (``str.format`` names, never positions, so a translation
can reorder them). Text from a pack must go in as a value, never as the message itself.

Adding a message: write ``_("…")`` in the code, add the msgid to ``locale/en`` (empty msgstr)
and its Welsh to ``locale/cy``; ``tests/test_i18n.py`` fails until every catalogue has every
message the code uses and no other. A Welsh wording a reviewer should check carries a
``#. review:`` comment; fuzzy entries are not used, so nothing is marked fuzzy.

A project adds a language the tool does not ship, or rewords one it does, with its own
``locale/<lang>/LC_MESSAGES/lcsi_briefs.po`` beside ``conf.py`` (``lcsi-briefs translate <lang>``
starts one): laid out as Sphinx lays out ``locale_dirs``, read before the shipped catalogue, so a
message the project leaves untranslated still comes from the tool's.

The ``.po`` files are the only thing shipped: the pure layers compile them in memory with Babel,
and the Sphinx extension compiles ``.mo`` files into the build folder for
``app.add_message_catalog`` (see :mod:`lcsi_briefs.sphinx_ext.extension`), so no binary sits in the repo.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from lcsi_briefs.files import FileState, file_state
from lcsi_briefs.languages import babel_locale

DOMAIN = "lcsi_briefs"
#: Sphinx's own message domain, which the theme's templates use too.
THEME_DOMAIN = "sphinx"
LOCALE_DIR = Path(__file__).parent.parent / "locale"
SOURCE_LANGUAGE = "en"
#: The project's own catalogues, beside ``conf.py``.
PROJECT_LOCALE_DIR = "locale"

_Cached = TypeVar("_Cached", bound=Callable[..., object])
#: The project's catalogue folders in use (see :func:`use_project_catalogues`).
_project_dirs: tuple[Path, ...] = ()
#: The catalogues in those folders when they were last read: each file, its size and its time.
_project_files: tuple[tuple[Path, FileState | None], ...] = ()
#: Each cache of translated words, emptied when the project's catalogues change.
_clears: list[Callable[[], None]] = []


def translation_cache(function: _Cached) -> _Cached:
    """``functools.cache`` for anything made of translated words.

    Kept per process, so one process may build two projects with different catalogues
    (the tests do, and ``serve`` rebuilds after a catalogue is edited).
    """
    cached = functools.cache(function)
    _clears.append(cached.cache_clear)
    return cast("_Cached", cached)


def use_project_catalogues(folders: Iterable[Path]) -> None:
    """Read a project's own catalogues (its ``locale/`` folder) before the shipped ones.

    Read again when a catalogue there was added, removed or saved since the last call, as well
    as when the folders change: one process may build the same project after an edit.
    """
    global _project_dirs, _project_files  # what the caches of translated words depend on
    found = tuple(folder.resolve() for folder in folders if folder.is_dir())
    catalogues = sorted(path for folder in found for path in folder.glob("*/LC_MESSAGES/*.po"))
    files = tuple((path, file_state(path)) for path in catalogues)
    if (found, files) != (_project_dirs, _project_files):
        _project_dirs, _project_files = found, files
        for clear in _clears:
            clear()


def project_catalogues() -> tuple[Path, ...]:
    return _project_dirs


def project_catalogue_path(language: str, domain: str = DOMAIN) -> Path | None:
    """The project's own catalogue of ``language`` (a folder name: "cy", "fr"), if it has one."""
    for folder in _project_dirs:
        path = folder / language / "LC_MESSAGES" / f"{domain}.po"
        if path.is_file():
            return path
    return None


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a constant for the catalogue without translating it yet."""
    return message


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def theme_catalogue_path(language: str) -> Path | None:
    """Our Welsh (say) for the words of Sphinx and its theme that Sphinx's own catalogue lacks.

    Sphinx's ``sphinx`` domain, in its own file beside ours: ``locale/cy/LC_MESSAGES/sphinx.po``.
    """
    found = catalogue_language(language)
    if found is None:
        return None
    own = project_catalogue_path(found, THEME_DOMAIN)
    path = LOCALE_DIR / found / "LC_MESSAGES" / f"{THEME_DOMAIN}.po"
    return own or (path if path.is_file() else None)


def available_languages() -> list[str]:
    """The languages with a catalogue, the tool's or the project's, as folder names ("cy", "en")."""
    folders = (LOCALE_DIR, *_project_dirs)
    return sorted({path.parent.parent.name for folder in folders for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")})


def _candidates(language: str) -> list[str]:
    """Catalogue folders to try for a language tag, most specific first: cy-GB → cy_GB, cy."""
    locale = babel_locale(language)
    if locale is None:
        return [language]
    names = [str(locale), locale.language]
    return list(dict.fromkeys(names))


def catalogue_language(language: str) -> str | None:
    """The catalogue a language tag uses, or None when there is none for it (English is used)."""
    available = set(available_languages())
    return next((name for name in _candidates(language) if name in available), None)


def compile_catalogue(po_file: Path) -> bytes:
    """The ``.mo`` bytes of one ``.po`` file (fuzzy entries left out, as gettext does)."""
    with po_file.open("rb") as stream:
        catalogue = read_po(stream, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


@dataclass(frozen=True)
class Translator:
    """Translates interface messages into one language; call it like gettext's ``_``."""

    #: The language tag asked for (the pack's), e.g. "cy" or "en-GB".
    language: str
    #: The catalogue used: "cy", "en"; None when the language had none and English is used.
    catalogue: str | None
    translations: gettext.NullTranslations

    def __call__(self, message: str, /, **values: object) -> str:
        text = self.translations.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """``count`` is always available to the message as ``{count}``."""
        return self.translations.ngettext(singular, plural, count).format(count=count, **values)

    @property
    def falls_back(self) -> bool:
        """True when the language has no catalogue, so readers get English."""
        return self.catalogue is None


@translation_cache
def _translations(catalogue: str) -> gettext.NullTranslations:
    """The project's catalogue of the language, falling back to the shipped one, then to English."""
    shipped = catalogue_path(catalogue)
    translations: gettext.NullTranslations = (
        gettext.GNUTranslations(io.BytesIO(compile_catalogue(shipped)))
        if shipped.is_file() and catalogue != SOURCE_LANGUAGE
        else gettext.NullTranslations()
    )
    own = project_catalogue_path(catalogue)
    if own is not None:
        first = gettext.GNUTranslations(io.BytesIO(compile_catalogue(own)))
        first.add_fallback(translations)
        return first
    return translations


def messages() -> list[str]:
    """Every message the tool writes for readers: the source catalogue's ids, singulars of plurals."""
    with catalogue_path(SOURCE_LANGUAGE).open("rb") as stream:
        catalogue = read_po(stream, domain=DOMAIN)
    return [m.id[0] if isinstance(m.id, tuple | list) else m.id for m in catalogue if m.id]


def untranslated(language: str) -> list[str]:
    """The messages a language's catalogues leave in English (none for English itself)."""
    found = catalogue_language(language)
    if found is None or found == SOURCE_LANGUAGE:
        return []
    done: set[str] = set()
    for path in (catalogue_path(found), project_catalogue_path(found)):
        if path is not None and path.is_file():
            with path.open("rb") as stream:
                done |= {
                    m.id[0] if isinstance(m.id, tuple | list) else m.id
                    for m in read_po(stream, domain=DOMAIN)
                    if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple | list) else [m.string])
                }
    return [message for message in messages() if message not in done]


@translation_cache
def translator_for(language: str) -> Translator:
    """The translator for a pack's language tag; English when the language has no catalogue.

    Whoever reports to the user (the Sphinx extension) checks :attr:`Translator.falls_back` and
    says so once; this layer has no logger a build would show.
    """
    found = catalogue_language(language)
    if found is None:
        return Translator(language, found, gettext.NullTranslations())
    return Translator(language, found, _translations(found))


def language_runs(text: str, parts: Iterable[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """``text`` cut into runs, each with the language of the words in it (None: the pack's own).

    ``parts`` are (words, language tag) pairs from the pack's ``other_languages``; the longest
    words win where two overlap. Renderers write each marked run with its language attribute.
    """
    languages = {words: language for words, language in parts if words}
    if not languages:
        return [(text, None)] if text else []
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(languages, key=len, reverse=True)) + r")(?!\w)"
    )
    runs: list[tuple[str, str | None]] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            runs.append((text[position : match.start()], None))
        runs.append((match.group(1), languages[match.group(1)]))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], None))
    return runs
