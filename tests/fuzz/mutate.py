"""Byte-level fuzzing: mutations of the bundled example orgs, the rule examples and the
hostile-input catalogue.

Every input is a pure function of (seed, index), so a failing case re-runs exactly.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from tests.fuzz.harness import Files

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "fixtures" / "hostile"

# YAML syntax and values that confuse types: inserted at random places.
TOKENS = [
    b"- ", b": ", b"[", b"]", b"{", b"}", b",", b"? ", b"&a ", b"*a", b"!!int ", b"!!str ",
    b"!!python/object:os.system ", b"<<: ", b"|", b">-", b"'", b'"', b"#", b"~", b"null",
    b"---\n", b"...\n", b"%YAML 1.1\n", b"\t", b"\r", b"\r\n", b"\n", b"  ", b"\n  - ",
    b"kind: ", b"id: ", b"Team", b"Person", b"Responsibility", b"Objective", b"Process",
    b"[Team]", b"{Team: 1}", b"{a: [b, {c: d}]}", b"[]", b"{}", b"''", b"- - -",
    b"99999999999999999999999999", b"-1", b"1e400", b".nan", b"0x1F", b"0755", b"NO", b"yes",
    b"2024-13-45", b"2026-02-29", b"12:30", b"2026-Q5", b"\xef\xbc\x9a", b"\xef\xbc\x8c",
    b"\xe3\x80\x80", b"\xe7\xa0\x94\xe5\x8f\x91\xe9\x83\xa8", b"\xf0\x9f\x99\x82",
    b"\xe2\x80\xae", b"\xe2\x80\x8b", b"\xef\xbb\xbf", b"\x00", b"\x1b[31m", b"\xff", b"\xc3",
    b"\\u202e", b"\\x00", b"TBD", b"\xe5\xbe\x85\xe5\xae\x9a", b"members", b"parent: ",
    b"accountable: ", b"next: ", b"owner: ", b"aligns_to: ", b"key_results:\n  - ",
    b"steps:\n  - ", b"responsibilities:\n  - ", b"# orgspec: ignore[", b"# orgspec: ignore-file",
]
# ASCII punctuation an IME types full-width.
FULL_WIDTH = {b":": "：".encode(), b",": "，".encode(), b"-": "－".encode(),
              b"[": "［".encode(), b"]": "］".encode(), b" ": "　".encode(),
              b"'": "‘".encode(), b'"': "“".encode(), b"#": "＃".encode()}


def corpus() -> list[Files]:
    """The seed orgs: each example org whole, and each rule example file on its own."""
    orgs: list[Files] = []
    for folder in sorted((REPO / "examples").iterdir()):
        if folder.is_dir():
            orgs.append({str(p.relative_to(folder)): p.read_bytes()
                         for p in sorted(folder.rglob("*.yaml")) if p.is_file()})
    for path in sorted((REPO / "rules" / "examples").rglob("*.yaml")):
        orgs.append({path.name: path.read_bytes()})
    for folder in sorted(HOSTILE.iterdir()):  # the hand-written catalogue, mutated further
        orgs.append({str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
                     if p.is_file() and p.name != "expected.json"})
    return [o for o in orgs if o]


def _insert(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice(TOKENS) + data[at:]


def _delete(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, min(40, len(data) - at)):]


def _flip(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]


def _splice(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    other = rng.choice(pool)
    if not other:
        return data
    a = rng.randrange(len(other))
    piece = other[a:a + rng.randint(1, 200)]
    at = rng.randint(0, len(data))
    return data[:at] + piece + data[at:]


def _full_width(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    key = rng.choice(list(FULL_WIDTH))
    spots = [i for i in range(len(data)) if data[i:i + 1] == key]
    if not spots:
        return data
    at = rng.choice(spots)
    return data[:at] + FULL_WIDTH[key] + data[at + 1:]


def _lines(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Duplicate, drop, swap, indent or dedent a line."""
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    op = rng.randrange(5)
    if op == 0:
        lines.insert(j, lines[i])
    elif op == 1:
        del lines[i]
    elif op == 2:
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:
        lines[i] = b"  " + lines[i]
    else:
        lines[i] = lines[i][2:] if lines[i].startswith(b"  ") else lines[i].lstrip()
    return b"\n".join(lines)


def _retype(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Replace the value after a `key: ` with a list, a mapping, a null or junk."""
    lines = data.split(b"\n")
    spots = [i for i, line in enumerate(lines) if b": " in line]
    if not spots:
        return data
    i = rng.choice(spots)
    key, _, value = lines[i].partition(b": ")
    new = rng.choice([b"[" + value + b"]", b"{" + value + b": 1}", b"", b"~", b"[]", b"{}",
                      b"[[" + value + b"]]", b"{a: {b: [c]}}", b"- " + value, b"99" * 40,
                      b"\"" + value + b"\\u0000\"", b"2026-01-01", b"[x, x, x]"])
    lines[i] = key + b": " + new
    return b"\n".join(lines)


def _bom(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    return rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xef\xbb\xbf\xef\xbb\xbf"]) + data


MUTATORS: list[Callable[[random.Random, bytes, list[bytes]], bytes]] = [
    _insert, _insert, _delete, _flip, _splice, _full_width, _lines, _lines, _retype, _retype,
    _retype, _bom,
]


def generate(seed: int, index: int, seeds: list[Files] | None = None) -> Files:
    """Input number `index` of the run with `seed`: a seed org with 1-8 mutations."""
    rng = random.Random(f"{seed}:{index}")
    orgs = seeds if seeds is not None else CORPUS
    files = dict(rng.choice(orgs))
    pool = [data for org in orgs[:3] for data in org.values()] + list(files.values())
    names = sorted(files)
    for _ in range(rng.randint(1, 8)):
        name = rng.choice(names)
        files[name] = rng.choice(MUTATORS)(rng, files[name], pool)
    if rng.random() < 0.05:  # a file of its own, spliced from another org
        files["extra.yaml"] = rng.choice(pool)
    if rng.random() < 0.05:  # a hostile name (not UTF-8: \udcXX is how Python holds a raw byte)
        name = rng.choice(names)
        files[rng.choice(NAMES) + name.rsplit("/", 1)[-1]] = files.pop(name)
    return files


NAMES = ["\udcff", "\udcc3(", "\u202e", "\x1b[31m", "a b ", "[x](y)", "<b>", "#", "%0A",
         "::error::", "深/"]


CORPUS = corpus()
