"""Org-level checks. Each is a function `check(org) -> Iterable[Issue]`; the linter stamps them."""
