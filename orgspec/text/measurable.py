"""Is a key result measurable? Metric, target and time bound, in Chinese or English.

A key result is measurable when it names what is measured (a metric), says what value
counts as success (a target), and when (a time bound, which may come from the objective's
period). Vague wording without a number ("提升用户活跃度", "improve engagement") and
activities ("上线新版本", "launch the new checkout") are diagnosed separately.

Traditional script is read as Simplified (orgspec.text.script). Numbers that are not values
to reach do not make a target: versions (2.0版本, v3, program 3.0), event names (618大促, 双十一,
Black Friday; they are dates), service hours (7×24小时, 24/7), fiscal years (FY27) and
measurement windows (rolling 12 months, 近30天).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from orgspec.han import HAN
from orgspec.i18n import M
from orgspec.text.lazyre import lazy
from orgspec.text.quantity import EVENT, NO_VALUE, quantities
from orgspec.text.script import simplified
from orgspec.text.separators import SEPARATORS
from orgspec.text.spaces import fold_width

# A verb of change with no target says which way, not how far: vague (OK004), whether it goes
# up (提升, 提高, increase, grow) or down (降低, 减少, reduce, lower, cut; trial 33b: the
# decrease verbs were OK003 while the increase verbs were OK004).
VAGUE_ZH = ("提升", "提高", "优化", "加强", "改善", "改进", "确保", "持续", "推动", "完善", "促进",
            "增强", "深化", "强化", "做好", "努力", "争取", "大幅", "显著", "进一步", "推进",
            "落实", "打造", "加快", "扩大", "积极", "稳步", "不断", "全面", "再升级",
            "增加", "降低", "减少", "缩短", "下降", "压缩")
VAGUE_EN = ("improve", "optimise", "optimize", "enhance", "ensure", "strengthen", "foster",
            "streamline", "boost", "increase", "grow", "drive", "maximise", "maximize",
            "better", "reduce", "support", "promote", "advance", "deepen", "leverage",
            "continue", "work on", "focus on", "raise", "accelerate", "elevate", "expand",
            "empower", "prioritise", "prioritize", "invest in", "double down",
            "lower", "decrease", "cut", "shorten", "minimise", "minimize", "shrink")
# "Make checkout faster": a comparative after "make" is a direction with no size, as "reduce".
_MAKE_MORE = lazy(r"^\W*(make)\b(?:\s+[\w'-]+){0,4}?\s+(?:faster|quicker|cheaper|easier|"
                  r"better|shorter|smoother|simpler|safer|smaller|bigger|higher|lower|more|"
                  r"less|fewer)\b", re.IGNORECASE)
ACTIVITY_ZH = ("上线", "完成", "召开", "组织", "举办", "发布", "开展", "编写", "撰写", "制定",
               "搭建", "建立", "启动", "推出", "参加", "培训", "开通", "部署", "导入", "投产")
ACTIVITY_EN = ("launch", "hold", "run", "finish", "complete", "document", "ship", "release",
               "publish", "write", "organise", "organize", "host", "deliver", "build",
               "create", "set up", "roll out", "rollout", "migrate", "implement", "attend",
               "draft", "deploy", "go live", "enable", "introduce")
# Vague words that are only adverbs: before an activity they say how it is done (全面上线,
# 正式启动), not that an outcome is vague.
ADVERB_ZH = ("大幅", "显著", "进一步", "积极", "稳步", "不断", "全面", "持续", "努力", "争取")
# English words before a verb that leave it the verb: "further improve", "keep improving".
ADVERB_EN = frozenset({"further", "also", "still", "even", "much", "keep", "continue",
                       "successfully", "fully", "we", "will", "to", "and", "then", "must",
                       "should", "shall"})
# -ly words that are not adverbs of manner ("weekly support tickets" names a metric).
_NOT_ADVERB_EN = frozenset({"supply", "family", "assembly", "anomaly", "quarterly", "hourly",
                            "biweekly", "monthly", "weekly", "daily", "yearly", "only",
                            "early", "friendly"})
# English activity verbs as past participles, after their object: "Version 2.0 launched".
ACTIVITY_PAST_EN = {"launched": "launch", "held": "hold", "finished": "finish",
                    "completed": "complete", "documented": "document", "shipped": "ship",
                    "released": "release", "published": "publish", "written": "write",
                    "organised": "organise", "organized": "organize", "hosted": "host",
                    "delivered": "deliver", "built": "build", "created": "create",
                    "set up": "set up", "rolled out": "roll out", "migrated": "migrate",
                    "implemented": "implement", "attended": "attend", "drafted": "draft",
                    "deployed": "deploy", "enabled": "enable", "introduced": "introduce",
                    "goes live": "go live", "went live": "go live", "gone live": "go live"}
# Vague English words that are also nouns: first in a headline whose verb is a participle
# ("Support chatbot deployed"), they name a thing.
_NOUN_TOO_EN = frozenset({"support", "drive", "boost"})
# Words that close a Chinese activity after its verb (编写完毕, 正式上线了).
_DONE_ZH = ("完毕", "完成", "结束", "成功", "到位", "工作", "了", "。", "！", "!", ".")
# A Chinese activity verb with where it goes, anywhere: 部署到生产环境, 灰度发布至全部商家.
_TOWARDS_ZH = lazy("(?:" + "|".join(ACTIVITY_ZH) + ")(?:到|至|于)")
# Words before a Chinese activity verb that leave it first (将正式上线, 已全面完成).
_LEAD_ZH = lazy("^(?:" + "|".join(("负责", "要", "将", "已", "正式", "顺利", "如期", "按时",
                                          *ADVERB_ZH)) + ")+")
_ACTIVITY_PAST = lazy(r"\b(?:" + "|".join(ACTIVITY_PAST_EN) + r")\b")
# What makes a leading Chinese activity verb no activity: a time clause (上线后直播卡顿率从2%降到
# 0.5%: after the launch, what changes) or the name of a rate (完成率100%, 上线成功率达到99%).
# 后台 and 后端 are a back office, not "after" (部署完成后台新系统).
_NOT_DONE_ZH = lazy(r"(?:完成|完毕|结束)?\s*(?:之|以)?[后後](?![台端])\s*\S"
                   rf"|[^\s{SEPARATORS}]{{0,3}}率")
# The object of a leading activity verb, then 后: 上线智能推荐后, 完成仓库改造后 (a time clause);
# spaces inside it as a version is written (上线 v2.0 后, 上线订单系统 v2.0 后: as 上线X后).
_OBJECT_THEN_AFTER = lazy(r"\s*[^\s，,；;。、](?:[^\S\n]?[^\s，,；;。、]){0,11}?"
                          r"\s*(?:完成|完毕|结束)?\s*(?:之|以)?[后後](?![台端])")


def _after_done(zh: str, at: int) -> bool:
    """`zh[at:]`, after a leading activity verb, is its object and 后 ("上线智能推荐后"), then
    an outcome with a target of its own: the activity says when the outcome is measured."""
    m = _OBJECT_THEN_AFTER.match(zh, at)
    return m is not None and has_target(zh[m.end():])


# "number of features launched" names a metric; the participle is not the key result's verb.
_COUNT_OF = lazy(
    r"\b(?:number|share|count|percentage|percent|proportion|ratio|rate)\s+of\b|%\s*of\b")
# Words that frame a number but are not what is measured.
FRAME_ZH = ("从", "到", "至", "由", "增长", "增加", "提升", "提高", "降低", "减少", "缩短", "达到",
            "保持", "不低于", "不少于", "不高于", "不超过", "以上", "以内", "以下", "至少", "至多",
            "超过", "低于", "高于", "每月", "每周", "每天", "每季度", "月底", "季度", "年底", "前",
            "内", "在", "的", "将", "把", "实现", "完成", "个", "倍", "万", "亿", "千", "百", "元",
            "小时", "分钟", "天", "周", "月", "年", "日", "第", "季", "上半年", "下半年", "以",
            "达", "左右", "并", "和", "与", "及", "或", "同比", "环比", "累计", "平均", "提升到",
            "增长到", "降低到", "下降", "降至", "升至", "为")
FRAME_EN = {"from", "to", "by", "at", "least", "most", "below", "above", "under", "over",
            "less", "more", "than", "increase", "increased", "grow", "raise", "reduce",
            "reduced", "decrease", "cut", "lower", "keep", "maintain", "reach", "hit", "get",
            "achieve", "the", "a", "an", "of", "in", "on", "per", "for", "and", "or", "with",
            "within", "up", "down", "end", "q1", "q2", "q3", "q4", "h1", "h2", "quarter",
            "month", "monthly", "week", "weekly", "year", "yearly", "annual", "day", "days",
            "daily", "hours", "hour", "minutes", "minute", "seconds", "percent", "x", "times",
            "is", "be", "are", "our", "we", "all", "every", "each", "jan", "feb", "mar",
            "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "january",
            "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "before", "until", "no", "stay", "remain",
            "improve", "improved", "boost", "drop", "rise", "double", "halve", "p95", "p99",
            "p50", "average", "median", "total", "new", "s", "h", "m", "k", "d", "w"}
# A month's name, whole (June, Sept., not "marketing"), and a day after it (June 30, not
# "June 30%" nor "Mar 3.5").
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b(?![.,:]?\d|\s?%)"
DATE = lazy(
    r"(?<![A-Za-z])FY\s?'?\d{2,4}(?!\d)|" + EVENT.pattern + "|"
    r"(?<!\d)\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?|(?<!\d)(?:19|20)\d{2}\s?(?:年度|财年|年)(?!\d)|"
    # Taiwan's Minguo (ROC) calendar, year 1 = 1912 (民国115年, 115年底, 116年6月30日, 115/12/31):
    # a year of three digits only with what makes it a date, any year after 民国
    r"民国\s?\d{1,3}\s?年(?:度|底|末|内|\d{1,2}\s?月(?:底|末|\d{1,2}\s?[日号])?)?|"
    r"(?<!\d)1[0-2]\d\s?年(?:度|底|末|内|\d{1,2}\s?月(?:底|末|\d{1,2}\s?[日号])?)|"
    r"(?<![\d/.])1[0-2]\d/\d{1,2}/\d{1,2}(?![\d/.])|"
    r"\d{1,2}月(?:底|末|份|\d{1,2}日)?|[Qq][1-4](?!\d)|"
    # a quarter in Chinese: 第三季度, 第三季 and 第3季 (Hong Kong, Taiwan), 三季度 (not 每一季度)
    r"第\s?[一二三四1-4]\s?季度?|(?<![每一二三四五六七八九十\d])[一二三四]季度|"
    # a month/day after the word that makes it a deadline (截止12/31, by 6/30): not a ratio;
    # in English a day of two digits, as "cut by 1/3" is a fraction
    r"(?:截至|截止)\s?\d{1,2}/\d{1,2}(?![\d/.])|"
    r"\b(?:by|before|due)\s?(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01])(?![\d/.])|"
    r"[Hh][12]\b|本季度|本月|本年|年底|年内|季度末|上半年|下半年|"
    # the end of a year, a half or a month with its year (by end of 2026, before the end of
    # H1 2027, by the end of June 2027, by end-2026, by year-end 2026, by 2026 year-end), the
    # middle of a year (by mid-2027): the year is the date's, no value (small36)
    r"\b(?:by|before) (?:the )?end(?:\s|-)of\b(?:\s(?:(?:the\s)?year\s|[Hh][12]\s|"
    + _MONTH + r"\s)?(?:19|20)\d{2}\b(?![-/.]\d))?|"
    r"\b(?:by|before)\s(?:end-|(?:the\s)?year[-\s]?end(?:\s(?:of\s)?(?=(?:19|20)\d{2}\b))?)"
    r"(?:(?:19|20)\d{2}\b(?![-/.]\d))?|"
    r"\b(?:by|before)\s(?:the\s)?(?:19|20)\d{2}\syear[-\s]?end\b|"
    r"\bmid[-\s]?(?:19|20)\d{2}\b(?![-/.]\d)|"
    r"\bby (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"(?:\.?\s?" + _DAY + r")?(?:,?\s(?:19|20)\d{2}\b(?![-/.]\d))?|"
    r"\b" + _MONTH + r"\.?\s?" + _DAY + r"(?:,?\s(?:19|20)\d{2}\b(?![-/.]\d))?|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s" + _MONTH + "|"
    r"\b(?:in|by|before) \d{4}\b(?![-/.]\d)|\bthis (?:quarter|month|year)\b|"
    r"\bwithin \d+ (?:days|weeks|months)\b",
    re.IGNORECASE)
# A fiscal year (FY2026, FY26, FY2026 Q3, 2026财年, 2026会计年度): no time bound, as a `period`
# of FY2026 is none (SC003): its months are the company's (Alibaba's FY2026 ends in March
# 2026), so neither says when the key result is due. DATE keeps it: it is no target either.
FISCAL_YEAR = lazy(
    r"(?<![A-Za-z])FY\s?[-'’]?\s?\d{2,4}(?!\d)(?:\s?[-_]?\s?[QqHh][1-4](?!\d))?|"
    r"(?<!\d)(?:19|20)\d{2}\s?(?:财年|财政年度|会计年度)"
    r"(?:\s?(?:[QqHh][1-4](?!\d)|第[一二三四]季度|[上下]半年))?",
    re.IGNORECASE)
# The end of a fiscal year with 前 (2027财年底前, 2027財年年底前, FY2027 年底前, FY2027年末前): a
# deadline, read as `2027年底前` is (December 31 of that year; okr34 pinned FY2027年底前 so),
# where the fiscal year alone is none (FY27 is 2027).
FISCAL_YEAR_END = lazy(
    r"(?:(?<![A-Za-z])FY\s?[-'’]?\s?(?P<fy>(?:19|20)?\d{2})(?!\d)|"
    r"(?<!\d)(?P<zy>(?:19|20)\d{2})\s?(?:财年|财政年度|会计年度))\s*年?\s*[底末]\s*"
    r"(?:之前|以前|前|为止)",
    re.IGNORECASE)
# A frequency or a date before the verb (每月组织一次, Q3 完成, 8月底前完成, "In Q3, complete",
# "Every week, hold"); DATE's own forms, with 前/之前/内 after them, and a quarter as Hong Kong
# and Taiwan write it (於第四季內舉辦).
_LEAD_TIME = lazy(
    r"^\s*(?:(?:(?:在|于)?\s*(?:" + DATE.pattern + r"|第[一二三四]季度?)"
    r"\s*(?:之前|以前|前|内|以内)?|"
    r"每(?:个)?(?:天|日|周|月|季度|季|年|半年|双周)|本(?:周|月|季度|年))[\s,，、]*)+|"
    r"^\s*(?:(?:in|by|before|during|every|each)\b[^,;]{1,30}[,;]\s*)", re.IGNORECASE)
# A deadline just before a closing 完成 (6月30日前完成, 年底前完成, "by June 30 complete").
_DEADLINE_END = lazy(r"(?:" + DATE.pattern + r")\s*(?:之前|以前|前|内|以内|为止)?"
                           r"[\s,，、]*$", re.IGNORECASE)
# Numbers that are not a value to reach: versions, service hours, measurement windows.
NOT_TARGET = lazy(
    r"(?<![A-Za-z0-9])[vV]\d+(?:\.\d+)*(?![\d.])|(?:版本|\bversion\s?)\d+(?:\.\d+)*|"
    # a number is read from its first digit only (`(?<!\d)`): tried from every digit of
    # a long run, the run cost quadratic time (20,000 digits: ~100 s); a match inside a
    # run implies one from its start, so nothing else changes
    r"(?<!\d)\d+(?:\.\d+)*\s?版本?(?!权)|"
    r"(?<!\d)\d+\.\d+\.\d+|7\s?[×xX*]\s?24(?:\s?小时)?|24\s?[×xX*/]\s?7|"
    r"\b(?:rolling|trailing|last|past)\s+\d+\s*(?:days?|weeks?|months?|quarters?|years?)\b|"
    r"(?:滚动|过去|近)\s?\d+\s?个?(?:月|天|日|周|年)|"
    r"\b\d+-(?:hour|day|week|month|quarter|year)s?\b|"  # 30-day repeat purchase rate
    r"\b(?:[2-9]|\d{2,})\s(?:day|week|month|quarter|year)\b(?=\s+[a-z])|"  # 3 month rate
    # the window or grade a Chinese rate is named by: 30日留存率, 24小时发货率, 五星好评率
    r"(?:(?<!\d)\d+|(?<![一二两三四五六七八九十])[一二两三四五六七八九十]+)\s?"
    r"(?:小时|日|天|周|个月|星)"
    f"(?=[{HAN}]{{0,6}}?(?:率|数|量|额|值|占比))|"
    + NO_VALUE.pattern,  # Q5, 第十三季, 1e400: text, neither a value nor a date
    re.IGNORECASE)
# A bare x.y closing a name ("loyalty program 3.0", "会员体系2.0") is a version, unless a
# framing word or comparator leads to it ("NPS at least 3.0", "评分提升到4.6"). In a sentence
# about a release, a bare x.y after a name is a version wherever it stands ("Checkout 2.0
# rolled out", "WMS 4.0在华东仓投产"), unless a unit follows it. The name before the number
# is read from a bounded window, so a long run of letters costs linear time.
_X_Y = lazy(r"(?<![\d.])\d+\.\d+(?![\d.])")
_NAME_BEFORE = lazy(f"(?:[A-Za-z]+|[{HAN}]{{1,2}})\\s?$")
# Names with digits inside are names, not numbers: K8s, i18n, B2B, O2O.
_INNER_DIGITS = lazy(r"(?<![A-Za-z0-9])[A-Za-z]+\d+[A-Za-z]+(?![A-Za-z0-9])")
# An upgrade or a migration goes to a version ("APP 升级到 3.2", "Upgrade the ERP to 2.0",
# "升級到 iOS 17"), not to a value; a number with a unit after it stays a value.
_UPGRADE = lazy(r"升级|升級|迁移|遷移|\bupgrad(?:e|es|ed|ing)\b|\bmigrat(?:e|es|ed|ing)\b",
                      re.IGNORECASE)
_PLATFORM_VERSION = lazy(r"((?<![A-Za-z])[A-Za-z][A-Za-z]+\s?)(\d+(?:\.\d+)*)"
                               r"(?![\d.%‰]|\s?(?:[万亿千]|[kKmMbBwWx]\b))")
_UNIT_AFTER = lazy(
    r"\s?(?:%|‰|×|倍|万|亿|千|元|秒|毫秒|分|小时|天|日|周|个|次|/|:|[kKmMbBwWxshd]\b|ms\b|"
    r"hours?\b|days?\b|minutes?\b|seconds?\b|million\b|billion\b|points?\b|stars?\b|以上|"
    r"以下|以内|及以上|or (?:higher|more|above|better|lower|less|below)\b)")
# Words before an x.y that make it a score, not a version: "rating 4.6", "评分4.8".
_SCORE = ("rating", "score", "nps", "csat", "ces", "ratio", "评分", "分数", "得分", "评级", "星级",
          "满意度", "分")
# Rank qualifiers inside a metric's name (Top 20 SKU, TOP50, 前10大客户), unless the key
# result is to reach that rank ("进入行业前3名", "rank in the top 3").
_TOP = lazy(r"(?<![A-Za-z0-9])top\s?\d+\b|前\s?\d+\s?(?:大|名|位|强)", re.IGNORECASE)
_INTO_RANK = lazy(f"(?:(?:进|跻身|位列|位居|稳居|保持|挤|排名|冲)[{HAN}]{{0,4}}|"
                        r"\b(?:in|into|among|reach|rank|ranked|remain|stay|be|of)\s+"
                        r"(?:the\s+)?)\s*$", re.IGNORECASE)
# A measure word after a number that looks like a year makes it a count (降到 2025 单, 第四季
# 2025 家门店开业): not where it begins a metric's name or another word (2025 单量, 2026 家庭,
# 2026 次日留存, 2025 场景, 2026 单品: the year's).
COUNT_WORD = (r"(?:[家单單件笔筆次场場条條项項位個]"
              r"(?![量数數价價率额額均庭居电電具装裝用日月年周週景地馆館品]))")
# A bare year is a date, not a value: "Employee Engagement Survey 2026" (not "to 2050").
_YEAR = lazy(r"(?<![A-Za-z\d.,$¥€£#])(?:19|20)\d{2}\b(?![\d.,%]|\s?[a-z%万亿元人名个]|\s?"
             + COUNT_WORD + ")")
# A from-to frame (由 800 增加到 2000, 从 1500 提升至 2030, 由 800 → 2000): the number after
# 到/至/an arrow is the target, however much it looks like a year, when the number after
# 从/由 is no year (800, 120万, 2000 人) or a verb of change stands between them (由 2000 增加
# 到 2030); 从 2025 到 2030 stays a span of years. The same for the number after 从/由 when
# the target is no year (由 2000 增加到 2500). English frames them already (`from`, `to`).
_FROM_ZH = r"(?:从|從|由)\s*(?:每[个個]?[天日周週月年季]度?\s*)?"
_BETWEEN = r"([^\d，；;。,]{0,16}?)(?:到|至|→|⟶|->|=>)\s*"
_FRAMED_NUMBER = r"(\d[\d,]*(?:\.\d+)?)(\s?[^\s\d，；;。,到至]?)"
_TO_YEAR = lazy(_FROM_ZH + _FRAMED_NUMBER + _BETWEEN + "$")
_FROM_YEAR = lazy(r"\s?" + _BETWEEN + _FRAMED_NUMBER)
_CHANGE_ZH = lazy(r"增加|增长|增長|提升|提高|上升|降低|下降|减少|減少|缩短|縮短|"
                  r"压缩|壓縮|扩大|擴大|[降升涨漲减減]")
# A framing word followed by 率 is part of a metric's name (完成率, 增长率).
_FRAME_ZH = lazy("|".join(re.escape(w) for w in sorted(FRAME_ZH, key=len, reverse=True))
                       .join(("(?:", ")(?!率)")))
_EN_WORD = lazy(r"[a-z][a-z'-]*")
_CJK = lazy(f"[{HAN}]+")


@dataclass
class Verdict:
    """What a key result's text says, and what it lacks."""

    metric: bool
    target: bool
    deadline: bool
    vague: list[str] = field(default_factory=list)
    activity: list[str] = field(default_factory=list)
    # the sentence judged (offsets as in the title), and it as read for a target value
    # (`target_text`): `assess` keeps what it read; a verdict whose fields settled it reads
    # its sentence on first use. The report and the site show values from `read`, so they
    # see exactly the numbers the verdict was made from.
    sentence: str = ""
    _read: str | None = field(default=None, repr=False)

    @property
    def read(self) -> str:
        """`sentence` in Simplified script with every number that is no value to reach
        blanked by spaces (dates, versions, windows: `not_targets`)."""
        if self._read is None:
            self._read = target_text(self.sentence)
        return self._read

    @property
    def missing(self) -> list[str]:
        return [name for name, ok in (("a metric", self.metric), ("a target value", self.target),
                                      ("a time bound", self.deadline)) if not ok]


def _words(text: str) -> list[str]:
    return _EN_WORD.findall(text.lower())


def _adverb(word: str) -> bool:
    return word in ADVERB_EN or (word.endswith("ly") and len(word) > 5
                                 and word not in _NOT_ADVERB_EN)


def _verbs(words: list[str]) -> set[str]:
    """The words in a verb's place: first, or after adverbs, "to", "will", "and", "we" only
    ("Further improve ...", "Significantly improve ...", "we will further streamline")."""
    verbs, lead = set(), True
    for w in words:
        if lead:
            verbs.add(w)
        lead = _adverb(w)
    return verbs


def _found(text: str, zh: tuple[str, ...], en: tuple[str, ...]) -> list[str]:
    """The words of `zh` in the text, and those of `en` used as verbs: first or after
    adverbs, "to", "will", "and" or a comma, as a gerund there ("keep improving"), or in a past
    form anywhere ("conversion improved")."""
    low = text.lower()
    hits = [w for w in zh if w in text]
    words = _words(low)
    verbs = _verbs(words)
    verbs |= {w for w in re.findall(r"[,;]\s*([a-z]+)", low)}
    if not words:
        return hits  # no English word, no English verb
    past = set(words)
    hits += [w for w in en if (" " in w and (low.startswith(w) or f" to {w}" in low
                                              or f"will {w}" in low))
             or w in verbs or f"{w}s" in verbs or f"{w}ing" in verbs
             or f"{w[:-1]}ing" in verbs or f"{w}d" in past or f"{w}ed" in past]
    return hits


# A year just after a quarter (Q4 2025, 2026年Q4 is DATE's): the quarter's year, unless it
# counts something, in English a plural noun after it (`Q4 2025 new sellers`) with no other
# value in the sentence (not `by Q4 2025`, `Q4 2026 revenue growth`, `Q4 2026 orders up 20%`),
# in Chinese a measure word after it (Q4 2025 家门店; `COUNT_WORD`).
QUARTER_YEAR = lazy(r"(?<![A-Za-z])[Qq][1-4]\s?((?:19|20)\d{2})(?![\d.,%])")
_PLURAL_AFTER = lazy(r"(?:[ ]+[a-z][a-z'-]*){0,2}?[ ]+[a-z][a-z'-]{2,}(?<![s'])s\b")


def quarter_year_counts(text: str, start: int, end: int) -> bool:
    """Whether the year `text[start:end]`, just after a quarter (`Q4 2025`), counts something
    (`Q4 2025 new sellers onboarded`: 2025 sellers, due in Q4) rather than naming the quarter's
    year: a plural English noun follows it within three words, and no other value is left in
    the sentence (`text` in Simplified script); or a Chinese measure word follows it
    (`Q4 2025 家门店开业`, as `第四季 2025 家门店开业`: 2025 stores)."""
    if _COUNTED_AFTER.match(text, end):
        return True
    if not _PLURAL_AFTER.match(text, end):
        return False
    rest = _not_targets(text, None)
    return not quantities(rest[:start] + " " * (end - start) + rest[end:])


def not_targets(text: str, released: bool | None = None) -> str:
    """The text with dates, versions, service hours, windows, rank qualifiers (Top 20,
    前10大), bare years and names with digits inside (K8s, B2B) blanked out, each by as many
    spaces as it has characters (so offsets into `text` still hold): what is left of its
    numbers are values to reach. `released`: the text is about a release or another activity
    (found here when not given). A quarter's year (`by Q4 2025`) is blanked too, a count after
    a quarter (`Q4 2025 new sellers`, `quarter_year_counts`) is not."""
    rest = _not_targets(text, released)
    for m in QUARTER_YEAR.finditer(text):
        start, end = m.span(1)
        if rest[start:end].strip() and not quarter_year_counts(text, start, end):
            rest = rest[:start] + " " * (end - start) + rest[end:]
    return rest


def _not_targets(text: str, released: bool | None) -> str:
    """`not_targets` but for a quarter's year."""
    rest = _blank(_INNER_DIGITS, _blank(NOT_TARGET, _blank(DATE, text)))
    if released is None:
        released = _releases(rest)
    upgraded = bool(_UPGRADE.search(rest))
    out, last = [], 0
    for m in _X_Y.finditer(rest):
        tail = not rest[m.end():].strip()
        unit = _UNIT_AFTER.match(rest, m.end())
        if ((tail or (released and not unit)) and _version_after(rest, m.start())) \
                or (upgraded and not unit and _upgraded_to(rest, m.start())):
            out += [rest[last:m.start()], " " * (m.end() - m.start())]
            last = m.end()
    rest = "".join(out) + rest[last:]
    if upgraded:  # "升級到 iOS 17", "Upgrade store tablets to iOS 17": a platform's version
        rest = _PLATFORM_VERSION.sub(_platform_version, rest)
    rest = _TOP.sub(lambda m: m.group() if _INTO_RANK.search(rest[max(0, m.start() - 24):
                                                                  m.start()])
                    else " " * len(m.group()), rest)
    return _YEAR.sub(lambda m: m.group() if _framed(rest, m.start())
                     or _from_to(rest, m.start(), m.end()) or _changed_to(rest, m.start())
                     else " " * len(m.group()), rest)


def _platform_version(m: re.Match[str]) -> str:
    """`iOS 17` with its number blanked; `Upgrade 3000 members`, `to 45` kept (a verb or a
    framing word before a number is no name)."""
    name = m.group(1).strip().lower()
    if name in FRAME_EN or _UPGRADE.fullmatch(name) or name in ADVERB_EN:
        return m.group()
    return m.group(1) + " " * len(m.group(2))


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """`text` with each match of `pattern` replaced by as many spaces."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _upgraded_to(text: str, at: int) -> bool:
    """In a sentence about an upgrade, the x.y at `at` is where it goes ("升级到 3.0",
    "upgrade the ERP to 2.0") or follows a name: a version, unless it is a score."""
    before = text[max(0, at - 8):at].rstrip().lower()
    return not _score(text, at) and (before.endswith(("到", "至", " to", "v"))
                                     or _version_after(text, at))


def _version_after(text: str, at: int) -> bool:
    """The x.y at `at` follows a name that is neither a framing word nor a score."""
    before = _NAME_BEFORE.search(text[max(0, at - 32):at])
    return before is not None and not _frames(before.group()) and not _score(text, at)


def _releases(text: str) -> bool:
    """A sentence about a release or another activity: its bare x.y numbers are versions."""
    low = text.lower()
    return bool(_found(text, ACTIVITY_ZH, ACTIVITY_EN) or _ACTIVITY_PAST.search(low))


def _score(text: str, at: int) -> bool:
    """The words before `at` name a score ("rating 4.6", "满意度4.8"): the number is a value."""
    return text[max(0, at - 8):at].strip().lower().endswith(_SCORE)


def _framed(text: str, at: int) -> bool:
    """The word before `at` frames a value ("to 2050", "at least 2000")."""
    before = _words(text[max(0, at - 24):at])
    return bool(before) and before[-1] in FRAME_EN


def _from_to(text: str, start: int, end: int) -> bool:
    """The year-like number `text[start:end]` is one end of a Chinese from-to frame whose
    other end is no bare year, or that a verb of change joins (`_TO_YEAR`): a value."""
    before = _TO_YEAR.search(text, max(0, start - 48), start)
    if before:
        return not _bare_year(*before.group(1, 2)) \
            or bool(_CHANGE_ZH.search(before.group(2) + before.group(3)))
    if not _FROM_ZH_END.search(text, max(0, start - 8), start):
        return False
    after = _FROM_YEAR.match(text, end)
    return after is not None and (not _bare_year(*after.group(2, 3))
                                  or bool(_CHANGE_ZH.search(after.group(1))))


_FROM_ZH_END = lazy(_FROM_ZH + "$")
# A verb of change or 达 just before 到/至 (增加到 2030, 提升至 2030, 增至 2030, 达到 2030,
# 减少到 2030): what follows is the value it goes to, however much it looks like a year, as
# "to 2030" is in English (okr35). A year is written with 年 (增加到 2030 年, 到2030年), which
# `DATE` has blanked already; 从 2025 到 2030 (no verb before 到) stays a span of years.
_CHANGED_TO = lazy("(?:" + _CHANGE_ZH.pattern + r"|增|达)\s?(?:到|至)\s*$")


def _changed_to(text: str, at: int) -> bool:
    """The year-like number at `at` is what a Chinese verb of change goes to (`_CHANGED_TO`)."""
    return bool(_CHANGED_TO.search(text, max(0, at - 8), at))
_BARE_YEAR = lazy(r"(?:19|20)\d{2}")


def _bare_year(number: str, after: str) -> bool:
    """A number written as a bare year (`2025`, not `2025人`, `2025万`, `800`), given the
    character `after` it (or a space and it)."""
    return bool(_BARE_YEAR.fullmatch(number)) and not _YEAR_NOT_AFTER.match(after.strip())


_YEAR_NOT_AFTER = lazy(r"[a-z%万亿元人名个千]|" + COUNT_WORD)
_COUNTED_AFTER = lazy(r"\s?(?:[万亿元人名个千]|" + COUNT_WORD + ")")


def _frames(word: str) -> bool:
    word = word.strip().lower()
    return word in FRAME_EN or any(word.endswith(w) for w in ("到", "至", "为", "达", "于", "是"))


def has_metric(text: str) -> bool:
    """True when, after numbers, dates, comparators and framing verbs, something is left
    that says what is measured ("月活跃用户数", "conversion rate")."""
    rest = NOT_TARGET.sub(" ", DATE.sub(" ", simplified(text)))
    rest = re.sub(r"[\d.,%‰/×+\-<>=≤≥~:()（）,,、。;;]+", " ", rest)
    rest = _FRAME_ZH.sub(" ", rest)
    cjk = sum(len(run) for run in _CJK.findall(rest))
    latin = [w for w in _words(rest) if w not in FRAME_EN and w not in VAGUE_EN]
    return cjk >= 2 or bool(latin)


def has_target(text: str, released: bool | None = None) -> bool:
    """True when the text states a value to reach: a number that is not a date, a version,
    service hours or a measurement window (`released` as in `not_targets`)."""
    return bool(quantities(not_targets(simplified(text), released)))


def target_text(text: str) -> str:
    """`text` (read in Simplified script) with everything that is no value to reach blanked
    out by spaces (`not_targets`), exactly as `assess` reads it for a target: the quantities
    left in it are the sentence's values. Offsets hold when `simplified` keeps the length."""
    said = simplified(text)
    return not_targets(said, _released(said))


def _released(said: str) -> bool:
    """The sentence (in Simplified script) is about a release or another activity."""
    return bool(_found(said, ACTIVITY_ZH, ACTIVITY_EN)) or bool(_ACTIVITY_PAST.search(said.lower()))


def has_deadline(text: str) -> bool:
    """True when the text says by when: a date, a quarter, an event (618), a calendar year;
    not a fiscal year alone (`FISCAL_YEAR`: its months are the company's), but its end with
    前 (`FISCAL_YEAR_END`: 2027财年底前). An IME's
    full-width letters and digits read as ASCII (`ＦＹ２０２６` is FY2026)."""
    said = fold_width(simplified(text))
    return bool(FISCAL_YEAR_END.search(said)) or bool(DATE.search(_blank(FISCAL_YEAR, said)))


def fiscal_year(text: str) -> str | None:
    """The first fiscal year the text names, as written (`FY2026`, `2026財年`, `ＦＹ２０２６`),
    else None."""
    said = fold_width(simplified(text))  # same length: offsets into `text` hold
    m = FISCAL_YEAR.search(said)
    if m is None:
        return None
    return text[m.start():m.end()] if len(said) == len(text) else m.group()


def assess(text: str) -> Verdict:
    """What a key result written as one sentence says (Traditional script read as Simplified;
    the vague and activity words are quoted as the author wrote them: 提昇, 召開). A new
    Verdict each call (callers set its fields)."""
    v = _assessed(text)
    return Verdict(v.metric, v.target, v.deadline, list(v.vague), list(v.activity),
                   v.sentence, v._read)


# Positions share KPI sentences (1,000 KPIs, 96 sentences at 500 teams): each is read once.
@lru_cache(maxsize=1 << 14)
def _assessed(text: str) -> Verdict:
    said = simplified(text)
    vague = _found(said, VAGUE_ZH, VAGUE_EN)
    make = _MAKE_MORE.match(said)
    if make:
        vague.append(make.group(1).lower())
    activity = _found(said, ACTIVITY_ZH, ACTIVITY_EN)
    if activity and all(w in ADVERB_ZH for w in vague):
        vague = []  # 全面上线, 正式启动: how an activity is done
    words = _words(said.lower())
    if vague and words and words[0] in _NOUN_TOO_EN and all(w == words[0] for w in vague) \
            and _ACTIVITY_PAST.search(" ".join(words[1:5])):
        vague = []  # "Support chatbot deployed": a thing, not the verb "support"
    released = bool(activity) or bool(_ACTIVITY_PAST.search(said.lower()))  # as _released
    read = not_targets(said, released)
    return Verdict(metric=has_metric(said), target=bool(quantities(read)),
                   deadline=has_deadline(said),
                   vague=[as_written(text, said, w) for w in vague],
                   activity=[as_written(text, said, w) for w in activity],
                   sentence=text, _read=read)


def activity_verb(text: str, v: Verdict) -> str | None:
    """The activity verb a key result is written around, as written (上线, 上線, launch,
    launched), or None. Word order does not matter: first ("上线2.0版本", "Launch v2", after
    将/正式/已 or an adverb), last in Chinese ("2.0版本上线", "制定完成", "由市场部负责举办"),
    or an English past participle when there is no target ("Version 2.0 launched"). `v` is the
    key result's verdict: a vague one is OK004's, so only a leading verb counts there."""
    written = text.strip()
    said = simplified(written)
    low = said.lower()
    # a frequency or a date first says when, not what: 每月组织, Q3 完成, "In Q3, complete"
    body = _LEAD_TIME.sub("", low, count=1)
    words = _words(body)
    lead = next((i for i, w in enumerate(words) if not _adverb(w)), len(words))
    first = " ".join(words[lead:lead + 2])
    zh = _LEAD_ZH.sub("", body)
    verb = next((w for w in ACTIVITY_ZH if zh.startswith(w)), None)
    if verb and _NOT_DONE_ZH.match(zh, len(verb)):
        verb = None  # 上线后..., 完成率...: when, or what is measured, not what is done
    if verb and v.target and _after_done(zh, len(verb)):
        verb = None  # 上线智能推荐后点击率从3%提升到4.5%: when the outcome is measured
    if not verb and low[:1].isascii():
        verb = next((w for w in ACTIVITY_EN if words[lead:lead + 1] in ([w], [f"{w}s"])
                     or (" " in w and first == w)), None)
        if verb and "rate" in words[lead + 1:lead + 3]:
            verb = None  # "Launch success rate 99%": the name of a rate
    if verb or (v.vague and not v.target):
        return as_written(written, said, verb) if verb else None
    end = len(said)
    while True:  # the last verb, then the one before 完毕/完成/了 (制定完成, 编写完毕)
        verb = next((w for w in ACTIVITY_ZH if said.endswith(w, 0, end)), None)
        if verb == "完成" and v.target and _DEADLINE_END.search(said, 0, end - len(verb)):
            break  # 从3%降到1.5%，6月30日前完成: the deadline of a target, not an activity
        if verb:
            return as_written(written, said, verb)
        done = next((w for w in _DONE_ZH if said.endswith(w, 0, end)), "")
        if not done:
            break
        end -= len(done)
        while end and said[end - 1].isspace():
            end -= 1
    towards = None if v.target else _TOWARDS_ZH.search(said)
    if towards:  # 部署到生产环境, 发布至全部商家
        return as_written(written, said, said[towards.start():towards.end() - 1])
    past = None if v.target else _ACTIVITY_PAST.search(low)
    if past and not _COUNT_OF.search(low, 0, past.start()):
        return as_written(written, said, said[past.start():past.end()])
    later = _later_clause_verb(said) if v.target else None
    return as_written(written, said, later) if later else None


# What ends a clause (a comma that is no thousands separator, a semicolon, a stop).
_CLAUSE = lazy(r"[，；;。]|,(?!\d)")


def _later_clause_verb(said: str) -> str | None:
    """The activity verb that opens a clause after the first, in a key result with a target
    (`3月31日前新用户留存达到60%，上线2.0版本`, "Reach 60% retention by March 31, and launch
    v2"): the order of an activity and its outcome does not matter, as it does not when the
    activity comes first. Not a time clause or a rate (`，上线后...`, `，完成率100%`)."""
    for part in _CLAUSE.split(said)[1:]:
        zh = _LEAD_ZH.sub("", part.strip())
        verb = next((w for w in ACTIVITY_ZH if zh.startswith(w)), None)
        if verb and not _NOT_DONE_ZH.match(zh, len(verb)) \
                and not _ONLY_WHEN.fullmatch(zh, len(verb)):
            return verb
        words = _words(part)
        lead = next((i for i, w in enumerate(words) if not _adverb(w)), len(words))
        first = " ".join(words[lead:lead + 2])
        verb = next((w for w in ACTIVITY_EN if words[lead:lead + 1] in ([w], [f"{w}s"])
                     or (" " in w and first == w)), None)
        # "..., complete by June 30" is the deadline; "..., run by the CX team" a passive
        if verb and not {"rate", "by"} & set(words[lead + 1:lead + 3]):
            return verb
    return None


# After a closing activity verb, only when it is due (`，完成于6月30日`, `，完成`): a deadline.
_ONLY_WHEN = lazy(r"\s*(?:(?:于|在)\s*(?:" + DATE.pattern + r")\s*(?:之前|以前|前)?)?"
                  r"\s*[。.!！]?\s*", re.IGNORECASE)


def as_written(text: str, said: str, word: str) -> str:
    """`word`, found in `said` (the Simplified reading of `text`), in the author's script."""
    low = said.lower()  # "Launch v2" is quoted as 'Launch'
    at = (low if len(low) == len(said) else said).find(word.lower())
    return text[at:at + len(word)] if at >= 0 and len(said) == len(text) else word


MISSING = {"a metric": M("no metric"), "a target value": M("no target value"),
           "a time bound": M("no time bound")}  # a verdict's `missing`, said as a finding


def rewrite_hint(text: str, due: dt.date | None = None, today: dt.date | None = None) -> str:
    """The shape of a measurable rewrite, with an example on the subject of `text`, due
    `due` (the end of its objective's period; None: the example's own month and day, the
    first on or after `today`, the run's date) (an `M`: said in the output's language, like
    the message it belongs to)."""
    from orgspec.text.krexample import example_for

    return M("write it as <metric> from <baseline> to <target> by <date>, e.g. {example}",
             example=example_for(text, due, today))


def kpi_hint(text: str) -> str:
    """`rewrite_hint` for a position's KPI: no date, since a KPI is measured every period
    (its verdict asks for none)."""
    from orgspec.text.krexample import kpi_example_for

    return M("write it as <metric> from <baseline> to <target> (a KPI is measured every "
             "period, so it needs no date), e.g. {example}", example=kpi_example_for(text))
