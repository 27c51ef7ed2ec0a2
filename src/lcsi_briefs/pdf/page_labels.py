"""The words around page numbers in a PDF, from the catalogue, as CSS.

The print stylesheet writes the footer as ``string(page-before) counter(page)
string(page-between) counter(pages) string(page-after)``; the print page sets those three
strings on its root element from the translated message, so the stylesheet holds no words.
A cross-reference's page ("Finding 3 (page 5)") is a rule of its own, written the same way.
"""

from __future__ import annotations

import string

from lcsi_briefs.text.catalogue import N_, Translator

PAGE_OF = N_("Page {page} of {pages}")
#: After a cross-reference on paper: the page its target starts on. "see" tells it from a page
#: of the source itself ("Final report (see page 21), p. 12").
PAGE_REFERENCE = N_("(see page {page})")
#: A cell of a table set stacked (one row a block, each cell led by its column's name).
STACKED_CELL = N_("{column}: {value}")
#: The links that get their target's page (chosen in pdf/assemble.py).
PAGE_REFERENCE_CLASS = "lcsi-page-ref"
#: On each reference and contents entry: its target's page, as the render last found it, which
#: the stylesheets print instead of ``target-counter()`` (``pdf/page_numbers.py``).
PAGE_ATTRIBUTE = "data-lcsi-page"
#: On a contents entry (set by ``tagging.prepare``): the target whose page it shows, which
#: ``static/tagging.css`` prints beside the entry's link rather than inside it (the stylesheet
#: names the attribute again: it is plain CSS, and the tagging tests fail if the two part).
CONTENTS_ATTRIBUTE = "data-page-of"
_SAFE = frozenset(string.ascii_letters + string.digits + " ")


def css_string(text: str) -> str:
    """A quoted CSS string whose only characters are letters, digits, spaces and hex escapes.

    Nothing in it can end the string, the rule or the ``<style>`` element it is written into.
    Each escape ends with the one space CSS reads as its end, so a space after the escaped
    character is kept ("\\00003a  " is ": ", where "\\00003a " alone would be ":").
    """
    return '"' + "".join(char if char in _SAFE else f"\\{ord(char):06x} " for char in text) + '"'


def page_labels_css(_: Translator) -> str:
    """``html { string-set: … }`` for the footer; the page number must come before the total."""
    template = _(PAGE_OF)
    before, rest = template.split("{page}", 1) if "{page}" in template else ("", template)
    between, after = rest.split("{pages}", 1) if "{pages}" in rest else (rest, "")
    strings = {"page-before": before, "page-between": between, "page-after": after}
    assignments = ", ".join(f"{name} {css_string(text)}" for name, text in strings.items())
    return f"html {{ string-set: {assignments}; }}"


def page_references_css(_: Translator) -> str:
    """``a.lcsi-page-ref::after { content: … }``: a link's words, then its target's page.

    Two rules: WeasyPrint's own ``target-counter()``, and the page the render wrote on the link
    (``pdf/page_numbers.py``), printed instead where it did.
    The spaces inside the message do not break, so a number never starts a line alone.
    """
    template = _(PAGE_REFERENCE).replace(" ", "\u00a0")
    before, after = template.split("{page}", 1) if "{page}" in template else (template, "")
    rules = []
    for selector, page in (
        (f"a.{PAGE_REFERENCE_CLASS}", "target-counter(attr(href), page)"),
        (f"a.{PAGE_REFERENCE_CLASS}[{PAGE_ATTRIBUTE}]", f"attr({PAGE_ATTRIBUTE})"),
    ):
        rules.append(f"{selector}::after {{ content: {css_string(' ' + before)} {page} {css_string(after)}; }}")
    return "\n".join(rules)


def stacked_label_css(_: Translator) -> str:
    """``…::before { content: … }``: a stacked table's cell, its column's name and the words around it.

    :mod:`lcsi_briefs.pdf.preflight.keep` gives each cell of a table it stacks its column's name.
    """
    template = _(STACKED_CELL)
    before, rest = template.split("{column}", 1) if "{column}" in template else ("", template)
    between = rest.split("{value}", 1)[0]
    content = f"{css_string(before)} attr(data-label) {css_string(between)}"
    return f"table.lcsi-table-stacked td[data-label]::before {{ content: {content}; }}"
