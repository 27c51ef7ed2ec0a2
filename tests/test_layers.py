"""The house plan, enforced: each folder is a layer, and a layer imports only the layers below it.

The rules are the ones in the manual's "How the code is laid out" (docs/manual/code-layout.md):
pure layers never import Sphinx or WeasyPrint, outputs never import each other or the commands,
and the Sphinx glue never imports the commands. A new import that breaks a rule fails here with
the module and the line, so the folders keep meaning what they say.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "lcsi_briefs"

#: Layers that must stay plain Python: usable from the commands without loading Sphinx or WeasyPrint.
PURE = ("model", "text", "layout", "languages", "editions", "check", "pages")
#: What a pure layer may never import (third-party tools and our own upper layers).
NOT_IN_PURE = (
    "sphinx",
    "weasyprint",
    "pydyf",
    "lcsi_briefs.sphinx_ext",
    "lcsi_briefs.cli",
    "lcsi_briefs.pdf",
    "lcsi_briefs.newsletter",
    "lcsi_briefs.members",
)
OUTPUTS = ("pdf", "newsletter", "members")


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, with its line, lazy imports inside functions included."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def forbidden(layer: str) -> tuple[str, ...]:
    if layer in PURE:
        return NOT_IN_PURE
    if layer in OUTPUTS:
        return (*(f"lcsi_briefs.{other}" for other in OUTPUTS if other != layer), "lcsi_briefs.cli")
    if layer == "sphinx_ext":
        return ("lcsi_briefs.cli",)
    return ()


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.pure
def test_no_layer_imports_a_layer_above_it() -> None:
    broken = [
        f"{path.relative_to(PACKAGE)}:{line}: the {layer_of(path)} layer imports {name}"
        for path in modules()
        for line, name in imports(path)
        for rule in forbidden(layer_of(path))
        if name == rule or name.startswith(rule + ".")
    ]
    assert broken == []


@pytest.mark.pure
def test_the_package_root_holds_few_modules_and_none_is_long() -> None:
    at_root = [path.name for path in PACKAGE.glob("*.py")]
    assert len(at_root) <= 12, at_root
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in modules()
        if (n := len(path.read_text("utf-8").splitlines())) > 400
    }
    assert long == {}


def test_the_rule_finds_an_upward_import(tmp_path: Path) -> None:
    """The checker itself: an import of Sphinx from the model is named with its line."""
    sample = tmp_path / "sample.py"
    sample.write_text("import os\n\ndef f():\n    from sphinx.util import logging\n", encoding="utf-8")
    assert [name for _, name in imports(sample) if name.startswith(NOT_IN_PURE)] == ["sphinx.util.logging"]
