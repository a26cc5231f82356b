"""A measurable key result to show beside one that is not, on the same subject: a complaint
rate for a customer-service key result, GMV for a sales one, not monthly active users for
every team (a warehouse reading "月活跃用户数从120万增长到132万" under its own key result
learns the shape but not how its own goal is measured). The first subject whose words the
text holds decides (read in Simplified script, case-blind); none gives a neutral example.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from orgspec.i18n import M
from orgspec.text.lazyre import lazy

Example = Callable[[M], M]  # the example with its deadline (`_date`) in it

# (words in the key result, the example, its deadline when the objective has none: month,
# day of 2026); in order: 客服满意度 is a score, not complaints (trial 30b: a 满意度 key
# result was shown a complaint rate), 用户满意度 not users, 员工满意度 a score too, not
# attrition; 支付接口故障 stability, not checkout
_SUBJECTS: tuple[tuple[tuple[str, ...], Example, tuple[int, int]], ...] = (
    (("满意度", "满意率", "好评率", "评分", "satisfaction", "csat", "nps"),
     lambda d: M("satisfaction score from 4.6 to 4.8 by {date}", date=d), (6, 30)),
    (("客服", "客诉", "投诉", "服务质量", "服务品质", "好评", "差评", "工单", "售后",
      "退款", "退货", "complaint", "service quality", "support",
      "ticket", "refund"),
     lambda d: M("complaint rate from 3% to 1.5% by {date}", date=d), (6, 30)),
    (("故障", "稳定", "可用", "宕机", "性能", "uptime", "outage", "incident",
      "availability", "latency"),
     lambda d: M("service availability from 99.5% to 99.9% by {date}", date=d), (6, 30)),
    (("转化", "支付", "结算", "下单", "conversion", "checkout"),
     lambda d: M("checkout conversion rate from 2.1% to 2.6% by {date}", date=d), (6, 30)),
    (("物流", "发货", "出货", "配送", "履约", "仓", "库存", "时效", "shipping", "delivery",
      "warehouse", "fulfil", "inventory"),
     lambda d: M("orders shipped within 48 hours from 92% to 98% by {date}", date=d), (6, 30)),
    (("招聘", "离职", "流失率", "培训", "员工", "人才", "团队建设", "team member", "hiring",
      "attrition", "turnover", "training", "employee", "onboarding"),
     lambda d: M("attrition in key positions from 15% to 10% by {date}", date=d), (12, 31)),
    (("品牌", "知名度", "曝光", "口碑", "brand", "awareness"),
     lambda d: M("monthly brand-name searches from 200k to 300k by {date}", date=d), (6, 30)),
    (("成本", "费用", "预算", "cost", "spend", "budget", "expense"),
     lambda d: M("fulfilment cost per order from ¥8 to ¥6.5 by {date}", date=d), (12, 31)),
    (("销售", "营收", "收入", "gmv", "成交", "订单", "客单价", "复购", "sales", "revenue",
      "order", "repeat purchase"),
     lambda d: M("GMV from ¥50M to ¥60M by {date}", date=d), (12, 31)),
    (("用户", "活跃", "留存", "会员", "粉丝", "流量", "社群", "互动", "user", "active",
      "retention", "member", "traffic", "follower", "community", "engagement", "churn"),
     lambda d: M("monthly active users from 1.2M to 1.32M by {date}", date=d), (3, 31)),
)
_NEUTRAL: tuple[Example, tuple[int, int]] = (
    lambda d: M("on-time rate from 80% to 95% by {date}", date=d), (6, 30))
# A key result that lowers something is shown a decrease (trial 33b: `Reduce churn` was shown
# an on-time rate going up): per subject of `_SUBJECTS` whose example rises, in its order, the
# example that falls (None: the subject's example falls already), then the neutral one.
_DOWN: tuple[Example | None, ...] = (
    lambda d: M("complaint rate from 3% to 1.5% by {date}", date=d), None,
    lambda d: M("P1 incidents per month from 6 to 2 by {date}", date=d),
    lambda d: M("cart abandonment rate from 70% to 60% by {date}", date=d),
    lambda d: M("average delivery time from 48 hours to 36 hours by {date}", date=d),
    None, None, None,
    lambda d: M("return rate from 8% to 5% by {date}", date=d),
    lambda d: M("monthly churn rate from 5% to 3.5% by {date}", date=d),
    lambda d: M("defect rate from 2% to 1% by {date}", date=d))
_DOWN_KPI: tuple[M | None, ...] = (
    M("complaint rate from 3% to 1.5%"), None, M("P1 incidents per month from 6 to 2"),
    M("cart abandonment rate from 70% to 60%"),
    M("average delivery time from 48 hours to 36 hours"), None, None, None,
    M("return rate from 8% to 5%"), M("monthly churn rate from 5% to 3.5%"),
    M("defect rate from 2% to 1%"))
# Words that lower what they measure (降低退货率, Reduce churn, cut costs).
_DOWN_WORDS = lazy(r"降低|减少|缩短|下降|压缩|减半|砍半|降至|降到|"
                   r"\b(?:reduce[sd]?|reducing|lower|lowering|cut|cutting|decrease[sd]?|"
                   r"shorten|shrink|minimi[sz]e|halve)\b")
YEAR = 2026  # the examples' year when the objective says none
# The same examples without a deadline, in the order of `_SUBJECTS` and then the neutral
# one: for a position's KPI, which is measured every period and so has no date of its own
# (a fixed 6月30日 matched no period and was soon past)
_KPI_EXAMPLES: tuple[M, ...] = (
    M("satisfaction score from 4.6 to 4.8"), M("complaint rate from 3% to 1.5%"),
    M("service availability from 99.5% to 99.9%"),
    M("checkout conversion rate from 2.1% to 2.6%"),
    M("orders shipped within 48 hours from 92% to 98%"),
    M("attrition in key positions from 15% to 10%"),
    M("monthly brand-name searches from 200k to 300k"),
    M("fulfilment cost per order from ¥8 to ¥6.5"), M("GMV from ¥50M to ¥60M"),
    M("monthly active users from 1.2M to 1.32M"), M("on-time rate from 80% to 95%"))


def _date(day: dt.date) -> M:
    """A deadline as the examples say it: 2026-09-30, 9月30日."""
    return M("{year}-{month:02d}-{day:02d}", year=day.year, month=day.month, day=day.day)


def _subject(said: str, down: bool = False) -> int:
    """The index in `_SUBJECTS` of the first subject whose words `said` holds, else
    len(_SUBJECTS) (the neutral example); `down`: the first whose own example falls, if any
    (降低物流成本 is a cost, not a delivery time)."""
    held = [i for i, (words, _ex, _md) in enumerate(_SUBJECTS)
            if any(word in said for word in words)]
    falling = [i for i in held if down and _DOWN[i] is None]
    return (falling or held or [len(_SUBJECTS)])[0]


def example_for(text: str, due: dt.date | None = None, today: dt.date | None = None) -> M:
    """A measurable key result on the subject of `text` (a key result's or KPI's title),
    else a neutral one, going down when `text` lowers something (降低, reduce), due `due`
    (the last day of the objective's period: a Q3 objective's example is due by 9月30日,
    never 3月31日), else by the subject's own month and day, the first on or after `today`
    (the run's date: an example is never due in the past), else in 2026; an `M`, said in
    the output's language."""
    from orgspec.text.script import to_simplified

    said = to_simplified(text).casefold()
    down = bool(_DOWN_WORDS.search(said))
    at = _subject(said, down)
    example, (month, day) = _SUBJECTS[at][1:] if at < len(_SUBJECTS) else _NEUTRAL
    if down:
        example = _DOWN[at] or example
    if due is None:
        due = dt.date(today.year if today else YEAR, month, day)
        if today and due < today:
            due = due.replace(year=due.year + 1)
    return example(_date(due))


def kpi_example_for(text: str) -> M:
    """A measurable KPI on the subject of `text` (a KPI's title), else a neutral one, with
    no deadline (a KPI is measured every period); an `M`, said in the output's language."""
    from orgspec.text.script import to_simplified

    said = to_simplified(text).casefold()
    down = bool(_DOWN_WORDS.search(said))
    at = _subject(said, down)
    return (_DOWN_KPI[at] if down else None) or _KPI_EXAMPLES[at]
