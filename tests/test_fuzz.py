"""Random text, numbers and identifiers in every field: refused with a location, or built safely.

A seeded generator (the same values on every run, so a failure names its trial) puts hostile
values into each field of a small pack in turn. For each pack ``validate`` either refuses it,
every problem placed at a line and column of the file, or accepts it; every pack it accepts
must then build. The accepted packs are built together (the site, and the emails, which a
site address turns on) and the output is read back: no element or attribute that the same
build of a clean pack does not have, no markup from the data, and no email header we did not
set. About twenty seconds on a quiet machine.
"""

from __future__ import annotations

import copy
import datetime as dt
import email
import random
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.pack import LoadedPack
from lcsi_briefs.model.problems import PackError
from lcsi_briefs.newsletter.content import build_newsletter
from lcsi_briefs.newsletter.render import email_message

from .conftest import make_project, small_pack, write_pack

pytestmark = pytest.mark.build

SEED = 20261205
#: Accepted packs built together: each one is a whole set of pages, PDFs aside.
BUILT = 4
#: Our own marker: any element or attribute named like this in the output came from the data.
MARK = "lcsifuzz"

#: Values that are markup to some layer: HTML, MyST, Jinja, CSS, email, YAML.
MARKUP = [
    f"<{MARK} on{MARK}=1>x</{MARK}>",
    f'"><{MARK}>',
    f"<script>{MARK}()</script>",
    f"<svg on{MARK}=alert(1)>",
    f"<img src=x on{MARK}=1>",
    f"```{{raw}} html\n<{MARK}>\n```",
    f"{{raw}}`<{MARK}>`",
    f"[x](javascript:{MARK})",
    f"{{.language-x on{MARK}=1}}",
    f"</style><{MARK}>",
    "{{ 7*7 }} {% raw %}",
    "=?utf-8?b?SGkNCkJjYzogZXZpbEBleGFtcGxlLm9yZw==?=",
    "Subject: x\r\nBcc: evil@example.org",
    "a\u2028b\u2029c\x85d",
    "12\u202e34\u202c",
    "\u2066isolated\u2069 \u200fmark",
    "-- not a list",
    "# not a heading",
    ":::{note}\nx\n:::",
    "&amp; &lt;b&gt; &#x3C;",
]
#: Ordinary text that is still hard: scripts, combining marks, long words, emoji.
TEXT = [
    "Cynghorau ac ŵyr a ŷd",
    "العربية and עברית",
    "cafe\u0301 n\u0303",
    "👩🏽\u200d⚕️ 🎉",
    "Pneumonoultramicroscopicsilicovolcanoconiosis" * 6,
    "x" * 300,
    " padded ",
    "",
    "no",
    "null",
]
NUMBERS = [
    "0",
    "-0",
    "1214",
    "31.5",
    "-18750000.25",
    "999999999999999",
    "1" * 16,
    "1" * 40,
    "0." + "0" * 12 + "1",
    "1e5",
    "12,3",
    "NaN",
    "2:1",
    "1:3.5",
]
TAGS = ["en-GB", "cy", "de-CH", "ar", "en-US-POSIX", "zz", "en-GB.<x>", "en@x", "x-klingon", 'cy"x', "EN-gb"]
IDENTIFIERS = ["main-report", "con", "a" * 65, "Main-Report", "main_report", "-x", "x-", "regular-visits", "a"]
#: Values that are not text at all.
SHAPES: list[object] = [None, 0, True, [], {}, ["a", "b"], {"a": "b"}]


def rich_pack() -> dict[str, Any]:
    """The small pack with every kind of field filled: figures, a chart, a table, other languages."""
    pack = small_pack()
    pack["briefing"]["short_title"] = "Libraries and loneliness"
    pack["briefing"]["subtitle"] = "What the study found"
    finding = pack["findings"][0]
    finding["evidence"] = {"strength": "moderate", "reason": "Seen in two surveys."}
    finding["figures"] = [
        {"value": "1214", "label": "libraries", "base": "in the survey", "period": "2025", "source": "main-report"},
        {"value": "3200000", "label": "raised", "format": "money", "currency": "GBP", "source": "main-report"},
    ]
    finding["charts"] = [
        {
            "title": "Visits by region",
            "category_label": "Region",
            "categories": ["North", "South"],
            "series": [{"name": "2025", "values": ["31.5", "40"]}],
            "format": "percent",
            "source": "main-report",
        }
    ]
    finding["tables"] = [
        {
            "title": "Visitors",
            "columns": ["Region", "Visitors"],
            "rows": [["North", "2100"], ["South", "1300"]],
            "row_headers": True,
            "unit": "people",
            "source": "main-report",
        }
    ]
    pack["other_languages"] = [{"text": "Llyfrgell", "language": "cy"}]
    pack["findings"][1]["explanation"] += " Staff said Llyfrgell."
    pack["methodology"] = {"design": "A survey of libraries.", "limitations": ["Self-reported."]}
    return pack


def leaves(data: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every scalar in the pack: the fields the generator writes into."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, (*path, index))
    else:
        yield path


def value_for(rng: random.Random, path: tuple[str | int, ...]) -> object:
    """A value for the field at ``path``: mostly of its kind, sometimes of any kind."""
    name = next((part for part in reversed(path) if isinstance(part, str)), "")
    if name in ("value", "values") or (len(path) > 2 and path[-3] == "rows"):
        pool: list[object] = NUMBERS + MARKUP[:4]
    elif name == "language":
        pool = list(TAGS)
    elif name in ("id", "source", "sources", "findings", "functions", "beneficiaries"):
        pool = list(IDENTIFIERS)
    else:
        pool = MARKUP + TEXT
    if rng.random() < 0.15:
        pool = SHAPES + NUMBERS + TAGS
    value = rng.choice(pool)
    if isinstance(value, str) and rng.random() < 0.3:
        # Joined with ordinary words, as text pasted into a sentence would be.
        value = f"Visits {value} rose"
    return value


def mutate(rng: random.Random, pack: dict[str, Any], path: tuple[str | int, ...]) -> None:
    target: Any = pack
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value_for(rng, path)


#: Where text meets another language (HTML, MyST, SVG, an email header): every attack below is
#: tried in each of these, on top of the random values every field gets.
SEAMS: list[tuple[str | int, ...]] = [
    ("briefing", "title"),
    ("briefing", "short_title"),
    ("audiences", 0, "name"),
    ("findings", 0, "statement"),
    ("findings", 0, "charts", 0, "categories", 0),
    ("findings", 0, "tables", 0, "rows", 0, 1),
]
ATTACKS = [MARKUP[0], MARKUP[1], MARKUP[8], MARKUP[11], MARKUP[14]]


def trials() -> Iterator[tuple[int, dict[str, Any]]]:
    """Each field in turn gets a random value (half the time a second field too); then each
    attack goes into each seam."""
    rng = random.Random(SEED)
    base = rich_pack()
    fields = list(leaves(base))
    for trial, field in enumerate(fields):
        pack = copy.deepcopy(base)
        mutate(rng, pack, field)
        if rng.random() < 0.5:
            mutate(rng, pack, rng.choice(fields))
        yield trial, pack
    for number, (seam, attack) in enumerate((s, a) for s in SEAMS for a in ATTACKS):
        pack = copy.deepcopy(base)
        target: Any = pack
        for part in seam[:-1]:
            target = target[part]
        target[seam[-1]] = f"Visits {attack} rose"
        yield len(fields) + number, pack


def shape_of(html: str) -> set[tuple[str, str]]:
    """Every element name, and every element with each of its attribute names, in a page."""
    shape: set[tuple[str, str]] = set()
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        shape.add((element.name, ""))
        shape.update((element.name, attribute) for attribute in element.attrs)
    return shape


def pages(site: Path, slug: str) -> dict[str, str]:
    folder = site / "briefing" / slug
    return {str(path.relative_to(folder)): path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.html"))}


OUR_HEADERS = {"subject", "date", "x-unsent", "content-language", "content-type", "mime-version"}


def assert_safe_email(raw: bytes, name: str) -> None:
    """One .eml: only the headers we set, our two parts, and none of the generator's markup."""
    message = email.message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    assert {key.lower() for key in message} <= OUR_HEADERS, (name, list(message))
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"], name
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    assert MARK not in "".join(f"{e}{a}" for e, a in shape_of(body.get_content())), name


def assert_safe_emails(loaded: LoadedPack, trial: int) -> None:
    """Every email of an accepted pack, made without a build (cheap enough for every trial)."""
    for audience in [None, *(a.id for a in loaded.pack.audiences)]:
        newsletter = build_newsletter(loaded, audience, lambda label: f"https://x.example/#{label}", str)
        assert_safe_email(email_message(newsletter, dt.date(2026, 1, 15)), f"trial {trial}, {audience}")


def test_every_field_is_refused_at_its_place_or_built_safely(tmp_path: Path) -> None:
    accepted: list[tuple[int, dict[str, Any]]] = []
    fields_refused: set[str] = set()
    for trial, pack in trials():
        path = write_pack(tmp_path / "packs" / f"trial-{trial}.yaml", pack)
        try:
            load_pack(path)
        except PackError as error:
            assert error.problems, trial
            for problem in error.problems:
                assert problem.path == path and problem.line >= 1 and problem.column >= 1, (trial, problem)
                assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: "), (trial, problem)
                fields_refused.add(problem.field)
            continue
        accepted.append((trial, pack))
        assert_safe_emails(load_pack(path), trial)
    # The generator must reach both sides, or the test proves nothing.
    assert len(accepted) >= BUILT and len(fields_refused) >= 20, (len(accepted), sorted(fields_refused))

    chosen = accepted[:: max(1, len(accepted) // BUILT)][:BUILT]
    packs = {"clean": rich_pack(), **{f"fuzz-{trial}": pack for trial, pack in chosen}}
    root = make_project(tmp_path / "project", packs)
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nhtml_baseurl = "https://briefings.example.org/"\n')
    assert build_all(root, pdf=False) == 0, f"validate accepted trials {[t for t, _ in chosen]}; the build failed"

    site = root / "build" / "html"
    clean = pages(site, "clean")
    for slug in packs:
        if slug == "clean":
            continue
        built = pages(site, slug)
        assert built.keys() == clean.keys(), slug
        for name, html in built.items():
            assert MARK not in "".join(f"{e}{a}" for e, a in shape_of(html)), (slug, name)
            extra = shape_of(html) - shape_of(clean[name])
            assert not extra, (slug, name, sorted(extra))
    emails = sorted((root / "build" / "newsletter").glob("*.eml"))
    assert len(emails) >= 3 * len(packs)
    for eml in emails:
        assert_safe_email(eml.read_bytes(), eml.name)
