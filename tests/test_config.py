"""Settings are checked for range and shape where they enter, not where they break (bug B5)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from lcsi_briefs.cli.project import read_layout, read_settings
from lcsi_briefs.pdf.pool import render_all
from lcsi_briefs.sphinx_ext.config import BriefsConfig, briefs_config

from .conftest import minimal_docs, small_pack, write_pack

BAD = [
    ("pdf_workers", "-1", "a whole number from 0 (one per CPU core) to 256"),
    ("pdf_workers", "10_000", "a whole number from 0 (one per CPU core) to 256"),
    ("pdf_workers", "True", "a whole number from 0 (one per CPU core) to 256"),
    ("pdf_workers", "2.5", "a whole number from 0 (one per CPU core) to 256"),
    ("pdf_timeout", "0", "a number of seconds greater than 0"),
    ("pdf_timeout", "-5.0", "a number of seconds greater than 0"),
    ("pdf_timeout", "float('nan')", "a number of seconds greater than 0"),
    ("pdf_timeout", "'soon'", "a number of seconds greater than 0"),
    ("pages_dir", "'../outside'", "a folder inside the source folder"),
    ("pages_dir", "'/tmp/x'", "a folder inside the source folder"),
    ("pages_dir", "''", "a folder inside the source folder"),
    ("packs_dir", "['briefings']", "a folder name, such as 'briefings'"),
    ("newsletter_from", "'Policy <p@example.org>\\nBcc: all@example.org'", "an email address"),
    ("newsletter_from", "'not an address'", "an email address"),
    ("newsletter_from", "None", "an email address"),
    ("members_dir", "''", "a folder name, such as 'briefings'"),
    ("shard", "'3/2'", "a shard written K/N with 1 <= K <= N, such as 2/4"),
    ("shard", "2", "a shard written K/N, such as 2/4, or '' for the whole build"),
]


def app_with(tmp_path: Path, conf: str) -> SphinxTestApp:
    write_pack(tmp_path / "briefings" / "small.yaml", small_pack())
    docs = minimal_docs(tmp_path, conf)
    # Where the default packs_dir points, for the case that falls back to it.
    write_pack(docs / "briefings" / "small.yaml", small_pack())
    return SphinxTestApp("html", srcdir=docs)


@pytest.mark.parametrize(("name", "value", "expected"), BAD, ids=[f"{n}={v}" for n, v, _ in BAD])
def test_a_bad_setting_is_named_with_what_was_expected_and_the_default_used(
    tmp_path: Path, name: str, value: str, expected: str
) -> None:
    app = app_with(tmp_path, f"lcsi_briefs_{name} = {value}\n")
    try:
        warnings = app.warning.getvalue()
        default = getattr(BriefsConfig(), name)
        assert getattr(briefs_config(app.config), name) == default
    finally:
        app.cleanup()
    [line] = [strip_colors(line) for line in warnings.splitlines() if "lcsi_briefs_" in line]
    assert f"conf.py:3: WARNING: lcsi_briefs_{name} = " in line
    assert f"expected {expected}" in line
    assert line.endswith(f"using the default {default!r} [lcsi.config]")
    assert "has type" not in warnings, "Sphinx's own type check must not repeat the warning"


@pytest.mark.parametrize(
    "conf",
    [
        "lcsi_briefs_pdf_workers = 3\n",
        "lcsi_briefs_pdf_timeout = 30\n",
        "lcsi_briefs_pages_dir = 'generated/briefings'\n",
        "lcsi_briefs_newsletter_from = 'Policy Team <policy@example.org>'\n",
        "lcsi_briefs_newsletter_from = ''\n",
    ],
)
def test_good_settings_pass_without_a_word(tmp_path: Path, conf: str) -> None:
    app = app_with(tmp_path, conf)
    try:
        assert "lcsi_briefs_" not in app.warning.getvalue()
        name, value = conf.split(" = ")
        assert getattr(app.config, name) == ast.literal_eval(value)
    finally:
        app.cleanup()


def test_the_pool_refuses_a_worker_count_below_one() -> None:
    """Bug B5 crashed with 'min() arg is an empty sequence'; now the entry point refuses it by name."""
    with pytest.raises(ValueError, match="workers"):
        list(render_all([], workers=-1, timeout=5))


@pytest.mark.parametrize(("name", "value", "expected"), BAD, ids=[f"{n}={v}" for n, v, _ in BAD])
def test_the_commands_judge_a_setting_as_the_extension_does(
    tmp_path: Path, name: str, value: str, expected: str
) -> None:
    """``build`` and ``validate`` read conf.py before Sphinx does: a value the extension refuses
    (``pages_dir = '../outside'``) must not steer them to another folder."""
    (tmp_path / "conf.py").write_text(f"lcsi_briefs_{name} = {value}\n", encoding="utf-8")
    assert getattr(read_settings(tmp_path), name) == getattr(BriefsConfig(), name)
    layout = read_layout(tmp_path)
    assert layout.generated.resolve().is_relative_to(tmp_path.resolve())


def test_the_commands_keep_a_good_setting(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text("lcsi_briefs_pages_dir = 'generated/briefings'\n", encoding="utf-8")
    assert read_settings(tmp_path).pages_dir == "generated/briefings"
