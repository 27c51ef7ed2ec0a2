"""``--shard K/N``: which share of a build one machine makes, as a value read once.

Apart from :mod:`lcsi_briefs.members.plan` (which works out the members in a shard) so the
commands can read the option, and a build with nothing changed can stop, without loading the
pack and member models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHARD = re.compile(r"^([1-9][0-9]*)/([1-9][0-9]*)$")


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count``, counted from 1 as people say it: ``2/4``."""

    index: int = 1
    count: int = 1

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"2/4"``; ValueError saying what was expected otherwise."""
        match = _SHARD.match(text.strip())
        if not match or int(match[1]) > int(match[2]):
            raise ValueError(f"a shard written K/N with 1 <= K <= N, such as 2/4, found {text!r}")
        return cls(int(match[1]), int(match[2]))

    @property
    def whole(self) -> bool:
        return self.count == 1

    @property
    def publishes_site(self) -> bool:
        """The site, the publisher's PDFs and the emails are built by the first shard only."""
        return self.index == 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"
