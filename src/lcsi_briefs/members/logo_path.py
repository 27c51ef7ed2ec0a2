"""The logo a member's or the publisher's file names, read from its YAML before any model, and
the rule for where that logo may lie.

Two readers need it before (or without) the models: the build's digest, which counts the logo's
bytes so that a new logo reprints the editions without loading the members' models, and the
loader, which checks the named logo beside a broken file's other problems in one pass. Both ask
here, so a change to where the file names its logo changes both; both keep to one rule for where
it may lie (:func:`logo_inside`). Apart from
:mod:`lcsi_briefs.members.logo`, whose checks load Pillow and defusedxml.
"""

from __future__ import annotations

from pathlib import Path

#: Where a member's or the publisher's file names its logo: ``logo: {path: …}``.
LOGO_FIELD = ("logo", "path")


def named_logo(data: object) -> str | None:
    """The logo path the file's parsed YAML names, or None when it names none a path can be."""
    logo = data.get(LOGO_FIELD[0]) if isinstance(data, dict) else None
    named = logo.get(LOGO_FIELD[1]) if isinstance(logo, dict) else None
    return named if isinstance(named, str) else None


def logo_inside(logo: Path, folder: Path) -> bool:
    """Whether the logo file, links followed, lies inside ``folder`` (the folder of the file naming it).

    A member's logo goes into every PDF and its bytes into the build's digest: a link to a file
    elsewhere would print (and hash) what the project does not hold. The loader's check refuses
    such a logo and the digest leaves it out, both by this one rule.
    """
    return logo.resolve().is_relative_to(folder.resolve())
