"""Words a reader meets: the message catalogue, paragraphs, numbers, first use."""
