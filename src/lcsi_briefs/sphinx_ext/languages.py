"""A site in several languages, the Read the Docs way: one build per language, linked page to page.

``lcsi-briefs build`` builds the site once for the language of ``conf.py`` (at the root) and
once more for each other language that has a pack and pages of its own (``docs/cy/`` → ``cy/``),
each with Sphinx's ``language`` set, so each frame speaks its readers' language. This module is
that arrangement inside one build:

- which packs the build publishes (its language's; the others' are read for their twins);
- the root build leaves the other languages' page folders out, and a language's build gives
  its pages their addresses under the language's folder (``html_baseurl``);
- every page names its twin in each other language (``hreflang``) and links it from a language
  switch at the top of the page;
- Previous and Next stay within one pack: the last page of a briefing does not lead into the
  next briefing, which may be in another language.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lcsi_briefs.languages import SiteLanguages, babel_locale, is_language_key, language_key
from lcsi_briefs.layout import PackLayout, glossary_docname
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import language_name, twins
from lcsi_briefs.sphinx_ext.config import briefs_config
from lcsi_briefs.sphinx_ext.localise import site_translator
from lcsi_briefs.sphinx_ext.site_packs import every_pack, page_pack
from lcsi_briefs.text.catalogue import N_

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: Only the site's own HTML builders; the PDF builder is HTML-based too but has no frame and its own sheets.
SITE_BUILDERS = ("html", "dirhtml")
#: The label of the language switch, in the page's language.
SWITCH_LABEL = N_("Language")
SWITCH_CLASS = "lcsi-languages"


def site_languages(config: Config) -> SiteLanguages:
    return SiteLanguages(tuple(briefs_config(config).site_languages))


def own_language(config: Config) -> str:
    """The language of this build, as a site folder key ("en", "cy")."""
    return language_key(config.language or "en")


def builds_here(config: Config, loaded: LoadedPack) -> bool:
    """Whether this build publishes ``loaded`` (every pack does, when the site is one build)."""
    languages = site_languages(config)
    return not languages.split or languages.site_of(loaded.pack.briefing.language) == own_language(config)


def own_packs(config: Config, packs: list[LoadedPack]) -> list[LoadedPack]:
    return [loaded for loaded in packs if builds_here(config, loaded)]


def _known_language(name: str) -> bool:
    return babel_locale(name) is not None


def language_folders(srcdir: Path) -> list[str]:
    """The folders of ``srcdir`` that hold another language's pages (``cy``), never this build's."""
    return sorted(
        path.name
        for path in srcdir.iterdir()
        if path.is_dir() and is_language_key(path.name) and _known_language(path.name)
    )


def _configure(app: Sphinx, config: Config) -> None:
    """Leave other languages' pages out of this build; give a language's pages their own addresses."""
    languages = site_languages(config)
    if not languages.prefix(own_language(config)):
        # The root build (or the only one): each language folder is another build's source.
        folders = language_folders(Path(app.srcdir))
        config.exclude_patterns = [*config.exclude_patterns, *folders]
        return
    own = own_language(config)
    for name in ("html_baseurl", "ogp_site_url"):
        value = getattr(config, name, "") if name in config else ""
        if isinstance(value, str) and value:
            setattr(config, name, languages.url(languages.root, value, own))


def site_base(config: Config, base: str, loaded: LoadedPack) -> str:
    """The base address of the site publishing ``loaded``, from this build's base address ``base``."""
    languages = site_languages(config)
    if not languages.split or not base:
        return base
    return languages.url(own_language(config), base, languages.site_of(loaded.pack.briefing.language))


def pack_twin(env: BuildEnvironment, slug: str) -> LoadedPack | None:
    """A pack's twin, wherever it is published."""
    return twins(every_pack(env)).get(slug)


def mark_twin_pages(config: Config, rendered: dict[str, str], packs: list[LoadedPack], every: list[LoadedPack]) -> None:
    """End each page of a pack whose twin another language's build publishes with a comment
    naming the twin's pages, so a page whose switch must now lead elsewhere (the twin gained or
    lost an audience) is read and written again (Sphinx rebuilds a page whose text changed)."""
    if not site_languages(config).split:
        return
    pairs = twins(every)
    for loaded in packs:
        twin = pairs.get(loaded.slug)
        if twin is None or builds_here(config, twin):
            continue
        pages = [a.id for a in twin.pack.audiences] + (["glossary"] if twin.pack.glossary else [])
        mark = f"\n% The twin {twin.slug} has these pages (the language switch links them): {', '.join(pages)}\n"
        for file in [name for name in rendered if name.startswith(f"{loaded.slug}/") and name.endswith(".md")]:
            rendered[file] += mark


def _source_suffixes(app: Sphinx) -> list[str]:
    return list(app.config.source_suffix)


def twin_docname(app: Sphinx, pagename: str, key: str) -> tuple[str, str]:
    """The page of ``key``'s site a reader of ``pagename`` would switch to, and its language tag.

    A pack's page leads to the same page of its twin (the twin's overview when the twin lacks
    that page), a pack with no twin in ``key`` to that site's landing page, and a page every
    site has (the landing page, the glossary, the reader pages) to the same page.
    """
    languages = site_languages(app.config)
    pages_dir = briefs_config(app.config).pages_dir
    found = page_pack(app, pagename)
    if found is not None:
        twin = pack_twin(app.env, found[0].slug)
        if twin is None or languages.site_of(twin.pack.briefing.language) != key:
            return "index", key
        layout, rest = PackLayout(twin.slug, pages_dir), found[1]
        audiences = {a.id for a in twin.pack.audiences}
        if rest == ["sources"]:
            return layout.sources_doc(), twin.pack.briefing.language
        if rest[:1] == ["audiences"] and rest[1:] and rest[1] in audiences:
            return layout.audience_doc(rest[1]), twin.pack.briefing.language
        if rest == ["glossary"] and twin.pack.glossary:
            return layout.glossary_doc(), twin.pack.briefing.language
        return layout.overview_doc(), twin.pack.briefing.language
    own = own_language(app.config)
    root_srcdir = Path(app.srcdir).parent if languages.prefix(own) else Path(app.srcdir)
    other_srcdir = root_srcdir / languages.prefix(key)
    written = any((other_srcdir / f"{pagename}{suffix}").is_file() for suffix in _source_suffixes(app))
    return (pagename if written or pagename == glossary_docname(pages_dir) else "index"), key


def _relative_root(app: Sphinx, pagename: str) -> str:
    """The way from ``pagename`` up to its site's root folder: "" or "../../"."""
    folder = posixpath.dirname(app.builder.get_target_uri(pagename))
    up = posixpath.relpath(".", folder or ".")
    return "" if up == "." else up + "/"


def _html_tag(tag: str) -> str:
    return tag.replace("_", "-")


def _frame_links(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """The language switch at the top of the page and its ``hreflang`` alternates."""
    languages = site_languages(app.config)
    own = own_language(app.config)
    root = _relative_root(app, pagename)
    page_language = _html_tag(str(context.get("language") or app.config.language or own))
    alternates = [(page_language, app.builder.get_target_uri(pagename).rsplit("/", 1)[-1] or "./")]
    switches: list[str] = []
    for key in languages.keys:
        if key == own:
            continue
        docname, tag = twin_docname(app, pagename, key)
        href = languages.url(own, root, key) + app.builder.get_target_uri(docname)
        alternates.append((_html_tag(tag), href))
        name = html.escape(language_name(tag))
        switches.append(
            f'<a href="{html.escape(href)}" hreflang="{html.escape(_html_tag(tag))}" '
            f'lang="{html.escape(_html_tag(tag))}">{name}</a>'
        )
    context["metatags"] = context.get("metatags", "") + "".join(
        f'<link rel="alternate" hreflang="{html.escape(tag)}" href="{html.escape(url)}">\n' for tag, url in alternates
    )
    label = html.escape(site_translator(app)(SWITCH_LABEL))
    switch = f'<nav class="{SWITCH_CLASS}" aria-label="{label}">{" · ".join(switches)}</nav>'
    context["theme_announcement"] = str(context.get("theme_announcement") or "") + switch


def _within_pack(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """Previous and Next only to pages of the same briefing (never into the next pack)."""
    found = page_pack(app, pagename)
    if found is None:
        return
    folder = f"{briefs_config(app.config).pages_dir}/{found[0].slug}/"
    _parent, previous, following = (app.env.collect_relations().get(pagename) or [None, None, None])[:3]
    if previous is None or not previous.startswith(folder):
        context["prev"] = None
    if following is None or not following.startswith(folder):
        context["next"] = None


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name not in SITE_BUILDERS:
        return
    _within_pack(app, pagename, context)
    if site_languages(app.config).split:
        _frame_links(app, pagename, context)


def setup_languages(app: Sphinx) -> None:
    # After the settings are checked (config.PRIORITY), before anything reads the addresses.
    app.connect("config-inited", _configure, priority=450)
    # After localise's listener, which sets a pack page's language.
    app.connect("html-page-context", _page_context, priority=700)
