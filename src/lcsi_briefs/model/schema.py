"""The JSON Schema of a briefing pack, generated from the model so it can never drift.

Editors with a YAML language server (VS Code's YAML extension) check packs as you type
against the copy shipped at ``briefings/briefing-pack.schema.json``.
"""

from __future__ import annotations

from typing import Any

from lcsi_briefs.model.pack import Pack

SCHEMA_FILE_NAME = "briefing-pack.schema.json"


def pack_schema() -> dict[str, Any]:
    schema = Pack.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lcsi-briefs briefing pack",
        "description": "One research briefing: findings, audiences and their implications, sources, glossary.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }
