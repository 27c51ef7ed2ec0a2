"""Whatever passes ``validate`` builds: generated packs with any character, built end to end.

The text is drawn from every code point (controls, surrogates, noncharacters, every line
separator), written raw or as YAML escapes. Each pack must either be refused by validation
with located problems, or build (site and newsletter) and give an email with exactly our two
parts. The suite runs a few examples; ``LCSI_BROAD_EXAMPLES=100`` runs a broad search and
``LCSI_BROAD_PDF=1`` prints the PDFs too. A broad search of 100 packs (68 built, 32 refused)
found nothing more on 2026-11-25 once URLs refused invisible characters.
"""

from __future__ import annotations

import email
import os
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.model.problems import PackError

from .conftest import make_project, small_pack

EXAMPLES = int(os.environ.get("LCSI_BROAD_EXAMPLES", "3"))
#: The broad search can print the PDFs too (slow: about half a minute an example).
PDF = os.environ.get("LCSI_BROAD_PDF") == "1"

#: Any code point except those refused everywhere (controls, surrogates), unassigned ones included.
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=12)
#: One character that may trip a layer: line separators, noncharacters, a lone surrogate, bidi
#: controls, MIME's own punctuation; some must be refused, the others must build.
TRICKY = st.sampled_from("\u2028\u2029\x85\r\v\f\x1c\ufffe\ufdd0\U0010ffff\ud800\u202e\u200b\ufeff\t\n-=")
FIELDS = (
    ("briefing", "title"),
    ("briefing", "summary"),
    ("findings", 0, "statement"),
    ("audiences", 0, "name"),
    ("audiences", 0, "implications", 0, "text"),
    ("glossary", 0, "term"),
    ("sources", 0, "url"),
)


@st.composite
def any_text_packs(draw: st.DrawFn) -> dict[str, Any]:
    """The small pack with arbitrary text in one-line and prose fields, one tricky character somewhere."""
    pack = small_pack()
    for path in FIELDS:
        *parents, last = path
        holder: Any = pack
        for key in parents:
            holder = holder[key]
        holder[last] = ("https://example.org/" if last == "url" else "") + draw(TEXT)
    *parents, last = draw(st.sampled_from(FIELDS))
    holder = pack
    for key in parents:
        holder = holder[key]
    where = draw(st.integers(min_value=0, max_value=len(holder[last])))
    holder[last] = holder[last][:where] + draw(TRICKY) + holder[last][where:]
    return pack


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(pack=any_text_packs(), raw=st.booleans())
def test_a_pack_is_refused_with_located_problems_or_builds(
    tmp_path_factory: pytest.TempPathFactory, pack: dict[str, Any], raw: bool
) -> None:
    root = make_project(tmp_path_factory.mktemp("anytext") / "project", {})
    # A site address, so the .eml (written only with one) is built and checked.
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nhtml_baseurl = "https://briefings.example.org/"\n')
    path = root / "briefings" / "generated.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(pack, allow_unicode=raw, sort_keys=False)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_pack(path)
    except PackError as error:
        for problem in error.problems:
            assert problem.path == path and problem.line >= 1 and problem.column >= 1
            assert problem.message and "\n" not in problem.message
        event("refused by validate")
        return
    event("validated, so built")
    assert build_all(root, pdf=PDF) == 0, f"validated but did not build: {pack!r}"
    message = email.message_from_bytes((root / "build" / "newsletter" / "generated.eml").read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
