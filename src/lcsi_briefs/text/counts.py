"""A count and its noun in the tool's own messages: "1 problem", "3 problems".

The commands, the build's errors and preflight's findings speak to the publisher in English,
like every other message of theirs (the file, the field, what was expected and found), so their
counts follow English's one plural rule here, in one place. A count a reader of a briefing meets
is different: it comes from the catalogue (``_.plural`` in :mod:`lcsi_briefs.text.catalogue`), so
each language's own plural rule applies.
"""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, the noun with a plural "s" unless there is exactly one."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
