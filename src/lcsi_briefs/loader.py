"""Find and load briefing packs: read, validate, cross-check, and report every problem at once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lcsi_briefs.model import ID_PATTERN, LoadedPack, Pack
from lcsi_briefs.problems import PackError, Problem
from lcsi_briefs.validation import reference_problems, schema_problems
from lcsi_briefs.yaml_reader import read_yaml

PACK_SUFFIXES = (".yaml", ".yml")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def find_pack_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the pack files they hold, sorted so output order is stable."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in PACK_SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


def _outside_link(path: Path) -> Problem | None:
    """A pack that is a link to a file elsewhere would make a build read outside the project."""
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        message = (
            f"this file is a link to {path.resolve()}, outside its folder; a build reads only the "
            "project's own files, so copy the pack into the folder instead"
        )
        return Problem(path, 1, 1, "", message)
    return None


def load_pack(path: Path) -> LoadedPack:
    """Load one pack file or raise PackError with every problem in it."""
    slug = path.stem
    outside = _outside_link(path)
    if outside:
        raise PackError([outside])
    problems: list[Problem] = []
    if not re.match(ID_PATTERN, slug) or _RESERVED.match(slug):
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
    problems += schema_problems(document) + reference_problems(document)
    if problems:
        raise PackError(problems)
    return LoadedPack(slug=slug, path=path, pack=Pack.model_validate(document.data))


def load_packs(paths: Iterable[Path]) -> list[LoadedPack]:
    """Load every pack under ``paths``; raise one PackError covering all files' problems."""
    files = find_pack_files(paths)
    problems: list[Problem] = []
    packs: list[LoadedPack] = []
    for path in files:
        if not path.exists():
            problems.append(Problem(path, 1, 1, "", "no such file or folder"))
            continue
        try:
            packs.append(load_pack(path))
        except PackError as error:
            problems += error.problems
    if not files and not problems:
        for path in paths:
            problems.append(Problem(path, 1, 1, "", "no briefing packs (*.yaml) found here"))
    if problems:
        raise PackError(problems)
    return packs
