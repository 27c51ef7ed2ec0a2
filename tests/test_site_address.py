"""A site built for publication: with its address set, the sitemap and the canonical links use it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import ProjectFactory

ADDRESS = "https://briefings.example.org/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_sitemap_and_canonical_links_use_the_site_address(
    project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LCSI_BRIEFS_SITE_URL", ADDRESS)
    html = project() / "build" / "html"
    addresses = [node.text or "" for node in ET.parse(html / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert addresses and all(address.startswith(ADDRESS) for address in addresses)
    assert f"{ADDRESS}briefing/small/index.html" in addresses
    page = BeautifulSoup((html / "briefing" / "small" / "index.html").read_text("utf-8"), "html.parser")
    canonical = page.find("link", rel="canonical")
    assert canonical is not None and canonical["href"] == f"{ADDRESS}briefing/small/index.html"


def test_the_site_is_built_without_an_address_too(project: ProjectFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LCSI_BRIEFS_SITE_URL", raising=False)
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    html: Path = project() / "build" / "html"
    assert (html / "index.html").is_file()
    assert not (html / "sitemap.xml").exists()
