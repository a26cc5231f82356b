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
    (("物流", "发货", "配送", "履约", "仓", "库存", "时效", "shipping", "delivery",
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
      "retention", "member", "traffic", "follower", "community", "engagement"),
     lambda d: M("monthly active users from 1.2M to 1.32M by {date}", date=d), (3, 31)),
)
_NEUTRAL: tuple[Example, tuple[int, int]] = (
    lambda d: M("on-time rate from 80% to 95% by {date}", date=d), (6, 30))
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


def example_for(text: str, due: dt.date | None = None) -> M:
    """A measurable key result on the subject of `text` (a key result's or KPI's title),
    else a neutral one, due `due` (the last day of the objective's period: a Q3 objective's
    example is due by 9月30日, never 3月31日), else by the subject's own date; an `M`, said
    in the output's language."""
    from orgspec.text.script import to_simplified

    said = to_simplified(text).casefold()
    example, (month, day) = next(((ex, md) for words, ex, md in _SUBJECTS
                                  if any(word in said for word in words)), _NEUTRAL)
    return example(_date(due or dt.date(YEAR, month, day)))


def kpi_example_for(text: str) -> M:
    """A measurable KPI on the subject of `text` (a KPI's title), else a neutral one, with
    no deadline (a KPI is measured every period); an `M`, said in the output's language."""
    from orgspec.text.script import to_simplified

    said = to_simplified(text).casefold()
    at = next((i for i, (words, _ex, _md) in enumerate(_SUBJECTS)
               if any(word in said for word in words)), len(_SUBJECTS))
    return _KPI_EXAMPLES[at]
