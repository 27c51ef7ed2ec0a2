"""Writing MyST safely: text from a pack is always text, never markup.

Every ASCII punctuation character is backslash-escaped (CommonMark lets any of them be
escaped), and whitespace is folded, so no value can open a directive fence, a role, a heading,
a list, a table, math, a substitution or raw HTML, wherever it is placed in a line. The only
markup in generated pages is the markup this package writes itself.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence

from lcsi_briefs.model.fields import written_tag
from lcsi_briefs.text.paragraphs import fold
from lcsi_briefs.text.paragraphs import paragraphs as split_paragraphs

_ESCAPE = str.maketrans({char: "\\" + char for char in string.punctuation})
_LINKABLE_TERM = re.compile(r"^[\w][\w '\u2019-]*$")


def escape(text: str) -> str:
    """One line of literal text for any inline position (paragraph, heading, link text)."""
    return fold(text).translate(_ESCAPE)


def escape_format(template: str, /, **values: str) -> str:
    """A translated message with MyST values: its own words escaped, the values (safe MyST already) kept.

    ``escape_format(_("From the briefing {link}."), link=link(title, label))``: a translation can
    hold any punctuation and still never become markup.
    """
    pieces: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        pieces.append(escape_keep_edges(literal))
        if name is not None:
            pieces.append(values[name])
    return "".join(pieces)


def escape_keep_edges(text: str) -> str:
    """Like :func:`escape`, keeping one space at either end so pieces can be joined."""
    if not text:
        return ""
    folded = fold(text)
    start = " " if text[0].isspace() and folded else ""
    end = " " if text[-1].isspace() and folded else ""
    return start + folded.translate(_ESCAPE) + end if folded else " "


def language_class(language: str) -> str:
    """A class docutils' HTML writer turns into ``lang="…"``; the tag is written safe whatever validated it."""
    return f"language-{written_tag(language)}"


def strong(text: str) -> str:
    """Literal text in bold: a label such as "Sources:"."""
    return f"**{escape(text)}**"


def paragraphs(text: str) -> list[str]:
    """Split prose on blank lines; each paragraph is folded to one escaped line."""
    return [escape(paragraph) for paragraph in split_paragraphs(text)]


def label(*parts: str) -> str:
    """A cross-reference label; parts are validated ids, so the result is safe as is."""
    return "-".join(parts)


def link(text: str, target_label: str) -> str:
    """A link to a label anywhere in the project, with literal link text."""
    return f"[{escape(text)}](#{target_label})"


def external_link(text: str, url: str) -> str:
    """URLs are validated to hold no spaces or angle brackets, so ``<…>`` keeps them intact."""
    return f"[{escape(text)}](<{url}>)"


def bullet_list(items: Iterable[str]) -> list[str]:
    """Items are already-safe MyST inline text."""
    return [f"- {item}" for item in items]


def fence(
    name: str, argument: str = "", options: dict[str, str] | None = None, body: Sequence[str] = (), colons: int = 3
) -> list[str]:
    """A colon-fenced directive; ``argument`` and ``options`` must be safe already."""
    marker = ":" * colons
    lines = [f"{marker}{{{name}}} {argument}".rstrip()]
    lines += [f":{key}: {value}" for key, value in (options or {}).items()]
    if body:
        lines.append("")
        lines += body
    lines.append(marker)
    return lines


def grid_card(
    header: Sequence[str], body: Sequence[str], footer: Sequence[str] = (), options: dict[str, str] | None = None
) -> list[str]:
    """A sphinx-design grid item card (four colons), to sit in a five-colon grid."""
    content = [*fence("card-header", body=header), ""]
    content += [*body, ""]
    if footer:
        content += fence("card-footer", body=footer)
    return [*fence("grid-item-card", options=options, body=content, colons=4), ""]


def grid(columns: str, cards: Sequence[str], css_class: str) -> list[str]:
    return fence("grid", columns, {"gutter": "3", "class-container": css_class}, cards, colons=5)


class TermLinker:
    """Links the first use of each glossary term on a page to its glossary entry.

    Sphinx matches glossary terms case-insensitively, so a term at the start of a sentence
    still links. Terms with characters that could not sit safely inside a role are left unlinked.
    Words in another language (``parts``: text and language tag) are marked wherever they appear,
    as a span whose ``language-<tag>`` class the HTML writer turns into ``lang="<tag>"``.
    """

    def __init__(
        self,
        terms: Iterable[str],
        parts: Iterable[tuple[str, str]] = (),
        labels: Mapping[str, str] | None = None,
        forms: Mapping[str, str] | None = None,
    ) -> None:
        # ``forms``: each other form of a term as written (a plural, a mutation) → the term.
        written = {t: t for t in terms} | dict(forms or {})
        linkable = sorted((t for t in written if _LINKABLE_TERM.match(t)), key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in linkable) + r")(?![\w-])", re.IGNORECASE)
            if linkable
            else None
        )
        self.by_folded = {t.casefold(): written[t] for t in linkable}
        self.linked: set[str] = set()
        #: Term (as written in the glossary) → label of its definition; None: Sphinx's ``{term}`` role.
        self.labels = labels
        self.languages = {fold(text): language for text, language in parts if fold(text)}
        words = sorted(self.languages, key=len, reverse=True)
        self.parts = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)") if words else None

    def inline(self, text: str, *, link_terms: bool = True) -> str:
        """Like :func:`escape`, with first uses of glossary terms linked and other languages marked."""
        folded = fold(text)
        if self.parts is None:
            return self._terms(folded) if link_terms else escape(folded)
        pieces: list[str] = []
        position = 0
        for match in self.parts.finditer(folded):
            before = folded[position : match.start()]
            pieces.append(self._terms(before) if link_terms else before.translate(_ESCAPE))
            language = language_class(self.languages[match.group(1)])
            pieces.append(f"[{match.group(1).translate(_ESCAPE)}]{{.{language}}}")
            position = match.end()
        rest = folded[position:]
        pieces.append(self._terms(rest) if link_terms else rest.translate(_ESCAPE))
        return "".join(pieces)

    def _terms(self, folded: str) -> str:
        if self.pattern is None:
            return folded.translate(_ESCAPE)
        pieces: list[str] = []
        position = 0
        for match in self.pattern.finditer(folded):
            term = self.by_folded[match.group(1).casefold()]
            if term.casefold() in self.linked:
                continue
            self.linked.add(term.casefold())
            pieces.append(folded[position : match.start()].translate(_ESCAPE))
            written = match.group(1)
            if self.labels is not None:
                pieces.append(f"[{written.translate(_ESCAPE)}](#{self.labels[term]})")
            else:
                role = f"{{term}}`{written}`" if written == term else f"{{term}}`{written} <{term}>`"
                pieces.append(role)
            position = match.end()
        pieces.append(folded[position:].translate(_ESCAPE))
        return "".join(pieces)

    def paragraphs(self, text: str, *, link_terms: bool = True) -> list[str]:
        return [self.inline(paragraph, link_terms=link_terms) for paragraph in split_paragraphs(text)]
