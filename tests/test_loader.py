"""The loader's contract: valid packs load with every value as written, and every mistake an
editor can make is reported in one pass as ``path:line:col: field.path: message``.

Each file in ``fixtures/invalid/`` holds one kind of mistake; the ``.expected`` file next to it
holds the exact problem lines. A ``.known-bug`` file marks a fixture whose ``.expected`` says what
the message *should* be while the code still prints something worse: the test is a strict xfail,
so it starts failing (XPASS) the moment the code is fixed, and the ``.known-bug`` file should then
be deleted.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcsi_briefs.model import yaml_reader
from lcsi_briefs.model.loader import find_pack_files, load_pack, load_packs
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import PackError, Problem
from lcsi_briefs.pages.common import section_headings
from lcsi_briefs.text.catalogue import translator_for

from .conftest import invalid_cases, small_pack, write_pack

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
REPO = Path(__file__).parent.parent
BUNDLED = REPO / "briefings" / "lcsi-2025.yaml"


def problem_lines(paths: list[Path]) -> list[str]:
    """The problems ``load_packs`` raises, one string each, as the CLI would print them."""
    with pytest.raises(PackError) as caught:
        load_packs(paths)
    return [str(problem) for problem in caught.value.problems]


def messages(paths: list[Path]) -> list[str]:
    """Only the message part of each problem, for tests that build files in tmp_path."""
    with pytest.raises(PackError) as caught:
        load_packs(paths)
    return [problem.message for problem in caught.value.problems]


# --- invalid fixtures -----------------------------------------------------------------------


@pytest.mark.parametrize("name", invalid_cases())
def test_invalid_fixture_reports_exactly_the_expected_problems(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The message text is part of the interface: every line, position and word is checked."""
    monkeypatch.chdir(INVALID)
    expected = Path(name).with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert problem_lines([Path(name)]) == expected


def test_every_invalid_fixture_has_an_expected_file_and_no_expected_file_is_orphaned() -> None:
    """A fixture without its expected lines, or lines without a fixture, would test nothing."""
    packs = {path.stem for path in INVALID.glob("*.yaml")}
    expected = {path.stem for path in INVALID.glob("*.expected")}
    notes = {path.stem for path in INVALID.glob("*.known-bug")}
    assert packs == expected
    assert notes <= packs
    assert len(packs) >= 30


def test_each_expected_line_names_its_file_and_position() -> None:
    """Every expected line follows ``file:line:col: ...`` so an editor can jump to it."""
    for path in INVALID.glob("*.expected"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines, f"{path.name} is empty"
        for line in lines:
            file_name, line_number, column, rest = line.split(":", 3)
            assert file_name == path.with_suffix(".yaml").name, line
            assert line_number.isdigit(), line
            assert column.isdigit(), line
            assert rest.startswith(" "), line


def test_several_problems_are_all_reported_in_line_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """One pass finds structure, type and reference problems alike, sorted by position."""
    monkeypatch.chdir(INVALID)
    with pytest.raises(PackError) as caught:
        load_packs([Path("several-problems.yaml")])
    problems = caught.value.problems
    assert len(problems) == 7
    positions = [(problem.line, problem.column) for problem in problems]
    assert positions == sorted(positions)
    assert {problem.field.split(".")[0].split("[")[0] for problem in problems} == {
        "briefing",
        "sources",
        "findings",
        "audiences",
    }
    assert str(caught.value) == "\n".join(str(problem) for problem in problems)


def test_structure_error_and_reference_error_in_one_file_are_both_reported(tmp_path: Path) -> None:
    """Reference checks run on the raw data, so a type error does not hide a dangling id."""
    text = (VALID / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("    number: 3", "    number: three")
    text = text.replace("findings: [young-trees-fail]", "findings: [young-trees-die]")
    pack = tmp_path / "mixed.yaml"
    pack.write_text(text, encoding="utf-8")
    assert messages([pack]) == [
        "expected a whole number, found 'three'",
        "unknown finding 'young-trees-die' (did you mean 'young-trees-fail'?)",
    ]


def test_an_unknown_id_with_no_close_match_names_the_first_twelve_and_counts_the_rest(tmp_path: Path) -> None:
    """A pack with many sources: the message lists enough to recognise them, not all of them."""
    pack = small_pack()
    first = pack["sources"][0]
    pack["sources"] += [{**first, "id": f"report-{number:02d}"} for number in range(2, 15)]
    pack["findings"][0]["sources"] = ["zzz"]
    listed = ", ".join(["data-annex", "main-report", *(f"report-{number:02d}" for number in range(2, 12))])
    assert messages([write_pack(tmp_path / "many.yaml", pack)]) == [
        f"unknown source 'zzz'; expected one of: {listed} and 3 more"
    ]


def test_bad_file_name_is_reported_alongside_a_yaml_syntax_error(tmp_path: Path) -> None:
    """'Every problem in one pass' includes the file name, whatever else is wrong."""
    pack = tmp_path / "Bad Name.yaml"
    pack.write_text('briefing:\n  title: "unclosed\n', encoding="utf-8")
    found = messages([pack])
    assert any("the file name is used in web addresses" in message for message in found)
    assert any("quotation mark" in message for message in found)


def test_problems_from_several_files_are_reported_together(tmp_path: Path) -> None:
    """A folder with two broken packs reports both files, in file order, in one error."""
    for name in ("unknown-key.yaml", "unknown-finding.yaml"):
        (tmp_path / name).write_bytes((INVALID / name).read_bytes())
    lines = problem_lines([tmp_path])
    assert [Path(line.split(":", 1)[0]).name for line in lines] == ["unknown-finding.yaml", "unknown-key.yaml"]


# --- valid packs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [*sorted(VALID.glob("*.yaml")), BUNDLED],
    ids=lambda path: path.name,
)
def test_valid_pack_loads(path: Path) -> None:
    """The valid fixtures and the bundled pack load without a single problem.

    Each is loaded with the packs of its folder, as a build loads it: a translation names its
    twin there (``coed-stryd`` is ``minimal`` in Welsh).
    """
    [loaded] = [pack for pack in load_packs([path.parent]) if pack.path == path]
    assert isinstance(loaded, LoadedPack)
    assert loaded.slug == path.stem
    assert loaded.path == path


def test_bundled_pack_content() -> None:
    """A sanity check that the whole LCSI pack was read, not just its first section."""
    pack = load_pack(BUNDLED).pack
    assert len(pack.findings) == 12
    assert len(pack.functions) == 5
    assert len(pack.pathways) == 3
    assert len(pack.audiences) == 7
    assert pack.briefing.headings.functions == "The five functions of LCSI"


def test_bundled_pack_keeps_the_researchs_hedges_and_quotes_only_its_full_text() -> None:
    """The fidelity review's rules, held: the hedges the research uses stay in our wording, and
    a quotation names the source that holds its whole wording (the NAVCA news item stops
    partway through headline 8, so the member briefing is the one to quote)."""
    pack = load_pack(BUNDLED).pack
    by_id = {finding.id: finding for finding in pack.findings}
    assert "were seen as" in by_id["bridge-to-public-bodies"].statement
    assert "were seen as" in by_id["bridge-to-public-bodies"].explanation
    assert "considered sufficient" in by_id["quality-and-local-fit"].statement
    assert "almost certainly" in by_id["local-first-reform"].statement
    assert by_id["local-first-reform"].explanation.count("almost certainly") == 2
    assert {quote.source for finding in pack.findings for quote in finding.all_quotes} == {"navca-member-briefing"}
    # Quotation marks belong to quotations: prose that quotes would pass off copied words.
    prose = [pack.briefing.summary, pack.briefing.about_implications or ""]
    prose += [text for finding in pack.findings for text in (finding.statement, finding.explanation)]
    prose += [i.text for audience in pack.audiences for i in audience.implications]
    assert not [text for text in prose if any(mark in text for mark in '"\u201c\u201d')]


def test_minimal_pack_content() -> None:
    """A generic (non-LCSI) pack keeps its order, its renamed heading and its defaults."""
    pack = load_pack(VALID / "minimal.yaml").pack
    assert [finding.id for finding in pack.findings] == ["shade-cools", "young-trees-fail", "uneven-cover"]
    assert pack.finding_number("uneven-cover") == 3
    assert pack.briefing.headings.functions == "What street trees do"
    assert pack.briefing.headings.findings is None
    assert section_headings(pack.briefing, translator_for("en-GB")).findings == "Headline findings"
    assert pack.briefing.subtitle is None
    assert pack.briefing.edition_date.isoformat() == "2024-06-01"
    assert pack.briefing.summary.startswith("A two-year survey of street trees found")
    assert "\n" not in pack.briefing.summary
    assert pack.findings[0].quote is not None
    assert pack.findings[0].quote.source == "survey-report"
    assert [entry.term for entry in pack.glossary] == ["canopy", "surface temperature"]


def test_pitfall_values_stay_strings() -> None:
    """YAML 1.1 would turn these into numbers, dates, booleans and null; a pack keeps the text."""
    raw = (VALID / "pitfalls.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "pitfalls.yaml must keep its byte order mark"
    pack = load_pack(VALID / "pitfalls.yaml").pack
    briefing = pack.briefing
    assert briefing.title == "2025-07-11"
    assert briefing.subtitle == "null"
    assert briefing.series.name == "yes"
    assert briefing.publisher == "1.0"
    assert briefing.summary == "no"
    assert briefing.about_implications == "Text with # a hash and: a colon, kept because it is quoted."
    assert briefing.keywords == ["yes", "no", "on", "off", "1e3", "0x1F", ".inf", "2025-07-11", "~"]
    assert [source.id for source in pack.sources] == ["2025"]
    assert pack.sources[0].title == "0012"
    assert pack.sources[0].publisher == "off"
    assert [finding.id for finding in pack.findings] == ["0012", "007", "no"]
    assert [finding.statement for finding in pack.findings] == ["yes", "1.0", "no"]
    assert [finding.explanation for finding in pack.findings] == ["2025-07-11", "on", "1_000"]
    assert pack.findings[0].source_ids == ["2025"]
    assert pack.finding_number("0012") == 1
    audience = pack.audiences[0]
    assert (audience.id, audience.name, audience.description) == ("on", "0o17", "+12")
    assert audience.implications[0].title == "2025-07-11T10:00:00"
    assert audience.implications[0].text == "~x"
    assert audience.implications[0].findings == ["0012", "007", "no"]
    assert [(entry.term, entry.definition) for entry in pack.glossary] == [("NO", "yes"), ("Y", "12:30:00")]


def test_windows_line_endings_load_the_same_and_keep_positions(tmp_path: Path) -> None:
    """Packs saved on Windows (CRLF) read the same and report the same line numbers."""
    minimal = (VALID / "minimal.yaml").read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(minimal.replace("\n", "\r\n").encode("utf-8"))
    assert load_pack(crlf).pack == load_pack(VALID / "minimal.yaml").pack

    crlf.write_bytes(minimal.replace("language: en-GB", "language: xx-YY").replace("\n", "\r\n").encode("utf-8"))
    line = next(number for number, text in enumerate(minimal.splitlines(), 1) if "language:" in text)
    assert problem_lines([crlf]) == [
        f"{crlf}:{line}:13: briefing.language: expected a language tag such as 'en-GB' or 'cy', found 'xx-YY'"
    ]


def test_byte_order_mark_does_not_shift_columns(tmp_path: Path) -> None:
    """A BOM is invisible to the editor, so it must not count as a column on line 1."""
    pack = tmp_path / "bom.yaml"
    pack.write_bytes(b"\xef\xbb\xbfbriefing: [x]\n")
    with pytest.raises(PackError) as caught:
        load_packs([pack])
    [briefing] = [problem for problem in caught.value.problems if problem.field == "briefing"]
    assert (briefing.line, briefing.column) == (1, 11)


# --- hostile and oversized input ------------------------------------------------------------


def test_alias_bomb_is_refused_quickly_without_expansion(tmp_path: Path) -> None:
    """A 'billion laughs' document would expand to 9**9 strings; aliases are refused instead."""
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    found = messages([bomb])
    assert time.perf_counter() - start < 5
    assert "anchors and aliases (& and *) are not supported; write the value out in full" in found
    assert len(found) < 1000


def test_alias_problems_are_not_repeated(tmp_path: Path) -> None:
    """Printing the same line many times buries the other problems."""
    pack = tmp_path / "aliases.yaml"
    pack.write_text("a: &a [x]\nb: [*a, *a, *a]\n", encoding="utf-8")
    lines = problem_lines([pack])
    assert len(lines) == len(set(lines))


def test_deeply_nested_document_gives_a_problem_not_a_recursion_error(tmp_path: Path) -> None:
    """10,000 nested lists would overflow the stack of a naive reader."""
    deep = tmp_path / "deep.yaml"
    deep.write_text("briefing: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    assert messages([deep]) == ["the data is nested too deeply to read"]


def test_nesting_beyond_the_depth_limit_is_refused(tmp_path: Path) -> None:
    """Nesting deeper than any pack needs is refused before it reaches the model."""
    deep = tmp_path / "deep.yaml"
    deep.write_text("briefing: " + "[" * 45 + "]" * 45 + "\n", encoding="utf-8")
    assert messages([deep]) == [f"the data is nested more than {yaml_reader.MAX_DEPTH} levels deep"]


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    """A pasted book or a wrong file must be refused with its size, not parsed for minutes."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (yaml_reader.MAX_FILE_BYTES + 1))
    assert problem_lines([big]) == [f"{big}:1:1: the file is 4,194,305 bytes; a pack may be at most 4 MiB"]


def test_size_limit_is_inclusive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file exactly at the limit is read; one byte more is refused."""
    data = (VALID / "minimal.yaml").read_bytes()
    pack = tmp_path / "minimal.yaml"
    pack.write_bytes(data)
    monkeypatch.setattr(yaml_reader, "MAX_FILE_BYTES", len(data))
    assert load_pack(pack).pack.briefing.series.number == 3
    monkeypatch.setattr(yaml_reader, "MAX_FILE_BYTES", len(data) - 1)
    larger = tmp_path / "minimal-2.yaml"  # a file this process has not loaded yet
    larger.write_bytes(data)
    [message] = messages([larger])
    assert message.startswith(f"the file is {len(data):,} bytes")


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    """Values are built from the node tree, so a python/object tag is just a (wrong) value."""
    marker = tmp_path / "executed"
    text = (VALID / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace(
        'title: "Street trees and summer heat: what the city survey found"',
        f"title: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]",
    )
    pack = tmp_path / "tagged.yaml"
    pack.write_text(text, encoding="utf-8")
    assert messages([pack]) == ["expected text, found a list of 1 item"]
    assert not marker.exists()


def test_overlong_text_is_refused(tmp_path: Path) -> None:
    """A pasted book in a prose field is refused with its length."""
    text = (VALID / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("    description: The main report of the survey.", "    description: " + "x" * 20_001)
    pack = tmp_path / "long.yaml"
    pack.write_text(text, encoding="utf-8")
    [message] = messages([pack])
    assert message == "expected at most 20,000 characters, found 20,001"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}&*!#'\"|>%@`,?~\x00\x07é")), max_size=80))
def test_any_text_gives_a_pack_or_problems_never_a_crash(tmp_path: Path, text: str) -> None:
    """Whatever an editor types, the loader answers with problems, each on one line."""
    pack = tmp_path / "fuzz.yaml"
    pack.write_text(text, encoding="utf-8")
    try:
        load_pack(pack)
    except PackError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1
            assert problem.column >= 1
            assert "\n" not in problem.message


# --- finding files ----------------------------------------------------------------------------


def test_folder_is_expanded_to_its_yaml_and_yml_files_in_order(tmp_path: Path) -> None:
    """Folders hold packs (.yaml or .yml); other files and subfolders are ignored."""
    minimal = (VALID / "minimal.yaml").read_bytes()
    (tmp_path / "b-pack.yml").write_bytes(minimal)
    (tmp_path / "a-pack.yaml").write_bytes(minimal)
    (tmp_path / "notes.txt").write_text("not a pack", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    assert find_pack_files([tmp_path]) == [tmp_path / "a-pack.yaml", tmp_path / "b-pack.yml"]
    assert [loaded.slug for loaded in load_packs([tmp_path])] == ["a-pack", "b-pack"]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    """A mistyped path is reported like any other problem, not as a traceback."""
    missing = tmp_path / "nope.yaml"
    assert problem_lines([missing]) == [f"{missing}:1:1: no such file or folder"]


def test_folder_without_packs_is_a_problem(tmp_path: Path) -> None:
    """Validating an empty folder must not look like success."""
    assert problem_lines([tmp_path]) == [f"{tmp_path}:1:1: no briefing packs (*.yaml) found here"]


def test_problem_without_a_field_omits_the_field_part() -> None:
    """File-level problems (syntax, encoding) have no field path and print without one."""
    assert str(Problem(Path("a.yaml"), 2, 3, "", "broken")) == "a.yaml:2:3: broken"
    assert str(Problem(Path("a.yaml"), 2, 3, "briefing.title", "broken")) == "a.yaml:2:3: briefing.title: broken"


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    """A path that cannot be read as a file is reported with the operating system's reason."""
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(PackError) as caught:
        yaml_reader.read_yaml(folder)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message.startswith("cannot read the file: ")
    assert len(problem.message) > len("cannot read the file: ")


def test_a_documents_value_is_what_the_file_holds_at_a_location_and_none_elsewhere(tmp_path: Path) -> None:
    """One walk answers both the checks that read a field and the flow-list check that asks of a
    location it only suspects (a list written where the model wants text, or no list at all)."""
    path = tmp_path / "a.yaml"
    path.write_text("a:\n  b: [x, y]\n  c: text\n", encoding="utf-8")
    document = yaml_reader.read_yaml(path)
    assert document.value(("a", "b")) == ["x", "y"]
    assert document.value(("a", "b", 1)) == "y"
    assert [document.value(where) for where in [("a", "b", 2), ("a", "d"), ("a", 0), ("a", "c", 0)]] == [None] * 4


def test_a_source_text_that_links_outside_the_packs_folder_is_refused_at_its_field(tmp_path: Path) -> None:
    """A ``text_file`` is read as the report's own words: a link that leads out of the pack's
    folder is refused where it is written, as a pack file that links out is."""
    outside = tmp_path / "elsewhere" / "report.txt"
    outside.parent.mkdir()
    outside.write_text("The report's own words.", encoding="utf-8")
    folder = tmp_path / "project" / "briefings"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "report.txt").symlink_to(outside)
    (folder / "sources" / "inside.txt").write_text("The annex's own words.", encoding="utf-8")
    pack = small_pack()
    pack["sources"][0]["text_file"] = "sources/report.txt"
    pack["sources"][1]["text_file"] = "sources/inside.txt"
    path = write_pack(folder / "small.yaml", pack)
    with pytest.raises(PackError) as raised:
        load_pack(path)
    problems = [str(problem) for problem in raised.value.problems]
    assert len(problems) == 1, problems
    assert "sources[0].text_file: expected a file inside the pack's folder, found 'sources/report.txt'" in problems[0]
    assert problems[0].endswith("which links outside it")
