"""The fast supersets that guard the forbidden-character scans (`MAYBE_FORBIDDEN_RAW`,
`MAYBE_FORBIDDEN_VALUE`) never miss a character that the exact patterns find, so a text or
value they pass is clean; `scan_forbidden` finds what the exact scan finds."""

from __future__ import annotations

import random

from orgspec.escape import is_text_joiner
from orgspec.load.source import (
    FORBIDDEN_RAW,
    FORBIDDEN_VALUE,
    INVISIBLE,
    MAYBE_FORBIDDEN_RAW,
    MAYBE_FORBIDDEN_VALUE,
    LineIndex,
    maybe_forbidden,
    scan_forbidden,
)

# every character either pattern names, their neighbours, and ordinary text around them
_SPECIAL = [chr(c) for c in range(0x00, 0xA1)] + \
    [chr(c) for c in (0x200A, 0x200B, 0x200C, 0x200D, 0x200F, 0x2010, 0x2028, 0x2029, 0x202A,
                      0x202E, 0x202F, 0x205F, 0x2060, 0x2064, 0x2065, 0x2066, 0x2069, 0x206A,
                      0xD800, 0xDFFF, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFEFF, 0xFFFD, 0xFFFE,
                      0xFFFF)] + \
    [chr(p * 0x10000 + low) for p in range(1, 17) for low in (0xFFFD, 0xFFFE, 0xFFFF)] + \
    ["\U0001F680", "\U0001F3FB", "\U00020000", "\ufe0f", "退", "款", "，", "a", " ", "\n", "\r"]


def _exact_scan(text: str) -> list[tuple[int, int, str, bool]]:
    index = LineIndex(text)
    return [(*index.position(m.start()), m.group()[0], not INVISIBLE.match(m.group()[0]))
            for m in FORBIDDEN_RAW.finditer(text) if not is_text_joiner(text, m.start())][:20]


def test_the_supersets_find_every_forbidden_character() -> None:
    for ch in map(chr, [*range(0x0, 0x3000), *range(0xD7F0, 0x10000),
                        *(p * 0x10000 + low for p in range(1, 17)
                          for low in range(0xFFF0, 0x10000))]):
        for text in (ch, f"a{ch}b", f"{ch}\n", f"退{ch}"):
            if FORBIDDEN_RAW.search(text):
                assert maybe_forbidden(text), hex(ord(ch))
            if FORBIDDEN_VALUE.search(text):
                assert MAYBE_FORBIDDEN_VALUE.search(text), hex(ord(ch))
                # a parse told the text is clean skips the values' search (`parse(clean=)`)
                assert MAYBE_FORBIDDEN_RAW.search(text), hex(ord(ch))
    assert not maybe_forbidden("退款 refund\r\n，审核\n")
    assert maybe_forbidden("a\rb") and not maybe_forbidden("a\r\nb")


def test_scan_forbidden_finds_what_the_exact_scan_finds() -> None:
    rng = random.Random(20)
    for _ in range(3000):
        text = "".join(rng.choice(_SPECIAL) if rng.random() < 0.2 else rng.choice("退款ab \n")
                       for _ in range(rng.randint(0, 30)))
        got = [(b.line, b.col, b.char, b.structural) for b in scan_forbidden(text)]
        assert got == _exact_scan(text), repr(text)


def test_a_clean_text_still_finds_escaped_characters() -> None:
    from orgspec.load.loader import load_bytes

    raw = load_bytes("t.yaml", b'kind: Team\nid: a\nname: "x\\u202ey"\nmission: plain\n')
    assert [(i.code, i.location.line) for i in raw.issues] == [("IN003", 3)]
    assert raw.entities[0].data["name"] == "x\u202ey"
    clean = load_bytes("t.yaml", b"kind: Team\nid: a\nname: 'x y'\n")
    assert clean.issues == [] and clean.entities[0].data["name"] == "x y"
