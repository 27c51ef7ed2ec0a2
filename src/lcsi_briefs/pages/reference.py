"""The data-format reference, generated from the pack's JSON Schema so it cannot drift.

``docs/data-reference.md`` includes the page this writes; editing the model updates both the
schema editors check against and this reference.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from lcsi_briefs.model.schema import pack_schema
from lcsi_briefs.pages.markup import escape

#: Sections in reading order: the pack first, then each part as it appears in a pack file.
ORDER = [
    "Pack",
    "Briefing",
    "Series",
    "Headings",
    "Intros",
    "Source",
    "Finding",
    "Citation",
    "Quote",
    "Excerpt",
    "Evidence",
    "KeyFigure",
    "Chart",
    "ChartSeries",
    "DataTable",
    "Function",
    "Pathway",
    "Audience",
    "Implication",
    "GlossaryEntry",
    "Methodology",
    "Editorial",
    "PreferredTerm",
    "LanguagePart",
]
KEY_NAMES = {
    "Pack": "The pack file",
    "GlossaryEntry": "Glossary entry",
    "KeyFigure": "Key figure",
    "ChartSeries": "Chart series",
    "DataTable": "Table",
    "Editorial": "Editorial rules",
    "PreferredTerm": "Preferred term",
    "LanguagePart": "Words in another language",
}


def _anchor(name: str) -> str:
    return f"data-{name.lower()}"


def _kind(prop: dict[str, Any]) -> str:
    """Describe a value the way an editor thinks of it, with links to nested parts."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{escape(KEY_NAMES.get(name, name))}](#{_anchor(name)})"
    if "anyOf" in prop:
        kinds = [_kind(option) for option in prop["anyOf"] if option.get("type") != "null"]
        return " or ".join(kinds)
    kind = prop.get("type")
    if "enum" in prop:
        return "one of: " + ", ".join(f"`{value}`" for value in prop["enum"])
    if kind == "number":
        return "number"
    if kind == "boolean":
        return "true or false"
    if kind == "array":
        return f"list of {_kind(prop.get('items', {}))}"
    if kind == "integer":
        return "whole number"
    if kind == "string":
        formats = {
            "date": "date, YYYY-MM-DD",
            "uri": "web address (https://…)",
            "language-tag": "language tag",
            "partial-date": "YYYY-MM or YYYY",
        }
        if prop.get("format") in formats:
            return formats[prop["format"]]
        if "pattern" in prop:
            return "id" if prop["pattern"].startswith("^[a-z0-9]") else "text in a set form"
        if prop.get("maxLength", 0) <= 300:
            return "one line of text"
        return "text (blank lines separate paragraphs)"
    return escape(str(kind))


def _default(prop: dict[str, Any]) -> str:
    if "default" not in prop or prop["default"] in (None, [], {}):
        return ""
    return f" Default: {escape(str(prop['default']))}."


@cache
def render_reference() -> str:
    """The reference page's MyST. Made from the model alone, which a process never changes, so
    made once: every build writes it, and pydantic takes 25 ms to generate the schema."""
    schema = pack_schema()
    definitions: dict[str, Any] = {**schema["$defs"], "Pack": schema}
    lines: list[str] = []
    for name in ORDER:
        definition = definitions[name]
        title = KEY_NAMES.get(name, name)
        lines += [f"({_anchor(name)})=", f"## {escape(title)}", ""]
        if definition.get("description") and name != "Pack":
            lines += [escape(definition["description"]), ""]
        required = set(definition.get("required", []))
        lines += ["| Key | Required | Value | Meaning |", "| --- | --- | --- | --- |"]
        for key, prop in definition["properties"].items():
            meaning = escape(prop.get("description", "")) + _default(prop)
            minimum = prop.get("minItems")
            if minimum:
                meaning += f" At least {minimum}."
            # The caps that keep the largest pack to minutes a build (see model/pack.py).
            if (maximum := prop.get("maxItems")) is not None:
                meaning += f" At most {maximum}."
            lines.append(f"| `{key}` | {'yes' if key in required else 'no'} | {_kind(prop)} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
