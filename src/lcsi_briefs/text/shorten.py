"""Text cut short to fit, at a word, with an ellipsis: the one rule for every shortened label.

The running head (:mod:`lcsi_briefs.model.running_head`) is cut to the width the page leaves it,
and the words a table repeats where it goes on (``sphinx_ext/directives.continued``) to a number of
characters; what fits is each caller's question, how the text is cut is answered here, so both
cut alike: whole words, no comma or dash before the ellipsis, and a word too long on its own cut
to its letters.
"""

from __future__ import annotations

from collections.abc import Callable

#: What ends a shortened text (punctuation, the same in every language).
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
#: Trailing punctuation a shortened text drops before its ellipsis.
TRAILING = ",;:\N{EN DASH}\N{EM DASH}-"


def shorten(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` (its white space folded) whole if it ``fits``, else as many of its first words as
    fit with an ellipsis; one word that cannot fit even alone gives as many of its letters as fit."""
    text = " ".join(text.split())
    if fits(text):
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        shortened = " ".join(words).rstrip(TRAILING).rstrip() + ELLIPSIS
        if fits(shortened):
            return shortened
    word = words[0] if words else ""
    while word and not fits(word + ELLIPSIS):
        word = word[:-1]
    return word + ELLIPSIS
