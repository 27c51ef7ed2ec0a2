"""``lcsi-briefs check``: each kind of editorial problem on a fixture made to have it.

Each file in ``fixtures/check/`` is ``clean.yaml`` with one kind of problem; the ``.expected``
file next to it holds exactly what ``lcsi-briefs check`` prints. Positions point at the word.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from lcsi_briefs.check import CHECKS, check_pack
from lcsi_briefs.check.readability import GRADE_TO_UK_AGE, uk_reading_age, words_to_avoid
from lcsi_briefs.cli.build import build_all
from lcsi_briefs.cli.main import main
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.sphinx_ext.config import BriefsConfig
from lcsi_briefs.sphinx_ext.editorial import report_editorial
from lcsi_briefs.sphinx_ext.errors import BriefingDataError

from .conftest import make_project, small_pack

CHECK_FIXTURES = Path(__file__).parent / "fixtures" / "check"
REPO = Path(__file__).resolve().parents[1]
#: Which fixture shows each check (a check without a fixture would go untested).
FIXTURE_FOR = {
    "coverage": ["unused-finding", "one-finding-audience"],
    "reading age": ["reading-age"],
    "long sentences": ["long-sentence"],
    "words to avoid": ["word-to-avoid"],
    "abbreviations": ["abbreviation-before-explained", "abbreviation-in-title"],
    "preferred terms": ["preferred-term"],
    "glossary terms": ["unused-term"],
    "figures": ["figure-without-source"],
    "quotations": ["unquoted-quote"],
    "source words": ["no-excerpt", "source-text-file"],
    "numbers in the sources": ["figure-in-finding", "invented-key-figure"],
    "hedges": ["dropped-hedge", "weakened-hedge"],
    "quotations in the sources": ["quote-not-in-source"],
    "own reading": ["flat-implication"],
    "evidence figures": ["evidence-figure"],
    "charts": ["crowded-chart"],
    "short forms": ["short-form-hedge"],
}


def fixture_names() -> list[str]:
    return sorted(path.name for path in CHECK_FIXTURES.glob("*.yaml"))


@pytest.mark.parametrize("name", fixture_names())
def test_check_prints_exactly_the_expected_lines(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(CHECK_FIXTURES)
    expected = Path(name).with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    status = main(["check", name])
    captured = capsys.readouterr()
    assert captured.out.splitlines() + captured.err.splitlines() == expected
    assert status == (1 if name == "implication-without-finding.yaml" else 0)


def test_every_check_has_a_fixture_and_no_fixture_is_orphaned() -> None:
    assert set(FIXTURE_FOR) == set(CHECKS)
    packs = {path.stem for path in CHECK_FIXTURES.glob("*.yaml")}
    assert packs == {path.stem for path in CHECK_FIXTURES.glob("*.expected")}
    named = {name for names in FIXTURE_FOR.values() for name in names}
    assert named | {"clean", "implication-without-finding", "no-false-alarms"} == packs


@pytest.mark.parametrize(("name", "status"), [("clean.yaml", 0), ("word-to-avoid.yaml", 1)])
def test_strict_fails_on_any_warning(name: str, status: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CHECK_FIXTURES)
    assert main(["check", "--strict", name]) == status


def test_the_bundled_pack_passes_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_pack(load_pack(REPO / "briefings" / "lcsi-2025.yaml")) == []
    assert main(["check", "--strict", str(REPO / "briefings")]) == 0
    assert "no editorial problems" in capsys.readouterr().out


def test_reading_age_is_the_us_grade_plus_five_and_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat fetches a US pronouncing dictionary for 'en_*'; our 'en-GB' must never ask for it."""
    import nltk  # noqa: PLC0415 - textstat's dependency, imported only to stop it

    def refuse(*arguments: object, **options: object) -> None:
        raise AssertionError("the readability check tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", refuse)
    from textstat.textstat import textstatistics  # noqa: PLC0415

    text = "The cat sat on the mat. It was a warm day, and the cat was happy to rest there."
    scorer = textstatistics()
    scorer.set_lang("en-GB")
    assert uk_reading_age(text, "en-GB") == pytest.approx(scorer.flesch_kincaid_grade(text) + GRADE_TO_UK_AGE)
    assert uk_reading_age(text, "en-GB") < uk_reading_age(
        "Notwithstanding considerable organisational heterogeneity, infrastructural interdependencies "
        "characteristically necessitate comprehensive, multidimensional evaluation.",
        "en-GB",
    )


def test_the_words_to_avoid_list_names_its_source() -> None:
    header = (
        Path(sys.modules["lcsi_briefs.check"].__file__ or "").parent / "data" / "govuk-words-to-avoid.txt"
    ).read_text(encoding="utf-8")
    assert "https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style#words-to-avoid" in header
    assert "Open Government Licence" in header
    forms = {form for entry in words_to_avoid() for form in entry.forms}
    assert {"deliver", "key", "utilise", "in order to", "going forward"} <= forms


def _fake_app(strict: bool) -> SimpleNamespace:
    config = SimpleNamespace(**{f"lcsi_briefs_{name}": value for name, value in vars(BriefsConfig()).items()})
    config.lcsi_briefs_strict = strict
    return SimpleNamespace(builder=SimpleNamespace(name="html"), config=config)


def test_a_build_lists_editorial_warnings_and_a_strict_build_stops(caplog: pytest.LogCaptureFixture) -> None:
    loaded = load_pack(CHECK_FIXTURES / "unused-finding.yaml")
    with caplog.at_level("INFO"):
        report_editorial(_fake_app(strict=False), [loaded])  # type: ignore[arg-type]
    assert "no implication rests on finding 3" in caplog.text
    assert "1 editorial warning;" in caplog.text
    with pytest.raises(BriefingDataError, match="1 editorial warning \\(strict build"):
        report_editorial(_fake_app(strict=True), [loaded])  # type: ignore[arg-type]


def test_build_strict_fails_and_publishes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The small test pack rests one audience on one finding: a strict build refuses it."""
    root = make_project(tmp_path / "project", {"small": small_pack()})
    assert build_all(root, pdf=False, strict=True) == 1
    err = capsys.readouterr().err
    assert "editorial warning" in err
    assert "every implication for Councils rests on finding 1 ('regular-visits') alone" in err
    assert not (root / "build" / "html").exists()


def test_the_coverage_matrix_counts_implications_per_finding_and_audience() -> None:
    from lcsi_briefs.pages.coverage import render_coverage  # noqa: PLC0415

    page = render_coverage([load_pack(CHECK_FIXTURES / "unused-finding.yaml")])
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Finding | Councils | Residents | Total |"
    assert rows[2].endswith("| 1 | 1 | 2 |")
    assert rows[4] == "| 3\\. Longer opening hours did not change how often people came\\. | · | · | · |"
    assert rows[-1] == "| **Findings drawn on** | 2 | 2 | |"


def test_the_editors_coverage_page_is_built(tmp_path: Path) -> None:
    """The matrix is in the editors' manual (``nox -s docs``), built here the same way."""
    import shutil  # noqa: PLC0415

    from bs4 import BeautifulSoup  # noqa: PLC0415
    from sphinx.cmd.build import build_main  # noqa: PLC0415

    shutil.copytree(REPO / "docs" / "manual", tmp_path / "docs" / "manual", ignore=shutil.ignore_patterns("_generated"))
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    out = tmp_path / "out"
    assert build_main(["-q", "-W", "-b", "html", str(tmp_path / "docs" / "manual"), str(out)]) == 0
    page = out / "coverage.html"
    table = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article table")
    assert table is not None
    assert len(table.select("tbody tr")) == 12 + 2


#: Fields of the clean fixture (an action, an implication's text) written each way YAML can hold
#: them, with 'key' (a word to avoid) after what YAML decodes: escapes, an escaped line break,
#: doubled quotation marks, folded and indented lines.
ACTION = "          - Count weekly visitors"
IMPLICATION = (
    "        text: >-\n          The study finds that weekly visits help, and that local staff matter most. We\n"
    "          read this as a reason to keep staff in post."
)
WRITTEN = {
    "double-quoted": (
        ACTION,
        r'          - "Count \u00e9t\u00e9 \"weekly\" \x6Bnots\tand \\ a \U0001F600 k\x65ys and a '
        "\\\n"  # an escaped line break: the lines join with nothing between them
        r'            key message"',
    ),
    "single-quoted": (
        ACTION,
        "          - 'Count the library''s ''weekly''\n            visitors'' ''k'' keys: a key message'",
    ),
    "folded": (
        ACTION,
        '          - >-\n            Count the library\'s "k"\n'
        "            weekly visitors, with\n            a key message",
    ),
    "plain": (ACTION, "          - Count the library's \\u006b\n            weekly visitors, a key message"),
    "literal": (
        IMPLICATION,
        "        text: |-\n          We read the study's 'k' as a reason\n\n            to keep staff: a key message",
    ),
}


@pytest.mark.parametrize("style", WRITTEN)
def test_a_word_inside_a_value_is_placed_at_the_word_whatever_yaml_decoded_before_it(
    style: str, tmp_path: Path
) -> None:
    clean = (CHECK_FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    field, written = WRITTEN[style]
    assert clean.count(field + "\n") == 1
    path = tmp_path / "pack.yaml"
    path.write_text(clean.replace(field, written), encoding="utf-8")
    found = [p for p in check_pack(load_pack(path)) if p.message.startswith("'key' is on GOV.UK's")]
    assert len(found) == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[found[0].line - 1][found[0].column - 1 :].startswith("key message")


def test_a_long_sentence_opening_on_a_doubled_quotation_mark_is_placed_at_it(tmp_path: Path) -> None:
    """In single quotes, '' is one quotation mark: the sentence starts at the pair, not at its second half."""
    clean = (CHECK_FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    field = "    description: Councils that run public libraries.\n"
    assert clean.count(field) == 1
    written = (
        "    description: 'They said ''yes.'' ''Councils that run public libraries in towns, villages and cities "
        "across the whole country want staff who know the area, the people and the needs of every visitor.'''\n"
    )
    path = tmp_path / "pack.yaml"
    path.write_text(clean.replace(field, written), encoding="utf-8")
    [found] = [p for p in check_pack(load_pack(path)) if "a sentence of" in p.message]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[found.line - 1][found.column - 1 :].startswith("''Councils that run")
