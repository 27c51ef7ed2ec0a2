"""``lcsi-briefs translate <lang>``: start, or bring up to date, a project's own catalogue.

A pack in a language the tool does not ship would print its headings and labels in English.
The command writes ``locale/<lang>/LC_MESSAGES/lcsi_briefs.po`` beside ``conf.py`` with every
message the tool writes for readers, and ``sphinx.po`` with the frame's words (navigation,
search, skip links) that Sphinx's own catalogues may lack. Run again after an upgrade, it adds
the new messages and keeps every translation already made. For a language the tool ships, the
new file starts from the shipped wording, so a project can reword it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from lcsi_briefs.languages import babel_locale
from lcsi_briefs.text.catalogue import DOMAIN, LOCALE_DIR, PROJECT_LOCALE_DIR, SOURCE_LANGUAGE, THEME_DOMAIN

#: The language whose shipped ``sphinx.po`` lists the frame's words Sphinx may lack.
FRAME_TEMPLATE_LANGUAGE = "cy"


class TranslateError(ValueError):
    """A language tag that names no language; the message says what was expected."""


@dataclass(frozen=True)
class Written:
    path: Path
    messages: int
    untranslated: int


def folder_name(tag: str) -> str:
    """The catalogue folder of a language tag, as Sphinx names it: "fr", "pt_BR" for "pt-BR"."""
    locale = babel_locale(tag)
    if locale is None:
        raise TranslateError(f"{tag!r} is not a language tag Babel knows; use a tag such as 'fr', 'ga' or 'pt-BR'")
    return str(locale)


def _read(path: Path, domain: str) -> Catalog | None:
    if not path.is_file():
        return None
    with path.open("rb") as stream:
        return read_po(stream, domain=domain)


def _catalogue(template: Catalog, existing: Catalog | None, seed: Catalog | None, language: str) -> Catalog:
    """``template``'s messages, translated as ``existing`` (else ``seed``) has them; others kept."""
    catalogue = existing or Catalog(
        locale=language,
        domain=template.domain,
        project="lcsi-briefs",
        header_comment=f"# The words lcsi-briefs writes for readers, in {language}: translate each empty msgstr.",
        fuzzy=False,
    )
    for message in template:
        if not message.id or message.id in catalogue:
            continue
        shipped = seed.get(message.id) if seed is not None else None
        string = shipped.string if shipped is not None else ("", "") if message.pluralizable else ""
        catalogue.add(message.id, string, auto_comments=message.auto_comments, context=message.context)
    return catalogue


def _write(path: Path, catalogue: Catalog) -> Written:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as stream:
        write_po(stream, catalogue, width=100, omit_header=False)
    temporary.replace(path)
    messages = [m for m in catalogue if m.id]
    missing = [m for m in messages if not all(m.string if isinstance(m.string, tuple | list) else [m.string])]
    return Written(path, len(messages), len(missing))


def translate(project: Path, tag: str) -> list[Written]:
    """Write (or update) the project's two catalogues of ``tag``; what each now holds."""
    language = folder_name(tag)
    written = []
    for domain, template_language in ((DOMAIN, SOURCE_LANGUAGE), (THEME_DOMAIN, FRAME_TEMPLATE_LANGUAGE)):
        template = _read(LOCALE_DIR / template_language / "LC_MESSAGES" / f"{domain}.po", domain)
        if template is None:
            continue
        target = project / PROJECT_LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
        seed = _read(LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po", domain)
        written.append(_write(target, _catalogue(template, _read(target, domain), seed, language)))
    return written
