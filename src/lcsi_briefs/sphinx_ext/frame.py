"""The frame around every page in the page's language: the theme's words, the site's name, search.

With ``language`` set, Sphinx translates its own words and Furo's (Furo ships no catalogue: its
templates ask Sphinx's ``sphinx`` domain). Sphinx's Welsh lacks about twenty of them ("Skip to
content", "Next", "Link to this heading"), so a Welsh page would sit in a half-English frame.
Our catalogue fills what theirs lacks, never overriding a translation they ship:

- ``locale/<lang>/LC_MESSAGES/sphinx.po`` beside ``lcsi_briefs.po``, added after Sphinx's own
  catalogues (the project's ``locale_dirs`` first, then Sphinx's, then ours);
- the search page's messages, which Sphinx serves from ``_static/translations.js``, filled from
  the same catalogue;
- the labels and icon titles Furo writes without asking for a translation ("Toggle site
  navigation sidebar", "Menu"), translated in the rendered page by a template bridge
  (Sphinx's ``template_bridge`` setting);
- the site's name and copyright holder from ``conf.py`` go through our catalogue, so the default
  ``conf.py``'s words ("Member briefings") come out in the build's language.

The same template bridge keeps the theme's templates compiled for every build the process runs.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from babel.messages.pofile import read_po
from sphinx import locale
from sphinx.jinja2glue import BuiltinTemplateLoader

from lcsi_briefs.files import write_if_changed
from lcsi_briefs.sphinx_ext.languages import SITE_BUILDERS, own_language
from lcsi_briefs.sphinx_ext.localise import site_translator
from lcsi_briefs.text.catalogue import N_, THEME_DOMAIN, compile_catalogue, theme_catalogue_path

if TYPE_CHECKING:
    from jinja2.bccache import Bucket
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.theming import Theme

#: Inside the doctree folder, beside the compiled ``lcsi_briefs`` catalogues.
COMPILED_DIR = "lcsi_briefs_theme_locale"
#: Labels the theme writes as plain text, in its page template, without a call to ``_()``.
THEME_LABELS = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
)
#: The default ``conf.py``'s site name and copyright holder: messages, so each site speaks its language.
SITE_WORDS = (N_("Member briefings"), N_("the authors of each briefing"))
SETTINGS = ("project", "html_title", "copyright")
TRANSLATIONS_JS = Path("_static", "translations.js")


#: The titles of the theme's icons (the menu and contents buttons, the colour modes).
ICON_TITLES = (
    "Contents",
    "Menu",
    "Expand",
    "Light mode",
    "Dark mode",
    "Auto light/dark, in light mode",
    "Auto light/dark, in dark mode",
)
#: The label of each folding section of the theme's navigation, written the same way.
FOLD_LABEL = re.compile(r'aria-label="Toggle navigation of ([^"]*)"')
FOLD_MESSAGE = "Toggle navigation of %(title)s"


def translate_labels(page: str) -> str:
    """The page with the theme's untranslated labels in the build's language (Sphinx's ``_``)."""
    for label in THEME_LABELS:
        translated = str(locale._(label))
        if translated != label:
            page = page.replace(f'aria-label="{label}"', f'aria-label="{html.escape(translated)}"')
    head, body = page.split("<body", 1) if "<body" in page else (page, "")
    for title in ICON_TITLES:
        translated = str(locale._(title))
        if translated != title and body:
            body = body.replace(f"<title>{title}</title>", f"<title>{html.escape(translated)}</title>")
    page = f"{head}<body{body}" if body else head
    fold = str(locale._(FOLD_MESSAGE))
    if fold != FOLD_MESSAGE:
        page = FOLD_LABEL.sub(
            lambda match: f'aria-label="{html.escape(fold % {"title": html.unescape(match.group(1))})}"', page
        )
    return page


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process, however many builds it runs.

    Sphinx makes a new jinja environment for every build, which compiled Furo's and Sphinx's
    templates again: a fifth of a small site's build (0.75 s of CPU, 0.57 without), paid by each
    language's site build after the first in ``lcsi-briefs build`` and by every build after the
    first in a process that runs several (the tests run about ninety); the preview server starts
    a new process for each rebuild. jinja keeps a template's code under its name and file, with
    the digest of the source it came from, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@cache
def compiled_templates(settings: tuple[object, ...]) -> CompiledTemplates:
    """One cache per set of the settings a template compiles differently under."""
    return CompiledTemplates()


def compile_settings(environment: jinja2.Environment) -> tuple[object, ...]:
    """The compile-time settings that differ between Sphinx's builds: the environment's kind, its
    extensions (the i18n one's gettext style with them) and whether it escapes. The rest (filters,
    delimiters, ``finalize``) Sphinx sets alike in every build."""
    return (
        type(environment),
        tuple(sorted(environment.extensions)),
        getattr(environment, "newstyle_gettext", None),
        environment.autoescape,
    )


class FrameTemplates(BuiltinTemplateLoader):
    """Sphinx's template bridge, with the theme's unmarked labels translated in what it renders."""

    def init(self, builder: Builder, theme: Theme | None = None, dirs: list[str] | None = None) -> None:
        super().init(builder, theme, dirs)
        self.environment.bytecode_cache = compiled_templates(compile_settings(self.environment))

    def render(self, template: str, context: dict[str, Any]) -> str:  # type: ignore[override]
        return translate_labels(super().render(template, context))


def _theme_catalogue(app: Sphinx, config: Config) -> None:
    """Add our catalogue of the theme's words after Sphinx's own, for the words they lack."""
    language = config.language or "en"
    source = theme_catalogue_path(language)
    if source is None:
        return
    folder = Path(app.doctreedir) / COMPILED_DIR
    target = folder / language / "LC_MESSAGES" / f"{THEME_DOMAIN}.mo"
    write_if_changed(target, compile_catalogue(source))
    # Appended as a fallback of the translator Sphinx made (or made the translator when Sphinx had none).
    app.translator, _found = locale.init([folder], language, THEME_DOMAIN)


def _site_words(app: Sphinx, config: Config) -> None:
    _ = site_translator(app)
    for name in SETTINGS:
        value = getattr(config, name, None)
        if isinstance(value, str) and value:
            setattr(config, name, _(value))
    if config.template_bridge is None:
        config.template_bridge = f"{__name__}.{FrameTemplates.__qualname__}"


def _js_messages(language: str) -> tuple[dict[str, str | list[str]], str] | None:
    """Our catalogue's messages as ``translations.js`` holds them, and its plural rule."""
    source = theme_catalogue_path(language)
    if source is None:
        return None
    with source.open("rb") as stream:
        catalogue = read_po(stream)
    messages: dict[str, str | list[str]] = {}
    for message in catalogue:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, tuple | list):
            messages[message.id[0]] = list(message.string)
        else:
            messages[message.id] = str(message.string)
    return messages, catalogue.plural_expr


def _lacks(value: object) -> bool:
    return not value or (isinstance(value, list) and not any(value))


def fill_js_translations(outdir: Path, language: str) -> None:
    """Fill the search page's messages Sphinx's ``translations.js`` lacks (or write it, when it has none)."""
    ours = _js_messages(language)
    if ours is None:
        return
    messages, plural_expr = ours
    path = outdir / TRANSLATIONS_JS
    prefix, suffix = "Documentation.addTranslations(", ");"
    data: dict[str, Any] = {"locale": language, "messages": {}, "plural_expr": plural_expr}
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    held = data.setdefault("messages", {})
    for message, translation in messages.items():
        if _lacks(held.get(message)):
            held[message] = translation
    written = f"{prefix}{json.dumps(data, ensure_ascii=False, indent=4, sort_keys=True)}{suffix}\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != written:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(written, encoding="utf-8")


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.name in SITE_BUILDERS:
        fill_js_translations(Path(app.outdir), app.config.language or "en")


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    # "Made with Sphinx and @pradyunsg's Furo": the possessive is written outside any message.
    if app.builder.name in SITE_BUILDERS and own_language(app.config) != "en":
        context["show_sphinx"] = False


def setup_frame(app: Sphinx) -> None:
    app.connect("config-inited", _theme_catalogue, priority=460)
    app.connect("config-inited", _site_words, priority=460)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _finish)
