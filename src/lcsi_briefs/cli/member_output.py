"""Publishing the members' editions: ``build/members/<id>/`` from the PDF build's work folder.

The PDF build lists the members it printed (a shard prints some); only their folders are
published, so the folders of N shards' builds sit side by side when copied together.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from lcsi_briefs.layout import MEMBERS_PRINTED, MemberLayout


def _link_or_copy(source: str, target: str) -> object:
    """A second name for a finished file (a render replaces a PDF by renaming, never in place)."""
    try:
        os.link(source, target)
    except OSError:
        return shutil.copy2(source, target)
    return target


def member_folders(pdf_work: Path, member_ids: list[str], fresh: Path) -> None:
    """``build/members``: the folder of each member this build printed (a shard prints some)."""
    fresh.mkdir(parents=True)
    for member_id in member_ids:
        shutil.copytree(pdf_work / MemberLayout(member_id).folder, fresh / member_id, copy_function=_link_or_copy)


def printed_members(pdf_work: Path) -> list[str]:
    """The members the PDF build printed: those of the site's first language's packs."""
    listed = pdf_work / MEMBERS_PRINTED
    return list(json.loads(listed.read_text(encoding="utf-8"))) if listed.is_file() else []
