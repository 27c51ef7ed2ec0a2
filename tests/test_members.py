"""Member files on their own, without a build: loading, every kind of mistake, the contrast gate, shards."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from lcsi_briefs.cli.inputs import publisher_files
from lcsi_briefs.cli.main import main
from lcsi_briefs.layout import ProjectLayout
from lcsi_briefs.members.cobrand import cobrand
from lcsi_briefs.members.loader import load_members, load_publisher
from lcsi_briefs.members.plan import assign, member_editions, members_in_shard
from lcsi_briefs.members.shard import Shard
from lcsi_briefs.members.share import zip_bytes
from lcsi_briefs.model.colour import TEXT_CONTRAST, contrast, readable
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import PackError, Severity
from lcsi_briefs.sphinx_ext.members import MemberRun

from .conftest import small_pack, write_pack
from .members import SVG_LOGO, member_data, png_logo, write_member


@pytest.fixture
def packs(tmp_path: Path) -> list[LoadedPack]:
    return [load_pack(write_pack(tmp_path / "briefings" / "small.yaml", small_pack()))]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "members"
    path.mkdir()
    return path


def problems_of(folder: Path, packs: list[LoadedPack]) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_members(folder, packs)
    return [str(problem).removeprefix(f"{folder}/") for problem in caught.value.problems]


def test_a_member_loads_with_its_colours_as_written(folder: Path, packs: list[LoadedPack]) -> None:
    data = member_data()
    data["colours"]["primary"] = "#1F4E8C"
    write_member(folder, "leeds-cvs", data)
    members, warnings = load_members(folder, packs)
    assert [(m.id, m.primary, m.accent, m.logo.name) for m in members] == [
        ("leeds-cvs", "#1f4e8c", "#2e7d32", "leeds.svg")
    ]
    assert warnings == []


def test_no_members_folder_means_no_members(tmp_path: Path, packs: list[LoadedPack]) -> None:
    assert load_members(tmp_path / "members", packs) == ([], [])


def test_every_problem_in_a_member_file_is_listed_at_once_with_its_place(folder: Path, packs: list[LoadedPack]) -> None:
    data = member_data()
    data["colours"]["primary"] = "blue"
    data["contact"]["email"] = "not an address"
    data["audiences"] = ["council"]
    data["foreword"] = "word " * 121
    write_member(folder, "leeds-cvs", data)
    assert problems_of(folder, packs) == [
        "leeds-cvs.yaml:6:12: colours.primary: expected a colour written as # and six hexadecimal digits, "
        "such as #1f4e8c, found 'blue'",
        "leeds-cvs.yaml:9:10: contact.email: expected an email address such as info@example.org, "
        "found 'not an address'",
        "leeds-cvs.yaml:16:11: foreword: expected a foreword of at most 120 words, found 121 words",
        "leeds-cvs.yaml:25:3: audiences[0]: unknown audience 'council' (did you mean 'councils'?)",
    ]


def test_a_missing_logo_and_an_unknown_pack_are_listed_with_the_files_other_problems(
    folder: Path, packs: list[LoadedPack]
) -> None:
    """One pass: the logo is checked beside the schema's problems, and an unknown pack does not
    make every audience unknown too; an empty file says what a member file holds."""
    data = member_data()
    data["colours"]["primary"] = "blue"
    data["packs"] = ["no-such-pack"]
    data["audiences"] = ["council"]
    write_member(folder, "leeds-cvs", data)
    (folder / "logos" / "leeds.svg").unlink()
    (folder / "empty.yaml").write_text("", encoding="utf-8")
    found = problems_of(folder, packs)
    assert found[0] == "empty.yaml:1:1: the file is empty; expected a member file: name, logo, colours and contact"
    assert found[1].startswith("leeds-cvs.yaml:3:9: logo.path: no logo file at ")
    assert found[2].startswith("leeds-cvs.yaml:6:12: colours.primary: expected a colour")
    assert found[3:] == [
        "leeds-cvs.yaml:18:3: packs[0]: unknown briefing 'no-such-pack'; expected one of: small",
        "leeds-cvs.yaml:20:3: audiences[0]: unknown audience 'council' (did you mean 'councils'?)",
    ]


SCRIPTED = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>'
HANDLER = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"/>'
EXTERNAL = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
    '<image xlink:href="https://tracker.example/pixel.png" width="10" height="10"/></svg>'
)
ENTITIES = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&b;</text></svg>'
)
STYLE_IMPORT = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    "<style>@import url(https://fonts.example/x.css);</style></svg>"
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("script.svg", SCRIPTED, "the SVG holds a <script> element, which could run code or load other files"),
        ("handler.svg", HANDLER, "the SVG's <svg> has an event handler (onload), which is a script"),
        ("external.svg", EXTERNAL, "the SVG's <image> links to 'https://tracker.example/pixel.png', outside the file"),
        ("entities.svg", ENTITIES, "the SVG declares a document type or entities"),
        ("import.svg", STYLE_IMPORT, "the SVG's <style> loads another file (@import or url())"),
        ("broken.svg", "<svg", "the SVG is not well-formed XML"),
        ("sizeless.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>', "the SVG has no viewBox"),
        ("html.svg", "<html><body/></html>", "expected an SVG image"),
        ("corrupt.png", "not a png at all", "the file is not a readable PNG image"),
        ("missing.png", None, "no logo file at"),
    ],
)
def test_a_logo_that_cannot_be_printed_safely_is_refused(
    folder: Path, packs: list[LoadedPack], name: str, content: str | None, expected: str
) -> None:
    write_member(folder, "leeds-cvs", member_data(logo=f"logos/{name}"))
    if content is None:
        (folder / "logos" / name).unlink()
    else:
        (folder / "logos" / name).write_text(content, encoding="utf-8")
    [problem] = problems_of(folder, packs)
    assert problem.startswith("leeds-cvs.yaml:3:9: logo.path: ")
    assert expected in problem


def test_an_oversized_logo_is_refused(folder: Path, packs: list[LoadedPack]) -> None:
    (folder / "logos").mkdir()
    (folder / "logos" / "huge.png").write_bytes(png_logo(size=(4100, 10)))
    write_member(folder, "leeds-cvs", member_data(logo="logos/huge.png"))
    [problem] = problems_of(folder, packs)
    assert "the PNG is 4100 x 10 pixels; a logo needs at most 4000 pixels a side" in problem


def test_a_logo_outside_the_members_folder_is_refused(folder: Path, packs: list[LoadedPack]) -> None:
    write_member(folder, "leeds-cvs", member_data(logo="../secret.svg"))
    [problem] = problems_of(folder, packs)
    assert "logo.path: expected a path inside this file's folder, such as logos/our-logo.svg" in problem


def test_a_logo_that_links_outside_its_folder_is_refused_and_left_out_of_the_digest(
    folder: Path, packs: list[LoadedPack]
) -> None:
    """The loader and the build's digest keep to the one rule (files.lies_inside)."""
    secret = folder.parent / "secret.svg"
    secret.write_text(SVG_LOGO, encoding="utf-8")
    (folder / "logos").mkdir()
    (folder / "logos" / "leeds.svg").symlink_to(secret)
    path = write_member(folder, "leeds-cvs", member_data())
    [problem] = problems_of(folder, packs)
    assert f"the logo {folder}/logos/leeds.svg is outside {folder} (a link elsewhere?)" in problem
    assert publisher_files(path) == [path]
    (folder / "logos" / "leeds.svg").unlink()
    (folder / "logos" / "leeds.svg").write_text(SVG_LOGO, encoding="utf-8")
    assert publisher_files(path) == [path, (folder / "logos" / "leeds.svg").resolve()]


def test_a_colour_too_light_to_read_is_darkened_with_a_warning_naming_member_and_colour(
    folder: Path, packs: list[LoadedPack]
) -> None:
    data = member_data(name="Sunny Side Community Trust")
    data["colours"] = {"primary": "#ffd400"}
    path = write_member(folder, "sunny", data)
    [member], [warning] = load_members(folder, packs)
    assert member.primary != "#ffd400"
    assert contrast(member.primary, "#ffffff") >= TEXT_CONTRAST
    assert warning.severity is Severity.WARNING
    assert str(warning).startswith(
        f"{path}:6:12: warning: colours.primary: Sunny Side Community Trust's primary colour #ffd400"
    )
    assert member.primary in warning.message


def test_darkening_finds_the_nearest_shade_that_passes() -> None:
    shade = readable("#ffd400")
    assert contrast(shade, "#ffffff") >= TEXT_CONTRAST
    # One step lighter would not pass: the shade is the nearest, not just any dark colour.
    lighter = "#" + "".join(f"{min(255, int(shade[i : i + 2], 16) + 1):02x}" for i in (1, 3, 5))
    assert contrast(lighter, "#ffffff") < TEXT_CONTRAST
    assert readable("#1f4e8c") == "#1f4e8c"


def test_a_member_gets_every_audience_edition_and_brief_narrowed_by_its_subsets(
    folder: Path, packs: list[LoadedPack]
) -> None:
    write_member(folder, "all", member_data())
    narrowed = member_data()
    narrowed["audiences"] = ["residents"]
    write_member(folder, "some", narrowed)
    (everything, some), _ = load_members(folder, packs)
    assert [e.filename for _, e in member_editions(everything, packs)] == [
        "small--councils.pdf",
        "small--councils--large-print.pdf",
        "small--councils--brief.pdf",
        "small--councils--brief--large-print.pdf",
        "small--residents.pdf",
        "small--residents--large-print.pdf",
        "small--residents--brief.pdf",
        "small--residents--brief--large-print.pdf",
    ]
    assert [e.filename for _, e in member_editions(some, packs)] == [
        "small--residents.pdf",
        "small--residents--large-print.pdf",
        "small--residents--brief.pdf",
        "small--residents--brief--large-print.pdf",
    ]


def test_shards_split_members_whole_evenly_and_the_same_way_every_time() -> None:
    work = {f"member-{n:02d}": 8 for n in range(10)}
    shards = assign(work, 3, first_load=10)
    assert sorted(shards) == sorted(work)
    loads = [sum(work[m] for m, s in shards.items() if s == k) + (10 if k == 1 else 0) for k in (1, 2, 3)]
    assert max(loads) - min(loads) <= 8
    assert assign(dict(reversed(work.items())), 3, first_load=10) == shards


def test_each_member_is_in_exactly_one_shard(folder: Path, packs: list[LoadedPack]) -> None:
    for n in range(5):
        write_member(folder, f"m{n}", member_data())
    members, _ = load_members(folder, packs)
    halves = [members_in_shard(members, packs, Shard(k, 2)) for k in (1, 2)]
    assert sorted(m.id for half in halves for m in half) == [m.id for m in members]


@pytest.mark.parametrize("text", ["0/2", "3/2", "1", "a/b", "1/0"])
def test_a_shard_must_be_k_of_n(text: str) -> None:
    with pytest.raises(ValueError, match="a shard written K/N"):
        Shard.parse(text)


def test_the_zip_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    (tmp_path / "b.pdf").write_bytes(b"second")
    (tmp_path / "a.pdf").write_bytes(b"first")
    stamp = dt.datetime(2026, 1, 15, tzinfo=dt.UTC)
    made = zip_bytes(tmp_path, ["b.pdf", "a.pdf"], stamp)
    assert made == zip_bytes(tmp_path, ["a.pdf", "b.pdf"], stamp)
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        assert archive.namelist() == ["a.pdf", "b.pdf"]
        assert archive.read("b.pdf") == b"second"


def test_validate_checks_the_member_files_too(
    tmp_path: Path, packs: list[LoadedPack], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "members"
    write_member(folder, "leeds-cvs", member_data())
    sunny = member_data(name="Sunny Side Community Trust")
    sunny["colours"] = {"primary": "#ffd400"}
    write_member(folder, "sunny", sunny)
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    out, err = capsys.readouterr()
    assert "members/leeds-cvs.yaml: valid (member: Leeds Community Voluntary Service, 8 files)" in out
    assert (
        "members/sunny.yaml:6:12: warning: colours.primary: Sunny Side Community Trust's primary colour #ffd400" in err
    )
    assert main(["check", "--strict"]) == 1  # the darkened colour fails a strict check
    broken = member_data()
    broken["colours"]["accent"] = "green-ish"
    write_member(folder, "broken", broken)
    assert main(["validate"]) == 1
    _, err = capsys.readouterr()
    assert "members/broken.yaml:7:11: colours.accent: expected a colour written as #" in err


def test_the_member_schema_is_printed_from_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--member"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["required"]) == {"name", "logo", "colours"}
    assert "foreword" in schema["properties"]


def test_the_publishers_file_gives_its_logo_and_a_members_parts_speak_the_packs_language(
    tmp_path: Path, folder: Path, packs: list[LoadedPack]
) -> None:
    write_member(folder, "leeds-cvs", member_data())
    [member], _ = load_members(folder, packs)
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.svg").write_text(SVG_LOGO, encoding="utf-8")
    publisher_file = tmp_path / "publisher.yaml"
    publisher_file.write_text(
        "name: Rhwydwaith Gogledd\nlogo:\n  path: brand/logo.svg\n  alt: Logo Rhwydwaith Gogledd\n", encoding="utf-8"
    )
    publisher, warnings = load_publisher(publisher_file)
    assert publisher is not None and warnings == []
    parts = cobrand(member, publisher.publisher.name, "cy", publisher)
    assert parts.shared_line == "Rhannwyd gan Leeds Community Voluntary Service · Cyhoeddwyd gan Rhwydwaith Gogledd"
    assert parts.publisher_logo.startswith("data:image/svg+xml;base64,")
    assert parts.publisher_logo_alt == "Logo Rhwydwaith Gogledd"
    assert [line.label for line in parts.contact] == ["E-bost", "Ffôn", "Gwefan", "Cyfeiriad"]
    publisher_file.write_text(
        "name: Rhwydwaith Gogledd\nlogo:\n  path: brand/missing.svg\n  alt: x\n", encoding="utf-8"
    )
    with pytest.raises(PackError, match=r"publisher.yaml:3:9: logo.path: no logo file at"):
        load_publisher(publisher_file)


def test_every_language_of_a_site_puts_a_member_in_the_same_shard(tmp_path: Path) -> None:
    """Each language of a site prints its members' copies in a build of its own; a member must be
    whole in one shard all the same (its index and zip are made where all its copies are), so
    every language's build shares the members out over the site's packs, not its own."""
    english = small_pack()
    welsh = small_pack()
    welsh["briefing"]["language"] = "cy"
    welsh["audiences"] = welsh["audiences"][:1]
    welsh["pathways"][0]["beneficiaries"] = [welsh["audiences"][0]["id"]]
    every = [
        load_pack(write_pack(tmp_path / "briefings" / f"{slug}.yaml", pack))
        for slug, pack in (("small", english), ("cymraeg", welsh))
    ]
    for n in range(7):
        data = member_data()
        if n % 3 == 0:
            data["packs"] = ["cymraeg"]
        write_member(tmp_path / "members", f"m{n}", data)
    layout = ProjectLayout(tmp_path)
    for k in (1, 2):
        shard = Shard(k, 2)
        chosen = [{m.id for m in MemberRun(layout, [loaded], every, shard, strict=False).members} for loaded in every]
        assert chosen[0] == chosen[1] != set()
