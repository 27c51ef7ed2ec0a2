"""``lcsi-briefs new``: start the next briefing in the series as a pack that validates at once.

The new file carries the series, publisher, language and audiences of the newest pack, the
next series number and today's date, and a commented example of every field, so an editor
replaces text rather than looking up the format.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from lcsi_briefs.loader import load_packs
from lcsi_briefs.model import ID_PATTERN, LoadedPack
from lcsi_briefs.pages.series import newest_first
from lcsi_briefs.schema import SCHEMA_FILE_NAME
from lcsi_briefs.text import fold


class ScaffoldError(Exception):
    """The new pack could not be written; the message says why."""


def _q(text: str) -> str:
    """A YAML double-quoted scalar: JSON strings are valid YAML, and quote everything safely."""
    return json.dumps(fold(text), ensure_ascii=False)


def _audiences(previous: LoadedPack | None) -> list[tuple[str, str, str]]:
    if previous is None:
        return [("members", "Members", "Who this audience is: replace this description.")]
    return [(a.id, a.name, a.description) for a in previous.pack.audiences]


def scaffold_text(slug: str, previous: LoadedPack | None, today: dt.date) -> str:
    briefing = previous.pack.briefing if previous else None
    series = briefing.series.name if briefing and briefing.series else "Member briefings"
    number = briefing.series.number + 1 if briefing and briefing.series else 1
    publisher = briefing.publisher if briefing else "Your organisation"
    language = briefing.language if briefing else "en-GB"
    about = briefing.about_implications if briefing else "These implications are our own reading of the findings."
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}",
        f"# Briefing {number} in the series. Replace every example below; `lcsi-briefs validate` checks it.",
        "# Text is shown exactly as written. Put text containing ': ' in double quotes.",
        "",
        "briefing:",
        '  title: "Replace with the briefing title"',
        '  # subtitle: "An optional line under the title"',
        "  series:",
        f"    name: {_q(series)}",
        f"    number: {number}",
        f"  edition_date: {today.isoformat()}",
        f"  publisher: {_q(publisher)}",
        f"  language: {language}",
        "  summary: >-",
        "    Two or three sentences on what the research found and why it matters.",
        f"  about_implications: {_q(about)}",
        "  keywords: [replace, these, keywords]",
        "  # headings:                        # optional: rename the section headings",
        '  #   findings: "Headline findings"',
        '  #   functions: "Functions"',
        '  #   pathways: "Outcome pathways"',
        '  #   audiences: "What it means for you"',
        "",
        "# The published reports the findings rest on. Keep each title exactly as published.",
        "sources:",
        "  - id: main-report",
        '    title: "Replace with the report title"',
        '    short_title: "Main report"        # optional: used where the report is cited',
        '    publisher: "Replace with the publisher"',
        f"    date: {today.isoformat()}",
        "    url: https://www.example.org/replace-with-the-report-address",
        '    # section: "An optional chapter or section"',
        '    # description: "What the report covers"',
        "",
        "# Headline findings, numbered by their order here. Each names at least one source id.",
        "findings:",
        "  - id: first-finding",
        '    statement: "Replace with the finding in one line."',
        "    explanation: >-",
        "      Replace with what the finding means, in plain language.",
        "    sources: [main-report]",
        "    # quote:                          # optional: exact words from a source, shown as a quotation",
        '    #   text: "The exact words."',
        "    #   source: main-report",
        "",
        "# Optional: what the subject of the research does, and the outcome pathways they feed.",
        "functions: []",
        "# functions:",
        "#   - id: a-function",
        '#     name: "A function"',
        '#     description: "What it is."',
        '#     examples: ["An example activity"]',
        "pathways: []",
        "# pathways:",
        "#   - id: a-pathway",
        '#     name: "A pathway"',
        '#     description: "What it leads to."',
        "#     functions: [a-function]",
        f"#     beneficiaries: [{_audiences(previous)[0][0]}]",
        "",
        "# Who the briefing is for. Each audience gets a page and PDF editions, and needs at least",
        "# one implication naming the findings it rests on.",
        "audiences:",
    ]
    for audience_id, name, description in _audiences(previous):
        lines += [
            f"  - id: {audience_id}",
            f"    name: {_q(name)}",
            f"    description: {_q(description)}",
            "    implications:",
            '      - title: "Replace with what the findings mean for this audience, in one line"',
            '        text: "Replace with the reasoning, in plain language."',
            "        findings: [first-finding]",
            '        actions: ["Replace with a practical thing to do"]',
            '        questions: ["Replace with a question to ask or discuss"]',
            "",
        ]
    lines += [
        "# Terms linked from the text wherever they appear.",
        "glossary:",
        '  - term: "example term"',
        '    definition: "Replace with a plain-language definition."',
        "",
    ]
    return "\n".join(lines)


def new_pack(folder: Path, slug: str, today: dt.date) -> Path:
    """Write ``folder/<slug>.yaml``; refuse bad names and never overwrite."""
    if not re.match(ID_PATTERN, slug):
        raise ScaffoldError(
            f"{slug!r} cannot name a briefing: use lower-case letters, digits and hyphens, e.g. 'lcsi-2026'"
        )
    target = folder / f"{slug}.yaml"
    if target.exists() or (folder / f"{slug}.yml").exists():
        raise ScaffoldError(f"{target} already exists; choose another name (nothing was changed)")
    existing = load_packs([folder]) if any(folder.glob("*.y*ml")) else []
    previous = newest_first(existing)[0] if existing else None
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:
        file.write(scaffold_text(slug, previous, today))
    return target
