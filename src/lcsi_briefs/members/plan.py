"""Which files each member gets, and which share of them one machine builds (``--shard K/N``).

One rule for both: the build prints, the index lists and the shards split exactly what
:func:`member_editions` says. A member gets every audience's edition and one-sheet brief of
each pack, each with its large-print twin, narrowed by its ``packs`` and ``audiences``; the
full briefing stays the publisher's own.

Shards split by member, never inside one: a member's index and zip are made where all its
files are, so N machines' ``build/`` folders merge by plain copying. The split is fixed by
the member files alone (largest first, each to the least loaded shard, ties to the lowest),
so every machine computes the same one without talking to the others. The publisher's own
editions and the site go with shard 1, and count towards its load.
"""

from __future__ import annotations

from lcsi_briefs.editions import Edition, editions
from lcsi_briefs.members.model import LoadedMember
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.model.pack import LoadedPack


def member_editions(member: LoadedMember, packs: list[LoadedPack]) -> list[tuple[LoadedPack, Edition]]:
    """The editions printed for ``member``, in pack order then edition order."""
    chosen = member.member.packs
    audiences = member.member.audiences
    return [
        (loaded, edition)
        for loaded in packs
        if chosen is None or loaded.slug in chosen
        for edition in editions(loaded)
        if edition.audience is not None and (audiences is None or edition.audience in audiences)
    ]


def assign(work: dict[str, int], count: int, first_load: int = 0) -> dict[str, int]:
    """Each member id's shard (1-based), balancing ``work`` (files per member) over ``count`` shards.

    ``first_load`` is the work shard 1 has already: the publisher's own editions.
    """
    loads = [first_load] + [0] * (count - 1)
    shards: dict[str, int] = {}
    for member_id in sorted(work, key=lambda m: (-work[m], m)):
        lightest = min(range(count), key=lambda s: (loads[s], s))
        loads[lightest] += work[member_id]
        shards[member_id] = lightest + 1
    return shards


def members_in_shard(members: list[LoadedMember], packs: list[LoadedPack], shard: Shard) -> list[LoadedMember]:
    """The members whose files ``shard`` builds, in their usual order."""
    if shard.whole:
        return list(members)
    work = {member.id: len(member_editions(member, packs)) for member in members}
    own = sum(len(editions(loaded)) for loaded in packs)
    shards = assign(work, shard.count, own)
    return [member for member in members if shards[member.id] == shard.index]
