"""The newsletter edition: a real email, both bodies, absolute links, nothing injected."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.newsletter.subject import SUBJECT_WARN_AT

from .conftest import make_project, shared_build, small_pack
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
    folder = shared_build(tmp_path_factory, "news", lambda root: build_with_site_url(root, {"small": small_pack()}))
    return folder / "build" / "newsletter"


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
    headlines = [" ".join(li.a.get_text().split()) for li in page.select("ol > li")]
    assert headlines == [finding["statement"] for finding in pack["findings"]]
    for finding in pack["findings"]:
        assert finding["statement"] in " ".join(plain.split())
        # What each finding means, not only what it says: its explanation's first paragraph.
        assert finding["explanation"] in " ".join(plain.split())
        assert finding["explanation"] in " ".join(page.get_text(" ").split())
    for audience in pack["audiences"]:
        assert audience["name"] in page.get_text()
        assert audience["name"] in plain


def test_audience_edition_holds_only_its_audience_and_its_actions(newsletter: Path) -> None:
    message = read_message(newsletter / "small--councils.eml")
    plain, html = parts(message)
    # The small pack's title has a colon of its own: the subject keeps to one.
    assert message["Subject"] == "Libraries and loneliness: what the study found \N{EN DASH} for Councils"
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


def test_without_a_site_url_no_eml_is_written_and_one_note_names_the_setting(
    project: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project()
    out = capsys.readouterr().out
    assert out.count("LCSI_BRIEFS_SITE_URL") == 1
    assert "html_baseurl" not in out
    folder = root / "build" / "newsletter"
    assert list(folder.glob("*.eml")) == []
    # The bodies stay, with links relative to the built site, to preview them there.
    html = (folder / "small.html").read_text(encoding="utf-8")
    assert 'href="../briefing/small/index.html#small"' in html


def test_eml_declares_its_language(newsletter: Path) -> None:
    assert read_message(newsletter / "small--councils.eml")["Content-Language"] == "en-GB"


def test_audience_email_leads_with_its_implications_each_with_its_actions(newsletter: Path) -> None:
    plain, html = parts(read_message(newsletter / "small--councils.eml"))
    page = BeautifulSoup(html, "html.parser")
    headings = [" ".join(h.get_text().split()) for h in page.find_all(["h1", "h2", "h3"])]
    assert headings[1] == "What this means for Councils"
    councils = next(a for a in small_pack()["audiences"] if a["id"] == "councils")
    first = councils["implications"][0]
    assert headings[2] == f"1. {first['title']}"
    assert headings.index("The findings behind these implications") > 2
    # Each action sits under its own implication, not in one list at the end.
    heading = page.find("h3")
    assert heading is not None
    actions = heading.find_next_sibling("ul")
    assert actions is not None
    assert [li.get_text(strip=True) for li in actions.find_all("li")] == first["actions"]
    # The reasoning stays under its title, in both bodies, whether or not actions follow.
    assert heading.find_next_sibling("p").get_text() == first["text"]
    assert first["text"] in " ".join(plain.split())
    # Only the findings the implications rest on, under their own numbers; links look like links.
    shown = page.select("ol > li")
    assert len(shown) == len({f for i in councils["implications"] for f in i["findings"]})
    assert all("underline" in li.a["style"] for li in shown)
    assert plain.index("WHAT THIS MEANS FOR COUNCILS") < plain.index("THE FINDINGS BEHIND THESE IMPLICATIONS")


def test_two_builds_write_identical_messages(tmp_path: Path) -> None:
    first = build_with_site_url(tmp_path / "a", {"small": small_pack()})
    second = build_with_site_url(tmp_path / "b", {"small": small_pack()})
    assert (first / "small.eml").read_bytes() == (second / "small.eml").read_bytes()


def test_bundled_subjects_are_whole_short_and_name_the_audience_as_in_a_sentence() -> None:
    from lcsi_briefs.model.loader import load_pack  # noqa: PLC0415
    from lcsi_briefs.newsletter.content import build_newsletter  # noqa: PLC0415

    from .conftest import REPO  # noqa: PLC0415

    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    for audience in [None, *(a.id for a in loaded.pack.audiences)]:
        subject = build_newsletter(loaded, audience, lambda label: "x", lambda name: "x").subject
        assert len(subject) <= SUBJECT_WARN_AT, subject
        assert subject.count(":") <= 1, subject
        assert "\N{HORIZONTAL ELLIPSIS}" not in subject and "..." not in subject
    assert build_newsletter(loaded, "local-government", lambda label: "x", lambda n: "x").subject == (
        "For local government: DCMS local infrastructure research"
    )


def test_a_subject_is_never_cut_and_validate_says_which_short_form_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lcsi_briefs.cli.main import main  # noqa: PLC0415
    from lcsi_briefs.model.loader import load_pack  # noqa: PLC0415
    from lcsi_briefs.newsletter.subject import subject  # noqa: PLC0415
    from lcsi_briefs.text.catalogue import translator_for  # noqa: PLC0415

    from .conftest import write_pack  # noqa: PLC0415

    pack = small_pack()
    pack["briefing"]["title"] = "What a long study of public libraries and loneliness in six towns found"
    pack["audiences"][0]["name"] = "Councils, combined authorities and their library services"
    path = write_pack(tmp_path / "long.yaml", pack)
    _ = translator_for("en-GB")
    loaded = load_pack(path)
    whole = subject(loaded, "councils", _)
    assert whole == f"For {pack['audiences'][0]['name']}: {pack['briefing']['title']}"
    assert main(["validate", str(path)]) == 0
    # (The title is too long for large print's running head too: tests/test_running_head.py.)
    warnings = [warning for warning in capsys.readouterr().err.splitlines() if "email subject" in warning]
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if "name: Councils," in text)
    # The title alone fits; each audience's subject does not.
    assert [warning.split(": ")[2] for warning in warnings] == ["audiences[0].name", "audiences[1].name"]
    assert warnings[0].startswith(f"{path}:{line}:")
    assert ": warning: audiences[0].name: the email subject 'For Councils, combined" in warnings[0]
    assert "give the briefing a short_title (at most 60 characters), or give this audience a short_name" in warnings[0]
    pack["briefing"]["short_title"] = "Libraries and loneliness"
    pack["audiences"][0]["short_name"] = "councils"
    write_pack(path, pack)
    assert subject(load_pack(path), "councils", _) == "For councils: Libraries and loneliness"
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().err == ""
