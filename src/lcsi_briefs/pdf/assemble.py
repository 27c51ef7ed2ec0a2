"""Assemble one PDF edition's doctree from the same doctrees the HTML site is built from.

The full briefing is the overview with its toctree inlined (every audience page and the
sources), then the glossary. An audience edition keeps the overview's headlines, then that
audience's page, the sources its findings rest on, and the glossary. Links to anything left
out become plain text, so a printed edition never points at a page it does not contain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.console import darkgreen  # type: ignore[attr-defined]
from sphinx.util.nodes import inline_all_toctrees

from lcsi_briefs.downloads import pdf_downloads
from lcsi_briefs.editions import Edition
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.glossary import GLOSSARY_LABEL
from lcsi_briefs.pages.overview import AFFECTS_CLASS

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder


@dataclass(frozen=True)
class TocEntry:
    level: int
    title: str
    target: str


def _doc(builder: StandaloneHTMLBuilder, docname: str) -> nodes.document:
    """A fresh copy: Sphinx unpickles the stored doctree on every call."""
    return builder.env.get_doctree(docname)


def _as_included(docname: str, tree: nodes.document) -> addnodes.start_of_file:
    included = addnodes.start_of_file(docname=docname)
    included.children = tree.children
    for child in included.children:
        child.parent = included
    return included


def _keep_glossary_terms(tree: nodes.document, terms: set[str]) -> None:
    """The series glossary is shared; each pack's PDF prints only the terms it defines."""
    for item in list(tree.findall(nodes.definition_list_item)):
        term_text = " ".join(term.astext() for term in item.findall(nodes.term))
        if term_text.casefold() not in terms:
            item.parent.remove(item)


def _keep_sources(tree: nodes.document, wanted_ids: set[str]) -> None:
    for section in list(tree.findall(nodes.section)):
        ids = set(section["ids"])
        if ids & wanted_ids:
            continue
        if any("-source-" in i for i in ids):
            section.parent.remove(section)


def _overview_for_audience(tree: nodes.document, slug: str) -> None:
    """Keep the briefing's title, summary and headlines; drop the other overview sections."""
    top = next(tree.findall(nodes.section))
    for child in list(top.children):
        if isinstance(child, nodes.section) and f"{slug}-findings" not in child["ids"]:
            top.remove(child)
    for node in list(tree.findall(nodes.container)):
        if AFFECTS_CLASS in node["classes"]:
            node.parent.remove(node)


def assemble(builder: StandaloneHTMLBuilder, loaded: LoadedPack, edition: Edition, pages_dir: str) -> nodes.document:
    """The resolved doctree of one edition."""
    base = f"{pages_dir}/{loaded.slug}"
    overview = f"{base}/index"
    tree = _doc(builder, overview)
    if edition.audience is None:
        tree = inline_all_toctrees(builder, set(), overview, tree, darkgreen, [overview])
    else:
        _overview_for_audience(tree, loaded.slug)
        for toctree in list(tree.findall(addnodes.toctree)):
            toctree.parent.remove(toctree)
        audience_doc = f"{base}/audiences/{edition.audience}"
        tree += _as_included(audience_doc, _doc(builder, audience_doc))
        sources = _doc(builder, f"{base}/sources")
        cited = {s for finding in loaded.pack.findings for s in finding.sources}
        _keep_sources(sources, {f"{loaded.slug}-source-{s}" for s in cited})
        tree += _as_included(f"{base}/sources", sources)
    glossary_doc = f"{pages_dir}/glossary"
    glossary = _doc(builder, glossary_doc)
    _keep_glossary_terms(glossary, {entry.term.casefold() for entry in loaded.pack.glossary})
    if loaded.pack.glossary:
        tree += _as_included(glossary_doc, glossary)
    for node in list(tree.findall(pdf_downloads)):
        node.parent.remove(node)
    tree["docname"] = overview
    builder.env.resolve_references(tree, overview, builder)
    _localise_links(tree)
    return tree


def _localise_links(tree: nodes.document) -> None:
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


def contents(tree: nodes.document) -> list[TocEntry]:
    """Headings for the printed contents: each page's title and its sections."""
    entries: list[TocEntry] = []
    for section in tree.findall(nodes.section):
        depth = sum(1 for ancestor in _ancestors(section) if isinstance(ancestor, nodes.section))
        if depth <= 1 and section["ids"] and GLOSSARY_LABEL not in section["ids"][1:]:
            title = section[0].astext() if section.children and isinstance(section[0], nodes.title) else ""
            entries.append(TocEntry(depth + 1, title, section["ids"][0]))
    return entries


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found
