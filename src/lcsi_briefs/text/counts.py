"""A count and its noun in the tool's own messages: "1 problem", "3 problems".

The commands, the build's errors and preflight's findings speak to the publisher in English,
like every other message of theirs (the file, the field, what was expected and found), so their
counts follow English's one plural rule here, in one place. A count a reader of a briefing meets
is different: it comes from the catalogue (``_.plural`` in :mod:`lcsi_briefs.text.catalogue`), so
each language's own plural rule applies.
"""

from __future__ import annotations

from collections.abc import Sequence


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, the noun with a plural "s" unless there is exactly one."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def named_first(names: Sequence[str], shown: int, others: str = "more") -> str:
    """The first ``shown`` names, then how many others: "a, b, c and 2 more".

    A message that names every unknown id, untranslated message or member's copy would run to
    hundreds of names on a big project; the first few say where to look, the count how much.
    """
    listed = ", ".join(names[:shown])
    rest = len(names) - shown
    return f"{listed} and {rest} {others}" if rest > 0 else listed
