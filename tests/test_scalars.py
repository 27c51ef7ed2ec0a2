"""A character inside a value is placed where the file writes it, in every style YAML writes values.

Values are written by PyYAML's own emitter in each style it may choose (double-quoted with its
escapes, single-quoted with doubled quotation marks, plain, literal and folded blocks, folded at
a narrow width so long values span lines), then read back: every visible character of the value
must land on that character in the file, or on the backslash of the escape that stands for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcsi_briefs.model.scalars import file_index
from lcsi_briefs.model.yaml_reader import read_yaml

#: What a pack may hold: no controls, surrogates or the line breaks editors cannot see.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029\ufeff")
    | st.sampled_from("\n\t \\\"'#:-"),
    max_size=60,
)


@pytest.mark.pure
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_TEXT, style=st.sampled_from(['"', "'", None, "|", ">"]))
def test_every_visible_character_is_placed_on_itself_in_the_file(tmp_path: Path, value: str, style: str | None) -> None:
    path = tmp_path / "value.yaml"
    path.write_text(yaml.safe_dump({"key": value}, default_style=style, width=20, allow_unicode=True), encoding="utf-8")
    document = read_yaml(path)
    assert document.data == {"key": value}
    scalar = document.scalars[("key",)]
    for offset, char in enumerate(value):
        if char.isspace():
            continue
        index = file_index(document.text, scalar, value, offset)
        assert document.text[index] == char or (scalar.style == '"' and document.text[index] == "\\"), (offset, char)
