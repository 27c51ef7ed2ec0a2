"""Member organisations: their files, and the editions shared in their name."""
