"""One sitemap for a site in several languages.

Each language's site is its own Sphinx build, and sphinx-sitemap writes a ``sitemap.xml`` for
each, in its folder (``cy/sitemap.xml``). Search engines read the one at the site's root, the one
``robots.txt`` conventions point at, so the root's lists every language's pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

SITEMAP = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def merge_sitemaps(site: Path, language_folders: Iterable[str]) -> None:
    """Add each language folder's sitemap entries to the root's (without a root sitemap, as when
    the site has no address, there is nothing to merge)."""
    root_file = site / SITEMAP
    if not root_file.is_file():
        return
    ET.register_namespace("", NAMESPACE)
    tree = ET.parse(root_file)
    listed = {loc.text for loc in tree.getroot().iter(f"{{{NAMESPACE}}}loc")}
    for folder in language_folders:
        other = site / folder / SITEMAP
        if not other.is_file():
            continue
        for url in ET.parse(other).getroot().findall(f"{{{NAMESPACE}}}url"):
            loc = url.find(f"{{{NAMESPACE}}}loc")
            if loc is not None and loc.text not in listed:
                tree.getroot().append(url)
                listed.add(loc.text)
    tree.write(root_file, encoding="utf-8", xml_declaration=True)
