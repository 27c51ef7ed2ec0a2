"""Newsletter bodies and the ready-to-send message.

The HTML is one 600-pixel column with inline styles, system fonts and no images or scripts,
which is what email clients (Outlook above all) display reliably. Jinja2 escapes every value,
so text from a pack never becomes markup. The ``.eml`` is multipart/alternative, UTF-8, and
marked as unsent so Outlook opens it as a draft to address and send.

The MIME boundary is the one part of the message that data must never be able to write: a
line holding it would end our parts and start one of the writer's choosing. It is derived from
a hash of the parts (so two builds give the same bytes) and checked to occur in none of them,
the same promise the standard library's generator makes with its random boundaries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import textwrap
from collections.abc import Sequence
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP, Policy
from email.utils import format_datetime
from pathlib import Path

from markupsafe import Markup, escape

from lcsi_briefs.model.fields import written_tag
from lcsi_briefs.newsletter.content import Headline, Newsletter
from lcsi_briefs.templates import package_templates
from lcsi_briefs.text.catalogue import language_runs
from lcsi_briefs.text.numbers import words

_TEMPLATES = package_templates(Path(__file__).parent / "templates", keep_trailing_newline=True)
WIDTH = 72


def _marked(text: str, parts: Sequence[tuple[str, str]]) -> Markup:
    """Text, escaped, with words in another language in ``<span lang="…">`` (tags are validated)."""
    return Markup("").join(
        Markup('<span lang="{}">{}</span>').format(written_tag(language), run) if language else escape(run)
        for run, language in language_runs(text, parts)
    )


_TEMPLATES.filters["marked"] = _marked
_TEMPLATES.filters["tag"] = written_tag


def html_body(newsletter: Newsletter) -> str:
    return _TEMPLATES.get_template("newsletter.html").render(n=newsletter, figure_text=words(newsletter.language))


def _wrap(text: str, indent: str = "", first: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first or indent, subsequent_indent=indent) or [first.rstrip()]


def _heading(text: str) -> list[str]:
    return ["", text.upper(), ""]


def _numbers(headline: Headline, language: str) -> list[str]:
    """A headline's key figures as sentences, then a link to each chart and table, indented under it."""
    lines: list[str] = []
    for note in headline.notes:
        lines += _wrap(note, indent="    ")
    for figure in headline.figures:
        lines += ["", *_wrap(figure.text, indent="    "), f"    <{figure.url}>"]
        if figure.data_url:
            lines += [f"    {words(language).data_link}: <{figure.data_url}>"]
    return [*lines, ""] if lines else lines


def _headlines(newsletter: Newsletter) -> list[str]:
    lines = _heading(newsletter.headlines_heading)
    for headline in newsletter.headlines:
        lines += _wrap(headline.statement, indent="    ", first=f"{headline.number:>2}. ")
        if headline.explanation:
            lines += _wrap(headline.explanation, indent="    ")
        lines += _numbers(headline, newsletter.language)
    return lines


def text_body(newsletter: Newsletter) -> str:
    """A body that reads well on its own: wrapped at 72 characters, links written out.

    An audience's email leads with its implications, each with its actions, like the HTML.
    """
    lines = [*_wrap(newsletter.title), f"{newsletter.masthead} · {newsletter.date}", ""]
    if newsletter.twin:
        lines += [*_wrap(newsletter.twin.text), f"<{newsletter.twin.url}>", ""]
    intro = [line for paragraph in newsletter.intro for line in (*_wrap(paragraph), "")]
    if not newsletter.lead:
        lines += intro
    if newsletter.lead:
        audience = newsletter.audiences[0]
        lines += [*_heading(newsletter.lead), f"<{audience.url}>", ""]
        for number, implication in enumerate(audience.implications, start=1):
            lines += _wrap(implication.title, indent="    ", first=f"{number:>2}. ")
            for paragraph in implication.text:
                lines += ["", *_wrap(paragraph, indent="    ")]
            if implication.actions:
                lines += [f"    {newsletter.actions_heading}:"]
                for action in implication.actions:
                    lines += _wrap(action, indent="      ", first="    - ")
            lines.append("")
        for paragraph in newsletter.about_implications:
            lines += [*_wrap(paragraph), ""]
        lines += [*_heading(newsletter.about_research), *intro]
        lines += _headlines(newsletter)
    else:
        lines += _headlines(newsletter)
        lines += _heading(newsletter.implications_heading)
        for paragraph in newsletter.about_implications:
            lines += [*_wrap(paragraph), ""]
        for audience in newsletter.audiences:
            lines += [audience.name, f"<{audience.url}>"]
            for point in audience.points:
                lines += _wrap(point, indent="  ", first="- ")
            lines.append("")
    lines += _heading(newsletter.read_more)
    for link in newsletter.links:
        lines += [*_wrap(link.text, first="- ", indent="  "), f"  <{link.url}>"]
    lines += ["", "--", newsletter.published_by]
    return "\n".join(lines) + "\n"


def choose_boundary(parts: Sequence[str], *, seed: bytes | None = None) -> str:
    """A boundary found in none of ``parts``, the same for the same parts.

    ``seed`` defaults to a hash of the parts; each candidate is hashed from the seed and a
    counter, so a candidate that does occur (which data cannot arrange, short of breaking
    SHA-256, but is checked all the same) is replaced by the next one.
    """
    if seed is None:
        seed = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).digest()
    for counter in itertools.count():
        candidate = "=_lcsi_" + hashlib.sha256(seed + str(counter).encode("ascii")).hexdigest()[:40]
        if not any(candidate in part for part in parts):
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover - itertools.count never ends


class TextHeader(str):
    """A header of free text from a pack, written by us so the email library never reads it.

    A plain string assigned to a header is parsed first, and an RFC 2047 encoded word in it
    (``=?utf-8?b?…?=``) is decoded, line breaks and all: that is how a title could write a
    ``Bcc:`` line. A value with a ``name`` is a header object, which the policy stores and folds
    as it is (``email.policy.EmailPolicy.header_store_parse``). Text that is plain ASCII with
    no ``=?`` has nothing to decode and is folded the usual way; any other text is written
    only as encoded words, which a reader's program decodes back to exactly this text.
    """

    name: str

    def __new__(cls, name: str, text: str) -> TextHeader:
        # One line whatever reaches it (str.split breaks on every Unicode line separator).
        header = super().__new__(cls, " ".join(text.split()))
        header.name = name
        return header

    def fold(self, *, policy: Policy) -> str:
        text = str(self)
        if text.isascii() and text.isprintable() and "=?" not in text:
            return str(SMTP.header_factory(self.name, text).fold(policy=policy))
        encoded = Header(text, "utf-8", header_name=self.name).encode(linesep=policy.linesep)
        return f"{self.name}: {encoded}{policy.linesep}"


def email_message(newsletter: Newsletter, sent: dt.date, sender: str = "") -> bytes:
    """The message as an ``.eml`` file, identical for identical input."""
    message = EmailMessage()
    # Validation refuses line breaks and encoded words in titles and names; TextHeader keeps
    # the Subject one line of plain text whatever reaches it.
    message["Subject"] = TextHeader("Subject", newsletter.subject)
    if sender:
        message["From"] = sender
    message["Date"] = format_datetime(dt.datetime.combine(sent, dt.time(9), tzinfo=dt.UTC))
    message["X-Unsent"] = "1"
    message.set_content(text_body(newsletter), charset="utf-8")
    message.add_alternative(html_body(newsletter), subtype="html", charset="utf-8")
    # After set_content(), which clears the headers it considers its own (Content-Language among them).
    message["Content-Language"] = written_tag(newsletter.language)
    # The parts as they will be written (after their transfer encoding), headers included.
    written = [part.as_string(policy=SMTP) for part in message.iter_parts()]
    message.set_boundary(choose_boundary(written))
    return message.as_bytes(policy=SMTP)
