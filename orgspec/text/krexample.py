"""A measurable key result to show beside one that is not, on the same subject: a complaint
rate for a customer-service key result, GMV for a sales one, not monthly active users for
every team (a warehouse reading "月活跃用户数从120万增长到132万" under its own key result
learns the shape but not how its own goal is measured). The first subject whose words the
text holds decides (read in Simplified script, case-blind); none gives a neutral example.
"""

from __future__ import annotations

from orgspec.i18n import M

# (words in the key result, the example); in order: 用户满意度 is service, not users,
# 支付接口故障 stability, not checkout
_SUBJECTS: tuple[tuple[tuple[str, ...], M], ...] = (
    (("客服", "客诉", "投诉", "满意度", "服务质量", "服务品质", "好评", "差评", "工单", "售后",
      "退款", "退货", "complaint", "satisfaction", "service quality", "csat", "nps", "support",
      "ticket", "refund"),
     M("complaint rate from 3% to 1.5% by 2026-06-30")),
    (("故障", "稳定", "可用", "宕机", "性能", "uptime", "outage", "incident",
      "availability", "latency"),
     M("service availability from 99.5% to 99.9% by 2026-06-30")),
    (("转化", "支付", "结算", "下单", "conversion", "checkout"),
     M("checkout conversion rate from 2.1% to 2.6% by 2026-06-30")),
    (("物流", "发货", "配送", "履约", "仓", "库存", "时效", "shipping", "delivery",
      "warehouse", "fulfil", "inventory"),
     M("orders shipped within 48 hours from 92% to 98% by 2026-06-30")),
    (("招聘", "离职", "流失率", "培训", "员工", "人才", "团队建设", "team member", "hiring",
      "attrition", "turnover", "training", "employee", "onboarding"),
     M("attrition in key positions from 15% to 10% by 2026-12-31")),
    (("品牌", "知名度", "曝光", "口碑", "brand", "awareness"),
     M("monthly brand-name searches from 200k to 300k by 2026-06-30")),
    (("成本", "费用", "预算", "cost", "spend", "budget", "expense"),
     M("fulfilment cost per order from ¥8 to ¥6.5 by 2026-12-31")),
    (("销售", "营收", "收入", "gmv", "成交", "订单", "客单价", "复购", "sales", "revenue",
      "order", "repeat purchase"),
     M("GMV from ¥50M to ¥60M by 2026-12-31")),
    (("用户", "活跃", "留存", "会员", "粉丝", "流量", "社群", "互动", "user", "active",
      "retention", "member", "traffic", "follower", "community", "engagement"),
     M("monthly active users from 1.2M to 1.32M by 2026-03-31")),
)
NEUTRAL = M("on-time rate from 80% to 95% by 2026-06-30")


def example_for(text: str) -> M:
    """A measurable key result on the subject of `text` (a key result's or KPI's title),
    else a neutral one; an `M`, said in the output's language."""
    from orgspec.text.script import to_simplified

    said = to_simplified(text).casefold()
    for words, example in _SUBJECTS:
        if any(word in said for word in words):
            return example
    return NEUTRAL
