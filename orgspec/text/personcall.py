"""How Chinese workplaces call a person instead of writing their name: the surname with a
title (王总, 李经理, 張經理, 司马老师; in Hong Kong 陳生, 陳太, 陳小姐), 小, 老 or 阿 before the
surname (小王, 老李, 阿陳) or a nickname before it (肥陳), the given name alone when it has two
characters (雅婷 for 陈雅婷; not 芳芳 for 王芳, a nickname), or, in Hong Kong, one character
of the given name after 阿 or before 姐 / 哥 (阿豪, 豪哥 for 林志豪; 芳姐 for 王芳). All texts
here are `text.fold.fold_name`'s output (Simplified, case-folded): 張經理 is 张经理.
"""

from __future__ import annotations

from orgspec.han import is_han

# Titles said after a surname, as `fold_name` gives them (總監, 經理, 老師, 組長 fold onto
# these); longest first, so 王总监 is 王 + 总监, not 王总 + 监
TITLES = ("总经理", "总监", "经理", "老师", "主任", "主管", "组长", "部长", "老板", "小姐", "总",
          "工", "董", "姐", "哥", "生", "太")
# Hong Kong's English titles after a surname (陳sir, 張Madam, 黃Miss), case-folded
LATIN_TITLES = ("madam", "miss", "sir", "mrs", "mr", "ms")
# said before a surname: 小王, 老李, 阿陳; 肥 (fat) is a nickname said before it: 肥陳
PREFIXES = ("小", "老", "阿", "肥")
# Hong Kong calls one character of the given name with these: 阿豪, 豪哥, 芳姐
CHAR_BEFORE = ("阿",)
CHAR_AFTER = ("姐", "哥")
# words that have those shapes and call no one: Miss, big sister, handsome guy...
NO_CALL = frozenset(("小姐", "大姐", "大哥", "阿姐", "阿哥", "姐姐", "哥哥", "帅哥", "靓姐",
                     "师姐", "老哥", "老姐"))
# Two-character surnames (歐陽 and 司馬 fold onto 欧阳 and 司马): the rest of the name is the
# given name, and 马总 calls no 司马
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟",
    "公孙", "长孙", "宇文", "澹台", "轩辕", "端木", "南宫", "申屠", "西门", "独孤", "呼延",
    "闻人", "钟离", "万俟", "太史", "百里", "东郭", "公羊"))
GIVEN_LENGTH = 2  # a given name alone calls a person only when it has two characters


def _han(text: str) -> bool:
    return bool(text) and all(is_han(c) for c in text)


def _surname_length(name: str) -> int:
    """1, or 2 for a compound surname followed by a given name (欧阳 alone is 欧 + 阳)."""
    return 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1


def name_parts(name: str) -> tuple[str, str] | None:
    """(surname, given name) of a folded Chinese name of 2 to 4 Han characters (`欧阳娜娜`:
    欧阳, 娜娜; `欧阳`: 欧, 阳), else None (a Latin name, one character, five or more)."""
    if not _han(name) or not 2 <= len(name) <= 4:
        return None
    n = _surname_length(name)
    return name[:n], name[n:]


def _is_surname(text: str) -> bool:
    return len(text) == 1 or text in COMPOUND_SURNAMES


def calls(written: str) -> list[tuple[str, str]]:
    """The ways folded `written` may call a person: ("surname", S) for a title after S or
    a prefix before it (王总, 小王, 陈生, 肥陈), ("given", G) for a two-character given name G
    (雅婷, and 小明, which is also 小 + surname 明), ("char", C) for one character C of a
    given name after 阿 or before 姐 / 哥 (阿豪, 豪哥); [] for anything else (a title
    alone: 老师)."""
    for title in LATIN_TITLES:  # 鄭sir, 陳 Madam: Hong Kong's English titles
        head = written[:-len(title)].rstrip()
        if written.endswith(title) and _han(head) and _is_surname(head):
            return [("surname", head)]
    if not _han(written) or len(written) > 6 or written in NO_CALL:
        return []
    out: list[tuple[str, str]] = []
    for title in TITLES:
        head = written[:-len(title)]
        if written.endswith(title) and head and _is_surname(head):
            out.append(("surname", head))
            break
    for prefix in PREFIXES:
        rest = written[len(prefix):]
        if written.startswith(prefix) and rest and _is_surname(rest):
            out.append(("surname", rest))
    if len(written) == GIVEN_LENGTH:
        out.append(("given", written))
        if written[0] in CHAR_BEFORE:
            out.append(("char", written[1]))
        elif written[1] in CHAR_AFTER:
            out.append(("char", written[0]))
    return list(dict.fromkeys(out))
