"""What a member downloads: an ``index.html`` listing its files, and one zip of them all.

Both are reproducible, like the PDFs: the zip's entries are sorted and stamped with the
edition's time, never the clock, so shards built apart and one build made whole agree to the
byte. Each file is rewritten only when its bytes change, so a member whose files did not
change keeps its index and zip as they were.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from lcsi_briefs.text.catalogue import N_, translator_for

TEMPLATES = Path(__file__).parent / "templates"
INDEX_TITLE = N_("Briefings shared by {member}")
INDEX_INTRO = N_("Published by {publisher} and shared by {member}. Each briefing comes in standard and large print.")
ZIP_LINK = N_("All of these files in one zip file")
#: Files in the zip are readable by everyone who unpacks it, and by nobody as a program.
_FILE_MODE = 0o644 << 16


@dataclass(frozen=True)
class Listed:
    """One file in a member's index: what it is, in its pack's language, and its name."""

    label: str
    filename: str


@dataclass(frozen=True)
class ListedPack:
    title: str
    language: str
    files: list[Listed]


@cache
def _templates() -> jinja2.Environment:
    """One environment per process, so the index template is compiled once, not once per member."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )


def index_html(member: str, publisher: str, language: str, packs: list[ListedPack], zip_name: str) -> str:
    """The member's page of downloads; every name from the data goes in as escaped text."""
    _ = translator_for(language)
    return (
        _templates()
        .get_template("index.html")
        .render(
            language=language,
            title=_(INDEX_TITLE, member=member),
            intro=_(INDEX_INTRO, publisher=publisher, member=member),
            zip_label=_(ZIP_LINK),
            zip_name=zip_name,
            packs=packs,
        )
    )


def zip_bytes(folder: Path, names: list[str], stamp: dt.datetime) -> bytes:
    """A zip of ``names`` in ``folder``, sorted, every entry stamped ``stamp``: the same bytes every time."""
    buffer = io.BytesIO()
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(names):
            entry = zipfile.ZipInfo(name, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever machine made it, so the mode below is read
            entry.external_attr = _FILE_MODE
            archive.writestr(entry, (folder / name).read_bytes())
    return buffer.getvalue()
