"""The ``briefing-pdf`` builder: every PDF edition of every pack, rendered with WeasyPrint.

It derives from the single-file HTML builder, so it reuses the site's doctrees, translator
and image handling; only the assembly (which pages make an edition), the print template and
the stylesheet are its own. Run it after the HTML build with the same doctree folder and it
reads nothing again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from markupsafe import Markup
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util import logging
from sphinx.util.display import status_iterator

from lcsi_briefs.editions import Edition, editions
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.audience import Implication
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import language_name
from lcsi_briefs.pdf.assemble import SUMMARY_ENTRY, PackDoctrees, assemble
from lcsi_briefs.pdf.brief import audience_url, brief_html, print_templates
from lcsi_briefs.pdf.ids import TocEntry, contents
from lcsi_briefs.pdf.page_labels import page_labels_css, page_references_css
from lcsi_briefs.pdf.pool import default_workers, render_all
from lcsi_briefs.pdf.preflight.report import locate, read_report, write_report
from lcsi_briefs.pdf.render import TOO_LONG, PageLimit, RenderJob, fast_font_subsetting, renderer_version
from lcsi_briefs.sphinx_ext.config import briefs_config
from lcsi_briefs.sphinx_ext.errors import PdfRenderError
from lcsi_briefs.sphinx_ext.languages import pack_twin, site_base
from lcsi_briefs.sphinx_ext.site_packs import site_packs
from lcsi_briefs.sphinx_ext.warnings import BriefsWarnings, note, pack_location, warn
from lcsi_briefs.text.catalogue import translator_for
from lcsi_briefs.text.first_use import FirstUse
from lcsi_briefs.text.paragraphs import long_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
FONTS_STYLESHEET = HERE / "static" / "fonts.css"
STYLESHEET = HERE / "static" / "print.css"
LARGE_PRINT_STYLESHEET = HERE / "static" / "large-print.css"
FIGURES_STYLESHEET = HERE / "static" / "figures.css"
BRIEF_STYLESHEET = HERE / "static" / "brief.css"
#: The one step down a brief may take to fit two pages: body text at 10pt, never smaller.
BRIEF_SMALLER_STYLESHEET = HERE / "static" / "brief-10pt.css"
#: A one-sheet brief: both sides of one A4 sheet.
BRIEF_PAGES = 2
#: A large-print brief keeps its 16pt and takes the pages it needs, up to four.
LARGE_PRINT_BRIEF_PAGES = 4
#: Digests of each PDF's input at its last successful render, kept beside the PDFs.
MANIFEST = ".lcsi-pdf-inputs.json"
#: The cover's summary, where a standard full edition's contents send a reader for it. Ids the
#: pages make never hold an underscore, so it cannot meet one of theirs.
COVER_SUMMARY_ID = "cover_summary"


def print_stylesheets(*, large_print: bool, brief: bool = False) -> tuple[Path, ...]:
    """The stylesheets of a standard or large-print edition or brief, in the order they apply."""
    own = (BRIEF_STYLESHEET,) if brief else ()
    base = (FONTS_STYLESHEET, STYLESHEET, FIGURES_STYLESHEET, *own)
    return base + ((LARGE_PRINT_STYLESHEET,) if large_print else ())


def brief_limit(*, large_print: bool) -> PageLimit:
    """Two pages, stepping down once to 10pt; large print up to four pages (it must stay large)."""
    if large_print:
        return PageLimit(LARGE_PRINT_BRIEF_PAGES)
    return PageLimit(BRIEF_PAGES, ((*print_stylesheets(large_print=False, brief=True), BRIEF_SMALLER_STYLESHEET),))


def creation_time(edition_date: dt.date) -> dt.datetime:
    """Reproducible builds: SOURCE_DATE_EPOCH if set, else midnight UTC on the edition date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.combine(edition_date, dt.time(), tzinfo=dt.UTC)


def _longest_implication(implications: list[Implication]) -> int:
    """The implication to shorten first: the longest without a short form, else the longest."""

    def length(implication: Implication) -> int:
        text = implication.brief or implication.text
        return len(text) + sum(map(len, implication.actions)) + sum(map(len, implication.questions))

    candidates = [i for i, implication in enumerate(implications) if implication.brief is None]
    return max(candidates or range(len(implications)), key=lambda i: length(implications[i]))


def _pack_of(packs: Iterable[LoadedPack], filename: str) -> LoadedPack:
    """The pack an edition's PDF is printed from."""
    return next(loaded for loaded in packs if any(e.filename == filename for e in editions(loaded)))


def brief_too_long(loaded: LoadedPack, edition: Edition, how_long: str) -> str:
    """A brief past its pages, located at the implication to shorten (or to give a short form)."""
    index = next(i for i, a in enumerate(loaded.pack.audiences) if a.id == edition.audience)
    audience = loaded.pack.audiences[index]
    number = _longest_implication(audience.implications)
    location = ("audiences", index, "implications", number)
    line, column = loaded.position(location)
    fits = (
        f"{LARGE_PRINT_BRIEF_PAGES} A4 pages at 16pt"
        if edition.large_print
        else f"{BRIEF_PAGES} A4 pages even with body text at 10pt"
    )
    advice = "shorten it" if audience.implications[number].brief else "shorten it, or give it a shorter `brief` form"
    return (
        f"{loaded.path}:{line}:{column}: warning: audiences[{index}].implications[{number}]: the "
        f"{'large-print ' if edition.large_print else ''}one-sheet brief for {audience.name} does not fit on "
        f"{fits}: it runs to {how_long}. Nothing is cut; this is its longest implication: {advice}."
    )


def _report_warnings(
    name: str, warnings: list[str], brief: tuple[LoadedPack, Edition] | None, origin: str
) -> list[str]:
    """Log WeasyPrint's warnings of one PDF; return a brief's "too long", located for the editor."""
    too_long = []
    for message in warnings:
        if message.startswith(TOO_LONG) and brief is not None:
            too_long.append(brief_too_long(*brief, message.removeprefix(TOO_LONG)))
        else:
            warn(logger, BriefsWarnings.WEASYPRINT, "WeasyPrint, printing %s: %s", name, message, location=origin)
    return too_long


@dataclass(frozen=True)
class _Assembled:
    """What an edition prints, before the template makes it a standard or large-print page."""

    body: str
    toc: list[TocEntry]
    images: tuple[Path, ...]


class BriefingPdfBuilder(SingleFileHTMLBuilder):
    """Writes ``<pack>.pdf``, ``<pack>--<audience>.pdf`` and their large-print twins."""

    name = "briefing-pdf"
    epilog = "The PDF briefings are in %(outdir)s."
    search = False
    copysource = False
    supported_image_types: ClassVar[list[str]] = ["image/svg+xml", "image/png", "image/gif", "image/jpeg"]

    def init(self) -> None:
        super().init()
        self.print_templates = print_templates()

    def get_outdated_docs(self) -> str:  # type: ignore[override]
        return "all PDF editions"

    def write_documents(self, _docnames: Set[str]) -> None:
        """Render the editions whose input changed, in parallel; keep the rest as they are."""
        self.prepare_writing(self.env.all_docs.keys())
        settings = briefs_config(self.config)
        outdir = Path(self.outdir)
        manifest_path = outdir / MANIFEST
        previous = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
        packs = site_packs(self.env)
        current: dict[str, str] = {}
        jobs: list[RenderJob] = []
        # Where each edition comes from in its pack, for the location of WeasyPrint's warnings.
        origins: dict[str, str] = {}
        briefs: dict[str, tuple[LoadedPack, Edition]] = {}
        for loaded in packs.values():
            for edition, job, digest in self._pack_jobs(loaded):
                current[edition.filename] = digest
                origins[edition.filename] = pack_location(loaded, edition.audience)
                if edition.brief:
                    briefs[edition.filename] = (loaded, edition)
                if previous.get(edition.filename) != digest or not job.target.is_file():
                    jobs.append(job)
        for stale in outdir.glob("*.pdf"):
            if stale.name not in current:
                stale.unlink()
                stale.with_suffix(".html").unlink(missing_ok=True)
        self.copy_image_files()
        if jobs and not fast_font_subsetting():
            note(
                logger,
                "PDF fonts are subset with fontTools, which is slower than HarfBuzz-Subset; "
                "install it (Debian/Ubuntu: libharfbuzz-subset0) for faster PDF builds.",
            )
        workers = settings.pdf_workers or default_workers()
        failures: list[str] = []
        too_long: list[str] = []
        faults: list[OSError] = []
        # Longest first, so the biggest edition is not left running alone at the end.
        jobs.sort(key=lambda job: len(job.html), reverse=True)
        results = render_all(jobs, workers=workers, timeout=settings.pdf_timeout)
        # Preflight's findings: those of the PDFs kept from the last build stand until they are printed again.
        found = {name: lines for name, lines in (read_report(outdir) or {}).items() if name in origins}
        for result in status_iterator(
            results,
            "rendering PDFs... ",
            "darkgreen",
            len(jobs),
            self._app.verbosity,
            stringify_func=lambda result: result.job.target.name,
        ):
            name = result.job.target.name
            found[name] = locate(result.problems, name, _pack_of(packs.values(), name), Path(self.confdir))
            if result.error or result.warnings:
                # Not recorded as done, so the next build renders it again and reports it again.
                current.pop(name, None)
            if result.fault:
                faults.append(OSError(*result.fault))
            elif result.error:
                failures.append(f"{name}: {result.error}")
            too_long += _report_warnings(name, result.warnings, briefs.get(name), origins[name])
        manifest_path.write_text(json.dumps(current, indent=1, sort_keys=True), encoding="utf-8")
        write_report(outdir, {name: lines for name, lines in found.items() if (outdir / name).is_file()})
        note(logger, "PDFs: %d printed, %d unchanged since the last build", len(jobs), len(origins) - len(jobs))
        if faults:
            raise faults[0]  # a full disk or a read-only folder: the build says so in one sentence
        # Like the editorial checks: listed for the editor, failing only a strict build.
        if settings.strict:
            failures += too_long
        else:
            for message in too_long:
                note(logger, "%s", message)
        if failures:
            raise PdfRenderError("\n".join(failures))

    def _pack_jobs(self, loaded: LoadedPack) -> Iterator[tuple[Edition, RenderJob, str]]:
        """Every edition of a pack with its render job and the digest of its input."""
        # The standard and large-print twins print the same content: assemble it once.
        assembled: dict[str | None, _Assembled] = {}
        doctrees = PackDoctrees(self)
        for edition in editions(loaded):
            if edition.brief:
                yield edition, *self._prepare_brief(loaded, edition)
                continue
            if edition.audience not in assembled:
                assembled[edition.audience] = self._assemble(doctrees, loaded, edition)
            # The large-print twin comes second: after it, the assembly is no longer needed.
            content = assembled.pop(edition.audience) if edition.large_print else assembled[edition.audience]
            yield edition, *self._prepare(loaded, edition, content)

    def _assemble(self, doctrees: PackDoctrees, loaded: LoadedPack, edition: Edition) -> _Assembled:
        """An edition's content as HTML, with its contents entries and the images it shows."""
        tree = assemble(self, doctrees, loaded, edition, briefs_config(self.config).pages_dir)
        self.post_process_images(tree)
        images = tuple(Path(self.srcdir, image["uri"]) for image in tree.findall(nodes.image))
        return _Assembled(
            body=self._body(tree["docname"], tree),
            toc=contents(
                tree, PackLayout(loaded.slug).overview(), translator_for(loaded.pack.briefing.language)(SUMMARY_ENTRY)
            ),
            images=images,
        )

    def _prepare_brief(self, loaded: LoadedPack, edition: Edition) -> tuple[RenderJob, str]:
        """The render job of an audience's one-sheet brief, built from the pack alone."""
        audience = edition.audience or ""
        suffix = self.config.html_file_suffix or ".html"
        pages_dir = briefs_config(self.config).pages_dir
        url = audience_url(self.config.html_baseurl, loaded, audience, pages_dir, suffix)
        twin = pack_twin(self.env, loaded.slug)
        twin_site = site_base(self.config, self.config.html_baseurl, twin) if twin else ""
        twin_url = audience_url(twin_site, twin, audience, pages_dir, suffix) if twin else ""
        created = creation_time(loaded.pack.briefing.edition_date).strftime("%Y-%m-%dT%H:%M:%SZ")
        html = brief_html(
            loaded, audience, url=url, large_print=edition.large_print, created=created, twin=twin, twin_url=twin_url
        )
        stylesheets = print_stylesheets(large_print=edition.large_print, brief=True)
        limit = brief_limit(large_print=edition.large_print)
        return self._job(loaded, edition, html, stylesheets, limit=limit)

    def _prepare(self, loaded: LoadedPack, edition: Edition, content: _Assembled) -> tuple[RenderJob, str]:
        """The render job of one edition, and a digest of everything its PDF depends on."""
        html = self._print_html(loaded, edition, content)
        stylesheets = print_stylesheets(large_print=edition.large_print)
        return self._job(loaded, edition, html, stylesheets, images=content.images)

    def _job(
        self,
        loaded: LoadedPack,
        edition: Edition,
        html: str,
        stylesheets: tuple[Path, ...],
        *,
        images: tuple[Path, ...] = (),
        limit: PageLimit | None = None,
    ) -> tuple[RenderJob, str]:
        """A render job, and a digest of everything its PDF depends on."""
        outdir = Path(self.outdir)
        digest = hashlib.sha256(f"{renderer_version()}\n{html}".encode())
        smaller = [path for paths in (limit.smaller if limit else ()) for path in paths]
        for path in [*stylesheets, *images, *smaller]:
            digest.update(path.read_bytes() if path.is_file() else path.as_posix().encode())
        # The print HTML is kept beside the PDF (not published): handy to inspect a layout.
        (outdir / edition.filename).with_suffix(".html").write_text(html, encoding="utf-8")
        job = RenderJob(
            html=html,
            target=outdir / edition.filename,
            base_url=outdir.as_uri() + "/",
            stylesheets=stylesheets,
            allowed_roots=(outdir, HERE, Path(self.srcdir), Path(self.confdir)),
            source_date_epoch=int(creation_time(loaded.pack.briefing.edition_date).timestamp()),
            limit=limit,
            large_print=edition.large_print,
        )
        return job, digest.hexdigest()

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

    def _print_html(self, loaded: LoadedPack, edition: Edition, content: _Assembled) -> str:
        briefing = loaded.pack.briefing
        audience = loaded.pack.audience(edition.audience) if edition.audience else None
        _ = translator_for(briefing.language)
        twin = pack_twin(self.env, loaded.slug)
        title = (
            briefing.title
            if audience is None
            else _("{title}: for {audience}", title=briefing.title, audience=audience.in_text)
        )
        created = creation_time(briefing.edition_date).strftime("%Y-%m-%dT%H:%M:%SZ")
        template = self.print_templates.get_template("print.html")
        toc = content.toc
        if audience is None and not edition.large_print:
            # Its cover holds the summary (the large-print twin's opens the body instead).
            overview = PackLayout(loaded.slug).overview()
            toc = [replace(e, target=COVER_SUMMARY_ID) if e.target == overview else e for e in toc]
        # The cover's summary is where a printed edition is first read: its first uses are spelled out.
        cover = briefing.model_copy(
            update={"summary": FirstUse(loaded.pack.glossary, briefing.language)(briefing.summary)}
        )
        return template.render(
            briefing=cover,
            title=title,
            audience=audience,
            large_print=edition.large_print,
            # An audience's edition is short: no cover page or contents, a masthead instead.
            short=edition.audience is not None,
            edition_label=edition.title,
            edition_date=long_date(briefing.edition_date, briefing.language),
            created=created,
            keywords=", ".join(briefing.keywords),
            toc=toc,
            summary_id=COVER_SUMMARY_ID,
            body=Markup(content.body),
            _=_,
            # Only letters, digits, spaces and CSS escapes (see page_labels.css_string).
            page_labels=Markup(f"{page_labels_css(_)}\n{page_references_css(_)}"),
            # The twin's language and title, in that language, so a reader can ask for the other.
            twin=twin.pack.briefing if twin else None,
            twin_language=language_name(twin.pack.briefing.language) if twin else "",
        )

    def finish(self) -> None:
        """No inventory, build info or search index: the PDFs are the whole output."""


def setup_pdf_builder(app: Sphinx) -> None:
    app.add_builder(BriefingPdfBuilder)
