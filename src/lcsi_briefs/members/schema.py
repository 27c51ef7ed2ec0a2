"""The JSON Schema of a member file, generated from the model so it can never drift.

``lcsi-briefs schema --member > members/member.schema.json`` writes it where a member file's
first line can point a YAML language server at it, as the packs' files do.
"""

from __future__ import annotations

from typing import Any

from lcsi_briefs.members.model import Member

MEMBER_SCHEMA_FILE_NAME = "member.schema.json"


def member_schema() -> dict[str, Any]:
    schema = Member.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lcsi-briefs member organisation",
        "description": "A member organisation: its name, logo, colours and contact, printed on its own editions.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }
