"""The manual's GitHub Actions example builds every shard and merges all that a build publishes.

It cannot run here (no runner), so its shape is checked against the tool: the matrix names each
shard of ``--shard K/N`` once, each shard uploads every folder the build publishes (hidden files
included: a build publishes some), and the merge job puts them back into one ``build/``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from lcsi_briefs.layout import ProjectLayout

from .conftest import REPO

EXAMPLE = REPO / "docs" / "manual" / "examples" / "member-editions.yml"


def _steps(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if str(step.get("uses", "")).startswith(action)]


def _runs(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in job["steps"])


def test_the_example_builds_every_shard_once_and_merges_every_published_folder() -> None:
    workflow = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    shard, merge = workflow["jobs"]["shard"], workflow["jobs"]["merge"]
    shards = shard["strategy"]["matrix"]["shard"]
    found = re.search(r"--shard \$\{\{ matrix\.shard \}\}/(\d+)", _runs(shard))
    assert found, "the build step passes --shard K/N"
    assert shards == list(range(1, int(found.group(1)) + 1))
    # Installed the README's way, from the lock file, and validated before it builds.
    runs = _runs(shard)
    assert 'pip install "nox[uv]"' in runs
    assert runs.index("nox -s validate") < runs.index("nox -s build")
    (upload,) = _steps(shard, "actions/upload-artifact")
    layout = ProjectLayout(REPO)
    published = {path.relative_to(layout.root).as_posix() for path in layout.published}
    assert set(upload["with"]["path"].split()) == published
    assert upload["with"]["include-hidden-files"] is True
    assert merge["needs"] == "shard"
    (download,) = _steps(merge, "actions/download-artifact")
    assert download["with"]["path"] == layout.build.relative_to(layout.root).as_posix()
    assert download["with"]["merge-multiple"] is True
    (published_upload,) = _steps(merge, "actions/upload-artifact")
    assert published_upload["with"]["include-hidden-files"] is True


def test_a_build_publishes_hidden_files_the_upload_would_otherwise_drop(small_built_with_pdfs: Path) -> None:
    """Why the example sets include-hidden-files: without it the merge is not the build."""
    layout = ProjectLayout(small_built_with_pdfs)
    hidden = [
        path.relative_to(layout.build).as_posix()
        for folder in layout.published
        if folder.is_dir()
        for path in folder.rglob(".*")
    ]
    assert "html/.nojekyll" in hidden, hidden
