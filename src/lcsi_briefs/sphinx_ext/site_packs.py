"""The packs one build read, kept on Sphinx's build environment for every later stage.

They are read once, at ``builder-inited``; the directives, transforms, the PDF builder and the
newsletter ask here. An environment without them means the extension never set up, and a
stage that went on with "no packs" would publish nothing, or delete every PDF as stale: so it
is an error, never an empty default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from lcsi_briefs.model.pack import LoadedPack

_ATTRIBUTE = "lcsi_briefs_packs"
_EVERY = "lcsi_briefs_every_pack"


def store_packs(env: BuildEnvironment, packs: list[LoadedPack], every: list[LoadedPack] | None = None) -> None:
    """``packs`` are this build's; ``every`` pack of the project (the default: the same) is kept
    for the twins, which a site in several languages publishes in another language's build."""
    setattr(env, _ATTRIBUTE, {loaded.slug: loaded for loaded in packs})
    setattr(env, _EVERY, list(every if every is not None else packs))


def site_packs(env: BuildEnvironment) -> dict[str, LoadedPack]:
    """Every pack of this build by its slug, in the order they were read."""
    packs: dict[str, LoadedPack] | None = getattr(env, _ATTRIBUTE, None)
    if packs is None:
        raise ExtensionError("lcsi-briefs: the briefing packs were not read (is lcsi_briefs in conf.py's extensions?)")
    return packs


def every_pack(env: BuildEnvironment) -> list[LoadedPack]:
    """Every pack of the project, this build's and the other languages' (to find a pack's twin)."""
    site_packs(env)  # the same check: the packs were read
    packs: list[LoadedPack] = getattr(env, _EVERY)
    return packs
