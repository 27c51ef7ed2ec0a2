"""The web site's look and its page-level accessibility: one publisher's type, each page's language.

- The bundled Atkinson Hyperlegible, the face of the PDFs, is published with the site: the
  PDFs' own ``@font-face`` sheet is copied with its font paths rewritten, so both read one file.
- Each briefing page declares its pack's language (``lang``); other pages the newest pack's.
- Furo's sidebar captions carry ``role="heading"`` without the ``aria-level`` that role needs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lcsi_briefs.config import briefs_config

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from lcsi_briefs.model import LoadedPack

PDF_DIR = Path(__file__).parent / "pdf"
#: The PDFs' font sheet; its ``url("../fonts/…")`` paths are relative to its own folder.
FONT_SHEET = PDF_DIR / "static" / "fonts.css"
FONT_FOLDER = PDF_DIR / "fonts"
#: Where the site keeps the same sheet and fonts, inside ``_static``.
SITE_FONT_SHEET = "lcsi-fonts.css"
SITE_FONT_FOLDER = "fonts"
#: Only the site's own HTML builders; the PDF builder is HTML-based too but has its own sheets.
SITE_BUILDERS = ("html", "dirhtml")


def site_font_sheet(text: str) -> str:
    """The PDFs' ``@font-face`` rules with paths from ``_static/``, limited to the text face.

    Noto Emoji (half a megabyte) is left to the reader's system fonts on the web.
    """
    rules = [rule for rule in re.findall(r"@font-face\s*\{[^}]*\}", text) if "Noto Emoji" not in rule]
    return "\n".join(rule.replace('url("../fonts/', f'url("{SITE_FONT_FOLDER}/') for rule in rules) + "\n"


def font_files(sheet: str) -> list[str]:
    """The font files a sheet refers to."""
    return sorted(set(re.findall(rf'url\("{SITE_FONT_FOLDER}/([^"]+)"\)', sheet)))


def _publish_fonts(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    static = Path(app.outdir, "_static")
    sheet = site_font_sheet(FONT_SHEET.read_text(encoding="utf-8"))
    (static / SITE_FONT_FOLDER).mkdir(parents=True, exist_ok=True)
    for name in font_files(sheet):
        target = static / SITE_FONT_FOLDER / name
        if not target.is_file() or target.read_bytes() != (FONT_FOLDER / name).read_bytes():
            shutil.copyfile(FONT_FOLDER / name, target)
    path = static / SITE_FONT_SHEET
    if not path.is_file() or path.read_text(encoding="utf-8") != sheet:
        path.write_text(sheet, encoding="utf-8")


def page_language(pagename: str, pages_dir: str, packs: dict[str, LoadedPack]) -> str | None:
    """The language of the pack a page belongs to, else of the newest pack; None without packs."""
    parts = pagename.split("/")
    if len(parts) > 2 and parts[0] == pages_dir and parts[1] in packs:
        return packs[parts[1]].pack.briefing.language
    if not packs:
        return None
    newest = max(packs.values(), key=lambda p: (p.pack.briefing.edition_date, p.pack.briefing.series.number))
    return newest.pack.briefing.language


def label_captions(navigation: str) -> str:
    """Give the sidebar captions the heading level their role requires (they head the sidebar's lists)."""
    return navigation.replace('role="heading">', 'role="heading" aria-level="2">')


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name not in SITE_BUILDERS:
        return
    if "furo_navigation_tree" in context:
        context["furo_navigation_tree"] = label_captions(context["furo_navigation_tree"])
    language = page_language(pagename, briefs_config(app.config).pages_dir, getattr(app.env, "lcsi_briefs_packs", {}))
    if language:
        context["language"] = language


def setup_site(app: Sphinx) -> None:
    app.add_css_file(SITE_FONT_SHEET, priority=400)
    # After Furo (priority 500), which computes the navigation in the same event.
    app.connect("html-page-context", _page_context, priority=600)
    app.connect("build-finished", _publish_fonts)
