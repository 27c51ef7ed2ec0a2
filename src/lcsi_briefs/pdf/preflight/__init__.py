"""Preflight: measure every PDF as a publisher's preflight would, while it is being made.

The measures run inside the render, on the layout WeasyPrint has already computed (the boxes
of ``Document.pages``) and on the structure tree just before it is written, rather than on the
written PDF read back. That costs one walk over boxes already in memory instead of parsing
every PDF again, and it is exact: each box knows its HTML element (so a problem can name the
part of the pack it prints), its computed style (so a size or an italic is read, not guessed
from glyphs) and which page fragments belong to one element (so a table split over pages is
one table, not two). The build stores what it found beside the PDFs; ``lcsi-briefs preflight``
reads it back (see :mod:`lcsi_briefs.pdf.preflight.report`).
"""
