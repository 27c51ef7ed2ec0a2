"""What a member downloads: an ``index.html`` listing its files, and one zip of them all.

Both are reproducible, like the PDFs: the zip's entries are sorted and stamped with the
edition's time, never the clock, so shards built apart and one build made whole agree to the
byte. A site in several languages prints each language's packs in a build of its own, so each
build leaves a :class:`Shared` listing beside the member's copies it printed, and the index and
zip are made from every language's listing together once all of them are done.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import jinja2

from lcsi_briefs.model.twins import language_name
from lcsi_briefs.templates import package_templates
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


@dataclass(frozen=True)
class Shared:
    """What one language's build printed for a member, and what its index needs to say so."""

    member: str
    publisher: str
    #: The site's language in that build: the index's when no pack is listed.
    language: str
    #: The time stamp of the zip's entries, from that build's newest edition (ISO 8601).
    stamp: str
    packs: list[ListedPack]

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Shared:
        data = json.loads(text)
        packs = [
            ListedPack(pack["title"], pack["language"], [Listed(**file) for file in pack["files"]])
            for pack in data["packs"]
        ]
        return cls(data["member"], data["publisher"], data["language"], data["stamp"], packs)


def merged(listings: Sequence[Shared]) -> tuple[Shared, dt.datetime]:
    """Every language's listing of one member as one (the first language's first) and the zip's stamp.

    ``listings`` come in the site's language order: the index is in the language of its first
    pack, the first language's when it lists none, as a site in one language does.
    """
    first = listings[0]
    packs = [pack for listing in listings for pack in listing.packs]
    language = packs[0].language if packs else first.language
    stamp = max(dt.datetime.fromisoformat(listing.stamp) for listing in listings)
    return Shared(first.member, first.publisher, language, stamp.isoformat(), packs), stamp


@cache
def _templates() -> jinja2.Environment:
    """One environment per process, so the index template is compiled once, not once per member."""
    return package_templates(TEMPLATES)


def index_html(member: str, publisher: str, language: str, packs: list[ListedPack], zip_name: str) -> str:
    """The member's page of downloads; every name from the data goes in as escaped text."""
    _ = translator_for(language)
    # Packs in more than one language (a site in several) each say which, in their own language.
    languages = {pack.language for pack in packs}
    names = {tag: language_name(tag) for tag in languages} if len(languages) > 1 else {}
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
            language_names=names,
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


def shared_files(folder: Path, listings: Sequence[Shared], index: str, zip_name: str) -> dict[str, bytes]:
    """The member's ``index`` page and zip, by name, for its copies gathered in ``folder``."""
    whole, stamp = merged(listings)
    names = [file.filename for pack in whole.packs for file in pack.files]
    page = index_html(whole.member, whole.publisher, whole.language, whole.packs, zip_name)
    return {zip_name: zip_bytes(folder, names, stamp), index: page.encode("utf-8")}
