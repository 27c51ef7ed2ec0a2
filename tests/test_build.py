"""``lcsi-briefs build``: failures keep the last good output, rebuilds are incremental, config is checked."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp

from lcsi_briefs.cli.build import build_all
from lcsi_briefs.sphinx_ext.errors import GeneratedFolderError

from .conftest import make_project, mark_template, minimal_docs, one_audience_pack, small_pack, write_pack


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_bad_data_fails_the_build_and_keeps_the_last_good_output(
    project: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(pdf=True)
    before = {part: snapshot(root / "build" / part) for part in ("html", "pdf")}
    broken = one_audience_pack()
    broken["findings"][0]["sources"] = ["no-such-report"]
    broken["audiences"][0]["nmae"] = "typo"
    write_pack(root / "briefings" / "small.yaml", broken)
    capsys.readouterr()

    assert build_all(root) == 1

    errors = capsys.readouterr().err
    assert "briefings/small.yaml:" in errors
    assert "findings[0].sources[0]: unknown source 'no-such-report'" in errors
    assert "audiences[0].nmae: unknown key 'nmae'" in errors
    assert "Traceback" not in errors
    assert "nothing in build/html or build/pdf was changed" in errors
    assert {part: snapshot(root / "build" / part) for part in ("html", "pdf")} == before


def test_a_failed_pdf_render_keeps_the_previous_pdfs(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(pdf=True)
    before = snapshot(root / "build" / "pdf")
    changed = one_audience_pack()
    changed["briefing"]["title"] = "A new title that never gets printed"
    write_pack(root / "briefings" / "small.yaml", changed)
    # A missing stylesheet makes every large-print render fail after the standard ones succeeded.
    monkeypatch.setattr("lcsi_briefs.pdf.print_setup.LARGE_PRINT_STYLESHEET", root / "missing.css")
    assert build_all(root) == 1
    assert snapshot(root / "build" / "pdf") == before


def test_rebuild_with_nothing_changed_rewrites_no_generated_page(project: Any) -> None:
    root = project()
    generated = root / "docs" / "briefing"
    times = {path: path.stat().st_mtime_ns for path in generated.rglob("*.md")}
    assert build_all(root, pdf=False) == 0
    assert {path: path.stat().st_mtime_ns for path in generated.rglob("*.md")} == times


def test_editing_one_finding_rewrites_only_the_pages_that_show_it(project: Any) -> None:
    root = project()
    generated = root / "docs" / "briefing"
    times = {path.relative_to(generated): path.stat().st_mtime_ns for path in generated.rglob("*.md")}
    changed = small_pack()
    changed["findings"][1]["explanation"] = "An edited explanation."
    write_pack(root / "briefings" / "small.yaml", changed)
    assert build_all(root, pdf=False) == 0
    rewritten = {
        path.relative_to(generated)
        for path in generated.rglob("*.md")
        if path.stat().st_mtime_ns != times[path.relative_to(generated)]
    }
    assert rewritten == {Path("small/index.md")}
    assert "An edited explanation." in (root / "build" / "html" / "briefing" / "small" / "index.html").read_text(
        encoding="utf-8"
    )


def test_removed_audience_pages_are_deleted(project: Any) -> None:
    root = project()
    fewer = small_pack()
    fewer["audiences"] = fewer["audiences"][:1]
    fewer["pathways"][0]["beneficiaries"] = ["councils"]
    write_pack(root / "briefings" / "small.yaml", fewer)
    assert build_all(root, pdf=False) == 0
    assert not (root / "docs" / "briefing" / "small" / "audiences" / "residents.md").exists()
    assert not (root / "build" / "html" / "briefing" / "small" / "audiences" / "residents.html").exists()


def test_removed_audience_pages_are_deleted_in_a_project_moved_since_its_last_build(project: Any) -> None:
    """A moved project's build starts from a fresh environment, which never heard of the page."""
    built = project()
    moved = Path(shutil.copytree(built, built.with_name(f"{built.name}-moved"), symlinks=True))
    fewer = small_pack()
    fewer["audiences"] = fewer["audiences"][:1]
    fewer["pathways"][0]["beneficiaries"] = ["councils"]
    write_pack(moved / "briefings" / "small.yaml", fewer)
    assert build_all(moved, pdf=False) == 0
    assert not (moved / "build" / "html" / "briefing" / "small" / "audiences" / "residents.html").exists()
    assert (moved / "build" / "html" / "briefing" / "small" / "audiences" / "councils.html").is_file()


def test_a_dirhtml_build_keeps_every_page_it_wrote(tmp_path: Path) -> None:
    """Its pages are ``x/index.html``, not the ``x/`` its links name: none is taken for a removed one."""
    write_pack(tmp_path / "briefings" / "small.yaml", small_pack())
    docs = minimal_docs(tmp_path)
    app = SphinxTestApp("dirhtml", srcdir=docs)
    try:
        app.build()
        pages = Path(app.outdir, "briefing").rglob("*.html")
        written = sorted(path.relative_to(app.outdir).as_posix() for path in pages)
    finally:
        app.cleanup()
    assert "briefing/small/audiences/residents/index.html" in written
    assert "briefing/small/index.html" in written


def test_generated_folder_never_replaces_files_it_did_not_write(tmp_path: Path) -> None:
    write_pack(tmp_path / "briefings" / "small.yaml", small_pack())
    docs = minimal_docs(tmp_path, 'lcsi_briefs_pages_dir = "."\n')
    (docs / "index.md").write_text("# Precious hand-written page\n", encoding="utf-8")
    with pytest.raises(GeneratedFolderError, match="did not write"):
        SphinxTestApp("html", srcdir=docs).build()
    assert (docs / "index.md").read_text(encoding="utf-8") == "# Precious hand-written page\n"


def test_a_bad_config_value_warns_and_falls_back(tmp_path: Path) -> None:
    write_pack(tmp_path / "briefings" / "small.yaml", small_pack())
    docs = minimal_docs(tmp_path, 'lcsi_briefs_pdf_timeout = "soon"\n')
    app = SphinxTestApp("html", srcdir=docs)
    try:
        app.build()
        warnings = app.warning.getvalue()
        assert app.config.lcsi_briefs_pdf_timeout == 600.0
    finally:
        app.cleanup()
    assert "lcsi_briefs_pdf_timeout = 'soon': expected a number of seconds greater than 0" in warnings
    assert "using the default 600.0 [lcsi.config]" in warnings


def test_parallel_build_gives_the_same_pages(tmp_path: Path) -> None:
    """The extension claims parallel_read_safe: a -j 2 build must give the same HTML."""
    pages: list[dict[str, str]] = []
    for jobs in (0, 2):
        root = tmp_path / f"j{jobs}"
        write_pack(root / "briefings" / "small.yaml", small_pack())
        write_pack(root / "briefings" / "second.yaml", small_pack())
        docs = minimal_docs(root)
        app = SphinxTestApp("html", srcdir=docs, parallel=jobs)
        try:
            app.build()
            assert "WARNING" not in app.warning.getvalue()
        finally:
            app.cleanup()
        html = docs / "_build" / "html" / "briefing"
        pages.append({str(p.relative_to(html)): p.read_text(encoding="utf-8") for p in html.rglob("*.html")})
    assert pages[0] == pages[1]
    assert len(pages[0]) == 11  # per pack: overview, sources, 2 audiences, glossary; and the site glossary


@pytest.mark.parametrize(("conf", "expected"), [("", ["std"]), ('myst_ref_domains = ["std", "py"]\n', ["std", "py"])])
def test_links_are_resolved_in_the_std_domain_unless_the_site_says_otherwise(
    tmp_path: Path, conf: str, expected: list[str]
) -> None:
    """The generated pages' links all resolve in the std domain; a site's own choice still wins."""
    write_pack(tmp_path / "briefings" / "small.yaml", small_pack())
    app = SphinxTestApp("html", srcdir=minimal_docs(tmp_path, conf))
    try:
        app.build()
        assert "WARNING" not in app.warning.getvalue()
        assert list(app.config.myst_ref_domains) == expected
    finally:
        app.cleanup()


@pytest.mark.parametrize("inside", [True, False], ids=["from-the-project", "from-elsewhere"])
def test_a_build_parses_each_pack_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inside: bool) -> None:
    """The command (for the site's languages) and both Sphinx runs name a pack by one path, so
    the loader's cache serves them all: the bundled pack took 0.4 s a parse, twice a build."""
    from lcsi_briefs.model import loader  # noqa: PLC0415

    root = make_project(tmp_path / "project", {"small": small_pack()})
    assert (root / "docs" / "cy").is_dir(), "a site in two languages: the command reads the packs too"
    parsed: list[str] = []
    real = loader._load_pack

    def counted(path: Path) -> Any:
        parsed.append(str(path))
        return real(path)

    monkeypatch.setattr(loader, "_load_pack", counted)
    monkeypatch.chdir(root if inside else tmp_path)
    assert build_all(root, pdf=False) == 0
    assert len(parsed) == 1, parsed


def test_a_build_compiles_only_the_templates_no_build_of_its_process_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme's templates are compiled once per process (``sphinx_ext/frame.py``), not once per
    build; a project's own template is compiled for its own file, and again once edited."""
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(name))
        return compile_template(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def build(root: Path, mark: str) -> set[str]:
        template = root / "docs" / "_templates" / "base.html"
        tag = mark_template(template, mark)
        compiled.clear()
        assert build_all(root, pdf=False) == 0
        page = (root / "build" / "html" / "index.html").read_text(encoding="utf-8")
        assert tag in page
        return {name for name in compiled if name.endswith(".html")}

    first, second = (make_project(tmp_path / name, {"small": small_pack()}) for name in ("first", "second"))
    for root in (first, second):
        with (root / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write('\ntemplates_path = ["docs/_templates"]\n')
    build(first, "one")
    assert build(second, "one") == {"base.html"}, "only the second project's own file"
    assert build(second, "two") == {"base.html"}, "edited, so compiled again"


def test_a_build_stems_only_the_words_no_build_of_its_process_stemmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stems are kept for the process (``sphinx_ext/search.py``): a second build of the same pages
    stems no word again and writes the same search index."""
    stemmed: list[str] = []
    stem_word = SearchEnglish.stem

    def counting(self: SearchEnglish, word: str) -> str:
        stemmed.append(word)
        return stem_word(self, word)

    monkeypatch.setattr(SearchEnglish, "stem", counting)
    indexes = []
    for name in ("first", "second"):
        root = make_project(tmp_path / name, {"small": small_pack()})
        stemmed.clear()
        assert build_all(root, pdf=False) == 0
        indexes.append((root / "build" / "html" / "searchindex.js").read_bytes())
    assert stemmed == []
    assert indexes[0] == indexes[1] and b'"loneli"' in indexes[1]


def test_an_edit_to_a_template_folder_conf_py_names_outside_the_pages_is_built(tmp_path: Path) -> None:
    """``templates_path`` is read from the project's root, not from ``docs/``: an edited template
    there is an input like any page, not a build with "nothing changed"."""
    root = make_project(tmp_path / "project", {"small": one_audience_pack()})
    with (root / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ntemplates_path = ["_templates"]\n')
    template = root / "_templates" / "base.html"
    for mark in ("one", "two"):
        tag = mark_template(template, mark)
        assert build_all(root, pdf=False) == 0
        page = (root / "build" / "html" / "index.html").read_text(encoding="utf-8")
        assert tag in page
