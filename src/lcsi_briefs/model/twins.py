"""Language twins: a pack that is the translation of another, linked both ways and kept in step.

A pack says ``translation_of: <slug>`` in its ``briefing``. The two then link each other from
every page, cover and email, share their series number, and a build warns where one has a
finding, source or implication the other lacks. Plain Python: the extension logs the gaps.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lcsi_briefs.languages import babel_locale
from lcsi_briefs.model.pack import LoadedPack, Pack
from lcsi_briefs.model.problems import Problem


def where(loaded: LoadedPack) -> tuple[Path, int]:
    """The ``translation_of`` line of a pack (its ``briefing:`` line when it has none), from the
    positions the loader kept."""
    return loaded.path, loaded.position(("briefing", "translation_of"), key=True)[0]


def twin_problems(packs: Iterable[LoadedPack]) -> list[Problem]:
    """Translations that name no pack, themselves, another translation, or a pack already translated."""
    by_slug = {loaded.slug: loaded for loaded in packs}
    problems: list[Problem] = []
    claimed: dict[str, str] = {}
    for loaded in by_slug.values():
        original = loaded.pack.briefing.translation_of
        if original is None:
            continue

        def problem(message: str, loaded: LoadedPack = loaded) -> None:
            problems.append(loaded.document.problem(("briefing", "translation_of"), message))

        if original == loaded.slug:
            problem("the file name of another pack, found this pack's own name")
        elif original not in by_slug:
            names = ", ".join(sorted(s for s in by_slug if s != loaded.slug)) or "none"
            problem(f"the file name (without .yaml) of a pack in the same folder ({names}), found {original!r}")
        elif by_slug[original].pack.briefing.translation_of is not None:
            problem(f"a pack that is not itself a translation, found {original!r}, which translates another")
        elif original in claimed:
            problem(f"one translation per pack, found {original!r} already translated by {claimed[original]!r}")
        else:
            claimed[original] = loaded.slug
    return problems


def twins(packs: Iterable[LoadedPack]) -> dict[str, LoadedPack]:
    """Each pack's twin, both ways round, for packs that validated (see :func:`twin_problems`)."""
    by_slug = {loaded.slug: loaded for loaded in packs}
    pairs: dict[str, LoadedPack] = {}
    for loaded in by_slug.values():
        original = by_slug.get(loaded.pack.briefing.translation_of or "")
        if original is not None and original.slug != loaded.slug and original.slug not in pairs:
            pairs[loaded.slug] = original
            pairs[original.slug] = loaded
    return pairs


def _implications(pack: Pack) -> dict[str, list[tuple[str, ...]]]:
    return {a.id: [tuple(sorted(i.findings)) for i in a.implications] for a in pack.audiences}


def parity_gaps(translation: LoadedPack, original: LoadedPack) -> list[str]:
    """What one twin has and the other lacks, as sentences for a build warning."""
    gaps: list[str] = []
    a, b = translation.pack, original.pack
    names = (translation.slug, original.slug)
    if a.briefing.series and b.briefing.series and a.briefing.series.number != b.briefing.series.number:
        gaps.append(
            f"{names[0]} is number {a.briefing.series.number} and {names[1]} number {b.briefing.series.number}; "
            "a translation shares its original's number"
        )
    for kind, mine, theirs in (
        ("finding", [f.id for f in a.findings], [f.id for f in b.findings]),
        ("source", [s.id for s in a.sources], [s.id for s in b.sources]),
        ("audience", [x.id for x in a.audiences], [x.id for x in b.audiences]),
    ):
        for first, second, ids, others in ((names[0], names[1], mine, theirs), (names[1], names[0], theirs, mine)):
            gaps += [f"{first} has the {kind} {i!r}, which {second} lacks" for i in ids if i not in others]
        if kind == "finding" and set(mine) == set(theirs) and mine != theirs:
            gaps.append(f"{names[0]} and {names[1]} number their findings in a different order")
    ours, their = _implications(a), _implications(b)
    gaps += [
        f"the implications for {audience!r} differ: {names[0]} has {len(ours[audience])} "
        f"and {names[1]} {len(their[audience])}, or they rest on different findings"
        for audience in sorted(set(ours) & set(their))
        if ours[audience] != their[audience]
    ]
    return gaps


def language_name(language: str) -> str:
    """A language's name in that language, as a language switch shows it: "Cymraeg", "English"."""
    locale = babel_locale(language)
    name = (locale.language_name if locale else None) or language
    return name[:1].upper() + name[1:]


def landing_order(packs_newest_first: list[LoadedPack]) -> list[LoadedPack]:
    """Twins side by side, Welsh first (a bilingual publication in Wales puts Welsh first)."""
    pairs = twins(packs_newest_first)
    ordered: list[LoadedPack] = []
    placed: set[str] = set()
    for loaded in packs_newest_first:
        if loaded.slug in placed:
            continue
        group = [loaded] + ([pairs[loaded.slug]] if loaded.slug in pairs else [])
        group.sort(
            key=lambda p: (
                not p.pack.briefing.language.lower().startswith("cy"),
                p.pack.briefing.translation_of is not None,
            )
        )
        ordered += group
        placed |= {p.slug for p in group}
    return ordered
