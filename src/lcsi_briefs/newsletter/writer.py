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

from lcsi_briefs.config import briefs_config
from lcsi_briefs.editions import PDF_URL_DIR
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.newsletter.render import email_message, html_body, text_body
from lcsi_briefs.warnings_ import note

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
FOLDER = "newsletter"


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


#: The one note a build without a site address gives (the README and manual use the same name).
NO_SITE_URL = (
    "no site address, so no .eml newsletter emails were written (their links would not "
    "work once sent); build with LCSI_BRIEFS_SITE_URL=https://your.site/ to write them"
)


def write_pack_newsletters(app: Sphinx, loaded: LoadedPack, base: str, *, eml: bool = True) -> list[str]:
    builder = app.builder
    pages_dir = briefs_config(app.config).pages_dir
    folder = Path(app.outdir, FOLDER)
    folder.mkdir(exist_ok=True)

    # ``base`` ends with "/", and is either the site's address or "../" from this folder.
    def page(name: str, anchor: str) -> str:
        document = f"{pages_dir}/{loaded.slug}/{'index' if name == 'overview' else name}"
        return f"{base}{builder.get_target_uri(document)}#{anchor}"

    def pdf(filename: str) -> str:
        return f"{base}{PDF_URL_DIR}/{filename}"

    written = []
    sender = briefs_config(app.config).newsletter_from
    for audience in [None, *(a.id for a in loaded.pack.audiences)]:
        newsletter = build_newsletter(loaded, audience, page, pdf)
        stem = folder / newsletter.slug_name
        _write_if_changed(stem.with_suffix(".html"), html_body(newsletter).encode("utf-8"))
        _write_if_changed(stem.with_suffix(".txt"), text_body(newsletter).encode("utf-8"))
        sent = loaded.pack.briefing.edition_date
        if eml:
            _write_if_changed(stem.with_suffix(".eml"), email_message(newsletter, sent, sender))
        else:
            stem.with_suffix(".eml").unlink(missing_ok=True)
        written.append(newsletter.slug_name)
    return written


def write_newsletters(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    base = app.config.html_baseurl
    if base:
        base = base.rstrip("/") + "/"
    else:
        base = "../"
        note(logger, NO_SITE_URL)
    packs: dict[str, LoadedPack] = getattr(app.env, "lcsi_briefs_packs", {})
    for loaded in packs.values():
        write_pack_newsletters(app, loaded, base, eml=bool(app.config.html_baseurl))


def setup_newsletter(app: Sphinx) -> None:
    app.connect("build-finished", write_newsletters)
