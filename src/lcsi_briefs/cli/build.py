"""``lcsi-briefs build``: the site and every PDF, published only when everything succeeded.

Sphinx works in ``build/.work`` (kept between runs so rebuilds are incremental). Only when
both the HTML and the PDF builds pass are the results copied to ``build/html`` and
``build/pdf``, by renaming a complete new copy into place, so a failed build leaves the last
good output exactly as it was.
"""

from __future__ import annotations

import io
import logging
import shutil
import sys
from collections.abc import Callable, Iterator, Set
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import SimpleNamespace

from lcsi_briefs.cli.inputs import LANGUAGE_STAMP, build_languages, inputs_digest, language_stamps, unchanged
from lcsi_briefs.cli.member_output import member_folders, printed_members
from lcsi_briefs.cli.sitemap import merge_sitemaps
from lcsi_briefs.faults import BuildRunningError, fault_sentence, find_os_error, one_build_at_a_time
from lcsi_briefs.languages import SiteLanguages, language_key
from lcsi_briefs.layout import (
    NEWSLETTER_DIR,
    PDF_URL_DIR,
    ProjectLayout,
)
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.sphinx_ext.warnings import is_note
from lcsi_briefs.text.counts import counted


class _Quiet(io.StringIO):
    """Sphinx's status stream: its progress lines are noise to an editor, so they go nowhere."""

    def write(self, text: str) -> int:
        return len(text)


class _ShowNotes(logging.Handler):
    """Prints the package's own notes (records of type ``lcsi`` below warning level) as they come."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.addFilter(is_note)

    def emit(self, record: logging.LogRecord) -> None:
        print(record.getMessage(), flush=True)


@contextmanager
def _notes_shown() -> Iterator[None]:
    """Sphinx replaces the handlers of its own ``sphinx`` logger; ours sit on the package's logger."""
    package_logger = logging.getLogger("sphinx.lcsi_briefs")
    handler = _ShowNotes()
    package_logger.addHandler(handler)
    try:
        yield
    finally:
        package_logger.removeHandler(handler)


def _sphinx(
    layout: ProjectLayout,
    builder: str,
    outdir: Path,
    doctrees: Path | None = None,
    overrides: dict[str, object] | None = None,
    *,
    srcdir: Path | None = None,
) -> int:
    """One Sphinx build with warnings as errors; our own errors print as plain messages."""
    from sphinx import locale  # noqa: PLC0415 - a build with nothing to do never loads Sphinx
    from sphinx.application import Sphinx  # noqa: PLC0415
    from sphinx.cmd.build import handle_exception  # noqa: PLC0415
    from sphinx.errors import SphinxError  # noqa: PLC0415
    from sphinx.util.docutils import docutils_namespace, patch_docutils  # noqa: PLC0415

    # Sphinx keeps its translators for the process: a Welsh build after an English one must not
    # start from the English words (nor the English build from the Welsh ones).
    locale.translators.clear()
    app = None
    try:
        with patch_docutils(layout.root), docutils_namespace(), _notes_shown():
            app = Sphinx(
                srcdir=srcdir or layout.srcdir,
                confdir=layout.root,
                outdir=outdir,
                doctreedir=doctrees or layout.work / "doctrees",
                buildername=builder,
                status=_Quiet(),
                warning=sys.stderr,
                warningiserror=True,
                confoverrides=overrides or {},
            )
            app.build()
            return int(app.statuscode)
    except Exception as error:
        fault = find_os_error(error)
        if fault is not None:
            # A full disk or a read-only folder: the caller says so in one sentence.
            raise fault from None
        if isinstance(error, SphinxError):
            # Bad data, a failed render, a bad setting: the message says what to fix; no report needed.
            print(f"{error.category}: {error}", file=sys.stderr)
            return 1
        handle_exception(app, SimpleNamespace(pdb=False, verbosity=0, traceback=False), error)
        return 2


def _recover(target: Path) -> None:
    """Undo a publish cut short between its two renames: put the last good output back."""
    stale = target.with_name(f".{target.name}.old")
    if stale.is_dir() and not target.exists():
        stale.rename(target)


def _fresh(target: Path) -> Path:
    return target.with_name(f".{target.name}.new")


def _copytree(source: Path, target: Path) -> None:
    """``shutil.copytree``, but a failure is the first ``OSError`` itself, errno and file name kept.

    copytree gathers its failures into one ``shutil.Error`` of strings, which would lose the
    difference between a full disk and a read-only folder.
    """
    failures: list[OSError] = []

    def copy(source_file: str, target_file: str) -> object:
        try:
            return shutil.copy2(source_file, target_file)
        except OSError as error:
            failures.append(error)
            raise

    try:
        shutil.copytree(source, target, copy_function=copy)
    except shutil.Error:
        if failures:
            raise failures[0] from None
        raise


def _publish(staged: dict[Path, Callable[[Path], None]]) -> None:
    """Write a complete new copy of every output beside it, then swap them all into place.

    Everything that needs disk space happens before the first swap, so a full disk, a
    read-only folder or Ctrl+C leaves the last good output exactly as it was and no partial
    ``.<name>.new`` folder behind. The swaps are renames; one cut short is undone by
    :func:`_recover` at the start of the next build.
    """
    try:
        for target, fill in staged.items():
            _recover(target)
            for leftover in (_fresh(target), target.with_name(f".{target.name}.old")):
                shutil.rmtree(leftover, ignore_errors=True)
            fill(_fresh(target))
    except BaseException:
        for target in staged:
            shutil.rmtree(_fresh(target), ignore_errors=True)
        raise
    for target in staged:
        stale = target.with_name(f".{target.name}.old")
        if target.exists():
            target.rename(stale)
        _fresh(target).rename(target)
        shutil.rmtree(stale, ignore_errors=True)


def build_pdfs(project: Path, outdir: Path, doctrees: Path) -> int:
    """Render the PDFs from the doctrees of an HTML build, straight into ``outdir`` (for previews)."""
    layout = _layout(project.resolve())
    if layout is None:
        return 1
    try:
        return _sphinx(layout, "briefing-pdf", outdir.resolve(), doctrees.resolve())
    except OSError as error:
        print(fault_sentence(error, project.resolve()), file=sys.stderr)
        return 1


def _layout(project: Path) -> ProjectLayout | None:
    """The project's folders as its ``conf.py`` sets them; None (after saying why) if it cannot be read."""
    from sphinx.errors import ConfigError  # noqa: PLC0415

    from lcsi_briefs.cli.project import read_layout  # noqa: PLC0415

    try:
        return read_layout(project)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def build_all(project: Path, *, pdf: bool = True, strict: bool = False, shard: Shard | None = None) -> int:
    """Build the site (and the PDFs) and publish them into ``build/``; the exit status of the CLI."""
    project = project.resolve()
    if not (project / "conf.py").is_file():
        print(f"error: {project} has no conf.py; run this from the project folder or pass --project", file=sys.stderr)
        return 2
    layout = _layout(project)
    if layout is None:
        return 1
    try:
        with one_build_at_a_time(project, layout.lock):
            return _build(layout, pdf=pdf, strict=strict, shard=shard or Shard())
    except BuildRunningError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(fault_sentence(error, project), file=sys.stderr)
        return 1


def _sphinx_builds(
    layout: ProjectLayout,
    languages: SiteLanguages,
    builder: str,
    overrides: dict[str, object],
    skip: Set[str] = frozenset(),
) -> int:
    """One Sphinx build per language of the site (one in all, for a site in one language)."""
    for key in languages.keys or (language_key(layout.language),):
        if key in skip:
            continue
        work = layout.language_work(key, languages)
        settings = {**overrides, "lcsi_briefs_site_languages": languages.keys}
        if languages.prefix(key):
            settings["language"] = key
        outdir = work / ("html" if builder == "html" else "pdf")
        srcdir = layout.language_srcdir(key, languages)
        status = _sphinx(layout, builder, outdir, work / "doctrees", settings, srcdir=srcdir)
        if status != 0:
            return status
    return 0


def _staged(
    layout: ProjectLayout, languages: SiteLanguages, *, pdf: bool, site: bool
) -> tuple[dict[Path, Callable[[Path], None]], list[str]]:
    """How to fill each published folder: every language's site in one ``html`` (each other one
    in its folder), the PDFs and emails of every language in one folder each, and the members'
    folders; and the members this build printed.

    A shard other than the first publishes only its members' folders: the first publishes the
    site, the publisher's PDFs and the emails, so the shards' ``build/`` folders merge by copying.
    """
    html_work = layout.work / "html"
    others = [key for key in languages.keys if languages.prefix(key)]
    works = [layout.work] + [layout.language_work(key, languages) for key in others]
    pdfs = sorted(path for folder in works for path in (folder / "pdf").glob("*.pdf")) if pdf else []
    if pdf:
        # Each language's site links its own PDFs, from its own pdf/ folder.
        for folder in works:
            pdf_url_dir = folder / "html" / PDF_URL_DIR
            shutil.rmtree(pdf_url_dir, ignore_errors=True)
            pdf_url_dir.mkdir(parents=True)
            for path in sorted((folder / "pdf").glob("*.pdf")):
                shutil.copy2(path, pdf_url_dir / path.name)

    def html_folder(fresh: Path) -> None:
        _copytree(html_work, fresh)
        for key in others:
            _copytree(layout.language_work(key, languages) / "html", fresh / languages.prefix(key))
        merge_sitemaps(fresh, [languages.prefix(key) for key in others])

    def pdf_folder(fresh: Path) -> None:
        fresh.mkdir(parents=True)
        for path in pdfs:
            shutil.copy2(path, fresh / path.name)
        # Preflight's findings for every language's PDFs, in one report (what `preflight` reads).
        from lcsi_briefs.pdf.preflight.report import read_reports, write_report  # noqa: PLC0415 - see _build

        write_report(fresh, read_reports(folder / "pdf" for folder in works) or {})

    def newsletter_folder(fresh: Path) -> None:
        fresh.mkdir(parents=True)
        for folder in works:
            for path in sorted((folder / "html" / NEWSLETTER_DIR).glob("*")):
                if path.is_file():
                    shutil.copy2(path, fresh / path.name)

    staged: dict[Path, Callable[[Path], None]] = {}
    if site:
        staged[layout.html] = html_folder
        if pdf:
            staged[layout.pdf] = pdf_folder
        if any((folder / "html" / NEWSLETTER_DIR).is_dir() for folder in works):
            staged[layout.newsletter] = newsletter_folder
    pdf_works = [folder / "pdf" for folder in works]
    members = printed_members(pdf_works) if pdf else []
    if members:
        staged[layout.members] = partial(member_folders, pdf_works, members)
    return staged, members


def _build(layout: ProjectLayout, *, pdf: bool, strict: bool, shard: Shard) -> int:
    for published in layout.published:
        _recover(published)
    digest = inputs_digest(layout, pdf=pdf, strict=strict, shard=shard)
    stamp = layout.stamp
    site = shard.publishes_site
    outputs = [layout.html / "index.html", *([layout.pdf] if pdf else [])] if site else []
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == digest and all(p.exists() for p in outputs):
        print("Nothing has changed since the last build: build/ is up to date.")
        return 0
    stamp.unlink(missing_ok=True)
    languages = build_languages(layout)
    stamps = language_stamps(layout, languages, pdf=pdf, strict=strict, shard=shard)
    skip = {key for key, value in stamps.items() if unchanged(layout, languages, key, value, pdf=pdf)}
    for key in stamps:
        (layout.language_work(key, languages) / LANGUAGE_STAMP).unlink(missing_ok=True)
    overrides: dict[str, object] = {"lcsi_briefs_strict": strict, "lcsi_briefs_pdf_build": pdf}
    overrides["lcsi_briefs_shard"] = "" if shard.whole else str(shard)
    status = 0
    # A shard after the first publishes no site: it goes straight to its members' PDFs.
    if site or not pdf:
        print("Building the site...")
        status = _sphinx_builds(layout, languages, "html", overrides, skip)
    if status == 0 and pdf:
        print("Rendering the PDFs...")
        status = _sphinx_builds(layout, languages, "briefing-pdf", overrides, skip)
    if status != 0:
        print("Build failed: nothing in build/html or build/pdf was changed.", file=sys.stderr)
        return 1
    staged, members = _staged(layout, languages, pdf=pdf, site=site)
    _publish(staged)
    if pdf and not members:
        shutil.rmtree(layout.members, ignore_errors=True)
    try:
        stamp.write_text(digest, encoding="utf-8")
        for key, value in stamps.items():
            (layout.language_work(key, languages) / LANGUAGE_STAMP).write_text(value, encoding="utf-8")
    except OSError:
        stamp.unlink(missing_ok=True)  # without the stamp the next build simply runs in full
    if site:
        print(f"Site: {layout.html / 'index.html'}")
        if pdf:
            # Imported only here: it loads the pack's pages, which a build with nothing to do never needs.
            from lcsi_briefs.pdf.preflight.report import read_report, summary  # noqa: PLC0415

            print(f"PDFs: {layout.pdf}")
            print(summary(read_report(layout.pdf) or {}))
        print(f"Newsletter emails: {layout.newsletter}")
    if members:
        from lcsi_briefs.pdf.preflight.report import read_member_reports, summary  # noqa: PLC0415

        print(f"Member editions ({counted(len(members), 'member')}): {layout.members}")
        print(summary(read_member_reports(layout.members), "members'"))
    return 0
