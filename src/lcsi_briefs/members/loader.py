"""Find and load member files, and the publisher's: every problem in one pass, as packs are.

Member files are read with the packs' YAML reader (positions kept, every scalar a string)
and reported with the packs' problems, so ``members/cvs-leeds.yaml:7:12: colours.primary: …``
reads like any pack message. A member may name only packs and audiences that exist, and its
logo must pass :mod:`lcsi_briefs.members.logo`. A brand colour too light to read on white is
not an error: it is printed darker, and a warning names the member (or the publisher) and the
colour (``--strict`` makes it fail).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lcsi_briefs.members.logo import logo_problem
from lcsi_briefs.members.logo_path import LOGO_FIELD, named_logo
from lcsi_briefs.members.model import Colours, Identity, LoadedMember, LoadedPublisher, Member, Publisher
from lcsi_briefs.model.colour import GRAPHIC_CONTRAST, TEXT_CONTRAST, WHITE, contrast, readable
from lcsi_briefs.model.fields import ID_PATTERN
from lcsi_briefs.model.loader import find_pack_files
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import PackError, Problem, Severity
from lcsi_briefs.model.validation import check_references, model_problems
from lcsi_briefs.model.yaml_reader import Document, read_yaml

#: What an empty member or publisher file should have held.
MEMBER_FILE = "a member file: name, logo, colours and contact"
PUBLISHER_FILE = "the publisher's file: name, logo, colours and contact"
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def _gate(
    document: Document, name: str, key: str, colour: str, *, minimum: float, use: str
) -> tuple[str, list[Problem]]:
    """The colour as printed, and a warning when it had to be darkened to reach ``minimum``."""
    shade = readable(colour, WHITE, minimum)
    if shade == colour:
        return colour, []
    message = (
        f"{name}'s {key} colour {colour} has a contrast of {contrast(colour, WHITE):.1f}:1 on the white page, "
        f"under the {minimum:g}:1 {use} needs; it is printed as {shade}, the nearest darker shade that reaches it"
    )
    line, column = document.position(("colours", key))
    return shade, [Problem(document.path, line, column, f"colours.{key}", message, Severity.WARNING)]


def _colours(document: Document, name: str, colours: Colours | None) -> tuple[str, str, list[Problem]]:
    """The primary and accent as printed ("" when there are none), and a warning for each darkened.

    The one gate for members and the publisher alike: the primary is text, the accent (the
    primary when left out) a graphic.
    """
    if colours is None:
        return "", "", []
    primary, warnings = _gate(document, name, "primary", colours.primary, minimum=TEXT_CONTRAST, use="text")
    accent, more = _gate(document, name, "accent", colours.accent or primary, minimum=GRAPHIC_CONTRAST, use="a graphic")
    return primary, accent, warnings + (more if colours.accent else [])


def _subset_problems(document: Document, packs: list[LoadedPack]) -> list[Problem]:
    """A member's ``packs`` and ``audiences`` must name what exists."""
    data = document.data if isinstance(document.data, dict) else {}
    slugs = {loaded.slug for loaded in packs}
    chosen = data.get("packs") if isinstance(data.get("packs"), list) else None
    # An unknown pack is reported as such; its audiences are not then reported as unknown too.
    in_reach = [loaded for loaded in packs if chosen is None or loaded.slug in chosen] or packs
    audiences = {audience.id for loaded in in_reach for audience in loaded.pack.audiences}
    problems = list(check_references(document, ("packs",), chosen, slugs, "briefing")) if chosen else []
    if isinstance(data.get("audiences"), list):
        problems += check_references(document, ("audiences",), data["audiences"], audiences, "audience")
    return problems


def _named_logo_problems(document: Document, folder: Path, problems: list[Problem]) -> list[Problem]:
    """The logo's problem, when the file names one, beside the file's other problems (one pass)."""
    named = named_logo(document.data)
    if named is None or any(problem.field.startswith(LOGO_FIELD[0]) for problem in problems):
        return []
    problem = logo_problem(folder / named, folder)
    return [document.problem(LOGO_FIELD, problem)] if problem else []


def _logo(document: Document, identity: Identity, folder: Path) -> tuple[Path | None, list[Problem]]:
    if identity.logo is None:
        return None, []
    path = folder / identity.logo.path
    problem = logo_problem(path, folder)
    return path, [document.problem(LOGO_FIELD, problem)] if problem else []


def load_member(path: Path, packs: list[LoadedPack]) -> tuple[LoadedMember, list[Problem]]:
    """One member file and its warnings, or PackError with every problem in it."""
    problems: list[Problem] = []
    if not re.match(ID_PATTERN, path.stem) or _RESERVED.match(path.stem):
        message = (
            "the file name names the member's folder: expected lower-case letters, digits and hyphens, "
            f"found {path.name!r}"
        )
        problems.append(Problem(path, 1, 1, "", message))
    try:
        document = read_yaml(path, MEMBER_FILE)
    except PackError as error:
        raise PackError(problems + list(error.problems)) from None
    problems += model_problems(Member, document) + _subset_problems(document, packs)
    if problems:
        raise PackError(problems + _named_logo_problems(document, path.parent, problems))
    member = Member.model_validate(document.data)
    logo, logo_problems = _logo(document, member, path.parent)
    if logo is None or logo_problems:
        raise PackError(logo_problems)
    primary, accent, warnings = _colours(document, member.name, member.colours)
    return LoadedMember(path.stem, path, member, logo, primary, accent), warnings


def load_members(folder: Path, packs: list[LoadedPack]) -> tuple[list[LoadedMember], list[Problem]]:
    """Every member in ``folder`` (none when there is no such folder) and their warnings.

    Raises one PackError listing every problem of every member file.
    """
    if not folder.is_dir():
        return [], []
    members: list[LoadedMember] = []
    warnings: list[Problem] = []
    problems: list[Problem] = []
    for path in find_pack_files([folder]):
        try:
            member, warned = load_member(path, packs)
        except PackError as error:
            problems += error.problems
            continue
        members.append(member)
        warnings += warned
    if problems:
        raise PackError(problems + warnings)
    return members, warnings


def load_publisher(path: Path) -> tuple[LoadedPublisher | None, list[Problem]]:
    """The publisher's own file (None when the project has none) and its warnings; PackError if it is wrong.

    Checked as a member's file is, its colours through the same gate, whether or not the
    project has members: the publisher's own editions print its logo, colours and contact.
    """
    if not path.is_file():
        return None, []
    document = read_yaml(path, PUBLISHER_FILE)
    problems = model_problems(Publisher, document)
    if problems:
        raise PackError(problems + _named_logo_problems(document, path.parent, problems))
    publisher = Publisher.model_validate(document.data)
    logo, logo_problems = _logo(document, publisher, path.parent)
    if logo_problems:
        raise PackError(logo_problems)
    primary, accent, warnings = _colours(document, publisher.name, publisher.colours)
    return LoadedPublisher(path, publisher, logo, primary, accent), warnings


def member_files(folder: Path) -> Iterable[Path]:
    """The files a member build reads: for the build's digest of its inputs."""
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def publisher_name_problems(publisher: LoadedPublisher | None, packs: list[LoadedPack]) -> list[Problem]:
    """A pack naming another publisher than the publisher's file: its own editions print the
    pack's name, members' copies ("Published by …") the file's, so say where they differ."""
    if publisher is None:
        return []
    name = publisher.publisher.name
    problems = []
    for loaded in packs:
        if loaded.pack.briefing.publisher != name:
            line, column = loaded.position(("briefing", "publisher"))
            message = (
                f"the publisher's file names the publisher {name!r}, which members' copies print; "
                "this pack's own editions print this name: write the same name in both"
            )
            problems.append(Problem(loaded.path, line, column, "briefing.publisher", message, Severity.WARNING))
    return problems
