"""Whatever sits in the packs folder under a pack's name is either read or refused by name, never skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lcsi_briefs.model.loader import load_packs
from lcsi_briefs.model.problems import PackError

from .conftest import small_pack, write_pack


def problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_packs([folder])
    return [str(problem) for problem in caught.value.problems]


def test_a_dangling_link_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    write_pack(folder / "good.yaml", small_pack())
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert problems(folder) == [
        f"{folder / 'gone.yaml'}:1:1: this is a link to {tmp_path / 'nowhere.yaml'}, which does not exist; "
        "a pack must be a plain text file"
    ]


def test_a_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    """Reading a FIFO would wait for a writer forever."""
    folder = tmp_path / "briefings"
    write_pack(folder / "good.yaml", small_pack())
    os.mkfifo(folder / "pipe.yaml")
    assert problems(folder) == [
        f"{folder / 'pipe.yaml'}:1:1: this is not a plain file (a named pipe, socket or device); "
        "a pack must be a plain text file"
    ]


def test_a_packs_folder_linking_out_of_the_project_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    write_pack(elsewhere / "good.yaml", small_pack())
    project = tmp_path / "project"
    project.mkdir()
    (project / "briefings").symlink_to(elsewhere)
    [message] = problems(project / "briefings")
    assert message == (
        f"{project / 'briefings'}:1:1: this folder is a link to {elsewhere}, outside its folder; a build "
        "reads only the project's own files, so copy the packs into the project instead"
    )


def test_a_packs_folder_linking_inside_the_project_is_read(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_pack(project / "data" / "good.yaml", small_pack())
    (project / "briefings").symlink_to(project / "data")
    assert [loaded.slug for loaded in load_packs([project / "briefings"])] == ["good"]
