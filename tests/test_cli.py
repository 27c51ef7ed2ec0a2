"""The ``lcsi-briefs`` command's contract: exit 0 when valid, 1 with every problem on stderr when
not, 2 on usage errors, and never a traceback, whatever the input.

Most tests call ``main()`` in-process for speed; the subprocess tests prove what a user really
sees on the terminal, including that nothing escapes as a traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lcsi_briefs import __version__
from lcsi_briefs.cli.main import main

from .conftest import invalid_cases

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
REPO = Path(__file__).parent.parent
BUNDLED = Path("briefings") / "lcsi-2025.yaml"


def summary(count: int) -> str:
    """The last line ``validate`` prints on failure."""
    return f"{count} problem{'s' if count != 1 else ''} found."


def expected_stderr(name: str) -> str:
    """The fixture's expected problem lines followed by the count, as printed on stderr."""
    lines = (INVALID / name).with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    return "\n".join([*lines, summary(len(lines))]) + "\n"


def run_cli(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command as a user would, in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "lcsi_briefs.cli.main", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


# --- validate: success ----------------------------------------------------------------------


def test_validate_bundled_pack(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid pack exits 0 and says so on stdout, with nothing on stderr."""
    monkeypatch.chdir(REPO)
    assert main(["validate", str(BUNDLED)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{BUNDLED}: valid (12 findings, 7 audiences)\n"
    assert captured.err == ""


def test_validate_defaults_to_the_briefings_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no PATH, ``validate`` checks every pack in briefings/ under the current folder."""
    monkeypatch.chdir(REPO)
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert f"{BUNDLED}: valid (12 findings, 7 audiences)" in captured.out.splitlines()
    assert captured.err == ""


def test_validate_several_valid_paths(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Files and folders can be mixed; each pack gets its own line, in order."""
    monkeypatch.chdir(FIXTURES)
    assert main(["validate", "valid/minimal.yaml", "valid"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{Path('valid/minimal.yaml')}: valid (3 findings, 2 audiences)",
        f"{Path('valid/coed-stryd.yaml')}: valid (3 findings, 2 audiences)",
        f"{Path('valid/figures-example.yaml')}: valid (3 findings, 1 audience)",
        f"{Path('valid/minimal.yaml')}: valid (3 findings, 2 audiences)",
        f"{Path('valid/numbers-survey.yaml')}: valid (3 findings, 2 audiences)",
        f"{Path('valid/pitfalls.yaml')}: valid (3 findings, 1 audience)",
        f"{Path('valid/welsh-long-names.yaml')}: valid (1 finding, 2 audiences)",
    ]


# --- validate: invalid data -------------------------------------------------------------------


@pytest.mark.parametrize("name", invalid_cases())
def test_validate_invalid_fixture(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each mistake exits 1 with exactly the expected lines and a count on stderr."""
    monkeypatch.chdir(INVALID)
    assert main(["validate", name]) == 1
    captured = capsys.readouterr()
    assert captured.err == expected_stderr(name)
    assert captured.out == ""


def test_problems_in_several_files_are_all_printed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validating valid and invalid files together reports every problem, and no 'valid' lines."""
    monkeypatch.chdir(REPO)
    unknown_key = INVALID.relative_to(REPO) / "unknown-key.yaml"
    unknown_finding = INVALID.relative_to(REPO) / "unknown-finding.yaml"
    assert main(["validate", str(unknown_key), str(BUNDLED), str(unknown_finding)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert lines[-1] == "2 problems found."
    assert lines[0].startswith(f"{unknown_finding}:33:27: audiences[0].implications[0].findings[1]: unknown finding")
    assert lines[1].startswith(f"{unknown_key}:26:1: glosary: unknown key 'glosary'")
    assert captured.out == ""


def test_validate_nonexistent_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A mistyped path exits 1 and says the file does not exist."""
    missing = tmp_path / "no-such-pack.yaml"
    assert main(["validate", str(missing)]) == 1
    assert capsys.readouterr().err == f"{missing}:1:1: no such file or folder\n1 problem found.\n"


def test_validate_default_folder_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Run outside a project, the default briefings/ folder is reported missing, not ignored."""
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == "briefings:1:1: no such file or folder\n1 problem found.\n"


def test_validate_folder_without_packs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An empty folder is an error with a clear message, not a silent success."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.txt").write_text("no packs here", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "empty"]) == 1
    assert capsys.readouterr().err == "empty:1:1: no briefing packs (*.yaml) found here\n1 problem found.\n"


# --- usage errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "complaint"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["validate", "--strict"], "unrecognized arguments: --strict"),
        (["schema", "extra"], "unrecognized arguments: extra"),
        (["--colour", "validate"], "unrecognized arguments: --colour"),
    ],
    ids=["no-command", "unknown-command", "unknown-option", "extra-argument", "unknown-global-option"],
)
def test_usage_errors_exit_2(arguments: list[str], complaint: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Usage errors exit 2 with argparse's usage line and the reason on stderr."""
    with pytest.raises(SystemExit) as exited:
        main(arguments)
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("usage: lcsi-briefs ")
    assert complaint in captured.err
    assert captured.out == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version and exits 0."""
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"lcsi-briefs {__version__}\n"


# --- as a real process ------------------------------------------------------------------------


def test_subprocess_invalid_file_exit_1_without_traceback() -> None:
    """What a user sees: the problem lines and count on stderr, exit 1, no traceback."""
    result = run_cli("validate", "unknown-key.yaml", "tab-indentation.yaml", "unknown-finding.yaml", cwd=INVALID)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [
        line
        for name in ("tab-indentation.yaml", "unknown-finding.yaml", "unknown-key.yaml")
        for line in (INVALID / name).with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    ]
    assert result.stderr == "\n".join([*problems, summary(len(problems))]) + "\n"
    assert result.stdout == ""


def test_subprocess_valid_default_path_exit_0() -> None:
    """Run from the repository root with no PATH, the bundled pack validates."""
    result = run_cli("validate", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert f"{BUNDLED}: valid (12 findings, 7 audiences)" in result.stdout.splitlines()
    assert result.stderr == ""


def test_subprocess_usage_error_exit_2() -> None:
    """An unknown option is a usage error (2), not a data error (1), and not a traceback."""
    result = run_cli("validate", "--no-such-option", cwd=REPO)
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-option" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"briefing: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "the data is nested too deeply to read"),
        (b"briefing:\n  title: caf\xe9\n", "the file is not UTF-8 text: found the byte 0xE9"),
        (b"a: &a [x]\nb: *a\n", "anchors and aliases (& and *) are not supported"),
        (b"", "the file is empty; expected a briefing pack"),
    ],
    ids=["deep-nesting", "latin-1", "alias", "empty"],
)
def test_subprocess_hostile_input_never_shows_a_traceback(content: bytes, message: str, tmp_path: Path) -> None:
    """Input that could crash a naive reader still ends in a message and exit 1."""
    (tmp_path / "hostile.yaml").write_bytes(content)
    result = run_cli("validate", "hostile.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [problem, count] = result.stderr.splitlines()
    assert problem.startswith("hostile.yaml:")
    assert message in problem
    assert count == "1 problem found."


def test_console_script_is_installed() -> None:
    """The ``lcsi-briefs`` entry point runs the same ``main``."""
    script = Path(sys.executable).parent / ("lcsi-briefs.exe" if sys.platform == "win32" else "lcsi-briefs")
    if not script.exists():
        pytest.skip("the package is not installed with its console script in this environment")
    result = subprocess.run(
        [str(script), "validate", str(BUNDLED)], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{BUNDLED}: valid (12 findings, 7 audiences)\n"
