"""A comment typed with the IME's full-width `＃` (U+FF03), which YAML reads as text.

YAML starts a comment only with an ASCII `#`. A line that starts with `＃` where no value can
continue (the file's first line, or a line no deeper than the field above it) is read as
text, so the parser fails a line or more later with words that never name the `＃`; and
`name: 客服部 ＃ 主要窗口` loads `客服部 ＃ 主要窗口` as the name, silently, and an id written so
is no id. `hash_slip` names either at the `＃`, as an IN001 the loader reports like the
other IME slips (`yamlhints.slips`).
"""

from __future__ import annotations

import re

from orgspec.i18n import M
from orgspec.lazyre import lazy

HASH = "＃"
Said = tuple[int, int, str, str]  # 1-based line and column, message, hint

_LINE = lazy(r"^[ \t]*＃[ \t\u3000]*(?P<rest>.*?)\s*$")
# `key: value ＃ note` or `- value ＃ note`: a plain value (not quoted, bracketed, a block
# scalar's header, an anchor, alias or tag), then white space and the first `＃`
_VALUE = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)"
              r"(?:(?P<key>[^\s#'\"\[\]{}:：,\-][^#:：]*?):[ \t]+)?"
              r"(?P<value>[^\s'\"\[\]{}|>#&*!%@`\-][^＃]*?)"
              r"(?P<gap>[ \t\u3000]+)＃(?P<after>.*)$")
# what after `＃` marks a comment as meant: a space or another `#`, or a note word
# (`＃備註`, `＃TODO`); `客服 ＃1組` is a value that holds a `＃`
_NOTE = lazy(r"(?:[\s#＃]|$|(?:备注|備註|备忘|備忘|注释|註釋|注意|说明|說明|待补充|待補充|"
             r"待确认|待確認|todo|fixme|note)(?=[:：,，\s]|$))", re.I)
# `key: [a, b ＃ note]`: a one-line flow list whose last item holds the `＃`, or
# `key: [a, b] ＃ note`: the `＃` after the list (trial 31)
_FLOW_IN = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[A-Za-z_][\w.-]*):[ \t]+"
                r"\[(?P<items>[^\[\]{}'\"#＃]*?)(?P<gap>[ \t\u3000]+)＃"
                r"(?P<after>[^\[\]{},#＃]*)\][ \t]*$")
_FLOW_AFTER = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[A-Za-z_][\w.-]*):[ \t]+"
                   r"(?P<list>\[[^\[\]{}'\"#＃]*\])(?P<gap>[ \t\u3000]*)＃(?P<after>.*)$")
_AFTER_COMMENT = lazy(r"[ \t]#")
_KEY_AFTER = lazy(r":(?:[ \t]|$)")
# the line's first key and the column of what it holds (`  - kind: Team` holds at 4)
_HOLDS = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)")


def holds_at(line: str) -> int:
    """The 0-based column where `line`'s content starts, after its indent and any `- `."""
    m = _HOLDS.match(line)
    return len(m.group("lead")) if m else 0


def hash_slip(number: int, line: str, above: int | None) -> Said | None:
    """The `＃` on line `number` (1-based) that was meant as a comment's `#`, or None.
    `above`: the column (0-based) where the content of the nearest line above that is
    neither blank nor a comment starts, or None for a document's first line; a `＃` line
    indented deeper may continue a plain value (`description:` then `    ＃1 重點`), so it is
    text as written."""
    if HASH not in line:
        return None
    start = _LINE.match(line)
    if start is not None:
        col = line.index(HASH)
        if above is not None and col > above:
            return None
        return (number, col + 1,
                M("a full-width `＃` (U+FF03) starts this line: a YAML comment starts with "
                  "an ASCII `#`, so this line is read as text"),
                M("write `# {rest}` (an ASCII `#`; switch the IME to half-width)",
                  rest=start.group("rest")))
    flow = _flow_slip(number, line)
    if flow is not None:
        return flow
    m = _VALUE.match(line)
    if m is None or _AFTER_COMMENT.search(m.group("value")):
        return None  # after ` #` the `＃` is inside a comment already
    if m.group("key") is None and _KEY_AFTER.search(m.group("value")):
        return None  # `name: '客服 ＃ 一'`, `members: [a ＃ b]`: quoted or in brackets
    gap = m.group("gap")
    if not _NOTE.match(m.group("after")) and len(gap) < 2 and "\t" not in gap:
        return None
    key, value = m.group("key"), m.group("value")
    comment = m.group("after").strip(" \t\u3000#＃")
    whole = line[m.start("value"):].rstrip()
    fixed = m.group("lead").lstrip() + (f"{key}: " if key else "") + value
    fixed = f"{fixed}  # {comment}" if comment else fixed
    said = M("a full-width `＃` (U+FF03) does not start a YAML comment, so the value of "
             "`{key}` is read as {value!r}", key=key, value=whole) if key else \
        M("a full-width `＃` (U+FF03) does not start a YAML comment, so the item is read as "
          "{value!r}", value=whole)
    return (number, m.end("gap") + 1, said,
            M("write `{fixed}` (an ASCII `#` after a space; switch the IME to half-width)",
              fixed=fixed))


def _flow_slip(number: int, line: str) -> Said | None:
    """The `＃` of a one-line flow list meant as a comment's `#`: in its last item
    (`members: [a, b ＃ 新人待定]`, where YAML reads the item `b ＃ 新人待定`, an unknown
    id, and `b` on no team), or after it (`members: [a, b] ＃ 新人待定`, which YAML cannot
    read), else None. Said at the `＃`, with the line written as meant."""
    m = _FLOW_IN.match(line)
    if m is not None:
        if not _NOTE.match(m.group("after")) and len(m.group("gap")) < 2 and \
                "\t" not in m.group("gap"):
            return None  # `[客服 ＃1組]`: a value that holds a `＃`
        items = m.group("items").rstrip(" \t\u3000")
        item = items.rsplit(",", 1)[-1].strip()
        whole = f"{item}{m.group('gap')}＃{m.group('after')}".rstrip()
        fixed = _fixed(m.group("lead"), m.group("key"), f"[{items}]", m.group("after"))
        return (number, m.end("gap") + 1,
                M("a full-width `＃` (U+FF03) does not start a YAML comment, so the item is "
                  "read as {value!r}", value=whole),
                M("write `{fixed}` (an ASCII `#` after a space; switch the IME to "
                  "half-width)", fixed=fixed))
    m = _FLOW_AFTER.match(line)
    if m is None:
        return None
    fixed = _fixed(m.group("lead"), m.group("key"), m.group("list"), m.group("after"))
    return (number, m.end("gap") + 1,
            M("a full-width `＃` (U+FF03) after the list of `{key}` does not start a YAML "
              "comment, so YAML cannot read this line", key=m.group("key")),
            M("write `{fixed}` (an ASCII `#` after a space; switch the IME to half-width)",
              fixed=fixed))


def _fixed(lead: str, key: str, value: str, after: str) -> str:
    """`key: value  # comment`, the line as meant (without its indent)."""
    comment = after.strip(" \t\u3000#＃")
    fixed = f"{lead.lstrip()}{key}: {value}"
    return f"{fixed}  # {comment}" if comment else fixed
