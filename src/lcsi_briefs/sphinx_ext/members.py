"""The members' part of a PDF build: who gets which edition, where it goes, and their index and zip.

The PDF builder assembles each edition once and prints it for the publisher and then, with
the same content, for every member that gets it, all in one pool of workers. It knows a
member's copy only as a :class:`~lcsi_briefs.editions.MemberCopy` (a place and the parts it
adds); this glue reads the member files with :mod:`lcsi_briefs.members`, reports their
problems the build's way, and lists what it printed for each member once its PDFs are printed.
A site in several languages builds each language's packs apart: each build prints the members'
copies of its own packs, and the command publishing ``build/members`` makes each member's
index and zip from every language's listing (``cli/member_output.py``).
Without a members folder it reads nothing but that the folder is not there; the publisher's
file, when there is one, is read in every build, for the publisher's own editions.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from lcsi_briefs.editions import Cobrand, Edition, MemberCopy
from lcsi_briefs.files import write_if_changed
from lcsi_briefs.languages import language_key
from lcsi_briefs.layout import MEMBERS_DIR, MEMBERS_PRINTED, MemberLayout, ProjectLayout
from lcsi_briefs.members.cobrand import cobrand, own_brand
from lcsi_briefs.members.loader import load_members, load_publisher, publisher_name_problems
from lcsi_briefs.members.model import LoadedMember
from lcsi_briefs.members.plan import member_editions, members_in_shard
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.members.share import Listed, ListedPack, Shared
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.sphinx_ext.config import briefs_config
from lcsi_briefs.sphinx_ext.errors import BriefingDataError
from lcsi_briefs.sphinx_ext.warnings import note
from lcsi_briefs.text.counts import counted

if TYPE_CHECKING:
    from sphinx.config import Config

logger = logging.getLogger(__name__)
__all__ = ["MemberRun", "Shard"]


class MemberRun:
    """The members of one PDF build, read and checked once, and this shard's share of them."""

    def __init__(
        self,
        layout: ProjectLayout,
        packs: list[LoadedPack],
        every: list[LoadedPack],
        shard: Shard,
        *,
        strict: bool,
        first: bool = True,
        language: str = "en",
    ) -> None:
        """``packs`` are this build's, ``every`` the site's in all its languages: members are
        checked and shared out against them all, so each language's build agrees on both, and
        a member's copies in every language are printed by the same shard. ``first`` is False
        for the builds of a site's other languages, which say nothing the first has said.
        ``language`` is the site's: a member's index is in it when none of its packs is listed."""
        self.packs = packs
        self.shard = shard
        self.language = language
        #: Who publishes, when no publisher's file says: the first pack's publisher.
        self.packs_publisher = next((loaded.pack.briefing.publisher for loaded in [*packs, *every]), "")
        try:
            # The publisher's file is read in every build: its own editions carry its identity.
            self.publisher, warnings = load_publisher(layout.publisher_file)
            self.all, more = load_members(layout.member_files, every)
        except PackError as error:
            found = counted(len(error.problems), "problem")
            raise BriefingDataError(f"{found} in the member files:\n{error}") from None
        # Reported once for the site, by the first language's build.
        warnings = warnings + more + publisher_name_problems(self.publisher, every) if first else []
        if warnings and strict:
            listed = "\n".join(str(problem) for problem in warnings)
            raise BriefingDataError(f"warnings about the publisher's and members' files (strict build):\n{listed}")
        for problem in warnings:
            note(logger, "%s", problem)
        if not every:
            self.all = []  # no pack to copy: no member folder, index or zip
        self.members = members_in_shard(self.all, every, shard)
        self._editions = {member.id: member_editions(member, packs) for member in self.all}
        self._cobrands: dict[tuple[str, str, str], Cobrand] = {}
        self._wanted = {
            member.id: {(loaded.slug, edition.filename) for loaded, edition in self._editions[member.id]}
            for member in self.members
        }

    @property
    def newest(self) -> dt.date:
        """The newest edition date of the build's packs: the zips' time stamp."""
        return max((loaded.pack.briefing.edition_date for loaded in self.packs), default=dt.date(1980, 1, 1))

    @property
    def publishes_site(self) -> bool:
        """Whether this build prints the publisher's own editions (a shard other than 1 does not)."""
        return self.shard.publishes_site

    @staticmethod
    def place(member: LoadedMember, edition: Edition) -> str:
        """Where the member's copy of ``edition`` goes, relative to the PDF folder."""
        return f"{MemberLayout(member.id).folder}/{edition.filename}"

    def copies(self, loaded: LoadedPack, edition: Edition) -> list[MemberCopy]:
        """This shard's members' copies of ``edition`` of ``loaded``."""
        key = (loaded.slug, edition.filename)
        briefing = loaded.pack.briefing
        name = self.publisher.publisher.name if self.publisher else briefing.publisher
        return [
            MemberCopy(self.place(member, edition), self._cobrand(member, name, briefing.language), f"{member.path}:1")
            for member in self.members
            if key in self._wanted[member.id]
        ]

    def _cobrand(self, member: LoadedMember, publisher: str, language: str) -> Cobrand:
        """What a member's copies in one language add, made once for all its editions (its
        logos encoded, its foreword and contact block set) rather than once per copy."""
        key = (member.id, publisher, language)
        if key not in self._cobrands:
            self._cobrands[key] = cobrand(member, publisher, language, self.publisher)
        return self._cobrands[key]

    def own(self, loaded: LoadedPack) -> Cobrand | None:
        """What the publisher's file adds to the publisher's own editions of ``loaded``; None without one."""
        return own_brand(self.publisher, loaded.pack.briefing.language) if self.publisher else None

    def expected(self) -> set[str]:
        """Every member file of the whole build (all shards), relative to the PDF folder."""
        return {self.place(member, edition) for member in self.all for _, edition in self._editions[member.id]}

    def finish(self, outdir: Path, stamp: dt.datetime) -> None:
        """List what this build printed for each of its members; remove what no member has any more."""
        wanted = {MemberLayout(member.id).folder for member in self.all}
        members_root = outdir / MEMBERS_DIR
        for folder in sorted(members_root.iterdir()) if members_root.is_dir() else []:
            if f"{MEMBERS_DIR}/{folder.name}" in wanted:
                continue
            if folder.is_dir():
                shutil.rmtree(folder)
            else:
                folder.unlink()
        for member in self.members:
            self._share(outdir, member, stamp)
        (outdir / MEMBERS_PRINTED).write_text(json.dumps(sorted(m.id for m in self.members)), encoding="utf-8")

    def _share(self, outdir: Path, member: LoadedMember, stamp: dt.datetime) -> None:
        layout = MemberLayout(member.id)
        folder = outdir / layout.folder
        folder.mkdir(parents=True, exist_ok=True)
        files = self._editions[member.id]
        names = [edition.filename for _, edition in files]
        for stale in folder.glob("*.pdf"):
            if stale.name not in names:
                stale.unlink()
        listed = [
            ListedPack(
                loaded.pack.briefing.title,
                loaded.pack.briefing.language,
                [Listed(edition.title, edition.filename) for pack, edition in files if pack.slug == loaded.slug],
            )
            for loaded in self.packs
            if any(pack.slug == loaded.slug for pack, _ in files)
        ]
        publisher = self.publisher.publisher.name if self.publisher else self.packs_publisher
        shared = Shared(member.member.name, publisher, self.language, stamp.isoformat(), listed)
        write_if_changed(folder / layout.listing, shared.to_json().encode("utf-8"))


def member_run(config: Config, confdir: Path, packs: list[LoadedPack], every: list[LoadedPack]) -> MemberRun:
    """The members a PDF build prints copies for, of its own packs (``every``: the site's)."""
    settings = briefs_config(config)
    first = not settings.site_languages or language_key(config.language) == settings.site_languages[0]
    layout = ProjectLayout(confdir, settings.packs_dir, settings.pages_dir, members_dir=settings.members_dir)
    shard = Shard.parse(settings.shard or "1/1")
    language = config.language or "en"
    return MemberRun(layout, packs, every, shard, strict=settings.strict, first=first, language=language)
