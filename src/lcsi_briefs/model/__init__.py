"""The pack: its types, YAML reading with positions, validation and problems."""
