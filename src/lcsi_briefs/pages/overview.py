"""The briefing's front page: summary, headlines, functions, pathways and who it affects."""

from __future__ import annotations

import html
import json

from lcsi_briefs.model.citations import Quote
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.common import Labels, heading, target
from lcsi_briefs.pages.figures import evidence_line, finding_numbers, methodology_section
from lcsi_briefs.pages.markup import (
    TermLinker,
    escape,
    escape_format,
    fence,
    grid,
    grid_card,
    link,
    paragraphs,
    strong,
)
from lcsi_briefs.text.catalogue import N_
from lcsi_briefs.text.paragraphs import fold, long_date

DIAGRAM_FILE = "pathways.svg"
#: Marks the "implications for" line, which audience PDF editions leave out.
AFFECTS_CLASS = "lcsi-affects"
DIAGRAM_ALT = N_(
    "Diagram: which functions feed each outcome pathway, and who benefits from each. "
    "The same information is set out in the text after the diagram."
)
#: The links the diagram draws are the pack's, so the caption says whose mapping it is.
DIAGRAM_CAPTION = N_(
    "How each function feeds the outcome pathways, and who benefits, as this briefing maps them. "
    "The same links are listed below."
)
#: Marks the pathways' intro (the pack's caveat), which print keeps on the page of the diagram.
PATHWAYS_INTRO_CLASS = "lcsi-pathways-intro"
#: Names the diagram's scrolling region for screen readers (it goes into an attribute).
DIAGRAM_REGION = N_("Outcome pathways diagram")


def front_matter(title: str, description: str) -> list[str]:
    """Page metadata for search engines and for sharing (Open Graph, used when a site URL is set)."""

    # JSON is valid YAML, so json.dumps quotes any text safely for the front matter.
    def quoted(text: str) -> str:
        return json.dumps(fold(text), ensure_ascii=False)

    return [
        "---",
        f"og:title: {quoted(title)}",
        f"og:description: {quoted(description)}",
        "og:type: article",
        "myst:",
        "  html_meta:",
        f"    description: {quoted(description)}",
        "---",
        "",
    ]


#: The numbered list of every finding's statement at the head of the findings.
GLANCE_CLASS = "lcsi-at-a-glance"
#: The fewest findings that get the list at a glance.
GLANCE_FROM = 3


def _attribution(quote: Quote, labels: Labels) -> str:
    """Who said it and where: "— quoted from Final report", "— Anna Nowak, quoted in Final report"."""
    _ = labels._
    who = ", ".join(escape(part) for part in (quote.person, quote.role) if part)
    if quote.source is None:
        return escape_format(_("— {who}"), who=who)
    source = labels.source_link(quote.source, quote.location)
    if not who:
        return escape_format(_("— quoted from {source}"), source=source)
    return escape_format(_("— {who}, quoted in {source}"), who=who, source=source)


def _findings(loaded: LoadedPack, labels: Labels, linker: TermLinker) -> list[str]:
    pack = loaded.pack
    _ = labels._
    lines = [target(labels.findings()), heading(2, labels.headings.findings or ""), ""]
    # Every statement first, one line each and linked to its detail: the findings at a glance
    # (not for one or two, whose headings follow straight after).
    if len(pack.findings) >= GLANCE_FROM:
        glance = [strong(_("At a glance")), ""]
        glance += [f"{n}. {link(f.statement, labels.finding(f.id))}" for n, f in enumerate(pack.findings, start=1)]
        lines += [*fence("container", GLANCE_CLASS, body=glance), ""]
    for number, finding in enumerate(pack.findings, start=1):
        lines += [target(labels.finding(finding.id)), heading(3, f"{number}. {finding.statement}"), ""]
        lines += evidence_line(finding.evidence, pack.briefing.language) if finding.evidence else []
        for paragraph in linker.paragraphs(finding.explanation):
            lines += [paragraph, ""]
        lines += finding_numbers(loaded, finding)
        for quote in finding.all_quotes:
            lines += [f"> {p}" for p in linker.paragraphs(quote.text, link_terms=False)]
            lines += [">", f"> {_attribution(quote, labels)}", ""]
        lines += [strong(_("Sources:")) + " " + labels.citations(finding.sources), ""]
        affected = [a for a in pack.audiences if any(finding.id in i.findings for i in a.implications)]
        if affected:
            affects = strong(_("Implications for:")) + " " + ", ".join(labels.audience_link(a.id) for a in affected)
            lines += [*fence("container", AFFECTS_CLASS, body=[affects]), ""]
    return lines


def _functions(loaded: LoadedPack, labels: Labels, linker: TermLinker) -> list[str]:
    pack = loaded.pack
    if not pack.functions:
        return []
    cards: list[str] = []
    for function in pack.functions:
        header = [target(labels.function(function.id)), f"**{escape(function.name)}**"]
        body = [p for paragraph in linker.paragraphs(function.description) for p in (paragraph, "")]
        if function.examples:
            body += [escape(labels._("For example:")), ""] + [f"- {escape(example)}" for example in function.examples]
        cards += grid_card(header, body)
    title = [target(labels.functions()), heading(2, labels.headings.functions or ""), ""]
    intro = _intro(pack.briefing.intros.functions, linker)
    return [*title, *intro, *grid("1 1 2 3", cards, "lcsi-functions"), ""]


def _intro(text: str | None, linker: TermLinker) -> list[str]:
    """A section's intro paragraphs, or nothing."""
    return [p for paragraph in linker.paragraphs(text) for p in (paragraph, "")] if text else []


def _pathways(loaded: LoadedPack, labels: Labels, linker: TermLinker) -> list[str]:
    pack = loaded.pack
    if not pack.pathways:
        return []
    _ = labels._
    # The alt text is a directive option: one folded line, which the figure directive takes as text.
    options = {"alt": fold(_(DIAGRAM_ALT)), "figclass": "lcsi-diagram"}
    lines = [target(labels.pathways()), heading(2, labels.headings.pathways or ""), ""]
    intro = _intro(pack.briefing.intros.pathways, linker)
    lines += [*fence("container", PATHWAYS_INTRO_CLASS, body=intro), ""] if intro else []
    # On a phone the diagram keeps a legible size and scrolls sideways: a region the keyboard can reach.
    region = html.escape(_(DIAGRAM_REGION), quote=True)
    lines += ["```{raw} html", f'<div class="lcsi-diagram-scroll" role="region" tabindex="0" aria-label="{region}">']
    lines += ["```", *fence("figure", DIAGRAM_FILE, options, [escape(_(DIAGRAM_CAPTION))])]
    lines += ["```{raw} html", "</div>", "```", ""]
    for pathway in pack.pathways:
        lines += [target(labels.pathway(pathway.id)), heading(3, pathway.name), ""]
        lines += [p for paragraph in linker.paragraphs(pathway.description) for p in (paragraph, "")]
        fed_by = ", ".join(labels.function_link(f) for f in pathway.functions)
        benefits = ", ".join(labels.audience_link(a) for a in pathway.beneficiaries)
        fed_by_label, benefits_label = strong(_("Fed by:")), strong(_("Who benefits:"))
        lines += [f"- {fed_by_label} {fed_by}", f"- {benefits_label} {benefits}", ""]
    return lines


def _audiences(loaded: LoadedPack, labels: Labels) -> list[str]:
    pack = loaded.pack
    cards: list[str] = []
    for audience in pack.audiences:
        count = len(audience.implications)
        header = [f"**{link(audience.name, labels.audience(audience.id))}**"]
        footer = [escape(labels._.plural("{count} implication", "{count} implications", count))]
        cards += grid_card(header, paragraphs(audience.description), footer)
    title = [target(labels.audiences()), heading(2, labels.headings.audiences or ""), ""]
    return [*title, *grid("1 1 2 3", cards, "lcsi-audiences"), ""]


def render_overview(loaded: LoadedPack) -> str:
    pack = loaded.pack
    briefing = pack.briefing
    labels = Labels(loaded)
    linker = labels.term_linker()
    lines = front_matter(briefing.title, briefing.summary)
    lines += [target(labels.overview()), heading(1, briefing.title), ""]
    if briefing.subtitle:
        lines += [f"*{escape(briefing.subtitle)}*", ""]
    date = long_date(briefing.edition_date, briefing.language)
    facts = [date, briefing.publisher, *([briefing.contact] if briefing.contact else [])]
    if briefing.series:
        facts.insert(
            0, labels._("{series}, number {number}", series=briefing.series.name, number=briefing.series.number)
        )
    lines += [" · ".join(escape(fact) for fact in facts), ""]
    lines += [p for paragraph in linker.paragraphs(briefing.summary) for p in (paragraph, "")]
    lines += ["```{briefing-downloads} " + loaded.slug, ":editions: all", "```", ""]
    lines += _findings(loaded, labels, linker)
    lines += methodology_section(loaded)
    lines += _functions(loaded, labels, linker)
    lines += _pathways(loaded, labels, linker)
    lines += _audiences(loaded, labels)
    toc = labels.toc_entries([audience.id for audience in pack.audiences], glossary=bool(pack.glossary))
    lines += ["```{toctree}", ":hidden:", "", *toc, "```", ""]
    return "\n".join(lines)
