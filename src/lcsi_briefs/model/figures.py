"""Numbers in a pack: key figures, charts and tables, checked as editors write them so the
outputs can format them in the pack's language."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lcsi_briefs.model.fields import Identifier, Line, Strict, Text, _check_line
from lcsi_briefs.model.problems import describe
from lcsi_briefs.text.formatter import NUMBER_PATTERN

# --- Numbers: key figures, charts, tables and how the research was done ----------------------

#: A ratio, "2:1" or "1:3.5".
RATIO_PATTERN = r"^[0-9]+(?:\.[0-9]+)?:[0-9]+(?:\.[0-9]+)?$"
_NUMBER_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_PATTERN}]}


def _number_text(value: object) -> object:
    """YAML reads ``1214`` as a number and ``"1214"`` as text: keep both, as text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return value.strip() if isinstance(value, str) else value


#: The outputs format numbers with Python's decimal arithmetic (through Babel), which keeps 28
#: significant digits: a longer number crashed the build. A research figure needs no more than
#: a spreadsheet keeps, so a number may have 15 significant digits and 10 decimal places.
MAX_DIGITS = 15
MAX_DECIMALS = 10


def _check_digits(value: str) -> str:
    """Refuse a number too long to format (see :data:`MAX_DIGITS`); each side of a ratio alike."""
    for number in value.split(":"):
        whole, _, decimals = number.lstrip("-").partition(".")
        significant = (whole + decimals).lstrip("0")
        if len(significant) > MAX_DIGITS:
            raise ValueError(
                f"a number of at most {MAX_DIGITS} significant digits, found {len(significant)} in {describe(value)}"
            )
        if len(decimals) > MAX_DECIMALS:
            raise ValueError(
                f"a number of at most {MAX_DECIMALS} decimal places, found {len(decimals)} in {describe(value)}"
            )
    return value


def _check_number(value: str) -> str:
    if not re.match(NUMBER_PATTERN, value):
        raise ValueError(
            f"a number written with digits and an optional decimal point, such as 1214 or 3.2, found {value!r}"
        )
    # Fifteen significant digits at most: no value reaches 1e15, beyond which it is a slip of the keyboard.
    return _check_digits(value)


def _check_figure_value(value: str) -> str:
    if not (re.match(NUMBER_PATTERN, value) or re.match(RATIO_PATTERN, value)):
        raise ValueError(
            "a number written with digits and an optional decimal point, such as 1214 or 31.5 "
            f"(no separators or symbols), or a ratio such as 2:1, found {value!r}"
        )
    return _check_digits(value)


def _check_cell(value: str) -> str:
    """A cell is one line; one written as a plain number is formatted, so it must be one that can be."""
    _check_line(value)
    return _check_digits(value) if re.match(NUMBER_PATTERN, value) else value


Number = Annotated[
    str,
    BeforeValidator(_number_text),
    AfterValidator(_check_number),
    WithJsonSchema(_NUMBER_SCHEMA),
]
FigureValue = Annotated[
    str,
    BeforeValidator(_number_text),
    AfterValidator(_check_figure_value),
    WithJsonSchema({"anyOf": [*_NUMBER_SCHEMA["anyOf"], {"type": "string", "pattern": RATIO_PATTERN}]}),
]
#: A heading or category: numbers (a year, say) are kept exactly as written.
Label = Annotated[
    str,
    BeforeValidator(_number_text),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_check_line),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "minLength": 1, "maxLength": 300}]}),
]
#: A table cell: a plain number gets the language's separators in print; other text stays as written.
#: The longest category name a chart prints beside a bar or under a line.
CATEGORY_LENGTH = 80


def _check_category(value: str) -> str:
    if len(value) > CATEGORY_LENGTH:
        raise ValueError(
            f"at most {CATEGORY_LENGTH} characters in a category, found {len(value)} (it is printed on the chart: "
            "shorten it and say more in the title or summary)"
        )
    return value


Category = Annotated[
    Label,
    AfterValidator(_check_category),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "minLength": 1, "maxLength": CATEGORY_LENGTH}]}),
]
Cell = Annotated[
    str,
    BeforeValidator(_number_text),
    StringConstraints(strip_whitespace=True, max_length=300),
    AfterValidator(_check_cell),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "maxLength": 300}]}),
]
CurrencyCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="A three-letter ISO 4217 currency code, e.g. GBP or EUR.", examples=["GBP"]),
]
#: How a value reads: a count ("1,214"), a per cent ("31%"), money ("£3.2M") or a ratio ("2:1").
NumberFormat = Literal["count", "percent", "money", "ratio"]


class _Formatted(Strict):
    """The format fields shared by figures and charts."""

    format: NumberFormat = Field(default="count", description="count, percent, money or ratio.")
    currency: CurrencyCode | None = Field(default=None, description="For money: the currency, e.g. GBP.")
    compact: bool = Field(
        default=False, description="Write a million or more short, to three figures: £18.8m for 18750000."
    )
    signed: bool = Field(default=False, description="A change: always written with its sign, +1.2% or \u22120.4%.")

    @model_validator(mode="after")
    def _currency_with_money(self) -> _Formatted:
        if self.format == "money" and self.currency is None:
            raise ValueError("a currency (e.g. currency: GBP) for money, found none")
        if self.format != "money" and self.currency is not None:
            raise ValueError(f"a currency only with format: money, found format: {self.format}")
        return self


class KeyFigure(_Formatted):
    """A number a reader can find at a glance, with what it counts and where it comes from."""

    value: FigureValue = Field(description="The number, without separators or symbols: 1214, 31.5, 3200000, 2:1.")
    label: Line = Field(description="What it counts, e.g. 'organisations in the survey sample'.")
    base: Line | None = Field(default=None, description="What it is out of, e.g. 'of 1,214 groups'.")
    period: Line | None = Field(default=None, description="The year or period it covers, e.g. '2024'.")
    about: Literal["finding", "evidence"] = Field(
        default="finding",
        description=(
            "'finding' for a number that measures the finding; 'evidence' for one that counts the evidence "
            "behind it (items reviewed, organisations surveyed), printed under 'About the evidence'."
        ),
    )
    source: Identifier = Field(description="The id of the source it comes from.")
    location: Line | None = Field(default=None, description="Where in the source: a page, table or section.")

    @model_validator(mode="after")
    def _ratio_matches(self) -> KeyFigure:
        is_ratio = ":" in self.value
        if is_ratio != (self.format == "ratio"):
            expected = "format: ratio for a value written 2:1" if is_ratio else "a plain number for this format"
            raise ValueError(f"{expected}, found value {self.value!r} with format: {self.format}")
        return self


class ChartSeries(Strict):
    """One set of values, one per category: one bar colour or one line."""

    name: Line = Field(description="What the values are, printed beside them, e.g. '2024'.")
    values: list[Number] = Field(min_length=1, description="One number per category, in the same order.")


#: The error type of a series whose length differs from its chart's categories.
SERIES_LENGTH = "series_length"


class Chart(_Formatted):
    """A small bar or line chart drawn from values in the pack, always with its data table."""

    title: Line = Field(description="The chart's message, as a headline: 'Costs rose every year'.")
    subtitle: Line | None = Field(
        default=None,
        description="What is measured, where, when and in what unit: 'Median yearly costs, England, 2021 to 2025, £'.",
    )
    kind: Literal["bar", "stacked-bar", "line"] = Field(
        default="bar",
        description="bar (horizontal bars, grouped when there are several series), stacked-bar or line.",
    )
    category_label: Line = Field(description="What the categories are, e.g. 'Region' or 'Year'.")
    categories: list[Category] = Field(
        min_length=1, max_length=40, description="The bars, or the points along a line (80 characters each at most)."
    )
    series: list[ChartSeries] = Field(min_length=1, max_length=6)
    summary: Text | None = Field(
        default=None, description="What the chart shows, in words; written from the data when left out."
    )
    source: Identifier = Field(description="The id of the source the values come from.")
    location: Line | None = Field(default=None, description="Where in the source: a page, table or section.")

    @model_validator(mode="after")
    def _one_value_per_category(self) -> Chart:
        # Its own error type: validate reports it from the raw data instead (model/figure_checks.py),
        # at the line of the values, with a hint when a comma split a category.
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise PydanticCustomError(
                    SERIES_LENGTH,
                    "one value per category in each series ({categories}), found {values} in series {name!r}",
                    {"categories": len(self.categories), "values": len(series.values), "name": series.name},
                )
        if self.kind == "line" and len(self.categories) < 2:
            raise ValueError("at least two categories for a line chart, found one")
        return self


#: A table is read on a page and printed in every edition that cites its finding: past a few
#: hundred rows it is a data set, not a table, and a 12 x 5,000 one took a build ten minutes.
MAX_ROWS = 200
MAX_CELLS = 2_000


class DataTable(Strict):
    """A small table: a header row, optional row headers, and the source of its values."""

    title: Line = Field(description="What the table shows: its caption.")
    columns: list[Label] = Field(min_length=1, max_length=12, description="The header row.")
    rows: list[list[Cell]] = Field(
        min_length=1, max_length=MAX_ROWS, description=f"Each row: one cell per column; at most {MAX_ROWS} rows."
    )
    row_headers: bool = Field(default=False, description="Whether each row's first cell names the row.")
    unit: Line | None = Field(default=None, description="What the numbers are, e.g. 'per cent of groups'.")
    source: Identifier = Field(description="The id of the source the values come from.")
    location: Line | None = Field(default=None, description="Where in the source: a page, table or section.")

    @model_validator(mode="after")
    def _one_cell_per_column(self) -> DataTable:
        cells = len(self.rows) * len(self.columns)
        if cells > MAX_CELLS:
            raise ValueError(
                f"a table of at most {MAX_CELLS:,} cells (rows times columns), found {cells:,}; "
                "split it, or give the full data in the source"
            )
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"one cell per column ({len(self.columns)}) in each row, found {len(row)} in row {number}"
                )
        return self
