"""Assemble one PDF edition's doctree from the same doctrees the HTML site is built from.

The full briefing is the overview with its toctree inlined (every audience page and the
sources), then the glossary. An audience edition keeps the overview's summary, then that
audience's page, the sources its findings rest on, and the glossary. Links to anything left
out become plain text, so a printed edition never points at a page it does not contain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.console import darkgreen  # type: ignore[attr-defined]
from sphinx.util.nodes import inline_all_toctrees

from lcsi_briefs.editions import Edition, contents
from lcsi_briefs.layout import PackLayout
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.audience import ABOUT_CLASS
from lcsi_briefs.pages.common import Labels
from lcsi_briefs.pages.figures import METHOD_POINTER_CLASS
from lcsi_briefs.pages.overview import AFFECTS_CLASS, GLANCE_CLASS
from lcsi_briefs.pdf.ids import ancestors, localise_links, unique_ids
from lcsi_briefs.pdf.page_labels import PAGE_REFERENCE_CLASS
from lcsi_briefs.sphinx_ext.downloads import pdf_downloads
from lcsi_briefs.sphinx_ext.expansion import expand_tree
from lcsi_briefs.text.catalogue import N_
from lcsi_briefs.text.paragraphs import paragraphs

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder


#: The contents entry of the overview, whose own title is the briefing's, already on the cover.
SUMMARY_ENTRY = N_("Summary")
#: A finding in the one-line list that replaces, on paper, an implication's list of findings.
IMPLICATION_FINDING = N_("Finding {number}")
#: The full edition's summary in its body: shown only where the cover has no room for it.
BODY_SUMMARY_CLASS = "lcsi-body-summary"
#: The one line of finding numbers under a source: its links get no page (see _page_references).
NUMBER_LIST_CLASS = "lcsi-finding-numbers"


def _doc(builder: StandaloneHTMLBuilder, docname: str) -> nodes.document:
    """A fresh copy: Sphinx unpickles the stored doctree on every call."""
    return builder.env.get_doctree(docname)


def _as_included(docname: str, tree: nodes.document) -> addnodes.start_of_file:
    included = addnodes.start_of_file(docname=docname)
    included.children = tree.children
    for child in included.children:
        child.parent = included
    return included


def _keep_sources(tree: nodes.Element, every_source: set[str], wanted: set[str]) -> None:
    """Leave out the source sections not in ``wanted``, picked by their exact labels."""
    unwanted = every_source - wanted
    for section in list(tree.findall(nodes.section)):
        if unwanted & set(section["ids"]):
            section.parent.remove(section)


def _section(tree: nodes.Element, section_id: str) -> nodes.section:
    return next(node for node in tree.findall(nodes.section) if section_id in node["ids"])


def _back_matter_closes_the_briefing(tree: nodes.document, layout: PackLayout) -> None:
    """The sources and the glossary as parts of the briefing of their own, beside "What it means
    for you": the overview's toctree, which brings them in, closes that section, so inlined in
    place they would be printed (and bookmarked) as parts of it."""
    overview = _section(tree, layout.overview())
    for docname in (layout.sources_doc(), layout.glossary_doc()):
        part = next((n for n in tree.findall(addnodes.start_of_file) if n.get("docname") == docname), None)
        if part is not None and part.parent is not overview:
            part.parent.remove(part)
            overview += part


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
    builder: StandaloneHTMLBuilder, doctrees: PackDoctrees, loaded: LoadedPack, audience_id: str, layout: PackLayout
) -> nodes.document:
    """The summary, the audience's page, then only the findings and sources it rests on.

    The full list of headlines (and the findings at a glance) is left out: the findings this
    audience's implications rest on follow in full, numbered as in the full briefing, and the
    rest are not this reader's.
    """
    held = contents(loaded.pack, audience_id)
    wanted = {layout.finding(f) for f in held.finding_ids}
    overview = doctrees.shared(layout.overview_doc())
    top = next(overview.findall(nodes.section))
    # The audience's own page, read afresh, becomes the edition: its content moves down a level.
    audience_doc = layout.audience_doc(audience_id)
    tree = _doc(builder, audience_doc)
    page = list(tree.children)
    tree.children = []
    tree.attributes = {
        key: value[:] if isinstance(value, list) else value for key, value in overview.attributes.items()
    }
    for child in overview.children:
        if child is top:
            cover = _without(top, _section_or_contents)
            # The edition's masthead carries the briefing's title.
            if cover.children and isinstance(cover[0], nodes.title):
                cover.remove(cover[0])
            tree += cover
        else:
            tree += child.deepcopy()
    included = addnodes.start_of_file(docname=audience_doc)
    included.extend(page)
    tree += included
    findings = _without(
        _section(overview, layout.findings()),
        lambda child: isinstance(child, nodes.section) and not wanted & set(child["ids"]),
    )
    for finding_section in list(findings.findall(nodes.section)):
        if finding_section is not findings and not wanted & set(finding_section["ids"]):
            finding_section.parent.remove(finding_section)
    for node in list(findings.findall(nodes.container)):
        if {AFFECTS_CLASS, GLANCE_CLASS} & set(node["classes"]):
            node.parent.remove(node)
    findings["ids"] = [layout.findings_detail()]
    findings[0] = nodes.title("", Labels(loaded)._("The findings behind these implications"))
    tree += findings
    sources = addnodes.start_of_file(docname=layout.sources_doc())
    sources.extend(child.deepcopy() for child in doctrees.shared(layout.sources_doc()).children)
    every_source = {layout.source(source.id) for source in loaded.pack.sources}
    _keep_sources(sources, every_source, {layout.source(source.id) for source in held.sources})
    tree += sources
    return tree


def assemble(
    builder: StandaloneHTMLBuilder, doctrees: PackDoctrees, loaded: LoadedPack, edition: Edition, pages_dir: str
) -> nodes.document:
    """The resolved doctree of one edition."""
    layout = PackLayout(loaded.slug, pages_dir)
    overview = layout.overview_doc()
    if edition.audience is None:
        tree = _doc(builder, overview)
        tree = inline_all_toctrees(builder, set(), overview, tree, darkgreen, [overview])
    else:
        tree = _audience_edition(builder, doctrees, loaded, edition.audience, layout)
    # The pack's own glossary: the full briefing has it from the overview's contents already.
    included_glossary = next(
        (node for node in tree.findall(addnodes.start_of_file) if node.get("docname") == layout.glossary_doc()), None
    )
    if loaded.pack.glossary and edition.audience is not None:
        glossary_doc = layout.glossary_doc()
        included_glossary = _as_included(glossary_doc, _doc(builder, glossary_doc))
        tree += included_glossary
    for node in list(tree.findall(pdf_downloads)):
        node.parent.remove(node)
    if edition.audience is None:
        _cover_matter_once(_section(tree, layout.overview()), len(paragraphs(loaded.pack.briefing.summary)))
        _back_matter_closes_the_briefing(tree, layout)
        # The full briefing holds the methodology box: no page of it sends a reader "to the full briefing".
        for pointer in list(tree.findall(nodes.container)):
            if METHOD_POINTER_CLASS in pointer["classes"]:
                pointer.parent.remove(pointer)
    _print_once(tree, ABOUT_CLASS)
    _rubrics_below_their_sections(tree)
    tree["docname"] = overview
    builder.env.resolve_references(tree, overview, builder)
    if included_glossary is not None:
        _keep_used_terms(tree, included_glossary)
    _compact_back_references(tree, loaded, layout)
    # The edition read from its cover spells out its own first uses; after the compaction, which
    # drops the statements a 'Rests on' line repeats on the site (and the first uses they held).
    expand_tree(tree, loaded)
    _labelled_sections(tree, layout.labels(loaded.pack) | {layout.findings_detail()})
    unique_ids(tree, overview)
    localise_links(tree)
    _page_references(tree, layout.labels(loaded.pack) - set(layout.term_labels(loaded.pack).values()))
    return tree


def _page_references(tree: nodes.document, paged: set[str]) -> None:
    """Links to a part of the data printed in this edition get its page, for a reader on paper.

    ``paged`` holds the labels worth a page number: findings, implications, audiences, sources
    and the like. Glossary terms are not among them: they are linked wherever they are used
    (dozens a page would carry a number) and the glossary is in order at the back. Nor are the
    lists of finding numbers under each source: findings are printed in their numbered order.
    Nor a quotation's attribution: the page that follows it there is the source's own.
    Run after :func:`localise_links`, so a link whose target this edition lacks is no longer
    a link and gets no number.
    """
    for reference in tree.findall(nodes.reference):
        uri = reference.get("refuri")
        target = reference.get("refid") if uri is None else uri.removeprefix("#") if uri.startswith("#") else None
        if target in paged and not _in_number_list(reference):
            reference["classes"].append(PAGE_REFERENCE_CLASS)


def _in_number_list(reference: nodes.Element) -> bool:
    """In a list of finding numbers, or in a quotation (its attribution)."""
    line = reference.parent
    if isinstance(line, nodes.Element) and NUMBER_LIST_CLASS in line["classes"]:
        return True
    return any(isinstance(ancestor, nodes.block_quote) for ancestor in ancestors(reference))


def _cover_matter_once(overview: nodes.section, summary_paragraphs: int) -> None:
    """The overview's title, subtitle and facts line leave the full edition: its cover holds them.

    Its summary stays, in a block of its own, as its last ``summary_paragraphs`` paragraphs
    before the first section: the standard print hides it (the cover holds it too), the
    large-print twin, whose cover has no room for it, prints it there. The twins share one
    assembly, so the difference is left to their stylesheets.
    """
    front = [child for child in overview.children if not _section_or_contents(child)]
    texts = [child for child in front if isinstance(child, nodes.paragraph)]
    summary = texts[-summary_paragraphs:] if summary_paragraphs else []
    block = nodes.container(classes=[BODY_SUMMARY_CLASS])
    for child in front:
        overview.remove(child)
    block.extend(summary)
    overview.insert(0, block)


def _labelled_sections(tree: nodes.document, labels: set[str]) -> None:
    """A section with a label of the data keeps only that: no ids derived from its title.

    Ids from titles are not unique across pages, and each extra id is written as an empty
    ``<span>`` between a heading and what it heads, where the page may break: the heading is
    left stranded at the foot of the page.
    """
    for section in tree.findall(nodes.section):
        own = [i for i in section["ids"] if i in labels]
        if own:
            section["ids"] = own


def _rubrics_below_their_sections(tree: nodes.document) -> None:
    """A sub-heading ("What you could do") one level below the section it sits in.

    A page writes it as H3 under its H2 implication; inlined into an edition the implication
    may sit deeper (H4 in the full briefing), and an H3 there would run the outline backwards,
    for the tags, the bookmarks and the print sizes alike.
    """
    # Walked from the top: the parent links of pages inlined into an edition are not all set.
    stack: list[tuple[nodes.Element, int]] = [(tree, 0)]
    while stack:
        element, depth = stack.pop()
        if isinstance(element, nodes.rubric) and "heading-level" in element:
            element["heading-level"] = min(6, depth + 1)
        depth += isinstance(element, nodes.section)
        stack.extend((child, depth) for child in element.children if isinstance(child, nodes.Element))


def _print_once(tree: nodes.Element, marker: str) -> None:
    """Keep the first of the blocks marked ``marker`` (a note every audience page repeats)."""
    marked = [node for node in tree.findall(nodes.Element) if marker in node.get("classes", [])]
    for node in marked[1:]:
        node.parent.remove(node)


def _fragment(reference: nodes.Element) -> str:
    """The anchor a resolved internal link points at ("" for none)."""
    uri = reference.get("refuri")
    if uri is None:
        return str(reference.get("refid", ""))
    return uri.rsplit("#", 1)[-1] if "#" in uri else ""


def _keep_used_terms(tree: nodes.document, glossary: nodes.Element) -> None:
    """An edition's glossary explains only the terms its own text links to."""
    used = {
        _fragment(reference)
        for reference in tree.findall(nodes.reference)
        if not any(ancestor is glossary for ancestor in ancestors(reference))
    }
    for item in list(glossary.findall(nodes.definition_list_item)):
        # A term's label sits on its one-item definition list (the target before it), or on the term.
        holder = item.parent
        ids = {i for term in item.findall(nodes.term) for i in term["ids"]} | set(item["ids"])
        ids |= set(holder["ids"]) if len(holder.children) == 1 else set()
        if not ids & used:
            holder.remove(item)
            if not holder.children:
                holder.parent.remove(holder)
    if not any(True for _ in glossary.findall(nodes.definition_list_item)):
        glossary.parent.remove(glossary)


def _compact_back_references(tree: nodes.document, loaded: LoadedPack, layout: PackLayout) -> None:
    """On paper, lists of findings become one line of their numbers, and only those printed here.

    The site lists each finding in full under every source and every implication; printed,
    that repeats the list of findings again and again (pages of it), when the findings
    themselves are printed in the same edition. Only the lists directly inside the source and
    implication sections, picked by their exact labels, are changed.
    """
    numbers = {layout.finding(finding.id): n for n, finding in enumerate(loaded.pack.findings, start=1)}
    present: set[str] = set()
    for element in tree.findall(nodes.Element):
        present.update(element.get("ids", []))
    sources = {layout.source(source.id) for source in loaded.pack.sources}
    implications = {
        layout.implication(audience.id, number)
        for audience in loaded.pack.audiences
        for number in range(1, len(audience.implications) + 1)
    }
    _ = Labels(loaded)._
    for section in list(tree.findall(nodes.section)):
        ids = set(section["ids"])
        if ids & sources:
            _compact(section, numbers, present, str, NUMBER_LIST_CLASS)
        elif ids & implications:
            _compact(section, numbers, present, lambda number: _(IMPLICATION_FINDING, number=number))


def _compact(
    section: nodes.section,
    numbers: dict[str, int],
    present: set[str],
    entry: Callable[[int], str],
    kind: str = "",
) -> None:
    """Each list of links to findings in ``section`` becomes its lead line, then linked numbers."""
    for listing in [node for node in section.children if isinstance(node, nodes.bullet_list)]:
        targets = [[_fragment(r) for r in item.findall(nodes.reference)] for item in listing.children]
        if not targets or not all(len(t) == 1 and t[0] in numbers for t in targets):
            continue
        printed = [t[0] for t in targets if t[0] in present]
        position = section.index(listing)
        lead = section[position - 1] if position else None
        if not isinstance(lead, nodes.paragraph):
            lead = None
        line = nodes.paragraph(classes=["lcsi-resting", *([kind] if kind else [])])
        if lead is not None:
            line.extend(child.deepcopy() for child in lead.children)
            section.remove(lead)
        for index, label in enumerate(printed):
            line += nodes.Text(" " if index == 0 else ", ")
            line += nodes.reference("", entry(numbers[label]), refid=label)
        if printed:
            section.replace(listing, line)
        else:
            section.remove(listing)
