"""The command line's view of a project: its folders, read from ``conf.py`` as Sphinx reads it.

``lcsi-briefs build``, ``serve`` and ``validate`` must look at the same folders as the
extension, or a build hashes one folder while Sphinx reads another and reports a stale site
as up to date. So ``conf.py`` is read once, by Sphinx's own reader, with the extension's
settings declared exactly as :func:`lcsi_briefs.sphinx_ext.config.setup_config` declares them.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from lcsi_briefs.layout import ProjectLayout
from lcsi_briefs.sphinx_ext.config import PREFIX, BriefsConfig, briefs_config

CONF_PY = "conf.py"


def read_settings(project: Path) -> BriefsConfig:
    """The lcsi-briefs settings of the ``conf.py`` in ``project``; the defaults where it has none."""
    from sphinx.config import Config  # noqa: PLC0415 - only commands that read conf.py pay for it
    from sphinx.util.tags import Tags  # noqa: PLC0415

    if not (project / CONF_PY).is_file():
        return BriefsConfig()
    config = Config.read(project, overrides={}, tags=Tags())
    for field in fields(BriefsConfig):
        config.add(PREFIX + field.name, field.default, "env", types=(type(field.default),))
    return briefs_config(config)


def read_layout(project: Path) -> ProjectLayout:
    """The folders of the project whose ``conf.py`` is in ``project``."""
    settings, default = read_settings(project), BriefsConfig()
    # A value of the wrong type is reported by the extension when it builds; here it falls back.
    packs_dir = settings.packs_dir if isinstance(settings.packs_dir, str) else default.packs_dir
    pages_dir = settings.pages_dir if isinstance(settings.pages_dir, str) else default.pages_dir
    return ProjectLayout(root=project, packs_dir=packs_dir, pages_dir=pages_dir)
