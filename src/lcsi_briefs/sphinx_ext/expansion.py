"""First uses spelled out in the pages Sphinx reads and in each assembled PDF edition.

The rule is :mod:`lcsi_briefs.text.first_use`; this applies it to a doctree, block by block in
reading order. Quotations are left as quoted, glossaries as defined, and titles and sources'
titles (see :func:`~lcsi_briefs.text.first_use.exempt_texts`) as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.glossary import GLOSSARY_CLASS
from lcsi_briefs.sphinx_ext.site_packs import page_pack
from lcsi_briefs.text.first_use import FirstUse, exempt_texts

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_SKIP = (nodes.block_quote, nodes.literal, nodes.literal_block, nodes.raw, nodes.comment, nodes.target)


def _skipped(node: nodes.Node) -> bool:
    """Quoted or literal text, and glossaries: a glossary is where an abbreviation is defined,
    so "Council for voluntary service (CVS)" as the term before its definition only repeats it."""
    while node is not None:
        if isinstance(node, _SKIP):
            return True
        if isinstance(node, nodes.container) and GLOSSARY_CLASS in node["classes"]:
            return True
        node = node.parent
    return False


def _outermost_text_elements(tree: nodes.Node) -> list[nodes.TextElement]:
    blocks = []
    for element in tree.findall(nodes.TextElement):
        parent = element.parent
        while parent is not None and not isinstance(parent, nodes.TextElement):
            parent = parent.parent
        if parent is None and not _skipped(element):
            blocks.append(element)
    return blocks


def _expand_blocks(blocks: list[nodes.TextElement], expand: FirstUse, exempt: tuple[str, ...]) -> None:
    for block in blocks:
        if block.astext().strip() in exempt:
            continue
        texts = [text for text in block.findall(nodes.Text) if not _skipped(text)]
        for old, new in zip(texts, expand.block([str(text) for text in texts]), strict=True):
            if new != str(old):
                old.parent.replace(old, nodes.Text(new))


def expand_tree(tree: nodes.Node, loaded: LoadedPack) -> None:
    """Spell out each abbreviation's first use in ``tree``, which is one reading order.

    Headings are read twice: on their own first (a printed contents page, a page's sidebar of
    headings), then in their place in the text. So the headings get their own first uses, and
    the text in order gets its own.
    """
    glossary, language = loaded.pack.glossary, loaded.pack.briefing.language
    exempt = exempt_texts(loaded.pack)
    blocks = _outermost_text_elements(tree)
    _expand_blocks([b for b in blocks if isinstance(b, nodes.title)], FirstUse(glossary, language), exempt)
    _expand_blocks(blocks, FirstUse(glossary, language), exempt)


def _expand_page(app: Sphinx, doctree: nodes.document) -> None:
    """Each generated page of a pack, on its own: a reader may start from any of them."""
    found = page_pack(app, app.env.docname)
    if found is not None:
        expand_tree(doctree, found[0])


def setup_first_use(app: Sphinx) -> None:
    app.connect("doctree-read", _expand_page)
