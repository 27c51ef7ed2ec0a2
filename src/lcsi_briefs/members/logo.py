"""Check a logo file before it goes into a PDF: a sound PNG, or an SVG that can do nothing but draw.

A member's logo comes from outside the publisher, and an SVG is a program as much as a
picture: it can hold scripts, pull in other files or web addresses, or declare entities that
expand into gigabytes. The SVG is parsed with defusedxml (no document type, no entities, no
external references) and refused if it holds a script, an event handler, a foreign object
or any link that leaves the file. A PNG must open and verify with Pillow. Each check returns
the sentence an editor reads, or None.
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from PIL import Image, UnidentifiedImageError

from lcsi_briefs.files import FileState, file_state, lies_inside
from lcsi_briefs.model.problems import quoted

#: A logo is a few kilobytes; a megabyte is a photograph or a mistake, and every PDF would carry it.
MAX_LOGO_BYTES = 1024 * 1024
#: Far more than a logo needs at print resolution (a 60 mm logo at 600 dpi is about 1,400 pixels).
MAX_LOGO_PIXELS = 4000
SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
#: Elements that run code or embed other documents: nothing a logo needs.
_REFUSED = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"}
#: An embedded bitmap inside the SVG is kept inside it; anything else leaves the file.
_INTERNAL = re.compile(r"^(#|data:image/(png|jpeg|gif);base64,)", re.IGNORECASE)
_URL = re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _svg_problem(root: ET.Element) -> str | None:
    if root.tag != f"{SVG}svg":
        return f"expected an SVG image (an <svg> element in the SVG namespace), found <{_local(root.tag)}>"
    if not root.get("viewBox") and not (root.get("width") and root.get("height")):
        return 'the SVG has no viewBox (nor width and height), so it cannot be sized; add viewBox="0 0 W H"'
    for element in root.iter():
        name = _local(element.tag)
        if name in _REFUSED:
            return f"the SVG holds a <{name}> element, which could run code or load other files; remove it"
        for attribute, value in element.attrib.items():
            key = _local(attribute)
            if key.lower().startswith("on"):
                return f"the SVG's <{name}> has an event handler ({key}), which is a script; remove it"
            if (attribute == _XLINK_HREF or key == "href") and not _INTERNAL.match(value.strip()):
                return f"the SVG's <{name}> links to {quoted(value)}, outside the file; embed what it shows instead"
            if key == "style" and _URL.search(value):
                return f"the SVG's <{name}> style loads a file with url(); a logo must be self-contained"
        if name == "style" and (_URL.search(element.text or "") or "@import" in (element.text or "")):
            return "the SVG's <style> loads another file (@import or url()); a logo must be self-contained"
    return None


def _svg(raw: bytes) -> str | None:
    try:
        root = fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return "the SVG declares a document type or entities, which a logo never needs and could hide an attack"
    except ET.ParseError as error:
        line, column = error.position
        return f"the SVG is not well-formed XML (line {line}, column {column + 1} of the SVG): {error.msg}"
    return _svg_problem(root)


def _png(path: Path) -> str | None:
    try:
        with Image.open(path, formats=["PNG"]) as image:
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, SyntaxError, OSError, ValueError) as error:
        return f"the file is not a readable PNG image ({error}); export the logo again"
    except Image.DecompressionBombError:
        return "the PNG is far too large to be a logo"
    if max(width, height) > MAX_LOGO_PIXELS:
        return f"the PNG is {width} x {height} pixels; a logo needs at most {MAX_LOGO_PIXELS} pixels a side"
    return None


def logo_problem(path: Path, folder: Path) -> str | None:
    """Why the logo at ``path`` cannot be printed, or None; it must lie inside ``folder``."""
    if not lies_inside(path, folder):
        return f"the logo {path} is outside {folder} (a link elsewhere?); copy the file itself into that folder"
    if not path.exists():
        return f"no logo file at {path}"
    if not path.is_file():
        return f"the logo {path} is not a plain file"
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        return f"the logo is {size:,} bytes; a logo may be at most {MAX_LOGO_BYTES // 1024:,} KiB"
    if size == 0:
        return f"the logo {path} is empty"
    return _svg(path.read_bytes()) if path.suffix.lower() == ".svg" else _png(path)


def data_uri(path: Path) -> str:
    """The checked logo inside the print HTML: no file to fetch, and its bytes are in every digest.

    Read and encoded once per version of the file: a build asks for a member's logo for each of
    its copies (28 for the bundled pack), and for the publisher's for every edition.
    """
    return _encoded(path, file_state(path))


@lru_cache(maxsize=256)
def _encoded(path: Path, _state: FileState | None) -> str:
    kind = "image/svg+xml" if path.suffix.lower() == ".svg" else "image/png"
    return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")
