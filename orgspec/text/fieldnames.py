"""The Chinese words people write as field names (`负责人: zheng-xue`, `成員: [...]`), and
the fields each may mean, in Simplified and Traditional script: the vocabulary both the
loader (a full-width colon after such a word) and the models (an unknown field) read.

`fields_named(word)` is the fields `word` may name, in order of preference, or ();
`RACI_WORDS` the words a Chinese RACI chart uses for each role of a duty, and
`raci_named(word)` the role(s) a word or letter names on a duty.
"""

from __future__ import annotations

import unicodedata

from orgspec.lazyre import lazy

# word -> the fields it may name, in order of preference; Traditional spellings beside. The
# person in charge (负责人) is a team's lead, a meeting's owner, a position's holder.
FIELD_WORDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("负责人", "負責人", "主管", "领导", "領導", "组长", "組長", "部门负责人", "部門負責人",
     "团队负责人", "團隊負責人", "牵头人", "牽頭人"): ("lead", "owner", "holders"),
    ("主持人", "主持", "召集人", "负责方", "負責方", "归属", "歸屬", "责任人", "責任人"): (
        "owner", "lead"),
    ("成员", "成員", "组员", "組員", "人员", "人員", "团队成员", "團隊成員"): ("members",),
    ("名称", "名稱", "名字", "姓名", "部门名称", "部門名稱", "团队名称", "團隊名稱"): ("name",
                                                                                     "title"),
    ("标题", "標題", "职位", "職位", "职务", "職務", "头衔", "頭銜", "职称", "職稱"): ("title",),
    ("描述", "说明", "說明", "简介", "簡介", "备注", "備註", "详情", "詳情"): ("description",),
    ("上级", "上級"): ("parent", "manager"),
    ("上级部门", "上級部門", "上级团队", "上級團隊", "父级", "父級", "隶属", "隸屬"): ("parent",),
    ("直属上级", "直屬上級", "直属主管", "直屬主管", "直属领导", "直屬領導", "汇报对象",
     "匯報對象", "彙報對象", "上司"): ("manager",),
    ("使命", "宗旨", "定位"): ("mission",),
    ("职责", "職責", "职责范围", "職責範圍"): ("responsibilities", "duties"),
    ("邮箱", "郵箱", "电子邮件", "電子郵件", "电子邮箱", "電子郵箱", "邮件", "郵件"): ("email",),
    ("岗位", "崗位", "角色"): ("roles", "team"),
    ("编制", "編制", "人数", "人數", "名额", "名額"): ("headcount",),
    ("任职者", "任職者", "在岗", "在崗", "在岗人员", "在崗人員"): ("holders",),
    ("参会人", "參會人", "参会人员", "參會人員", "与会者", "與會者", "参与者", "參與者",
     "参会", "參會", "与会人员", "與會人員", "出席者", "出席人员", "出席人員", "出席"): (
        "attendees",),
    ("所属团队", "所屬團隊", "团队", "團隊"): ("team",),  # a position's team
    ("频率", "頻率", "节奏", "節奏", "频次", "頻次", "时间", "時間"): ("cadence",),
    ("周期", "週期"): ("period", "cadence"),
    ("时区", "時區", "时区名", "時區名"): ("timezone",),
    ("目的", "议题", "議題", "主题", "主題"): ("purpose",),
    ("输入", "輸入"): ("inputs",),
    ("输出", "輸出", "产出", "產出"): ("outputs",),
    ("渠道", "频道", "頻道", "沟通渠道", "溝通渠道", "群"): ("channels", "channel"),
    ("步骤", "步驟", "环节", "環節"): ("steps",),
    ("时限", "時限", "时效", "時效"): ("sla",),
    ("下一步", "后续", "後續"): ("next",),
    ("目标值", "目標值", "目标", "目標"): ("target",),
    ("基线", "基線", "基准", "基準", "基准值", "基準值", "现状", "現狀"): ("baseline",),
    ("当前值", "當前值", "现值", "現值"): ("current",),
    ("指标", "指標", "度量"): ("metric",),
    ("单位", "單位"): ("unit",),
    ("方向",): ("direction",),
    ("截止", "截止日期", "截止时间", "截止時間", "到期", "到期日"): ("due",),
    ("关键结果", "關鍵結果", "kr", "krs"): ("key_results",),
    ("对齐", "對齊", "对齐目标", "對齊目標", "上级目标", "上級目標"): ("aligns_to",),
    ("开始", "開始", "开始日期", "開始日期"): ("start",),
    ("结束", "結束", "结束日期", "結束日期"): ("end",),
    ("别名", "別名", "曾用名"): ("aliases",),
    ("下级", "下級", "子部门", "子部門", "下属团队", "下屬團隊"): ("children",),
    ("跟踪", "跟蹤", "追踪", "追蹤", "跟进人", "跟進人"): ("tracker", "trackers"),
}
# A RACI role written as the word a Chinese RACI chart uses for it, on a duty.
RACI_WORDS = {
    "responsible": ("执行", "負責執行", "负责执行", "執行", "执行方", "執行方", "执行人", "執行人",
                    "办理", "辦理"),
    "accountable": ("批准", "审批", "審批", "核准", "问责", "問責", "拍板", "最终负责", "最終負責",
                    "批准方", "批准人", "审批人", "審批人", "问责方", "問責方"),
    "consulted": ("咨询", "諮詢", "谘询", "征询", "徵詢", "咨询方", "諮詢方"),
    "informed": ("知会", "知會", "告知", "通知", "知悉", "知会方", "知會方"),
}
# On a duty the person in charge (负责人) is the one who answers for the outcome: A, which
# the catalogs call 批准方; elsewhere the word is a team's lead or a meeting's owner.
DUTY_WORDS = {"负责人": "accountable", "負責人": "accountable"}
RACI_LETTERS = {"a": "accountable", "r": "responsible", "c": "consulted", "i": "informed"}
# 负责 is R in many Chinese RACI charts and A in others: both are offered.
AMBIGUOUS_RACI = ("负责", "負責", "负责方", "負責方")
_BY_WORD = {word: fields for words, fields in FIELD_WORDS.items() for word in words}
_RACI = {w: role for role, words in RACI_WORDS.items() for w in words} | DUTY_WORDS | \
    RACI_LETTERS


# A chart's cell for a party both accountable and responsible (`A/R`, `R/A`, `AR`): offered
# as the two roles, as `负责` is.
_BOTH_AR = lazy(r"a\s*[/,+&、]?\s*r|r\s*[/,+&、]?\s*a")


def _folded(word: str) -> str:
    """`word` as looked up: NFKC (an IME's full-width `Ｒ` and `／` are `R` and `/`), no outer
    blanks, casefolded."""
    return unicodedata.normalize("NFKC", word).strip().casefold()


def fields_named(word: str) -> tuple[str, ...]:
    """The fields the Chinese word `word` may name (`负责人` -> `lead`, `owner`), in order of
    preference; () for any other word."""
    return _BY_WORD.get(_folded(word), ())


def raci_named(word: str) -> tuple[str, ...]:
    """The RACI role(s) `word` names as a duty's field or a charter's role: a letter, typed
    full-width too, or a Chinese chart's word (`R`, `Ｒ`, `执行` -> responsible; `负责人` ->
    accountable; `负责`, which charts use for either, and `A/R`, a cell saying both, ->
    responsible and accountable); () for any other word."""
    word = _folded(word)
    if word in AMBIGUOUS_RACI or _BOTH_AR.fullmatch(word):
        return ("responsible", "accountable")
    role = _RACI.get(word)
    return (role,) if role else ()
