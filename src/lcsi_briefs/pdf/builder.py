"""The ``briefing-pdf`` builder: every PDF edition of every pack, rendered with WeasyPrint.

It derives from the single-file HTML builder, so it reuses the site's doctrees, translator
and image handling; only the assembly (which pages make an edition), the print template and
the stylesheet are its own. Run it after the HTML build with the same doctree folder and it
reads nothing again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from markupsafe import Markup
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util import logging
from sphinx.util.display import status_iterator

from lcsi_briefs.editions import Cobrand, Edition, MemberCopy, editions
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.twins import language_name
from lcsi_briefs.pdf.assemble import SUMMARY_ENTRY, PackDoctrees, assemble
from lcsi_briefs.pdf.brief import audience_url, brief_context, fill_brief, print_templates
from lcsi_briefs.pdf.ids import TocEntry, contents
from lcsi_briefs.pdf.page_labels import page_labels_css, page_references_css, stacked_label_css
from lcsi_briefs.pdf.page_numbers import PAGES, KnownPages
from lcsi_briefs.pdf.pool import default_workers, render_all
from lcsi_briefs.pdf.preflight.report import Reports
from lcsi_briefs.pdf.print_setup import HERE, brief_limit, creation_time, print_stylesheets, too_long_messages
from lcsi_briefs.pdf.render import PageLimit, RenderJob, fast_font_subsetting, renderer_version
from lcsi_briefs.pdf.render_warnings import RenderWarnings
from lcsi_briefs.sphinx_ext.config import briefs_config
from lcsi_briefs.sphinx_ext.editorial import keep_checks
from lcsi_briefs.sphinx_ext.errors import PdfRenderError
from lcsi_briefs.sphinx_ext.languages import pack_twin, site_base
from lcsi_briefs.sphinx_ext.members import MemberRun, member_run
from lcsi_briefs.sphinx_ext.site_packs import every_pack, site_packs
from lcsi_briefs.sphinx_ext.warnings import note, pack_location
from lcsi_briefs.text.catalogue import translator_for
from lcsi_briefs.text.first_use import FirstUse
from lcsi_briefs.text.paragraphs import long_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
#: Digests of each PDF's input at its last successful render, kept beside the PDFs.
MANIFEST = ".lcsi-pdf-inputs.json"
#: WeasyPrint's warnings of each PDF kept from an earlier render, said again by every build that
#: keeps it (a brief too long, say), so an unchanged PDF is reported without printing it again.
WARNED = ".lcsi-pdf-warnings.json"
#: The cover's summary, where a standard full edition's contents send a reader for it. Ids the
#: pages make never hold an underscore, so it cannot meet one of theirs.
COVER_SUMMARY_ID = "cover_summary"


def _remove_stale(outdir: Path, expected: set[str]) -> None:
    """The publisher's PDFs (and their print HTML) of editions no pack has any more."""
    for stale in outdir.glob("*.pdf"):
        if stale.name not in expected:
            stale.unlink()
            stale.with_suffix(".html").unlink(missing_ok=True)


def _say_if_subsetting_is_slow(jobs: list[RenderJob]) -> None:
    if jobs and not fast_font_subsetting():
        note(
            logger,
            "PDF fonts are subset with fontTools, which is slower than HarfBuzz-Subset; "
            "install it (Debian/Ubuntu: libharfbuzz-subset0) for faster PDF builds.",
        )


def _read_json(path: Path) -> Any:
    """A file this builder keeps beside the PDFs, or an empty mapping before the first build."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


#: A file to print: its place in the PDF folder, its edition, whose it is, its job and input digest.
_Job = tuple[str, Edition, MemberCopy | None, RenderJob, str]
_Prepared = tuple[RenderJob, str]


@dataclass(frozen=True)
class _Assembled:
    """What an edition prints, before the template makes it a standard or large-print page."""

    body: str
    toc: list[TocEntry]
    images: tuple[Path, ...]


@dataclass
class _Plan:
    """What one PDF build makes: each file's input digest, and the jobs of the files to print."""

    current: dict[str, str]
    jobs: list[RenderJob] = field(default_factory=list)
    #: Where each file comes from in its pack (or member file), for the location of warnings.
    origins: dict[str, str] = field(default_factory=dict)
    briefs: dict[str, tuple[LoadedPack, Edition, MemberCopy | None]] = field(default_factory=dict)
    #: The publisher's own PDFs, and every PDF's pack (members' copies too): where preflight's
    #: findings are located.
    own: set[str] = field(default_factory=set)
    packs: dict[str, LoadedPack] = field(default_factory=dict)


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
        self.checked_pdfs: dict[Path, tuple[str, ...]] = {}  # what keep_checks keeps
        # What every job's digest reads, read once a build rather than once a job: the renderer's
        # version opened sixteen files and WeasyPrint's metadata, two thirds of a member's plan.
        self.renderer = ""
        self.file_bytes: dict[Path, bytes] = {}
        # A brief says the same in both sizes and every member's copy: worked out once a build.
        self.brief_contexts: dict[tuple[str, str], dict[str, Any]] = {}

    def get_outdated_docs(self) -> str:  # type: ignore[override]
        return "all PDF editions"

    def write_documents(self, _docnames: Set[str]) -> None:
        """Render the editions whose input changed, in parallel; keep the rest as they are."""
        self.prepare_writing(self.env.all_docs.keys())
        settings = briefs_config(self.config)
        outdir = Path(self.outdir)
        previous = _read_json(outdir / MANIFEST)
        warned: dict[str, list[str]] = _read_json(outdir / WARNED)
        packs = site_packs(self.env)
        run = member_run(self.config, Path(self.confdir), list(packs.values()), every_pack(self.env))
        expected = run.expected() | {edition.filename for loaded in packs.values() for edition in editions(loaded)}
        # Another shard's files keep their digests: this build neither prints nor removes them.
        plan = self._plan(packs.values(), run, previous, expected)
        current, jobs, own = plan.current, plan.jobs, plan.own
        _remove_stale(outdir, expected)
        self.copy_image_files()
        _say_if_subsetting_is_slow(jobs)
        failures: list[str] = []
        faults: list[OSError] = []
        printing = {job.target.relative_to(outdir).as_posix() for job in jobs}
        warned = {name: warnings for name, warnings in warned.items() if name in current and name not in printing}
        said = RenderWarnings(plan.briefs, plan.origins)
        too_long = said.kept(warned)
        known = KnownPages(outdir, current.keys())
        results = keep_checks(
            render_all(
                known.ordered(jobs),
                workers=settings.pdf_workers or default_workers(),
                timeout=settings.pdf_timeout,
                start=known.started,
            ),
            self.checked_pdfs,
        )
        reports = Reports(outdir, Path(self.confdir), own)
        for result in status_iterator(
            results,
            "rendering PDFs... ",
            "darkgreen",
            len(jobs),
            self._app.verbosity,
            stringify_func=lambda result: result.job.target.name,
        ):
            name = result.job.target.relative_to(outdir).as_posix()
            if not result.error:  # a failed render found no pages: the last ones still hold best
                known.found(result.job, result.pages)
            if name in plan.packs:
                reports.add(name, result.problems, plan.packs[name])
            if result.error or result.checked:
                # Not recorded as done, so the next build renders it again and reports it again.
                current.pop(name, None)
            elif result.warnings:
                warned[name] = result.warnings
            if result.fault:
                faults.append(OSError(*result.fault))
            elif result.error:
                failures.append(f"{name}: {result.error}")
            too_long += said.report(name, result.warnings)
        said.say_copies()
        for name, kept in ((MANIFEST, current), (WARNED, warned), (PAGES, known.pages)):
            (outdir / name).write_text(json.dumps(kept, indent=1, sort_keys=True), encoding="utf-8")
        reports.write()
        note(logger, "PDFs: %d printed, %d unchanged since the last build", len(jobs), len(plan.origins) - len(jobs))
        if faults:
            raise faults[0]  # a full disk or a read-only folder: the build says so in one sentence
        # Like the editorial checks: listed for the editor, failing only a strict build.
        if settings.strict:
            failures += too_long_messages(too_long)
        else:
            for message in too_long_messages(too_long):
                note(logger, "%s", message)
        if failures:
            raise PdfRenderError("\n".join(failures))
        run.finish(outdir, creation_time(run.newest))

    def _plan(self, packs: Iterable[LoadedPack], run: MemberRun, previous: dict[str, str], expected: set[str]) -> _Plan:
        """Every PDF this build makes, and the jobs of those whose input changed since ``previous``."""
        plan = _Plan({key: digest for key, digest in previous.items() if key in expected})
        self.renderer, self.file_bytes, self.brief_contexts = renderer_version(), {}, {}
        for loaded in packs:
            for key, edition, copy, job, digest in self._pack_jobs(loaded, run):
                plan.current[key] = digest
                plan.packs[key] = loaded
                if copy is None:
                    plan.own.add(key)
                plan.origins[key] = copy.origin if copy else pack_location(loaded, edition.audience)
                if edition.brief:
                    plan.briefs[key] = (loaded, edition, copy)
                if previous.get(key) != digest or not job.target.is_file():
                    plan.jobs.append(job)
        return plan

    def _pack_jobs(self, loaded: LoadedPack, run: MemberRun) -> Iterator[_Job]:
        """Each edition of a pack this build prints (the publisher's, then members'): its place, copy, job, digest."""
        # The standard and large-print twins print the same content: assemble it once, and
        # print it for the publisher and every member alike.
        assembled: dict[str | None, _Assembled] = {}
        doctrees = PackDoctrees(self)
        for edition in editions(loaded):
            places: list[tuple[str, MemberCopy | None]] = [(edition.filename, None)] if run.publishes_site else []
            places += [(copy.place, copy) for copy in run.copies(loaded, edition)]
            if edition.brief:
                for place, copy in places:
                    cobrand = copy.cobrand if copy else run.own(loaded)
                    yield place, edition, copy, *self._prepare_brief(loaded, edition, place, cobrand)
                continue
            if not places:
                continue
            if edition.audience not in assembled:
                assembled[edition.audience] = self._assemble(doctrees, loaded, edition)
            # The large-print twin comes second: after it, the assembly is no longer needed.
            content = assembled.pop(edition.audience) if edition.large_print else assembled[edition.audience]
            for place, copy in places:
                cobrand = copy.cobrand if copy else run.own(loaded)
                yield place, edition, copy, *self._prepare(loaded, edition, content, place, cobrand)

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

    def _prepare_brief(self, loaded: LoadedPack, edition: Edition, place: str, cobrand: Cobrand | None) -> _Prepared:
        """The render job of an audience's one-sheet brief, built from the pack alone."""
        audience = edition.audience or ""
        context = self.brief_contexts.get((loaded.slug, audience))
        if context is None:
            suffix = self.config.html_file_suffix or ".html"
            pages_dir = briefs_config(self.config).pages_dir
            url = audience_url(self.config.html_baseurl, loaded, audience, pages_dir, suffix)
            twin = pack_twin(self.env, loaded.slug)
            twin_site = site_base(self.config, self.config.html_baseurl, twin) if twin else ""
            twin_url = audience_url(twin_site, twin, audience, pages_dir, suffix) if twin else ""
            created = creation_time(loaded.pack.briefing.edition_date).strftime("%Y-%m-%dT%H:%M:%SZ")
            context = brief_context(loaded, audience, url=url, created=created, twin=twin, twin_url=twin_url)
            self.brief_contexts[loaded.slug, audience] = context
        html = fill_brief(context, large_print=edition.large_print, cobrand=cobrand)
        member = cobrand is not None
        stylesheets = print_stylesheets(large_print=edition.large_print, brief=True, member=member)
        limit = brief_limit(large_print=edition.large_print, member=member)
        return self._job(loaded, place, html, stylesheets, limit=limit, large_print=edition.large_print)

    def _prepare(
        self, loaded: LoadedPack, edition: Edition, content: _Assembled, place: str, cobrand: Cobrand | None
    ) -> _Prepared:
        """The render job of one edition, and a digest of everything its PDF depends on."""
        html = self._print_html(loaded, edition, content, cobrand)
        stylesheets = print_stylesheets(large_print=edition.large_print, member=cobrand is not None)
        return self._job(loaded, place, html, stylesheets, images=content.images, large_print=edition.large_print)

    def _job(
        self,
        loaded: LoadedPack,
        place: str,
        html: str,
        stylesheets: tuple[Path, ...],
        *,
        images: tuple[Path, ...] = (),
        limit: PageLimit | None = None,
        large_print: bool = False,
    ) -> tuple[RenderJob, str]:
        """A render job, and a digest of everything its PDF depends on."""
        outdir = Path(self.outdir)
        digest = hashlib.sha256(f"{self.renderer}\n{html}".encode())
        smaller = [path for paths in (limit.smaller if limit else ()) for path in paths]
        for path in [*stylesheets, *images, *smaller]:
            if path not in self.file_bytes:
                self.file_bytes[path] = path.read_bytes() if path.is_file() else path.as_posix().encode()
            digest.update(self.file_bytes[path])
        target = outdir / place
        if target.parent == outdir:
            # The print HTML is kept beside the publisher's PDF (not published): handy to inspect
            # a layout. A member's edition differs from it only in the member's own parts.
            target.with_suffix(".html").write_text(html, encoding="utf-8")
        job = RenderJob(
            html=html,
            target=target,
            base_url=outdir.as_uri() + "/",
            stylesheets=stylesheets,
            allowed_roots=(outdir, HERE, Path(self.srcdir), Path(self.confdir)),
            source_date_epoch=int(creation_time(loaded.pack.briefing.edition_date).timestamp()),
            limit=limit,
            large_print=large_print,
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

    def _print_html(
        self, loaded: LoadedPack, edition: Edition, content: _Assembled, cobrand: Cobrand | None = None
    ) -> str:
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
            page_labels=Markup(f"{page_labels_css(_)}\n{page_references_css(_)}\n{stacked_label_css(_)}"),
            # The twin's language and title, in that language, so a reader can ask for the other.
            twin=twin.pack.briefing if twin else None,
            twin_language=language_name(twin.pack.briefing.language) if twin else "",
            cobrand=cobrand,
        )

    def finish(self) -> None:
        """No inventory, build info or search index: the PDFs are the whole output."""


def setup_pdf_builder(app: Sphinx) -> None:
    app.add_builder(BriefingPdfBuilder)
