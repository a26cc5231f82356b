"""Reading one org file safely: bytes, UTF-8, forbidden characters, line/column maths.

Nothing here follows symlinks, blocks on FIFOs, or reads more than the size limit.
"""

from __future__ import annotations

import codecs
import os
import stat
from bisect import bisect_right
from dataclasses import dataclass

from orgspec.escape import INVISIBLE, NONCHARACTERS, is_text_joiner
from orgspec.han import is_han
from orgspec.i18n import M
from orgspec.lazyre import lazy

MAX_FILE_BYTES = 1024 * 1024

# Characters that break the line/column maths or the parser: C0 (but tab, LF, CR), DEL, C1,
# lone surrogates, YAML 1.1 line breaks that editors do not count (U+2028/9), and a CR not
# followed by LF (PyYAML's lines would drift from everybody else's). A file holding one is not
# parsed.
STRUCTURAL_RAW = lazy(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]|\r(?!\n)"
)
# The above plus the invisible format characters (bidi overrides - Trojan Source - zero-width,
# a BOM after the start). These are findings where they stand, but the file is still read; a
# ZWJ/ZWNJ inside an emoji or a joining script is text (escape.is_text_joiner).
FORBIDDEN_RAW = lazy(STRUCTURAL_RAW.pattern + "|" + INVISIBLE.pattern)
# The same set for decoded scalar values, where an escaped "\e" or "\n" is legal YAML;
# newlines and tabs are fine in a value (block scalars), the rest never is.
FORBIDDEN_VALUE = lazy(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029"
    "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff" + NONCHARACTERS + "]"
)



def without_hidden(text: str) -> str:
    """`text` without the characters the loader reports in a value (IN003: control, bidi and
    invisible characters, `FORBIDDEN_VALUE`, but the joiners that belong to an emoji or a
    word). Read so where a value is matched rather than shown (an id, a reference, a kind, a
    zone): `id: "kefu\\u200b-ops"` is one mistake, said by IN003, not also an id that is no
    slug or a reference to nothing."""
    if not FORBIDDEN_VALUE.search(text):
        return text
    return "".join(ch for i, ch in enumerate(text)
                   if not FORBIDDEN_VALUE.match(ch) or is_text_joiner(text, i))

def _maybe(*classes: str) -> str:
    """One class holding the members of `classes` below U+10000 and every character above:
    a superset that sre searches 5x faster on 3 MB of Chinese text (it checks a class
    listing single astral code points, the noncharacters U+1FFFE..., member by member).
    Where the superset finds nothing, so does the exact pattern."""
    bmp = "".join(c for cls in classes for c in cls.strip("[]") if ord(c) <= 0xFFFF)
    return f"[{bmp}\U00010000-\U0010ffff]"


# A lone CR is looked for apart (`maybe_forbidden`): an alternation beside the class made
# sre try both at every character, 2x slower on 3 MB of org files.
MAYBE_FORBIDDEN_RAW = lazy(_maybe(STRUCTURAL_RAW.pattern.split("|")[0], INVISIBLE.pattern))
MAYBE_FORBIDDEN_VALUE = lazy(_maybe(FORBIDDEN_VALUE.pattern))
_LONE_CR = lazy("\r(?!\n)")


def maybe_forbidden(text: str) -> bool:
    """False when `text` holds no character `scan_forbidden` could report, and none that
    `MAYBE_FORBIDDEN_VALUE` finds (a subset of `MAYBE_FORBIDDEN_RAW`'s); True may be wrong
    (a superset)."""
    return MAYBE_FORBIDDEN_RAW.search(text) is not None or \
        ("\r" in text and _LONE_CR.search(text) is not None)


class SourceError(Exception):
    """A file could not be read or decoded; carries a finding code and a position."""

    def __init__(self, code: str, message: str, line: int = 1, col: int = 1, hint: str = "",
                 text: str = ""):
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint
        self.text = text  # the file read in the encoding it looks like, "" when none fits


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file without following a final symlink or blocking on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SourceError("IN013", M("cannot read file: {why}", why=exc.strerror or str(exc))) \
            from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError("IN012", M("not a regular file (FIFO, device or socket); skipped"))
        if st.st_size > limit:
            raise SourceError("IN008", M("file is {size} bytes; the limit is {limit}",
                                        size=st.st_size, limit=limit))
        data = _read_all(fd, limit + 1, st.st_size)
        if len(data) > limit:
            raise SourceError("IN008", M("file is larger than the limit of {limit} bytes",
                                        limit=limit))
        return data
    finally:
        os.close(fd)


def _read_all(fd: int, most: int, size: int = 1 << 20) -> bytes:
    """Up to `most` bytes, to the end of the file; `size` is what fstat says it holds: each
    read asks for about that much (a read of 1 MiB allocates 1 MiB, whatever the file's
    size: 5,000 small files took 0.25 s CPU, 0.1 s so)."""
    chunks = []
    left = most
    step = min(1 << 20, max(1 << 16, size + 1))
    while left > 0:
        ask = min(left, step)
        chunk = os.read(fd, ask)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
        if len(chunk) < ask and most - left == size:
            break  # all fstat said, in a short read: the end (no read of 0 bytes to say so)
    return b"".join(chunks)


def decode(raw: bytes) -> str:
    """Decode strict UTF-8 (an initial BOM is dropped); refuse UTF-16/32 and bad bytes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:4] in (b"\x00\x00\xfe\xff",):
        codec = "utf-32" if raw[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00") else \
            "utf-16"
        raise SourceError("IN002", M("file is UTF-16 or UTF-32; save it as UTF-8"),
                          hint=M("git, GitHub and editors all assume UTF-8"),
                          text=raw.decode(codec, "replace"))
    order = bomless_utf16(raw)
    if order is not None:
        raise SourceError("IN002", M("file is UTF-16 without a byte order mark; save it as "
                                     "UTF-8"),
                          hint=M("git, GitHub and editors all assume UTF-8"),
                          text=raw.decode(order, "replace"))
    body = raw.removeprefix(b"\xef\xbb\xbf")  # positions count from after it, as elsewhere
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(body, exc.start)
        bad = body[exc.start:exc.start + 1].hex()
        legacy = legacy_encoding(body)
        hint = M("it looks like {encoding}: save the file as UTF-8 (orgspec reads only UTF-8)",
                 encoding=legacy) if legacy else \
            M("save the file as UTF-8 (Big5, GBK and Latin-1 are not read)")
        raise SourceError("IN002", M("invalid UTF-8 byte 0x{byte}", byte=bad), line, col,
                          hint=hint, text=legacy_text(body, legacy)) from None


def bomless_utf16(raw: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when `raw` is UTF-16 without a byte order mark, else None.
    An org file's keys, newlines and spaces are ASCII, which UTF-16 writes with a NUL byte
    beside each (after it little-endian, before it big-endian); UTF-8 has NULs only as a
    stray control character. So: a NUL at a third or more of the pairs on one side, a tenth
    of that or fewer on the other, and the first 4 KiB decode. O(4 KiB)."""
    head = raw[:4096]
    if b"\x00" not in head or len(head) < 4:
        return None
    head = head[:len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    for nuls, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls * 3 >= pairs and other * 10 <= nuls:
            try:  # not final: a surrogate pair may be cut at 4 KiB
                codecs.getincrementaldecoder(codec)().decode(head, final=len(raw) == len(head))
            except UnicodeDecodeError:
                continue  # not UTF-16: said as what UTF-8 says of it
            return codec
    return None


# Characters org files use most, in both scripts: text decoded with the right legacy encoding
# is mostly these; decoded with the wrong one it is rare characters.
_COMMON = frozenset("的一是在不了有和人中大上个個为為们們部门門团團队隊客服务務运運营營技术術产"
                    "產品销銷售商理管经經总總监監主任员員工作负負责責职職位岗崗流程处處会會议議"
                    "周週日月年目标標关關键鍵结結果户戶长長物财財仓倉采採购購市场場牌设設计計开"
                    "開发發测測试試数數据據安全质質量系统統平台臺支付订訂单單退换換货貨投诉訴反"
                    "馈饋用名称稱成功能体體验驗新事行政法公司内內外组組织織每天时時间間小分钟鐘")


_CODECS = {"Big5": ("cp950", "big5hkscs"), "GBK": ("gb18030",)}


def legacy_encoding(raw: bytes) -> str | None:
    """`Big5` or `GBK` when `raw` (not UTF-8) reads as Chinese in that encoding (its Chinese
    characters common ones at least `_SHARE` of the time, three of them at least, and at
    least twice as often as in the other), else None. Big5 is what Taiwanese and Hong Kong
    Windows save (cp950, or Big5-HKSCS with Hong Kong's characters: 李家堃); GBK (GB18030)
    mainland Chinese ones."""
    scores = {}
    head = raw[:20_000]
    for name in _CODECS:
        text = legacy_text(head, name, strict=True, cut=len(head) < len(raw))
        han = [c for c in text if is_han(c)]
        common = sum(c in _COMMON for c in han)
        scores[name] = common / len(han) if common >= 3 else 0.0
    best = max(scores, key=scores.__getitem__, default=None)
    if best is None or scores[best] < _SHARE or \
            any(v >= scores[best] * 0.5 for k, v in scores.items() if k != best):
        return None
    return best


# A file read in the right encoding has this share of common characters or more (0.19 to 0.6
# in benchmarks/legacy_encoding.py's tune part; the trial's Big5 team files 0.26 to 0.32,
# under the 0.3 this was); in the wrong one 0 to 0.16, and half the right one's or less.
_SHARE = 0.1


def legacy_text(raw: bytes, encoding: str | None, strict: bool = False,
                cut: bool = False) -> str:
    """`raw` read in `encoding` (a `legacy_encoding` name; Big5 as cp950, else as Big5-HKSCS
    when cp950 cannot read it; undecodable bytes replaced, or "" when `strict`), "" for
    None: what the file says, for the language its findings are said in. `cut`: `raw` is
    the start of a file, which may end inside a character."""
    if not encoding:
        return ""
    names = _CODECS[encoding]
    for codec in names:
        try:
            return codecs.getincrementaldecoder(codec)().decode(raw, final=not cut)
        except UnicodeDecodeError:
            continue
    return "" if strict else raw.decode(names[-1], "replace")


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    col = len(raw[start:offset].decode("utf-8", "replace")) + 1
    return line, col


class LineIndex:
    """Maps a code-point offset to a 1-based (line, column), counting `\\n` only."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    @property
    def line_count(self) -> int:
        return len(self.starts)


@dataclass(frozen=True)
class BadChar:
    """A forbidden character found in the raw text; `structural` ones stop the file's parse."""

    line: int
    col: int
    char: str
    structural: bool = True

    def describe(self) -> str:
        if self.char == "\r":
            return M("a carriage return without a line feed")
        return M("the control or invisible character U+{code:04X}", code=ord(self.char))


def scan_forbidden(text: str, most: int = 20) -> list[BadChar]:
    """The first `most` forbidden characters in `text`, with their positions. Joiners that
    belong to an emoji or a word (escape.is_text_joiner) are not forbidden."""
    hits: list[BadChar] = []
    if not maybe_forbidden(text):
        return hits
    index: LineIndex | None = None
    for m in FORBIDDEN_RAW.finditer(text):
        char = m.group()[0]
        if is_text_joiner(text, m.start()):
            continue
        index = index or LineIndex(text)
        line, col = index.position(m.start())
        hits.append(BadChar(line, col, char, not INVISIBLE.match(char)))
        if len(hits) >= most:
            break
    return hits
