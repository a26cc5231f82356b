"""The report error, apart from the renderer so catching it imports nothing heavy."""

from __future__ import annotations


class ReportError(Exception):
    """A template that cannot be rendered or whose CSS or JS cannot be inlined safely."""
