"""The logo a member's or the publisher's file names, read from its YAML before any model.

Two readers need it before (or without) the models: the build's digest, which counts the logo's
bytes so that a new logo reprints the editions without loading the members' models, and the
loader, which checks the named logo beside a broken file's other problems in one pass. Both ask
here, so a change to where the file names its logo changes both. Where the logo may lie (inside
the folder of the file naming it, links followed) is the project's one rule for files it reads,
:func:`lcsi_briefs.files.lies_inside`: the loader's check refuses a logo outside and the digest
leaves it out. Apart from :mod:`lcsi_briefs.members.logo`, whose checks load Pillow and defusedxml.
"""

from __future__ import annotations

#: Where a member's or the publisher's file names its logo: ``logo: {path: …}``.
LOGO_FIELD = ("logo", "path")


def named_logo(data: object) -> str | None:
    """The logo path the file's parsed YAML names, or None when it names none a path can be."""
    logo = data.get(LOGO_FIELD[0]) if isinstance(data, dict) else None
    named = logo.get(LOGO_FIELD[1]) if isinstance(logo, dict) else None
    return named if isinstance(named, str) else None
