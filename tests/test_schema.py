"""The JSON Schema editors check packs against: generated from the model, shipped in the repo,
and referenced from the bundled pack, so it can never drift from what the loader accepts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lcsi_briefs.cli.main import main
from lcsi_briefs.model.pack import Pack
from lcsi_briefs.model.schema import SCHEMA_FILE_NAME, pack_schema

REPO = Path(__file__).parent.parent
BRIEFINGS = REPO / "briefings"
SHIPPED = BRIEFINGS / SCHEMA_FILE_NAME
REGENERATE = f"regenerate it with `lcsi-briefs schema > briefings/{SCHEMA_FILE_NAME}`"


def printed_schema(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """Run ``lcsi-briefs schema`` in-process and parse what it prints."""
    assert main(["schema"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    schema: dict[str, Any] = json.loads(captured.out)
    return schema


def test_schema_command_prints_json_schema_of_the_pack(capsys: pytest.CaptureFixture[str]) -> None:
    """The output is one JSON document declaring its dialect and every top-level section."""
    schema = printed_schema(capsys)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert set(schema["properties"]) == set(Pack.model_fields)
    assert set(schema["properties"]) == {
        "briefing",
        "sources",
        "findings",
        "functions",
        "pathways",
        "audiences",
        "glossary",
        "methodology",
        "editorial",
        "other_languages",
    }
    assert set(schema["required"]) == {"briefing", "sources", "findings", "audiences"}
    assert schema["additionalProperties"] is False


def test_schema_rejects_unknown_keys_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    """Editors must see a misspelt key flagged in nested sections too, as the loader does."""
    definitions = printed_schema(capsys)["$defs"]
    objects = {name: definition for name, definition in definitions.items() if definition.get("type") == "object"}
    assert {"Briefing", "Source", "Finding", "Audience", "Implication", "GlossaryEntry"} <= set(objects)
    for name, definition in objects.items():
        assert definition.get("additionalProperties") is False, name


def test_schema_carries_the_id_pattern(capsys: pytest.CaptureFixture[str]) -> None:
    """The id rule editors see is the loader's rule."""
    finding = printed_schema(capsys)["$defs"]["Finding"]
    assert finding["properties"]["id"]["pattern"] == "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
    assert finding["properties"]["sources"]["minItems"] == 1


def test_schema_output_is_stable(capsys: pytest.CaptureFixture[str]) -> None:
    """Two runs print the same bytes, so the shipped copy only changes when the model does."""
    assert main(["schema"]) == 0
    first = capsys.readouterr().out
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == first


def test_shipped_schema_matches_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    """The copy in briefings/ is exactly what the command prints today."""
    assert main(["schema"]) == 0
    generated = capsys.readouterr().out
    shipped = SHIPPED.read_text(encoding="utf-8")
    assert json.loads(shipped) == pack_schema(), f"{SHIPPED.name} is out of date with the model; {REGENERATE}"
    assert shipped == generated, f"{SHIPPED.name} differs from the generated text; {REGENERATE}"


def test_bundled_pack_points_editors_at_the_schema() -> None:
    """The first line turns on checking-as-you-type in editors with a YAML language server."""
    first_line = (BRIEFINGS / "lcsi-2025.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}"
    assert (BRIEFINGS / SCHEMA_FILE_NAME).is_file()
