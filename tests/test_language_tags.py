"""Words in another language carry their language into the PDF's tag tree as /Lang.

Rendered through the real renderer and stylesheets, in the shapes the editions print: a
paragraph, a list item, a table cell, a link, a quotation, a heading, with running headers.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from lcsi_briefs.pdf.builder import print_stylesheets
from lcsi_briefs.pdf.render import RenderJob, render_pdf

from .test_fonts import PDF_PACKAGE

BODY = """
<h1>Visits <span lang="pl">Wojciech Kowalski</span> led</h1>
<p>Led by <span lang="pl">Wojciech Kowalski</span>, with <em>help</em> from <span>others</span>.</p>
<ul><li><p>A study by <span lang="el">Ελένη Παπαδοπούλου</span> and a long enough line of ordinary text to
wrap onto a second line so that the span may be split across lines <span lang="cy">Prifysgol
Caerdydd a Phrifysgol Abertawe gyda'i gilydd</span> here.</p></li><li>Plain item</li></ul>
<table><thead><tr><th scope="col">Who</th><th scope="col">Where</th></tr></thead>
<tbody><tr><th scope="row"><span lang="cy">Cyngor Gwynedd</span></th><td>North</td></tr></tbody></table>
<p><a href="https://example.org/">A link with <span lang="pl">Łódź</span> in it</a>.</p>
<blockquote><p>Quoted, <span lang="fr">bien sûr</span>.</p></blockquote>
"""


def _spans(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found = []

    def walk(element: pikepdf.Object) -> None:
        if isinstance(element, pikepdf.Dictionary):
            if element.get("/S") == "/Span":
                found.append(element)
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
                walk(kid)

    walk(pdf.Root.StructTreeRoot)
    return found


def test_each_marked_passage_has_its_language_and_nothing_else_has_one(tmp_path: Path) -> None:
    target = tmp_path / "languages.pdf"
    html = f"<html lang='en-GB'><head><title>Languages</title></head><body>{BODY}</body></html>"
    stylesheets = print_stylesheets(large_print=False)
    rendered = render_pdf(RenderJob(html, target, tmp_path.as_uri() + "/", stylesheets, (tmp_path, PDF_PACKAGE)))
    assert [p for p in rendered.problems if "Lang" in p.message] == []
    with pikepdf.open(target) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        spans = _spans(pdf)
        languages = [str(span.Lang) for span in spans if "/Lang" in span]
        # The element's /Span has the language; its text inside sits below it (one per line).
        assert languages[:2] == ["pl", "pl"] and "el" in languages and "fr" in languages
        assert set(languages) == {"pl", "el", "cy", "fr"}
        assert languages.count("cy") >= 2  # the wrapped Welsh passage and the table's row header
        for span in spans:
            if "/Lang" in span:
                kids = span.K if isinstance(span.K, pikepdf.Array) else [span.K]
                # An element span holds the text's own elements, never a bare content id.
                assert all(isinstance(kid, pikepdf.Dictionary) for kid in kids), span
