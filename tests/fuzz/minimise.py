"""Shrink a crashing input while it still crashes at the same site (delta debugging)."""

from __future__ import annotations

from collections.abc import Callable

from tests.fuzz.harness import Files, Outcome, run_input


def replay(files: Files, options: dict[str, str]) -> Outcome:
    """Run `files` as they were found: through an importer (`options["import"]`) or through
    the whole surface with run_input's options."""
    if "import" in options:
        from tests.fuzz.adopt import run_import

        return run_import(options["import"], files)
    return run_input(files, **options)


def same_site(site: str, **options: str) -> Callable[[Files], bool]:
    def crashes(files: Files) -> bool:
        crash = replay(files, options).crash
        return crash is not None and crash.site == site
    return crashes


def minimise(files: Files, crashes: Callable[[Files], bool], budget: int = 250) -> Files:
    """The smallest input found within `budget` tries: fewer files, then fewer lines, then
    fewer bytes, each removal kept only when `crashes` still holds."""
    tries = [0]

    def test(candidate: Files) -> bool:
        if tries[0] >= budget:
            return False
        tries[0] += 1
        return crashes(candidate)

    current = dict(files)
    for name in sorted(current):
        if len(current) > 1:
            smaller = {k: v for k, v in current.items() if k != name}
            if test(smaller):
                current = smaller
    for name in sorted(current):
        for unit in (b"\n", None):
            parts = _split(current[name], unit)
            parts = _ddmin(parts, lambda ps, n=name, u=unit: test(
                {**current, n: _join(ps, u)}))
            current[name] = _join(parts, unit)
    return current


def _split(data: bytes, unit: bytes | None) -> list[bytes]:
    if unit is None:
        return [data[i:i + 1] for i in range(len(data))]
    return [line + b"\n" for line in data.split(b"\n")]


def _join(parts: list[bytes], unit: bytes | None) -> bytes:
    data = b"".join(parts)
    return data[:-1] if unit is not None and data.endswith(b"\n") else data


def _ddmin(parts: list[bytes], test: Callable[[list[bytes]], bool]) -> list[bytes]:
    """Zeller's ddmin, complements only: drop chunks of halving size while the test holds."""
    n = 2
    while len(parts) >= 2:
        size = max(1, len(parts) // n)
        reduced = False
        for start in range(0, len(parts), size):
            rest = parts[:start] + parts[start + size:]
            if rest and test(rest):
                parts, n, reduced = rest, max(n - 1, 2), True
                break
        if not reduced:
            if size == 1:
                break
            n = min(len(parts), n * 2)
    return parts
