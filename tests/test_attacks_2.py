"""The second round of attacks, each refused by ``validate`` at its line or made harmless by the build.

Language tags that carry markup, email encoded words that forge headers, a site address that is
not one, a preview that answers any host name and serves its own work files, and the lows: a
subject cut to "…", a disk-full message naming the wrong file.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import copy
import dataclasses
import datetime as dt
import email
import errno
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.errors import ConfigError

from lcsi_briefs.faults import fault_sentence
from lcsi_briefs.model.fields import written_tag
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import PackError, Problem
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.newsletter.render import email_message, html_body
from lcsi_briefs.pages import render_pages
from lcsi_briefs.sphinx_ext.config import site_url

from .conftest import interruptible_command, make_project, small_pack, write_pack

#: Every header an ``.eml`` may carry: ours, and the MIME ones the email library adds.
OUR_HEADERS = {"subject", "date", "x-unsent", "content-language", "content-type", "mime-version"}
PART_HEADERS = {"content-type", "content-transfer-encoding", "mime-version"}


def refused(tmp_path: Path, pack: dict[str, Any]) -> list[Problem]:
    """The problems ``validate`` reports for ``pack``; the test fails if it accepts it."""
    with pytest.raises(PackError) as error:
        load_pack(write_pack(tmp_path / "attack.yaml", pack))
    return error.value.problems


def line_of(tmp_path: Path, needle: str) -> int:
    """The line of the written pack that holds ``needle``: where a located problem must point."""
    lines = (tmp_path / "attack.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def assert_only_our_headers(message: EmailMessage) -> None:
    """The message and each part carry only headers we set, each once."""
    keys = [key.lower() for key in message]
    assert set(keys) <= OUR_HEADERS | {"from"}, keys
    assert len(keys) == len(set(keys)), keys
    for part in message.iter_parts():
        assert {key.lower() for key in part} <= PART_HEADERS, list(part)


def newsletter_for(loaded: LoadedPack, audience: str | None = None) -> Any:
    return build_newsletter(loaded, audience, lambda label: f"https://x.example/#{label}", str)


# --- 1. a language tag is a language tag -------------------------------------------------------

HOSTILE_TAGS = [
    "en-GB.<script>alert(1)</script>",
    "en@x<svg onload=alert(1)>",
    'en"onmouseover="alert(1)',
    "cy}{.x",
    "en\nBcc: evil@example.org",
    "en-GB.UTF-8",
]


@pytest.mark.pure
@pytest.mark.parametrize("tag", HOSTILE_TAGS)
def test_a_language_tag_with_markup_is_refused_at_its_line(tag: str, tmp_path: Path) -> None:
    pack = small_pack()
    pack["briefing"]["language"] = tag
    pack["other_languages"] = [{"text": "Libraries", "language": tag}]
    problems = refused(tmp_path, pack)
    assert [p.field for p in problems] == ["briefing.language", "other_languages[0].language"]
    assert all("a language tag such as 'en-GB'" in p.message for p in problems)
    assert problems[0].line == line_of(tmp_path, "  language:")
    assert problems[1].line == line_of(tmp_path, "- text: Libraries") + 1


@pytest.mark.pure
def test_a_well_formed_tag_babel_does_not_know_is_refused_too(tmp_path: Path) -> None:
    pack = small_pack()
    pack["briefing"]["language"] = "zz-ZZ"
    [problem] = refused(tmp_path, pack)
    assert problem.field == "briefing.language" and "found 'zz-ZZ'" in problem.message


@pytest.mark.pure
def test_every_output_writes_a_tag_safe_whatever_validated_it(tmp_path: Path) -> None:
    """Defence in depth: a pack that skipped validation still writes no markup from its tag."""
    loaded = load_pack(write_pack(tmp_path / "small.yaml", small_pack()))
    bad = '"><script>alert(1)</script>'
    briefing = loaded.pack.briefing.model_copy(update={"language": "en-GB" + bad})
    pack = loaded.pack.model_copy(update={"briefing": briefing})
    forged = dataclasses.replace(loaded, pack=pack)
    assert written_tag("en-GB" + bad) == "und"
    pages = "\n".join(render_pages([forged], "briefing").values())
    assert "<script" not in pages and "alert" not in pages and "language-und" in pages
    newsletter = dataclasses.replace(newsletter_for(loaded), language="en-GB" + bad)
    html = BeautifulSoup(html_body(newsletter), "html.parser")
    assert html.find("script") is None
    assert html.html is not None and html.html["lang"] == "und"
    message = parse(email_message(newsletter, dt.date(2026, 1, 15)))
    assert message["Content-Language"] == "und"
    assert_only_our_headers(message)


@pytest.mark.pure
@pytest.mark.parametrize(("tag", "char"), [("hi", "U+091C"), ("ja", "U+5E74"), ("th", "U+0E21")])
def test_a_language_whose_own_dates_no_font_prints_is_refused_at_its_tag(tag: str, char: str, tmp_path: Path) -> None:
    """The text may be all in letters the fonts have while the month names are not: that failed
    only when the PDFs were printed."""
    pack = small_pack()
    pack["briefing"]["language"] = tag
    [problem] = refused(tmp_path, pack)
    assert problem.field == "briefing.language" and problem.line == line_of(tmp_path, "  language:")
    assert char in problem.message and "no font the PDFs use can print" in problem.message


@pytest.mark.pure
@pytest.mark.parametrize("tag", ["cy", "ar-SA", "de-CH", "pl", "el"])
def test_languages_the_fonts_cover_are_accepted(tag: str, tmp_path: Path) -> None:
    pack = small_pack()
    pack["briefing"]["language"] = tag
    load_pack(write_pack(tmp_path / "small.yaml", pack))


# --- 2. email headers never decode data -----------------------------------------------------------


def encoded_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


FORGED = encoded_word("Hello\r\nBcc: evil@example.org\r\nReply-To: evil@example.org")


@pytest.mark.pure
@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("briefing", "title"), "briefing.title"),
        (("briefing", "short_title"), "briefing.short_title"),
        (("briefing", "publisher"), "briefing.publisher"),
        (("audiences", 0, "name"), "audiences[0].name"),
    ],
)
def test_an_encoded_word_in_a_field_that_reaches_a_header_is_refused(
    where: tuple[str | int, ...], field: str, tmp_path: Path
) -> None:
    pack = small_pack()
    target: Any = pack
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = "Libraries " + encoded_word("x\r\nBcc: a@b")[:30] + "?="
    [problem] = refused(tmp_path, pack)
    assert problem.field == field
    assert "encoded word" in problem.message
    assert problem.line == line_of(tmp_path, "=?utf-8?b?")


@pytest.mark.pure
def test_the_subject_is_written_so_that_no_program_decodes_it_into_headers(tmp_path: Path) -> None:
    """Text that reaches a header anyway (validation bypassed) stays text: the parsed message
    has exactly our headers, and its Subject is the text itself."""
    loaded = load_pack(write_pack(tmp_path / "small.yaml", small_pack()))
    for subject in (f"Title {FORGED}", FORGED, f"Ŵyr {FORGED} " * 4):
        newsletter = dataclasses.replace(newsletter_for(loaded), subject=subject)
        message = parse(email_message(newsletter, dt.date(2026, 1, 15), "Policy Team <policy@example.org>"))
        assert_only_our_headers(message)
        assert str(message["Subject"]) == " ".join(subject.split())
        assert message["Bcc"] is None and message["Reply-To"] is None


@pytest.mark.pure
def test_a_plain_subject_stays_readable_in_the_file(tmp_path: Path) -> None:
    loaded = load_pack(write_pack(tmp_path / "small.yaml", small_pack()))
    raw = email_message(newsletter_for(loaded), dt.date(2026, 1, 15))
    assert b"\r\nSubject: Libraries and loneliness: what the study found\r\n" in b"\r\n" + raw


@pytest.mark.pure
def test_a_long_title_without_spaces_is_in_the_subject_whole(tmp_path: Path) -> None:
    """It used to become the Subject "…"; subjects are no longer cut, so it must be all there."""
    pack = small_pack()
    pack["briefing"]["title"] = "Llanfair" * 37 + "gogo"
    loaded = load_pack(write_pack(tmp_path / "small.yaml", pack))
    for audience in (None, "councils"):
        raw = email_message(newsletter_for(loaded, audience), dt.date(2026, 1, 15))
        assert pack["briefing"]["title"] in str(parse(raw)["Subject"])


# --- 3. the site address is input too -------------------------------------------------------------


@pytest.mark.pure
@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)//",
        "https://briefings.example.org/\nhttps://evil.example/",
        'https://briefings.example.org/"><script>',
        "https://briefings.example.org/a b/",
        "//briefings.example.org/",
        "briefings.example.org",
        "ftp://briefings.example.org/",
        "https:///path-only/",
        "https://briefings.example.org/?next=",
        "https://user:secret@briefings.example.org/",
        "https://briefings.example.org/\u202e/",
    ],
)
def test_a_bad_site_address_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(ConfigError) as error:
        site_url({"LCSI_BRIEFS_SITE_URL": value})
    assert str(error.value).startswith(f"LCSI_BRIEFS_SITE_URL={value!r}: expected")


@pytest.mark.pure
def test_a_good_site_address_is_used_as_it_is() -> None:
    assert site_url({"LCSI_BRIEFS_SITE_URL": "https://briefings.example.org/members/"}) == (
        "https://briefings.example.org/members/"
    )
    assert site_url({"READTHEDOCS_CANONICAL_URL": "http://x.example/"}) == "http://x.example/"
    assert site_url({}) == ""


def test_the_build_stops_on_a_bad_site_address_in_one_line(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"small": small_pack()})
    environment = {**os.environ, "LCSI_BRIEFS_SITE_URL": "javascript:alert(document.domain)//"}
    command = [sys.executable, "-m", "lcsi_briefs.cli.main", "build", "--project", str(root), "--html-only"]
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip().splitlines() == [
        "error: LCSI_BRIEFS_SITE_URL='javascript:alert(document.domain)//': expected an absolute "
        "address starting with https://, such as https://briefings.example.org/"
    ]
    assert not (root / "build" / "html").exists()


# --- 6. the preview answers only this machine, and serves only the site -------------------------


def asgi_get(app: Any, path: str, host: str) -> tuple[int, bytes]:
    """One GET through the ASGI app, as uvicorn would pass it."""

    async def run() -> list[dict[str, Any]]:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.4"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", host.encode())],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await app(scope, receive, send)
        return sent

    # In its own thread: a test process that has driven Chromium keeps Playwright's event loop
    # running in this one, where asyncio.run() refuses to start another.
    with ThreadPoolExecutor(max_workers=1) as thread:
        sent = thread.submit(asyncio.run, run()).result()
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return int(status), b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.fixture
def preview_app(tmp_path: Path) -> Any:
    pytest.importorskip("sphinx_autobuild")
    from lcsi_briefs.cli.preview import PreviewBuilder, _app  # noqa: PLC0415

    root = make_project(tmp_path / "project", {"small": small_pack()})
    builder = PreviewBuilder(root, pdfs=False)
    site = builder.out
    (site / "briefing").mkdir(parents=True)
    (site / "index.html").write_text("<html>the site</html>", encoding="utf-8")
    (site / "briefing" / "page.html").write_text("<html>a page</html>", encoding="utf-8")
    # What a build or an older preview leaves in the folder: never to be served.
    (site / ".doctrees").mkdir()
    (site / ".doctrees" / "environment.pickle").write_bytes(b"unpublished drafts")
    (site / ".buildinfo").write_text("config: x", encoding="utf-8")
    return _app(root, builder, "127.0.0.1", 8000)


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_the_preview_answers_this_machine(preview_app: Any, host: str) -> None:
    status, body = asgi_get(preview_app, "/briefing/page.html", host)
    assert status == 200 and body.startswith(b"<html>a page</html>")


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io:8000", ""])
def test_the_preview_refuses_any_other_host_name(preview_app: Any, host: str) -> None:
    """A page the editor visits can point its own name at 127.0.0.1 (DNS rebinding)."""
    status, body = asgi_get(preview_app, "/briefing/page.html", host)
    assert status == 400 and b"a page" not in body


@pytest.mark.parametrize("path", ["/.doctrees/environment.pickle", "/.buildinfo", "/briefing/../.buildinfo"])
def test_the_preview_serves_none_of_the_builds_own_files(preview_app: Any, path: str) -> None:
    status, body = asgi_get(preview_app, path, "127.0.0.1:8000")
    assert status == 404 and b"unpublished" not in body and b"config" not in body


def test_the_preview_keeps_its_work_files_outside_the_folder_it_serves(tmp_path: Path) -> None:
    from lcsi_briefs.cli.preview import PreviewBuilder  # noqa: PLC0415

    builder = PreviewBuilder(make_project(tmp_path / "project", {"small": small_pack()}), pdfs=True)
    assert not builder.doctrees.is_relative_to(builder.out)
    site_command = builder.site_command()
    assert site_command[site_command.index("-d") + 1] == str(builder.doctrees)


@pytest.mark.pure
def test_the_preview_answers_the_name_it_was_started_with(tmp_path: Path) -> None:
    from lcsi_briefs.cli.preview import allowed_hosts  # noqa: PLC0415

    assert allowed_hosts("192.168.1.20") == ["127.0.0.1", "192.168.1.20", "[::1]", "localhost"]
    assert allowed_hosts("::1") == ["127.0.0.1", "[::1]", "localhost"]
    assert "evil.example" not in allowed_hosts("127.0.0.1")


# --- lows -----------------------------------------------------------------------------------------


@pytest.mark.pure
def test_a_full_disk_names_the_destination_of_a_failed_copy(tmp_path: Path) -> None:
    source, target = tmp_path / ".work" / "html" / "a.pdf", tmp_path / "build" / "html" / "a.pdf"
    error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(source), None, str(target))
    sentence = fault_sentence(error, tmp_path)
    assert "the disk is full" in sentence
    assert str(Path("build", "html", "a.pdf")) in sentence and ".work" not in sentence


# --- 7. interruption -------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux's /proc), e.g. the PDF workers of a build."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="utf-8")
    except OSError:
        return []
    return [int(child) for child in text.split()]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc to see the workers")
def test_ctrl_c_while_pdfs_render_gives_one_line_and_no_worker_traceback(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"small": small_pack()})
    # One worker prints the ten PDFs one after another: the build is still rendering when the
    # signal comes, however fast the machine.
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nlcsi_briefs_pdf_workers = 1\n")
    command = interruptible_command("build", "--project", str(root))
    build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 240
    output = b""
    while b"Rendering the PDFs" not in output and build.poll() is None and time.monotonic() < deadline:
        output += build.stdout.read1(4096) if build.stdout else b""  # type: ignore[attr-defined]
    workers: list[int] = []
    while not workers and build.poll() is None and time.monotonic() < deadline:
        workers = children(build.pid)
        time.sleep(0.02)
    assert workers, "the build rendered no PDF in a worker process"
    # The workers first, on their own: the build would otherwise stop them before they could
    # print anything. Each ignores the signal and goes on rendering.
    time.sleep(0.2)
    for worker in workers:
        with contextlib.suppress(ProcessLookupError):  # done already
            os.kill(worker, signal.SIGINT)
    time.sleep(0.3)
    assert build.poll() is None, "the build finished before it could be interrupted"
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl+C in a terminal does
    out, err = build.communicate(timeout=60)
    assert build.returncode == 130
    assert b"Traceback" not in output + out + err
    assert err.decode().splitlines() == ["Interrupted; the previous output in build/ is unchanged."]
    assert not any(Path(f"/proc/{worker}").exists() for worker in workers)


# --- 7. `lcsi-briefs new`: one line for every surprise, and only valid YAML ----------------------


def run_new(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "lcsi_briefs.cli.main", "new", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and all(word in line for word in words), line


def test_new_refuses_a_dangling_link_where_the_pack_would_go(tmp_path: Path) -> None:
    (tmp_path / "next.yaml").symlink_to(tmp_path / "nowhere" / "next.yaml")
    assert_one_line_error(run_new("next", "--folder", str(tmp_path)), "next.yaml", "does not exist")
    assert not (tmp_path / "nowhere").exists()


def test_new_refuses_a_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "briefings").write_text("not a folder", encoding="utf-8")
    assert_one_line_error(run_new("next", "--folder", str(tmp_path / "briefings")), "is a file")
    assert_one_line_error(run_new("next", "--folder", str(tmp_path / "briefings" / "deeper")), "could not be written")
    assert (tmp_path / "briefings").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("name", ["con", "lpt1", "nul"])
def test_new_refuses_a_name_windows_reserves(name: str, tmp_path: Path) -> None:
    assert_one_line_error(run_new(name, "--folder", str(tmp_path)), repr(name), "reserves")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.pure
def test_new_from_a_pack_writes_yaml_that_reads_back_to_the_same_values(tmp_path: Path) -> None:
    """Values YAML would read as something else, copied by --from: each is quoted, and reads back."""
    from lcsi_briefs.cli.scaffold import new_pack  # noqa: PLC0415
    from lcsi_briefs.model.yaml_reader import read_yaml  # noqa: PLC0415

    pack = small_pack()
    briefing = pack["briefing"]
    briefing["language"] = "no"  # Norwegian, and False to YAML 1.1
    briefing["publisher"] = 'Trust: "Quotes", #hash, \\back\\slash, & *star, {brace}, [list], @at, `tick`'
    briefing["series"]["name"] = "- a: b # not a comment"
    briefing["about_implications"] = "# Not a comment\n\n- not a list: item\n\n  |  pipe and 'quote' \\u00e9"
    pack["audiences"][0]["name"] = "yes"
    pack["audiences"][0]["description"] = "null ~ ? : !tag %directive"
    folder = tmp_path / "briefings"
    write_pack(folder / "first.yaml", pack)
    path = new_pack(folder, "second", dt.date(2026, 3, 4), source="first")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ours = read_yaml(path).data
    for loaded in (data, ours):
        assert isinstance(loaded, dict)
        assert loaded["briefing"]["language"] == "no"
        assert loaded["briefing"]["publisher"] == briefing["publisher"]
        assert loaded["briefing"]["series"]["name"] == briefing["series"]["name"]
        # The note on the implications belongs to the study, not the series: never copied.
        assert loaded["briefing"]["about_implications"].startswith("REPLACE:")
        assert loaded["audiences"][0]["name"] == "yes"
        assert loaded["audiences"][0]["description"] == "null ~ ? : !tag %directive"


# --- 4. limits that keep a build bounded, each a located validate error -------------------------


def with_table(rows: list[list[object]], columns: int) -> dict[str, Any]:
    pack = small_pack()
    pack["findings"][0]["tables"] = [
        {"title": "Visits", "columns": [f"c{n}" for n in range(columns)], "rows": rows, "source": "main-report"}
    ]
    return pack


@pytest.mark.pure
@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ("1" * 29, "at most 15 significant digits, found 29"),
        ("1" + "0" * 40, "at most 15 significant digits, found 41"),
        ("-1234567890.1234567", "at most 15 significant digits, found 17"),
        ("0." + "0" * 40 + "1", "at most 10 decimal places, found 41"),
    ],
)
def test_a_number_too_long_to_format_is_refused_where_it_is(value: str, complaint: str, tmp_path: Path) -> None:
    pack = small_pack()
    finding = pack["findings"][0]
    finding["figures"] = [{"value": value, "label": "groups", "source": "main-report"}]
    finding["charts"] = [
        {
            "title": "Visits",
            "category_label": "Year",
            "categories": ["2024", "2025"],
            "series": [{"name": "Visits", "values": ["12", value]}],
            "source": "main-report",
        }
    ]
    finding["tables"] = with_table([["a", value]], 2)["findings"][0]["tables"]
    problems = refused(tmp_path, pack)
    assert sorted(p.field for p in problems) == [
        "findings[0].charts[0].series[0].values[1]",
        "findings[0].figures[0].value",
        "findings[0].tables[0].rows[0][1]",
    ]
    assert all(complaint in p.message for p in problems), problems
    assert all(p.line == line_of(tmp_path, value[:20]) or value[:20] in str(p) for p in problems)


@pytest.mark.pure
def test_numbers_at_the_limit_are_accepted_and_formatted(tmp_path: Path) -> None:
    from lcsi_briefs.text.formatter import format_number  # noqa: PLC0415

    value = "123456789012.345"
    pack = small_pack()
    pack["findings"][0]["figures"] = [
        {"value": value, "label": "pounds", "source": "main-report", "format": "money", "currency": "GBP"}
    ]
    load_pack(write_pack(tmp_path / "small.yaml", pack))
    assert format_number(value, "en-GB", "money", "GBP") == "£123,456,789,012.345"


@pytest.mark.pure
def test_a_table_has_at_most_200_rows_and_2000_cells(tmp_path: Path) -> None:
    [rows] = refused(tmp_path, with_table([["a", "1"] for _ in range(201)], 2))
    assert rows.field == "findings[0].tables[0].rows"
    assert rows.message == "expected at most 200 items, found 201"
    assert rows.line == line_of(tmp_path, "rows:") + 1  # the list itself, under its key
    [cells] = refused(tmp_path, with_table([["a", *["1"] * 11] for _ in range(190)], 12))
    assert cells.field == "findings[0].tables[0]"
    assert "at most 2,000 cells (rows times columns), found 2,280" in cells.message
    load_pack(write_pack(tmp_path / "ok.yaml", with_table([["a", "1"] for _ in range(200)], 2)))


@pytest.mark.pure
def test_a_pack_in_posix_english_with_money_builds_its_numbers(tmp_path: Path) -> None:
    """``en-US-POSIX`` writes money "¤ 0.00", with no '#': formatting it crashed the build."""
    from lcsi_briefs.text.formatter import format_number  # noqa: PLC0415

    pack = small_pack()
    pack["briefing"]["language"] = "en-US-POSIX"
    pack["findings"][0]["figures"] = [
        {"value": "3200000", "label": "raised", "source": "main-report", "format": "money", "currency": "GBP"}
    ]
    loaded = load_pack(write_pack(tmp_path / "small.yaml", pack))
    assert format_number("3200000", "en-US-POSIX", "money", "GBP") == "£\u00a03,200,000"
    assert "3200000" in "\n".join(render_pages([loaded], "briefing").values())


@pytest.mark.pure
def test_every_kind_of_number_formats_in_a_sample_of_every_language_babel_knows() -> None:
    """Whatever language validate accepts, the build can write its numbers and dates."""
    from babel.localedata import locale_identifiers  # noqa: PLC0415

    from lcsi_briefs.text.formatter import format_number  # noqa: PLC0415
    from lcsi_briefs.text.paragraphs import long_date  # noqa: PLC0415

    tags = sorted(identifier.replace("_", "-") for identifier in locale_identifiers())
    sample = {*tags[::25], "en-US-POSIX", "ar-SA", "fa-IR", "my-MM", "cy-GB", "de-CH"}
    for tag in sorted(sample):
        for value, kind, currency in [
            ("-1214.5", "count", None),
            ("31.5", "percent", None),
            ("-18750000.25", "money", "EUR"),
            ("999999999999999", "money", "GBP"),
            ("2:1", "ratio", None),
        ]:
            for compact in (False, True):
                assert format_number(value, tag, kind, currency, compact=compact)  # type: ignore[arg-type]
        assert long_date(dt.date(2026, 1, 15), tag)


@pytest.mark.pure
def test_lists_that_multiply_a_builds_work_are_capped_where_they_are(tmp_path: Path) -> None:
    """A 4 MiB file of 18,000 glossary terms passed validate; now each long list stops at its line."""
    pack = small_pack()
    pack["glossary"] = [{"term": f"term {n}", "definition": "What it means."} for n in range(501)]
    pack["audiences"] += [
        {**copy.deepcopy(pack["audiences"][1]), "id": f"audience-{n}", "name": f"Audience {n}"} for n in range(29)
    ]
    problems = refused(tmp_path, pack)
    assert [(p.field, p.message) for p in problems] == [
        ("audiences", "expected at most 30 items, found 31"),
        ("glossary", "expected at most 500 items, found 501"),
    ]
    assert [p.line for p in problems] == [line_of(tmp_path, "audiences:") + 1, line_of(tmp_path, "glossary:") + 1]


# --- 5. invisible direction controls --------------------------------------------------------------


@pytest.mark.pure
@pytest.mark.parametrize(
    "control", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u202a"]
)
def test_a_direction_control_in_a_label_cell_or_title_is_refused(control: str, tmp_path: Path) -> None:
    pack = with_table([["North", f"{control}1234"]], 2)
    pack["findings"][0]["charts"] = [
        {
            "title": "Visits",
            "category_label": "Region",
            "categories": [f"North{control}", "South"],
            "series": [{"name": "2025", "values": ["1", "2"]}],
            "source": "main-report",
        }
    ]
    pack["findings"][0]["statement"] = f"Visits rose {control}by 1,234."
    pack["audiences"][0]["name"] = f"Councils{control}"
    problems = refused(tmp_path, pack)
    assert sorted(p.field for p in problems) == [
        "audiences[0].name",
        "findings[0].charts[0].categories[0]",
        "findings[0].statement",
        "findings[0].tables[0].rows[0][1]",
    ]
    assert all(f"U+{ord(control):04X}" in p.message for p in problems)


@pytest.mark.pure
def test_prose_keeps_marks_right_to_left_writing_needs_but_not_overrides(tmp_path: Path) -> None:
    pack = small_pack()
    pack["findings"][0]["explanation"] = "Arabic العربية\u200f (ملاحظة)\u200f and an isolate \u2067עברית\u2069."  # noqa: RUF001
    load_pack(write_pack(tmp_path / "ok.yaml", pack))
    pack["findings"][0]["explanation"] = "It costs \u202e4321 pounds."
    [problem] = refused(tmp_path, pack)
    assert problem.field == "findings[0].explanation" and "U+202E" in problem.message
