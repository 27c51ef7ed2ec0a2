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


def find_pack_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the pack files they hold, sorted so output order is stable."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in PACK_SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


def load_pack(path: Path) -> LoadedPack:
    """Load one pack file or raise PackError with every problem in it."""
    slug = path.stem
    problems: list[Problem] = []
    if not re.match(ID_PATTERN, slug):
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
