"""Publishing the members' editions: ``build/members/<id>/`` from the PDF builds' work folders.

Each PDF build lists the members it printed (a shard prints some) and, beside their copies,
what it printed for each (:class:`~lcsi_briefs.members.share.Shared`). A site in several
languages has one PDF build per language, so a member's folder gathers its copies from every
language's build, and its index and zip are made here, from every listing, once all are done.
Only the printed members' folders are published, so the folders of N shards' builds sit side by
side when copied together.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from lcsi_briefs.layout import MEMBERS_PRINTED, MemberLayout


def _link_or_copy(source: Path, target: Path) -> None:
    """A second name for a finished file (a render replaces a PDF by renaming, never in place)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def member_folders(pdf_works: list[Path], member_ids: list[str], fresh: Path) -> None:
    """``build/members``: the folder of each member these builds printed (the site's first language's
    build first), with the member's copies from every language, their preflight report, index and zip."""
    # Imported only here, as by the build: they load the pack's model, which a build with
    # nothing to do never needs.
    from lcsi_briefs.members.share import Shared, shared_files  # noqa: PLC0415
    from lcsi_briefs.pdf.preflight.report import read_reports, write_report  # noqa: PLC0415

    fresh.mkdir(parents=True)
    for member_id in member_ids:
        layout = MemberLayout(member_id)
        target = fresh / member_id
        target.mkdir()
        listings: list[Shared] = []
        folders = [work / layout.folder for work in pdf_works if (work / layout.folder / layout.listing).is_file()]
        for folder in folders:
            shared = Shared.from_json((folder / layout.listing).read_text(encoding="utf-8"))
            listings.append(shared)
            for pack in shared.packs:
                for file in pack.files:
                    _link_or_copy(folder / file.filename, target / file.filename)
        reports = read_reports(folders)
        if reports is not None:
            write_report(target, reports)
        if listings:
            for name, data in shared_files(target, listings, layout.index, layout.zip_name).items():
                (target / name).write_bytes(data)  # a fresh folder: nothing to compare with


def printed_members(pdf_works: list[Path]) -> list[str]:
    """The members the PDF builds printed, in every language's build."""
    printed: set[str] = set()
    for work in pdf_works:
        listed = work / MEMBERS_PRINTED
        if listed.is_file():
            printed.update(json.loads(listed.read_text(encoding="utf-8")))
    return sorted(printed)
