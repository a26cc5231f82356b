"""The words people write for an entity kind instead of its name (`kind: 团队`, `kind: 員工`,
`kind: Department`), in Simplified and Traditional script and in English: the vocabulary
`kind:` is read with when it names no kind, beside `fieldnames` for fields.

`kind_named(word)` is the kind `word` means, as a did-you-mean names it (`团队` -> `Team`,
`職位` -> `Position`, which the model reads as `Role`: `model.kindwords`), or None.
"""

from __future__ import annotations

# kind -> the words that mean it; Traditional spellings beside. Only words that name one
# kind: 职位 is a position's title as a field (`fieldnames`), but as a kind it is a position,
# suggested as `Position` (the name its readers know it by; `Role` is the same kind), and
# 角色 (a role) as `Role`.
WRITTEN_KINDS: dict[str, tuple[str, ...]] = {
    "Team": ("团队", "團隊", "部门", "部門", "小组", "小組", "组", "組", "部", "组织", "組織",
             "department", "dept", "group", "squad", "unit"),
    "Person": ("人员", "人員", "员工", "員工", "成员", "成員", "人", "个人", "個人", "同事",
               "employee", "member", "staff", "people"),
    "Responsibility": ("职责", "職責", "责任", "責任", "raci", "duty", "duties"),
    "Objective": ("目标", "目標", "okr", "okrs", "goal", "goals"),
    "Process": ("流程", "程序", "workflow", "procedure", "sop"),
    "Position": ("岗位", "崗位", "职位", "職位", "职务", "職務", "job"),
    "Role": ("角色",),
    "Meeting": ("会议", "會議", "例会", "例會", "会", "會", "sync", "standup"),
}
_BY_WORD = {word: kind for kind, words in WRITTEN_KINDS.items() for word in words}


def kind_named(word: str) -> str | None:
    """The kind the word `word` means (`团队`, `Department` -> `Team`; `RACI` ->
    `Responsibility`; `岗位`, `職位` -> `Position`), any case, blanks around it ignored; None
    for any other word."""
    return _BY_WORD.get(word.strip().casefold())
