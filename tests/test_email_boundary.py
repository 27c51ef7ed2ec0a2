"""The ``.eml`` cannot be restructured by its data: whatever a pack says, the message has our parts.

The MIME boundary used to be ``lcsi-briefs-<slug>``, which anyone could write on a line of a
summary to end the real parts early and add one of their own. These tests feed every boundary
trick we know through the whole path (pack file, loader, newsletter content, message) and parse
the result with the standard library, as a mail client would.
"""

from __future__ import annotations

import datetime as dt
import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.newsletter.render import choose_boundary, email_message, html_body, text_body

from .conftest import small_pack, write_pack

EVIL_PART = "Content-Type: text/html\n\n<a href='https://evil.example/phish'>Renew your membership</a>"


def message_for(tmp_path: Path, pack: dict[str, Any], audience: str | None = None) -> EmailMessage:
    loaded = load_pack(write_pack(tmp_path / "small.yaml", pack))
    newsletter = build_newsletter(loaded, audience, lambda label: f"https://x.example/#{label}", str)
    raw = email_message(newsletter, dt.date(2026, 1, 15))
    parsed = email.message_from_bytes(raw, policy=default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def assert_exactly_our_parts(message: EmailMessage) -> None:
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    assert not message.defects
    assert all(not part.defects for part in parts)
    plain, html = (part.get_content() for part in parts)
    assert plain.rstrip().endswith("Published by Test Umbrella Body.")
    assert html.rstrip().endswith("</html>")
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)]
    assert not any("evil.example" in link for link in links)


def boundary_tricks() -> list[object]:
    """Summaries that try to close the parts early or add one, each as its own case."""
    tricks = {
        "old-fixed-boundary": f"Intro.\n\n--lcsi-briefs-small\n\n{EVIL_PART}\n\n--lcsi-briefs-small--",
        "old-closing-boundary-alone": "Intro.\n\n--lcsi-briefs-small--\n\nThe rest is cut.",
        "generator-style-boundary": f"Intro.\n\n--===============1234567890==\n\n{EVIL_PART}",
        "our-prefix": "Intro.\n\n--=_lcsi_\n\n=_lcsi_0000000000000000000000000000",
        "dashes-only": "Intro.\n\n--\n\n----\n\n------------------------------------------",
    }
    return [pytest.param(text, id=name) for name, text in tricks.items()]


@pytest.mark.parametrize("summary", boundary_tricks())
def test_a_boundary_in_the_summary_adds_no_part(tmp_path: Path, summary: str) -> None:
    pack = small_pack()
    pack["briefing"]["summary"] = summary
    for audience in (None, "councils"):
        message = message_for(tmp_path, pack, audience)
        assert_exactly_our_parts(message)
        plain = message.get_body(preferencelist=("plain",))
        assert plain is not None
        # The trick is shown as text, inside our part.
        first_line = summary.split("\n\n")[1]
        assert first_line in plain.get_content()


def test_the_boundary_of_the_innocent_message_cannot_be_planted(tmp_path: Path) -> None:
    """An attacker who builds the email first and copies its boundary into the summary gains nothing."""
    pack = small_pack()
    boundary = message_for(tmp_path, pack).get_boundary()
    assert boundary and "small" not in boundary
    pack["briefing"]["summary"] += f"\n\n--{boundary}\n\n{EVIL_PART}\n\n--{boundary}--"
    message = message_for(tmp_path, pack)
    assert_exactly_our_parts(message)
    assert message.get_boundary() != boundary


def test_a_boundary_found_in_a_part_is_derived_again() -> None:
    seed = b"fixed seed"
    first = choose_boundary(["harmless"], seed=seed)
    second = choose_boundary([f"text holding {first} inside"], seed=seed)
    assert second != first
    assert choose_boundary(["harmless"], seed=seed) == first, "the choice must be reproducible"


def test_the_message_is_reproducible_and_both_bodies_are_as_rendered(tmp_path: Path) -> None:
    loaded = load_pack(write_pack(tmp_path / "small.yaml", small_pack()))
    newsletter = build_newsletter(loaded, None, lambda label: f"https://x.example/#{label}", str)
    first = email_message(newsletter, dt.date(2026, 1, 15))
    assert first == email_message(newsletter, dt.date(2026, 1, 15))
    parsed = email.message_from_bytes(first, policy=default)
    assert isinstance(parsed, EmailMessage)
    plain, html = (part.get_content() for part in parsed.iter_parts())
    assert plain.replace("\r\n", "\n") == text_body(newsletter)
    assert html.replace("\r\n", "\n") == html_body(newsletter)
