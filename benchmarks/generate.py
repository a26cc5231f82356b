"""Write a deterministic synthetic org: one file per team, Chinese, English and mixed text.

    python benchmarks/generate.py --teams 5000 --out benchmarks/out/5000

Each team file holds the team, its 6-14 people, 10 duties with RACI owners, 4 objectives
with 3 key results each, one 8-step process, two positions (with KPIs) and a weekly meeting
with the parent team; teams share one chat channel. About 1 % of duties get a second
accountable team, 1 % of key results are vague, about 1 % of positions are vacant, 1 % of
KPIs are vague and 1 % of teams have no channel (coordination gaps), so the rules have work
to do. Positions and meetings take no random numbers, so the rest of the org is the same
with or without them.

`--text people` writes duties the way people do: a small vocabulary of verbs and objects
with shared purpose clauses (`…，以提升转化率`, `… to reduce churn`), so thousands of duties
share a tail, in Chinese, English and mixed (`预测 pricing audit trail`); and about 0.6 % of
duties mention a team or person id that does not exist (a typo of a real one). Teams come
in divisions of `DIVISION` (500): each division names its own product line in its duties
(`优化星云商品详情页，以提升转化率`, `Optimise Kavo checkout funnel to reduce churn`), so
a 5,000-team org is ten 500-team orgs' worth of text, not one vocabulary stretched ten
times as far. `--text people-shared` leaves the product line out (the org as issue 20
filed it): its vocabulary gives about 10,400 distinct duties, so at 5,000 teams 96 % of
duties are word for word another team's (39 % at 500) and near-duplicate groups grow with
the org (largest 29 duties at 500 teams, 206 at 5,000).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from pathlib import Path
from typing import Any

VERBS_ZH = ["处理", "监控", "分析", "维护", "制定", "优化", "审核", "跟进", "协调", "保障"]
OBJECTS_ZH = ["用户投诉与建议", "销售数据", "订单异常", "广告投放", "库存预警", "支付接口",
              "用户反馈", "促销活动", "供应商合同", "退款申请", "物流时效", "数据安全"]
REGIONS_ZH = ["华东区", "华南区", "华北区", "西南区", "全国"]
VERBS_EN = ["handle", "monitor", "analyse", "maintain", "define", "review", "track",
            "coordinate", "secure", "report"]
OBJECTS_EN = ["customer complaints", "sales data", "order exceptions", "ad placement",
              "inventory alerts", "payment gateway", "user feedback", "promotions",
              "supplier contracts", "refund requests", "delivery times", "data security"]
REGIONS_EN = ["east region", "south region", "north region", "west region", "nationwide"]
# --text people: what real orgs write (issue 20).
P_VERBS_ZH = ["负责", "优化", "监控", "分析", "推进", "预测", "管理", "跟进"]
P_OBJECTS_ZH = ["商品详情页", "购物车页面", "会员体系", "搜索排序", "支付流程", "物流时效",
                "客服工单", "直播间", "优惠券发放", "库存周转", "供应商交付", "退款审核"]
P_WHERE_ZH = ["", "", "App 端", "小程序", "海外站", "华东区", "华南区", "旗舰店", "B2B 业务"]
P_CLAUSES_ZH = ["，以提升转化率", "，并每月向管理层汇报", "，以降低客诉率", "，确保按时交付",
                "，以提升用户满意度", ""]
P_VERBS_EN = ["run experiments to improve", "own", "monitor", "forecast", "review",
              "optimise", "drive", "report on"]
P_OBJECTS_EN = ["activation KPIs", "conversion KPIs", "pricing audit trail", "checkout funnel",
                "search ranking", "vendor spend", "cloud costs", "onboarding flow",
                "retention cohorts", "support backlog", "release quality", "ad budget"]
P_WHERE_EN = ["", "", "mobile app ", "EU ", "wholesale ", "marketplace ", "APAC "]
P_CLAUSES_EN = [" to reduce churn", " to keep costs under control",
                ", reported monthly to leadership", " to improve conversion", ""]
SURNAMES = ["li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu"]


NAME_ZH = "星云海川山河风雷光明天地金银玉石松竹梅兰春夏秋冬东南西北晨曦远航启辰锦绣鸿运"
NAME_EN = ["ka", "vo", "rin", "lu", "mei", "tas", "or", "pen", "dra", "qui", "zel", "mor",
           "ith", "sa", "bel", "con", "fa", "gri", "hol", "jun", "lex", "nov", "pra", "ster"]
# Edits that keep the meaning (what real near-duplicates look like), Chinese and English.
EDITS_ZH = [("处理", "解决"), ("监控", "跟踪"), ("分析", "研究"), ("维护", "保持"),
            ("制定", "规划"), ("数据", "指标"), ("用户", "客户")]
EDITS_EN = [("handle", "resolve"), ("monitor", "track"), ("analyse", "study"),
            ("maintain", "look after"), ("data", "figures"), ("define", "draw up")]


def domain(i: int, rng: random.Random) -> tuple[str, str]:
    """A team's own product or system name, in Chinese and in English."""
    zh = "".join(NAME_ZH[i // len(NAME_ZH) ** k % len(NAME_ZH)] for k in range(3)) + \
        rng.choice(["商城", "平台", "中心", "频道"])
    en = "".join(NAME_EN[i // len(NAME_EN) ** k % len(NAME_EN)] for k in range(3)).capitalize()
    return zh, en  # unique per team: real product names rarely collide


def describe(rng: random.Random, names: tuple[str, str]) -> str:
    """A duty description: 45 % Chinese, 45 % English, 10 % mixed."""
    roll = rng.random()
    v, o, r = rng.randrange(10), rng.randrange(12), rng.randrange(5)
    if roll < 0.45:
        return f"{REGIONS_ZH[r]}{VERBS_ZH[v]}{names[0]}的{OBJECTS_ZH[o]}"
    if roll < 0.90:
        return f"{VERBS_EN[v]} {OBJECTS_EN[o]} of {names[1]} for the {REGIONS_EN[r]}"
    return f"{VERBS_ZH[v]}{names[0]}的{OBJECTS_ZH[o]} via the {names[1]} dashboard"


TEXTS = ("plain", "people", "people-shared")
DIVISION = 500  # teams per division in --text people (each names its own product line)


def product_line(i: int, text: str) -> tuple[str, str]:
    """The product line team `i`'s division names in its duties, in Chinese and English
    (`星云`, `Kavo `); none in --text people-shared."""
    if text != "people":
        return "", ""
    d = i // DIVISION
    zh = NAME_ZH[d % len(NAME_ZH)] + NAME_ZH[(d // len(NAME_ZH) + 7 * d + 1) % len(NAME_ZH)]
    en = NAME_EN[d % len(NAME_EN)] + NAME_EN[(d // len(NAME_EN) + 5 * d + 1) % len(NAME_EN)]
    return zh, en.capitalize() + " "


def describe_people(rng: random.Random, line: tuple[str, str] = ("", "")) -> str:
    """A duty as people write it (--text people): 40 % Chinese, 40 % English, 20 % mixed,
    drawn from small vocabularies with shared purpose clauses, about the division's product
    `line` (`product_line`)."""
    roll = rng.random()
    if roll < 0.4:
        return (rng.choice(P_VERBS_ZH) + rng.choice(P_WHERE_ZH) + line[0]
                + rng.choice(P_OBJECTS_ZH) + rng.choice(P_CLAUSES_ZH))
    if roll < 0.8:
        text = (rng.choice(P_VERBS_EN) + " " + rng.choice(P_WHERE_EN) + line[1]
                + rng.choice(P_OBJECTS_EN) + rng.choice(P_CLAUSES_EN))
        return text[0].upper() + text[1:]
    return (rng.choice(P_VERBS_ZH) + " " + rng.choice(P_WHERE_EN) + line[1]
            + rng.choice(P_OBJECTS_EN) + rng.choice(P_CLAUSES_ZH))


def typo(ident: str, rng: random.Random) -> str:
    """A misspelling of an id: one character dropped, doubled or swapped with the next."""
    k = rng.randrange(1, len(ident) - 1)
    edit = rng.randrange(3)
    if edit == 0:
        return ident[:k] + ident[k + 1:]
    if edit == 1:
        return ident[:k] + ident[k] + ident[k:]
    return ident[:k] + ident[k + 1] + ident[k] + ident[k + 2:]


def near_copy(text: str, rng: random.Random) -> str:
    """The same duty in other words: a synonym, a `负责`/`Responsible for:` prefix."""
    edits = EDITS_ZH if any("\u4e00" <= c <= "\u9fff" for c in text) else EDITS_EN
    for old, new in rng.sample(edits, len(edits)):
        if old in text:
            text = text.replace(old, new, 1)
            break
    if rng.random() < 0.5:
        text = ("负责" + text) if edits is EDITS_ZH else ("Responsible for: " + text)
    return text


def team_file(i: int, teams: int, rng: random.Random, pool: list[tuple[str, str]],
              text: str = "plain") -> tuple[str, dict[str, int]]:
    """The YAML text of team `i` and counts of what was planted in it; `pool` holds
    (duty id, description) of earlier teams, to copy near-duplicates from."""
    tid = f"team-{i:05d}"
    parent = f"team-{(i - 1) // 8:05d}" if i else None
    people = [f"{rng.choice(SURNAMES)}-{i:05d}-{k}" for k in range(rng.randint(6, 14))]
    lines = ["# yaml-language-server: $schema=../schemas/org.schema.json"]
    lines += _team(tid, i, parent, people)
    lines += [f"- {{kind: Person, id: {p}, name: 员工 {p}, title: Engineer}}" for p in people]
    planted: dict[str, Any] = {"overlaps": 0, "vague": 0, "near_duplicates": [],
                               "unknown_refs": 0, "vacancies": 0, "vague_kpis": 0}
    names = domain(i, rng)
    for k in range(10):
        other = f"team-{rng.randrange(teams):05d}"
        overlap = rng.random() < 0.01 and other != tid
        planted["overlaps"] += overlap
        rid = f"{tid}-d{k}"
        duty = (describe(rng, names) if text == "plain"
                else describe_people(rng, product_line(i, text)))
        if pool and rng.random() < 0.03:
            source, original = rng.choice(pool)
            duty = near_copy(original, rng)
            planted["near_duplicates"].append([source, rid])
        pool.append((rid, duty))
        if text != "plain" and rng.random() < 0.006:
            other = typo(rng.choice([other, people[-1]]), rng)
            planted["unknown_refs"] += 1
        lines += _duty(rid, duty, tid, other, overlap)
    for k in range(4):
        parent_objective = f"team-{(i - 1) // 8:05d}-o{k}" if i else None
        lines += _objective(f"{tid}-o{k}", tid, k, rng, planted, parent_objective)
    lines += _process(f"{tid}-flow", tid)
    lines += _positions(tid, i, people, planted)
    lines += _meeting(tid, parent, people)
    return "\n".join(lines) + "\n", planted


def _team(tid: str, i: int, parent: str | None, people: list[str]) -> list[str]:
    out = ["- kind: Team", f"  id: {tid}", f"  name: 团队 {i} / Team {i}",
           f"  lead: {people[0]}", f"  members: [{', '.join(people)}]",
           "  mission: 保障业务稳定 and keep customers happy",
           "  responsibilities:"]
    out += [f"    - {tid}-d{k}" for k in range(10)]
    if i % 100 != 37:  # 1 % of teams have no channel: their hand-offs are coordination gaps
        out.append("  channels: [钉钉-全员群]")
    return out + ([f"  parent: {parent}"] if parent else [])


def _positions(tid: str, i: int, people: list[str], planted: dict[str, Any]) -> list[str]:
    vacant = i % 97 == 5
    vague = i % 89 == 3
    planted["vacancies"] += vacant
    planted["vague_kpis"] += vague
    second = "待招聘" if vacant else people[3]
    kpi = "提升用户活跃度" if vague else f"首次响应时间不超过 {2 + i % 5} 分钟"
    return ["- kind: Role", f"  id: {tid}-r0", "  name: 运营专员", f"  team: {tid}",
            f"  holders: [{people[1]}, {people[2]}]", f"  duties: [{tid}-d0, {tid}-d1]",
            "  kpis:", f"    - 月活跃用户数达到 {10 + i % 90} 万",
            "- kind: Role", f"  id: {tid}-r1", "  name: Support engineer", f"  team: {tid}",
            f"  holders: [{second}]", f"  duties: [{tid}-d2]", "  kpis:", f"    - {kpi}"]


def _meeting(tid: str, parent: str | None, people: list[str]) -> list[str]:
    attendees = f"[{tid}, {parent}]" if parent else f"[{tid}]"
    return ["- kind: Meeting", f"  id: {tid}-weekly", "  name: 周例会", "  cadence: 每周",
            f"  owner: {people[0]}", f"  attendees: {attendees}", "  inputs: [周报]"]


def _duty(rid: str, text: str, tid: str, other: str, overlap: bool) -> list[str]:
    accountable = f"[{tid}, {other}]" if overlap else tid
    return ["- kind: Responsibility", f"  id: {rid}", f"  description: \"{text}\"",
            f"  accountable: {accountable}", f"  consulted: [{other}]"]


def _objective(oid: str, tid: str, k: int, rng: random.Random, planted: dict[str, Any],
               aligns_to: str | None) -> list[str]:
    out = ["- kind: Objective", f"  id: {oid}", f"  title: 目标 {k} for {tid}",
           f"  owner: {tid}", "  period: 2026-Q1", "  key_results:"]
    if aligns_to:
        out.insert(5, f"  aligns_to: {aligns_to}")
    for j in range(3):
        base = rng.randrange(100, 10_000)
        if rng.random() < 0.01:
            planted["vague"] += 1
            out += [f"    - id: kr{j}", "      title: 提升用户活跃度"]
            continue
        out += [f"    - id: kr{j}", f"      title: 月活跃用户数从{base}万增长到{base + 12}万",
                "      metric: monthly_active_users", f"      baseline: {base}",
                f"      target: {base + 12}", "      due: 2026-03-31"]
    return out


def _process(pid: str, tid: str) -> list[str]:
    out = ["- kind: Process", f"  id: {pid}", f"  name: Flow of {tid}", f"  owner: {tid}",
           "  steps:"]
    for s in range(8):
        nxt = f", next: [s{s + 1}]" if s < 7 else ""
        out.append(f"    - {{id: s{s}, name: 步骤 {s}, owner: {tid}, sla: 2h{nxt}}}")
    return out


def generator_digest() -> str:
    """A digest of this file: an org written by another version of the generator (one
    without positions and meetings, say) is not the org this version writes."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def is_current(out: Path) -> bool:
    """Whether `out` holds an org written by this version of the generator."""
    try:
        totals = json.loads((out / "ground_truth.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(totals, dict) and totals.get("generator") == generator_digest()


def generate(teams: int, out: Path, seed: int = 20261122, text: str = "plain") -> dict[str, Any]:
    """Write the org under `out/teams/` (deleting `out` first) and return what was planted;
    `text` is "plain" (the synthetic vocabulary), "people" (as people write it, a product
    line per division) or "people-shared" (as people write it, one vocabulary for all)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "teams").mkdir(parents=True)
    rng = random.Random(seed)
    totals: dict[str, Any] = {"teams": teams, "text": text, "overlaps": 0, "vague": 0,
                              "near_duplicates": [], "unknown_refs": 0, "vacancies": 0,
                              "vague_kpis": 0, "generator": generator_digest()}
    pool: list[tuple[str, str]] = []
    for i in range(teams):
        body, planted = team_file(i, teams, rng, pool, text)
        (out / "teams" / f"team-{i:05d}.yaml").write_text(body, "utf-8")
        for key, value in planted.items():
            totals[key] += value
    (out / "ground_truth.json").write_text(json.dumps(totals, indent=1) + "\n", "utf-8")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=50)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--text", choices=TEXTS, default="plain",
                        help="duty text: synthetic (plain) or as people write it (people; "
                             "people-shared: one vocabulary for every division)")
    args = parser.parse_args()
    totals = generate(args.teams, args.out, text=args.text)
    print(json.dumps({k: len(v) if isinstance(v, list) else v for k, v in totals.items()}))


if __name__ == "__main__":
    main()
