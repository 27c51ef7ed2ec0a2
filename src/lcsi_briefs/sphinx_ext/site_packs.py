"""The packs one build read, kept on Sphinx's build environment for every later stage.

They are read once, at ``builder-inited``; the directives, transforms, the PDF builder and the
newsletter ask here. An environment without them means the extension never set up, and a
stage that went on with "no packs" would publish nothing, or delete every PDF as stale: so it
is an error, never an empty default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError

from lcsi_briefs.layout import page_of_pack

if TYPE_CHECKING:
    from sphinx.application import Sphinx
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


def page_pack(app: Sphinx, docname: str) -> tuple[LoadedPack, list[str]] | None:
    """The pack of this build a page is one of, and the page within it; None for other pages."""
    from lcsi_briefs.sphinx_ext.config import briefs_config  # noqa: PLC0415 - config imports this module

    found = page_of_pack(docname, briefs_config(app.config).pages_dir)
    packs = site_packs(app.env)
    return (packs[found[0]], found[1]) if found is not None and found[0] in packs else None


def every_pack(env: BuildEnvironment) -> list[LoadedPack]:
    """Every pack of the project, this build's and the other languages' (to find a pack's twin)."""
    site_packs(env)  # the same check: the packs were read
    packs: list[LoadedPack] = getattr(env, _EVERY)
    return packs
