"""Member files and logos for tests: a sound SVG, a sound PNG, and members written as YAML."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from PIL import Image

SVG_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40">'
    '<rect width="120" height="40" fill="#1f4e8c"/>'
    '<text x="10" y="26" fill="#ffffff" font-size="16">Leeds CVS</text></svg>'
)


def png_logo(colour: str = "#2e7d32", size: tuple[int, int] = (120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def member_data(name: str = "Leeds Community Voluntary Service", logo: str = "logos/leeds.svg") -> dict[str, Any]:
    """A fresh, valid member to change in a test."""
    return {
        "name": name,
        "logo": {"path": logo, "alt": f"{name} logo"},
        "colours": {"primary": "#1f4e8c", "accent": "#2e7d32"},
        "contact": {
            "email": "info@leeds-cvs.example.org",
            "phone": "0113 496 0000",
            "url": "https://leeds-cvs.example.org/",
            "address": "1 Park Row\nLeeds LS1 5AB",
        },
        "charity_number": "1234567",
        "foreword": "We share this briefing with the groups we support across the city.",
    }


def write_member(folder: Path, member_id: str, data: dict[str, Any]) -> Path:
    """``folder/<member_id>.yaml``, and its logo (an SVG, or a PNG by its suffix) if not there yet."""
    (folder / "logos").mkdir(parents=True, exist_ok=True)
    logo = data.get("logo", {}).get("path") if isinstance(data.get("logo"), dict) else None
    if isinstance(logo, str) and not (folder / logo).exists() and ".." not in logo:
        target = folder / logo
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".png":
            target.write_bytes(png_logo())
        elif target.suffix == ".svg":
            target.write_text(SVG_LOGO, encoding="utf-8")
    path = folder / f"{member_id}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_members(folder: Path, members: dict[str, dict[str, Any]]) -> None:
    """Each of ``members`` (by id) written into ``folder`` with :func:`write_member`."""
    for member_id, data in members.items():
        write_member(folder, member_id, data)
