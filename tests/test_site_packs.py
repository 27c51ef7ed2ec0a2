"""The build's packs are read once and asked for everywhere; never silently "none"."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from sphinx.errors import ExtensionError

from lcsi_briefs.model.loader import load_pack
from lcsi_briefs.sphinx_ext.site_packs import site_packs, store_packs

from .conftest import REPO


def test_an_environment_without_packs_is_an_error_not_an_empty_site() -> None:
    """An empty default once let the PDF builder take every PDF for stale and delete it."""
    with pytest.raises(ExtensionError, match="were not read"):
        site_packs(SimpleNamespace())  # type: ignore[arg-type]


def test_stored_packs_come_back_by_slug() -> None:
    env: Any = SimpleNamespace()
    loaded = load_pack(REPO / "briefings" / "lcsi-2025.yaml")
    store_packs(env, [loaded])
    assert site_packs(env) == {"lcsi-2025": loaded}
