"""Terms: abbreviations explained before they are used, and one name per thing.

An abbreviation is explained in an edition when the glossary gives its expansion (print,
email and each web page then spell out its first use: see :mod:`lcsi_briefs.text.first_use`), when
the pack declares it well known, or when the text itself spells it out, as
"integrated care board (ICB)", at or before its first use. Titles are never spelled out,
because they print on covers and running heads.
"""

from __future__ import annotations

from lcsi_briefs.check.prose import OWN_WORDING, Kind, PackText, phrases_pattern
from lcsi_briefs.model.problems import Location, Problem
from lcsi_briefs.text.first_use import abbreviations, expansions, spelled_out


def abbreviation_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    known = set(pack.editorial.known_abbreviations) | set(expansions(pack.glossary))
    problems: dict[tuple[Location, int], Problem] = {}
    for edition, runs in text.editions():
        explained = set(known)
        for run in runs:
            for match in abbreviations(run.text):
                abbreviation = match.group("abbr")
                if run.kind is Kind.TITLE and abbreviation not in pack.editorial.known_abbreviations:
                    message = (
                        f"abbreviation {abbreviation!r} in a title: titles print on covers and running heads, "
                        "where its first use cannot be spelled out; write it in full"
                    )
                    problems.setdefault(
                        (run.location, match.start()), text.problem(run.location, message, match.start())
                    )
                    continue
                if abbreviation in explained or spelled_out(run.text, match):
                    explained.add(abbreviation)
                    continue
                explained.add(abbreviation)
                message = (
                    f"abbreviation {abbreviation!r} is used here before it is explained in {edition}: give it a "
                    f"glossary entry with an expansion, or spell it out at first use as 'full name ({abbreviation})'"
                )
                problems.setdefault((run.location, match.start()), text.problem(run.location, message, match.start()))
    return list(problems.values())


def preferred_term_problems(text: PackText) -> list[Problem]:
    pack = text.loaded.pack
    problems = []
    for number, preferred in enumerate(pack.editorial.preferred_terms):
        keep = phrases_pattern([preferred.term, f"{preferred.term}s"], ignore_case=not preferred.term.isupper())
        variants = [phrases_pattern([v], ignore_case=not v.isupper()) for v in preferred.variants]
        for run in text.all_runs():
            if run.kind not in OWN_WORDING:
                continue
            # A variant inside the preferred term ("infrastructure organisation" in
            # "local infrastructure organisation") is the preferred term, not the variant.
            masked = keep.sub(lambda m: "\0" * len(m.group(0)), run.text)
            for pattern in variants:
                for match in pattern.finditer(masked):
                    message = (
                        f"{match.group(1)!r} is another name for {preferred.term!r}, which this pack uses "
                        f"(editorial.preferred_terms[{number}]); one name per thing"
                    )
                    problems.append(text.problem(run.location, message, match.start()))
    return problems


def unused_term_problems(text: PackText) -> list[Problem]:
    """A glossary term the text uses in none of its forms: no page links it and no printed edition
    lists it, so the entry explains nothing (a plural or a mutated form belongs in its ``forms``)."""
    pack = text.loaded.pack
    # An entry for a name the pack avoids (a preferred term's variant) explains a name readers
    # meet elsewhere: it is wanted although this text never uses it.
    avoided = {variant.casefold() for preferred in pack.editorial.preferred_terms for variant in preferred.variants}
    problems = []
    written = "\n".join(run.text for run in text.all_runs())
    for index, entry in enumerate(pack.glossary):
        if entry.term.casefold() in avoided:
            continue
        if not phrases_pattern([entry.term, *entry.forms], ignore_case=True).search(written):
            message = (
                f"the glossary term {entry.term!r} is not used in the text in any form: add the form the text "
                "uses (a plural, a mutation) to its 'forms', or remove the entry"
            )
            problems.append(text.problem(("glossary", index, "term"), message))
    return problems
