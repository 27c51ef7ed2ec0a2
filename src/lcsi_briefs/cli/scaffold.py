"""``lcsi-briefs new``: start a briefing, continuing the pack or series named, and guess nothing.

With ``--from PACK`` (or ``--series NAME``, the newest pack of that series) the new file carries
what belongs to the series: its name (next number), publisher, language, and the audiences with
their descriptions. What belongs to a study is never carried over, because last year's words
would pass for this year's: the summary, the note on the implications (which names the study's
research team and funder), the sources, the findings with their excerpts and figures all start
as obvious placeholders (``REPLACE: …``) that ``validate`` refuses, naming each, so a scaffold can
never be published by mistake. Without either option it starts a pack that stands alone.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from lcsi_briefs.model.fields import ID_PATTERN, is_reserved_name
from lcsi_briefs.model.loader import load_packs
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.placeholders import MARK, URL
from lcsi_briefs.model.schema import SCHEMA_FILE_NAME
from lcsi_briefs.pages.series import newest_first
from lcsi_briefs.text.paragraphs import fold


class ScaffoldError(Exception):
    """The new pack could not be written; the message says why."""


def _q(text: str) -> str:
    """A YAML double-quoted scalar: JSON strings are valid YAML, and quote everything safely."""
    return json.dumps(fold(text), ensure_ascii=False)


def _r(what: str) -> str:
    """A placeholder as a YAML scalar."""
    return _q(f"{MARK} {what}")


def _audiences(previous: LoadedPack | None) -> list[tuple[str, str, str]]:
    if previous is None:
        return [("members", f"{MARK} who the audience is", f"{MARK} which organisations or people it covers")]
    return [(a.id, a.name, a.description) for a in previous.pack.audiences]


def scaffold_text(slug: str, previous: LoadedPack | None, today: dt.date) -> str:
    """The new pack's text; ``previous`` is the pack it continues (None: a pack that stands alone)."""
    briefing = previous.pack.briefing if previous else None
    if previous and previous.pack.briefing.series:
        named = previous.pack.briefing.series
        series = ["  series:", f"    name: {_q(named.name)}", f"    number: {named.number + 1}"]
        intro = f"# Briefing {named.number + 1} of {fold(named.name)}, continuing {previous.slug}."
    else:
        series = [
            "  # series:                          # optional: a numbered series",
            '  #   name: "Member briefings"',
            "  #   number: 1",
        ]
        intro = "# A briefing that stands alone (start it with --from PACK to continue a series)."
    publisher = _q(briefing.publisher) if briefing else _r("who publishes the briefing")
    language = _q(briefing.language) if briefing else '"en-GB"                # the language the text is written in'
    about = _r("who wrote the implications and on what basis, and who did and funded this research")
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}",
        intro,
        f"# Replace every {MARK} placeholder; `lcsi-briefs validate` names each one left.",
        "# Text is shown exactly as written. Put text containing ': ' in double quotes.",
        "",
        "briefing:",
        f"  title: {_r('the briefing title')}",
        '  # subtitle: "An optional line under the title"',
        *series,
        f"  edition_date: {today.isoformat()}",
        f"  publisher: {publisher}",
        f"  language: {language}",
        f"  summary: {_r('two or three sentences on what the research found and why it matters')}",
        f"  about_implications: {about}",
        "  # keywords: [words, for, search]",
        "  # headings:                        # optional: rename the section headings",
        '  #   findings: "Headline findings"',
        '  #   functions: "Functions"',
        '  #   pathways: "Outcome pathways"',
        '  #   audiences: "What it means for you"',
        "",
        "# The published reports the findings rest on. Keep each title exactly as published.",
        "sources:",
        "  - id: main-report",
        f"    title: {_r('the report title, exactly as published')}",
        '    short_title: "Main report"        # optional: used where the report is cited',
        f"    publisher: {_r('who published the report')}",
        f"    date: {today.isoformat()}",
        f"    url: {URL}",
        '    # section: "An optional chapter or section"',
        '    # description: "What the report covers"',
        "    # text_file: sources/main-report.txt  # optional: a plain-text copy, for `lcsi-briefs check`",
        "",
        "# Headline findings, numbered by their order here. Each names at least one source id.",
        "findings:",
        "  - id: first-finding",
        f"    statement: {_r('the finding in one line')}",
        f"    explanation: {_r('what the finding means, in plain language')}",
        "    sources: [main-report]",
        "    # The source's own words the finding rests on, copied exactly (never printed): `lcsi-briefs check`",
        "    # reads its numbers, hedges and quotations against them. The first is the one the statement restates.",
        "    excerpts:",
        "      - source: main-report",
        f"        location: {_r('where in the source, e.g. p. 14')}",
        f"        text: {_r('the exact words of the source')}",
        "    # figures:                        # optional: key figures, each in the excerpts and with its source",
        "    #   - value: 1214",
        '    #     label: "groups took part"',
        "    #     about: evidence             # a count of the evidence, not a measure of the finding",
        "    #     source: main-report",
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
            f"  - id: {_q(audience_id)}",
            f"    name: {_q(name)}",
            f"    description: {_q(description)}",
            "    implications:",
            f"      - title: {_r('what the findings mean for this audience, in one line')}",
            f"        text: {_r('the reasoning, in plain language')}",
            "        findings: [first-finding]",
            f"        actions: [{_r('a practical thing to do')}]",
            f"        questions: [{_r('a question to ask or discuss')}]",
            "",
        ]
    lines += [
        "# Terms linked from the text wherever they appear.",
        "glossary: []",
        "# glossary:",
        '#   - term: "a term"',
        '#     definition: "What it means, in plain language."',
        "",
    ]
    return "\n".join(lines)


def _continued(existing: list[LoadedPack], source: str | None, series: str | None) -> LoadedPack | None:
    """The pack ``--from`` names, or the newest of the series ``--series`` names; else none."""
    if source is not None:
        found = [loaded for loaded in existing if loaded.slug == source]
        if not found:
            names = ", ".join(sorted(loaded.slug for loaded in existing)) or "none"
            raise ScaffoldError(f"--from {source!r}: no such pack here; expected one of: {names}")
        return found[0]
    if series is not None:
        members = [p for p in existing if p.pack.briefing.series and p.pack.briefing.series.name == series]
        if not members:
            known = sorted({p.pack.briefing.series.name for p in existing if p.pack.briefing.series})
            raise ScaffoldError(f"--series {series!r}: no pack is in it; series here: {', '.join(known) or 'none'}")
        return newest_first(members)[0]
    return None


def _free(folder: Path, slug: str) -> Path:
    """The new pack's path, after refusing every name or place that cannot take it."""
    if not re.match(ID_PATTERN, slug):
        raise ScaffoldError(
            f"{slug!r} cannot name a briefing: use lower-case letters, digits and hyphens, e.g. 'survey-2026'"
        )
    if is_reserved_name(slug):
        raise ScaffoldError(f"{slug!r} cannot name a briefing: Windows reserves it for a device; choose another name")
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} is a file, not a folder; --folder names the folder the packs are in")
    target = folder / f"{slug}.yaml"
    for taken in (target, folder / f"{slug}.yml"):
        if taken.is_symlink() and not taken.exists():
            raise ScaffoldError(
                f"{taken} is a link to {taken.readlink()}, which does not exist; "
                "remove the link or choose another name (nothing was changed)"
            )
        if taken.exists() or taken.is_symlink():
            raise ScaffoldError(f"{taken} already exists; choose another name (nothing was changed)")
    return target


def new_pack(folder: Path, slug: str, today: dt.date, *, source: str | None = None, series: str | None = None) -> Path:
    """Write ``folder/<slug>.yaml``; refuse bad names and places, and never overwrite."""
    target = _free(folder, slug)
    wanted = source is not None or series is not None
    existing = load_packs([folder]) if wanted and folder.is_dir() and any(folder.glob("*.y*ml")) else []
    previous = _continued(existing, source, series)
    text = scaffold_text(slug, previous, today)
    created = False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as file:
            created = True
            file.write(text)
    except OSError as error:
        # A folder on the way that is a file, a read-only or full disk, a name taken meanwhile.
        if created:
            target.unlink(missing_ok=True)
        where = error.filename or target
        raise ScaffoldError(f"{where} could not be written: {error.strerror or error}; nothing was created") from None
    return target
