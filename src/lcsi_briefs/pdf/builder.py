"""The ``briefing-pdf`` builder: every PDF edition of every pack, rendered with WeasyPrint.

It derives from the single-file HTML builder, so it reuses the site's doctrees, translator
and image handling; only the assembly (which pages make an edition), the print template and
the stylesheet are its own. Run it after the HTML build with the same doctree folder and it
reads nothing again.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Set
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import jinja2
from markupsafe import Markup
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util import logging
from sphinx.util.display import status_iterator

from lcsi_briefs.config import briefs_config
from lcsi_briefs.editions import Edition, editions
from lcsi_briefs.errors import PdfRenderError
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.common import long_date
from lcsi_briefs.pdf.assemble import assemble, contents
from lcsi_briefs.pdf.render import RenderFailedError, RenderJob, render_pdf

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
STYLESHEET = HERE / "static" / "print.css"
LARGE_PRINT_STYLESHEET = HERE / "static" / "large-print.css"


def creation_time(edition_date: dt.date) -> dt.datetime:
    """Reproducible builds: SOURCE_DATE_EPOCH if set, else midnight UTC on the edition date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.combine(edition_date, dt.time(), tzinfo=dt.UTC)


class BriefingPdfBuilder(SingleFileHTMLBuilder):
    """Writes ``<pack>.pdf``, ``<pack>--<audience>.pdf`` and their large-print twins."""

    name = "briefing-pdf"
    epilog = "The PDF briefings are in %(outdir)s."
    search = False
    copysource = False
    supported_image_types: ClassVar[list[str]] = ["image/svg+xml", "image/png", "image/gif", "image/jpeg"]

    def init(self) -> None:
        super().init()
        self.print_templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )

    def get_outdated_docs(self) -> str:  # type: ignore[override]
        return "all PDF editions"

    def write_documents(self, _docnames: Set[str]) -> None:
        self.prepare_writing(self.env.all_docs.keys())
        packs: dict[str, LoadedPack] = getattr(self.env, "lcsi_briefs_packs", {})
        jobs = [(loaded, edition) for loaded in packs.values() for edition in editions(loaded)]
        render_jobs = [self._prepare(loaded, edition) for loaded, edition in jobs]
        self.copy_image_files()
        failures: list[str] = []
        for job in status_iterator(
            render_jobs,
            "rendering PDFs... ",
            "darkgreen",
            len(render_jobs),
            self._app.verbosity,
            stringify_func=lambda job: job.target.name,
        ):
            try:
                warnings = render_pdf(job)
            except RenderFailedError as error:
                failures.append(f"{job.target.name}: {error}")
                continue
            for message in warnings:
                logger.warning(
                    "WeasyPrint, rendering %s: %s", job.target.name, message, type="lcsi", subtype="weasyprint"
                )
        if failures:
            raise PdfRenderError("\n".join(failures))

    def _prepare(self, loaded: LoadedPack, edition: Edition) -> RenderJob:
        pages_dir = briefs_config(self.config).pages_dir
        tree = assemble(self, loaded, edition, pages_dir)
        self.post_process_images(tree)
        html = self._print_html(loaded, edition, tree)
        stylesheets = (STYLESHEET, LARGE_PRINT_STYLESHEET) if edition.large_print else (STYLESHEET,)
        outdir = Path(self.outdir)
        # The print HTML is kept beside the PDF (not published): handy to inspect a layout.
        (outdir / edition.filename).with_suffix(".html").write_text(html, encoding="utf-8")
        return RenderJob(
            html=html,
            target=outdir / edition.filename,
            base_url=outdir.as_uri() + "/",
            stylesheets=stylesheets,
            allowed_roots=(outdir, HERE, Path(self.srcdir), Path(self.confdir)),
        )

    def _body(self, docname: str, tree: Any) -> str:
        tree.settings = self.docsettings
        self.secnumbers = {}
        self.fignumbers = {}
        self.imgpath = "_images"
        self.dlpath = "_downloads"
        self.current_docname = docname
        visitor = self.create_translator(tree, self)
        tree.walkabout(visitor)
        return "".join(visitor.fragment)  # type: ignore[attr-defined]

    def _print_html(self, loaded: LoadedPack, edition: Edition, tree: Any) -> str:
        briefing = loaded.pack.briefing
        audience = loaded.pack.audience(edition.audience) if edition.audience else None
        title = briefing.title if audience is None else f"{briefing.title}: for {audience.name}"
        created = creation_time(briefing.edition_date).strftime("%Y-%m-%dT%H:%M:%SZ")
        body = self._body(tree["docname"], tree)
        template = self.print_templates.get_template("print.html")
        return template.render(
            briefing=briefing,
            title=title,
            audience=audience,
            large_print=edition.large_print,
            edition_label=edition.title,
            edition_date=long_date(briefing.edition_date, briefing.language),
            created=created,
            keywords=", ".join(briefing.keywords),
            toc=contents(tree),
            body=Markup(body),
        )

    def finish(self) -> None:
        """No inventory, build info or search index: the PDFs are the whole output."""


def setup_pdf_builder(app: Sphinx) -> None:
    app.add_builder(BriefingPdfBuilder)
