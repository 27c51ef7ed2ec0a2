"""The editor's loop: a new briefing in one command, and a live preview that follows edits."""

from __future__ import annotations

import datetime as dt
import http.client
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.cli.main import main
from lcsi_briefs.cli.preview import watched_paths
from lcsi_briefs.cli.project import read_layout
from lcsi_briefs.cli.scaffold import ScaffoldError, new_pack
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.placeholders import URL
from lcsi_briefs.model.problems import PackError

from .conftest import interruptible_command, make_project, one_audience_pack, small_pack, write_pack


def filled_in(text: str) -> str:
    """A scaffold with every placeholder replaced by the words it asked for."""
    return text.replace('"REPLACE: ', '"').replace(URL, "https://example.org/report")


def test_new_pack_continues_the_pack_named_and_builds_once_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = small_pack()
    previous["briefing"]["about_implications"] = "Our reading.\n\nNot the researchers' words."
    root = make_project(
        tmp_path / "project",
        {
            "small": previous,
            "other": {
                **small_pack(),
                "briefing": {**small_pack()["briefing"], "language": "cy", "edition_date": "2027-01-01"},
            },
        },
    )
    monkeypatch.chdir(root)
    assert main(["new", "small-2027", "--from", "small"]) == 0
    assert "Created briefings/small-2027.yaml" in capsys.readouterr().out
    path = root / "briefings" / "small-2027.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=briefing-pack.schema.json")
    assert "# quote:" in text and "# functions:" in text
    # Placeholders are refused, each named where it is.
    assert main(["validate"]) == 1
    refused = capsys.readouterr().err
    assert (
        "small-2027.yaml:" in refused
        and "briefing.title: replace the placeholder 'REPLACE: the briefing title'" in refused
    )
    assert "sources[0].url: replace the placeholder 'https://replace.invalid/the-report-address'" in refused
    path.write_text(filled_in(text), encoding="utf-8")
    assert main(["validate"]) == 0
    created = load_pack(path)
    briefing = created.pack.briefing
    assert briefing.series is not None
    assert briefing.series.number == previous["briefing"]["series"]["number"] + 1
    assert briefing.series.name == previous["briefing"]["series"]["name"]
    assert briefing.language == "en-GB"  # the pack named, not the newest (Welsh) one
    # What belongs to the study starts afresh; what belongs to the series is carried over.
    assert "briefing.about_implications: replace the placeholder" in refused
    assert "findings[0].excerpts[0].text: replace the placeholder" in refused
    assert "Not the researchers' words" not in text
    assert briefing.about_implications != previous["briefing"]["about_implications"]
    assert [a.description for a in created.pack.audiences] == [a["description"] for a in previous["audiences"]]
    assert briefing.publisher == previous["briefing"]["publisher"]
    assert briefing.edition_date == dt.date.today()
    assert [a.id for a in created.pack.audiences] == [a["id"] for a in previous["audiences"]]
    assert build_all(root, pdf=False) == 0
    assert (root / "build" / "html" / "briefing" / "small-2027" / "index.html").is_file()


def test_new_pack_continues_the_newest_of_a_series(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    write_pack(folder / "small.yaml", small_pack())
    with pytest.raises(ScaffoldError, match="no pack is in it; series here: Test briefings"):
        new_pack(folder, "again", dt.date(2026, 3, 4), series="Nope")
    with pytest.raises(ScaffoldError, match="expected one of: small"):
        new_pack(folder, "again", dt.date(2026, 3, 4), source="nope")
    path = new_pack(folder, "next", dt.date(2026, 3, 4), series="Test briefings")
    assert "number: 4" in path.read_text(encoding="utf-8")


def test_new_pack_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    write_pack(folder / "small.yaml", small_pack())
    before = (folder / "small.yaml").read_bytes()
    with pytest.raises(ScaffoldError, match="already exists"):
        new_pack(folder, "small", dt.date(2026, 1, 1))
    assert (folder / "small.yaml").read_bytes() == before


def test_new_pack_refuses_an_unsafe_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "../outside", "--folder", str(tmp_path)]) == 1
    assert "cannot name a briefing" in capsys.readouterr().err
    assert not list(tmp_path.parent.glob("outside*"))


def test_a_new_pack_stands_alone_and_copies_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    write_pack(folder / "small.yaml", small_pack())
    path = new_pack(folder, "first", dt.date(2026, 3, 4))
    text = path.read_text(encoding="utf-8")
    assert "Test Umbrella Body" not in text and "Test briefings" not in text and "councils" not in text
    with pytest.raises(PackError) as refused:
        load_pack(path)
    assert all(problem.message.startswith("replace the placeholder") for problem in refused.value.problems)
    assert len(refused.value.problems) == 17  # the finding's excerpt: where, and the words
    loaded = load_pack(write_pack(tmp_path / "filled.yaml", yaml.safe_load(filled_in(text))))
    assert loaded.pack.briefing.series is None
    assert loaded.pack.briefing.edition_date == dt.date(2026, 3, 4)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page served at ``url``, or None while there is none whole to serve.

    Sphinx rewrites a page in place while it rebuilds, so a page read just then can end short
    of the length it was announced with (IncompleteRead): a reader polling, as a browser that
    reloads, simply asks again.
    """
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError):
        return None


#: How long any wait may last before the test gives up. Each wait ends as soon as what it waits
#: for is served, so the limit only matters when something is wrong: it is set for a machine
#: busy with other work, not for a quiet one, so the test does not depend on load.
PATIENCE = 300.0


def wait_for(url: str, text: str, seconds: float = PATIENCE) -> float:
    """Seconds until ``text`` is served at ``url``; the test fails after ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        page = fetch(url)
        if page is not None and text in page:
            return time.monotonic() - start
        time.sleep(0.25)
    pytest.fail(f"{text!r} was not served at {url} within {seconds} s")


def test_the_preview_watches_every_folder_a_build_reads(tmp_path: Path) -> None:
    """A save the build would rebuild for rebuilds the preview too: a template folder conf.py
    names at the project's root and the project's catalogue were once read by the build only."""
    root = make_project(tmp_path / "project", {"small": one_audience_pack()})
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ntemplates_path = ["_templates"]\n')
    saved = [
        root / "_templates" / "base.html",
        root / "locale" / "fr" / "LC_MESSAGES" / "lcsi_briefs.po",
        root / "briefings" / "small.yaml",
        root / "docs" / "index.md",
        root / "conf.py",
    ]
    for path in saved[:2]:
        path.parent.mkdir(parents=True)
        path.write_text("", encoding="utf-8")
    watched = watched_paths(read_layout(root))
    assert [path for path in saved if not any(path.is_relative_to(folder) for folder in watched)] == []


def test_preview_server_follows_an_edit_and_stops_cleanly(tmp_path: Path) -> None:
    pytest.importorskip("sphinx_autobuild")
    # One audience: six PDFs a build, not ten; the test reads the site and one PDF.
    root = make_project(tmp_path / "project", {"small": one_audience_pack()})
    port = free_port()
    command = interruptible_command("serve", "--project", str(root), "--port", str(port))
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/briefing/small/index.html"
    try:
        # The server answers before the site is built (a page saying so), then shows the site.
        wait_for(f"http://127.0.0.1:{port}/", "<html")
        wait_for(url, "Regular library visits go with less loneliness.")
        edited: dict[str, Any] = one_audience_pack()
        edited["findings"][0]["statement"] = "An edited statement, seen live."
        write_pack(root / "briefings" / "small.yaml", edited)
        wait_for(url, "An edited statement, seen live.")
        # The page was rebuilt from the edit, not served alongside a stale copy.
        page = fetch(url)
        assert page is not None and "Regular library visits go with less loneliness." not in page
        wait_for(f"http://127.0.0.1:{port}/pdf/small.pdf", "%PDF")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            output = server.communicate(timeout=PATIENCE)[0].decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            output = server.communicate()[0].decode("utf-8", "replace")
            pytest.fail(f"the preview server did not stop on Ctrl+C:\n{output}")
    assert "Traceback" not in output
    assert fetch(url) is None
    # Quiet, and one rebuild for one save: the first build, then the edit.
    assert output.count("site rebuilt") == 2, output
    assert "MdParserConfig" not in output and "The configuration has changed" not in output


def test_a_page_rewritten_while_it_is_sent_goes_whole_with_its_length(tmp_path: Path) -> None:
    """The preview's files are read when asked for: a rebuild that rewrites a page while it is
    being sent cannot leave the response shorter than the length it declared."""
    pytest.importorskip("starlette")
    import asyncio  # noqa: PLC0415

    from lcsi_briefs.cli.preview import site_files  # noqa: PLC0415

    page = tmp_path / "index.html"
    page.write_text("<p>" + "a whole page " * 200 + "</p>", encoding="utf-8")
    files = site_files(tmp_path)
    scope = {"type": "http", "method": "GET", "path": "/index.html", "headers": [], "query_string": b""}
    response = asyncio.run(files.get_response("index.html", scope))
    page.write_text("<p>rebuilding</p>", encoding="utf-8")  # the build rewrites it in place
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(asyncio.wait_for(response(scope, receive, send), 30))  # a short file once hung here
    headers = dict(sent[0]["headers"])
    body = b"".join(message.get("body", b"") for message in sent[1:])
    assert int(headers[b"content-length"]) == len(body)
    assert body.startswith(b"<p>a whole page")
