"""Ids, links and contents across the pages one PDF edition inlines.

An edition joins several site pages into one document, so ids must be made unique per page,
links between pages must become links inside the PDF, and the contents list is read from the
joined tree: each of those needs to know which page a node came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes

from lcsi_briefs.layout import GLOSSARY_LABEL


@dataclass(frozen=True)
class TocEntry:
    level: int
    title: str
    target: str


def _page_of(reference: nodes.Element, docname: str) -> tuple[str, str] | None:
    """The page and anchor a resolved link points at, or None for a link out of the site."""
    uri = reference.get("refuri")
    if uri is None:
        return (docname, reference["refid"]) if reference.get("refid") else None
    # The single-file builder resolves links as ``index.html#document-<docname>#<anchor>``.
    marker = "#document-"
    if marker not in uri or uri.count("#") < 2:  # the page's anchor, then the target's
        return None
    page, anchor = uri.split(marker, 1)[1].rsplit("#", 1)
    return page, anchor


def unique_ids(tree: nodes.document, docname: str) -> None:
    """One anchor per id in the printed edition, whatever the text of the pages it joins.

    Each page of the site is its own HTML document, so two pages may both have a heading
    ``Share this briefing`` and the id docutils derives from it. Joined into one edition,
    the later one is renamed, and the links from its own page follow it; the labels of the
    data (:mod:`lcsi_briefs.layout`) are unique across the pack and never renamed.
    """
    taken: set[str] = set()
    for element in tree.findall(nodes.Element):
        taken.update(element.get("ids", []))
    seen: set[str] = set()
    renamed: dict[tuple[str, str], str] = {}
    pages: list[tuple[nodes.Element, str]] = [(tree, docname)]
    while pages:
        element, page = pages.pop()
        if isinstance(element, addnodes.start_of_file):
            page = element["docname"]
        ids: list[str] = []
        anchor: str
        for anchor in element.get("ids", []):
            unique: str = anchor
            number = 1
            while unique in seen or (unique != anchor and unique in taken):
                number += 1
                unique = f"{anchor}-{number}"
            if unique != anchor:
                renamed[(page, anchor)] = unique
            seen.add(unique)
            ids.append(unique)
        if ids:
            element["ids"] = ids
        pages.extend((child, page) for child in reversed(element.children) if isinstance(child, nodes.Element))
    if not renamed:
        return
    for reference, page in _with_pages(tree, docname, nodes.reference):
        target = _page_of(reference, page)
        if target in renamed:
            if reference.get("refuri") is None:
                reference["refid"] = renamed[target]
            else:
                reference["refuri"] = f"#{renamed[target]}"


def _with_pages(tree: nodes.document, docname: str, kind: type[nodes.Element]) -> list[tuple[nodes.Element, str]]:
    """Every ``kind`` node of an edition, with the page it came from."""
    found: list[tuple[nodes.Element, str]] = []
    stack: list[tuple[nodes.Element, str]] = [(tree, docname)]
    while stack:
        element, page = stack.pop()
        if isinstance(element, addnodes.start_of_file):
            page = element["docname"]
        if isinstance(element, kind):
            found.append((element, page))
        stack.extend((child, page) for child in reversed(element.children) if isinstance(child, nodes.Element))
    return found


def localise_links(tree: nodes.document) -> None:
    """Point internal links at anchors in this one document; unlink those it lacks."""
    ids: set[str] = set()
    for element in tree.findall(nodes.Element):
        ids.update(element.get("ids", []))
    ids |= {f"document-{node['docname']}" for node in tree.findall(addnodes.start_of_file)}
    for reference in list(tree.findall(nodes.reference)):
        uri = reference.get("refuri")
        if uri is None:
            if reference.get("refid") in ids:
                continue
        elif "://" in uri or uri.startswith("mailto:"):
            continue
        else:
            fragment = uri.rsplit("#", 1)[-1] if "#" in uri else ""
            if fragment in ids:
                reference["refuri"] = f"#{fragment}"
                continue
        reference.replace_self(reference.children)


def contents(tree: nodes.document, overview_label: str, summary: str) -> list[TocEntry]:
    """The printed contents, one page at most: each page's title, and the overview's sections.

    The overview's own title is the briefing's, already on the cover: its entry says Summary.
    """
    entries: list[TocEntry] = []
    for section in tree.findall(nodes.section):
        parents = [ancestor for ancestor in ancestors(section) if isinstance(ancestor, nodes.section)]
        if not section["ids"] or GLOSSARY_LABEL in section["ids"][1:]:
            continue
        if parents and (len(parents) > 1 or overview_label not in parents[0]["ids"]):
            continue
        title = section[0].astext() if section.children and isinstance(section[0], nodes.title) else ""
        if overview_label in section["ids"]:
            title = summary
        entries.append(TocEntry(len(parents) + 1, title, section["ids"][0]))
    return entries


def ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found
