"""The package's own Jinja templates (the print pages, the emails, a member's index page), loaded
one way for every output that fills one.

Every value is escaped and a name the template does not get is an error, so text from data never
becomes markup and a misspelt name never prints as nothing. The templates are the package's files
and do not change while it runs: each environment compiles a template once and does not look at
it on disk again for every job (two ``stat`` calls each, a fifth of a member's plan).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2


def package_templates(folder: Path, **options: Any) -> jinja2.Environment:
    """An environment for the templates in ``folder``; ``options`` add an output's own settings."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
        **options,
    )
