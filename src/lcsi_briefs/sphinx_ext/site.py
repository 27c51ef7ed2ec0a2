"""The web site's look and its page-level accessibility: one publisher's type, each page's language.

- The bundled Atkinson Hyperlegible, the face of the PDFs, is published with the site: the
  PDFs' own ``@font-face`` sheet is copied with its font paths rewritten, so both read one file.
- Furo's sidebar captions carry ``role="heading"`` without the ``aria-level`` that role needs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lcsi_briefs.sphinx_ext.languages import SITE_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PDF_DIR = Path(__file__).parent.parent / "pdf"
#: The PDFs' font sheet; its ``url("../fonts/…")`` paths are relative to its own folder.
FONT_SHEET = PDF_DIR / "static" / "fonts.css"
FONT_FOLDER = PDF_DIR / "fonts"
#: Where the site keeps the same sheet and fonts, inside ``_static``.
SITE_FONT_SHEET = "lcsi-fonts.css"
SITE_FONT_FOLDER = "fonts"


def site_font_sheet(text: str) -> str:
    """The PDFs' ``@font-face`` rules with paths from ``_static/``, limited to the text face.

    Noto Emoji (half a megabyte) is left to the reader's system fonts on the web.
    """
    rules = [rule for rule in re.findall(r"@font-face\s*\{[^}]*\}", text) if "Noto Emoji" not in rule]
    return "\n".join(rule.replace('url("../fonts/', f'url("{SITE_FONT_FOLDER}/') for rule in rules) + "\n"


def font_files(sheet: str) -> list[str]:
    """The font files a sheet refers to."""
    return sorted(set(re.findall(rf'url\("{SITE_FONT_FOLDER}/([^"]+)"\)', sheet)))


def _publish_fonts(app: Sphinx) -> None:
    """Write the site's font sheet before any page is: each page links it with its checksum.

    Sphinx stamps a stylesheet's link with the file's checksum (``?v=…``) only if the file is
    already in the output when the page is written; written after the pages, the first build's
    links lacked it and every later build's had it, so a rebuild changed every page.
    """
    if app.builder.name not in SITE_BUILDERS:
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


def label_captions(navigation: str) -> str:
    """Give the sidebar captions the heading level their role requires (they head the sidebar's lists)."""
    return navigation.replace('role="heading">', 'role="heading" aria-level="2">')


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if app.builder.name not in SITE_BUILDERS:
        return
    if "furo_navigation_tree" in context:
        context["furo_navigation_tree"] = label_captions(context["furo_navigation_tree"])


def setup_site(app: Sphinx) -> None:
    app.add_css_file(SITE_FONT_SHEET, priority=400)
    # After Furo (priority 500), which computes the navigation in the same event.
    app.connect("html-page-context", _page_context, priority=600)
    app.connect("builder-inited", _publish_fonts)
