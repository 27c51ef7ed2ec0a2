"""Where everything built from the briefing packs lives: docnames, labels, file names, folders.

One pure module (no Sphinx import) that every output asks, so a rule is known in one place:
the pages, the PDF assembly, the editions, the newsletter, the build, the preview and the CLI
never format these names themselves. A test pins each rule once (``tests/test_layout.py``).

Labels are built only from a pack's slug and the ids of its data, which validation keeps
unique, never from titles: two audiences may share an implication title, and a printed
edition that inlines both pages still has one anchor per heading.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lcsi_briefs.languages import SiteLanguages, is_language_key

if TYPE_CHECKING:
    from lcsi_briefs.model.pack import Pack

#: The folder beside ``conf.py`` that holds the published output and the build's work.
BUILD_DIR = "build"
#: Inside the generated pages folder: fragments included by hand-written pages.
INCLUDES_DIR = "_includes"
#: Where the site keeps its copy of the PDFs, relative to the site root.
PDF_URL_DIR = "pdf"
#: The site folder of the charts' and tables' data files (CSV).
DATA_URL_DIR = "data"
#: Where the newsletter files are written, in the HTML output and in ``build/``.
NEWSLETTER_DIR = "newsletter"
#: The label of the site's glossary, which lists each pack's terms under its title.
GLOSSARY_LABEL = "lcsi-glossary"
#: The suffix of a large-print twin's file name.
LARGE_PRINT = "large-print"
#: The suffix of an audience's one-sheet brief.
BRIEF = "brief"
MEMBERS_DIR = "members"  # each member's editions, in build/ and in the PDF build's work folder
MEMBERS_PRINTED = ".lcsi-members.json"  # the members a PDF build printed (a shard prints some)
#: The kinds of file each newsletter edition is written as.
NEWSLETTER_SUFFIXES = (".html", ".txt", ".eml")


@dataclass(frozen=True)
class ProjectLayout:
    """The folders of one project, from the settings in its ``conf.py``.

    ``root`` holds ``conf.py``; ``packs_dir`` is relative to it and ``pages_dir`` to the
    source folder, exactly as the extension reads them.
    """

    root: Path
    packs_dir: str = "briefings"
    pages_dir: str = "briefing"
    source_dir: str = "docs"
    #: The site's language (``language`` in ``conf.py``): the language of the site's root.
    language: str = "en"
    members_dir: str = "members"
    #: Other folders ``conf.py`` names for a build to read, relative to ``root``: its templates,
    #: static and extra files, and translations.
    conf_dirs: tuple[str, ...] = ()

    @property
    def srcdir(self) -> Path:
        return self.root / self.source_dir

    @property
    def packs(self) -> Path:
        return self.root / self.packs_dir

    @property
    def member_files(self) -> Path:  # members/<id>.yaml and their logos
        return self.root / self.members_dir

    @property
    def publisher_file(self) -> Path:  # the publisher's name, logo, colours and contact
        return self.root / "publisher.yaml"

    @property
    def generated(self) -> Path:
        """The git-ignored folder of generated pages, rewritten by every build."""
        return self.srcdir / self.pages_dir

    @property
    def build(self) -> Path:
        return self.root / BUILD_DIR

    @property
    def work(self) -> Path:
        """Where Sphinx works; kept between runs so rebuilds are incremental."""
        return self.build / ".work"

    @property
    def stamp(self) -> Path:
        """The digest of the inputs of the last successful build."""
        return self.work / "inputs.sha256"

    @property
    def lock(self) -> Path:
        """Held for the whole of a build, so a second build of the same project says so and stops."""
        return self.work / "build.lock"

    @property
    def html(self) -> Path:
        return self.build / "html"

    @property
    def pdf(self) -> Path:
        return self.build / "pdf"

    @property
    def newsletter(self) -> Path:
        return self.build / NEWSLETTER_DIR

    @property
    def members(self) -> Path:  # each member's editions, index and zip, one folder per member
        return self.build / MEMBERS_DIR

    @property
    def preview(self) -> Path:
        return self.build / "preview"

    @property
    def preview_work(self) -> Path:
        """The preview's doctrees and render state: beside the folder it serves, never inside it."""
        return self.build / ".preview-work"

    @property
    def published(self) -> tuple[Path, ...]:
        """Every folder a build publishes, each swapped into place whole."""
        return (self.html, self.pdf, self.newsletter, self.members)

    def language_srcdir(self, key: str, languages: SiteLanguages) -> Path:
        """The hand-written pages of one language's site: ``docs/`` for the first, ``docs/<key>/`` for others."""
        return self.srcdir / languages.prefix(key) if languages.prefix(key) else self.srcdir

    def language_work(self, key: str, languages: SiteLanguages) -> Path:
        """Where Sphinx builds one language's site (``html``, ``doctrees``, ``pdf`` inside it)."""
        return self.work / languages.prefix(key) if languages.prefix(key) else self.work

    def is_generated(self, path: Path) -> bool:
        """Whether ``path`` is in a generated pages folder: ``docs/briefing/`` or ``docs/<key>/briefing/``."""
        try:
            parts = path.relative_to(self.srcdir).parts
        except ValueError:
            return False
        in_language = len(parts) > 1 and parts[1] == self.pages_dir and is_language_key(parts[0])
        return parts[:1] == (self.pages_dir,) or in_language


def shown_folder(root: Path, folder: str) -> Path:
    """``folder`` (relative to ``root``) as messages show it: relative to the working folder
    when inside it (``briefings/x.yaml``). Every stage names a pack file by this one path, so
    the loader's cache parses it once per build, and every message names it the same way.

    Normalised without following links, so a folder that links out of the project is seen.
    """
    path = Path(os.path.normpath(root.absolute() / folder))
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def series_docname(pages_dir: str, name: str) -> str:
    """A generated page shared by the whole series (``glossary``)."""
    return f"{pages_dir}/{name}"


def glossary_docname(pages_dir: str) -> str:
    return series_docname(pages_dir, "glossary")


#: Generated files that are not pages of a pack, relative to the generated folder.
SERIES_FILE = f"{INCLUDES_DIR}/series.md"
REFERENCE_FILE = f"{INCLUDES_DIR}/data-reference.md"
COVERAGE_FILE = f"{INCLUDES_DIR}/coverage.md"
GLOSSARY_FILE = "glossary.md"


def _term_key(term: str) -> str:
    """An ASCII label part for a term: "VCSE" → "vcse"; a term with no ASCII letters, a hash."""
    ascii_text = unicodedata.normalize("NFKD", term.casefold()).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40].strip("-")
    return key or hashlib.sha256(term.encode("utf-8")).hexdigest()[:10]


def page_of_pack(docname: str, pages_dir: str) -> tuple[str, list[str]] | None:
    """The pack a page is one of, and the page within it: ``briefing/lcsi-2025/audiences/funders``
    is ("lcsi-2025", ["audiences", "funders"]); None for the site's own pages."""
    parts = docname.split("/")
    return (parts[1], parts[2:]) if len(parts) >= 3 and parts[0] == pages_dir else None


class PackLayout:
    """The names of everything built from one pack, whose file name gives ``slug``."""

    def __init__(self, slug: str, pages_dir: str = "briefing") -> None:
        self.slug = slug
        self.pages_dir = pages_dir

    # Pages: paths relative to the generated folder, and docnames relative to the source folder.

    @property
    def folder(self) -> str:
        return self.slug

    def overview_file(self) -> str:
        return f"{self.slug}/index.md"

    def sources_file(self) -> str:
        return f"{self.slug}/sources.md"

    def audience_file(self, audience_id: str) -> str:
        return f"{self.slug}/audiences/{audience_id}.md"

    def glossary_file(self) -> str:
        """The pack's own glossary page (written only when the pack defines terms)."""
        return f"{self.slug}/glossary.md"

    def page_file(self, name: str) -> str:
        """Another file of the pack's folder (its diagram, say)."""
        return f"{self.slug}/{name}"

    @staticmethod
    def _docname(file: str) -> str:
        return file.removesuffix(".md")

    def overview_doc(self) -> str:
        return f"{self.pages_dir}/{self._docname(self.overview_file())}"

    def sources_doc(self) -> str:
        return f"{self.pages_dir}/{self._docname(self.sources_file())}"

    def audience_doc(self, audience_id: str) -> str:
        return f"{self.pages_dir}/{self._docname(self.audience_file(audience_id))}"

    def glossary_doc(self) -> str:
        return f"{self.pages_dir}/{self._docname(self.glossary_file())}"

    def toc_entries(self, audience_ids: list[str], *, glossary: bool = False) -> list[str]:
        """The overview's toctree: its audience pages, sources and own glossary, relative to the overview."""
        here = f"{self.slug}/"
        files = [self.audience_file(a) for a in audience_ids] + [self.sources_file()]
        files += [self.glossary_file()] if glossary else []
        return [self._docname(file).removeprefix(here) for file in files]

    # Labels (also the HTML ids of the sections they mark).

    def overview(self) -> str:
        return self.slug

    def findings(self) -> str:
        return f"{self.slug}-findings"

    def finding(self, finding_id: str) -> str:
        return f"{self.slug}-finding-{finding_id}"

    def functions(self) -> str:
        return f"{self.slug}-functions"

    def function(self, function_id: str) -> str:
        return f"{self.slug}-function-{function_id}"

    def pathways(self) -> str:
        return f"{self.slug}-pathways"

    def pathway(self, pathway_id: str) -> str:
        return f"{self.slug}-pathway-{pathway_id}"

    def audiences(self) -> str:
        return f"{self.slug}-audiences"

    def audience(self, audience_id: str) -> str:
        return f"{self.slug}-audience-{audience_id}"

    def implication(self, audience_id: str, number: int) -> str:
        return f"{self.slug}-audience-{audience_id}-{number}"

    def sources(self) -> str:
        return f"{self.slug}-sources"

    def source(self, source_id: str) -> str:
        return f"{self.slug}-source-{source_id}"

    def glossary(self) -> str:
        """The pack's own glossary page."""
        return f"{self.slug}-glossary"

    def term_labels(self, pack: Pack) -> dict[str, str]:
        """Each of the pack's terms (as written) and the label of its definition, unique in the pack.

        Terms belong to their pack: two packs may define the same term, each its own way.
        """
        labels: dict[str, str] = {}
        for entry in pack.glossary:
            label = f"{self.slug}-term-{_term_key(entry.term)}"
            while label in labels.values():
                label += "-x"
            labels[entry.term] = label
        return labels

    def labels(self, pack: Pack) -> set[str]:
        """Every label the pack's pages define: the only ids a printed section needs."""
        found = {self.overview(), self.findings(), self.functions(), self.pathways(), self.audiences()}
        found.add(self.sources())
        found |= {self.glossary()} if pack.glossary else set()
        found |= set(self.term_labels(pack).values())
        found |= {self.finding(f.id) for f in pack.findings}
        found |= {self.function(f.id) for f in pack.functions}
        found |= {self.pathway(p.id) for p in pack.pathways}
        found |= {self.source(s.id) for s in pack.sources}
        for audience in pack.audiences:
            found.add(self.audience(audience.id))
            found |= {self.implication(audience.id, n) for n in range(1, len(audience.implications) + 1)}
        return found

    # Sections that only the printed editions have.

    def findings_detail(self) -> str:
        return f"{self.slug}-findings-detail"

    # Output files.

    def edition_stem(self, audience_id: str | None = None) -> str:
        """The name shared by an edition's PDF and its newsletter files."""
        return self.slug if audience_id is None else f"{self.slug}--{audience_id}"

    def pdf_name(self, audience_id: str | None = None, *, large_print: bool = False, brief: bool = False) -> str:
        """``lcsi-2025.pdf``, ``lcsi-2025--funders--large-print.pdf``, ``lcsi-2025--funders--brief.pdf``."""
        if brief and audience_id is None:
            raise ValueError("only an audience has a one-sheet brief")
        parts = [self.edition_stem(audience_id)]
        parts += [BRIEF] if brief else []
        parts += [LARGE_PRINT] if large_print else []
        return "--".join(parts) + ".pdf"

    def data_file(self, finding_id: str, kind: str, number: int) -> str:
        """A chart's or table's data file in the site's data folder: ``lcsi-2025--costs--chart-1.csv``.

        Named from the pack, the finding and the chart's place in it, so its address stays put
        while the finding keeps its id, whatever the chart's title becomes.
        """
        return f"{self.slug}--{finding_id}--{kind}-{number}.csv"

    def newsletter_files(self, audience_id: str | None = None) -> list[str]:
        stem = self.edition_stem(audience_id)
        return [stem + suffix for suffix in NEWSLETTER_SUFFIXES]


def edition_of_copy(place: str) -> str | None:
    """The edition (its file's name) a member's copy at ``place`` (``members/<id>/<file>``) in the
    PDF folder is of; None for the publisher's own, which lie at the folder's top."""
    folder, _, name = place.rpartition("/")
    return name if folder.startswith(f"{MEMBERS_DIR}/") else None


@dataclass(frozen=True)
class MemberLayout:
    """One member's folder (``build/members/<id>/``): its editions' copies, index and zip."""

    member_id: str
    index = "index.html"
    #: What one language's PDF build printed for the member (see ``members.share.Shared``),
    #: beside the copies in that build's work folder; read when the folder is published.
    listing = ".lcsi-listing.json"

    @property
    def folder(self) -> str:
        return f"{MEMBERS_DIR}/{self.member_id}"

    @property
    def zip_name(self) -> str:
        return f"{self.member_id}-briefings.zip"
