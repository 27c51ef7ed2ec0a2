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
from lcsi_briefs.sphinx_ext.config import PREFIX, BriefsConfig, checked_settings

CONF_PY = "conf.py"


#: Sphinx's settings naming folders, relative to ``conf.py``'s, whose files a build reads
#: besides the pages and packs (the HTML builder's are declared here, as it declares them): the
#: ones a publisher's project sets. Those inside the project count as its inputs
#: (``cli.inputs.read_folders``); a theme's own folder (``html_theme_path``) is not among them.
CONF_FOLDERS = ("templates_path", "html_static_path", "html_extra_path", "locale_dirs")


def _read(project: Path) -> tuple[BriefsConfig, str, tuple[str, ...]]:
    """The lcsi-briefs settings of the ``conf.py`` in ``project``, checked as the extension checks
    them, the site's language, and the other folders it names (:data:`CONF_FOLDERS`).

    A bad value falls back to its default here too (the extension names it when it builds), so
    the command and Sphinx agree on every folder: ``pages_dir = "../outside"`` is refused by both.
    """
    from sphinx.config import Config  # noqa: PLC0415 - only commands that read conf.py pay for it
    from sphinx.util.tags import Tags  # noqa: PLC0415

    if not (project / CONF_PY).is_file():
        return BriefsConfig(), "en", ()
    config = Config.read(project, overrides={}, tags=Tags())
    for field in fields(BriefsConfig):
        config.add(PREFIX + field.name, field.default, "env", types=(type(field.default),))
    for name in CONF_FOLDERS:
        if name not in config:
            config.add(name, [], "html", types=(list, tuple))
    folders = [getattr(config, name) for name in CONF_FOLDERS]
    named = tuple(str(folder) for value in folders if isinstance(value, list | tuple) for folder in value)
    language = config.language
    return checked_settings(config)[0], language if isinstance(language, str) and language else "en", named


def read_settings(project: Path) -> BriefsConfig:
    """The lcsi-briefs settings of the ``conf.py`` in ``project`` (see :func:`_read`)."""
    return _read(project)[0]


def read_layout(project: Path) -> ProjectLayout:
    """The folders of the project whose ``conf.py`` is in ``project``, and the site's language."""
    settings, language, conf_dirs = _read(project)
    return ProjectLayout(
        root=project,
        packs_dir=settings.packs_dir,
        pages_dir=settings.pages_dir,
        language=language,
        members_dir=settings.members_dir,
        conf_dirs=conf_dirs,
    )
