"""Assemble one PDF edition's doctree from the same doctrees the HTML site is built from.

The full briefing is the overview with its toctree inlined (every audience page and the
sources), then the glossary. An audience edition keeps the overview's headlines, then that
audience's page, the sources its findings rest on, and the glossary. Links to anything left
out become plain text, so a printed edition never points at a page it does not contain.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.console import darkgreen  # type: ignore[attr-defined]
from sphinx.util.nodes import inline_all_toctrees

from lcsi_briefs.downloads import pdf_downloads
from lcsi_briefs.editions import Edition
from lcsi_briefs.expansion import expand_tree
from lcsi_briefs.figures import evidence_note
from lcsi_briefs.model import LoadedPack
from lcsi_briefs.pages.common import Labels
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


def _keep_sources(tree: nodes.Element, wanted_ids: set[str]) -> None:
    for section in list(tree.findall(nodes.section)):
        ids = set(section["ids"])
        if ids & wanted_ids:
            continue
        if any("-source-" in i for i in ids):
            section.parent.remove(section)


def _section(tree: nodes.Element, section_id: str) -> nodes.section:
    return next(node for node in tree.findall(nodes.section) if section_id in node["ids"])


def _headlines(loaded: LoadedPack, cited: set[str]) -> nodes.section:
    """Every headline in one numbered list; those the audience's implications rest on link on."""
    slug = loaded.slug
    section = nodes.section(ids=[f"{slug}-headlines"])
    section += nodes.title("", Labels(loaded).headings.findings or "")
    items = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for finding in loaded.pack.findings:
        text: nodes.Node = nodes.Text(finding.statement)
        if finding.id in cited:
            text = nodes.reference("", "", text, refid=f"{slug}-finding-{finding.id}")
        items += nodes.list_item(
            "",
            nodes.paragraph("", "", text, nodes.Text(evidence_note(finding.evidence, loaded.pack.briefing.language))),
        )
    section += items
    return section


class PackDoctrees:
    """The stored doctrees of one pack's pages, each unpickled at most once.

    Sphinx unpickles a doctree afresh on every request. Every audience edition prints a few
    parts of the pack's overview and sources, which for a pack of a thousand findings are
    megabytes each; copying just those parts from one shared copy is far cheaper. The copies
    here are never changed, and they are let go with the pack.
    """

    def __init__(self, builder: StandaloneHTMLBuilder) -> None:
        self._builder = builder
        self._trees: dict[str, nodes.document] = {}

    def shared(self, docname: str) -> nodes.document:
        if docname not in self._trees:
            self._trees[docname] = _doc(self._builder, docname)
        return self._trees[docname]


def _section_or_contents(node: nodes.Node) -> bool:
    """What the overview's cover matter leaves out: its sections and its contents trees."""
    return isinstance(node, nodes.section | addnodes.toctree) or (
        isinstance(node, nodes.compound) and "toctree-wrapper" in node["classes"]
    )


def _without(parent: nodes.Element, unwanted: Callable[[nodes.Node], bool]) -> nodes.Element:
    """A copy of ``parent`` whose children leave out those ``unwanted`` picks."""
    copy = parent.copy()
    for child in parent.children:
        if not unwanted(child):
            copy += child.deepcopy()
    return copy


def _audience_edition(
    builder: StandaloneHTMLBuilder, doctrees: PackDoctrees, loaded: LoadedPack, audience_id: str, base: str
) -> nodes.document:
    """Cover matter and headlines, the audience's page, then only the findings and sources it rests on."""
    slug = loaded.slug
    audience = loaded.pack.audience(audience_id)
    cited = {finding for implication in audience.implications for finding in implication.findings}
    wanted = {f"{slug}-finding-{f}" for f in cited}
    overview = doctrees.shared(f"{base}/index")
    top = next(overview.findall(nodes.section))
    # The audience's own page, read afresh, becomes the edition: its content moves down a level.
    audience_doc = f"{base}/audiences/{audience_id}"
    tree = _doc(builder, audience_doc)
    page = list(tree.children)
    tree.children = []
    tree.attributes = {
        key: value[:] if isinstance(value, list) else value for key, value in overview.attributes.items()
    }
    for child in overview.children:
        if child is top:
            cover = _without(top, _section_or_contents)
            cover += _headlines(loaded, cited)
            tree += cover
        else:
            tree += child.deepcopy()
    included = addnodes.start_of_file(docname=audience_doc)
    included.extend(page)
    tree += included
    findings = _without(
        _section(overview, f"{slug}-findings"),
        lambda child: isinstance(child, nodes.section) and not wanted & set(child["ids"]),
    )
    for finding_section in list(findings.findall(nodes.section)):
        if finding_section is not findings and not wanted & set(finding_section["ids"]):
            finding_section.parent.remove(finding_section)
    for node in list(findings.findall(nodes.container)):
        if AFFECTS_CLASS in node["classes"]:
            node.parent.remove(node)
    findings["ids"] = [f"{slug}-findings-detail"]
    findings[0] = nodes.title("", Labels(loaded)._("The findings behind these implications"))
    tree += findings
    cited_sources = {s for finding in loaded.pack.findings if finding.id in cited for s in finding.sources}
    sources = addnodes.start_of_file(docname=f"{base}/sources")
    sources.extend(child.deepcopy() for child in doctrees.shared(f"{base}/sources").children)
    _keep_sources(sources, {f"{slug}-source-{s}" for s in cited_sources})
    tree += sources
    return tree


def assemble(
    builder: StandaloneHTMLBuilder, doctrees: PackDoctrees, loaded: LoadedPack, edition: Edition, pages_dir: str
) -> nodes.document:
    """The resolved doctree of one edition."""
    base = f"{pages_dir}/{loaded.slug}"
    overview = f"{base}/index"
    if edition.audience is None:
        tree = _doc(builder, overview)
        tree = inline_all_toctrees(builder, set(), overview, tree, darkgreen, [overview])
    else:
        tree = _audience_edition(builder, doctrees, loaded, edition.audience, base)
    glossary_doc = f"{pages_dir}/glossary"
    glossary = _doc(builder, glossary_doc)
    _keep_glossary_terms(glossary, {entry.term.casefold() for entry in loaded.pack.glossary})
    # The glossary page speaks the site's language; the pack's edition, the pack's.
    for title in glossary.findall(nodes.title):
        title.replace_self(nodes.title("", Labels(loaded)._("Glossary")))
        break
    if loaded.pack.glossary:
        tree += _as_included(glossary_doc, glossary)
    for node in list(tree.findall(pdf_downloads)):
        node.parent.remove(node)
    expand_tree(tree, loaded)  # the edition read from its cover: its own first uses
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
