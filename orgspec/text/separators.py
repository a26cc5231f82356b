"""What people separate ids with where YAML sees one value: `members: 张三、李四` is the one
string `张三、李四`, and so is the item `[ops，tech]` (a full-width comma, an enumeration
comma 顿号 or a full-width semicolon is not YAML's comma). The loader's hints, RF001 and the
hold-back all read the same set from here."""

from __future__ import annotations

from orgspec.lazyre import lazy

# full-width comma, enumeration comma (顿号), full-width semicolon
FULL_COMMAS = "，、；"
FULL_COMMA = lazy(f"[{FULL_COMMAS}]")
# in one string where a list is meant, ASCII ones too: `consulted: a,b` is one string
SEPARATORS = FULL_COMMAS + ",;"
_SPLIT = lazy(rf"\s*[{SEPARATORS}]\s*")


def split_ids(value: str) -> list[str]:
    """The ids `value` lists between separators (`ops、cs` -> [ops, cs]); a part may be a
    name of up to MAX_NAME_WORDS words (`郭芳、Tony Lin`, `guo-fang, Tony Lin`); [] when
    it holds fewer than two parts, or a part of more words (`ops, the East China team`
    is prose, not ids)."""
    if not any(c in value for c in SEPARATORS):
        return []
    parts = [p for p in _SPLIT.split(value.strip()) if p]
    if len(parts) < 2 or any(len(p.split()) > MAX_NAME_WORDS for p in parts):
        return []
    return parts


MAX_NAME_WORDS = 3  # `Mary Ann Lee`; a part of more words is prose
