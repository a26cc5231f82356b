"""Comparing runs: the baseline file and the diff against a git revision."""
