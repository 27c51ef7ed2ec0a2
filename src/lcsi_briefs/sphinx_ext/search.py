"""Search that folds diacritics: "Lodz" finds "Łódź", "Ynglyn" finds "Ynglŷn".

Sphinx's search stems each word with its language's stemmer, in Python when it builds the
index and in JavaScript when a reader searches, so both sides must agree. Both fold first:

- the index: the build language's search class (Sphinx's own, English when Sphinx has none)
  is registered again with a ``stem`` that folds the word before stemming it;
- the query: a small script, written from the same table, wraps the page's ``Stemmer`` so a
  query word is folded before it is stemmed.

Folding takes off every combining mark (ŵ → w, ó → o) and maps the letters that are whole
letters rather than marked ones (ł → l, ø → o, ß → ss), one table for both sides.
"""

from __future__ import annotations

import json
import unicodedata
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.search import SearchLanguage, languages
from sphinx.search.en import SearchEnglish

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Letters that no Unicode decomposition takes a mark off, and what a reader types instead.
LETTERS = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "Th",
    "ß": "ss",
    "æ": "ae",
    "Æ": "Ae",
    "œ": "oe",
    "Œ": "Oe",
    "\u0131": "i",  # dotless i
}
SCRIPT = "lcsi-search.js"


def fold(word: str) -> str:
    """``word`` without its diacritics: "Łódź" → "Lodz"."""
    decomposed = unicodedata.normalize("NFD", "".join(LETTERS.get(char, char) for char in word))
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


#: Each word's stem by the search language that stemmed it, for every build the process runs.
_STEMS: dict[tuple[type[SearchLanguage], str], str] = {}


def folding_language(base: type[SearchLanguage], lang: str) -> type[SearchLanguage]:
    """``base`` (a Sphinx search language) with every word folded before it is stemmed.

    A word's stem is kept for the process: Sphinx remembers stems only within one page, and
    stemming the same words again on every page of every build was a tenth of a small site's
    build (``lcsi-briefs build`` builds each language's site apart, in one process).
    """

    def stem(self: SearchLanguage, word: str) -> str:
        key = (base, word)
        stemmed = _STEMS.get(key)
        if stemmed is None:
            stemmed = _STEMS[key] = base.stem(self, fold(word))
        return stemmed

    return type(f"Folding{base.__name__}", (base,), {"lang": lang, "stem": stem})


def script() -> str:
    """The query side: the page's stemmer, folding each word first (the same table as :func:`fold`)."""
    table = json.dumps(LETTERS, ensure_ascii=False)
    return (
        "// Written by lcsi-briefs: search folds diacritics, as the index does (sphinx_ext/search.py).\n"
        "(() => {\n"
        "  const Base = window.Stemmer;\n"
        "  if (!Base) return;\n"
        f"  const letters = {table};\n"
        "  const fold = (word) => [...word].map((c) => letters[c] ?? c).join('')\n"
        "    .normalize('NFD').replace(/\\p{M}/gu, '').normalize('NFC');\n"
        "  window.Stemmer = class extends Base {\n"
        "    stemWord(word) { return super.stemWord(fold(word)); }\n"
        "  };\n"
        "})();\n"
    )


def _register(app: Sphinx, config: Config) -> None:
    lang = str(config.html_search_language or config.language or "en")
    found: Any = languages.get(lang) or languages.get(lang.partition("_")[0])
    if isinstance(found, str):
        module, name = found.rsplit(".", 1)
        found = getattr(import_module(module), name)
    base: type[SearchLanguage] = found if isinstance(found, type) else SearchEnglish
    if base.__name__.startswith("Folding"):
        base = base.__mro__[1]
    # Sphinx looks the class up by this build's language; English when it has none for it.
    languages[lang] = folding_language(base, lang)
    config.html_search_language = lang


def _write_script(app: Sphinx) -> None:
    """Written before any page, so every build's pages link it with its checksum (see site._publish_fonts)."""
    if app.builder.format != "html" or app.builder.name == "briefing-pdf":
        return
    path = Path(app.outdir, "_static", SCRIPT)
    text = script()
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def setup_search(app: Sphinx) -> None:
    app.connect("config-inited", _register)
    # Deferred: it runs after the search page's own language_data.js, which defines the stemmer.
    app.add_js_file(SCRIPT, loading_method="defer")
    app.connect("builder-inited", _write_script)
