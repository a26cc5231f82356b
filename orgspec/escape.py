"""Escaping user text for each output channel (terminal, workflow commands, Markdown, Mermaid,
XML), and telling text's own joiners from hidden characters.

The one escaping module: every output stage imports it from here, and the loader asks it
which invisible characters are findings. Zero-width joiners (U+200D) and non-joiners
(U+200C) are part of ordinary text inside an emoji sequence (👩‍💻 is 👩 U+200D 💻) and inside
scripts that shape letters by them (Persian `می‌خواهم`, Devanagari `क्‍ष`); everywhere else
they, and the other invisible or bidi-control characters, hide or reorder what a reader sees.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator

from orgspec.i18n.parts import said_parts
from orgspec.lazyre import lazy

_BREAKS = lazy("\r\n|[\r\n\x85\u2028\u2029]")

# Noncharacters (U+FDD0-FDEF, U+xFFFE/U+xFFFF of every plane) are "permanently reserved for
# internal use": XML 1.0 cannot carry U+FFFE/FFFF, and no reader should see any of them.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(p * 0x10000 + 0xFFFE) + chr(p * 0x10000 + 0xFFFF)
                                          for p in range(17))
# Invisible format characters: zero-width, bidi marks/embeddings/overrides/isolates (all
# twelve Bidi_Control characters: U+061C, the Arabic letter mark, too), word joiner and
# invisible operators, BOM; and the noncharacters a YAML parser accepts raw.
INVISIBLE = lazy("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
                 + NONCHARACTERS.replace("\ufffe\uffff", "") + "]")
HIDDEN = lazy("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
              "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff" + NONCHARACTERS + "]")
_JOINERS = "\u200c\u200d"
_EMOJI_TAIL = lazy("[\ufe0f\U0001f3fb-\U0001f3ff]")  # presentation selector, skin tones

# Scripts whose spelling uses ZWJ/ZWNJ (Unicode 15, chapter 23.2): a joiner between two
# characters of the same one of these ranges is text.
_JOINING_SCRIPTS = (
    (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
    (0x0700, 0x074F), (0x07C0, 0x07FF), (0x0900, 0x097F), (0x0980, 0x09FF), (0x0A00, 0x0A7F),
    (0x0A80, 0x0AFF), (0x0B00, 0x0B7F), (0x0B80, 0x0BFF), (0x0C00, 0x0C7F), (0x0C80, 0x0CFF),
    (0x0D00, 0x0D7F), (0x0D80, 0x0DFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x1800, 0x18AF),
)
_ARABIC = {0, 1, 2, 3, 4}  # the Arabic blocks above form one script


def _script(ch: str) -> int | None:
    cp = ord(ch)
    for i, (lo, hi) in enumerate(_JOINING_SCRIPTS):
        if lo <= cp <= hi:
            return 0 if i in _ARABIC else i
    return None


def _emoji(ch: str) -> bool:
    return ord(ch) >= 0x2000 and unicodedata.category(ch) == "So"


def is_text_joiner(text: str, i: int) -> bool:
    """True when `text[i]` is a ZWJ or ZWNJ that belongs to the text around it: a ZWJ between
    two emoji (after an optional U+FE0F or skin tone), or either joiner between two
    characters of one joining script (Arabic, Syriac, N'Ko, Indic, Myanmar, Khmer, Mongolian)."""
    ch = text[i]
    if ch not in _JOINERS or i == 0 or i + 1 >= len(text):
        return False
    before, after = text[i - 1], text[i + 1]
    if ch == "\u200d":
        j = i - 1
        while j > 0 and _EMOJI_TAIL.match(text[j]):
            j -= 1
        if _emoji(text[j]) and _emoji(after):
            return True
    script = _script(before)
    return script is not None and script == _script(after)


def hidden_chars(text: str) -> list[int]:
    """Offsets of the control, bidi and invisible characters of `text` that are not its own
    joiners (see is_text_joiner)."""
    return [m.start() for m in HIDDEN.finditer(text) if not is_text_joiner(text, m.start())]


def neutralise(text: str, replacement: str = "\ufffd") -> str:
    """`text` with every hidden character (see hidden_chars) replaced; joiners that are part
    of an emoji or a word stay."""
    if not HIDDEN.search(text):
        return text
    out = list(text)
    for i in hidden_chars(text):
        out[i] = replacement
    return "".join(out)


def escape_hidden(text: str) -> str:
    """`text` with every hidden character (see hidden_chars) written as its escape, `\\u202e`,
    `\\x1b`, as `tty_text` and SARIF show it: seen and inert; joiners that are part of an
    emoji or a word stay."""
    if not HIDDEN.search(text):
        return text
    out = list(text)
    for i in hidden_chars(text):
        out[i] = text[i].encode("unicode_escape").decode("ascii")
    return "".join(out)


def tty_text(value: str) -> str:
    """Replace newlines with ⏎ and control, bidi and invisible characters with escapes.
    A space people type (the IME's full-width U+3000, a no-break space: category Zs) is
    shown as it is, as the HTML outputs show it; `str.isprintable` counts it unprintable."""
    value = _BREAKS.sub("⏎", value)
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() or unicodedata.category(c) == "Zs"
                   or is_text_joiner(value, i)  # 👩‍💻, می‌خواهم: text, as in every output
                   else c.encode("unicode_escape").decode("ascii") for i, c in enumerate(value))


# Characters that hide, reorder or corrupt text when shown as they are: C0 and C1 controls
# (but tab and newline), bidi controls and overrides (Trojan Source), zero-width characters,
# lone surrogates and the noncharacters (U+FDD0-FDEF and U+xFFFE/U+xFFFF of every plane).
_HIDDEN = lazy("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
               "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff\ufdd0-\ufdef"
               + "".join(chr(p * 0x10000 + 0xFFFE) + chr(p * 0x10000 + 0xFFFF)
                         for p in range(17)) + "]")


def visible_text(value: str) -> str:
    """Show each hidden character as its code point, `[U+202E]`, so it is seen and inert
    (HTML: escaping markup leaves these characters working); a joiner that is part of an
    emoji or a word (`is_text_joiner`) is text and stays."""
    return _HIDDEN.sub(lambda m: m.group() if is_text_joiner(m.string, m.start())
                       else f"[U+{ord(m.group()):04X}]", value)


def gh_data(text: str) -> str:
    """GitHub workflow command data: `%`, CR and LF escaped (`%` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """GitHub workflow command property: data escaping plus `:` and `,`."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


def gh_file(path: str, runner: bool = True) -> str:
    """A path as a workflow command's `file=` property. GitHub's runner unescapes `%0D`,
    `%0A`, `%3A`, `%2C` and `%25` in a property and nothing else (actions/runner,
    `ActionCommand.UnescapeProperty`), so only those are escaped: any other escape (`\\x1b`,
    `%1B`) would name a file the repository does not have and the annotation would land on
    none. `runner`: the output is read by GitHub's runner (GITHUB_ACTIONS), which parses the
    line and shows the annotation in its web page, not on a terminal: the exact path. Read
    by a person elsewhere (a terminal, `-o` file), the hidden characters (ESC, BEL, bidi
    controls) are shown as escapes (`tty_text`), as in every output."""
    if runner:
        return gh_property(path)
    return gh_property("".join(part if part in ("\r", "\n") else tty_text(part)
                               for part in _LINE_ENDS.split(path)))


_LINE_ENDS = lazy("([\r\n])")


def gh_line(text: str) -> str:
    """A human line printed inside GitHub Actions: it must not start or forge a command."""
    text = tty_text(text).replace("##[", "##\u200b[")
    return " \u200b" + text if text.lstrip().startswith("::") else text


# What must be escaped for user text to stay text in CommonMark/GFM (as GitHub renders it),
# and only there, so `09:00`, `a.b`, `(x)` and `snake_case` stay as written:
# - anywhere: `\` (escapes), `` ` `` (code spans), `*` and `~` (emphasis, strikethrough;
#   both work inside words), `[` `]` (links and images: `!` and `(` mean nothing without
#   them), `<` (raw HTML, autolinks), `&` (entities), `|` (table cells), `$` (GitHub math);
# - `_` unless it sits between two letters or digits (there it can neither open nor close
#   emphasis, Chinese included: CJK characters are neither space nor punctuation);
# - the `:` of `://` and the `.` of `www.` (GFM's extended autolinks need them; an
#   escaped character is not scanned for one);
# - at the start of the text, which may start a line: `#` (heading), `>` (quote), `-` `+`
#   `=` (list, rule, setext heading) and the `.` or `)` after leading digits (ordered list).
_MD_SPECIAL = lazy(r"[\\`*~\[\]<&|$]|(?<=[Ww]{3})\.|:(?=//)|_"
                   r"|^\s*[#>+=-]|^(\s*\d{1,9})[.)]")


def _md_escape(m: re.Match[str]) -> str:
    found = m.group()
    if m.group(1) is not None:  # an ordered-list number: escape its `.` or `)`
        return f"{m.group(1)}\\{found[-1]}"
    if found == "_":
        text, i = m.string, m.start()
        if 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            return "_"
    return f"{found[:-1]}\\{found[-1]}"


# What GitHub turns into a link or a notification in Markdown text: @user and @org/team
# mentions, #123, GH-123 and owner/repo#123 references. A zero-width space after the sigil
# keeps the text as the user wrote it and the reference dead.
_GH_REFERENCE = lazy(r"@|#(?=\d)|(?<![A-Za-z0-9])GH(?=-\d)", re.IGNORECASE)


def gh_refs(text: str) -> str:
    """`text` with every GitHub mention and issue reference neutralised (U+200B after the
    sigil of `@name`, `#12`, `GH-7`, `owner/repo#9`)."""
    return _GH_REFERENCE.sub(lambda m: m.group() + "\u200b", text)


def md_inline(value: object, max_len: int = 1000) -> str:
    """User text for a Markdown table cell or line: one line, no markup, no mentions, no
    references, hidden characters shown as their escapes, `\\u202e`, as the text and SARIF
    outputs show them (`escape_hidden`; joiners inside emoji and words kept)."""
    text = re.sub("\r\n|[\r\n\x85\u2028\u2029\v\f]", " ", str(value))
    text = escape_hidden(text)
    if len(text) > max_len:
        text = text[:max_len] + "…"
    return _MD_SPECIAL.sub(_md_escape, gh_refs(text))


# A run of backticks: a code span in orgspec's own messages opens with one and ends at the
# next run of as many (`cadence`, `role: responsible`, ``a`b``), as CommonMark reads it.
_TICK_RUN = lazy("`+")
_BREAK = lazy("[\r\n]")


def code_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, code) of each code span of `text`, in order: a run of backticks up to
    the next run of as many on the same line; a run with none after it is text. Linear
    but for a log factor (a line of thousands of backticks is read at once)."""
    runs = [(m.start(), m.end()) for m in _TICK_RUN.finditer(text)]
    if len(runs) < 2:
        return
    breaks = [m.start() for m in _BREAK.finditer(text)]
    same: dict[int, list[int]] = {}
    for k, (a, b) in enumerate(runs):
        same.setdefault(b - a, []).append(k)
    i = 0
    while i < len(runs):
        a, b = runs[i]
        after = same[b - a]
        at = bisect.bisect_right(after, i)
        if at < len(after):
            c, d = runs[after[at]]
            line_end = bisect.bisect_left(breaks, b)
            if line_end == len(breaks) or breaks[line_end] > c:
                yield a, d, text[b:c]
                i = after[at] + 1
                continue
        i += 1


def md_code(code: str, cell: bool = True) -> str:
    """`code` as one Markdown code span: hidden characters as their escapes (`\\u202e`,
    `escape_hidden`), `|` escaped in a table `cell` (GFM splits cells before it reads code
    spans; elsewhere the backslash would show), fenced by more backticks than its longest
    run of them, padded with a space when it starts or ends with a backtick or a space
    (CommonMark strips one space each side)."""
    code = escape_hidden(code)
    if cell:
        code = code.replace("|", "\\|")
    fence = "`" * (max(map(len, _TICK_RUN.findall(code)), default=0) + 1)
    pad = " " if code[:1] in (" ", "`") or code[-1:] in (" ", "`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def md_with_code(value: object, cell: bool = True) -> str:
    """A message for a Markdown table cell (or, not `cell`, a line of its own) with its
    `code` spans (`message_pieces`) kept as code spans (`md_code`: fenced so no backtick
    inside can end one) and every other part escaped as `md_inline` does (a backtick there
    is text)."""
    return "".join(md_code(text, cell) if code else md_inline(text)
                   for text, code in message_pieces(value, _md_line))


def _md_line(text: str) -> str:
    return re.sub("\r\n|[\r\n\x85\u2028\u2029\v\f]", " ", text)


def html_with_code(value: object) -> str:
    """A message as HTML: its `code` spans (`message_pieces`) as <code>, everything
    escaped, hidden characters shown as their code points (`visible_text`)."""
    from markupsafe import escape  # jinja's, so quotes are escaped as the templates do

    return "".join(f"<code>{escape(text)}</code>" if code else str(escape(text))
                   for text, code in message_pieces(value, visible_text))


class Coded(str):
    """Text whose code spans are known (`parts`: (text, is_code) pieces, `said_parts`'s)."""

    parts: list[tuple[str, bool]]


def prefixed(prefix: str, message: str) -> str:
    """`prefix` + `message` (`file:1:2: ` before a related message), keeping the code
    spans `message` knows (`said_parts`) for `message_pieces`."""
    parts = said_parts(message) if "`" in message else None
    if parts is None:
        return prefix + message
    out = Coded(prefix + message)
    out.parts = [(prefix, False), *parts]
    return out


def message_pieces(value: object, line: Callable[[str], str]) -> list[tuple[str, bool]]:
    """`value` as (text, is_code) pieces, each passed through `line`: for a message that
    knows the `M` it was said from (`i18n.parts.said_parts`), the code spans its templates
    wrote, whatever backticks its values hold (`unknown field `we`ird``); for other text,
    the code spans read from it (`code_spans`)."""
    text = str(value)
    if "`" in text:
        parts = value.parts if isinstance(value, Coded) else said_parts(value)
        if parts is not None:
            return [(line(part), code) for part, code in parts]
    text = line(text)
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end, code in code_spans(text):
        out += [(text[at:start], False), (code, True)]
        at = end
    out.append((text[at:], False))
    return out


# Inside a quoted Mermaid label these would end the label, open markup or an entity; they
# become Mermaid entity codes (`#35;`), which Mermaid turns back into the character.
_MERMAID_SPECIAL = lazy(r'["<>#&`\[\]{}()|;:\\]')
# Mermaid's encodeEntities deletes the last `;` of a line that matches `style.*:\S*#.*;` or
# `classDef.*:\S*#.*;` (so `style:(x)` drew as `style:(x#41`): no label may spell them.
_MERMAID_KEYWORD = lazy("style|classDef")


def mermaid_label(text: str) -> str:
    """Text that Mermaid draws literally inside a quoted label (`id["..."]`, `-->|"..."|`):
    specials as entity codes, `style`/`classDef` with one letter encoded (`st#121;le`),
    line breaks as spaces (Mermaid drops them next to a `<br/>`), hidden characters as
    their escapes, `\\u202e`, as the rest of the Markdown report shows them
    (`escape_hidden`; joiners inside emoji and words kept)."""
    text = re.sub("\r\n|[\r\n\x85\u2028\u2029\v\f]", " ", text)  # labels are one line
    text = _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group())};", escape_hidden(text))
    return _MERMAID_KEYWORD.sub(lambda m: m.group()[:2] + f"#{ord(m.group()[2])};"
                                + m.group()[3:], text)


# Chat apps (WeCom, DingTalk, Feishu/Lark, Slack) each parse their own Markdown dialect and
# none documents a backslash escape that all honour (WeCom's robot documents none; Slack's
# mrkdwn has none), so a backslash could show up as text while the `*` after it still made
# bold. What stays inert in every one of them is a full-width look-alike: `*` -> `＊`,
# `[` -> `［`, a mention sigil `@` -> `＠`, `<` (Slack links, WeCom <@userid>, HTML) -> `＜`.
_CHAT_SPECIAL = str.maketrans({"*": "＊", "[": "［", "]": "］", "`": "｀", "#": "＃",
                               ">": "＞", "<": "＜", "~": "～", "\\": "＼", "&": "＆",
                               "@": "＠", "|": "｜"})
# a line break or a tab: a chat app ends the line (or aligns) there
_CHAT_BREAKS = lazy("\r\n|[\r\n\x85\u2028\u2029\v\f\t]")


def _chat_line(value: object) -> str:
    return _CHAT_BREAKS.sub(" ", str(value))


_CHAT_URL = lazy(r":(?=//)|(?<=[Ww]{3})\.")
# `_` opens emphasis unless it sits between two letters or digits (`snake_case`, 客服_组)
_CHAT_UNDERSCORE = lazy(r"(?<![^\W_])_|_(?![^\W_])")


def chat_inline(value: object, max_len: int = 300) -> str:
    """User text for one line of a chat message (`orgspec.report.chat`): one line, at most
    `max_len` characters (then `…`), hidden characters as U+FFFD (joiners inside emoji and
    words kept), Markdown, HTML, mention and link syntax as full-width look-alikes, and no
    `://` or `www.` a chat app would turn into a link."""
    text = _chat_line(value)
    text = neutralise(text)
    if len(text) > max_len:
        text = text[:max_len] + "…"
    text = _CHAT_URL.sub(lambda m: "：" if m.group() == ":" else "．", text)
    return _CHAT_UNDERSCORE.sub("＿", text.translate(_CHAT_SPECIAL))


def chat_code(value: object, max_len: int = 300) -> str:
    """Text as a chat code span (a path, `cadence`): one line, hidden characters as U+FFFD;
    a backtick cannot be carried inside a span in every app, so text with one is escaped
    as `chat_inline` instead."""
    text = neutralise(_chat_line(value))
    if len(text) > max_len:
        text = text[:max_len] + "…"
    if "`" in text or not text.strip():
        return chat_inline(text, max_len)
    return f"`{text}`"


def chat_with_code(value: object, max_len: int = 300) -> str:
    """A message for a chat line: its `code` spans (`message_pieces`) kept as code spans,
    the rest escaped as `chat_inline` does; over `max_len` characters it is cut (before a
    span the cut would fall in) and ends with `…`."""
    pieces = message_pieces(value, _chat_line)
    total = sum(len(text) + 2 * code for text, code in pieces)
    out: list[str] = []
    used = 0
    for text, code in pieces:
        size = len(text) + 2 * code
        if total > max_len and used + size > max_len:
            if not code:
                out.append(chat_inline(text[:max_len - used], total))
            out.append("…")
            break
        out.append(chat_code(text, total) if code else chat_inline(text, total))
        used += size
    return "".join(out)
