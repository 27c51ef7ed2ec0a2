"""What a build reads: the digest that lets a build with nothing changed stop at once, and the
languages the site is built in, each skipped when nothing of its own changed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml

from lcsi_briefs.files import lies_inside
from lcsi_briefs.languages import SiteLanguages, is_language_key, site_languages
from lcsi_briefs.layout import ProjectLayout, shown_folder
from lcsi_briefs.members.logo_path import named_logo
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.text.catalogue import PROJECT_LOCALE_DIR

#: Environment variables that change what a build writes (conf.py reads the site URL ones).
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "LCSI_BRIEFS_SITE_URL", "READTHEDOCS_CANONICAL_URL")
#: Packages whose version changes what a build writes.
#: Beside each language's build, the digest of what it read at its last good build.
LANGUAGE_STAMP = "language.sha256"
TOOLS = ("lcsi-briefs", "sphinx", "myst-parser", "sphinx-design", "furo", "weasyprint", "docutils")


def publisher_files(path: Path) -> list[Path]:
    """The publisher's file and the logo it names, when they exist: both print on its editions.

    Read as plain YAML, not through the models (a build with nothing to do never loads them);
    a file too broken to name a logo counts by its own bytes, and the build then reports it.
    """
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return [path]
    named = named_logo(data)
    logo = path.parent / named if named is not None else None
    if logo is None or not logo.is_file() or not lies_inside(logo, path.parent):
        return [path]
    return [path, logo.resolve()]


def read_folders(layout: ProjectLayout) -> tuple[list[Path], list[Path]]:
    """The folders a build reads: those whose every file it reads (the pages, the packs, the
    members' files, this package), and those ``conf.py`` names besides (templates, static files,
    translations) with the project's own catalogue, which every language's build reads.

    One list for the digest that lets an unchanged build stop at once and for the preview's
    watcher, so a file one of them counts is never missed by the other. A named folder counts
    inside the project only: one outside it (``../shared/_templates``) is not the project's to
    watch, and the project root itself would be every file at once.
    """
    project = layout.root
    named = [project / folder for folder in (*layout.conf_dirs, PROJECT_LOCALE_DIR)]
    shared = [folder for folder in named if folder.resolve() != project.resolve() and lies_inside(folder, project)]
    return [layout.srcdir, layout.packs, layout.member_files, Path(__file__).parent.parent], shared


def loose_files(layout: ProjectLayout) -> list[Path]:
    """The files a build reads that lie in no folder it reads whole: ``conf.py``, the publisher's."""
    return [layout.root / "conf.py", *publisher_files(layout.publisher_file)]


def written_by_a_build(layout: ProjectLayout, path: Path) -> bool:
    """Whether ``path``, in a folder a build reads, is one the build writes there itself (generated
    pages, bytecode, a .mo compiled from its .po): never an input, never a reason to rebuild."""
    return layout.is_generated(path) or "__pycache__" in path.parts or path.suffix == ".mo"


def _read_files(layout: ProjectLayout, folder: Path) -> list[Path]:
    """The files under ``folder`` a build reads."""
    if not folder.is_dir():
        return []
    return [path for path in folder.rglob("*") if path.is_file() and not written_by_a_build(layout, path)]


def inputs_digest(
    layout: ProjectLayout,
    *,
    pdf: bool,
    strict: bool = False,
    pages: Callable[[Path], bool] | None = None,
    shard: Shard | None = None,
) -> str:
    """A digest of everything a build reads: data, pages, settings, this package, tool versions.

    When it matches the last successful build, the outputs are already what a build would
    write, so ``build`` can stop at once without starting Sphinx. ``pages`` narrows the
    hand-written pages whose text counts to one language's (every page's name still counts:
    the language switch links the same page in each language when it exists).
    """
    digest = hashlib.sha256(f"pdf={pdf} strict={strict} shard={shard or Shard()}".encode())
    for variable in ENVIRONMENT:
        digest.update(f"{variable}={os.environ.get(variable, '')}".encode())
    for tool in TOOLS:
        try:
            digest.update(f"{tool}={version(tool)}".encode())
        except PackageNotFoundError:
            digest.update(f"{tool}=none".encode())
    project = layout.root
    # The member files exist only in projects that print member editions, the publisher's where it is set.
    folders, named = read_folders(layout)
    shared = {path for folder in named for path in _read_files(layout, folder)}
    files = [*loose_files(layout), *shared]
    files += [path for folder in folders for path in _read_files(layout, folder)]
    for path in sorted(set(files)):
        digest.update(str(path.relative_to(project) if path.is_relative_to(project) else path.name).encode())
        if pages is None or path in shared or not path.is_relative_to(layout.srcdir) or pages(path):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_languages(layout: ProjectLayout) -> SiteLanguages:
    """The languages the site is built in; one build when the packs cannot be read (it says why)."""
    from lcsi_briefs.model.loader import load_packs  # noqa: PLC0415
    from lcsi_briefs.model.problems import PackError  # noqa: PLC0415

    folders = [path.name for path in layout.srcdir.iterdir() if path.is_dir() and is_language_key(path.name)]
    if not folders:
        return SiteLanguages()
    try:
        packs = load_packs([shown_folder(layout.root, layout.packs_dir)])
    except PackError:
        return SiteLanguages()  # the build itself lists the problems
    tags = [loaded.pack.briefing.language for loaded in packs]
    return site_languages(layout.language, tags, lambda key: (layout.srcdir / key / "index.md").is_file())


def _language_pages(layout: ProjectLayout, languages: SiteLanguages, key: str) -> Callable[[Path], bool]:
    """Whether a hand-written page is one of ``key``'s (``docs/cy/…`` for Welsh; the rest for the root)."""
    own = layout.language_srcdir(key, languages)
    others = [layout.language_srcdir(k, languages) for k in languages.keys if k != key]
    return lambda path: (
        path.is_relative_to(own)
        and not any(path.is_relative_to(other) for other in others if other != own and other.is_relative_to(own))
    )


def language_stamps(
    layout: ProjectLayout, languages: SiteLanguages, *, pdf: bool, strict: bool, shard: Shard | None = None
) -> dict[str, str]:
    """Per language of a site in several, a digest of what its build reads: a language whose
    pages and packs are as they were at its last good build is not built again."""
    if not languages.split:
        return {}
    return {
        key: inputs_digest(layout, pdf=pdf, strict=strict, pages=_language_pages(layout, languages, key), shard=shard)
        for key in languages.keys
    }


def unchanged(layout: ProjectLayout, languages: SiteLanguages, key: str, digest: str | None, *, pdf: bool) -> bool:
    work = layout.language_work(key, languages)
    stamp, outputs = work / LANGUAGE_STAMP, [work / "html" / "index.html"] + ([work / "pdf"] if pdf else [])
    return (
        bool(digest)
        and stamp.is_file()
        and stamp.read_text(encoding="utf-8") == digest
        and all(path.exists() for path in outputs)
    )
