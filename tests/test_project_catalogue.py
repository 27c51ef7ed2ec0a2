"""A language the tool does not ship: the project's own catalogue beside conf.py.

`lcsi-briefs translate fr` starts it with every message; the build uses what is translated and
names what is not; running the command again keeps every translation made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.cli.main import main
from lcsi_briefs.text.catalogue import messages, translator_for, untranslated, use_project_catalogues

from .conftest import make_project, small_pack

#: Some of the words a pack's pages print, in French (ours, for the test).
FRENCH = {
    "Headline findings": "Principaux constats",
    "Sources": "Sources des données",
    "What it means for you": "Ce que cela signifie pour vous",
    "Printable editions": "Éditions imprimables",
}


@pytest.fixture(autouse=True)
def _shipped_catalogues_after() -> Iterator[None]:
    """A test here reads a project's catalogues; the next test in this process must not."""
    yield
    use_project_catalogues([])


def _po(project: Path, domain: str = "lcsi_briefs") -> Path:
    return project / "locale" / "fr" / "LC_MESSAGES" / f"{domain}.po"


def _translate_some(path: Path, translations: dict[str, str]) -> None:
    with path.open("rb") as stream:
        catalogue = read_po(stream)
    for message_id, text in translations.items():
        catalogue[message_id].string = text
    with path.open("wb") as stream:
        write_po(stream, catalogue)


def test_translate_starts_a_catalogue_with_every_message_and_keeps_translations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", "fr", "--project", str(tmp_path)]) == 0
    with _po(tmp_path).open("rb") as stream:
        started = read_po(stream)
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in started if m.id}
    assert ids == set(messages()) and len(ids) > 100
    assert all(not m.string or m.string == ("", "", "") for m in started if m.id)
    assert _po(tmp_path, "sphinx").is_file()
    out = capsys.readouterr().out
    assert f"locale/fr/LC_MESSAGES/lcsi_briefs.po: {len(ids)} messages, {len(ids)} to translate" in out

    _translate_some(_po(tmp_path), FRENCH)
    assert main(["translate", "fr", "--project", str(tmp_path)]) == 0
    with _po(tmp_path).open("rb") as stream:
        again = read_po(stream)
    assert {key: again[key].string for key in FRENCH} == FRENCH
    assert f"{len(ids) - len(FRENCH)} to translate" in capsys.readouterr().out


def test_a_shipped_language_starts_from_the_shipped_wording(tmp_path: Path) -> None:
    assert main(["translate", "cy", "--project", str(tmp_path)]) == 0
    with (tmp_path / "locale" / "cy" / "LC_MESSAGES" / "lcsi_briefs.po").open("rb") as stream:
        catalogue = read_po(stream)
    assert catalogue["Sources"].string == "Ffynonellau"


def test_a_tag_that_names_no_language_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translate", "xx-nonsense", "--project", str(tmp_path)]) == 2
    assert "'xx-nonsense' is not a language tag" in capsys.readouterr().err
    assert not (tmp_path / "locale").exists()


def test_the_project_catalogue_is_read_first_and_the_rest_named(tmp_path: Path) -> None:
    assert main(["translate", "fr", "--project", str(tmp_path)]) == 0
    _translate_some(_po(tmp_path), FRENCH)
    use_project_catalogues([tmp_path / "locale"])
    assert translator_for("fr-FR")("Headline findings") == "Principaux constats"
    assert translator_for("fr")("Glossary") == "Glossary"  # untranslated: English, never blank
    assert "Glossary" in untranslated("fr") and "Headline findings" not in untranslated("fr")
    use_project_catalogues([])
    assert translator_for("fr")("Headline findings") == "Headline findings"


def test_a_french_pack_is_built_with_the_project_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = small_pack()
    pack["briefing"]["language"] = "fr"
    project = make_project(tmp_path / "project", {"petit": pack})
    assert main(["translate", "fr", "--project", str(project)]) == 0
    _translate_some(_po(project), FRENCH)
    capsys.readouterr()
    assert build_all(project, pdf=False) == 0
    shown = capsys.readouterr().out
    left = len(messages()) - len(FRENCH)
    assert re.search(rf"{left} interface messages have no 'fr' translation, so readers see them in English", shown)
    page = BeautifulSoup(
        (project / "build" / "html" / "briefing" / "petit" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    headings = [h.get_text(" ", strip=True).rstrip("¶#").strip() for h in page.find_all(["h2", "h3"])]
    assert "Principaux constats" in headings and "Headline findings" not in headings

    # The project's catalogue is an input like its pages: reworded, the next build shows it.
    _translate_some(_po(project), {"Headline findings": "Les constats"})
    assert build_all(project, pdf=False) == 0
    page = BeautifulSoup(
        (project / "build" / "html" / "briefing" / "petit" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "Les constats" in [h.get_text(" ", strip=True).rstrip("¶#").strip() for h in page.find_all(["h2", "h3"])]
