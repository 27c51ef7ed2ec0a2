"""Stylesheets are parsed once per process and their fonts decoded once, yet every render reports
what WeasyPrint said of them, prints the same bytes and leaves no font folder behind."""

from __future__ import annotations

from pathlib import Path

from lcsi_briefs.pdf import render
from lcsi_briefs.pdf.builder import HERE, print_stylesheets
from lcsi_briefs.pdf.render import RenderJob, forget_styles, render_pdf

PAGE = '<html lang="en"><head><title>t</title></head><body><p>Łódź and ŵ</p></body></html>'


def _job(folder: Path, name: str, sheet: Path) -> RenderJob:
    stylesheets = (*print_stylesheets(large_print=False), sheet)
    return RenderJob(PAGE, folder / name, folder.as_uri() + "/", stylesheets, (folder, HERE), source_date_epoch=0)


def test_a_stylesheets_warning_is_reported_by_every_render_that_uses_it(tmp_path: Path) -> None:
    sheet = tmp_path / "odd.css"
    sheet.write_text("p { colour: red; }", encoding="utf-8")
    forget_styles()
    first = render_pdf(_job(tmp_path, "a.pdf", sheet))
    second = render_pdf(_job(tmp_path, "b.pdf", sheet))
    assert any("colour" in warning for warning in first.warnings), first.warnings
    assert first.warnings == second.warnings
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_parsed_once_and_edited_stylesheets_parsed_again(tmp_path: Path) -> None:
    sheet = tmp_path / "page.css"
    sheet.write_text("p { color: black; }", encoding="utf-8")
    forget_styles()
    render_pdf(_job(tmp_path, "a.pdf", sheet))
    render_pdf(_job(tmp_path, "b.pdf", sheet))
    assert len(render._STYLES) == 1
    [styles] = render._STYLES.values()
    folder = styles.fonts._folder
    del styles
    assert folder is not None and any(folder.iterdir()), "the bundled fonts were decoded into it"
    sheet.write_text("p { color: navy; }", encoding="utf-8")
    render_pdf(_job(tmp_path, "c.pdf", sheet))
    assert len(render._STYLES) == 2
    forget_styles()
    assert render._STYLES == {}
    assert not folder.exists(), "the decoded fonts are removed with the styles"


def test_every_set_of_stylesheets_shares_the_fonts_decoded_once(tmp_path: Path) -> None:
    """Regular print, large print and a project's extra sheet all declare the bundled faces: each
    face is decoded once per process, not once per set (eight WOFF files, 0.1 s a set)."""
    sheet = tmp_path / "page.css"
    sheet.write_text("p { color: black; }", encoding="utf-8")
    forget_styles()
    for stylesheets in (print_stylesheets(large_print=False), print_stylesheets(large_print=True), (sheet,)):
        job = RenderJob(PAGE, tmp_path / "a.pdf", tmp_path.as_uri() + "/", stylesheets, (tmp_path, HERE))
        render.prepare_styles(job)
    sets = list(render._STYLES.values())
    assert len(sets) == 3
    assert len({id(styles.fonts) for styles in sets}) == 1
    faces = (HERE / "static" / "fonts.css").read_text(encoding="utf-8").count("@font-face")
    folder = sets[0].fonts._folder
    assert folder is not None and len(list(folder.iterdir())) == faces, "one decoded file per face"
    forget_styles()
