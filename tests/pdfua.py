"""PDF/UA-1 checks that walk a PDF's structure tree, for any test that writes a PDF.

veraPDF (the reference PDF/UA validator) is Java and is not available offline here, so these
checks are the gate. Each function returns a list of problems, one readable line each, named
after the Matterhorn / veraPDF rule it stands for, so a failing test says what broke and where;
``pdfua_problems`` runs them all. Pass an open ``pikepdf.Pdf``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from . import contentstream

#: Roles a list item may hold (ISO 32000-1, 14.8.4.3.3; veraPDF 7.2-20 and 7.2-21).
LIST_ITEM_KIDS = {"/Lbl", "/LBody"}
#: Roles a list may hold (veraPDF 7.2-17).
LIST_KIDS = {"/LI", "/Caption", "/L"}
_HEADING = re.compile(r"^/H([1-6])$")


@dataclass(frozen=True)
class Element:
    """One structure element met while walking the tree, with its role and its ancestors' roles."""

    node: pikepdf.Dictionary
    role: str
    ancestors: tuple[str, ...]


def _kids(node: pikepdf.Dictionary) -> list[pikepdf.Object]:
    kids = node.get("/K")
    if kids is None:
        return []
    if isinstance(kids, pikepdf.Array):
        return list(kids)
    return [kids]


def _is_element(kid: pikepdf.Object) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and "/S" in kid and kid.get("/Type") not in ("/MCR", "/OBJR")


def elements(pdf: pikepdf.Pdf) -> Iterator[Element]:
    """Every structure element reachable from the root, in document (reading) order."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return

    def walk(node: pikepdf.Dictionary, ancestors: tuple[str, ...]) -> Iterator[Element]:
        for kid in _kids(node):
            if _is_element(kid):
                role = str(kid["/S"])
                yield Element(kid, role, ancestors)
                yield from walk(kid, (*ancestors, role))

    yield from walk(root, ())


def element_roles(element: Element) -> list[str]:
    """The roles of an element's child elements, in order."""
    return [str(kid["/S"]) for kid in _kids(element.node) if _is_element(kid)]


def _reachable(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    return {element.node.objgen for element in elements(pdf)}


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return {}
    return {int(key): value for key, value in pikepdf.NumberTree(root.ParentTree).items()}


def catalog_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Language, a title shown as the window title, tagged, and PDF/UA-1 named in the XMP."""
    problems = []
    if not str(pdf.Root.get("/Lang", "")).strip():
        problems.append("7.2-34: catalog has no /Lang")
    preferences = pdf.Root.get("/ViewerPreferences", {})
    if not bool(preferences.get("/DisplayDocTitle", False)):
        problems.append("7.1-10: /ViewerPreferences /DisplayDocTitle is not true")
    if not bool(pdf.Root.get("/MarkInfo", {}).get("/Marked", False)):
        problems.append("7.1-11: /MarkInfo /Marked is not true")
    if "/StructTreeRoot" not in pdf.Root:
        problems.append("7.1-11: no structure tree")
    with pdf.open_metadata() as xmp:
        if str(xmp.get("pdfuaid:part", "")) != "1":
            problems.append("5-1: XMP metadata does not identify the file as PDF/UA-1 (pdfuaid:part)")
        if not str(xmp.get("dc:title", "")).strip():
            problems.append("7.1-8: XMP metadata has no dc:title")
    return problems


def list_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Every LI holds only Lbl and LBody, at least one LBody; every L holds list items."""
    problems = []
    for element in elements(pdf):
        kids = element_roles(element)
        if element.role == "/LI":
            if "/LBody" not in kids or set(kids) - LIST_ITEM_KIDS:
                problems.append(f"7.2-20: LI holds {kids or 'nothing'} (expected Lbl and LBody)")
        elif element.role == "/L" and set(kids) - LIST_KIDS:
            problems.append(f"7.2-17: L holds {kids}")
    return problems


def heading_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Headings start at H1 and never skip a level going down (veraPDF 7.4.2-1, Matterhorn 14-003)."""
    levels = [int(match[1]) for element in elements(pdf) if (match := _HEADING.match(element.role))]
    problems = []
    if levels and levels[0] != 1:
        problems.append(f"7.4.2-1: the first heading is H{levels[0]}, not H1")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"7.4.2-1: H{before} is followed by H{after}")
    return problems


def figure_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Every Figure has alternative text (veraPDF 7.3-1)."""
    return [
        f"7.3-1: Figure without /Alt under {' > '.join(role[1:] for role in element.ancestors[-3:])}"
        for element in elements(pdf)
        if element.role == "/Figure" and not str(element.node.get("/Alt", element.node.get("/ActualText", ""))).strip()
    ]


def link_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Every link annotation sits under a Link element in the tree and says in words where it goes."""
    parents = _parent_tree(pdf)
    reachable = _reachable(pdf)
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            parent = parents.get(int(annotation.get("/StructParent", -1)))
            role = str(parent.get("/S")) if isinstance(parent, pikepdf.Dictionary) else "nothing"
            if role != "/Link" or parent is None or parent.objgen not in reachable:
                problems.append(f"7.18.5-1: page {number}: link annotation tagged under {role}, not a Link")
            contents = str(annotation.get("/Contents", "")).strip()
            target = str(annotation.get("/Dest", ""))
            if not contents or contents == target:
                problems.append(f"7.18.5-2: page {number}: link description {contents!r} is not words")
    return problems


def _marked_content(page: pikepdf.Page) -> Iterator[tuple[str, int | None, bool]]:
    """For each text-showing operator on a page: innermost tag, its MCID, and whether in an Artifact."""
    stack: list[tuple[str, int | None]] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            properties = operands[1] if name == "BDC" and len(operands) > 1 else None
            mcid = (
                int(properties["/MCID"])
                if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties
                else None
            )
            stack.append((str(operands[0]), mcid))
        elif name == "EMC" and stack:
            stack.pop()
        elif name in ("Tj", "TJ", "'", '"'):
            mcids = [mcid for _, mcid in stack if mcid is not None]
            in_artifact = any(tag == "/Artifact" for tag, _ in stack)
            yield (stack[-1][0] if stack else "none"), (mcids[-1] if mcids else None), in_artifact


def content_problems(pdf: pikepdf.Pdf) -> list[str]:
    """All text is either an Artifact or tagged content whose element is in the tree (7.1-1..3)."""
    parents = _parent_tree(pdf)
    reachable = _reachable(pdf)
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        page_parents = parents.get(int(page.get("/StructParents", -1)))
        untagged = orphaned = 0
        for _tag, mcid, in_artifact in _marked_content(page):
            if in_artifact:
                if mcid is not None:
                    problems.append(f"7.1-2: page {number}: tagged content inside an Artifact")
                continue
            if mcid is None:
                untagged += 1
                continue
            parent = page_parents[mcid] if page_parents is not None and mcid < len(page_parents) else None
            if not isinstance(parent, pikepdf.Dictionary) or parent.objgen not in reachable:
                orphaned += 1
        if untagged:
            problems.append(f"7.1-3: page {number}: {untagged} text runs neither tagged nor Artifact")
        if orphaned:
            problems.append(f"7.1-3: page {number}: {orphaned} text runs tagged to an element outside the tree")
    return problems


def pdfua_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Every check above, in one list."""
    return [
        *catalog_problems(pdf),
        *content_problems(pdf),
        *link_problems(pdf),
        *list_problems(pdf),
        *heading_problems(pdf),
        *figure_problems(pdf),
    ]


def artifact_text(path: Path, page_index: int) -> tuple[str, str]:
    """A page's text drawn as Artifacts, and its tagged text.

    Read from the content stream (``contentstream``), the same text pdfplumber gave (every page of
    the bundled, small and torture builds' PDFs compared) in a tenth of the time: pdfplumber laid
    out every glyph in Python, and its reading of the bundled PDFs' last pages was one of the
    slowest steps of the print tests.
    """
    (page,) = contentstream.read(path, page_index)
    return _artifacts_and_tagged(page)


def artifact_texts(path: Path) -> list[tuple[str, str]]:
    """Every page's :func:`artifact_text`, the file read once."""
    return [_artifacts_and_tagged(page) for page in contentstream.read(path)]


def _artifacts_and_tagged(page: contentstream.Page) -> tuple[str, str]:
    texts: dict[bool, list[str]] = {True: [], False: []}
    for run in page.runs:
        texts[run.tag == "/Artifact"].append(run.text)
    return "".join(texts[True]), "".join(texts[False])
