"""The Sphinx glue: the extension, its settings, directives and generated pages' helpers."""
