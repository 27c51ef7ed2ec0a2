"""Make WeasyPrint's tagged PDF pass PDF/UA-1: fix the markup it reads, then the tree it writes.

WeasyPrint 70 derives the structure tree from the boxes it lays out, and a few shapes of
ordinary HTML come out wrong:

- every element box inside a link (Sphinx writes ``<a><span class="std std-ref">``) gets a link
  annotation of its own, tagged under a Span rather than a Link (veraPDF 7.18.5-1);
- a list item holding a paragraph, ``<li><p>``, becomes ``LI`` → ``Lbl`` + ``P`` with no ``LBody``
  (7.2-20): only text held by the list item itself becomes the item's body;
- running headers and footers (page margin boxes) are marked as tagged content but linked to no
  element of the tree: WeasyPrint can only call them Artifacts in PDF 2.0;
- a link's description (``/Contents``) is its target, an id like ``term-DCMS``.

:func:`prepare` fixes the first two in the parsed HTML before layout; :func:`finish` is
WeasyPrint's documented ``finisher`` hook, run on the finished PDF objects just before they are
written, and fixes the last two (and wraps any list item body the markup fix could not reach).
Both run for every PDF the renderer writes, whatever the edition, so no edition can miss them.
The contents page's page numbers are set outside its links by ``tagging.css``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes

from lcsi_briefs.pdf.page_labels import CONTENTS_ATTRIBUTE
from lcsi_briefs.pdf.preflight.kinds import Measured
from lcsi_briefs.pdf.preflight.tags import tag_problems
from lcsi_briefs.pdf.table_tags import join_fragments, scope_table_headers, table_fragments

#: Elements that stay inside a link: replaced content a reader needs. Every other element is
#: unwrapped, its text kept.
_KEPT_IN_LINKS = {"img", "svg", "{http://www.w3.org/2000/svg}svg"}
#: Block-level children of a list item that may be unwrapped into the item itself.
_ITEM_BLOCKS = {"p", "div"}
_SPACE = re.compile(r"\s+")


def _unwrap(parent: ET.Element, child: ET.Element) -> None:
    """Replace ``child`` by its text and children, keeping document order."""
    index = list(parent).index(child)
    text = child.text or ""
    tail = child.tail or ""
    grandchildren = list(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)
    for offset, grandchild in enumerate(grandchildren):
        parent.insert(index + offset, grandchild)
    if grandchildren:
        last = grandchildren[-1]
        last.tail = (last.tail or "") + tail
    elif index == 0:
        parent.text = (parent.text or "") + tail
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + tail


def _flatten_link(link: ET.Element) -> None:
    for child in list(link):
        if child.tag in _KEPT_IN_LINKS:
            continue
        _flatten_link(child)
        _unwrap(link, child)


def prepare(root: ET.Element) -> None:
    """Reshape the parsed print HTML, in place, into markup WeasyPrint tags correctly."""
    for link in root.iter("a"):
        _flatten_link(link)
    for item in root.iter("li"):
        blocks = [child for child in item if child.tag in _ITEM_BLOCKS]
        # One paragraph is the whole body: its text becomes the item's own, which WeasyPrint
        # tags as LBody. A nested list may follow it (WeasyPrint moves that up to the list).
        if len(blocks) == 1 and not (item.text or "").strip() and item[0] is blocks[0]:
            _unwrap(item, blocks[0])
    for navigation in root.iter("nav"):
        for item in navigation.iter("li"):
            links = [child for child in item if child.tag == "a"]
            if len(links) == 1 and str(links[0].get("href", "")).startswith("#"):
                item.set(CONTENTS_ATTRIBUTE, str(links[0].get("href")))


class _Objects:
    """Look up pydyf objects by the references WeasyPrint stores (``b"12 0 R"``)."""

    def __init__(self, pdf: pydyf.PDF) -> None:
        self._objects = pdf.objects

    def __call__(self, reference: Any) -> Any:
        if isinstance(reference, bytes) and reference.endswith(b" R"):
            return self._objects[int(reference.split()[0])]
        return reference


def _kids(element: pydyf.Dictionary) -> list[Any]:
    kids = element.get("K", [])
    return list(kids) if isinstance(kids, list) else [kids]


def _structure(pdf: pydyf.PDF, resolve: _Objects) -> Iterator[pydyf.Dictionary]:
    root = resolve(pdf.catalog["StructTreeRoot"])
    stack = [resolve(kid) for kid in reversed(_kids(root))]
    while stack:
        element = stack.pop()
        if not isinstance(element, pydyf.Dictionary) or element.get("Type") != "/StructElem":
            continue
        yield element
        stack.extend(resolve(kid) for kid in reversed(_kids(element)))


def _give_list_items_bodies(pdf: pydyf.PDF, elements: list[pydyf.Dictionary], resolve: _Objects) -> None:
    """Hold whatever a list item has besides its label in one LBody, as PDF/UA asks.

    :func:`prepare` makes the usual ``<li><p>`` right in the markup; this catches the rest
    (say, a list item of two paragraphs).
    """
    for item in elements:
        if item["S"] != "/LI":
            continue
        kids = _kids(item)
        roles = [resolve(kid).get("S") for kid in kids]
        if all(role in ("/Lbl", "/LBody") for role in roles) and "/LBody" in roles:
            continue
        labels = [kid for kid, role in zip(kids, roles, strict=True) if role == "/Lbl"]
        content: list[Any] = []
        for kid, role in zip(kids, roles, strict=True):
            if role == "/LBody":
                content.extend(_kids(resolve(kid)))
            elif role != "/Lbl":
                content.append(kid)
        body = pydyf.Dictionary({"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(content), "P": item.reference})
        if "Pg" in item:
            body["Pg"] = item["Pg"]
        pdf.add_object(body)
        for kid in content:
            if isinstance(child := resolve(kid), pydyf.Dictionary):
                child["P"] = body.reference
        item["K"] = pydyf.Array([*labels, body.reference])


def _parents_by_page(pdf: pydyf.PDF, resolve: _Objects) -> dict[Any, Any]:
    parent_tree = resolve(resolve(pdf.catalog["StructTreeRoot"])["ParentTree"])
    numbers = parent_tree["Nums"]
    return {numbers[index]: numbers[index + 1] for index in range(0, len(numbers), 2)}


def _as_artifacts(pdf: pydyf.PDF, page_reference: Any, mcids: set[int], resolve: _Objects) -> None:
    """Mark the page's content ``mcids`` as pagination Artifacts: drawn, but not read out."""
    page = resolve(page_reference)
    parents = _parents_by_page(pdf, resolve).get(page.get("StructParents"))
    stream = resolve(page["Contents"]).stream
    for index, item in enumerate(stream):
        properties = stream[index - 1]
        if item == b"BDC" and isinstance(properties, pydyf.Dictionary) and properties.get("MCID") in mcids:
            stream[index - 2] = "/Artifact"
            stream[index - 1] = pydyf.Dictionary({"Type": "/Pagination"})
    if isinstance(parents, list):
        for mcid in mcids:
            if mcid < len(parents):
                parents[mcid] = "null"


def _margins_as_artifacts(pdf: pydyf.PDF, elements: list[pydyf.Dictionary], resolve: _Objects) -> None:
    """Mark the content of page margin boxes (running header, footer) as pagination Artifacts.

    WeasyPrint tags it like body text but leaves its elements out of the tree (for PDF 1.7 it
    has no way to say Artifact); those elements are exactly the ones the parent tree names for
    a page's marked content but that the tree does not reach.
    """
    reachable = {element.reference for element in elements}
    by_page = _parents_by_page(pdf, resolve)
    for page_reference in pdf.page_references:
        parents = by_page.get(resolve(page_reference).get("StructParents"))
        if not isinstance(parents, list):
            continue
        orphans = {mcid for mcid, parent in enumerate(parents) if parent not in reachable and parent != "null"}
        if not orphans:
            continue
        for mcid in orphans:
            # An unreferenced, empty object: the element no longer stands for any content.
            resolve(parents[mcid]).clear()
        _as_artifacts(pdf, page_reference, orphans, resolve)


def _join_tables(document: Any, pdf: pydyf.PDF, resolve: _Objects) -> None:
    """One Table element per HTML table, however many pages it spans (see table_tags).

    A table printed stacked (``figures.css``) is laid out as blocks, but still tagged as a Table
    with TH and TD cells: it is joined the same way.
    """
    cells = [
        (box.element, cell.mark)
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(box, boxes.TableBox) or (isinstance(box, boxes.BlockBox) and box.element_tag == "table")
        for cell in box.descendants()
        if cell.element_tag in ("td", "th") and getattr(cell, "mark", None) is not None
    ]

    def repeated(head: pydyf.Dictionary) -> None:
        _as_artifacts(pdf, head["Pg"], set(_mcids(head, resolve)), resolve)

    for parts in table_fragments(cells, resolve):
        join_fragments(parts, resolve, repeated)


def _mcids(element: pydyf.Dictionary, resolve: _Objects) -> list[int]:
    found: list[int] = []
    for kid in _kids(element):
        if isinstance(kid, int):
            found.append(kid)
        elif isinstance(child := resolve(kid), pydyf.Dictionary):
            found.extend(_mcids(child, resolve))
    return found


def _drop_empty(pdf: pydyf.PDF, resolve: _Objects) -> None:
    """Take out of the tree every element left holding nothing (an empty anchor span, say)."""
    while True:
        empty = [element for element in _structure(pdf, resolve) if not _kids(element)]
        if not empty:
            return
        for element in empty:
            parent = resolve(element["P"])
            parent["K"] = pydyf.Array([kid for kid in _kids(parent) if kid != element.reference])


def _link_text(element: ET.Element) -> str:
    text = " ".join(_SPACE.split("".join(element.itertext()))).strip()
    if text:
        return text
    alternatives = [str(child.get("alt", "")) for child in element.iter() if child.get("alt")]
    return " ".join(alternatives) or str(element.get("title", ""))


def _describe_links(document: Any) -> None:
    """A link's /Contents says what it is in words: the link's own text."""
    for page in document.pages:
        for _type, _target, _rectangle, box in page.links:
            annotation = getattr(box, "link_annotation", None)
            if annotation is not None and box.element is not None and (text := _link_text(box.element)):
                annotation["Contents"] = pydyf.String(text)


def finish(document: Any, pdf: pydyf.PDF) -> None:
    """WeasyPrint's finisher: repair the tags of a tagged PDF before it is written."""
    _describe_links(document)
    if "StructTreeRoot" not in pdf.catalog:
        return
    resolve = _Objects(pdf)
    elements = list(_structure(pdf, resolve))
    _margins_as_artifacts(pdf, elements, resolve)
    _give_list_items_bodies(pdf, elements, resolve)
    scope_table_headers(elements, resolve, lambda: pydyf.Dictionary({"O": "/Table"}))
    _join_tables(document, pdf, resolve)
    _drop_empty(pdf, resolve)


def structure_problems(pdf: pydyf.PDF, tables: int) -> list[Measured]:
    """Preflight's check of the repaired tree (see :mod:`lcsi_briefs.pdf.preflight.tags`)."""
    if "StructTreeRoot" not in pdf.catalog:
        return []
    resolve = _Objects(pdf)
    pages = {reference: number for number, reference in enumerate(pdf.page_references, start=1)}
    return tag_problems(_structure(pdf, resolve), resolve, pages, tables)
