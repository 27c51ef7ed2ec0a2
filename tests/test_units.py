"""The ratios between points, CSS pixels and millimetres, pinned once (``text/units.py``)."""

from __future__ import annotations

import pytest

from lcsi_briefs.text.units import mm_to_pt, mm_to_px, pt_to_mm, pt_to_px, px_to_pt


@pytest.mark.pure
def test_an_inch_is_96_pixels_72_points_and_25_4_millimetres() -> None:
    assert pt_to_px(72) == 96
    assert px_to_pt(96) == 72
    assert mm_to_px(25.4) == pytest.approx(96)
    assert mm_to_pt(25.4) == pytest.approx(72)
    assert pt_to_mm(72) == pytest.approx(25.4)
    # A4, as WeasyPrint sizes it.
    assert (mm_to_pt(210), mm_to_pt(297)) == pytest.approx((595.28, 841.89), abs=0.01)


@pytest.mark.pure
def test_a_whole_size_comes_back_exactly_from_the_other_unit() -> None:
    """Each conversion rounds once: through a rounded 4/3, 14pt came back as 13.999999999999998pt."""
    assert [size for size in range(1, 401) if px_to_pt(pt_to_px(size)) != size] == []
    assert [size for size in range(1, 401) if pt_to_px(px_to_pt(size)) != size] == []
