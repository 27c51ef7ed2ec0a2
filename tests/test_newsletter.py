"""The newsletter edition: a real email, both bodies, absolute links, nothing injected."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from lcsi_briefs.build import build_all

from .conftest import make_project, small_pack
from .test_escaping import hostile_pack

SITE = "https://briefings.example.org/members/"


def build_with_site_url(root: Path, packs: dict[str, dict[str, Any]]) -> Path:
    make_project(root, packs)
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f'\nhtml_baseurl = "{SITE}"\n')
    assert build_all(root, pdf=False) == 0
    return root / "build" / "newsletter"


def read_message(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> tuple[str, str]:
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    return plain.get_content(), html.get_content()


@pytest.fixture(scope="module")
def newsletter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_site_url(tmp_path_factory.mktemp("news"), {"small": small_pack()})


def test_every_edition_has_html_text_and_eml(newsletter: Path) -> None:
    stems = {"small", "small--councils", "small--residents"}
    assert {path.name for path in newsletter.iterdir()} == {f"{s}{x}" for s in stems for x in (".html", ".txt", ".eml")}


def test_eml_is_multipart_alternative_utf8_with_the_subject(newsletter: Path) -> None:
    message = read_message(newsletter / "small.eml")
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == small_pack()["briefing"]["title"]
    assert message["X-Unsent"] == "1"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    assert all(part.get_content_charset() == "utf-8" for part in message.iter_parts())


def test_both_parts_hold_every_headline_and_audience(newsletter: Path) -> None:
    plain, html = parts(read_message(newsletter / "small.eml"))
    page = BeautifulSoup(html, "html.parser")
    pack = small_pack()
    headlines = [" ".join(li.get_text().split()) for li in page.select("ol > li")]
    assert headlines == [finding["statement"] for finding in pack["findings"]]
    for finding in pack["findings"]:
        assert finding["statement"] in " ".join(plain.split())
    for audience in pack["audiences"]:
        assert audience["name"] in page.get_text()
        assert audience["name"] in plain


def test_audience_edition_holds_only_its_audience_and_its_actions(newsletter: Path) -> None:
    message = read_message(newsletter / "small--councils.eml")
    plain, html = parts(message)
    assert message["Subject"].endswith(": for Councils")
    assert "Measure weekly visitors" in plain and "Measure weekly visitors" in html
    assert "Residents" not in plain


def test_every_link_is_absolute(newsletter: Path) -> None:
    plain, html = parts(read_message(newsletter / "small--residents.eml"))
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)]
    assert hrefs
    assert all(href.startswith(SITE) for href in hrefs), hrefs
    assert f"{SITE}pdf/small--residents.pdf" in hrefs
    text_links = [line.strip()[1:-1] for line in plain.splitlines() if line.strip().startswith("<http")]
    assert text_links and all(link.startswith(SITE) for link in text_links)


def test_html_is_email_safe(newsletter: Path) -> None:
    html = (newsletter / "small.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.find(["script", "link", "img", "style"]) is None
    assert "@font-face" not in html
    assert page.find("table", attrs={"width": "600"}) is not None


def test_text_body_lines_fit_72_columns_except_links(newsletter: Path) -> None:
    plain = (newsletter / "small.txt").read_text(encoding="utf-8")
    assert all(len(line) <= 72 for line in plain.splitlines() if not line.strip().startswith("<"))


def test_data_text_never_becomes_markup(tmp_path: Path) -> None:
    pack, _ = hostile_pack()
    folder = build_with_site_url(tmp_path / "hostile", {"hostile": pack})
    plain, html = parts(read_message(folder / "hostile.eml"))
    page = BeautifulSoup(html, "html.parser")
    assert page.find(["script", "b", "i"]) is None
    assert "<script>alert('statement')</script>" in page.get_text()
    assert "<script>alert('statement')</script>" in plain


def test_missing_site_url_is_reported_and_links_are_relative(project: Any, capsys: pytest.CaptureFixture[str]) -> None:
    root = project()
    out = capsys.readouterr().out
    assert "html_baseurl is not set in conf.py" in out
    html = (root / "build" / "newsletter" / "small.html").read_text(encoding="utf-8")
    assert 'href="../briefings/small/index.html#small"' in html


def test_two_builds_write_identical_messages(tmp_path: Path) -> None:
    first = build_with_site_url(tmp_path / "a", {"small": small_pack()})
    second = build_with_site_url(tmp_path / "b", {"small": small_pack()})
    assert (first / "small.eml").read_bytes() == (second / "small.eml").read_bytes()
