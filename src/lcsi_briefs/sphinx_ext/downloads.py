"""The ``briefing-downloads`` directive: links from a page to the PDF editions of a pack; and
``briefing-data``: every chart's and table's data file (CSV) on the site, for the "Other formats" page.

The links are resolved when each page is written, relative to that page, so they work
wherever the site is hosted. The PDF builder drops them: a printed page needs no download link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from lcsi_briefs.editions import Edition, editions
from lcsi_briefs.layout import DATA_URL_DIR, PDF_URL_DIR, PackLayout
from lcsi_briefs.pages.markup import language_class
from lcsi_briefs.sphinx_ext.site_packs import site_packs
from lcsi_briefs.sphinx_ext.warnings import BriefsWarnings, warn
from lcsi_briefs.text.catalogue import Translator, translator_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)


class pdf_downloads(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A block of PDF links, with hrefs resolved at write time."""


class pdf_more(nodes.General, nodes.Element):  # noqa: N801
    """Further editions, folded away on the page: ``summary`` is the line shown."""


class pdf_link(nodes.Inline, nodes.TextElement):  # noqa: N801
    """One PDF file; ``filename`` is relative to the PDF folder of the site."""


class data_link(nodes.Inline, nodes.TextElement):  # noqa: N801
    """One data file; ``filename`` is relative to the data folder of the site."""


def _group(label: str, pair: list[Edition], _: Translator) -> nodes.list_item:
    """One line per edition: its name, then the standard and large-print files."""
    paragraph = nodes.paragraph("", "", nodes.Text(f"{label}: "))
    for number, edition in enumerate(pair):
        if number:
            paragraph += nodes.Text(" · ")
        text = _("large print PDF") if edition.large_print else _("PDF")
        paragraph += pdf_link(text, text, filename=edition.filename, title=edition.title)
    return nodes.list_item("", paragraph)


def _groups(chosen: list[Edition], _: Translator) -> nodes.bullet_list:
    items = nodes.bullet_list()
    for label in dict.fromkeys(edition.label for edition in chosen):
        items += _group(label, [edition for edition in chosen if edition.label == label], _)
    return items


class BriefingDownloads(SphinxDirective):
    """``{briefing-downloads} <slug>`` with ``:editions: all|full|<audience id>``."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"editions": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        slug = self.arguments[0]
        packs = site_packs(self.env)
        if slug not in packs:
            warn(logger, BriefsWarnings.DOWNLOADS, "no briefing pack %r", slug, location=self.get_location())
            return []
        which = self.options.get("editions", "full")
        every = editions(packs[slug])
        main = [
            e for e in every if (e.audience is None) == (which in ("all", "full")) and (e.audience in (None, which))
        ]
        # The pack's language, which may not be the page's: the block says which it is in.
        language = packs[slug].pack.briefing.language
        _ = translator_for(language)
        container = pdf_downloads(classes=["lcsi-downloads", language_class(language)], label=_("PDF downloads"))
        container += nodes.paragraph("", "", nodes.strong("", _("Printable editions")))
        container += _groups(main, _)
        if which == "all":
            others = [e for e in every if e.audience is not None and not e.brief]
            summary = _.plural(
                "Editions for each audience ({count} PDF)", "Editions for each audience ({count} PDFs)", len(others)
            )
            more = pdf_more(summary=summary)
            more += _groups(others, _)
            container += more
        if which in ("all", "full"):
            briefs = [e for e in every if e.brief]
            summary = _.plural(
                "One-sheet briefs for each audience ({count} PDF)",
                "One-sheet briefs for each audience ({count} PDFs)",
                len(briefs),
            )
            more = pdf_more(summary=summary)
            more += _groups(briefs, _)
            container += more
        return [container]


class BriefingData(SphinxDirective):
    """``{briefing-data}``: each briefing's charts and tables, linked to their data files."""

    def run(self) -> list[nodes.Node]:
        briefings = nodes.bullet_list(classes=["lcsi-data-files"])
        for slug, loaded in site_packs(self.env).items():
            layout = PackLayout(slug)
            files = nodes.bullet_list()
            for finding in loaded.pack.findings:
                parts = [("chart", chart.title) for chart in finding.charts]
                parts += [("table", table.title) for table in finding.tables]
                numbers: dict[str, int] = {}
                for kind, title in parts:
                    numbers[kind] = numbers.get(kind, 0) + 1
                    filename = layout.data_file(finding.id, kind, numbers[kind])
                    files += nodes.list_item("", nodes.paragraph("", "", data_link(title, title, filename=filename)))
            if files.children:
                heading = nodes.paragraph("", loaded.pack.briefing.title)
                briefings += nodes.list_item("", heading, files)
        return [briefings] if briefings.children else []


def _visit_downloads(translator: HTML5Translator, node: pdf_downloads) -> None:
    # starttag writes the classes (the language one as ``lang``) and escapes the label.
    translator.body.append(translator.starttag(node, "nav", "", False, **{"aria-label": node.get("label", "")}))


def _depart_downloads(translator: HTML5Translator, node: pdf_downloads) -> None:
    translator.body.append("</nav>")


def _visit_more(translator: HTML5Translator, node: pdf_more) -> None:
    translator.body.append(f'<details class="lcsi-more"><summary>{translator.encode(node["summary"])}</summary>')


def _depart_more(translator: HTML5Translator, node: pdf_more) -> None:
    translator.body.append("</details>")


def _visit_link(translator: HTML5Translator, node: pdf_link) -> None:
    builder = translator.builder
    href = relative_uri(builder.get_target_uri(builder.current_docname), f"{PDF_URL_DIR}/{node['filename']}")
    title = translator.attval(node.get("title", ""))
    translator.body.append(
        f'<a class="reference download lcsi-pdf" href="{translator.attval(href)}" '
        f'type="application/pdf" title="{title}">'
    )


def _depart_link(translator: HTML5Translator, node: pdf_link) -> None:
    translator.body.append("</a>")


def _visit_data_link(translator: HTML5Translator, node: data_link) -> None:
    builder = translator.builder
    href = relative_uri(builder.get_target_uri(builder.current_docname), f"{DATA_URL_DIR}/{node['filename']}")
    translator.body.append(f'<a class="reference download" href="{translator.attval(href)}" type="text/csv">')


def _skip(translator: object, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup_downloads(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        pdf_downloads, html=(_visit_downloads, _depart_downloads), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_node(pdf_more, html=(_visit_more, _depart_more), latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(pdf_link, html=(_visit_link, _depart_link), latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(data_link, html=(_visit_data_link, _depart_link), latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_directive("briefing-downloads", BriefingDownloads)
    app.add_directive("briefing-data", BriefingData)
