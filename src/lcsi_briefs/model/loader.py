"""Find and load briefing packs: read, validate, cross-check, and report every problem at once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lcsi_briefs.files import FileState, file_state, lies_inside
from lcsi_briefs.model.fields import ID_PATTERN, is_reserved_name
from lcsi_briefs.model.font_coverage import coverage_problems
from lcsi_briefs.model.pack import LoadedPack, Pack
from lcsi_briefs.model.placeholders import placeholder_problems
from lcsi_briefs.model.problems import PackError, Problem
from lcsi_briefs.model.short_forms import short_form_problems
from lcsi_briefs.model.source_text import text_file_problems
from lcsi_briefs.model.table_fit import table_fit_problems
from lcsi_briefs.model.twins import twin_problems
from lcsi_briefs.model.validation import reference_problems, schema_problems
from lcsi_briefs.model.yaml_reader import read_yaml

PACK_SUFFIXES = (".yaml", ".yml")


def find_pack_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the pack files they hold, sorted so output order is stable.

    Subfolders are not packs. Any other entry named like a pack is kept, whatever it is (a
    dangling link, a named pipe): :func:`load_pack` says why it cannot be read, rather than
    skipping it silently.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not _outside_link(path):
            found += sorted(p for p in path.iterdir() if p.suffix in PACK_SUFFIXES and not p.is_dir())
        else:
            found.append(path)
    return found


def _outside_link(path: Path) -> Problem | None:
    """A pack (or its folder) that links elsewhere would make a build read outside the project."""
    if path.is_symlink() and not lies_inside(path, path.parent):
        kind = "folder" if path.is_dir() else "file"
        message = (
            f"this {kind} is a link to {path.resolve()}, outside its folder; a build reads only the "
            f"project's own files, so copy the {'packs' if kind == 'folder' else 'pack'} into the project instead"
        )
        return Problem(path, 1, 1, "", message)
    return None


def _not_a_file(path: Path) -> Problem | None:
    """Named like a pack but not a plain file: reading a named pipe or a device would hang or worse."""
    if path.is_symlink() and not path.exists():
        what = f"a link to {path.readlink()}, which does not exist"
    elif path.exists() and not path.is_file() and not path.is_dir():
        what = "not a plain file (a named pipe, socket or device)"
    else:
        return None
    return Problem(path, 1, 1, "", f"this is {what}; a pack must be a plain text file")


#: The pack last loaded from each file in this process, with the file's state then: one build
#: runs Sphinx twice (site, then PDFs) and checks the text as well, and each asks for the packs.
_LOADED: dict[Path, tuple[FileState, LoadedPack]] = {}


def load_pack(path: Path) -> LoadedPack:
    """Load one pack file or raise PackError with every problem in it.

    A file unchanged since this process last loaded it (same inode, size and modification time)
    is not parsed again: the loaded pack is immutable, so every stage can share it.
    """
    state = file_state(path)
    known = _LOADED.get(path)
    if state is not None and known is not None and known[0] == state:
        return known[1]
    loaded = _load_pack(path)
    if state is not None:
        _LOADED[path] = (state, loaded)
    return loaded


def _load_pack(path: Path) -> LoadedPack:
    slug = path.stem
    unreadable = _not_a_file(path) or _outside_link(path)
    if unreadable:
        raise PackError([unreadable])
    problems: list[Problem] = []
    if not re.match(ID_PATTERN, slug) or is_reserved_name(slug):
        problems.append(
            Problem(
                path,
                1,
                1,
                "",
                "the file name is used in web addresses: expected lower-case letters, digits "
                f"and hyphens before '.yaml', found {path.name!r}",
            )
        )
    try:
        document = read_yaml(path)
    except PackError as error:
        raise PackError(problems + list(error.problems)) from None
    problems += schema_problems(document) + reference_problems(document) + coverage_problems(document)
    problems += placeholder_problems(document) + text_file_problems(document)
    if problems:
        raise PackError(problems)
    pack = Pack.model_validate(document.data)
    problems = short_form_problems(pack, document) + table_fit_problems(pack, document)
    if problems:
        raise PackError(problems)
    return LoadedPack(slug=slug, path=path, pack=pack, document=document)


def load_packs(paths: Iterable[Path]) -> list[LoadedPack]:
    """Load every pack under ``paths``; raise one PackError covering all files' problems."""
    files = find_pack_files(paths)
    problems: list[Problem] = []
    packs: list[LoadedPack] = []
    for path in files:
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(path, 1, 1, "", "no such file or folder"))
            continue
        try:
            packs.append(load_pack(path))
        except PackError as error:
            problems += error.problems
    problems += twin_problems(packs)
    if not files and not problems:
        for path in paths:
            problems.append(Problem(path, 1, 1, "", "no briefing packs (*.yaml) found here"))
    if problems:
        raise PackError(problems)
    return packs
