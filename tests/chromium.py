"""The system's Chromium for the browser tests, driven by Playwright (never ``playwright install``).

Locally a browser test is skipped, saying what is missing; in CI (``CI=true``) it fails instead,
so a check cannot silently stop running.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def chromium_path() -> str | None:
    named = os.environ.get("LCSI_BRIEFS_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_missing() -> list[str]:
    """What the browser tests need and this machine lacks."""
    missing = []
    if chromium_path() is None:
        missing.append("Chromium (apt install chromium, or set LCSI_BRIEFS_CHROMIUM)")
    try:
        import playwright.sync_api  # noqa: F401, PLC0415
    except ImportError:
        missing.append("Playwright for Python (pip install playwright)")
    return missing


def require(missing: list[str]) -> None:
    """Skip the test for what is missing, or fail it under CI."""
    if not missing:
        return
    message = "browser tests need " + "; ".join(missing)
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (CI=true: they must run here)")
    pytest.skip(message)
