"""The house plan, enforced: each folder is a layer, and a layer imports only the layers below it.

The order is the table in the manual's "How the code is laid out" (docs/manual/code-layout.md),
read from the bottom rung up: :data:`RUNGS` is that table, and a module may import its own rung
and those below, never one above. Every import counts, lazy ones inside functions and relative
ones included; an import under ``if TYPE_CHECKING:`` names a type and loads nothing, so it may
point upwards between our layers (``text`` names the model's types that way) but never at Sphinx
or WeasyPrint from a pure layer. A new import that breaks a rule fails here with the module and
the line, so the folders keep meaning what they say.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "lcsi_briefs"

#: The manual's table, bottom rung first: each folder or root module with its rung.
RUNGS: tuple[tuple[str, ...], ...] = (
    ("__init__", "languages", "files", "faults", "templates", "memory"),
    ("text",),
    ("model",),
    ("layout", "editions"),
    ("pages",),
    ("check",),
    ("members",),
    ("pdf", "newsletter", "sphinx_ext"),
    ("cli",),
)
RANK = {layer: rung for rung, layers in enumerate(RUNGS) for layer in layers}
#: Layers that must stay plain Python: usable from the commands without loading Sphinx or WeasyPrint.
PURE = ("languages", "files", "faults", "templates", "memory", "text", "model", "layout", "editions", "pages", "check")
THIRD_PARTY_NOT_IN_PURE = ("sphinx", "weasyprint", "pydyf")
#: Outputs share a rung with the Sphinx glue that drives them, but never import each other.
OUTPUTS = ("pdf", "newsletter", "members")
#: The one deliberate arrow upwards: Sphinx's entry point loads the extension only when called.
DELIBERATE = {("__init__.py", "lcsi_briefs.sphinx_ext.extension.setup")}


@dataclass(frozen=True)
class Import:
    line: int
    name: str  # absolute, relative imports resolved
    type_only: bool


def layer_of(path: Path, package: Path = PACKAGE) -> str:
    relative = path.relative_to(package)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports(path: Path, package: Path = PACKAGE) -> list[Import]:
    """Every module ``path`` imports, with its line, lazy and relative imports included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = _type_checking_lines(tree)
    relative = path.relative_to(package.parent).with_suffix("").parts
    here = relative[:-1]  # the package a relative import starts from (an __init__'s own folder too)
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(here[: len(here) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names = [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.extend(Import(node.lineno, name, node.lineno in type_only) for name in names)
    return sorted(found, key=lambda item: item.line)


def target_layer(name: str, package: Path = PACKAGE) -> str | None:
    """Our layer an imported name belongs to (``lcsi_briefs.__version__`` is the root's), or None."""
    parts = name.split(".")
    if parts[0] != package.name:
        return None
    if len(parts) > 1 and ((package / parts[1]).is_dir() or (package / f"{parts[1]}.py").is_file()):
        return parts[1]
    return "__init__"


def broken_rules(package: Path = PACKAGE) -> list[str]:
    """Every import that runs against the table, as ``file:line: what``."""
    broken = []
    for path in sorted(package.rglob("*.py")):
        layer, where = layer_of(path, package), path.relative_to(package)
        if layer not in RANK:
            broken.append(f"{where}: the {layer} layer is not in the manual's table")
            continue
        for found in imports(path, package):
            target = target_layer(found.name, package)
            if target is None:
                if layer in PURE and found.name.split(".")[0] in THIRD_PARTY_NOT_IN_PURE:
                    broken.append(f"{where}:{found.line}: the pure {layer} layer imports {found.name}")
                continue
            if target == layer or found.type_only or (str(where), found.name) in DELIBERATE:
                continue
            if target not in RANK or RANK[target] > RANK[layer]:
                broken.append(f"{where}:{found.line}: the {layer} layer imports {found.name}, a layer above it")
            elif layer in OUTPUTS and target in OUTPUTS:
                broken.append(f"{where}:{found.line}: the {layer} output imports another output, {found.name}")
    return broken


@pytest.mark.pure
def test_no_layer_imports_a_layer_above_it() -> None:
    assert broken_rules() == []


@pytest.mark.pure
def test_the_manual_table_is_the_order_enforced() -> None:
    """Every folder and root module sits in the manual's table, and the table lists no other."""
    manual = (PACKAGE.parents[1] / "docs" / "manual" / "code-layout.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1] for line in manual.splitlines() if line.startswith("| `")]
    named = {part.strip("` /").removesuffix(".py") for row in rows for part in row.split(",")}
    on_disk = {layer_of(path) for path in PACKAGE.rglob("*.py")} - {"__init__"}
    assert named == on_disk == set(RANK) - {"__init__"}
    # The table is written top rung first: the rows, read upwards, are the rungs.
    in_order = [{part.strip("` /").removesuffix(".py") for part in row.split(",")} for row in rows]
    assert [RANK[next(iter(row))] for row in in_order] == sorted(
        (RANK[next(iter(row))] for row in in_order), reverse=True
    )
    assert all(len({RANK[layer] for layer in row}) == 1 for row in in_order)


@pytest.mark.pure
def test_the_package_root_holds_few_modules_and_none_is_long() -> None:
    at_root = [path.name for path in PACKAGE.glob("*.py")]
    assert len(at_root) <= 12, at_root
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text("utf-8").splitlines())) > 400
    }
    assert long == {}


@pytest.mark.pure
def test_the_rule_finds_an_upward_import(tmp_path: Path) -> None:
    """The checker itself, on a package of its own: the model importing the pages (absolutely,
    relatively, lazily) is named with each line; a type-only import and a downward one are not,
    nor is Sphinx named from the glue; Sphinx named from a pure layer is, even for a type."""
    package = tmp_path / "lcsi_briefs"
    for folder in ("model", "pages", "text", "sphinx_ext"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "pages" / "measure.py").write_text("from lcsi_briefs.text import words\n", encoding="utf-8")
    (package / "sphinx_ext" / "glue.py").write_text("import sphinx.util\n", encoding="utf-8")
    (package / "model" / "table_fit.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from lcsi_briefs.pages.measure import printed_width\n"
        "from ..pages import measure\n"
        "from . import pack\n"
        "if TYPE_CHECKING:\n"
        "    from lcsi_briefs.pages.charts import Chart\n"
        "    from sphinx.application import Sphinx\n"
        "def f():\n"
        "    import lcsi_briefs.pages.charts\n",
        encoding="utf-8",
    )
    assert broken_rules(package) == [
        "model/table_fit.py:2: the model layer imports lcsi_briefs.pages.measure.printed_width, a layer above it",
        "model/table_fit.py:3: the model layer imports lcsi_briefs.pages.measure, a layer above it",
        "model/table_fit.py:7: the pure model layer imports sphinx.application.Sphinx",
        "model/table_fit.py:9: the model layer imports lcsi_briefs.pages.charts, a layer above it",
    ]
