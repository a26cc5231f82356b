"""How a message quotes a key result: by what it says, as an entity is quoted by its name.

A key result's id is only unique within its objective and says little (`activity`); its
text is what the user wrote (`提升用户活跃度`). A message quotes it as `提升用户活跃度
(activity)`, the way `report.idnames` says an entity (`客服部 (cs)`), its text cut to
SHOWN columns. The value is said at check time, as written: a key result has no name
the org table of ids could give it later.
"""

from __future__ import annotations

from typing import Self

from orgspec.escape import HIDDEN, is_text_joiner
from orgspec.text.shorten import SHOWN, shorten

__all__ = ["SHOWN", "KeyResultName", "key_result_named", "step_named"]


class KeyResultName(str):
    """A key result as a message quotes it: `{kr!r}` shows it without the quotes an id
    gets (as `report.idnames.Named`), and not being a plain `str`, it is never taken for an
    id to say with an entity's name (`report.idnames.with_names`)."""

    def __new__(cls, text: str) -> Self:
        return super().__new__(cls, text)

    def __repr__(self) -> str:
        return str(self)


def key_result_named(title: object, ident: str) -> str:
    """`月活跃用户数从120万增长到132万 (mau)`: a key result's text, on one line and cut with
    `…` past SHOWN columns, then its id; its id alone (quoted as an id is) when it has no
    text or its text is its id, case aside."""
    text = shorten(title, SHOWN) if isinstance(title, str) else ""
    if not text or text.casefold() == str(ident).casefold():
        return str(ident)
    return KeyResultName(f"{_shown(text)} ({ident})")


def step_named(name: object, ident: str) -> str:
    """A process step as a message quotes it: `事后复盘 (postmortem)`, its name then its id,
    as a key result is (a step's id is only unique within its process); its id alone when
    it has no name."""
    return key_result_named(name, ident)


def _shown(text: str) -> str:
    """`text` with its hidden characters (bidi overrides, zero-width, controls) escaped as
    `{value!r}` escapes them in every message (`\\u202e`): quoted unquoted, the text would
    otherwise carry them raw into JSON, SARIF and every format read from the message."""
    return HIDDEN.sub(lambda m: m.group() if is_text_joiner(m.string, m.start())
                      else m.group().encode("unicode_escape").decode("ascii"), text)
