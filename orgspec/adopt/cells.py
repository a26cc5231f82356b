"""A spreadsheet cell's text kept from being read as a formula, and read back: what
`orgspec export` writes and `orgspec import roster` reads, defined once so that a round trip
gives every value back unchanged.

    csv_cell("=HYPERLINK(...)") == "'=HYPERLINK(...)"   # OWASP's CSV injection advice
    read_cell("'=HYPERLINK(...)") == "=HYPERLINK(...)"
"""

from __future__ import annotations

# What a spreadsheet may start a formula with (OWASP's CSV injection list; the full-width
# forms a Chinese IME types, which Excel also reads as formulas).
FORMULA = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def read_cell(text: str) -> str:
    """`text` without the `'` a spreadsheet (or `csv_cell`) puts before a formula's first
    character, or before such a `'` (`''=x` is `'=x`)."""
    return text[1:] if text[:1] == "'" and text[1:2] in (*FORMULA, "'") and text[1:] else text


def csv_cell(text: str) -> str:
    """`text` for a CSV cell: a `'` first when it starts with a formula character (not a
    lone `-` or `=`: no formula), or when `read_cell` would take a `'` off it."""
    if (text[:1] in FORMULA and len(text) > 1) or read_cell(text) != text:
        return "'" + text
    return text


def xlsx_cell(text: str) -> str:
    """`text` for an XLSX string cell (never read as a formula): a `'` first only when
    `read_cell` would take one off it (`'=x`)."""
    return "'" + text if read_cell(text) != text else text
