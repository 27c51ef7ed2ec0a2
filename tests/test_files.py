"""The one rule for files a build may read: :func:`lcsi_briefs.files.lies_inside`.

Packs, their folders, sources' text copies, logos and the PDF renderer's resources all ask it,
so the rule is pinned here once: a link or ``..`` leading out of the folder is outside.
"""

from __future__ import annotations

from pathlib import Path

from lcsi_briefs.files import lies_inside


def test_a_file_inside_the_folder_is_inside(tmp_path: Path) -> None:
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "ours.svg").write_text("<svg/>", encoding="utf-8")
    assert lies_inside(tmp_path / "logos" / "ours.svg", tmp_path)
    assert lies_inside(tmp_path / "not-yet-written.txt", tmp_path)


def test_a_link_pointing_out_of_the_folder_is_outside(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (folder / "copy.txt").symlink_to(tmp_path / "secret.txt")
    assert not lies_inside(folder / "copy.txt", folder)


def test_dot_dot_segments_are_followed(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    (folder / "logos").mkdir(parents=True)
    assert not lies_inside(folder / "logos" / ".." / ".." / "secret.txt", folder)
    assert lies_inside(folder / "logos" / ".." / "ours.svg", folder)


def test_a_folder_reached_through_a_link_still_holds_its_own_files(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "pack.yaml").write_text("", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    assert lies_inside(tmp_path / "linked" / "pack.yaml", tmp_path / "linked")
