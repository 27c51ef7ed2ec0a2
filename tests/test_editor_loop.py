"""The editor's loop: a new briefing in one command, and a live preview that follows edits."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from lcsi_briefs.build import build_all
from lcsi_briefs.cli import main
from lcsi_briefs.loader import load_pack
from lcsi_briefs.scaffold import ScaffoldError, new_pack

from .conftest import make_project, small_pack, write_pack


def test_new_pack_continues_the_series_and_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "project", {"small": small_pack()})
    previous = small_pack()
    monkeypatch.chdir(root)
    assert main(["new", "small-2027"]) == 0
    assert "Created briefings/small-2027.yaml" in capsys.readouterr().out
    created = load_pack(root / "briefings" / "small-2027.yaml")
    briefing = created.pack.briefing
    assert briefing.series.number == previous["briefing"]["series"]["number"] + 1
    assert briefing.series.name == previous["briefing"]["series"]["name"]
    assert briefing.edition_date == dt.date.today()
    assert [a.id for a in created.pack.audiences] == [a["id"] for a in previous["audiences"]]
    text = (root / "briefings" / "small-2027.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=briefing-pack.schema.json")
    assert "# quote:" in text and "# functions:" in text
    assert main(["validate"]) == 0
    assert build_all(root, pdf=False) == 0
    assert (root / "build" / "html" / "briefing" / "small-2027" / "index.html").is_file()


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


def test_first_pack_of_a_new_series(tmp_path: Path) -> None:
    path = new_pack(tmp_path / "briefings", "first", dt.date(2026, 3, 4))
    loaded = load_pack(path)
    assert loaded.pack.briefing.series.number == 1
    assert loaded.pack.briefing.edition_date == dt.date(2026, 3, 4)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float) -> float:
    """Seconds until ``text`` is served at ``url``; the test fails after ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        page = fetch(url)
        if page is not None and text in page:
            return time.monotonic() - start
        time.sleep(0.25)
    pytest.fail(f"{text!r} was not served at {url} within {seconds} s")


def test_preview_server_follows_an_edit_and_stops_cleanly(tmp_path: Path) -> None:
    pytest.importorskip("sphinx_autobuild")
    root = make_project(tmp_path / "project", {"small": small_pack()})
    port = free_port()
    command = [sys.executable, "-m", "lcsi_briefs.cli", "serve", "--project", str(root), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/briefing/small/index.html"
    try:
        # The server answers at once (the site is built after it starts), then shows the site.
        assert wait_for(f"http://127.0.0.1:{port}/", "<html", 30) < 30
        wait_for(url, "Regular library visits go with less loneliness.", 90)
        edited: dict[str, Any] = small_pack()
        edited["findings"][0]["statement"] = "An edited statement, seen live."
        write_pack(root / "briefings" / "small.yaml", edited)
        wait_for(url, "An edited statement, seen live.", 30)
        # The page was rebuilt from the edit, not served alongside a stale copy.
        page = fetch(url)
        assert page is not None and "Regular library visits go with less loneliness." not in page
        wait_for(f"http://127.0.0.1:{port}/pdf/small.pdf", "%PDF", 60)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            output = server.communicate(timeout=20)[0].decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            output = server.communicate()[0].decode("utf-8", "replace")
            pytest.fail(f"the preview server did not stop on Ctrl+C:\n{output}")
    assert "Traceback" not in output
    assert fetch(url) is None
    # Quiet, and one rebuild for one save: the first build, then the edit.
    assert output.count("site rebuilt") == 2, output
    assert "MdParserConfig" not in output and "The configuration has changed" not in output
