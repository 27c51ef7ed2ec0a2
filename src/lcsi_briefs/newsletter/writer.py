"""Write each pack's newsletter edition after the HTML build, with absolute links to the site.

Links are built from Sphinx's ``html_baseurl``, which ``conf.py`` takes from
``LCSI_BRIEFS_SITE_URL``. Without it the ``.html`` and ``.txt`` bodies are written with links
relative to the built site (to preview them there), but no ``.eml``: a message ready to send
must not carry links that cannot work once sent. The build says once how to set the address.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from lcsi_briefs.files import write_if_changed
from lcsi_briefs.layout import DATA_URL_DIR, NEWSLETTER_DIR, PDF_URL_DIR, PackLayout
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import language_name
from lcsi_briefs.newsletter.content import Link, build_newsletter
from lcsi_briefs.newsletter.render import email_message, html_body, text_body
from lcsi_briefs.sphinx_ext.config import briefs_config
from lcsi_briefs.sphinx_ext.languages import own_language, pack_twin, site_base, site_languages
from lcsi_briefs.sphinx_ext.site_packs import site_packs
from lcsi_briefs.sphinx_ext.warnings import note

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


#: The one note a build without a site address gives (the README and manual use the same name).
NO_SITE_URL = (
    "no site address, so no .eml newsletter emails were written (their links would not "
    "work once sent); build with LCSI_BRIEFS_SITE_URL=https://your.site/ to write them"
)


def write_pack_newsletters(app: Sphinx, loaded: LoadedPack, base: str, *, eml: bool = True) -> list[str]:
    """Write one pack's newsletter files; return their names."""
    builder = app.builder
    folder = Path(app.outdir, NEWSLETTER_DIR)
    folder.mkdir(exist_ok=True)
    labels = app.env.domains.standard_domain.labels

    # ``base`` ends with "/", and is either the site's address or "../" from this folder.
    def page(label: str) -> str:
        document, anchor, _title = labels[label]
        return f"{base}{builder.get_target_uri(document)}#{anchor}"

    def pdf(filename: str) -> str:
        return f"{base}{PDF_URL_DIR}/{filename}"

    def data(filename: str) -> str:
        return f"{base}{DATA_URL_DIR}/{filename}"

    written = []
    sender = briefs_config(app.config).newsletter_from
    layout = PackLayout(loaded.slug)
    twin = pack_twin(app.env, loaded.slug)
    twin_link = None
    if twin is not None:
        language = twin.pack.briefing.language
        twin_doc = PackLayout(twin.slug, briefs_config(app.config).pages_dir).overview_doc()
        # The twin may be published by another language's build, under its own folder.
        address = f"{site_base(app.config, base, twin)}{builder.get_target_uri(twin_doc)}"
        twin_link = Link(f"{language_name(language)}: {twin.pack.briefing.title}", address, language)
    for audience in [None, *(a.id for a in loaded.pack.audiences)]:
        newsletter = build_newsletter(loaded, audience, page, pdf, twin_link, data=data)
        html_name, text_name, email_name = layout.newsletter_files(audience)
        sent = loaded.pack.briefing.edition_date
        write_if_changed(folder / html_name, html_body(newsletter).encode("utf-8"))
        write_if_changed(folder / text_name, text_body(newsletter).encode("utf-8"))
        written += [html_name, text_name]
        if eml:
            write_if_changed(folder / email_name, email_message(newsletter, sent, sender))
            written.append(email_name)
    return written


def write_newsletters(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    base = app.config.html_baseurl
    if base:
        base = base.rstrip("/") + "/"
    else:
        base = "../"
        if not site_languages(app.config).prefix(own_language(app.config)):
            note(logger, NO_SITE_URL)  # once for the site, not again in each other language's build
    packs = site_packs(app.env)
    eml = bool(app.config.html_baseurl)
    written = {name for loaded in packs.values() for name in write_pack_newsletters(app, loaded, base, eml=eml)}
    # A removed pack or audience must not leave its emails behind to be published again.
    folder = Path(app.outdir, NEWSLETTER_DIR)
    for path in folder.iterdir() if folder.is_dir() else []:
        if path.is_file() and path.name not in written:
            path.unlink()


def setup_newsletter(app: Sphinx) -> None:
    app.connect("build-finished", write_newsletters)
