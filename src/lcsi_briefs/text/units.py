"""The units printed lengths are given in, and the fixed ratios between them.

CSS fixes the inch at 96 pixels and 72 points, and an inch is 25.4 mm. WeasyPrint lays pages out
in CSS pixels, the charts are drawn in them, the stylesheets and the messages speak points and
millimetres: the model reads the page from the CSS, the pages size their charts to it, preflight
and the reader checks read WeasyPrint's boxes. Each ratio is written here once, in the lowest
layer, so those layers cannot come to disagree about it.
"""

from __future__ import annotations

from math import gcd

#: An inch in CSS pixels, in points and in millimetres.
PX_PER_INCH = 96
PT_PER_INCH = 72
MM_PER_INCH = 25.4
#: Points in a millimetre.
PT_PER_MM = PT_PER_INCH / MM_PER_INCH
#: CSS pixels in a millimetre.
PX_PER_MM = PX_PER_INCH / MM_PER_INCH
#: Points to pixels in lowest terms, 3 to 4: whole numbers, so that a conversion rounds once
#: (through a rounded 4/3, 14pt to pixels and back comes to 13.999999999999998pt).
_PT, _PX = PT_PER_INCH // gcd(PT_PER_INCH, PX_PER_INCH), PX_PER_INCH // gcd(PT_PER_INCH, PX_PER_INCH)


def px_to_pt(px: float) -> float:
    """A length in CSS pixels (WeasyPrint's unit), in points."""
    return px * _PT / _PX


def pt_to_px(pt: float) -> float:
    """A length in points, in CSS pixels."""
    return pt * _PX / _PT


def mm_to_pt(mm: float) -> float:
    """A length in millimetres (the paper's, a figure's margin), in points."""
    return mm * PT_PER_MM


def pt_to_mm(pt: float) -> float:
    """A length in points, in millimetres (how a message tells an editor how wide a thing is)."""
    return pt / PT_PER_MM


def mm_to_px(mm: float) -> float:
    """A length in millimetres, in CSS pixels."""
    return mm * PX_PER_MM
