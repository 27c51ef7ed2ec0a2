"""One page per audience: what the findings mean for them and what they could do."""

from __future__ import annotations

from lcsi_briefs.editions import implication_findings
from lcsi_briefs.model.audience import Audience
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.pages.common import Labels, heading, target
from lcsi_briefs.pages.figures import methodology_link
from lcsi_briefs.pages.markup import escape, escape_format, fence, link, strong
from lcsi_briefs.pages.overview import front_matter
from lcsi_briefs.text.catalogue import N_, Translator
from lcsi_briefs.text.numbers import evidence_note

ACTIONS_LABEL = N_("What you could do")
QUESTIONS_LABEL = N_("Questions to discuss")
#: Marks the web page's line back to its briefing, which print leaves out.
FROM_BRIEFING_CLASS = "lcsi-from-briefing"
#: Marks the "About these implications" note, which a printed edition prints only once.
ABOUT_CLASS = "lcsi-about"


def _lists(actions: list[str], questions: list[str], _: Translator) -> list[str]:
    """Each list under its own sub-heading, one after the other.

    Plain headings rather than tabs: at phone width tabs stack, so the actions read as if they
    were the questions, and a list behind a tab is one many readers never open. A rubric with a
    heading level is a real ``<h3>`` for screen readers without adding to the page's contents.
    """
    lines: list[str] = []
    for name, items in ((ACTIONS_LABEL, actions), (QUESTIONS_LABEL, questions)):
        if items:
            lines += fence("rubric", escape(_(name)), {"heading-level": "3", "class": "lcsi-list-heading"})
            lines += ["", *[f"- {escape(item)}" for item in items], ""]
    return lines


def render_audience(loaded: LoadedPack, audience: Audience) -> str:
    pack = loaded.pack
    labels = Labels(loaded)
    linker = labels.term_linker()
    _ = labels._
    lines = front_matter(
        _("{title}: for {audience}", title=pack.briefing.title, audience=audience.in_text), audience.description
    )
    lines += [target(labels.audience(audience.id)), heading(1, audience.name), ""]
    # On the web, the way back to the briefing; a printed edition's masthead already names it.
    back = escape_format(_("From the briefing {link}."), link=link(pack.briefing.title, labels.overview()))
    lines += [*fence("container", FROM_BRIEFING_CLASS, body=[back]), ""]
    lines += methodology_link(loaded)
    lines += [p for paragraph in linker.paragraphs(audience.description) for p in (paragraph, "")]
    note = [p for paragraph in linker.paragraphs(pack.briefing.about_implications) for p in (paragraph, "")]
    lines += [*fence("admonition", escape(_("About these implications")), {"class": f"note {ABOUT_CLASS}"}, note), ""]
    for number, implication in enumerate(audience.implications, start=1):
        lines += [target(labels.implication(audience.id, number)), heading(2, f"{number}. {implication.title}"), ""]
        lines += [p for paragraph in linker.paragraphs(implication.text) for p in (paragraph, "")]
        rests_on = [
            labels.finding_link(finding.id) + escape(evidence_note(finding.evidence, pack.briefing.language))
            for _number, finding in implication_findings(pack, implication)
        ]
        lines += [strong(_("Rests on:")), "", *[f"- {item}" for item in rests_on], ""]
        lines += _lists(implication.actions, implication.questions, _)
    lines += ["```{briefing-downloads} " + loaded.slug, f":editions: {audience.id}", "```", ""]
    return "\n".join(lines)
